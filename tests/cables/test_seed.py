"""The seed cable 09STATE29395, end to end, checked field by field against the contract.

The seed is parsed exactly as a user would parse it: the bundled file through
``parse_paths``.  Every field of ``interdict.cables.record.Cable`` is asserted,
so a regression anywhere in sources, split, header or body shows up here
under the name of the field it broke.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from importlib.resources import as_file, files

import pytest

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import (
    Cable,
    DeLine,
    HeaderLines,
    Recipient,
    ReferenceKind,
    TagKind,
)
from interdict.model.markings import Level, Marking


@pytest.fixture(scope="module")
def seed() -> Cable:
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        records = list(parse_paths([path]))
    assert len(records) == 1
    record = records[0]
    assert isinstance(record, Cable), record
    return record


# -- identity and metadata ------------------------------------------------------


def test_identity(seed: Cable) -> None:
    assert seed.reference_id == "09STATE29395"
    assert seed.origin == "Secretary of State"
    assert seed.form == "plain"
    assert seed.source is not None
    assert seed.source.endswith("09STATE29395.txt:1")


def test_classification(seed: Cable) -> None:
    assert seed.classification is Level.S
    assert seed.classification_text == "SECRET"


def test_created_comes_from_the_dtg_not_the_cet_date_line(seed: Cable) -> None:
    # The preamble says "Thu Mar 26 00:00:00 +0100 2009" (25 March 23:00 UTC);
    # the DTG "262046Z MAR 09" is the real time.
    assert seed.created == datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
    assert seed.created.tzinfo is not None
    assert seed.created.utcoffset() is not None
    assert seed.created.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


# -- transmission header -------------------------------------------------------


def test_transmission_line_and_routing(seed: Cable) -> None:
    assert seed.transmission_id == "VZCZCXYZ0006"
    assert seed.precedence == ["PRIORITY"]
    assert seed.routing_indicators == ["RUEHWEB"]


def test_de_line(seed: Cable) -> None:
    assert seed.de == DeLine(
        station="RUEHC", serial="9395", section=None, julian_day=85, time="2103"
    )


def test_security_line(seed: Cable) -> None:
    assert seed.security_line == "ZNY SSSSS ZZH"


def test_dtg(seed: Cable) -> None:
    assert seed.dtg is not None
    assert seed.dtg.text == "262046Z MAR 09"
    assert seed.dtg.value == datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
    assert seed.dtg.precedence == ["PRIORITY"]
    assert seed.dtg.operating_signals == []


def test_addresses(seed: Cable) -> None:
    assert seed.from_ == Recipient(address="SECSTATE WASHDC")
    assert seed.to == [Recipient(address="AMEMBASSY MADRID", precedence="PRIORITY", mcn="0000")]
    # "... COLLECTIVE PRIORITYS E C R E T STATE 029395": the glued banner is cut
    # off, PRIORITY stays with the address.
    assert seed.info == [
        Recipient(
            address="MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE",
            precedence="PRIORITY",
            collective=True,
        )
    ]
    assert seed.xmt == []


# -- banner and preamble --------------------------------------------------------


def test_banner_fields(seed: Cable) -> None:
    assert seed.message_number == "029395"
    assert seed.section is None
    assert seed.sections is None


def test_captions_and_caveats(seed: Cable) -> None:
    assert seed.captions == ["SIPDIS"]
    # The cable-level caveat comes from the "(SECRET REL SPAIN)" portion banner.
    assert "REL SPAIN" in seed.caveats
    assert "NOFORN" not in seed.caveats


def test_eo(seed: Cable) -> None:
    assert seed.eo is not None
    assert seed.eo.order == "12958"
    assert seed.eo.declassify_on == date(2034, 3, 26)
    assert seed.eo.event is None
    assert seed.eo.text == "E.O. 12958: DECL: 03/26/2034"


def test_tags(seed: Cable) -> None:
    assert [(t.tag, t.kind) for t in seed.tags] == [
        ("PARM", TagKind.SUBJECT),
        ("MTCRE", TagKind.ORGANIZATION),
        ("PREL", TagKind.SUBJECT),
        ("TW", TagKind.GEOGRAPHIC),
        ("IR", TagKind.GEOGRAPHIC),
        ("SP", TagKind.GEOGRAPHIC),
    ]
    countries = {t.tag: t.country for t in seed.tags if t.kind is TagKind.GEOGRAPHIC}
    assert countries == {"TW": "Taiwan", "IR": "Iran", "SP": "Spain"}
    assert all(t.original is None for t in seed.tags)


def test_references_resolve_to_cablegate_ids(seed: Cable) -> None:
    refs = [(r.letter, r.kind, r.reference_id) for r in seed.references]
    assert refs == [
        # "A. MADRID 000088" has no year: the citing cable's own, 2009.
        ("A", ReferenceKind.CABLE, "09MADRID88"),
        ("B", ReferenceKind.CABLE, "08MADRID979"),
        ("C", ReferenceKind.CABLE, "08STATE81940"),
    ]
    assert seed.references[0].text == "MADRID 000088"
    assert "AND PREVIOUS" in seed.references[2].text


def test_subject_and_summary_absent(seed: Cable) -> None:
    assert seed.subject is None
    assert seed.summary is None


def test_classified_by(seed: Cable) -> None:
    by = seed.classified_by
    assert by is not None
    assert by.name == "PAM DURHAM"
    assert by.title == "ISN/MTR DIRECTOR"
    assert by.reasons == ["1.4(b)", "1.4(c)", "1.4(d)"]
    assert by.text.startswith("ISN/MTR DIRECTOR PAM DURHAM")


# -- paragraphs ----------------------------------------------------------------

S = Marking(level=Level.S)
U = Marking(level=Level.U)
S_REL_SPAIN = Marking(level=Level.S, rel_to=["SPAIN"])


def test_paragraph_numbers_and_markings(seed: Cable) -> None:
    assert [(p.number, p.marking, p.banner) for p in seed.paragraphs] == [
        ("1", U, None),
        ("2", S, None),
        ("3", S, None),
        ("4", S, None),
        ("5", S, None),
        ("5", S_REL_SPAIN, "SECRET REL SPAIN"),
        ("6", U, None),
        ("7", U, None),
    ]


def test_paragraphs_two_to_four_are_secret_without_release(seed: Cable) -> None:
    for paragraph in seed.paragraphs[1:4]:
        assert paragraph.marking is not None
        assert paragraph.marking.level is Level.S
        assert paragraph.marking.rel_to == ()
        assert paragraph.marking.noforn is False


def test_paragraph_texts(seed: Cable) -> None:
    by_index = seed.paragraphs
    assert by_index[0].text == (
        "This is an action request. Embassy Madrid, please see paragraph 4."
    )
    assert by_index[1].text.startswith("Background/Purpose/Objective: On several occasions")
    assert by_index[1].text.endswith("denied by Spanish authorities in January 2007 (Ref A).")
    assert by_index[2].text.startswith("We now want to provide the GOS")
    assert by_index[3].text.startswith("Action Request: Request Embassy Madrid approach")
    assert by_index[6].text.startswith("Washington POC is ISN/MTR James Mayes")


def test_paragraph_five_is_split_at_the_portion_banner(seed: Cable) -> None:
    opening, portion = seed.paragraphs[4], seed.paragraphs[5]
    assert opening.text == "Begin talking points/non-paper:"
    assert opening.marking == S
    assert portion.banner == "SECRET REL SPAIN"
    assert portion.marking == S_REL_SPAIN
    assert "Ak Makina" in portion.text
    assert "Ardalan" in portion.text
    assert portion.text.startswith("-- You will recall")
    assert portion.text.endswith("End talking points/non-paper")
    # The releasable names are only in the REL SPAIN portion, not in the opening.
    assert "Ak Makina" not in opening.text
    # The banner line itself is not paragraph text.
    assert "(SECRET REL SPAIN)" not in portion.text


def test_signer_is_split_from_the_last_paragraph(seed: Cable) -> None:
    assert seed.signers == ["CLINTON"]
    last = seed.paragraphs[-1]
    assert last.number == "7"
    assert last.text == "A word version file of this document will be posted at ."
    assert not last.text.rstrip().endswith("CLINTON")


def test_no_paragraph_carries_banner_or_header_lines(seed: Cable) -> None:
    furniture = [
        "S E C R E T",
        "STATE 029395",
        "VZCZC",
        "RUEHWEB",
        "DE RUEHC",
        "ZNY SSSSS",
        "262046Z",
        "FM SECSTATE",
        "TO AMEMBASSY",
        "COLLECTIVE",
        "E.O. 12958",
        "TAGS:",
        "REF:",
        "Classified By",
        "SIPDIS",
    ]
    for paragraph in seed.paragraphs:
        for line in furniture:
            assert line not in paragraph.text, (paragraph.number, line)


def test_body_starts_after_the_header(seed: Cable) -> None:
    assert "VZCZCXYZ0006" not in seed.body
    assert "DE RUEHC" not in seed.body
    assert "Ak Makina" in seed.body


def test_no_warnings(seed: Cable) -> None:
    assert seed.warnings == []


def test_json_uses_contract_names(seed: Cable) -> None:
    dumped = seed.model_dump(mode="json", by_alias=True)
    assert "from" in dumped and "from_" not in dumped
    assert dumped["created"] == "2009-03-26T20:46:00Z"
    assert dumped["eo"]["declassify_on"] == "2034-03-26"
    assert Cable.model_validate_json(seed.to_json()) == seed


def test_every_header_line_is_understood(seed: Cable) -> None:
    # VZCZC, PP, DE, ZNY, DTG, FM, TO, INFO: eight lines, all read.
    assert seed.header_lines == HeaderLines(understood=8, total=8)
