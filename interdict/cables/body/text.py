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
    # str.split() collapses every whitespace run and is several times faster than a regex.
    blocks = (" ".join(block.split()) for block in _BLANK.split(text))
    return "\n\n".join(block for block in blocks if block)


def line_at(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1
