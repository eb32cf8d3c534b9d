"""Assemble the body fields of a telegram from the single-purpose body modules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interdict.cables.body.banner import Banner, find_banner
from interdict.cables.body.classified_by import parse_classified_by
from interdict.cables.body.eo import parse_eo
from interdict.cables.body.paragraphs import read_paragraphs
from interdict.cables.body.preamble import read_preamble
from interdict.cables.body.refs import parse_refs
from interdict.cables.body.signers import split_signers
from interdict.cables.body.structure import strip_furniture
from interdict.cables.body.summary import clean_subject, find_summary
from interdict.cables.body.tags import parse_tags
from interdict.cables.body.text import flow, line_at
from interdict.cables.notes import Notes
from interdict.cables.record import ClassifiedBy, Eo, Paragraph, Reference, Tag


@dataclass(slots=True)
class Body:
    banner: Banner | None = None
    captions: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    eo: Eo | None = None
    tags: list[Tag] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    subject: str | None = None
    summary: str | None = None
    classified_by: ClassifiedBy | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    signers: list[str] = field(default_factory=list)
    text: str = ""


def _add(target: list[str], words: list[str]) -> None:
    for word in words:
        if word not in target:
            target.append(word)


def parse_body(body: str, notes: Notes, *, first_line: int = 1, year: int | None = None) -> Body:
    """Parse a body; ``first_line`` numbers its first line, ``year`` resolves year-less REFs."""
    result = Body()
    banner = find_banner(body[:2000], anywhere=False)
    if banner is None and body[:2000].isascii():
        # Some copies write the banner in lower case ("S e c r e t berlin 000643"); read it
        # upper-cased (ASCII keeps every offset).
        banner = find_banner(body[:2000].upper(), anywhere=False)
    rest = body
    if banner is not None:
        result.banner = banner
        _add(result.captions, banner.captions)
        _add(result.caveats, banner.caveats)
        rest = body[banner.end :]
        first_line += body.count("\n", 0, banner.end)
    furniture = strip_furniture(rest, banner.station if banner else None)
    _add(result.captions, furniture.captions)
    _add(result.caveats, furniture.caveats)
    cleaned = furniture.text
    start, paragraphs = read_paragraphs(cleaned)
    preamble = read_preamble(cleaned if start is None else cleaned[:start])
    _add(result.captions, preamble.captions)
    _add(result.caveats, preamble.caveats)

    def line_of(offset: int) -> int:
        return first_line + line_at(cleaned, offset) - 1

    for item in preamble.fields:
        line = line_of(item.start)
        if item.name == "eo" and result.eo is None:
            result.eo = parse_eo(item.text, notes, line)
        elif item.name == "tags" and not result.tags:
            result.tags = parse_tags(item.text, notes, line)
        elif item.name == "subject" and result.subject is None:
            result.subject = clean_subject(item.text)
        elif item.name == "ref":
            result.references += parse_refs(item.text, year, notes, line)
        elif item.name == "classified_by" and result.classified_by is None:
            result.classified_by = parse_classified_by(item.text, notes, line)

    if start is not None:
        result.paragraphs = paragraphs
        loose = cleaned[: preamble.fields[0].start] if preamble.fields else cleaned[:start]
    else:
        # Without numbered paragraphs the blocks are cut at blank lines, which
        # would leave a signature on its own line as a block of its own: take
        # the signature off the whole text first.
        tail = preamble.fields[-1].end if preamble.fields else 0
        text, signers = split_signers(flow(cleaned[tail:]))
        result.signers = _as_written(signers, cleaned)
        result.paragraphs = [Paragraph(text=block) for block in text.split("\n\n") if block]
        loose = ""
    _portion_caveats(result)
    if start is not None and result.paragraphs:
        last = result.paragraphs[-1]
        text, signers = split_signers(last.text)
        if signers:
            result.signers = _as_written(signers, cleaned)
            result.paragraphs[-1] = last.model_copy(update={"text": text})
    if result.classified_by is None:
        result.classified_by = _classified_in_text(result.paragraphs[:2], notes)
    result.summary = find_summary([flow(loose)] + [p.text for p in result.paragraphs])
    result.text = cleaned.strip()
    return result


def _as_written(signers: list[str], raw: str) -> list[str]:
    """The signers as the unflowed text lines them up, when it holds the same words.

    Flowing joins a signer per line ("ARNALL" / "GALLAGHER") into one name; the raw lines
    tell two signers from one. A name wrapped after the last sentence is not on lines of its
    own, so the raw reading then differs and the flowed one stands. Names of one word each
    (the common "CLINTON") have nothing to split, so the raw text is not read again."""
    if all(" " not in name for name in signers):
        return signers
    as_written = split_signers(raw)[1]
    same_words = " ".join(as_written).split() == " ".join(signers).split()
    return as_written if same_words else signers


# Older cables put the classification authority in the first paragraph:
# "1. (U) CLASSIFIED BY A. N. OTHER, DEPUTY CHIEF OF MISSION. REASON: 1.5 (D)".
_CLASSIFIED_IN_TEXT = re.compile(r"\s*(?:THIS\s+CABLE\s+IS\s+)?CLASSIFIED\s+BY\b\s*:?", re.I)


def _classified_in_text(paragraphs: list[Paragraph], notes: Notes) -> ClassifiedBy | None:
    """The classification authority of an opening paragraph that gives it, up to the end of
    its first block (the paragraph may go on with other text)."""
    for paragraph in paragraphs:
        found = _CLASSIFIED_IN_TEXT.match(paragraph.text)
        if found is not None:
            block = paragraph.text[found.end() :].split("\n\n", 1)[0]
            return parse_classified_by(block, notes, None)
    return None


def _portion_caveats(result: Body) -> None:
    """Caveats of portion banners (``(SECRET REL SPAIN)``) are caveats the cable carries."""
    for paragraph in result.paragraphs:
        if paragraph.banner is None or paragraph.marking is None:
            continue
        words = [f"REL {', '.join(paragraph.marking.rel_to)}"] if paragraph.marking.rel_to else []
        if paragraph.marking.noforn:
            words.append("NOFORN")
        _add(result.caveats, words)
