"""REF lines: lettered lists, years inferred from the citing cable, and non-cable kinds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.refs import Reading, classify_reference, parse_refs
from interdict.cables.notes import Notes
from interdict.cables.record import Reference, ReferenceKind
from interdict.cables.refid import canonical_id

CABLE, EMAIL, PHONE, MEETING, REPORT, DTG, OTHER = (
    ReferenceKind.CABLE,
    ReferenceKind.EMAIL,
    ReferenceKind.PHONE,
    ReferenceKind.MEETING,
    ReferenceKind.REPORT,
    ReferenceKind.DTG,
    ReferenceKind.OTHER,
)


def refs(text: str, year: int | None = 2009) -> tuple[list[Reference], list[str]]:
    notes = Notes()
    result = parse_refs(text, year, notes, line=12)
    assert all(w.field == "references" and w.line == 12 for w in notes.warnings)
    return result, [w.message for w in notes.warnings]


def triples(references: list[Reference]) -> list[tuple[str | None, ReferenceKind, str | None]]:
    return [(r.letter, r.kind, r.reference_id) for r in references]


def test_seed() -> None:
    result, warnings = refs("A. MADRID 000088 B. 08 MADRID 000979 C. 08 STATE 081940 AND PREVIOUS")
    assert triples(result) == [
        ("A", CABLE, "09MADRID88"),
        ("B", CABLE, "08MADRID979"),
        ("C", CABLE, "08STATE81940"),
    ]
    assert [r.text for r in result] == [
        "MADRID 000088",
        "08 MADRID 000979",
        "08 STATE 081940 AND PREVIOUS",
    ]
    assert warnings == []


def test_wrapped_seed_with_blank_lines() -> None:
    result, _ = refs("A. MADRID 000088\n\n     B. 08 MADRID\n 000979\n\nC. 08 STATE 081940")
    assert [r.reference_id for r in result] == ["09MADRID88", "08MADRID979", "08STATE81940"]
    assert result[1].text == "08 MADRID 000979"


def test_four_digit_years_and_notal() -> None:
    result, warnings = refs("A. 2008 STATE 12345 B. STATE 6789 (NOTAL)")
    assert triples(result) == [("A", CABLE, "08STATE12345"), ("B", CABLE, "09STATE6789")]
    assert result[1].text == "STATE 6789 (NOTAL)"
    assert warnings == []


def test_the_years_of_other_decades() -> None:
    result, _ = refs("A. 99 STATE 1234 B. 1976 PRETORIA 4668 C. 66 ANKARA 1")
    assert [r.reference_id for r in result] == ["99STATE1234", "76PRETORIA4668", "66ANKARA1"]


@pytest.mark.parametrize(
    "text",
    [
        "(A) STATE 1234 (B) ANKARA 5678",
        "A) STATE 1234 B) ANKARA 5678",
        "A. STATE 1234 B. ANKARA 5678",
        "A: STATE 1234 B: ANKARA 5678",
        "A. STATE 1234, B. ANKARA 5678",
        "A. STATE 1234; B. ANKARA 5678",
        "A.  STATE 1234\nB.  ANKARA 5678",
    ],
)
def test_letter_styles(text: str) -> None:
    result, warnings = refs(text)
    assert triples(result) == [("A", CABLE, "09STATE1234"), ("B", CABLE, "09ANKARA5678")]
    assert warnings == []


def test_secstate_is_state() -> None:
    result, _ = refs("A. SECSTATE 1234 B. 08 SECSTATE 99")
    assert [r.reference_id for r in result] == ["09STATE1234", "08STATE99"]


@pytest.mark.parametrize(
    ("text", "reference_id"),
    [
        ("SAO PAULO 335", "09SAOPAULO335"),
        ("08 SAO PAULO 000335", "08SAOPAULO335"),
        ("08 THE HAGUE 1234", "08THEHAGUE1234"),
        ("USUN NEW YORK 00123", "09USUNNEWYORK123"),
        ("PORT OF SPAIN 456", "09PORTOFSPAIN456"),
    ],
)
def test_multi_word_stations(text: str, reference_id: str) -> None:
    result, warnings = refs(text)
    assert triples(result) == [(None, CABLE, reference_id)]
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("EMAIL FROM U.S. EMBASSY OFFICER 3/3/09", EMAIL),
        ("E-MAIL ISN/MTR-EMBASSY MADRID 03/20/09", EMAIL),
        ("UNCLASSIFIED EMAIL OF MARCH 3", EMAIL),
        ("TELCON ISN/MTR MAYES-ECONOFF 03/24/09", PHONE),
        ("PHONE CALL WITH MFA", PHONE),
        ("AMB-U.S. TELCON", PHONE),
        ("DVC OF 3/4/09", PHONE),
        ("MEMCON OF 3/5/09", MEETING),
        ("MEETING WITH MFA 3/5/09", MEETING),
        ("DEMARCHE", MEETING),
        ("OSC REPORT EUP20090101", REPORT),
        ("IIR 6 832 0123 09", REPORT),
        ("FBIS EUP2009", REPORT),
        ("231545Z MAR 09", DTG),
        ("SECSTATE WASHDC 262046Z MAR 09", DTG),
        ("THE 1999 AGREEMENT", OTHER),
        ("PARA 5 OF STATE 1234", OTHER),
        ("U.S. DEL TO NATO STATE 1234", OTHER),
        ("STATE 000000", OTHER),
        ("NONE", OTHER),
        ("312399Z MAR 09", OTHER),  # not a real DTG
    ],
)
def test_other_kinds(text: str, kind: ReferenceKind) -> None:
    result, warnings = refs(f"A. {text}")
    assert triples(result) == [("A", kind, None)]
    assert result[0].text == text
    assert warnings == []


def test_kind_word_after_a_cable_citation_does_not_hide_the_cable() -> None:
    result, _ = refs("A. STATE 12345 (REPORTING CALLS) B. 08 MADRID 979 MEETING NOTES")
    assert triples(result) == [("A", CABLE, "09STATE12345"), ("B", CABLE, "08MADRID979")]


def test_the_variant_fixture_mix() -> None:
    text = (
        "A. MADRID 000088 B. EMAIL ISN/MTR-EMBASSY MADRID 03/20/09 "
        "C. TELCON ISN/MTR MAYES-ECONOFF 03/24/09 D. 231545Z MAR 09"
    )
    result, warnings = refs(text)
    assert triples(result) == [
        ("A", CABLE, "09MADRID88"),
        ("B", EMAIL, None),
        ("C", PHONE, None),
        ("D", DTG, None),
    ]
    assert warnings == []


def test_unlettered_single_reference() -> None:
    result, warnings = refs("STATE 48210")
    assert triples(result) == [(None, CABLE, "09STATE48210")]
    assert warnings == []


def test_unlettered_references_split_on_semicolons() -> None:
    result, _ = refs("STATE 1234; MADRID 5678")
    assert triples(result) == [(None, CABLE, "09STATE1234"), (None, CABLE, "09MADRID5678")]


def test_text_before_the_first_letter_is_kept() -> None:
    result, _ = refs("STATE 1 A. STATE 2")
    assert triples(result) == [(None, CABLE, "09STATE1"), ("A", CABLE, "09STATE2")]


def test_no_resolvable_year_warns() -> None:
    result, warnings = refs("A. MADRID 000088 B. 08 MADRID 000979", year=None)
    assert triples(result) == [("A", CABLE, None), ("B", CABLE, "08MADRID979")]
    assert warnings == ["cannot resolve year of reference 'MADRID 000088'"]


def test_initials_inside_an_item_do_not_split_it() -> None:
    result, _ = refs("A. EMAIL FROM U.S. EMBASSY B. LETTER FROM J. SMITH C. STATE 12")
    assert [r.letter for r in result] == ["A", "B", "C"]
    assert result[0].text == "EMAIL FROM U.S. EMBASSY"
    assert result[1].text == "LETTER FROM J. SMITH"
    assert result[2].reference_id == "09STATE12"


def test_out_of_sequence_letters_stay_in_the_item() -> None:
    result, _ = refs("A. USNATO 12345 E. STATE 1 B. STATE 2")
    assert [(r.letter, r.text) for r in result] == [
        ("A", "USNATO 12345 E. STATE 1"),
        ("B", "STATE 2"),
    ]


@pytest.mark.parametrize("text", ["", "   ", " . ; ", "\n\n"])
def test_empty(text: str) -> None:
    assert refs(text) == ([], [])


def test_classify_reference() -> None:
    assert classify_reference("08 MADRID 000979", 2009) == Reading(CABLE, "08MADRID979")
    assert classify_reference("madrid 88", 2009) == Reading(CABLE, "09MADRID88")
    assert classify_reference("MADRID 88", None) == Reading(CABLE, None)
    assert classify_reference("TELCON", 2009) == Reading(PHONE, None)


_TOKENS = st.sampled_from(
    [
        "A.",
        "B.",
        "C)",
        "(D)",
        "08",
        "2008",
        "STATE",
        "SECSTATE",
        "SAO PAULO",
        "THE HAGUE",
        "000088",
        "1234",
        "0",
        "(NOTAL)",
        "AND PREVIOUS",
        "EMAIL",
        "TELCON",
        "MEMCON",
        "OSC REPORT",
        "262046Z MAR 09",
        "U.S.",
        ";",
        ",",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_TOKENS, max_size=20).map(" ".join)),
    st.one_of(st.none(), st.integers(min_value=1966, max_value=2010)),
)
def test_never_raises_and_references_are_well_formed(text: str, year: int | None) -> None:
    notes = Notes()
    references = parse_refs(text, year, notes)
    letters = [r.letter for r in references if r.letter is not None]
    # Letters come in order (an empty item, as in "A. B. STATE 1", is dropped).
    assert letters == sorted(set(letters))
    for reference in references:
        assert reference.text
        assert reference.text == reference.text.strip(" .;,")
        if reference.reference_id is not None:
            assert reference.kind is CABLE
            canonical = canonical_id(reference.reference_id)
            assert canonical is not None
            assert canonical.repaired is False
    unresolved = [r for r in references if r.kind is CABLE and r.reference_id is None]
    assert len(notes.warnings) == len(unresolved)


# -- references as older and irregular cables write them (fixtures written here) ------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every lettered form, doubled letters, and "AND PREVIOUS"
        ("(A) STATE 123456, (B) ANKARA 4400 AND PREVIOUS", ["09STATE123456", "09ANKARA4400"]),
        ("A) 08 MADRID 12; B) 2008 MADRID 13", ["08MADRID12", "08MADRID13"]),
        ("A. A. 07 STATE 12345 B. B. 10UNVIEVIENNA101", ["07STATE12345", "10UNVIEVIENNA101"]),
        # ids written whole, as Cablegate writes them
        (
            "A. 08RIODEJANEIRO55 B. 08THEHAGUE300 C. 10UNESCOPARISFR12",
            ["08RIODEJANEIRO55", "08THEHAGUE300", "10UNESCOPARISFR12"],
        ),
        # a list run over several lines
        ("A. 08 MADRID 1\n   B. 08 PARIS\n   2345", ["08MADRID1", "08PARIS2345"]),
        # no year: the citing cable's
        ("THE HAGUE 299", ["09THEHAGUE299"]),
    ],
)
def test_reference_forms(text: str, expected: list[str]) -> None:
    result, _ = refs(text)
    assert [r.reference_id for r in result] == expected
    assert all(r.kind is CABLE for r in result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08 RIO DE JAN 0123", "08RIODEJANEIRO123"),  # abbreviated post
        ("08 BUENOS AIRS 77", "08BUENOSAIRES77"),  # a letter missing
        ("08 MADRDI 88", "08MADRID88"),  # two letters swapped
    ],
)
def test_an_abbreviated_or_mistyped_post_is_read_and_said(text: str, expected: str) -> None:
    result, warnings = refs(text)
    assert triples(result) == [(None, CABLE, expected)]
    assert len(warnings) == 1 and warnings[0].startswith("read ")


@pytest.mark.parametrize(
    "text",
    ["LONDON POINTS MAY 3", "PARIS NON-PAPER OF MARCH 12", "EMBASSY NOTE MAY 14", "MAY 3"],
)
def test_what_is_not_a_cable_is_kept_whole_and_never_made_an_id(text: str) -> None:
    result, _ = refs(text)
    assert len(result) == 1 and result[0].reference_id is None
    assert result[0].kind is not CABLE and result[0].text == text


def test_an_unknown_post_is_still_read_as_written() -> None:
    result, warnings = refs("08 CHIANG MAI 45")
    assert triples(result) == [(None, CABLE, "08CHIANGMAI45")] and warnings == []
