"""Canonical cable reference ids.

Cablegate names a cable by a two-digit year, the originating station with
spaces removed, and the serial without leading zeros (``09STATE29395``);
NARA uses a four-digit year and keeps the padding (``1976PRETOR04668``).
Both are accepted as canonical for their own corpus.  Ids seen in the wild
carry section fragments, padding or stray separators; ``canonical_id``
repairs those and says what it changed, so a researcher can audit the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ASCII only: ``\d`` would otherwise accept Arabic-Indic or full-width digits,
# and an id is only useful if it compares equal to the corpus's own spelling.
# A serial is never all zeros, in either corpus.
_CABLEGATE = re.compile(r"^(\d{2})([A-Z][A-Z]*?)([1-9]\d*)$", re.ASCII)
_NARA = re.compile(r"^(19[4-9]\d|20[0-2]\d)([A-Z][A-Z]*)(\d*[1-9]\d*)$", re.ASCII)
_SECTION_FRAGMENT = re.compile(r"S?E?C?T?I?ON\d{1,2}OF\d{1,2}", re.ASCII)
_LOOSE = re.compile(r"^(\d{2}|\d{4})([A-Z][A-Z]*?)(\d+)$", re.ASCII)
_NOT_LETTER = re.compile(r"[^A-Z]")
_SEPARATORS = re.compile(r"[\s\-_/.]+")
_YEAR_PREFIX = re.compile(r"^(\d{4}|\d{2})[A-Z]", re.ASCII)


@dataclass(frozen=True, slots=True)
class CanonicalId:
    value: str
    repaired: bool
    reason: str | None = None


def year_of(reference_id: str) -> int | None:
    """The calendar year an id's prefix names, with the 1966 Cablegate pivot."""
    match = _YEAR_PREFIX.match(reference_id)
    if not match:
        return None
    return expand_year(match.group(1))


def expand_year(text: str) -> int:
    """Two-digit years 66-99 are 19xx and the rest 20xx: Cablegate starts in 1966."""
    year = int(text)
    if len(text) == 4:
        return year
    return 1900 + year if year >= 66 else 2000 + year


def station_key(station: str) -> str:
    """How a station name appears inside an id: upper case, no spaces or punctuation."""
    return _NOT_LETTER.sub("", station.upper())


def make_id(year: int, station: str, serial: str) -> str | None:
    """Build a Cablegate-form id from its parts, e.g. (2008, 'MADRID', '000979') -> 08MADRID979."""
    key = station_key(station)
    digits = serial.lstrip("0")
    # ASCII digits only: str.isdigit() also accepts "²" and Arabic-Indic digits.
    if not key or not (digits.isascii() and digits.isdigit()):
        return None
    return f"{year % 100:02d}{key}{digits}"


def canonical_id(text: str) -> CanonicalId | None:
    """Return the canonical form of ``text``, or ``None`` if it is not an id at all."""
    raw = text.strip()
    if _CABLEGATE.match(raw) or _NARA.match(raw):
        return CanonicalId(raw, repaired=False)
    squashed = _SEPARATORS.sub("", raw.upper())
    reasons: list[str] = []
    if squashed != raw:
        reasons.append("normalised case and separators")
    without_section = _SECTION_FRAGMENT.sub("", squashed)
    if without_section != squashed:
        reasons.append("removed section fragment")
    match = _LOOSE.match(without_section)
    if not match:
        return None
    year, station, serial = match.groups()
    if len(year) == 4:
        value = f"{year}{station}{serial}"
        if not _NARA.match(value):
            return None
    else:
        digits = serial.lstrip("0")
        if not digits:
            return None
        if digits != serial:
            reasons.append("removed serial zero padding")
        value = f"{year}{station}{digits}"
    return CanonicalId(value, repaired=True, reason="; ".join(reasons) or "repaired")
