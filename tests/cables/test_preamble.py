"""The fields between the banner and the first paragraph, in both layouts."""

from __future__ import annotations

from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.banner import CAPTIONS
from interdict.cables.body.preamble import Preamble, read_preamble
from interdict.cables.body.summary import clean_subject


def fields(preamble: Preamble) -> list[tuple[str, str]]:
    return [(f.name, f.text) for f in preamble.fields]


def seed_preamble() -> str:
    text = (files("interdict.data") / "cables" / "09STATE29395.txt").read_text(encoding="utf-8")
    start = text.index("S E C R E T STATE 029395") + len("S E C R E T STATE 029395")
    return text[start : text.index("¶1.")]


def test_seed() -> None:
    preamble = read_preamble(seed_preamble())
    assert fields(preamble) == [
        ("eo", "E.O. 12958: DECL: 03/26/2034"),
        ("tags", "PARM MTCRE PREL TW IR SP"),
        ("ref", "A. MADRID 000088 B. 08 MADRID 000979 C. 08 STATE 081940 AND PREVIOUS"),
        ("classified_by", "ISN/MTR DIRECTOR PAM DURHAM REASONS 1.4 (B), (C) AND (D)."),
    ]
    assert preamble.captions == ["SIPDIS"]
    assert preamble.caveats == []


def test_run_together_layout() -> None:
    text = (
        "SIPDIS E.O. 12958: DECL: 01/04/2020 TAGS: MASS MARR SUBJECT: ARMS FOR LIBYA "
        "REF: STATE 12345 Classified By: Amb Gene Cretz, Reason 1.4 (b) and (d)"
    )
    preamble = read_preamble(text)
    assert fields(preamble) == [
        ("eo", "E.O. 12958: DECL: 01/04/2020"),
        ("tags", "MASS MARR"),
        ("subject", "ARMS FOR LIBYA"),
        ("ref", "STATE 12345"),
        ("classified_by", "Amb Gene Cretz, Reason 1.4 (b) and (d)"),
    ]
    assert preamble.captions == ["SIPDIS"]


def test_one_field_per_line_with_wrapping() -> None:
    text = (
        "\nNOFORN\nSIPDIS\n\n"
        "E.O. 12958: DECL: 01/04/2020\n"
        "TAGS: MASS, MARR, PREL,\nLY\n"
        "SUBJECT: DEMARCHE ON THE TRANSFER OF\nSMALL ARMS TO LIBYA\n\n"
        "REF: A. STATE 1234\n\n"
        "Classified By: CDA J. Smith for reasons 1.4(b) and (d)\n\n"
    )
    preamble = read_preamble(text)
    assert fields(preamble) == [
        ("eo", "E.O. 12958: DECL: 01/04/2020"),
        ("tags", "MASS, MARR, PREL,\nLY"),
        ("subject", "DEMARCHE ON THE TRANSFER OF\nSMALL ARMS TO LIBYA"),
        ("ref", "A. STATE 1234"),
        ("classified_by", "CDA J. Smith for reasons 1.4(b) and (d)"),
    ]
    assert preamble.captions == ["SIPDIS"]
    assert preamble.caveats == ["NOFORN"]


def test_subject_wrapping_over_two_lines_reads_as_one() -> None:
    text = "SUBJECT: LIBYA AGREES TO REVIEW END-USE CHECKS ON DUAL-USE \nIMPORTS \n \nREF: X 1"
    subject = read_preamble(text).first("subject")
    assert subject is not None
    assert clean_subject(subject.text) == (
        "LIBYA AGREES TO REVIEW END-USE CHECKS ON DUAL-USE IMPORTS"
    )


def test_subject_ends_at_blank_line_without_a_next_keyword() -> None:
    preamble = read_preamble("SUBJECT: FOO BAR\n\nThe minister said no.")
    assert fields(preamble) == [("subject", "FOO BAR")]
    assert preamble.fields[0].end == len("SUBJECT: FOO BAR")


def test_ref_list_with_blank_lines_between_items() -> None:
    text = (
        "REF: A. STATE 1234\n\nB. TRIPOLI 456\n\nC. 08 TRIPOLI 789\n\n"
        "Classified By: CDA J. Smith for reasons 1.4(b) and (d)"
    )
    assert fields(read_preamble(text))[0] == (
        "ref",
        "A. STATE 1234\n\nB. TRIPOLI 456\n\nC. 08 TRIPOLI 789",
    )


def test_ref_list_stops_at_the_first_blank_line_not_followed_by_an_item() -> None:
    text = "REF: (A) STATE 1234 (NOTAL)\n\n(B) ANKARA 5678\n\nThe mission will act."
    assert fields(read_preamble(text)) == [("ref", "(A) STATE 1234 (NOTAL)\n\n(B) ANKARA 5678")]


def test_ref_continues_with_a_dated_unlettered_item() -> None:
    text = "REF: STATE 1234\n\n08 STATE 5678\n\n2008 ROME 99\n\nProse."
    assert fields(read_preamble(text)) == [("ref", "STATE 1234\n\n08 STATE 5678\n\n2008 ROME 99")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("E.O. 12958: N/A", "eo"),
        ("E. O. 12958: DECL: 03/26/2034", "eo"),
        ("EO 12958 DECL: 03/26/2034", "eo"),
        ("E.O.12958: DECL: 03/26/2034", "eo"),
        ("TAGS: PREL", "tags"),
        ("TAG: PREL", "tags"),
        ("SUBJ: SHORT", "subject"),
        ("Subject: Mixed case", "subject"),
        ("REFS: A) STATE 1", "ref"),
        ("REFTEL: STATE 1", "ref"),
        ("REFERENCES: STATE 1", "ref"),
        ("CLASSIFIED BY: AMB X, 1.4(B)", "classified_by"),
        ("CLASSIFIED BY AMB X, 1.4(B)", "classified_by"),
        ("   Classified by Amb X, 1.4(b)", "classified_by"),
    ],
)
def test_keyword_spellings(text: str, name: str) -> None:
    assert [f.name for f in read_preamble(text).fields] == [name]


def test_classified_by_without_colon_mid_line_is_prose() -> None:
    preamble = read_preamble("SUBJECT: DOCUMENTS CLASSIFIED BY IRAN\n")
    assert fields(preamble) == [("subject", "DOCUMENTS CLASSIFIED BY IRAN")]


def test_captions_and_caveats_outside_fields() -> None:
    text = "\nSENSITIVE\nSIPDIS\nNODIS\nREL TO USA, GBR\n\nE.O. 12958: N/A\nTAGS: ECON\n"
    preamble = read_preamble(text)
    assert preamble.captions == ["SIPDIS", "NODIS"]
    assert preamble.caveats == ["SENSITIVE", "REL TO USA, GBR"]
    assert fields(preamble) == [("eo", "E.O. 12958: N/A"), ("tags", "ECON")]


def test_caption_words_inside_fields_are_not_captions() -> None:
    preamble = read_preamble("SUBJECT: NOFORN HANDLING OF SIPDIS TRAFFIC\n")
    assert preamble.captions == []
    assert preamble.caveats == []


def test_caption_after_the_fields() -> None:
    preamble = read_preamble("TAGS: PREL\n\nSIPDIS\n")
    assert preamble.captions == ["SIPDIS"]


def test_captions_and_caveats_are_not_repeated() -> None:
    preamble = read_preamble("SIPDIS\nNOFORN\n\nE.O. 12958: N/A\n\nSIPDIS NOFORN\n")
    assert (preamble.captions, preamble.caveats) == (["SIPDIS"], ["NOFORN"])


def test_caption_must_be_a_whole_word() -> None:
    preamble = read_preamble("XSIPDIS NOFORNS\n")
    assert (preamble.captions, preamble.caveats) == ([], [])


def test_empty_and_fieldless() -> None:
    assert fields(read_preamble("")) == []
    preamble = read_preamble("Just some text.\n")
    assert preamble.fields == []
    assert preamble.first("eo") is None


def test_offsets_point_at_the_keywords() -> None:
    text = seed_preamble()
    for item in read_preamble(text).fields:
        assert text[item.start : item.end].strip().endswith(item.text)
        assert item.start <= item.end


def test_a_repeated_field_is_kept_twice() -> None:
    preamble = read_preamble("REF: A. STATE 1\n\nREF: B. STATE 2\n")
    assert fields(preamble) == [("ref", "A. STATE 1"), ("ref", "B. STATE 2")]
    first = preamble.first("ref")
    assert first is not None
    assert first.text == "A. STATE 1"


# --------------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "E.O. 12958:",
        "DECL: 03/26/2034",
        "TAGS:",
        "PREL",
        "SUBJECT:",
        "SUBJ",
        "REF:",
        "A.",
        "B.",
        "STATE 1234",
        "Classified By:",
        "CLASSIFIED BY",
        "1.4 (b)",
        "SIPDIS",
        "NOFORN",
        "REL TO USA, GBR",
        "text",
        ":",
    ]
)
_SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "\n \n", ""])
_CABLEISH = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=30).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), _CABLEISH))
def test_never_raises_and_fields_are_well_formed(text: str) -> None:
    preamble = read_preamble(text)
    previous_end = 0
    for item in preamble.fields:
        assert item.name in {"eo", "tags", "subject", "ref", "classified_by"}
        assert item.text == item.text.strip()
        assert previous_end <= item.start <= item.end <= len(text)
        previous_end = item.end
    assert set(preamble.captions) <= set(CAPTIONS)
    assert len(preamble.captions) == len(set(preamble.captions))
    assert len(preamble.caveats) == len(set(preamble.caveats))
