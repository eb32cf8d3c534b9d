"""Format lines 6-9: the originator (``FM``) and the ``TO``, ``INFO`` and ``XMT`` blocks.

One address line is ``[RI/]ADDRESS [PRECEDENCE] [MCN]``:

* ``RI/`` - the routing indicator of the station serving the addressee
  (``RUEHTRO/AMEMBASSY TRIPOLI``); 1970s cables leave it out;
* ``PRECEDENCE`` - ``FLASH``, ``IMMEDIATE``, ``PRIORITY``, ``ROUTINE`` or
  ``NIACT IMMEDIATE`` (night action: wake the duty officer);
* ``MCN`` - the four-digit message continuity number that the sending post
  keeps per addressee (``... PRIORITY 1742``; ``0000`` occurs).

Parsing works from the right on whitespace tokens instead of with one
backtracking regex: the MCN is the last token if it is four digits, the
precedence the word(s) before it.  An address that really ends in four
digits would be misread, a risk the corpus makes worth taking.

The ``TO``/``INFO``/``XMT`` keyword starts a block (ACP-127(G) §133: ``XMT``
exempts the addressees that follow from a collective); lines without a
keyword continue the current block, one recipient per line.  The assembler
in ``parse.py`` owns that state; this module parses single lines and decides
whether a line is the wrapped tail of the previous one (see
:func:`is_wrapped_tail` for the deliberately narrow rule).
"""

from __future__ import annotations

import re
from functools import lru_cache

from interdict.cables.header.routing import is_routing_indicator
from interdict.cables.notes import Notes
from interdict.cables.record import Recipient

BLOCK_KEYWORDS: frozenset[str] = frozenset({"TO", "INFO", "XMT"})

PRECEDENCE_WORDS: frozenset[str] = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"})

_MCN_RE = re.compile(r"\d{4}", re.ASCII)
# Capitals, digits and the punctuation real addresses use.
_ADDRESS_RE = re.compile(r"[A-Z0-9][A-Z0-9 .,&'()/-]*", re.ASCII)
# Four or more single letters in a row: the spaced classification banner
# ("S E C R E T") that the caller should have split off the last address.
_BANNER_RE = re.compile(r"(?:^| )(?:[A-Z] ){3,}[A-Z](?: |$)", re.ASCII)

# First words that begin an address of their own; a line starting with one
# is never taken as the tail of a wrapped address.
_ADDRESS_HEADS: frozenset[str] = frozenset(
    {
        "AMEMBASSY",
        "AMCONSUL",
        "AMCONGEN",
        "AMINSTITUTE",
        "AIT",
        "SECSTATE",
        "SECDEF",
        "USMISSION",
        "USDEL",
        "USEU",
        "USNATO",
        "USUN",
        "USINT",
        "USLO",
        "USOFFICE",
        "CDR",
        "CINC",
        "COMUSNAVCENT",
        "HQ",
        "JOINT",
        "CIA",
        "DIA",
        "NSA",
        "NSC",
        "DEPT",
        "WHITE",
        "TREASURY",
    }
)


def _split(text: str) -> tuple[str | None, list[str], str | None, str | None]:
    """``[RI/]ADDRESS [PRECEDENCE] [MCN]`` -> (ri, address tokens, precedence, mcn)."""
    tokens = text.split()
    mcn: str | None = None
    precedence: str | None = None
    if tokens:
        last = tokens[-1]
        if len(last) == 4 and last.isdigit() and last.isascii():
            mcn = tokens.pop()
    if tokens and tokens[-1] in PRECEDENCE_WORDS:
        precedence = tokens.pop()
        if precedence == "IMMEDIATE" and tokens and tokens[-1] == "NIACT":
            tokens.pop()
            precedence = "NIACT IMMEDIATE"
    routing_indicator: str | None = None
    if tokens and "/" in tokens[0]:
        head, _, rest = tokens[0].partition("/")
        if is_routing_indicator(head):
            routing_indicator = head
            if rest:
                tokens[0] = rest
            else:
                del tokens[0]
    return routing_indicator, tokens, precedence, mcn


def _is_address(address: str) -> bool:
    # isupper(): at least one letter, and (with the ASCII class) all capitals.
    return _ADDRESS_RE.fullmatch(address) is not None and address.isupper()


def _recipient(
    routing_indicator: str | None, address: str, precedence: str | None, mcn: str | None
) -> Recipient:
    return Recipient(
        routing_indicator=routing_indicator,
        address=address,
        precedence=precedence,
        mcn=mcn,
        collective=address.endswith("COLLECTIVE"),
    )


@lru_cache(maxsize=16384)
def parse_recipient(text: str) -> Recipient | None:
    """Parse one address (keyword already removed); ``None`` if it is not an address.

    Cached: a corpus names the same posts and collectives on line after line,
    and ``Recipient`` is immutable, so one instance can serve them all.
    """
    routing_indicator, tokens, precedence, mcn = _split(text)
    address = " ".join(tokens)
    if not _is_address(address):
        return None
    return _recipient(routing_indicator, address, precedence, mcn)


def warn_glued_banner(recipient: Recipient, notes: Notes, line: int, field: str) -> bool:
    """Report a spaced classification banner left on an address; ``True`` if there was one.

    The caller is meant to split ``...PRIORITYS E C R E T STATE 029395`` before
    the header is parsed; this catches the cases it missed.  Only the last
    address of a header can carry the banner, so the assembler checks that
    one alone.
    """
    if _BANNER_RE.search(recipient.address) is None:
        return False
    notes.warn(field, f"classification banner glued onto address {recipient.address!r}", line)
    return True


def is_wrapped_tail(previous: Recipient, text: str) -> bool:
    """Whether ``text`` finishes the address on the line before rather than starting one.

    Only when all of these hold, so that one-recipient-per-line is the rule
    and merging the exception:

    * the previous recipient carried a routing indicator, so this block
      writes one on every line, yet this line has no ``/`` at all;
    * the previous recipient ended with neither precedence nor MCN (a
      finished line ends with one or both) and is not a complete collective;
    * this line does end with a precedence or an MCN;
    * this line does not begin with a word that begins addresses
      (``AMEMBASSY``, ``SECSTATE``, ...).

    1970s blocks without routing indicators (``INFO AMEMBASSY LONDON`` then
    ``AMEMBASSY PARIS``) never merge.
    """
    if (
        previous.routing_indicator is None
        or previous.precedence is not None
        or previous.mcn is not None
        or previous.collective
        or "/" in text
    ):
        return False
    tokens = text.split()
    if not tokens or tokens[0] in _ADDRESS_HEADS:
        return False
    last = tokens[-1]
    return last in PRECEDENCE_WORDS or _MCN_RE.fullmatch(last) is not None


def complete_with_tail(previous: Recipient, text: str) -> Recipient | None:
    """The previous recipient with the precedence and/or MCN that wrapped onto ``text``.

    A line holding nothing but ``PRIORITY 1742``, ``ROUTINE`` or ``1742`` in an
    address block cannot start a recipient; when the address before it lacks
    exactly those parts, the line is their continuation (addresses wrapped at
    the 69-column margin).  ``None`` when the line is anything else.
    """
    tokens = text.split()
    mcn = tokens.pop() if tokens and _MCN_RE.fullmatch(tokens[-1]) else None
    precedence = " ".join(tokens) or None
    if precedence is not None and precedence not in PRECEDENCE_WORDS | {"NIACT IMMEDIATE"}:
        return None
    if mcn is None and precedence is None:
        return None
    if (mcn is not None and previous.mcn is not None) or (
        precedence is not None and (previous.precedence is not None or previous.mcn is not None)
    ):
        return None
    return previous.model_copy(update={"precedence": precedence or previous.precedence, "mcn": mcn})


def join_wrapped(previous: Recipient, text: str) -> Recipient | None:
    """The previous recipient completed by its wrapped tail; ``None`` if that is no address."""
    _, tokens, precedence, mcn = _split(text)
    address = " ".join([previous.address, *tokens])
    if not _is_address(address):
        return None
    return _recipient(previous.routing_indicator, address, precedence, mcn)
