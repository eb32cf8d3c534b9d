"""Legal forms of the Gulf, Iran, Lebanon, Japan, Britain and Mexico, and names that hold "and"
or "of" inside them."""

from __future__ import annotations

import pytest
from extract_helpers import extract, link, names, party

from interdict.intel.extract import Gazetteer


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Tavana Rahbord Industries PJS bought the pumps.", "Tavana Rahbord Industries PJS"),
        ("Kaveh Sazeh Company PJSC bought the pumps.", "Kaveh Sazeh Company PJSC"),
        ("Al-Rashidi Metals Trading Est. bought the pumps.", "Al-Rashidi Metals Trading Est."),
        ("Golden Dune Electronics FZ-Co bought the pumps.", "Golden Dune Electronics FZ-Co"),
        ("Golden Dune Electronics FZCO bought the pumps.", "Golden Dune Electronics FZCO"),
        ("Golden Dune Electronics FZC bought the pumps.", "Golden Dune Electronics FZC"),
        ("Cedar Valley Machinery S.A.L. bought the pumps.", "Cedar Valley Machinery S.A.L."),
        ("Pearl Coast Supplies W.L.L. bought the pumps.", "Pearl Coast Supplies W.L.L."),
        ("Hakone Precision Y.K. bought the pumps.", "Hakone Precision Y.K."),
        ("Langley Marsh Engineering plc bought the pumps.", "Langley Marsh Engineering plc"),
        ("Veracruz Maquinados S.A. de C.V. bought the pumps.", "Veracruz Maquinados S.A. de C.V."),
    ],
)
def test_gulf_iranian_and_lebanese_legal_forms_end_a_name(sentence: str, name: str) -> None:
    assert names(extract(sentence)) == [name]


def test_a_name_after_est_goes_on_to_the_next_sentence() -> None:
    found = extract(
        "The valves went to Al-Rashidi Metals Trading Est. The firm paid in cash.",
        "AL-RASHIDI METALS TRADING EST. OF RIYADH PAID IN CASH.",
    )
    assert party(found, "Al-Rashidi Metals Trading Est.").properties["country"] == ["sa"]


def test_a_known_name_that_holds_and_is_not_split_at_it() -> None:
    found = extract(
        "Tiva Sanat Co. was acting on behalf of the Propulsion Technology and Geology "
        "Research Center."
    )
    assert "Propulsion Technology and Geology Research Center" in names(found)
    link(found, "Tiva Sanat Co.", "acts_for", "Propulsion Technology and Geology Research Center")


def test_a_listed_name_in_capitals_inside_mixed_case_is_read_whole() -> None:
    gazetteer = Gazetteer.of(
        [("Organization", ["Propulsion Technology and Geology Research Center"])]
    )
    text = (
        "Tiva Sanat Co. is acting on behalf of PROPULSION TECHNOLOGY AND GEOLOGY RESEARCH CENTER."
    )
    for found in (extract(text), extract(text, gazetteer=gazetteer)):
        assert "PROPULSION TECHNOLOGY AND GEOLOGY RESEARCH CENTER" in names(found)
        name = "PROPULSION TECHNOLOGY AND GEOLOGY RESEARCH CENTER"
        link(found, "Tiva Sanat Co.", "acts_for", name)


def test_the_longest_listed_name_wins_over_shorter_names_found_inside_it() -> None:
    text = "Tiva Sanat Co. supplied Sanam Trading and Geology Institute with pumps."
    assert "Sanam Trading" in names(extract(text))
    gazetteer = Gazetteer.of([("Organization", ["Sanam Trading and Geology Institute"])])
    found = extract(text, gazetteer=gazetteer)
    assert names(found) == ["Tiva Sanat Co.", "Sanam Trading and Geology Institute"]
    link(found, "Tiva Sanat Co.", "supplies", "Sanam Trading and Geology Institute")


def test_a_name_that_ends_in_of_and_a_country_ends_before_and() -> None:
    found = extract("The money went through the Bank of Greece and Hollmann Bank AG.")
    assert names(found) == ["Bank of Greece", "Hollmann Bank AG"]


def test_weapons_named_with_their_initials_are_not_a_party() -> None:
    found = extract(
        "The contracts for Heavy Rifles and Light Mortars (HRLM) require end-user certificates."
    )
    assert names(found) == []
