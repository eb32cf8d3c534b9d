"""Assemble the ACP-127 transmission header from its format lines.

The walk is line by line, in order, with one piece of state: which
multi-line construct the previous line opened (routing indicators that wrap,
or a ``TO``/``INFO``/``XMT`` block whose following lines are more
recipients).  Each line is dispatched on its first word to the module for
its format line; nothing is assumed about the order of the lines, because
ACP-126 style headers, partial extracts and relay oddities all reorder or
drop some of them.

Every non-blank line is counted, and counted as understood only if it gave
the header a value (or is a known line that carries none, like ``BT``), so
``lines_understood / lines_total`` says how much of the header was read,
in the spirit of leuc/ACP-127's coverage reports.  A line nobody claims is
reported with ``field="header"`` and its line number.  A line a module
claims but cannot read (a DTG with month ``XYZ``) is reported once, by that
module, under its own field.

Besides the format lines, lines that older cables carry in the header are
recognised so they do not count against coverage: ``BT`` and ``NNNN``,
lines of operating signals (``ZFF4``, ``ZEX ...``), the Department's
``ACTION``/``ORIGIN``/``INFO`` distribution lists (``INFO LOG-00 EEB-00``),
the dashed counter line and ``PAGE 01 ...`` page headers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from interdict.cables.header.addresses import (
    BLOCK_KEYWORDS,
    complete_with_tail,
    is_wrapped_tail,
    join_wrapped,
    parse_recipient,
    warn_glued_banner,
)
from interdict.cables.header.de_line import parse_de_line
from interdict.cables.header.dtg import is_dtg_line, parse_dtg_line
from interdict.cables.header.routing import (
    PROSIGN_GROUPS,
    parse_routing,
    parse_routing_continuation,
)
from interdict.cables.header.security_line import is_security_line, parse_security_line
from interdict.cables.header.transmission import is_transmission_line, parse_transmission
from interdict.cables.notes import Notes
from interdict.cables.record import DeLine, Dtg, Recipient


@dataclass(slots=True)
class Header:
    """The transmission header of one telegram.

    ``precedence`` comes from the routing line (format line 2) as words,
    one per distinct prosign in order: ``PP`` -> ``["PRIORITY"]``,
    ``OO RR`` -> ``["IMMEDIATE", "ROUTINE"]``.  The DTG line's own
    precedence list (dual precedence: action, then information addressees)
    is ``dtg.precedence``.  ``security_level`` is one of ``U``, ``EFTO``,
    ``R``, ``C``, ``S``, ``TS``.
    """

    transmission_id: str | None = None
    precedence: list[str] = field(default_factory=list)
    routing_indicators: list[str] = field(default_factory=list)
    de: DeLine | None = None
    security_line: str | None = None
    security_level: str | None = None
    dtg: Dtg | None = None
    from_: Recipient | None = None
    to: list[Recipient] = field(default_factory=list)
    info: list[Recipient] = field(default_factory=list)
    xmt: list[Recipient] = field(default_factory=list)
    lines_understood: int = 0
    lines_total: int = 0
    de_line: int | None = None


# What the previous line left open.
_ROUTING = "routing"
_DISTRIBUTION = "distribution"

# A line of the Department's distribution list: office codes with copy
# counts (``LOG-00 CIAE-00``), the last line ending in the total (``/038 W``).
_DIST_CODE = r"[A-Z][A-Z0-9/]*-\d{1,3}"
_DIST_LINE_RE = re.compile(
    rf"(?:{_DIST_CODE}\s+)*(?:{_DIST_CODE}|/\s*\d{{1,4}}(?:\s*[A-Z])?)", re.ASCII
)
_OPSIG_RE = re.compile(r"Z[A-Z]{2}(?:-?\d+)?", re.ASCII)
_PAGE_RE = re.compile(r"PAGE\s+\d{1,3}\b", re.ASCII)
_NOTICE_WIDTH = 80


def _is_distribution(text: str) -> bool:
    return _DIST_LINE_RE.fullmatch(text) is not None


def _block(header: Header, keyword: str) -> list[Recipient]:
    if keyword == "TO":
        return header.to
    if keyword == "INFO":
        return header.info
    return header.xmt


def _duplicate(notes: Notes, name: str, line: int) -> None:
    notes.warn(name, f"second {name} line ignored; the first one is kept", line)


class _Walker:
    """Holds the header being built and the open construct while lines are walked.

    Dispatch is on the first word through a table, so a typical line costs
    one dictionary look-up before the parser for its format line runs; only
    lines whose first word is not a keyword look at their shape.
    """

    __slots__ = ("header", "last_recipient", "notes", "state")

    def __init__(self, notes: Notes) -> None:
        self.header = Header()
        self.notes = notes
        self.state: str | None = None
        # The last address read, with its line and field: where a banner the
        # caller failed to split off would be.
        self.last_recipient: tuple[Recipient, int, str] | None = None

    def line(self, text: str, number: int) -> bool:
        """Handle one stripped, non-blank line; return whether it was understood."""
        parts = text.split(None, 1)
        first = parts[0]
        rest = parts[1] if len(parts) > 1 else ""
        handler = _BY_FIRST_WORD.get(first)
        if handler is None:
            handler = _by_shape(first, text)
        if handler is not None:
            understood = handler(self, first, text, rest, number)
            if understood is not None:
                return understood
        if self._continuation(text, number):
            return True
        self.notes.warn("header", f"line not understood: {text[:_NOTICE_WIDTH]!r}", number)
        return False

    # Handlers: ``True``/``False`` once the line is theirs (understood or
    # not), ``None`` to let the line be read as a continuation instead.

    def _block_line(self, first: str, text: str, rest: str, number: int) -> bool | None:
        """``TO``/``INFO``/``XMT``: open the block; ``INFO LOG-00 ...`` is distribution."""
        if first == "INFO" and _is_distribution(rest):
            self.state = _DISTRIBUTION
            return True
        self.state = first
        if not rest:
            return True  # Recipients start on the next line.
        field_name = first.lower()
        recipient = parse_recipient(rest)
        if recipient is None:
            self.notes.warn(
                field_name, f"unreadable {first} address {rest[:_NOTICE_WIDTH]!r}", number
            )
            return False
        _block(self.header, first).append(recipient)
        self.last_recipient = (recipient, number, field_name)
        return True

    def _fm(self, first: str, text: str, rest: str, number: int) -> bool | None:
        self.state = None
        sender = parse_recipient(rest)
        if sender is None:
            self.notes.warn("from", f"unreadable FM address {rest[:_NOTICE_WIDTH]!r}", number)
            return False
        if self.header.from_ is not None:
            _duplicate(self.notes, "from", number)
        else:
            self.header.from_ = sender
            self.last_recipient = (sender, number, "from")
        return True

    def _de(self, first: str, text: str, rest: str, number: int) -> bool | None:
        self.state = None
        de = parse_de_line(text, self.notes, number)
        if de is None:
            return False
        if self.header.de is not None:
            _duplicate(self.notes, "de", number)
        else:
            self.header.de = de
            self.header.de_line = number
        return True

    def _security(self, first: str, text: str, rest: str, number: int) -> bool | None:
        self.state = None
        security = parse_security_line(text, self.notes, number)
        if security is None:
            return False
        if self.header.security_line is not None:
            _duplicate(self.notes, "security_line", number)
        else:
            self.header.security_line = security.text
            self.header.security_level = security.level
        return True

    def _transmission(self, first: str, text: str, rest: str, number: int) -> bool | None:
        self.state = None
        ti = parse_transmission(text, self.notes, number)
        if ti is None:
            return False
        if self.header.transmission_id is not None:
            _duplicate(self.notes, "transmission_id", number)
        else:
            self.header.transmission_id = ti.text
        return True

    def _dtg(self, first: str, text: str, rest: str, number: int) -> bool | None:
        if not is_dtg_line(text):
            return None
        self.state = None
        dtg = parse_dtg_line(text, self.notes, number)
        if dtg is None:
            return False
        if self.header.dtg is not None:
            _duplicate(self.notes, "dtg", number)
        else:
            self.header.dtg = dtg
        return True

    def _prosign(self, first: str, text: str, rest: str, number: int) -> bool | None:
        """A prosign starts both the routing line (``PP RUEHWEB``) and the DTG line."""
        if is_dtg_line(text):
            return self._dtg(first, text, rest, number)
        routing = parse_routing(text)
        if routing is None:
            return None
        self.state = _ROUTING
        precedence = self.header.precedence
        for word in routing.precedence:
            if word not in precedence:
                precedence.append(word)
        self.header.routing_indicators.extend(routing.routing_indicators)
        return True

    def _z_line(self, first: str, text: str, rest: str, number: int) -> bool | None:
        if is_security_line(text):
            return self._security(first, text, rest, number)
        if _OPSIG_RE.fullmatch(first) is None:
            return None
        self.state = None
        return True

    def _plain(self, first: str, text: str, rest: str, number: int) -> bool | None:
        """``BT``, ``NNNN`` and the dashed counter line: known, carrying nothing."""
        self.state = None
        return True

    def _page(self, first: str, text: str, rest: str, number: int) -> bool | None:
        if _PAGE_RE.match(text) is None:
            return None
        self.state = None
        return True

    def _distribution_head(self, first: str, text: str, rest: str, number: int) -> bool | None:
        if not _is_distribution(rest):
            return None
        self.state = _DISTRIBUTION
        return True

    def _continuation(self, text: str, number: int) -> bool:
        """A line without a keyword, read in the light of the open construct."""
        state = self.state
        if state == _ROUTING:
            indicators = parse_routing_continuation(text)
            if indicators is not None:
                self.header.routing_indicators.extend(indicators)
                return True
        elif state in BLOCK_KEYWORDS:
            block = _block(self.header, state)
            completed = complete_with_tail(block[-1], text) if block else None
            if completed is not None:
                block[-1] = completed
                self.last_recipient = (completed, number, state.lower())
                return True
            if block and is_wrapped_tail(block[-1], text):
                joined = join_wrapped(block[-1], text)
                if joined is not None:
                    block[-1] = joined
                    self.last_recipient = (joined, number, state.lower())
                    return True
            recipient = parse_recipient(text)
            if recipient is not None:
                block.append(recipient)
                self.last_recipient = (recipient, number, state.lower())
                return True
        if _is_distribution(text):
            self.state = _DISTRIBUTION
            return True
        return False

    def finish(self) -> Header:
        if self.last_recipient is not None:
            recipient, number, field_name = self.last_recipient
            warn_glued_banner(recipient, self.notes, number, field_name)
        return self.header


_Handler = Callable[[_Walker, str, str, str, int], "bool | None"]

_BY_FIRST_WORD: dict[str, _Handler] = {
    "TO": _Walker._block_line,
    "INFO": _Walker._block_line,
    "XMT": _Walker._block_line,
    "FM": _Walker._fm,
    "DE": _Walker._de,
    "ZNR": _Walker._security,
    "ZNY": _Walker._security,
    "VV": _Walker._transmission,
    "BT": _Walker._plain,
    "NNNN": _Walker._plain,
    "PAGE": _Walker._page,
    "ACTION": _Walker._distribution_head,
    "ORIGIN": _Walker._distribution_head,
    **dict.fromkeys(PROSIGN_GROUPS, _Walker._prosign),
}


def _by_shape(first: str, text: str) -> _Handler | None:
    """Handler for a line whose first word is not a keyword, judged by its first character."""
    head = first[0]
    if head == "V" and is_transmission_line(text):
        return _Walker._transmission
    if head.isdigit():
        return _Walker._dtg
    if head == "Z":
        return _Walker._z_line
    if head == "-" and text.startswith("---"):
        return _Walker._plain
    return None


def parse_header(lines: Sequence[tuple[int, str]], notes: Notes) -> Header:
    """Parse the header lines ``(line number, text)``; never raises, reports into ``notes``.

    The caller has already split the body off, including a spaced banner
    glued onto the last address line.  Blank lines are skipped and not
    counted.
    """
    walker = _Walker(notes)
    header = walker.header
    total = understood = 0
    for number, raw in lines:
        text = raw.strip()
        if not text:
            continue
        total += 1
        if walker.line(text, number):
            understood += 1
    header.lines_total = total
    header.lines_understood = understood
    return walker.finish()
