"""Which portion of a matching cable to show, and the words around the match.

The index finds cables; the officer reads paragraphs.  Each portion of a
hit is scored by how many of the query's terms it contains (then by how
often, then by position), in Python and on the stored record, so the
paragraph shown is the same on both backends.  A cable that matched only
on its subject or TAGS has no best paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.cables.archive.query import TextQuery
from interdict.cables.archive.words import index_text, words
from interdict.cables.portions import Portion, portions
from interdict.cables.record import Cable

SNIPPET = 240
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


@dataclass(frozen=True, slots=True)
class Best:
    portion: Portion | None
    snippet: str


def best_portion(
    cable: Cable, query: TextQuery, allowed: set[tuple[str | None, int]] | None = None
) -> Best:
    """The portion holding most of the query; ``allowed`` keeps it to the portions (paragraph,
    index) a reader may see, numbered as in the whole cable so that citations stay stable."""
    best: tuple[int, int, int] | None = None
    chosen: Portion | None = None
    for portion in portions(cable):
        if allowed is not None and (portion.paragraph, portion.portion) not in allowed:
            continue
        text = index_text(portion.text)
        found = sum(1 for term in query.terms if term.found_in(text))
        if not found:
            continue
        padded = f" {text} "
        hits = sum(padded.count(term.needle()) for term in query.terms)
        score = (found, hits, -portion.position)
        if best is None or score > best:
            best, chosen = score, portion
    if chosen is None:
        return Best(None, _clip(cable.subject or "", 0))
    return Best(chosen, snippet(chosen.text, query))


def snippet(text: str, query: TextQuery) -> str:
    """About ``SNIPPET`` characters of ``text`` around the first word of a query term."""
    wanted = {term.words[0] for term in query.terms}
    prefixes = tuple(term.words[0] for term in query.terms if term.prefix and len(term.words) == 1)
    for found in _WORD.finditer(text):
        normalised = words(found.group())
        if normalised and (
            normalised[0] in wanted or normalised[0].startswith(prefixes or ("\0",))
        ):
            return _clip(text, found.start())
    return _clip(text, 0)


def _clip(text: str, at: int) -> str:
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET:
        return flat
    # Re-find the position in the flattened text: whitespace runs were collapsed before it.
    at = len(" ".join(text[:at].split()))
    start = max(0, min(at - SNIPPET // 3, len(flat) - SNIPPET))
    if start:
        start = flat.find(" ", start) + 1 or start
    end = min(len(flat), start + SNIPPET)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start else "") + flat[start:end] + (" …" if end < len(flat) else "")
