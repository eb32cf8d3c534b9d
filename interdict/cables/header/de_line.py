"""Format line 3: ``DE``, the originating station, its serial and the filing time.

``DE RUEHC #9395 0852103`` reads: prepared by station RUEHC (ACP-127(G) §133,
prosign DE), station serial 9395 (§129), filed on Julian day 085 at 2103Z
(§115).  A multi-section telegram adds ``/NN`` to the serial
(``DE RUEHTRO #0284/01 0041825``).

Variants accepted, because they occur or are allowed by the standard:

* the ``#`` before the serial may be missing (``DE RUECW 123 ...``), and the
  serial may carry one letter (``107A``, §129);
* the filing time may be written ``DD/HHMMZ`` (``01/2355Z``, §115); the day
  is then a calendar day, which ``DeLine`` has no field for, so only the time
  is kept;
* the filing time may be missing altogether.

For STATE cables the serial is the last four digits of the message number,
a cross-check the body parser can make; nothing here knows the body.

Out-of-range values (day 367, time 2400) are reported and dropped from the
record rather than stored, so that nothing downstream computes a date from
them; the warning keeps the text as written.
"""

from __future__ import annotations

import re

from interdict.cables.notes import Notes
from interdict.cables.record import DeLine

_DE_RE = re.compile(
    r"DE\s+(?P<station>[A-Z]{3,7})\s+#?(?P<serial>\d{1,6}[A-Z]?)(?:/(?P<section>\d{1,3}))?"
    r"(?:\s+(?:(?P<julian>\d{3})(?P<time>\d{4})|\d{2}/(?P<calendar_time>\d{4})Z))?\s*",
    re.ASCII,
)


def is_de_line(text: str) -> bool:
    return text.startswith("DE ")


def valid_time(hhmm: str) -> bool:
    """``0000``..``2359`` with minutes below 60."""
    return (
        len(hhmm) == 4
        and hhmm.isascii()
        and hhmm.isdigit()
        and int(hhmm[:2]) <= 23
        and int(hhmm[2:]) <= 59
    )


def parse_de_line(text: str, notes: Notes, line: int | None = None) -> DeLine | None:
    """Parse a ``DE`` line; warn and return ``None`` if it cannot be read at all."""
    m = _DE_RE.fullmatch(text)
    if m is None:
        notes.warn("de", f"malformed DE line {text!r}", line)
        return None
    station, serial, section, julian, time, calendar_time = m.groups()
    julian_day: int | None = None
    if julian is not None:
        day = int(julian)
        if 1 <= day <= 366:
            julian_day = day
        else:
            notes.warn("de", f"Julian day {julian} is outside 001-366", line)
    elif calendar_time is not None:
        time = calendar_time
    else:
        notes.warn("de", "DE line has no filing time", line)
    if time is not None and not valid_time(time):
        notes.warn("de", f"filing time {time} is outside 0000-2359", line)
        time = None
    return DeLine(
        station=station,
        serial=serial,
        section=int(section) if section is not None else None,
        julian_day=julian_day,
        time=time,
    )
