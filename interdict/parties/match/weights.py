"""How much each word of a name counts: rare words identify, common words describe.

A word's weight is its inverse document frequency over the names of the
list it is compared against, scaled to [0.1, 1].  Lists smaller than
100,000 names are treated as if they had that many, so that in a
150-entity starter list a word shared by five entries is still nearly as
telling as a unique one.  Generic trade words are capped on top, because a
small list cannot know that "Trading" is common everywhere else.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from interdict.parties.names.analysis import Kind, NameForm

GENERIC_CAP = 0.25
MIN_WEIGHT = 0.1
REFERENCE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class Word:
    """One comparable word with its weight and the reason for that weight."""

    text: str
    kind: Kind
    weight: float
    why: str


def idf_weight(frequency: int, size: int) -> float:
    """Weight of a word found in ``frequency`` of ``size`` names."""
    if frequency <= 1:
        return 1.0
    total = max(size, REFERENCE_SIZE)
    return max(MIN_WEIGHT, min(1.0, math.log(total / frequency) / math.log(total)))


def weigh(text: str, kind: Kind, frequency: int, size: int) -> Word:
    """Weigh one word given how many names of the list contain it."""
    if kind is Kind.STOP:
        return Word(text, kind, 0.0, "stop word")
    if kind is Kind.NUMBER:
        return Word(text, kind, 1.0, "number")
    idf = idf_weight(frequency, size)
    seen = f"in {frequency} of {size} listed names" if size else "no list statistics"
    if kind is Kind.GENERIC:
        return Word(text, kind, min(GENERIC_CAP, idf), f"generic trade word; {seen}")
    return Word(text, kind, round(idf, 4), seen)


def weigh_form(form: NameForm, frequencies: dict[str, int], size: int) -> tuple[Word, ...]:
    """The words of a name weighed against one list.

    Stop words weigh nothing but stay in place: "Cheng De" must still be able
    to meet "Chengde", and "Yu Kang" "Yukang", by running two words together.
    """
    return Weigher(lambda words: [frequencies.get(w, 0) for w in words], size).forms([form])[0]


class Weigher:
    """Weighs words against one list, each distinct word once.

    A query meets many repeats, and so do the queries of a screening
    session: a word's frequency in a list never changes, so screening keeps
    one weigher per opened list, and only words it has not met yet are
    looked up (all of a query's at once).  It remembers up to ``capacity``
    words (queries bring misspellings without end); past that it starts
    afresh by replacing its memory, never emptying it, so that a query
    weighing in another thread meanwhile still finds every word it needs.
    """

    def __init__(
        self, frequencies: Callable[[list[str]], list[int]], size: int, capacity: int = 500_000
    ) -> None:
        self._frequencies = frequencies
        self._size = size
        self._capacity = capacity
        self._seen: dict[tuple[str, Kind], Word] = {}

    def forms(self, forms: Sequence[NameForm]) -> list[tuple[Word, ...]]:
        """The words of each name, weighed."""
        seen = self._seen
        wanted = {pair for form in forms for pair in zip(form.tokens, form.kinds, strict=True)}
        found = {pair: seen[pair] for pair in wanted if pair in seen}
        if len(found) < len(wanted):
            missing = sorted(wanted - found.keys())
            counts = self._frequencies([text for text, _ in missing])
            new = {
                (text, kind): weigh(text, kind, count, self._size)
                for (text, kind), count in zip(missing, counts, strict=True)
            }
            found.update(new)
            if len(seen) + len(new) > self._capacity:
                self._seen = new
            else:
                seen.update(new)
        return [tuple(found[pair] for pair in zip(f.tokens, f.kinds, strict=True)) for f in forms]
