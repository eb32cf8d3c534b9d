"""Cross-checks between fields that must agree.

ACP-127 repeats information: the DE line's serial is the tail of the
message number, its Julian day is the DTG's day (or the next, when a cable
is filed after midnight), and the metadata of Cablegate should agree with
the telegram itself.  Disagreement is a sign of a garbled header or a
mis-joined record, so it is reported as a warning, never silently fixed.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from interdict.cables.notes import Notes
from interdict.cables.record import DeLine, Dtg


def check_serial(
    de: DeLine | None, message_number: str | None, notes: Notes, line: int | None = None
) -> None:
    # isdecimal, not isdigit: "²" is a digit that int() refuses, and a check must not raise.
    if de is None or message_number is None or not de.serial.isdecimal():
        return
    if not message_number.isdecimal():
        return
    width = len(de.serial)
    if int(message_number) % 10**width != int(de.serial):
        notes.warn(
            "de",
            f"DE serial #{de.serial} does not match message number {message_number}",
            line,
        )


def check_julian_day(
    de: DeLine | None, dtg: Dtg | None, notes: Notes, line: int | None = None
) -> None:
    """The DE day must be the DTG's day of the year or the day after.

    Compared as calendar days, not modulo the year length: day 366 is not
    1 January, and does not exist at all in a common year.
    """
    if de is None or dtg is None or de.julian_day is None:
        return
    day = dtg.value.timetuple().tm_yday
    next_day = (dtg.value + timedelta(days=1)).timetuple().tm_yday
    if de.julian_day not in (day, next_day):
        notes.warn(
            "de",
            f"DE Julian day {de.julian_day:03d} does not match DTG day {day:03d}",
            line,
        )


def check_created(meta: datetime | None, dtg: Dtg | None, notes: Notes) -> None:
    """Cablegate's dates are local or shifted by a time zone; more than two days apart is wrong."""
    if meta is None or dtg is None:
        return
    # Sources give aware UTC datetimes; a caller's naive one is taken as UTC
    # rather than letting the subtraction raise.
    if meta.tzinfo is None:
        meta = meta.replace(tzinfo=UTC)
    value = dtg.value if dtg.value.tzinfo is not None else dtg.value.replace(tzinfo=UTC)
    if abs((meta - value).total_seconds()) > 2 * 86400:
        notes.warn(
            "created",
            f"metadata date {meta.isoformat()} is far from DTG {dtg.value.isoformat()}",
        )
