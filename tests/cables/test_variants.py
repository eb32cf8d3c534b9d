"""One small invented cable per format variant, parsed end to end.

Each fixture in ``fixtures/variants/`` exercises one way real cables differ
from the seed: another classification, another era, another container, a
damaged header.  Each test asserts the fields that variant is about, so a
failure names the variant and the field that regressed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable, DeLine, Recipient, ReferenceKind, Tag, TagKind
from interdict.model.markings import Level, Marking

VARIANTS = Path(__file__).parent / "fixtures" / "variants"


def parse(name: str) -> Cable:
    records = list(parse_paths([VARIANTS / name]))
    assert len(records) == 1, records
    record = records[0]
    assert isinstance(record, Cable), record
    return record


def warnings_of(cable: Cable, field: str) -> list[str]:
    return [w.message for w in cable.warnings if w.field == field]


def all_paragraph_text(cable: Cable) -> str:
    return "\n".join(p.text for p in cable.paragraphs)


# -- CONFIDENTIAL, two sections, page break, (C/REL LIBYA) -------------------------

TWO_SECTION = "09TRIPOLI402.csv"


def test_two_section_banner_and_identity() -> None:
    cable = parse(TWO_SECTION)
    assert cable.form == "csv"
    assert cable.reference_id == "09TRIPOLI402"
    assert cable.classification is Level.C
    assert cable.classification_text == "CONFIDENTIAL"
    assert cable.message_number == "000402"
    assert (cable.section, cable.sections) == (1, 2)
    assert cable.de == DeLine(
        station="RUEHTRO", serial="0402", section=1, julian_day=141, time="1542"
    )
    assert cable.created == datetime(2009, 5, 21, 15, 30, tzinfo=UTC)
    assert cable.to == [
        Recipient(
            routing_indicator="RUEHC", address="SECSTATE WASHDC", precedence="PRIORITY", mcn="4870"
        )
    ]
    assert cable.warnings == []


def test_two_section_furniture_is_not_paragraph_text() -> None:
    cable = parse(TWO_SECTION)
    text = all_paragraph_text(cable)
    # Neither the page-break header nor the second section's banner is text.
    assert "00000402" not in text
    assert "002 OF 002" not in text
    assert "SECTION 02 OF 02" not in text
    assert "C O N F I D E N T I A L" not in text
    assert [p.number for p in cable.paragraphs] == ["1", "2", "3", "4"]
    # The paragraph after the section break is still found, with its marking.
    assert cable.paragraphs[2].text.startswith("Post left the following non-paper")


def test_two_section_rel_marking() -> None:
    cable = parse(TWO_SECTION)
    markings = [p.marking for p in cable.paragraphs]
    assert markings == [
        Marking(level=Level.C),
        Marking(level=Level.C),
        Marking(level=Level.C, rel_to=["LIBYA"]),
        Marking(level=Level.U),
    ]
    assert cable.paragraphs[2].banner is None  # a portion marking, not a portion banner


def test_two_section_preamble_fields() -> None:
    cable = parse(TWO_SECTION)
    assert cable.captions == ["SIPDIS"]
    assert cable.subject == "LIBYA AGREES TO REVIEW END-USE CHECKS ON DUAL-USE IMPORTS"
    assert cable.summary is not None
    assert cable.summary.startswith("Officials of the General People's Committee")
    assert [(r.kind, r.reference_id) for r in cable.references] == [
        (ReferenceKind.CABLE, "09STATE48210")
    ]
    assert cable.signers == ["OSTRANDER"]


def test_two_section_sentence_continues_across_page_break() -> None:
    cable = parse(TWO_SECTION)
    assert "share them with the licensing office before the end of June." in (
        cable.paragraphs[1].text
    )


# -- UNCLAS SENSITIVE with SBU paragraphs ---------------------------------------------


def test_unclas_sensitive() -> None:
    cable = parse("09ROME1234.txt")
    assert cable.classification is Level.SBU
    assert cable.classification_text == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert cable.security_line == "ZNR UUUUU ZZH"
    assert cable.message_number == "001234"
    assert "SENSITIVE" in cable.caveats
    assert cable.captions == ["SIPDIS"]
    assert cable.eo is not None
    assert (cable.eo.order, cable.eo.declassify_on, cable.eo.event) == ("12958", None, "N/A")
    assert cable.classified_by is None
    assert [p.marking for p in cable.paragraphs] == [
        Marking(level=Level.SBU),
        Marking(level=Level.SBU),
        Marking(level=Level.U),
    ]
    # A U banner under SBU metadata is not a disagreement.
    assert warnings_of(cable, "classification") == []
    assert cable.warnings == []


# -- NOFORN with (S/NF) paragraphs -----------------------------------------------------


def test_noforn() -> None:
    cable = parse("09ISLAMABAD2345.txt")
    assert cable.classification is Level.S
    assert cable.classification_text == "SECRET//NOFORN"
    assert cable.caveats == ["NOFORN"]
    assert cable.captions == ["SIPDIS"]
    assert [p.marking for p in cable.paragraphs] == [
        Marking(level=Level.S, noforn=True),
        Marking(level=Level.S, noforn=True),
        Marking(level=Level.C),
    ]
    assert cable.paragraphs[0].marking is not None
    assert cable.paragraphs[0].marking.label() == "S/NF"
    assert cable.warnings == []


# -- dual precedence DTG with a trailing operating signal ------------------------------


def test_dual_precedence_dtg_with_operating_signal() -> None:
    cable = parse("08ANKARA512.txt")
    assert cable.dtg is not None
    assert cable.dtg.text == "180800Z MAR 08"
    assert cable.dtg.precedence == ["IMMEDIATE", "PRIORITY"]
    assert cable.dtg.operating_signals == ["ZDS"]
    assert cable.created == datetime(2008, 3, 18, 8, 0, tzinfo=UTC)
    assert cable.precedence == ["IMMEDIATE"]  # from the routing line, not the DTG
    assert cable.to[0].precedence == "IMMEDIATE"
    assert cable.info == [
        Recipient(
            routing_indicator="RUEHIT",
            address="AMCONSUL ISTANBUL",
            precedence="PRIORITY",
            mcn="4410",
        )
    ]
    assert cable.warnings == []


# -- routing indicators wrapped over several lines -------------------------------------


def test_wrapped_routing_indicators() -> None:
    cable = parse("09STATE98765.txt")
    assert cable.precedence == ["ROUTINE"]
    assert cable.routing_indicators == [
        "RUEHAK",
        "RUEHBS",
        "RUEHFR",
        "RUEHLO",
        "RUEHMD",
        "RUEHNO",
        "RUEHRO",
        "RUEHTH",
        "RUEHUL",
        "RUEHVI",
    ]
    assert cable.de is not None
    assert cable.de.station == "RUEHC"
    # Two TO recipients, one per line, the second without a keyword.
    assert [r.address for r in cable.to] == ["AMEMBASSY ANKARA", "AMEMBASSY BRUSSELS"]
    assert all(r.mcn == "0000" for r in cable.to)
    assert cable.warnings == []


# -- XMT: posts excluded from a collective ---------------------------------------------


def test_xmt_excludes_posts_from_a_collective() -> None:
    cable = parse("08STATE44321.txt")
    assert cable.to == [
        Recipient(
            address="NUCLEAR SUPPLIERS GROUP COLLECTIVE", precedence="ROUTINE", collective=True
        )
    ]
    assert cable.xmt == [
        Recipient(address="AMEMBASSY BEIJING"),
        Recipient(address="AMEMBASSY MOSCOW"),
    ]
    assert cable.info == []
    assert cable.message_number == "044321"
    assert cable.warnings == []


# -- 1976 NARA-style telegram -----------------------------------------------------------

NARA = "nara_1976.txt"


def test_nara_header_without_transmission_id() -> None:
    cable = parse(NARA)
    assert cable.form == "bare"
    assert cable.transmission_id is None
    assert cable.de is None
    assert cable.security_line is None
    assert cable.dtg is not None
    assert cable.dtg.text == "061520Z JAN 76"
    assert cable.dtg.precedence == ["ROUTINE"]
    assert cable.created == datetime(1976, 1, 6, 15, 20, tzinfo=UTC)
    assert cable.from_ == Recipient(address="AMEMBASSY PRETORIA")
    assert cable.to == [Recipient(address="SECSTATE WASHDC", mcn="4321")]
    assert [r.address for r in cable.info] == ["AMCONSUL CAPE TOWN", "AMCONSUL JOHANNESBURG"]
    # The page header, distribution lines and dashed counter line are header
    # furniture, understood without complaint.
    assert warnings_of(cable, "header") == []


def test_nara_identity_from_banner_and_dtg() -> None:
    cable = parse(NARA)
    # No metadata: the id is built from the banner and the 1976 DTG year.
    assert cable.reference_id == "76PRETORIA4668"
    assert cable.origin == "AMEMBASSY PRETORIA"
    assert cable.classification is Level.C
    assert cable.message_number == "04668"
    assert (cable.section, cable.sections) == (1, 2)


def test_nara_body_fields() -> None:
    cable = parse(NARA)
    assert cable.eo is not None
    assert (cable.eo.order, cable.eo.declassify_on, cable.eo.event) == ("11652", None, "GDS")
    assert [t.tag for t in cable.tags] == ["PFOR", "ENRG", "SF"]
    assert cable.tags[2] == Tag(tag="SF", kind=TagKind.GEOGRAPHIC, country="South Africa")
    assert cable.subject == "SOUTH AFRICAN VIEWS ON ENRICHMENT EXPORTS"
    assert cable.summary is not None
    assert cable.summary.startswith("FOREIGN MINISTRY OFFICIALS TOLD EMBOFF")
    # 1976 paragraphs carry no portion markings.
    assert [(p.number, p.marking) for p in cable.paragraphs] == [
        ("1", None),
        ("2", None),
        ("3", None),
    ]
    assert cable.signers == ["HARLAN"]
    text = all_paragraph_text(cable)
    assert "PAGE 02" not in text
    assert "PAGE 01" not in text
    assert "PRETOR 04668" not in text
    assert "SECTION 02 OF 02" not in text


def test_nara_page_classification_line_is_optional(tmp_path: Path) -> None:
    """The fixture opens with the page's "CONFIDENTIAL" line; without it the record is the same."""
    text = (VARIANTS / NARA).read_text(encoding="utf-8")
    assert text.startswith("CONFIDENTIAL\n\nPAGE 01")
    path = tmp_path / "nara_without_marking.txt"
    path.write_text(text.removeprefix("CONFIDENTIAL\n\n"), encoding="utf-8")
    (other,) = parse_paths([path])
    assert isinstance(other, Cable)
    cable = parse(NARA)
    ignore = {"source", "warnings", "body"}
    assert other.model_dump(exclude=ignore) == cable.model_dump(exclude=ignore)
    assert [(w.field, w.message) for w in other.warnings] == [
        (w.field, w.message) for w in cable.warnings
    ]
    # Warning lines still point at the same text, two lines earlier.
    assert [w.line for w in other.warnings] == [
        w.line - 2 for w in cable.warnings if w.line is not None
    ]


@pytest.mark.xfail(
    strict=True,
    reason=(
        "data/cables/tags.tsv (read by body/tags.py) lacks PFOR, a common subject tag "
        "(political affairs: foreign policy); it comes out kind=unknown with a warning"
    ),
)
def test_nara_pfor_is_a_subject_tag() -> None:
    cable = parse(NARA)
    assert cable.tags[0] == Tag(tag="PFOR", kind=TagKind.SUBJECT)
    assert warnings_of(cable, "tags") == []


def test_nara_page_break_furniture_is_removed_whole() -> None:
    cable = parse(NARA)
    second = cable.paragraphs[1].text
    assert "CONFIDENTIAL" not in second
    assert "ANY FUTURE COOPERATION WOULD BE DISCUSSED WITH WASHINGTON FIRST." in second


# -- 1990s: E.O. 12356 OADR, and 1.5 reasons ---------------------------------------------


def test_eo_12356_oadr() -> None:
    cable = parse("92BONN8123.txt")
    assert cable.eo is not None
    assert cable.eo.order == "12356"
    assert cable.eo.declassify_on is None
    assert cable.eo.event == "OADR"
    assert cable.eo.text == "E.O. 12356: DECL: OADR"
    # No VZCZC line: the header starts at the DTG.
    assert cable.transmission_id is None
    assert cable.dtg is not None
    assert cable.created == datetime(1992, 6, 12, 15, 30, tzinfo=UTC)
    assert cable.message_number == "08123"
    assert [t.tag for t in cable.tags] == ["ETTC", "PARM", "GM"]
    assert cable.tags[2].country == "Germany"
    assert cable.classified_by is None
    assert cable.warnings == []


def test_reasons_in_1_5_numbering() -> None:
    cable = parse("96VIENNA4410.txt")
    assert cable.eo is not None
    assert (cable.eo.order, cable.eo.declassify_on, cable.eo.event) == ("12958", None, "1.6X1")
    by = cable.classified_by
    assert by is not None
    assert by.reasons == ["1.5(b)", "1.5(d)"]
    assert by.name == "MARTIN GRAY"
    assert by.title == "ECONOMIC COUNSELOR"
    assert cable.warnings == []


# -- E.O. 13526 with 1.4(b,d) ----------------------------------------------------------------


def test_eo_13526_with_compact_reasons() -> None:
    cable = parse("10BEIJING330.txt")
    assert cable.eo is not None
    assert cable.eo.order == "13526"
    assert cable.eo.declassify_on == date(2035, 2, 9)
    by = cable.classified_by
    assert by is not None
    assert by.reasons == ["1.4(b)", "1.4(d)"]
    assert by.name == "Robert Lindqvist"
    assert by.title == "Deputy Chief of Mission"
    assert cable.warnings == []


# -- glued TAGS ------------------------------------------------------------------------------


def test_glued_tags_are_split_and_reported() -> None:
    cable = parse("09MADRID455.txt")
    assert cable.tags == [
        Tag(tag="PREL", kind=TagKind.SUBJECT, original="PRELPGOVSP"),
        Tag(tag="PGOV", kind=TagKind.SUBJECT, original="PRELPGOVSP"),
        Tag(tag="SP", kind=TagKind.GEOGRAPHIC, country="Spain", original="PRELPGOVSP"),
        Tag(tag="ETTC", kind=TagKind.SUBJECT),
    ]
    tag_warnings = [w for w in cable.warnings if w.field == "tags"]
    assert len(tag_warnings) == 1
    assert "PRELPGOVSP" in tag_warnings[0].message
    # The warning points at the TAGS line of the file (line 19).
    assert tag_warnings[0].line == 19
    assert [w.field for w in cable.warnings] == ["tags"]


# -- REF list with e-mail, telcon and DTG-only references --------------------------------


def test_reference_kinds() -> None:
    cable = parse("09STATE31200.txt")
    assert [(r.letter, r.kind, r.reference_id) for r in cable.references] == [
        ("A", ReferenceKind.CABLE, "09MADRID88"),
        ("B", ReferenceKind.EMAIL, None),
        ("C", ReferenceKind.PHONE, None),
        ("D", ReferenceKind.DTG, None),
    ]
    assert cable.references[1].text.startswith("EMAIL ISN/MTR")
    assert cable.references[2].text.startswith("TELCON")
    assert cable.references[3].text == "231545Z MAR 09"
    assert cable.warnings == []


# -- run-on header: PRIORITYS E C R E T -----------------------------------------------------


def test_banner_glued_onto_last_address_line() -> None:
    cable = parse("09STATE45678.txt")
    assert cable.info == [
        Recipient(routing_indicator="RUEHMD", address="AMEMBASSY MADRID", precedence="PRIORITY")
    ]
    assert cable.to == [
        Recipient(
            routing_indicator="RUEHAK",
            address="AMEMBASSY ANKARA",
            precedence="PRIORITY",
            mcn="3344",
        )
    ]
    assert cable.classification is Level.S
    assert cable.message_number == "045678"
    assert cable.captions == ["SIPDIS"]
    assert [p.number for p in cable.paragraphs] == ["1", "2"]
    assert "S E C R E T" not in all_paragraph_text(cable)
    assert cable.warnings == []


# -- header-less partial extract -------------------------------------------------------------


def test_partial_extract_starting_at_eo_line() -> None:
    cable = parse("08KUWAIT721.txt")
    assert cable.reference_id == "08KUWAIT721"
    assert cable.classification is Level.C
    assert cable.origin == "Embassy Kuwait"
    # No header at all.
    assert cable.transmission_id is None
    assert cable.routing_indicators == []
    assert cable.de is None
    assert cable.dtg is None
    assert cable.from_ is None
    assert cable.to == []
    assert cable.message_number is None
    # The only date is the preamble's: 10 June 2008 00:00 CEST = 9 June 22:00 UTC.
    assert cable.created == datetime(2008, 6, 9, 22, 0, tzinfo=UTC)
    assert cable.eo is not None
    assert cable.eo.declassify_on == date(2018, 6, 10)
    assert [t.tag for t in cable.tags] == ["ETTC", "PARM", "KU", "IR"]
    assert cable.classified_by is not None
    assert cable.classified_by.name == "Deborah Quinn"
    assert [p.number for p in cable.paragraphs] == ["1", "2"]
    assert cable.signers == ["QUINN"]
    assert cable.warnings == []


# -- bare telegram: id derived from banner + DTG year ----------------------------------------


def test_bare_telegram_derives_reference_id() -> None:
    cable = parse("bare_madrid.txt")
    assert cable.form == "bare"
    assert cable.reference_id == "08MADRID979"
    assert cable.message_number == "000979"
    assert cable.classification is Level.S
    assert cable.classification_text == "SECRET"
    # Origin falls back to the FM address when there is no metadata.
    assert cable.origin == "AMEMBASSY MADRID"
    assert cable.created == datetime(2008, 11, 14, 10, 5, tzinfo=UTC)
    assert cable.warnings == []


# -- malformed id in CSV metadata ------------------------------------------------------------


def test_malformed_csv_id_is_repaired_with_a_warning() -> None:
    cable = parse("08SAOPAULO335_malformed_id.csv")
    assert cable.form == "csv"
    assert cable.reference_id == "08SAOPAULO335"
    messages = warnings_of(cable, "reference_id")
    assert len(messages) == 1
    assert "08SCTION02OF02SAOPAULO335" in messages[0]
    assert "08SAOPAULO335" in messages[0]
    assert [w.field for w in cable.warnings] == ["reference_id"]
    assert cable.warnings[0].line == 1  # the row's first line, where the id is
    # The CSV `\"` escape is undone in the subject.
    assert cable.subject == 'SAO PAULO FIRM ASKS ABOUT "CATCH-ALL" CONTROLS'


# -- DE cross-checks ------------------------------------------------------------------------


# The DE line is line 9 of both fixture files; a warning must point at it.
DE_LINE_OF_STATE23000 = 9
DE_LINE_OF_STATE12600 = 9


def test_de_serial_not_matching_message_number_warns() -> None:
    cable = parse("09STATE23000.txt")
    assert cable.de is not None
    assert cable.de.serial == "3100"
    assert cable.message_number == "023000"
    messages = warnings_of(cable, "de")
    assert len(messages) == 1
    assert "3100" in messages[0] and "023000" in messages[0]
    assert [w.field for w in cable.warnings] == ["de"]
    assert cable.warnings[0].line == DE_LINE_OF_STATE23000


def test_de_julian_day_not_matching_dtg_warns() -> None:
    cable = parse("09STATE12600.txt")
    assert cable.de is not None
    assert cable.de.julian_day == 49
    assert cable.dtg is not None
    assert cable.dtg.value.timetuple().tm_yday == 42
    messages = warnings_of(cable, "de")
    assert len(messages) == 1
    assert "049" in messages[0] and "042" in messages[0]
    assert [w.field for w in cable.warnings] == ["de"]
    assert cable.warnings[0].line == DE_LINE_OF_STATE12600


def test_matching_de_lines_do_not_warn() -> None:
    # The same checks stay quiet on every consistent fixture (filed the same
    # day, serial = tail of message number).
    for name in ("09ROME1234.txt", "09ISLAMABAD2345.txt", "08ANKARA512.txt", "bare_madrid.txt"):
        assert warnings_of(parse(name), "de") == [], name


# -- warning line numbers point into the file -------------------------------------------------


def test_csv_warning_lines_are_file_lines(tmp_path: Path) -> None:
    """A warning in row 2 of a CSV names the physical line of the file, as in the plain form."""
    row = (Path(__file__).parent / "fixtures" / "roundtrip" / "09BERLIN1500.csv").read_text(
        encoding="utf-8"
    )
    damaged = row.replace("TAGS: ETTC PARM", "TAGS: ETTCPARM").replace(
        "INFO RUCNMEM/", "INFO ??? RUCNMEM/"
    )
    path = tmp_path / "two.csv"
    path.write_text("\n" + row + damaged, encoding="utf-8")
    file_lines = path.read_text(encoding="utf-8").split("\n")

    records = list(parse_paths([path]))
    assert all(isinstance(r, Cable) for r in records), records
    first, second = records
    assert isinstance(first, Cable) and isinstance(second, Cable)
    assert first.warnings == []
    assert second.source == f"{path}:row 2 (line {2 + row.count(chr(10))})"
    by_field = {w.field: w for w in second.warnings}
    assert set(by_field) == {"info", "tags"}
    # Header column: the unreadable INFO line.
    assert by_field["info"].line is not None
    assert file_lines[by_field["info"].line - 1].startswith("INFO ??? RUCNMEM/")
    # Body column, which starts on the line where the header column ends.
    assert by_field["tags"].line is not None
    assert file_lines[by_field["tags"].line - 1].startswith("TAGS: ETTCPARM")


def test_plain_warning_lines_are_file_lines() -> None:
    path = VARIANTS / "09MADRID455.txt"
    file_lines = path.read_text(encoding="utf-8").split("\n")
    (warning,) = parse("09MADRID455.txt").warnings
    assert warning.line is not None
    assert file_lines[warning.line - 1].startswith("TAGS: PRELPGOVSP")


def test_partial_extract_has_no_header_coverage() -> None:
    # A header-less extract must say "no header", not "0 of 0 lines understood".
    cable = parse("08KUWAIT721.txt")
    assert cable.transmission_id is None
    assert cable.header_lines is None
