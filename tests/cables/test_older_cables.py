"""Older and irregular cables: fields in the places and wordings of 1970-2010.

The fixtures under ``fixtures/older/`` were written here from what public
descriptions of the formats say (wrapped telegrams with page furniture, REF
lists over several lines, lower-case TAGS, the classification authority in
the first paragraph); none is copied from a real cable.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from interdict.cables.body.parse import Body, parse_body
from interdict.cables.notes import Notes
from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable, ReferenceKind

OLDER = Path(__file__).parent / "fixtures" / "older"


def parsed(name: str) -> Cable:
    (cable,) = parse_paths([OLDER / name])
    assert isinstance(cable, Cable), cable
    return cable


def test_a_1978_wrapped_telegram() -> None:
    cable = parsed("1978-ankara-wrapped.txt")
    assert [(t.tag, t.kind.value) for t in cable.tags] == [
        ("PARM", "subject"),
        ("MNUC", "subject"),
        ("TU", "geographic"),
        ("XXTZ", "unknown"),  # an unknown tag is kept, upper-cased, with a warning
    ]
    assert any(w.message == "unknown tag 'XXTZ'" for w in cable.warnings)
    assert [r.reference_id for r in cable.references] == ["78STATE123456", "78ANKARA4400"]
    assert cable.classified_by is not None
    assert cable.classified_by.name == "A. N. OTHER"
    assert cable.classified_by.title == "DEPUTY CHIEF OF MISSION"
    assert cable.classified_by.reasons == ["1.5(d)"]
    # the signer stands before a repeated classification line and NNNN
    assert cable.signers == ["SPIERS"]
    assert not cable.paragraphs[-1].text.endswith(("SPIERS", "NNNN", "CONFIDENTIAL"))


def test_refs_over_lines_with_an_abbreviated_post_and_things_that_are_not_cables() -> None:
    cable = parsed("2008-rio-refs-over-lines.txt")
    assert [(r.letter, r.kind, r.reference_id) for r in cable.references] == [
        ("A", ReferenceKind.CABLE, "08RIODEJANEIRO123"),
        ("B", ReferenceKind.CABLE, "08BRASILIA1500"),
        ("C", ReferenceKind.OTHER, None),
        ("D", ReferenceKind.EMAIL, None),
    ]
    assert cable.references[2].text == "LONDON POINTS MAY 3"
    assert [t.tag for t in cable.tags] == ["ECON", "ETRD", "BR", "KNNP"]  # wrapped TAGS
    assert cable.signers == ["JOHN SMITH"]  # a signer with a first name


def test_doubled_letters_and_whole_ids() -> None:
    cable = parsed("2008-the-hague-doubled-letters.txt")
    assert [r.reference_id for r in cable.references][:2] == ["07STATE12345", "10UNVIEVIENNA101"]
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ["1.4(b)", "1.4(d)"]
    assert cable.signers == ["ARNALL", "GALLAGHER"]  # two signers, one to a line


@pytest.mark.parametrize(
    ("first", "name", "title", "reasons"),
    [
        (
            "1. (U) CLASSIFIED BY A. N. OTHER, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)",
            "A. N. OTHER",
            "DEPUTY CHIEF OF MISSION",
            ["1.5(d)"],
        ),
        (
            "1. (C) CLASSIFIED BY POLOFF J. DOE; REASONS 1.5 B AND D.",
            "J. DOE",
            "POLOFF",
            ["1.5(b)", "1.5(d)"],
        ),
        (
            "1. (S) CLASSIFIED BY: AMBASSADOR JOHN SMITH, JR. FOR REASONS 1.4 (B) AND (D).",
            "JOHN SMITH JR",
            "AMBASSADOR",
            ["1.4(b)", "1.4(d)"],
        ),
        (
            "1. (C) Classified by Charge d'Affaires a.i. Mary Roe, reasons 1.4 (b/d).\n\n"
            "2. (C) Summary: text.",
            "Mary Roe",
            "Charge d'Affaires a.i.",
            ["1.4(b)", "1.4(d)"],
        ),
    ],
)
def test_classified_by_in_the_first_paragraph(
    first: str, name: str, title: str, reasons: list[str]
) -> None:
    body = f"C O N F I D E N T I A L ANKARA 000001\n\nSUBJECT: TEST\n\n{first}\n\n3. (U) END.\n"
    parsed_body = parse_body(body, Notes(), year=2000)
    assert parsed_body.classified_by is not None
    assert parsed_body.classified_by.reasons == reasons
    assert parsed_body.classified_by.name == name
    assert parsed_body.classified_by.title == title


def _body(preamble: str) -> Body:
    text = f"C O N F I D E N T I A L MOSCOW 005154\n\n{preamble}\n\n1. (C) Text.\n"
    return parse_body(text, Notes(), year=2007)


def test_an_eo_line_without_dots_and_tags_without_its_colon() -> None:
    body = _body("EO 12958 DECL: 10/25/2017\nTAGS PREL, PGOV, RS\nSUBJECT: TEST")
    assert body.eo is not None and body.eo.order == "12958"
    assert [t.tag for t in body.tags] == ["PREL", "PGOV", "RS"]
    assert body.subject == "TEST"


def test_tags_in_a_subject_line_do_not_open_the_field() -> None:
    body = _body("E.o. 12958: DECL: 10/25/2017\nTAGS: PREL\nSUBJECT: PRICE TAGS ON WHEAT")
    assert body.eo is not None and body.eo.order == "12958"
    assert body.subject == "PRICE TAGS ON WHEAT"


def test_a_ref_list_lettered_in_lower_case() -> None:
    body = _body("SUBJECT: TEST\n\nREF: a) STATE 12345 b) 06 MADRID 88")
    refs = [(r.letter, r.reference_id) for r in body.references]
    assert refs == [("A", "07STATE12345"), ("B", "06MADRID88")]


def test_a_banner_written_in_lower_case() -> None:
    text = "S e c r e t berlin 000643\n\nSUBJECT: TEST\n\n1. (S) Text.\n"
    body = parse_body(text, Notes(), year=2009)
    assert body.banner is not None
    assert (body.banner.station, body.banner.number) == ("BERLIN", "000643")
    assert body.subject == "TEST"


def test_a_caption_in_mixed_case_and_a_signer_before_a_lone_full_stop() -> None:
    text = "S e c r e t berlin 000643\n\nSipdis,\n\nSUBJECT: TEST\n\n1. (S) Text.\n\nMURRAY\n.\n"
    body = parse_body(text, Notes(), year=2009)
    assert "SIPDIS" in body.captions
    assert body.signers == ["MURRAY"]
