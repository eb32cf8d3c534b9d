"""Turn a raw cable from any form into a ``Cable`` record.

Metadata the container supplies (Cablegate's reference id, date,
classification, origin) is trusted for identity, but the telegram itself is
the authority for time: ``created`` comes from the DTG, in UTC, whenever
the cable has one.  Every field module reports into one ``Notes`` so a
record always comes back, with warnings saying what could not be read.
"""

from __future__ import annotations

from interdict.cables.body.parse import parse_body
from interdict.cables.checks import check_created, check_julian_day, check_serial
from interdict.cables.header.parse import parse_header
from interdict.cables.notes import Notes
from interdict.cables.record import Cable, HeaderLines
from interdict.cables.refid import canonical_id, make_id, year_of
from interdict.cables.sources.raw import RawCable
from interdict.cables.split import split_container, split_telegram
from interdict.model.markings import LEVEL_WORDS, Level


def parse_raw(raw: RawCable) -> Cable:
    """Parse one raw cable; never raises on content."""
    notes = Notes()
    first_line = raw.line_offset + 1
    if raw.header is not None or raw.body is not None:
        body_first_line = None if raw.body_line_offset is None else raw.body_line_offset + 1
        split = split_container(raw.header or "", raw.body or "", first_line, body_first_line)
    else:
        split = split_telegram(raw.text or "", first_line)
    header = parse_header(split.header, notes)

    reference_id = _reference_id(raw.reference_id, notes, first_line)
    year = (
        (year_of(reference_id) if reference_id else None)
        or (header.dtg.value.year if header.dtg else None)
        or (raw.created.year if raw.created else None)
    )
    body = parse_body(split.body, notes, first_line=split.body_first_line, year=year)
    banner = body.banner

    if reference_id is None and banner and banner.station and banner.number and year:
        reference_id = make_id(year, banner.station, banner.number)

    level, classification_text, meta_caveats = _classification(raw.classification)
    if level is None and banner is not None:
        level = banner.level
        classification_text = classification_text or banner.level_text
    if level is None and header.security_level in {"U", "C", "S", "TS"}:
        level = Level(header.security_level)
    if (
        level is not None
        and banner is not None
        and banner.level is not level
        and not (level.rank <= Level.SBU.rank and banner.level.rank <= Level.SBU.rank)
    ):
        notes.warn(
            "classification", f"metadata says {level.value}, banner says {banner.level.value}"
        )
    caveats = list(meta_caveats)
    for caveat in body.caveats:
        if caveat not in caveats:
            caveats.append(caveat)

    message_number = banner.number if banner else None
    check_serial(header.de, message_number, notes, header.de_line)
    check_julian_day(header.de, header.dtg, notes, header.de_line)
    check_created(raw.created, header.dtg, notes)
    if header.dtg is None and raw.created is None:
        notes.warn("created", "no DTG and no metadata date")

    origin = raw.origin or (header.from_.address if header.from_ else None)
    return Cable(
        reference_id=reference_id,
        origin=origin,
        classification=level,
        classification_text=classification_text,
        created=header.dtg.value if header.dtg else raw.created,
        source=raw.source,
        form=raw.form,
        transmission_id=header.transmission_id,
        precedence=header.precedence,
        routing_indicators=header.routing_indicators,
        header_lines=(
            HeaderLines(understood=header.lines_understood, total=header.lines_total)
            if header.lines_total
            else None
        ),
        de=header.de,
        security_line=header.security_line,
        dtg=header.dtg,
        from_=header.from_,
        to=header.to,
        info=header.info,
        xmt=header.xmt,
        message_number=message_number,
        section=banner.section if banner else None,
        sections=banner.sections if banner else None,
        captions=body.captions,
        caveats=caveats,
        eo=body.eo,
        tags=body.tags,
        references=body.references,
        subject=body.subject or raw.subject,
        summary=body.summary,
        classified_by=body.classified_by,
        paragraphs=body.paragraphs,
        signers=body.signers,
        body=body.text,
        warnings=notes.warnings,
    )


def _reference_id(text: str | None, notes: Notes, line: int) -> str | None:
    if not text:
        return None
    canonical = canonical_id(text)
    if canonical is None:
        notes.warn("reference_id", f"not a cable reference id: {text!r}", line)
        return None
    if canonical.repaired:
        notes.warn(
            "reference_id", f"repaired {text!r} to {canonical.value} ({canonical.reason})", line
        )
    return canonical.value


def _classification(text: str | None) -> tuple[Level | None, str | None, list[str]]:
    """Cablegate writes ``SECRET//NOFORN``; split the level from its caveats."""
    if not text:
        return None, None, []
    upper = " ".join(text.upper().split())
    head, *rest = [part.strip() for part in upper.split("//")]
    level = LEVEL_WORDS.get(upper) or LEVEL_WORDS.get(head)
    caveats = [part for part in rest if LEVEL_WORDS.get(f"{head}//{part}") is None]
    return level, text.strip(), caveats
