"""Numbered and marked paragraphs, portion banners, and the whitespace rules behind them."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.paragraphs import read_paragraphs
from interdict.cables.body.text import flow, line_at
from interdict.cables.record import Paragraph
from interdict.model.markings import Level, Marking

U, SBU, C, S, TS = (Marking(level=level) for level in Level)


def paragraphs(text: str) -> list[Paragraph]:
    return read_paragraphs(text)[1]


def summary(text: str) -> list[tuple[str | None, str | None, str]]:
    """(number, marking label, text) for each paragraph, the shape most tests check."""
    return [(p.number, p.marking.label() if p.marking else None, p.text) for p in paragraphs(text)]


def seed_paragraphs() -> str:
    text = (files("interdict.data") / "cables" / "09STATE29395.txt").read_text(encoding="utf-8")
    return text[text.index("¶1.") :]


# --------------------------------------------------------------------------- the seed


def test_seed_seven_paragraphs_and_the_rel_spain_portion() -> None:
    result = paragraphs(seed_paragraphs())
    assert [(p.number, p.marking, p.banner) for p in result] == [
        ("1", U, None),
        ("2", S, None),
        ("3", S, None),
        ("4", S, None),
        ("5", S, None),
        ("5", Marking(level=Level.S, rel_to=["SPAIN"]), "SECRET REL SPAIN"),
        ("6", U, None),
        ("7", U, None),
    ]
    assert result[0].text == ("This is an action request. Embassy Madrid, please see paragraph 4.")
    assert result[4].text == "Begin talking points/non-paper:"
    portion = result[5].text
    assert portion.startswith("-- You will recall that on several occasions since October 2005")
    assert portion.endswith("End talking points/non-paper")
    assert sum(block.startswith("-- ") for block in portion.split("\n\n")) == 10
    assert result[6].text.startswith("Washington POC is ISN/MTR James Mayes (Phone: 202-647-3185).")
    # The signer is still in the last paragraph here; body parsing takes it off.
    assert result[7].text == "A word version file of this document will be posted at . CLINTON"


def test_seed_first_paragraph_offset() -> None:
    text = "SIPDIS\n\nE.O. 12958: N/A\n\n" + seed_paragraphs()
    start, _ = read_paragraphs(text)
    assert start == text.index("¶1.")


# --------------------------------------------------------------------------- markings


def test_number_glued_to_marking() -> None:
    assert summary("1.(U) Para one.\n2.(C) Para two.") == [
        ("1", "U", "Para one."),
        ("2", "C", "Para two."),
    ]


def test_marking_forms() -> None:
    text = (
        "1. (C/REL LIBYA) One.\n\n2. (S/NF) Two.\n\n3. (SBU) Three.\n\n"
        "4. (TS) Four.\n\n5. (U//FOUO) Five."
    )
    assert summary(text) == [
        ("1", "C/REL LIBYA", "One."),
        ("2", "S/NF", "Two."),
        ("3", "SBU", "Three."),
        ("4", "TS", "Four."),
        ("5", "SBU", "Five."),
    ]


@pytest.mark.parametrize(
    "prefix",
    ["1. ", "1.", "1) ", "¶1. ", "&para;1. ", "PARA 1. ", "PARAGRAPH 1. ", "  1.  "],
)
def test_number_styles(prefix: str) -> None:
    assert summary(f"{prefix}(C)  Text.") == [("1", "C", "Text.")]


def test_unmarked_numbered_paragraphs() -> None:
    assert summary("1. First unmarked.\n\n2. Second unmarked.") == [
        ("1", None, "First unmarked."),
        ("2", None, "Second unmarked."),
    ]


def test_nara_style_unmarked_all_capitals() -> None:
    text = (
        "1. SUMMARY: OFFICIALS TOLD EMBOFF\nJANUARY 5 THAT. END SUMMARY.\n\n2. THE SECRETARY SAID."
    )
    assert summary(text) == [
        ("1", None, "SUMMARY: OFFICIALS TOLD EMBOFF JANUARY 5 THAT. END SUMMARY."),
        ("2", None, "THE SECRETARY SAID."),
    ]


def test_numbered_list_restarting_at_one_stays_in_the_paragraph() -> None:
    text = "1. (C) We propose:\n\n1. foo\n2. bar\n3. baz\n\n2. (C) Next para."
    assert summary(text) == [
        ("1", "C", "We propose:\n\n1. foo 2. bar 3. baz"),
        ("2", "C", "Next para."),
    ]


def test_numbered_list_out_of_sequence_stays_in_the_paragraph() -> None:
    text = (
        "1. (C) Summary.\n\n2. (C) Three things:\n\n1) first\n2) second\n3) third\n\n"
        "3. (C) Comment."
    )
    assert summary(text) == [
        ("1", "C", "Summary."),
        ("2", "C", "Three things:\n\n1) first 2) second 3) third"),
        ("3", "C", "Comment."),
    ]


def test_dashed_list_item_is_not_a_paragraph() -> None:
    assert summary("1. (C) We propose:\n\n-- 1. foo\n\n2. (C) Next.") == [
        ("1", "C", "We propose:\n\n-- 1. foo"),
        ("2", "C", "Next."),
    ]


def test_marked_paragraph_may_skip_a_number() -> None:
    assert [p.number for p in paragraphs("1. (C) Text\n\n3. (C) skip two")] == ["1", "3"]


def test_a_year_at_a_line_start_is_not_a_paragraph() -> None:
    assert summary("1. (U) The 1990s saw\n2010 things.") == [
        ("1", "U", "The 1990s saw 2010 things."),
    ]


def test_unnumbered_marked_paragraph() -> None:
    assert summary("1. (U) x\n\n(C) Unnumbered paragraph.\n\n2. (U) y") == [
        ("1", "U", "x"),
        (None, "C", "Unnumbered paragraph."),
        ("2", "U", "y"),
    ]
    assert summary("(C) First.\n\n(U) Second.") == [(None, "C", "First."), (None, "U", "Second.")]


def test_parenthetical_that_is_not_a_marking_stays_in_the_text() -> None:
    assert summary("1. (Comment) This is a comment.\n\n2. (Note: foo) Text.") == [
        ("1", None, "(Comment) This is a comment."),
        ("2", None, "(Note: foo) Text."),
    ]
    assert summary("1. (U) Text.\n\n(Note: this is a note.)\n\n2. (U) More.") == [
        ("1", "U", "Text.\n\n(Note: this is a note.)"),
        ("2", "U", "More."),
    ]


def test_lettered_list_is_not_read_as_markings() -> None:
    # "(C)" here is the third item of a list, not CONFIDENTIAL.
    text = "1. (C) List:\n(A) one\n(B) two\n(C) three\n(D) four\n2. (C) next"
    assert summary(text) == [
        ("1", "C", "List: (A) one (B) two (C) three (D) four"),
        ("2", "C", "next"),
    ]


def test_lower_case_reason_letters_at_a_line_start_are_not_markings() -> None:
    # A wrapped "Classified By" line: "(c), (g) and (h)." must not open a C paragraph.
    text = "Classified By: Economic Counselor X, for reasons 1.4 (b),\n(c), (g) and (h).\n\nText."
    assert read_paragraphs(text) == (None, [])


def test_marking_in_the_middle_of_a_line_is_text() -> None:
    assert summary("1. (U) Text about (SBU) things.\n2. (U) next") == [
        ("1", "U", "Text about (SBU) things."),
        ("2", "U", "next"),
    ]


def test_known_control_keeps_the_marking_and_unknown_control_refuses_it() -> None:
    assert summary("1. (TS) One.\n2. (TS//SI) Two.\n3. (TS//XYZ) Three.") == [
        ("1", "TS", "One."),
        ("2", "TS/SI", "Two."),
        ("3", None, "(TS//XYZ) Three."),
    ]


# --------------------------------------------------------------------------- portion banners


def test_portion_banner_opens_a_portion_with_the_same_number() -> None:
    text = (
        "1. (S) Begin talking points:\n\n(SECRET REL SPAIN)\n\n-- point one\n\n"
        "End talking points\n\n2. (U) After."
    )
    result = paragraphs(text)
    assert [(p.number, p.marking, p.banner) for p in result] == [
        ("1", S, None),
        ("1", Marking(level=Level.S, rel_to=["SPAIN"]), "SECRET REL SPAIN"),
        ("2", U, None),
    ]
    assert result[1].text == "-- point one\n\nEnd talking points"


def test_portion_banner_with_noforn() -> None:
    result = paragraphs("1. (S) Talking points.\n(SECRET//NOFORN)\n-- text\n2. (S) two")
    assert [(p.number, p.marking, p.banner, p.text) for p in result] == [
        ("1", S, None, "Talking points."),
        ("1", Marking(level=Level.S, noforn=True), "SECRET//NOFORN", "-- text"),
        ("2", S, None, "two"),
    ]


def test_abbreviated_marking_alone_on_a_line_is_an_unnumbered_paragraph() -> None:
    result = paragraphs("1. (S) one\n(S//NF)\nportion text\n2. (S) two")
    assert [(p.number, p.banner, p.text) for p in result] == [
        ("1", None, "one"),
        (None, None, "portion text"),
        ("2", None, "two"),
    ]


def test_empty_portion_banner_is_dropped() -> None:
    assert summary("1. (C) only marking\n\n(CONFIDENTIAL)\n\n") == [("1", "C", "only marking")]


def test_no_paragraphs() -> None:
    assert read_paragraphs("") == (None, [])
    assert read_paragraphs("Just prose, no numbers.\n\nMore prose.") == (None, [])


# --------------------------------------------------------------------------- text.py


@pytest.mark.parametrize(
    ("text", "flowed"),
    [
        ("", ""),
        ("  \n \n ", ""),
        ("one\ntwo", "one two"),
        ("one  \n   two\t three", "one two three"),
        ("one\n\ntwo", "one\n\ntwo"),
        ("one\n \t \n\n\ntwo\n", "one\n\ntwo"),
        ("\n\none\n\n", "one"),
    ],
)
def test_flow(text: str, flowed: str) -> None:
    assert flow(text) == flowed


def test_line_at() -> None:
    text = "a\nb\n\nc"
    assert [line_at(text, i) for i in (0, 1, 2, 3, 4, 5)] == [1, 1, 2, 2, 3, 4]


# --------------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "1.",
        "2.",
        "3)",
        "¶4.",
        "(U)",
        "(C)",
        "(S/NF)",
        "(C/REL LIBYA)",
        "(SECRET REL SPAIN)",
        "(Comment)",
        "(A)",
        "(B)",
        "--",
        "text",
        "Summary:",
        "End summary.",
        "CLINTON",
    ]
)
_SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "\n \n", ""])
_CABLEISH = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=40).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _CABLEISH))
def test_never_raises_and_paragraphs_are_well_formed(text: str) -> None:
    start, result = read_paragraphs(text)
    # A start may be a portion banner with nothing under it, which is dropped.
    assert start is not None or result == []
    if start is not None:
        assert 0 <= start <= len(text)
    for paragraph in result:
        assert paragraph.text == paragraph.text.strip()
        assert "\n\n\n" not in paragraph.text
        assert paragraph.number is None or paragraph.number.isdigit()
        if paragraph.banner is not None:
            assert paragraph.marking is not None
            assert paragraph.text
    assert flow(flow(text)) == flow(text)


def test_wrapped_reasons_line_is_not_a_paragraph_marking() -> None:
    text = (
        "Classified By: Ambassador Jane Doe for reasons 1.4 (b),\n"
        "(C), (D) AND (E).\n\n1. (S) First paragraph.\n"
    )
    start, paragraphs = read_paragraphs(text)
    assert start == text.index("1. (S)")
    assert [(p.number, p.marking.level if p.marking else None) for p in paragraphs] == [
        ("1", Level.S)
    ]
