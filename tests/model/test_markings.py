"""Portion and banner markings: what access control runs on, so parsed strictly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from interdict.model.markings import LEVEL_WORDS, Level, Marking, parse_marking

U, SBU, C, S, TS = Level.U, Level.SBU, Level.C, Level.S, Level.TS


@pytest.mark.parametrize(
    ("text", "level", "rel_to", "noforn"),
    [
        # bare levels, abbreviated and spelled out
        ("U", U, [], False),
        ("SBU", SBU, [], False),
        ("C", C, [], False),
        ("S", S, [], False),
        ("TS", TS, [], False),
        ("UNCLASSIFIED", U, [], False),
        ("UNCLAS", U, [], False),
        ("CONFIDENTIAL", C, [], False),
        ("SECRET", S, [], False),
        ("TOP SECRET", TS, [], False),
        ("LIMITED OFFICIAL USE", SBU, [], False),
        ("LOU", SBU, [], False),
        ("SENSITIVE BUT UNCLASSIFIED", SBU, [], False),
        # releasability and NOFORN, with one or two slashes or a space
        ("C/REL LIBYA", C, ["LIBYA"], False),
        ("S/NF", S, [], True),
        ("S//NF", S, [], True),
        ("S//NOFORN", S, [], True),
        ("S / NF", S, [], True),
        ("SECRET NOFORN", S, [], True),
        ("SECRET/NOFORN", S, [], True),
        ("TS/NF", TS, [], True),
        ("SBU//NOFORN", SBU, [], True),
        ("SECRET REL SPAIN", S, ["SPAIN"], False),
        ("SECRET//REL TO USA, GBR", S, ["USA", "GBR"], False),
        ("S//REL TO USA,GBR", S, ["USA", "GBR"], False),
        ("S REL TO USA AND GBR", S, ["USA", "GBR"], False),
        ("C//REL USA AND LIBYA", C, ["USA", "LIBYA"], False),
        ("S/NF/REL GBR", S, ["GBR"], True),
        ("S/REL TO USA, , GBR", S, ["USA", "GBR"], False),
        # Found by hypothesis: a doubled "TO" is a slip, not part of the country.
        ("S REL TO TO 0", S, ["0"], False),
        # FOUO makes an unclassified portion SBU, however it is written
        ("U//FOUO", SBU, [], False),
        ("UNCLASSIFIED//FOUO", SBU, [], False),
        ("UNCLASSIFIED//FOR OFFICIAL USE ONLY", SBU, [], False),
        ("FOUO", SBU, [], False),
        # 1970s "entire text" markings
        ("C - ENTIRE TEXT", C, [], False),
        ("CONFIDENTIAL ENTIRE TEXT", C, [], False),
        # parentheses and case do not matter to the parser itself
        ("(C)", C, [], False),
        ("c/rel libya", C, ["LIBYA"], False),
        ("  S  //  NF  ", S, [], True),
    ],
)
def test_markings(text: str, level: Level, rel_to: list[str], noforn: bool) -> None:
    assert parse_marking(text) == Marking(level=level, rel_to=rel_to, noforn=noforn)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "/",
        "//",
        " / ",
        "()",
        "Comment",
        "Note: this is a note",
        "A",
        "B",
        "D",
        "SS",
        "STATE",
        "NF",  # a control with no level
        "REL TO USA",
        "S//REL TO",  # truncated: no country
        "S//REL TO ",
        "S-NF",
        "SECRET SPAIN",  # a country without REL
        "C//FOUO",  # FOUO cannot lower a classified portion
        "S//XYZ",  # an unknown control word: refuse rather than guess
        "1.4(B)",
    ],
)
def test_non_markings_are_none(text: str) -> None:
    assert parse_marking(text) is None


def test_label() -> None:
    assert Marking(level=S, rel_to=["GBR"], noforn=True).label() == "S/NF/REL GBR"
    assert Marking(level=C, rel_to=["USA", "LIBYA"]).label() == "C/REL USA, LIBYA"
    assert Marking(level=U).label() == "U"


def test_levels_are_ordered() -> None:
    assert [level.rank for level in (U, SBU, C, S, TS)] == [0, 1, 2, 3, 4]


def test_every_level_word_parses_to_its_level() -> None:
    for words, level in LEVEL_WORDS.items():
        marking = parse_marking(words)
        assert marking is not None, words
        assert marking.level is level


def test_marking_is_frozen() -> None:
    marking = parse_marking("C/REL LIBYA")
    assert marking is not None
    with pytest.raises(ValidationError):
        marking.level = S  # type: ignore[misc]


_TOKENS = st.sampled_from(
    [
        "U",
        "C",
        "S",
        "TS",
        "SBU",
        "SECRET",
        "TOP",
        "UNCLASSIFIED",
        "REL",
        "TO",
        "USA",
        "GBR",
        "AND",
        ",",
        "/",
        "//",
        "NF",
        "NOFORN",
        "FOUO",
        "ENTIRE",
        "TEXT",
        "-",
        "(",
        ")",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(_TOKENS, max_size=12).map(" ".join)))
def test_never_raises_and_is_well_formed(text: str) -> None:
    marking = parse_marking(text)
    if marking is None:
        return
    assert isinstance(marking.level, Level)
    for country in marking.rel_to:
        assert country
        assert country == country.strip()
        assert "," not in country
        assert country != "TO"
    assert parse_marking(marking.label()) == marking


@pytest.mark.parametrize(
    ("text", "level", "controls", "noforn"),
    [
        ("TS//SI//NF", Level.TS, ("SI",), True),
        ("S//ORCON", Level.S, ("ORCON",), False),
        ("TS//SI/TK", Level.TS, ("SI", "TK"), False),
        ("S//NOFORN//ORCON", Level.S, ("ORCON",), True),
    ],
)
def test_control_markings_are_kept_not_mistaken_for_prose(
    text: str, level: Level, controls: tuple[str, ...], noforn: bool
) -> None:
    marking = parse_marking(text)
    assert marking is not None
    assert (marking.level, marking.controls, marking.noforn) == (level, controls, noforn)


def test_an_unknown_control_word_is_still_not_a_marking() -> None:
    assert parse_marking("S//XYZ") is None


def test_label_names_controls_between_level_and_caveats() -> None:
    marking = Marking(level=Level.TS, controls=("SI",), noforn=True)
    assert marking.label() == "TS/SI/NF"
