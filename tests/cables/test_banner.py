"""The classification banner that opens a body (and marks the header/body boundary)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.banner import CAPTIONS, Banner, caveats_end, find_banner, level_of
from interdict.model.markings import Level


def banner(text: str, *, anywhere: bool = True) -> Banner:
    found = find_banner(text, anywhere=anywhere)
    assert found is not None, text
    assert text[found.start : found.end] == found.text
    return found


# --------------------------------------------------------------------------- levels


@pytest.mark.parametrize(
    ("text", "level", "level_text"),
    [
        ("T O P S E C R E T STATE 000123", Level.TS, "TOP SECRET"),
        ("S E C R E T STATE 029395", Level.S, "SECRET"),
        ("C O N F I D E N T I A L STATE 000284", Level.C, "CONFIDENTIAL"),
        ("U N C L A S S I F I E D STATE 000123", Level.U, "UNCLASSIFIED"),
        ("L I M I T E D O F F I C I A L U S E STATE 000123", Level.SBU, "LIMITED OFFICIAL USE"),
        ("TOP SECRET STATE 000123", Level.TS, "TOP SECRET"),
        ("SECRET STATE 000123", Level.S, "SECRET"),
        ("CONFIDENTIAL STATE 000123", Level.C, "CONFIDENTIAL"),
        ("UNCLASSIFIED STATE 000123", Level.U, "UNCLASSIFIED"),
        ("UNCLAS MADRID 000200", Level.U, "UNCLAS"),
        ("LIMITED OFFICIAL USE ROME 001196", Level.SBU, "LIMITED OFFICIAL USE"),
    ],
)
def test_levels_spaced_and_unspaced(text: str, level: Level, level_text: str) -> None:
    found = banner(text)
    assert found.level is level
    assert found.level_text == level_text
    assert found.number is not None
    assert found.start == 0
    assert found.end == len(text)


def test_seed_banner() -> None:
    found = banner("S E C R E T STATE 029395\n\nSIPDIS\n")
    assert (found.level, found.station, found.number) == (Level.S, "STATE", "029395")
    assert (found.section, found.sections) == (None, None)
    assert found.text == "S E C R E T STATE 029395"
    assert found.captions == []  # SIPDIS is on its own line: the preamble's business


def test_section_x_of_y() -> None:
    found = banner("C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284")
    assert (found.section, found.sections) == (1, 2)
    assert (found.station, found.number) == ("STATE", "000284")


def test_nara_five_digit_serial() -> None:
    found = banner("C O N F I D E N T I A L SECTION 01 OF 02 PRETORIA 04668")
    assert (found.station, found.number, found.section) == ("PRETORIA", "04668", 1)


@pytest.mark.parametrize(
    ("text", "station"),
    [
        ("UNCLAS SECTION 01 OF 03 SAO PAULO 000335", "SAO PAULO"),
        ("CONFIDENTIAL THE HAGUE 001234", "THE HAGUE"),
        ("S E C R E T SECTION 02 OF 03 THE HAGUE 000456", "THE HAGUE"),
        ("UNCLAS USUN NEW YORK 000123", "USUN NEW YORK"),
        ("SECRET  SAO   PAULO  000335", "SAO PAULO"),
    ],
)
def test_station_names_with_spaces(text: str, station: str) -> None:
    assert banner(text).station == station


# --------------------------------------------------------------------------- caveats and captions


def test_noforn_after_number() -> None:
    found = banner("SECRET SAO PAULO 000335 NOFORN")
    assert found.caveats == ["NOFORN"]
    assert found.text == "SECRET SAO PAULO 000335 NOFORN"


def test_rel_to_list_is_kept_whole() -> None:
    found = banner("SECRET STATE 000123 REL TO USA, GBR\n\nSIPDIS")
    assert found.caveats == ["REL TO USA, GBR"]
    assert found.text == "SECRET STATE 000123 REL TO USA, GBR"


def test_rel_to_list_then_caption() -> None:
    found = banner("CONFIDENTIAL STATE 000123 REL TO USA, GBR SIPDIS")
    assert found.caveats == ["REL TO USA, GBR"]
    assert found.captions == ["SIPDIS"]


def test_rel_to_with_and() -> None:
    assert banner("CONFIDENTIAL STATE 000123 REL TO USA AND GBR").caveats == ["REL TO USA AND GBR"]


def test_rel_country() -> None:
    assert banner("SECRET STATE 000123 REL SPAIN").caveats == ["REL SPAIN"]


def test_caveats_before_the_number() -> None:
    found = banner("SECRET//NOFORN STATE 000123")
    assert (found.caveats, found.station) == (["NOFORN"], "STATE")
    found = banner("SECRET REL TO USA, GBR STATE 000123")
    assert (found.caveats, found.station) == (["REL TO USA, GBR"], "STATE")


@pytest.mark.parametrize(
    "text",
    [
        "UNCLAS SENSITIVE STATE 000123",
        "UNCLASSIFIED SENSITIVE SECTION 01 OF 02 STATE 000123",
        "UNCLAS STATE 000123 SENSITIVE",
        "UNCLASSIFIED STATE 000123 FOR OFFICIAL USE ONLY",
    ],
)
def test_sensitive_makes_unclassified_sbu(text: str) -> None:
    found = banner(text)
    assert found.level is Level.SBU
    assert found.caveats[0] in {"SENSITIVE", "FOR OFFICIAL USE ONLY"}


def test_sensitive_does_not_lower_a_classified_banner() -> None:
    assert banner("CONFIDENTIAL STATE 000123 SENSITIVE").level is Level.C


def test_captions_after_the_number() -> None:
    found = banner("C O N F I D E N T I A L STATE 000284 NOFORN SIPDIS")
    assert found.caveats == ["NOFORN"]
    assert found.captions == ["SIPDIS"]
    found = banner("TOP SECRET STATE 000123 NODIS")
    assert (found.captions, found.caveats) == (["NODIS"], [])
    found = banner("SECRET STATE 000123 EXDIS SIPDIS EXDIS")
    assert found.captions == ["EXDIS", "SIPDIS"]


def test_captions_stay_on_the_banner_line() -> None:
    found = banner("C O N F I D E N T I A L ANKARA 000284\nSIPDIS\n")
    assert found.captions == []
    assert found.end == len("C O N F I D E N T I A L ANKARA 000284")


def test_efto() -> None:
    found = banner("UNCLAS E F T O STATE 000123")
    assert (found.station, found.caveats) == ("STATE", ["EFTO"])
    assert banner("UNCLAS EFTO ANKARA 000123").caveats == ["EFTO"]


def test_captions_constant() -> None:
    assert set(CAPTIONS) == {"SIPDIS", "NODIS", "EXDIS", "LIMDIS", "STADIS"}


# --------------------------------------------------------------------------- glued and missing


def test_glued_to_priority() -> None:
    line = "INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITYS E C R E T STATE 029395"
    found = banner(line)
    assert line[: found.start].endswith("COLLECTIVE PRIORITY")
    assert found.text == "S E C R E T STATE 029395"
    assert (found.level, found.station, found.number) == (Level.S, "STATE", "029395")


@pytest.mark.parametrize("glue", ["ROUTINE", "PRIORITY", "IMMEDIATE", "BT"])
def test_plain_level_glued_to_precedence_or_bt(glue: str) -> None:
    found = banner(f"TO AMEMBASSY ANKARA {glue}UNCLAS STATE 012600")
    assert found.text == "UNCLAS STATE 012600"


def test_plain_level_inside_a_word_is_not_a_banner() -> None:
    assert find_banner("XUNCLAS STATE 012600") is None
    assert find_banner("THE NONSECRET STATE 012600") is None
    assert find_banner("SECRETARY STATE 012600") is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Nothing here at all",
        "The SECRET 12345 of life",
        "the secret state 012345",  # lower case prose
        "SECRET",  # a plain level needs a message number
        "SECRET STATE 1234",  # serial too short
        "CONFIDENTIAL SOURCES SAID",
    ],
)
def test_no_banner(text: str) -> None:
    assert find_banner(text) is None


def test_spaced_level_without_number() -> None:
    found = banner("S E C R E T\n\nSIPDIS\n")
    assert (found.level, found.station, found.number) == (Level.S, None, None)
    assert found.text == "S E C R E T"


def test_spaced_level_first_wins_over_a_later_section_banner() -> None:
    text = "  S E C R E T\n\nSIPDIS\n\n1. (S) x\nSECRET SECTION 02 OF 02 STATE 000123"
    for anywhere in (True, False):
        found = banner(text, anywhere=anywhere)
        assert (found.start, found.number) == (2, None)


def test_anywhere_false_requires_the_banner_first() -> None:
    assert find_banner("junk S E C R E T STATE 000123", anywhere=False) is None
    assert find_banner("junk SECRET STATE 000123", anywhere=False) is None
    found = banner("\n \n SECRET STATE 000123", anywhere=False)
    assert found.start == 4


def test_banner_may_wrap_before_the_station() -> None:
    found = banner("S E C R E T\nSTATE 029395")
    assert (found.station, found.number) == ("STATE", "029395")


# --------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("words", "level"),
    [
        ("S E C R E T", Level.S),
        ("secret", Level.S),
        ("T O P  S E C R E T", Level.TS),
        ("LIMITED OFFICIAL USE", Level.SBU),
        ("L I M I T E D O F F I C I A L U S E", Level.SBU),
        ("UNCLAS", Level.U),
        ("BANANA", None),
        ("", None),
    ],
)
def test_level_of(words: str, level: Level | None) -> None:
    assert level_of(words) is level


def test_caveats_end() -> None:
    text = "SECRET STATE 000123 NOFORN SIPDIS\nNODIS"
    assert caveats_end(text, len("SECRET STATE 000123")) == text.index("\n")
    assert caveats_end(text, 0) == 0


# --------------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "S E C R E T",
        "C O N F I D E N T I A L",
        "SECRET",
        "UNCLAS",
        "PRIORITY",
        "SECTION",
        "01",
        "OF",
        "02",
        "STATE",
        "SAO PAULO",
        "029395",
        "000284",
        "NOFORN",
        "REL TO",
        "USA,",
        "GBR",
        "SIPDIS",
        "SENSITIVE",
        "//",
        "/",
    ]
)
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "", "\n\n"])
_CABLEISH = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=25).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), _CABLEISH), st.booleans())
def test_never_raises_and_banner_is_well_formed(text: str, anywhere: bool) -> None:
    found = find_banner(text, anywhere=anywhere)
    if found is None:
        return
    assert 0 <= found.start < found.end <= len(text)
    assert text[found.start : found.end] == found.text
    assert isinstance(found.level, Level)
    assert (found.station is None) == (found.number is None)
    if found.number is not None:
        assert found.number.isdigit()
        assert 5 <= len(found.number) <= 6
    assert (found.section is None) == (found.sections is None)
    assert set(found.captions) <= set(CAPTIONS)
    assert len(found.captions) == len(set(found.captions))
    if not anywhere:
        assert not text[: found.start].strip()
