"""Format line 5: precedence and date-time group, e.g. ``P 262046Z MAR 09``.

ACP-127(G) §113: the DTG is ``DDHHMM`` plus the zone suffix (always ``Z``
in this traffic), the three-letter month and, optionally, the year.  The
precedence prosign comes first, once per precedence: dual precedence
(§152) gives ``P R 041820Z JAN 10`` (action addressees priority,
information addressees routine).  Operating signals may trail the DTG
(``O P 180800Z MAR 08 ZDS``).

Two-digit years follow the corpus, not the standard: ACP-127 reads 06-99 as
19xx, but the State cables run from 1966 to 2010, so 66-99 are 19xx and
00-65 are 20xx.  Four-digit years (ACP-127 from 2006) are taken as written.

:func:`parse_dtg_text` is the reusable core: REF lines and page-break
headers cite DTGs too.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from interdict.cables.header.routing import PROSIGN_WORDS
from interdict.cables.notes import Notes
from interdict.cables.record import Dtg
from interdict.cables.refid import expand_year

MONTHS: dict[str, int] = {
    "JAN": 1,
    "FEB": 2,
    "MAR": 3,
    "APR": 4,
    "MAY": 5,
    "JUN": 6,
    "JUL": 7,
    "AUG": 8,
    "SEP": 9,
    "OCT": 10,
    "NOV": 11,
    "DEC": 12,
}

# The DTG proper; month is any three letters so that a wrong month can be
# reported instead of silently not matching.
_DTG = (
    r"(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z\s*(?P<month>[A-Z]{3})"
    r"(?:\s*(?P<year>(?:19|20)\d{2}|\d{2}))?"
)
_DTG_RE = re.compile(_DTG, re.ASCII)
_DTG_LINE_RE = re.compile(
    rf"(?P<precedence>(?:[A-Z]\s+){{0,3}})(?P<dtg>{_DTG})(?P<ops>(?:\s+Z[A-Z]{{2}}\d*)*)\s*",
    re.ASCII,
)
# What makes a line a DTG line at all: prosign letters, then six digits and Z.
_CLAIM_RE = re.compile(r"(?:[A-Z]\s+){0,3}\d{6}Z", re.ASCII)


def is_dtg_line(text: str) -> bool:
    return _CLAIM_RE.match(text) is not None


def _build(
    day: str, hour: str, minute: str, month: str, year: str | None
) -> tuple[datetime | None, str | None]:
    """The UTC datetime, or ``None`` and the reason it is invalid."""
    month_number = MONTHS.get(month)
    if month_number is None:
        return None, f"unknown month {month!r}"
    if year is None:
        return None, "DTG has no year"
    try:
        value = datetime(
            expand_year(year), month_number, int(day), int(hour), int(minute), tzinfo=UTC
        )
    except ValueError as exc:
        return None, f"invalid date or time ({exc})"
    return value, None


def parse_dtg_text(text: str) -> datetime | None:
    """``262046Z MAR 09`` (or ``262046ZMAR09``, any case) -> aware UTC datetime, else ``None``."""
    m = _DTG_RE.fullmatch(text.strip().upper())
    if m is None:
        return None
    value, _ = _build(*m.group("day", "hour", "minute", "month", "year"))
    return value


def parse_dtg_line(text: str, notes: Notes, line: int | None = None) -> Dtg | None:
    """Parse the whole DTG line; warn and return ``None`` if the date cannot be read."""
    m = _DTG_LINE_RE.fullmatch(text)
    if m is None:
        notes.warn("dtg", f"malformed DTG line {text!r}", line)
        return None
    letters, dtg_text, day, hour, minute, month, year, ops = m.groups()
    value, problem = _build(day, hour, minute, month, year)
    if value is None:
        notes.warn("dtg", f"{problem} in DTG {dtg_text!r}", line)
        return None
    precedence: list[str] = []
    for letter in letters.split():
        word = PROSIGN_WORDS.get(letter)
        if word is None:
            notes.warn("dtg", f"unknown precedence prosign {letter!r}", line)
        else:
            precedence.append(word)
    return Dtg(text=dtg_text, value=value, precedence=precedence, operating_signals=ops.split())
