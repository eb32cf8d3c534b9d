"""Organisation names as they are written: abbreviated describing words, and describing words
that differ between two otherwise equal names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from interdict.cli import app
from interdict.parties.compare import compare_names
from interdict.parties.names.analysis import Kind, analyse
from interdict.parties.names.descriptors import expand_abbreviations, full_word
from interdict.parties.names.variants import name_variants
from interdict.parties.results import DEFAULT_THRESHOLD


def score(query: str, listed: str) -> float:
    value, _ = compare_names(query, listed, "Organization")
    return value


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Shahid Hemat Ind. Grp", "Shahid Hemmat Industrial Group"),
        ("Shahid Hemat Ind Grp", "Shahid Hemmat Industrial Group"),  # dots are optional
        ("Aerospace Industries Org.", "Aerospace Industries Organization"),
        ("Parsian Intl Trading", "Parsian International Trading"),
        ("Parsian Int'l Trading", "Parsian International Trading"),
        ("Kaveh Mfg.", "Kaveh Manufacturing"),
        ("Zarin Tech Solutions", "Zarin Technology Solutions"),
        ("Arya Engg Works", "Arya Engineering Works"),
        ("Tabriz Assn.", "Tabriz Association"),
        ("Pardis Inst.", "Pardis Institute"),
        ("Sharif Univ. of Technology", "Sharif University of Technology"),
        ("Navid Dept.", "Navid Department"),
        ("Golestan Research Ctr", "Golestan Research Center"),
        ("Rahimi Bros.", "Rahimi Brothers"),
        ("Shahid Hemmat Inds.", "Shahid Hemmat Industries"),
    ],
)
def test_an_abbreviated_describing_word_meets_its_full_form_both_ways(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= 0.9, (query, listed)
    assert score(listed, query) >= 0.9, (listed, query)


def test_the_explanation_says_which_abbreviations_were_read() -> None:
    _, explanation = compare_names(
        "Shahid Hemat Ind. Grp", "Shahid Hemmat Industrial Group", "Organization"
    )
    assert explanation is not None
    assert explanation.name.abbreviations_read == ["grp -> group", "ind. -> industries"]


def test_an_abbreviation_that_is_also_a_word_needs_its_dot() -> None:
    assert expand_abbreviations("pardis organ. works")[0] == "pardis organization works"
    assert expand_abbreviations("pardis organ works")[0] == "pardis organ works"
    assert full_word("aerospace") == "aerospace"  # two full words of one domain stay apart
    assert full_word("aviation") == "aviation"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mesbah Trading Company", "Mesbah Energy Company"),
        ("Pardis Association", "Pardis Organization"),
        ("Golestan Research Foundation", "Golestan Organisation"),
        ("Aerospace Industries Organization", "Aviation Industries Organization"),
    ],
)
def test_different_describing_words_fall_below_the_threshold(query: str, listed: str) -> None:
    value, explanation = compare_names(query, listed, "Organization")
    assert value < DEFAULT_THRESHOLD, (query, listed, value)
    assert explanation is not None and "different describing words" in explanation.name.detail


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mesbah Energy Co.", "Mesbah Energy Company"),  # they agree
        ("Mesbah", "Mesbah Energy Company"),  # one side simply lacks them
        ("Mesbah Energy", "Mesbah Company"),
    ],
)
def test_agreeing_or_missing_describing_words_keep_the_match(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD, (query, listed)


WORDS = st.sampled_from(["trading", "energy", "industries", "group", "bank", "mining"])


@given(extra=WORDS)
def test_a_describing_word_on_one_side_only_never_counts_as_a_conflict(extra: str) -> None:
    _, explanation = compare_names("Kavir Sanat", f"Kavir Sanat {extra}", "Organization")
    assert explanation is not None
    assert "different describing words" not in explanation.name.detail


def test_describing_words_are_generic_only_in_organisation_names() -> None:
    assert analyse("Bank Mining", organisation=True).kinds == (Kind.GENERIC, Kind.GENERIC)
    assert analyse("Bank Mining", organisation=False).kinds == (Kind.WORD, Kind.WORD)


def test_screening_finds_shig_from_its_abbreviated_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    result = CliRunner().invoke(app, ["screen", "Shahid Hemat Ind. Grp", "--json"])
    assert result.exit_code == 0, result.output
    matches = json.loads(result.stdout)["matches"]
    assert matches and matches[0]["entity_id"] == "unsc-ire-067"


def test_arabic_group_and_organization_from_the_un_list_pair_with_english() -> None:
    for arabic, english, word in [
        ("الجماعة الاسلامية المسلحة", "ARMED ISLAMIC GROUP", "group"),
        ("تنظيم القاعدة", "THE ORGANIZATION OF AL-QAIDA", "organization"),
    ]:
        _, explanation = compare_names(arabic, english, "Organization")
        assert explanation is not None
        assert (word, word) in {(p.query, p.candidate) for p in explanation.name.pairs}


def test_a_bracketed_place_stays_in_the_name_and_a_bracketed_acronym_is_a_name() -> None:
    assert name_variants("Bank of China (Hong Kong) Limited") == ["Bank of China Hong Kong Limited"]
    assert name_variants("ONE CLASS PROPERTIES (PTY) LTD.") == ["ONE CLASS PROPERTIES PTY LTD."]
    assert name_variants("SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)") == [
        "SHAHID HEMMAT INDUSTRIAL GROUP",
        "SHIG",
    ]
    branches = score("Bank of China (Hong Kong) Limited", "Bank of China (Singapore) Limited")
    assert branches < DEFAULT_THRESHOLD
    assert score("ONE CLASS PROPERTIES (PTY) LTD.", "ONE VISION INVESTMENTS 5 (PTY) LTD.") < 0.5


@pytest.mark.parametrize(
    ("query", "listed", "matches"),
    [
        ("Schell plc", "Shell plc", True),  # five letters that begin like a word: a word
        ("Stripe LLC", "Strip Limited Liability Company", True),
        ("Litia Company", "Letia Company", True),  # two vowel sounds: a word
        ("JCEF", "JCES", False),  # four letters: a code, exact only
        ("DPRKT", "DPRKS", False),  # five letters no word begins with: a code
    ],
)
def test_short_words_and_short_codes(query: str, listed: str, matches: bool) -> None:
    assert (score(query, listed) >= DEFAULT_THRESHOLD) is matches
