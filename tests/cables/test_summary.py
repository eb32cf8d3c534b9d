"""Summary and subject: the two fields a reader scans first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.parse import parse_body
from interdict.cables.body.summary import clean_subject, find_summary
from interdict.cables.notes import Notes


@pytest.mark.parametrize(
    ("blocks", "summary"),
    [
        # inside paragraph 1, with an end marker
        (["", "Summary: The minister agreed. End summary. More text."], "The minister agreed."),
        (["", "SUMMARY: THE MINISTER AGREED. END SUMMARY."], "THE MINISTER AGREED."),
        (["", "Summary and Comment: X happened. End Summary and Comment."], "X happened."),
        (["", "Summary and action request: Act now. End summary."], "Act now."),
        (["", "Summary: text END OF SUMMARY"], "text."),
        (["", "EXECUTIVE SUMMARY: foo. END EXECUTIVE SUMMARY."], "foo."),
        (["", "Summary - The minister agreed. End Summary."], "The minister agreed."),
        # BEGIN SUMMARY ... END SUMMARY, any case, in the preamble's loose text
        (["BEGIN SUMMARY the minister agreed END SUMMARY"], "the minister agreed."),
        (["SIPDIS\n\nBEGIN SUMMARY: Talks went well. END SUMMARY."], "Talks went well."),
        # no end marker: to the end of the block
        (["", "Summary: The minister agreed and then left."], "The minister agreed and then left."),
        (
            ["", "Summary. The minister agreed.\n\nMore in para."],
            "The minister agreed.\n\nMore in para.",
        ),
        (["", "Summary\n\nThe minister agreed."], "The minister agreed."),
        (["", "SUMMARY THE MINISTER AGREED"], "THE MINISTER AGREED."),
        # after an earlier sentence in the same block
        (["", "This is an action request. Summary: Demarche. End summary."], "Demarche."),
        # closing punctuation is kept as written
        (["", "Summary: Will they agree? End summary."], "Will they agree?"),
        (["", 'Summary: He said "no." End summary.'], 'He said "no."'),
        # later blocks are searched too (up to the fourth)
        (["", "1. (U) Action request.", "Summary: Found it."], "Found it."),
    ],
)
def test_find_summary(blocks: list[str], summary: str) -> None:
    assert find_summary(blocks) == summary


@pytest.mark.parametrize(
    "blocks",
    [
        [],
        ["", "We discussed the summary of the meeting."],
        ["", "The report summary - they agreed."],
        ["", "A summary: of sorts."],
        ["", "summary"],
        ["", "Summary: ... End summary."],
        ["", "Summary: End summary."],
        ["", "Summary: ?! End summary."],
        ["", "1. first", "2. second", "3. third", "Summary: fifth block is too late"],
    ],
)
def test_no_summary(blocks: list[str]) -> None:
    assert find_summary(blocks) is None


def test_summary_of_a_body() -> None:
    body = parse_body(
        "C O N F I D E N T I A L TRIPOLI 000402\n\nSUBJECT: X\n\n"
        "1. (C) Summary: Officials agreed on May 20 to review\nend-use checks.  End Summary.\n\n"
        "2. (C) Detail.\nOSTRANDER",
        Notes(),
        year=2009,
    )
    assert body.summary == "Officials agreed on May 20 to review end-use checks."


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("FOO", "FOO"),
        ("SUBJECT: FOO", "FOO"),
        ("Subj: Subject: X", "X"),
        (
            "DEMARCHE ON THE TRANSFER OF\n  SMALL ARMS TO LIBYA ",
            "DEMARCHE ON THE TRANSFER OF SMALL ARMS TO LIBYA",
        ),
        ('MACHINE TOOLS FROM "MAQUINARIA CME"', 'MACHINE TOOLS FROM "MAQUINARIA CME"'),
        ("", None),
        ("  \n ", None),
        ("SUBJECT:", None),
    ],
)
def test_clean_subject(text: str, subject: str | None) -> None:
    assert clean_subject(text) == subject


_TOKENS = st.sampled_from(
    ["Summary", "SUMMARY", "summary", ":", "-", ".", "BEGIN", "END", "End", "text", "?", '"', "\n"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(max_size=80), st.lists(_TOKENS, max_size=12).map(" ".join)), max_size=5
    )
)
def test_never_raises_and_summary_is_well_formed(blocks: list[str]) -> None:
    summary = find_summary(blocks)
    if summary is None:
        return
    assert summary == summary.strip()
    assert summary[-1] in ".!?\"')]"
    assert any(char.isalnum() for char in summary)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=100))
def test_clean_subject_is_one_tidy_line(text: str) -> None:
    subject = clean_subject(text)
    if subject is not None:
        assert subject == " ".join(subject.split())
        assert subject
