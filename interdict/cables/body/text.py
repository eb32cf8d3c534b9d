"""Whitespace rules shared by every body field.

Cables arrive hard-wrapped at 69 columns (CSV, NARA) or with each paragraph
on one line (WikiLeaks HTML, the plain record form).  Joining wrapped lines
and keeping blank-line breaks makes the same cable yield the same text from
every form, which is what makes cross-form round trips and search work.
"""

from __future__ import annotations

import re

_BLANK = re.compile(r"\n[ \t]*\n\s*")


def flow(text: str) -> str:
    """Join wrapped lines into paragraphs; keep blank-line breaks as a single ``\\n\\n``."""
    text = text.strip()
    ascii_text = text.isascii()
    if ascii_text and _BLANK.search(text) is None:
        return _squash_ascii(text)  # most paragraphs are one block: skip the split
    squash = _squash_ascii if ascii_text else _squash_any
    blocks = (squash(block) for block in _BLANK.split(text))
    return "\n\n".join(block for block in blocks if block)


def _squash_any(block: str) -> str:
    return " ".join(block.split())


def _squash_ascii(block: str) -> str:
    """``" ".join(block.split())`` for ASCII text, twice as fast.

    Splitting builds one string per word; a few whole-string replaces in C do
    not, and this runs over every word of every paragraph.  Text holding any
    other control character (tabs, form feeds) takes the exact slow path.
    """
    squashed = block.replace("\n", " ")
    if not squashed.isprintable():
        return " ".join(squashed.split())
    while "  " in squashed:
        squashed = squashed.replace("  ", " ")
    return squashed.strip()


def first_of(text: str, words: tuple[str, ...]) -> int:
    """Offset of the earliest of ``words`` in ``text``, or -1 when none occurs.

    ``str.find`` runs in C at memory speed; used as a probe it lets a costly
    regex start where a match can begin instead of scanning the whole text.
    """
    hits = [i for i in map(text.find, words) if i >= 0]
    return min(hits) if hits else -1


def line_at(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
