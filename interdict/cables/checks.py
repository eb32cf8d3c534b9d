"""Cross-checks between fields that must agree.

ACP-127 repeats information: the DE line's serial is the tail of the
message number, its Julian day is the DTG's day (or the next, when a cable
is filed after midnight), and the metadata of Cablegate should agree with
the telegram itself.  Disagreement is a sign of a garbled header or a
mis-joined record, so it is reported as a warning, never silently fixed.
"""

from __future__ import annotations

from datetime import datetime

from interdict.cables.notes import Notes
from interdict.cables.record import DeLine, Dtg


def check_serial(de: DeLine | None, message_number: str | None, notes: Notes) -> None:
    if de is None or message_number is None or not de.serial.isdigit():
        return
    width = len(de.serial)
    if int(message_number) % 10**width != int(de.serial):
        notes.warn(
            "de",
            f"DE serial #{de.serial} does not match message number {message_number}",
        )


def check_julian_day(de: DeLine | None, dtg: Dtg | None, notes: Notes) -> None:
    if de is None or dtg is None or de.julian_day is None:
        return
    day = dtg.value.timetuple().tm_yday
    days_in_year = 366 if _leap(dtg.value.year) else 365
    lag = (de.julian_day - day) % days_in_year
    if lag not in (0, 1):
        notes.warn(
            "de",
            f"DE Julian day {de.julian_day:03d} does not match DTG day {day:03d}",
        )


def check_created(meta: datetime | None, dtg: Dtg | None, notes: Notes) -> None:
    """Cablegate's dates are local or shifted by a time zone; more than two days apart is wrong."""
    if meta is None or dtg is None:
        return
    if abs((meta - dtg.value).total_seconds()) > 2 * 86400:
        notes.warn(
            "created",
            f"metadata date {meta.isoformat()} is far from DTG {dtg.value.isoformat()}",
        )


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
