"""The seed's plain-text record: a five-line preamble in front of the telegram.

The preamble is ``reference id``, a blank line, a date line such as
``Thu Mar 26 00:00:00 +0100 2009``, the classification and the origin.  The
date line is the creation date after someone shifted it to CET and dropped
the time, so it is only good to the day; the parser should prefer the DTG.
It is still kept, converted to UTC, because it is what the record says and
it is the only date a partial extract without a header carries.

The telegram is handed over untouched together with ``line_offset`` so that
a line number the parser reports in ``text`` can be turned back into a line
number of the file the user actually has open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

from interdict.cables.sources.raw import RawCable

#: Lines in front of the telegram: id, blank, date, classification, origin.
PREAMBLE_LINES = 5

# Loose on purpose: detection must not depend on the date being valid (a
# record with "Feb 30" is still a plain record, just one without a date).
_DATE_SHAPE = re.compile(r"[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}")

# Month names are matched by hand rather than with strptime("%b"), which
# follows the process locale and would fail under, say, de_DE.
_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
    r"(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) "
    r"(?P<h>\d{2}):(?P<m>\d{2}):(?P<s>\d{2}) "
    r"(?P<sign>[+-])(?P<oh>\d{2})(?P<om>\d{2}) (?P<year>\d{4})"
)
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
        start=1,
    )
}


def _clean(line: str) -> str:
    return line.rstrip("\r\n").strip()


def looks_plain(first_lines: Sequence[str]) -> bool:
    """Tell a plain record from a bare telegram by its first three lines.

    Only the id line, the blank line and the *shape* of the date line are
    checked: a telegram never starts that way, and checking no more keeps a
    record with a damaged date (or an odd id like ``08SCTION02OF02...``) in
    the plain form, where its other metadata is still recovered.
    """
    if len(first_lines) < 3:
        return False
    ref, blank, date = (_clean(line) for line in first_lines[:3])
    return (
        bool(ref)
        and not any(ch.isspace() for ch in ref)
        and not blank
        and _DATE_SHAPE.fullmatch(date) is not None
    )


def parse_plain_date(line: str) -> datetime | None:
    """Parse the preamble's date line into an aware UTC datetime, or ``None``.

    ``None`` rather than an exception: a bad date costs the record its date,
    not the record itself; the parser reports the missing value.
    """
    match = _DATE.fullmatch(_clean(line))
    if match is None:
        return None
    month = _MONTHS.get(match["mon"])
    if month is None:
        return None
    offset = timedelta(hours=int(match["oh"]), minutes=int(match["om"]))
    if match["sign"] == "-":
        offset = -offset
    try:
        local = datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["h"]),
            int(match["m"]),
            int(match["s"]),
            tzinfo=timezone(offset),
        )
    except ValueError:  # Feb 30, hour 25, offset of a day or more
        return None
    return local.astimezone(UTC)


def read_plain(text: str, path: str) -> RawCable:
    """Split a plain record into its preamble metadata and the telegram.

    ``text`` is the whole file, already decoded.  Only ``\\n`` separates
    lines here so that the count agrees with what a reader of the file sees;
    a record cut short inside the preamble still yields what it has, with an
    empty telegram, so that its id and date are not lost.
    """
    parts = text.split("\n", PREAMBLE_LINES)
    preamble = [_clean(line) for line in parts[:PREAMBLE_LINES]]
    preamble += [""] * (PREAMBLE_LINES - len(preamble))
    ref, _blank, date, classification, origin = preamble
    telegram = parts[PREAMBLE_LINES] if len(parts) > PREAMBLE_LINES else ""
    return RawCable(
        source=f"{path}:1",
        form="plain",
        text=telegram,
        reference_id=ref or None,
        created=parse_plain_date(date),
        classification=classification or None,
        origin=origin or None,
        line_offset=min(len(parts), PREAMBLE_LINES),
    )
