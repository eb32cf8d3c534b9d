"""The REF line: what earlier traffic a cable answers or builds on.

References are written as a lettered list (``A. MADRID 000088 B. 08 MADRID
000979``).  A cable reference names a station and a serial, with the year
only when it differs from the citing cable's own; resolving them to
Cablegate ids (``08MADRID979``) is what lets a corpus be walked as a graph.
Everything else — e-mails, phone calls, reports, DTG-only messages — is kept
with its kind so nothing cited is silently dropped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from rapidfuzz.distance import OSA

from interdict.cables.header.dtg import parse_dtg_text
from interdict.cables.notes import Notes
from interdict.cables.record import Reference, ReferenceKind
from interdict.cables.refid import expand_year, make_id, station_key

# A letter marker: "A.", "A)", "(A)", "A:" or "REF A" at the start or after a blank.
_LETTER = re.compile(r"(?:^|(?<=[\s;,]))(?:\((?P<p>[A-Z])\)|(?P<l>[A-Z])[.):](?=\s|$))")
_LOWER_LETTER = re.compile(r"(?:^|(?<=[\s;,]))(?:\((?P<p>[a-z])\)|(?P<l>[a-z])[.):](?=\s|$))")
_CABLE = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2})\s+)?"
    r"(?P<station>(?:SEC)?STATE|[A-Z][A-Z']*(?:\s+[A-Z][A-Z']*){0,3}?)"
    r"\s+0*(?P<serial>[1-9]\d{0,6})\b",
    re.ASCII,
)
_SEMICOLON = re.compile(r"\s*;\s*")
# A Cablegate id written whole: two-digit year, station key, serial (10UNVIEVIENNA101).
_CANONICAL = re.compile(r"(?P<year>\d{2})(?P<key>[A-Z]{4,})(?P<serial>[1-9]\d{0,6})", re.ASCII)
# Month names in English (Python does not apply the user's locale unless asked to).
_MONTHS = frozenset(m.upper() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))
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
    """Split on sequential letter markers A, B, C… so initials inside items are left alone;
    a list lettered in lower case ("a) STATE 1 b) MADRID 2") is read the same way."""
    for pattern, first in ((_LETTER, "A"), (_LOWER_LETTER, "a")):
        cuts: list[tuple[int, int, str]] = []
        expected = first
        for match in pattern.finditer(text):
            letter = match.group("p") or match.group("l")
            if letter == expected:
                cuts.append((match.start(), match.end(), letter.upper()))
                expected = chr(ord(expected) + 1)
        if cuts:
            break
    else:
        return [(None, part) for part in _SEMICOLON.split(text) if part.strip()]
    items: list[tuple[str | None, str]] = []
    if text[: cuts[0][0]].strip():
        items.append((None, text[: cuts[0][0]]))
    for index, (_, end, letter) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        items.append((letter, text[end:stop]))
    return items


@dataclass(frozen=True, slots=True)
class Reading:
    """What one REF item is: its kind, the Cablegate id of a cable, and any station repair."""

    kind: ReferenceKind
    reference_id: str | None = None
    repaired: str | None = None  # "RIO DE JAN" read as RIO DE JANEIRO


def classify_reference(text: str, year: int | None) -> Reading:
    """Decide what an item refers to; for a cable, also resolve its Cablegate id.

    An id written whole (``10UNVIEVIENNA101``) is taken as it stands.  A station
    is checked against the known stations: an abbreviation or a one-letter slip
    of exactly one of them is read as that station, and a known station
    followed by words that are not part of it ("LONDON POINTS MAY 3") is not a
    cable at all, nor is anything whose "serial" follows a month name.
    """
    upper = text.upper()
    cleaned = upper.replace("(NOTAL)", "").strip(" .,;:")
    whole = _CANONICAL.match(cleaned)
    if whole is not None:
        return Reading(ReferenceKind.CABLE, whole.group(0))
    cable = _CABLE.match(cleaned)
    if cable and not _station_ok(cable.group("station")):
        cable = None
    repaired = None
    if cable:
        station, repaired = known_station(cable.group("station"))
        if station is None:
            cable = None
    # A kind word decides unless the item opens with a cable citation whose
    # station is not itself that word ("TELCON 3/4/09" is a call, but
    # "STATE 1234 (REPORTING CALLS)" is still a cable).
    kind_text = cable.group("station") if cable else upper
    for pattern, kind in _KIND_WORDS:
        if pattern.search(kind_text):
            return Reading(kind)
    if cable:
        year_text = cable.group("year")
        ref_year = expand_year(year_text) if year_text else year
        if ref_year is None or station is None:
            return Reading(ReferenceKind.CABLE, None, repaired)
        made = make_id(ref_year, station, cable.group("serial"))
        return Reading(ReferenceKind.CABLE, made, repaired)
    dtg = _DTG.search(upper)
    if dtg is not None and parse_dtg_text(dtg.group(0)) is not None:
        return Reading(ReferenceKind.DTG)
    return Reading(ReferenceKind.OTHER)


@cache
def _stations() -> dict[str, str]:
    """Station key (as in ids) to its name, from ``stations.tsv``."""
    table = resources.files("interdict").joinpath("data", "cables", "stations.tsv")
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()]
    return {row[0]: row[1] for row in rows[1:] if row and not row[0].startswith("#")} | {
        "SECSTATE": "STATE"
    }


def known_station(station: str) -> tuple[str | None, str | None]:
    """The station to put in the id, and the repair made (``None`` when read as written).

    ``None`` for the station means the words are not a station: a known station
    followed by words that are not part of it, or a date ("MAY 3").
    """
    words = station.split()
    stations = _stations()
    key = station_key(station)
    if key in stations:
        return ("STATE" if key == "SECSTATE" else station), None
    guess = _abbreviated(key, stations) or _one_slip(key, stations)
    if guess is not None:
        return stations[guess], f"read {station!r} as {stations[guess]}"
    if words[-1] in _MONTHS or (len(words) > 1 and station_key(words[0]) in stations):
        return None, None
    return station, None


def _abbreviated(key: str, stations: dict[str, str]) -> str | None:
    if len(key) < 5:
        return None
    found = [k for k in stations if k.startswith(key)]
    return found[0] if len(found) == 1 else None


def _one_slip(key: str, stations: dict[str, str]) -> str | None:
    """The one known station a single letter's slip away (swap, extra, missing or wrong)."""
    if len(key) < 5:
        return None
    found = [
        k
        for k in stations
        if abs(len(k) - len(key)) <= 1 and OSA.distance(key, k, score_cutoff=1) == 1
    ]
    return found[0] if len(found) == 1 else None


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
        if letter is not None:
            item = _doubled(letter).sub("", item, count=1).strip(" .;,")  # "A. A. 07 STATE 1"
            if not item:
                continue
        reading = classify_reference(item, year)
        if reading.kind is ReferenceKind.CABLE and reading.reference_id is None:
            notes.warn("references", f"cannot resolve year of reference {item!r}", line)
        if reading.repaired is not None:
            notes.warn("references", f"{reading.repaired} in reference {item!r}", line)
        references.append(
            Reference(
                letter=letter, kind=reading.kind, reference_id=reading.reference_id, text=item
            )
        )
    return references


@cache
def _doubled(letter: str) -> re.Pattern[str]:
    """The letter marker written twice over ("A. A.", "(B) B)")."""
    return re.compile(rf"^\(?{letter}[.):]\s+")
