"""The REF line: what earlier traffic a cable answers or builds on.

References are written as a lettered list (``A. MADRID 000088 B. 08 MADRID
000979``).  A cable reference names a station and a serial, with the year
only when it differs from the citing cable's own; resolving them to
Cablegate ids (``08MADRID979``) is what lets a corpus be walked as a graph.
Everything else — e-mails, phone calls, reports, DTG-only messages — is kept
with its kind so nothing cited is silently dropped.
"""

from __future__ import annotations

import re

from interdict.cables.header.dtg import parse_dtg_text
from interdict.cables.notes import Notes
from interdict.cables.record import Reference, ReferenceKind
from interdict.cables.refid import expand_year, make_id

# A letter marker: "A.", "A)", "(A)", "A:" or "REF A" at the start or after a blank.
_LETTER = re.compile(r"(?:^|(?<=[\s;,]))(?:\((?P<p>[A-Z])\)|(?P<l>[A-Z])[.):](?=\s|$))")
_CABLE = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s+)?"
    r"(?P<station>(?:SEC)?STATE|[A-Z][A-Z']*(?:\s+[A-Z][A-Z']*){0,3}?)"
    r"\s+0*(?P<serial>[1-9]\d{0,6})\b",
    re.ASCII,
)
_SEMICOLON = re.compile(r"\s*;\s*")
_DTG = re.compile(r"\b\d{6}Z\s+[A-Z]{3}\s+\d{2}\b")
_KIND_WORDS: list[tuple[re.Pattern[str], ReferenceKind]] = [
    (re.compile(r"\bE-?MAILS?\b|\bEMAIL\b|\bUNCLASS(?:IFIED)?\s+E-?MAIL"), ReferenceKind.EMAIL),
    (
        re.compile(r"\bTEL(?:E)?CONS?\b|\bPHONE\b|\bTELEPHONE\b|\bCALLS?\b|\bDVC\b|\bSVTC\b"),
        ReferenceKind.PHONE,
    ),
    (re.compile(r"\bMEMCONS?\b|\bMEETINGS?\b|\bDEMARCHE\b"), ReferenceKind.MEETING),
    (
        re.compile(r"\bOSC\b|\bREPORTS?\b|\bIIR\b|\bINTSUM\b|\bFBIS\b|\bSTUDY\b|\bPAPER\b"),
        ReferenceKind.REPORT,
    ),
]
_NOT_STATIONS = frozenset(
    {"AND", "OR", "NOTAL", "PREVIOUS", "REFTEL", "REF", "PARA", "PARAS", "DATED"}
)
# Words that occur inside real station names (THE HAGUE, PORT OF SPAIN) but
# cannot be a station on their own or end one ("THE 1999 AGREEMENT").
_INNER_WORDS = frozenset({"THE", "OF"})


def _station_ok(station: str) -> bool:
    words = station.split()
    return (
        bool(words)
        and not any(w in _NOT_STATIONS for w in words)
        and words[-1] not in _INNER_WORDS
        and words[0] != "OF"
    )


def _split_letters(text: str) -> list[tuple[str | None, str]]:
    """Split on sequential letter markers A, B, C… so initials inside items are left alone."""
    items: list[tuple[str | None, str]] = []
    expected = "A"
    cuts: list[tuple[int, int, str]] = []
    for match in _LETTER.finditer(text):
        letter = match.group("p") or match.group("l")
        if letter == expected:
            cuts.append((match.start(), match.end(), letter))
            expected = chr(ord(expected) + 1)
    if not cuts:
        return [(None, part) for part in _SEMICOLON.split(text) if part.strip()]
    if text[: cuts[0][0]].strip():
        items.append((None, text[: cuts[0][0]]))
    for index, (_, end, letter) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        items.append((letter, text[end:stop]))
    return items


def classify_reference(text: str, year: int | None) -> tuple[ReferenceKind, str | None]:
    """Decide what an item refers to; for a cable, also resolve its Cablegate id."""
    upper = text.upper()
    cable = _CABLE.match(upper.replace("(NOTAL)", "").strip(" .,;:"))
    if cable and not _station_ok(cable.group("station")):
        cable = None
    # A kind word decides unless the item opens with a cable citation whose
    # station is not itself that word ("TELCON 3/4/09" is a call, but
    # "STATE 1234 (REPORTING CALLS)" is still a cable).
    kind_text = cable.group("station") if cable else upper
    for pattern, kind in _KIND_WORDS:
        if pattern.search(kind_text):
            return kind, None
    if cable:
        year_text = cable.group("year")
        ref_year = expand_year(year_text) if year_text else year
        if ref_year is not None:
            station = cable.group("station")
            if station == "SECSTATE":
                station = "STATE"
            return ReferenceKind.CABLE, make_id(ref_year, station, cable.group("serial"))
        return ReferenceKind.CABLE, None
    dtg = _DTG.search(upper)
    if dtg is not None and parse_dtg_text(dtg.group(0)) is not None:
        return ReferenceKind.DTG, None
    return ReferenceKind.OTHER, None


def parse_refs(
    text: str, year: int | None, notes: Notes, line: int | None = None
) -> list[Reference]:
    """Parse the text after ``REF:``; ``year`` is the citing cable's year, used when omitted."""
    clean = " ".join(text.split()).strip(" .;,")
    if not clean:
        return []
    references: list[Reference] = []
    for letter, item in _split_letters(clean):
        item = item.strip(" .;,")
        if not item:
            continue
        kind, reference_id = classify_reference(item, year)
        if kind is ReferenceKind.CABLE and reference_id is None:
            notes.warn("references", f"cannot resolve year of reference {item!r}", line)
        references.append(Reference(letter=letter, kind=kind, reference_id=reference_id, text=item))
    return references
