"""The E.O. line: the executive order under which the cable was classified.

Its declassification instruction is either a date (usually mm/dd/yyyy,
sometimes yyyy/mm/dd or a two-digit year) or an event such as ``OADR``,
``1.6X1``, ``N/A``, ``GDS`` or ``XGDS-2`` from the older orders; 12065
cables often give both (``RDS-1 12/31/99``), so both are kept.
"""

from __future__ import annotations

import re
from datetime import date

from interdict.cables.notes import Notes
from interdict.cables.record import Eo
from interdict.cables.refid import expand_year

KNOWN_ORDERS = frozenset({"11652", "12065", "12356", "12958", "13292", "13526"})

_ORDER = re.compile(
    r"^\s*(?:E\.?\s?O\.?|EO)\s*(?P<order>\d{5})\b\s*(?:AS\s+AMENDED)?[\s:;,.]*", re.IGNORECASE
)
_DECL = re.compile(r"^(?:DECL(?:ASSIFY)?(?:\s+ON)?|DNG)\s*[:.;]?\s*", re.IGNORECASE)
_MDY = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
_YMD = re.compile(r"\b(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")


def parse_date(text: str) -> tuple[date | None, tuple[int, int] | None]:
    """Find a declassification date; also return where it sat so the rest is the event."""
    for pattern in (_YMD, _ISO, _MDY):
        match = pattern.search(text)
        if match is None:
            continue
        try:
            # Two-digit years use the corpus pivot (66): a declassification date
            # cannot precede the oldest cable, so "12/31/59" is 2059, not 1959.
            value = date(
                expand_year(match.group("y")), int(match.group("m")), int(match.group("d"))
            )
        except ValueError:
            return None, match.span()
        return value, match.span()
    return None, None


def parse_eo(text: str, notes: Notes, line: int | None = None) -> Eo | None:
    """Parse ``E.O. 12958: DECL: 03/26/2034`` and its variants; ``None`` if no order number."""
    clean = " ".join(text.split())
    match = _ORDER.match(clean)
    if match is None:
        notes.warn("eo", f"no executive order number in {clean[:60]!r}", line)
        return None
    order = match.group("order")
    if order not in KNOWN_ORDERS:
        notes.warn("eo", f"unknown executive order {order}", line)
    rest = _DECL.sub("", clean[match.end() :]).strip(" .;,")
    declassify_on, span = parse_date(rest)
    if span is not None and declassify_on is None:
        notes.warn("eo", f"impossible declassification date {rest[span[0] : span[1]]!r}", line)
    event_text = rest if span is None else (rest[: span[0]] + " " + rest[span[1] :])
    event_text = _DECL.sub("", " ".join(event_text.split()).strip(" .;,:"))
    return Eo(
        order=order,
        declassify_on=declassify_on,
        event=event_text or None,
        text=clean,
    )
