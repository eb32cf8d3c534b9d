"""Goods with their quantities, specifications, models and makers, however the maker is named."""

from __future__ import annotations

import pytest
from extract_helpers import extract, item, party


def _maker(text: str, goods: str, maker: str) -> None:
    found = extract(*text.split(" || "))
    assert item(found, goods).manufacturer == party(found, maker).id


@pytest.mark.parametrize(
    ("text", "goods", "maker"),
    [
        (
            "Kavir Sanat Co. ordered forty Zelterra-made capacitance manometers from Zelterra "
            "Messtechnik AG.",
            "capacitance manometers",
            "Zelterra Messtechnik AG",
        ),
        (
            "Kavir Sanat Co. bought two vacuum furnaces. || The furnaces were manufactured in "
            "Japan by Hokuriku Seiki K.K. of Osaka.",
            "vacuum furnaces",
            "Hokuriku Seiki K.K.",
        ),
        (
            "Kavir Sanat Co. ordered twelve frequency inverters. The inverters, a product of "
            "Hokuriku Seiki K.K., are controlled by the NSG.",
            "frequency inverters",
            "Hokuriku Seiki K.K.",
        ),
        (
            "Kavir Sanat Co. bought 200 kg of aluminium alloy rods. The rods, which were "
            "manufactured in Germany by Halbstein Metall GmbH, reached Penang in June.",
            "aluminium alloy rods",
            "Halbstein Metall GmbH",
        ),
        (
            "The oscilloscopes (model DS-52, 4 GHz bandwidth) were manufactured by Hokuriku Seiki "
            "K.K. and sold to Kavir Sanat Co.",
            "oscilloscopes",
            "Hokuriku Seiki K.K.",
        ),
    ],
)
def test_the_maker_however_it_is_named(text: str, goods: str, maker: str) -> None:
    _maker(text, goods, maker)


def test_goods_with_quantities_and_specifications() -> None:
    found = extract(
        "Lianhe Chemicals Co. sold 20 metric tons of spherical aluminum powder (particle size "
        "5-10 microns) to Kavir Sanat Co.",
        "Kavir Sanat Co. also ordered four spin-forming machines, model SF-800, and 2,000 "
        "liters of trimethyl phosphite.",
        "Tabesh Kala Co. tried to buy 120 mm aluminum alloy tubes, grade 7075-T6, and an "
        "environmental test chamber.",
    )
    assert item(found, "aluminum powder").model is None
    assert item(found, "spin-forming machines").model == "SF-800"
    assert item(found, "trimethyl phosphite")
    assert item(found, "aluminum alloy tubes").model == "7075-T6"
    assert item(found, "environmental test chamber")


def test_conventional_arms_are_goods_too() -> None:
    found = extract(
        "Orlan Arms JSC delivered twelve Saker-4 helicopters, 500 assault rifles and small arms "
        "ammunition to the Ruritanian army.",
        "The contract also covers six 155 mm howitzers and forty MANPADS.",
    )
    assert item(found, "helicopters").model == "Saker-4"
    assert item(found, "assault rifles")
    assert item(found, "ammunition")
    assert item(found, "howitzers")
    assert item(found, "MANPADS")


def test_goods_words_inside_a_name_are_not_goods() -> None:
    found = extract("Kavir Sanat Co. procures for Iran Centrifuge Technology Company (TESA).")
    assert found.items == []


def test_a_country_before_made_is_no_maker() -> None:
    found = extract("Kavir Sanat Co. bought two Japanese-made vacuum furnaces from Tabesh Kala Co.")
    assert item(found, "vacuum furnaces").manufacturer is None


def test_two_kinds_under_one_noun_are_two_items_and_quantities_are_left_out() -> None:
    found = extract(
        "Orlan Arms JSC offered heavy howitzers and 24 light howitzers to the Ruritanian army.",
        "Kavir Sanat Co. ordered 24 servo valves. The servo valves were shipped in May.",
    )
    descriptions = sorted(i.description for i in found.items)
    assert descriptions == ["heavy howitzers", "light howitzers", "servo valves"]
