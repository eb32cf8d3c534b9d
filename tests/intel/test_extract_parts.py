"""The extractor's parts: sentences, places and their tables, legal forms, the gazetteer."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from interdict.intel.extract.gazetteer import Gazetteer, gazetteer_from_datasets, name_keys
from interdict.intel.extract.legal import is_legal_form
from interdict.intel.extract.places import BASED, DEMONYM, POSSESSIVE, place_at
from interdict.intel.extract.sentences import split_sentences
from interdict.intel.extract.tokens import in_capitals, tokenize


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_survive_abbreviations_initials_and_bullets() -> None:
    text = (
        "Sales by Maquinaria CME, S.A. of machine tools. Mr. A. Q. Khan met Dr. Smith. "
        "It went to the U.S. Government. Hoshino Keiki K.K. Bintang Teknik ordered it. "
        "Meridian Pte. Ltd. paid. X CO. L.L.C. OF DUBAI PAID. Y INC. PRESCOTT SHIPPED IT.\n\n"
        "-- First point. -- Second point.\n\n-- Third point"
    )
    assert _sentences(text) == [
        "Sales by Maquinaria CME, S.A. of machine tools.",
        "Mr. A. Q. Khan met Dr. Smith.",
        "It went to the U.S. Government.",
        "Hoshino Keiki K.K.",
        "Bintang Teknik ordered it.",
        "Meridian Pte. Ltd. paid.",
        "X CO. L.L.C. OF DUBAI PAID.",
        "Y INC.",
        "PRESCOTT SHIPPED IT.",
        "First point.",
        "Second point.",
        "Third point",
    ]


def test_a_month_abbreviation_before_a_number_ends_no_sentence() -> None:
    text = "It was denied in Sept. 2007. Another came in Jan. The firm appealed on Feb. 3."
    assert _sentences(text) == [
        "It was denied in Sept. 2007.",
        "Another came in Jan.",
        "The firm appealed on Feb. 3.",
    ]


def test_capitals_are_judged_by_lower_case_letters() -> None:
    assert in_capitals("THE MFA TOLD POLOFF ON JUNE 12 (REF A).")
    assert not in_capitals("The MFA told Poloff on June 12.")
    assert not in_capitals("1234 -- ()")


@pytest.mark.parametrize(
    ("text", "code", "kind", "form"),
    [
        ("Spanish", "es", DEMONYM, "plain"),
        ("Turkish-based", "tr", DEMONYM, BASED),
        ("Irans", "ir", "country", POSSESSIVE),
        ("Iran's", "ir", "country", POSSESSIVE),
        ("Dubai-based", "ae", "city", BASED),
        ("Hong Kong-based", "hk", DEMONYM, BASED),
        ("North Korean", "kp", DEMONYM, "plain"),
        ("Tehran", "ir", "city", "plain"),
    ],
)
def test_places(text: str, code: str, kind: str, form: str) -> None:
    place = place_at(tokenize(text), 0, caps=False)
    assert place is not None
    assert (place.code, place.kind, place.form) == (code, kind, form)


def test_lower_case_words_are_not_places_in_mixed_case() -> None:
    assert place_at(tokenize("turkey"), 0, caps=False) is None
    assert place_at(tokenize("TURKEY"), 0, caps=True) is not None
    assert place_at(tokenize("Parts"), 0, caps=False) is None  # no country "Part"


@pytest.mark.parametrize("name", ["demonyms.tsv", "places.tsv", "goods.tsv", "authorities.tsv"])
def test_every_table_row_cites_a_public_source(name: str) -> None:
    text = (files("interdict.data") / "intel" / name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows
    for row in rows:
        assert row[-1].startswith("https://"), row
    firsts = [row[0] for row in rows]
    assert len(firsts) == len(set(firsts)), "a term is listed twice"


@pytest.mark.parametrize(
    ("phrase", "legal"),
    [
        ("S.A", True),
        ("Co., Ltd", True),
        ("Sdn. Bhd", True),
        ("K.K", True),
        ("S.p.A", True),
        ("GmbH & Co. KG", True),
        ("Company", True),
        ("In", False),
        ("of", False),
        ("Group", False),
    ],
)
def test_legal_forms(phrase: str, legal: bool) -> None:
    assert is_legal_form(phrase) is legal


def test_bare_as_is_a_legal_form_only_when_capitals_show_it() -> None:
    assert is_legal_form("AS")
    assert not is_legal_form("AS", caps=True)
    assert not is_legal_form("as")


def test_gazetteer_keys_drop_trailing_legal_forms_and_split_brackets() -> None:
    assert name_keys("Behineh Trading Co.") == ["behineh", "trading"]
    gazetteer = Gazetteer.of([("Organization", ["SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)"])])
    assert set(gazetteer.names) == {"shahid hemmat industrial group", "shig"}
    keys = [token.key for token in tokenize("the Shahid Hemmat Industrial Group said")]
    hit = gazetteer.longest(keys, 1)
    assert hit is not None and hit[0] == 4


def test_gazetteer_from_the_bundled_starter_list(tmp_path: Path) -> None:
    gazetteer = gazetteer_from_datasets(tmp_path / "home")
    assert len(gazetteer) > 200
    assert "shig" in gazetteer.names
    assert gazetteer.names["shahid hemmat industrial group"][1] == "Organization"
    assert gazetteer.names["qasem soleimani"][1] == "Person"
