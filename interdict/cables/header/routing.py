"""Format line 2: the precedence prosign and the routing indicators.

``PP RUEHWEB`` says "priority, for the station RUEHWEB".  ACP-127(G) §151
repeats the prosign on this line (``ZZ``, ``OO``, ``PP``, ``RR``) while the
DTG line (format line 5) carries it once, so one table of prosign letters
serves both lines and lives here.  The routing indicators can run onto
following lines (``OO RUEHBC RUEHDE ...`` then ``RUEHROV RUEHTRO``); the
assembler in ``parse.py`` feeds such lines to :func:`parse_routing_continuation`
until the ``DE`` line.

Routing indicators are 4-7 capital letters starting with ``R`` (ACP-121 plan
as seen in State traffic: ``RUEHC``, ``RUEHWEB``, ``RHMFISS``, ``RUEKJCS``).
The check is strict on purpose: a line is a routing line only if every word
after the prosign is a routing indicator, so a garbled DTG or an address
never passes for one.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# ACP-127(G) §150: Z flash, O immediate, P priority, R routine.  Y is the US
# Emergency Command Precedence (ECP) used on AUTODIN (NTP 3 / Navy training
# manuals); it is not in ACP-127 itself but does occur in US traffic.
PROSIGN_WORDS: dict[str, str] = {
    "Y": "EMERGENCY COMMAND",
    "Z": "FLASH",
    "O": "IMMEDIATE",
    "P": "PRIORITY",
    "R": "ROUTINE",
}

# A prosign group on the routing line: the letter doubled as §151 requires,
# or single as some relays wrote it.
PROSIGN_GROUPS: dict[str, str] = {
    **{letter * 2: word for letter, word in PROSIGN_WORDS.items()},
    **PROSIGN_WORDS,
}

ROUTING_INDICATOR_RE = re.compile(r"R[A-Z]{3,6}", re.ASCII)


class RoutingLine(NamedTuple):
    """What one routing line contributed."""

    precedence: list[str]
    routing_indicators: list[str]


def is_prosign_group(token: str) -> bool:
    """True for ``PP``, ``P``, ``ZZ``, ... (the assembler dispatches on ``PROSIGN_GROUPS``)."""
    return token in PROSIGN_GROUPS


def is_routing_indicator(token: str) -> bool:
    return ROUTING_INDICATOR_RE.fullmatch(token) is not None


def parse_routing(text: str) -> RoutingLine | None:
    """Parse ``PP RUEHWEB`` or ``OO RR RUEHC RUEHDE``; ``None`` if it is not a routing line.

    Precedence words are deduplicated in order of appearance: ``PP`` gives
    ``["PRIORITY"]`` and ``OO RR`` gives ``["IMMEDIATE", "ROUTINE"]``.  A line
    that is only a prosign (indicators wrapped to the next line) is accepted.
    Nothing here warns: a line that does not fit is simply not claimed, and
    the assembler reports it as not understood.
    """
    tokens = text.split()
    precedence: list[str] = []
    i = 0
    while i < len(tokens) and tokens[i] in PROSIGN_GROUPS:
        word = PROSIGN_GROUPS[tokens[i]]
        if word not in precedence:
            precedence.append(word)
        i += 1
    if not precedence:
        return None
    indicators = tokens[i:]
    if not all(map(is_routing_indicator, indicators)):
        return None
    return RoutingLine(precedence, indicators)


def parse_routing_continuation(text: str) -> list[str] | None:
    """Routing indicators wrapped onto their own line, or ``None`` if the line is not that."""
    tokens = text.split()
    if tokens and all(map(is_routing_indicator, tokens)):
        return tokens
    return None
