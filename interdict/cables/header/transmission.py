"""Format line 1: the transmission identification (TI), e.g. ``VZCZCXYZ0006``.

ACP-127(G) §131 and §202.c: ``V`` (so the first real character is not lost),
``ZCZC`` (start-of-message indicator for automatic relays), three station and
channel letters, then the channel serial.  The standard serial is three
digits; State traffic in Cablegate uses four (``VZCZCXRO0379``), so 3-4 are
accepted.  Manual relays used ``VV`` and three spaces instead of ``VZCZC``
(§202.c(2)); that form is accepted too.  A security-warning prosign (``UU``
or ``HH``, §124.a) may follow on the same line.

ACP-126 style and partial records have no TI at all; the assembler then
leaves ``transmission_id`` as ``None``, which is not an error.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from interdict.cables.notes import Notes

_TI_RE = re.compile(
    r"(?P<ti>(?:VZCZC|VV {1,3})(?P<channel>[A-Z]{3})(?P<serial>\d{3,4}))(?:\s+(?:UU|HH))?\s*",
    re.ASCII,
)


class TransmissionId(NamedTuple):
    """The TI as written, and its parts (a tuple: cheap to build once per cable)."""

    text: str
    channel: str
    serial: str


def is_transmission_line(text: str) -> bool:
    """Cheap test the assembler uses to hand a line to :func:`parse_transmission`."""
    return text.startswith(("VZCZC", "VV "))


def parse_transmission(text: str, notes: Notes, line: int | None = None) -> TransmissionId | None:
    """Parse a TI line; warn and return ``None`` if it starts like one but is malformed."""
    m = _TI_RE.fullmatch(text)
    if m is None:
        notes.warn("transmission_id", f"malformed transmission identification {text!r}", line)
        return None
    return TransmissionId(m["ti"], m["channel"], m["serial"])
