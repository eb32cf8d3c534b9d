"""A party's country from the many ways reporting places a party: where it is based,
registered or located, an apposition, a "-registered" compound, where its goods were made,
a nationality stated with a hedge, and the host government of the reporting post."""

from __future__ import annotations

import pytest
from extract_helpers import SECRET, extract, party

from interdict.cables.record import Cable, Paragraph
from interdict.intel.extract import extract_cable


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Tabesh Kala Co. is based in Dubai.", "Tabesh Kala Co.", "ae"),
        ("Tabesh Kala Co. is registered in the Jebel Ali Free Zone.", "Tabesh Kala Co.", "ae"),
        ("Tabesh Kala Co. is a company located in Sharjah.", "Tabesh Kala Co.", "ae"),
        ("Tabesh Kala Co., a trading firm in Tabriz, Iran, paid.", "Tabesh Kala Co.", "ir"),
        (
            "Tabesh Kala Co., a company in the Dubai Airport Free Zone, paid.",
            "Tabesh Kala Co.",
            "ae",
        ),
        ("Tabesh Kala Co., a Tehran firm, paid for the valves.", "Tabesh Kala Co.", "ir"),
        ("The Hong Kong-registered Delmar Trading Ltd. paid.", "Delmar Trading Ltd.", "hk"),
        (
            "Delmar Trading Pte. Ltd., a Singapore-registered forwarder, paid.",
            "Delmar Trading Pte. Ltd.",
            "sg",
        ),
        ("It is owned by a Swiss-registered holding company, Alpenfirn AG.", "Alpenfirn AG", "ch"),
        (
            "The lathes were made in Japan by Hokuriku Seiki K.K. last year.",
            "Hokuriku Seiki K.K.",
            "jp",
        ),
        (
            "The pumps were manufactured in Taiwan by Chen Yu Vacuum Co., Ltd.",
            "Chen Yu Vacuum Co., Ltd.",
            "tw",
        ),
        (
            "Brightwater Sensors Inc. of Springdale, Arkansas made them.",
            "Brightwater Sensors Inc.",
            "us",
        ),
        ("Hokuriku Seiki K.K. of Kanazawa, Japan made them.", "Hokuriku Seiki K.K.", "jp"),
        ("Tabesh Kala Co. is registered in the Qeshm Free Zone, Iran.", "Tabesh Kala Co.", "ir"),
        ("Sado Componentes Lda. of Portugal made them.", "Sado Componentes Lda.", "pt"),
        ("He works for Khan Research Laboratories at Kahuta.", "Khan Research Laboratories", "pk"),
        (
            "The St. Petersburg-based Neva Optical Association made them.",
            "Neva Optical Association",
            "ru",
        ),
    ],
)
def test_where_a_party_is(text: str, name: str, country: str) -> None:
    assert party(extract(text), name).properties["country"][0] == country


def test_a_nationality_stated_with_a_hedge_after_an_apposition() -> None:
    found = extract(
        "Delmar Trading LLC's general manager, Karim Haddadi, is reportedly an Iranian national."
    )
    assert party(found, "Karim Haddadi").properties["country"] == ["ir"]


def _cable(origin: str, text: str) -> Cable:
    paragraph = Paragraph(number="1", marking=SECRET, text=text)
    return Cable(reference_id="09TEST2", origin=origin, paragraphs=[paragraph])


def test_an_official_of_the_host_government_is_of_the_host_country() -> None:
    text = (
        "PolOff met MFA Deputy Director General for Arms Control Ayse Kaya, who said that "
        "Tabesh Kala Co. had no license."
    )
    found = extract_cable(_cable("Embassy Ankara", text))
    assert party(found, "Ayse Kaya").properties["country"] == ["tr"]
    assert "country" not in party(found, "Tabesh Kala Co.").properties
    found = extract_cable(_cable("Secretary of State", text))
    assert "country" not in party(found, "Ayse Kaya").properties


def test_an_official_whose_office_names_a_country_is_of_that_country() -> None:
    text = "The visit of Iranian Defense Minister Mostafa Rahimi to Moscow was announced."
    found = extract_cable(_cable("Embassy Moscow", text))
    assert party(found, "Mostafa Rahimi").properties["country"] == ["ir"]
