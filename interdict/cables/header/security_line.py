"""Format line 4: the security warning, e.g. ``ZNY SSSSS ZZH``.

ACP-127(G) §124.b and §203.a: the operating signal ``ZNR`` (may go over
non-approved circuits) or ``ZNY`` (must not) is followed by the first letter
of the classification repeated five times: ``UUUUU``, ``RRRRR`` (restricted),
``CCCCC``, ``SSSSS``, ``TTTTT``.  US traffic also uses ``EEEEE`` for EFTO
(encrypt for transmission only).  Other operating signals may follow; State
Department traffic ends with ``ZZH``.

Two less common shapes seen in corpus tooling are accepted: a two-letter
transmission release code in place of the last two letters (``ZNR UUUAA``)
and an external marking after a slash (``ZNY SSSSS/BBBBB``).  The level is
then taken from the first three letters.

The decoded level is a plain string because EFTO (and restricted) are not
classification levels of ``interdict.model.markings.Level``: it is one of
``U``, ``EFTO``, ``R``, ``C``, ``S``, ``TS``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from interdict.cables.notes import Notes

_LEVELS: dict[str, str] = {
    "U": "U",
    "E": "EFTO",
    "R": "R",
    "C": "C",
    "S": "S",
    "T": "TS",
}

_SECURITY_RE = re.compile(
    r"(?P<signal>ZN[RY])\s+(?P<group>[A-Z]{5})(?:/(?P<external>[A-Z]{5}))?"
    r"(?P<ops>(?:\s+Z[A-Z]{2}\d*)*)\s*",
    re.ASCII,
)


class SecurityLine(NamedTuple):
    """The security warning as written (whitespace normalised) and its decoded level."""

    text: str
    signal: str
    level: str | None
    operating_signals: list[str]


def is_security_line(text: str) -> bool:
    return text.startswith(("ZNR", "ZNY"))


def _decode(group: str) -> str | None:
    first = group[0]
    if group[:3] != first * 3:
        return None
    return _LEVELS.get(first)


def parse_security_line(text: str, notes: Notes, line: int | None = None) -> SecurityLine | None:
    """Parse the security warning; an unknown letter group keeps the line but no level."""
    m = _SECURITY_RE.fullmatch(text)
    if m is None:
        notes.warn("security_line", f"malformed security warning {text!r}", line)
        return None
    signal, group = m["signal"], m["group"]
    level = _decode(group)
    if level is None:
        notes.warn("security_line", f"unknown classification group {group!r}", line)
    elif signal == "ZNR" and level not in ("U", "EFTO"):
        notes.warn(
            "security_line", f"ZNR (unclassified circuit) with classified group {group}", line
        )
    return SecurityLine(" ".join(text.split()), signal, level, m["ops"].split())
