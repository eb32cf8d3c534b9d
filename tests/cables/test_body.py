"""``parse_body``: the body field modules assembled, on the seed and on the awkward cases."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.parse import parse_body
from interdict.cables.notes import Notes
from interdict.cables.record import ReferenceKind
from interdict.model.markings import Level, Marking


def seed_body() -> str:
    text = (files("interdict.data") / "cables" / "09STATE29395.txt").read_text(encoding="utf-8")
    return text[text.index("S E C R E T STATE 029395") :]


def test_seed_body() -> None:
    notes = Notes()
    body = parse_body(seed_body(), notes, first_line=14, year=2009)
    assert notes.warnings == []
    assert body.banner is not None
    assert (body.banner.station, body.banner.number) == ("STATE", "029395")
    assert body.captions == ["SIPDIS"]
    assert body.caveats == ["REL SPAIN"]  # from the (SECRET REL SPAIN) portion banner
    assert body.eo is not None
    assert (body.eo.order, body.eo.declassify_on) == ("12958", date(2034, 3, 26))
    assert [t.tag for t in body.tags] == ["PARM", "MTCRE", "PREL", "TW", "IR", "SP"]
    assert [r.reference_id for r in body.references] == [
        "09MADRID88",
        "08MADRID979",
        "08STATE81940",
    ]
    assert body.subject is None
    assert body.summary is None
    assert body.classified_by is not None
    assert body.classified_by.reasons == ["1.4(b)", "1.4(c)", "1.4(d)"]
    assert [(p.number, p.marking, p.banner) for p in body.paragraphs] == [
        ("1", Marking(level=Level.U), None),
        ("2", Marking(level=Level.S), None),
        ("3", Marking(level=Level.S), None),
        ("4", Marking(level=Level.S), None),
        ("5", Marking(level=Level.S), None),
        ("5", Marking(level=Level.S, rel_to=["SPAIN"]), "SECRET REL SPAIN"),
        ("6", Marking(level=Level.U), None),
        ("7", Marking(level=Level.U), None),
    ]
    assert body.paragraphs[-1].text == "A word version file of this document will be posted at ."
    assert body.signers == ["CLINTON"]
    assert body.text.startswith("SIPDIS")
    assert body.text.endswith("CLINTON")


def test_warning_lines_count_from_the_file() -> None:
    text = (
        "S E C R E T STATE 029395\n\nSIPDIS\n\nE.O. 99999: DECL: 03/26/2034\n\nREF: A. MADRID 88\n"
    )
    notes = Notes()
    parse_body(text, notes, first_line=14, year=None)
    assert [(w.field, w.line) for w in notes.warnings] == [("eo", 18), ("references", 20)]


def test_two_section_body_reads_as_one() -> None:
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000402 \n \nSIPDIS \n \n"
        "E.O. 12958: DECL: 5/21/2019 \nTAGS: PARM ETTC KNNP LY \n"
        "SUBJECT: LIBYA AGREES TO REVIEW END-USE CHECKS ON DUAL-USE \nIMPORTS \n \n"
        "REF: STATE 48210 \n \n"
        "Classified By: CDA Joan Ostrander for reasons 1.4 (b) and (d). \n \n"
        "1. (C) Summary: Officials agreed on May 20 to review how Libya checks the \n"
        "end use of imported dual-use machinery.  End Summary. \n \n"
        "2. (C) Poloff delivered reftel points, and the ministry would share them with the \n"
        "TRIPOLI 00000402  002 OF 002 \n"
        "licensing office before the end of June. \n \n"
        "C O N F I D E N T I A L SECTION 02 OF 02 TRIPOLI 000402 \n \n"
        "3. (C/REL LIBYA) Post left a non-paper. \n \n"
        "4. (U) Post will report further. \nOSTRANDER"
    )
    notes = Notes()
    body = parse_body(text, notes, year=2009)
    assert notes.warnings == []
    assert body.banner is not None
    assert (body.banner.section, body.banner.sections) == (1, 2)
    assert body.subject == "LIBYA AGREES TO REVIEW END-USE CHECKS ON DUAL-USE IMPORTS"
    assert [r.reference_id for r in body.references] == ["09STATE48210"]
    assert body.summary == (
        "Officials agreed on May 20 to review how Libya checks the end use of imported "
        "dual-use machinery."
    )
    assert [p.number for p in body.paragraphs] == ["1", "2", "3", "4"]
    assert body.paragraphs[1].text == (
        "Poloff delivered reftel points, and the ministry would share them with the "
        "licensing office before the end of June."
    )
    assert body.paragraphs[2].marking == Marking(level=Level.C, rel_to=["LIBYA"])
    assert body.signers == ["OSTRANDER"]
    assert "00000402" not in body.text
    assert "SECTION 02" not in body.text


def test_caveats_of_a_repeated_section_banner_are_the_cables() -> None:
    text = (
        "UNCLAS SECTION 01 OF 02 ANKARA 000092\n\nSUBJECT: X\n\n1. (SBU) One.\n\n"
        "UNCLAS SECTION 02 OF 02 ANKARA 000092 SENSITIVE\n\n2. (SBU) Two.\nWILSON"
    )
    body = parse_body(text, Notes(), year=2005)
    assert body.caveats == ["SENSITIVE"]
    assert [p.text for p in body.paragraphs] == ["One.", "Two."]


def test_body_without_banner_or_paragraphs() -> None:
    body = parse_body("Some text.\n\nREF: nothing\n\nMore.\nSMITH", Notes(), year=2009)
    assert body.banner is None
    assert [r.kind for r in body.references] == [ReferenceKind.OTHER]
    assert [p.text for p in body.paragraphs] == ["More."]
    assert body.signers == ["SMITH"]


def test_empty_body() -> None:
    body = parse_body("", Notes())
    assert body.banner is None
    assert body.paragraphs == []
    assert body.text == ""


_TOKENS = st.sampled_from(
    [
        "S E C R E T STATE 029395",
        "CONFIDENTIAL SECTION 02 OF 02 STATE 000284",
        "STATE 00000284  002 OF 002",
        "SIPDIS",
        "E.O. 12958: DECL: 03/26/2034",
        "TAGS: PARM SP",
        "SUBJECT: X",
        "REF: A. MADRID 000088 B. 08 MADRID 000979",
        "Classified By: Amb X, reasons 1.4 (b) and (d).",
        "1. (S) Summary: text. End summary.",
        "2. (U)",
        "(SECRET REL SPAIN)",
        "-- point",
        "CLINTON",
        "(",
        "1.",
    ]
)
_SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "\n \n", ""])


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=25).map(
            lambda parts: "".join(token + sep for token, sep in parts)
        ),
    ),
    st.one_of(st.none(), st.integers(min_value=1966, max_value=2010)),
)
def test_never_raises_and_body_is_well_formed(text: str, year: int | None) -> None:
    notes = Notes()
    body = parse_body(text, notes, first_line=10, year=year)
    line_count = text.count("\n") + 1
    for warning in notes.warnings:
        assert warning.line is None or 10 <= warning.line <= 10 + line_count
    for paragraph in body.paragraphs:
        assert paragraph.text == paragraph.text.strip()
    assert body.text == body.text.strip()
    assert len(body.captions) == len(set(body.captions))
    assert len(body.caveats) == len(set(body.caveats))


def test_classified_by_wrapped_before_its_letters_keeps_every_reason() -> None:
    notes = Notes()
    body = parse_body(
        "C O N F I D E N T I A L MADRID 000123\n\nE.O. 12958: DECL: 01/01/2019\n"
        "TAGS: PREL, SP\nSUBJECT: TEST\n\n"
        "Classified By: Ambassador Jane Doe for reasons 1.4 (b),\n(C), (D) AND (E).\n\n"
        "1. (C) First.\n",
        notes,
    )
    assert body.classified_by is not None
    assert body.classified_by.reasons == ["1.4(b)", "1.4(c)", "1.4(d)", "1.4(e)"]
    assert [p.number for p in body.paragraphs] == ["1"]
    assert notes.warnings == []
