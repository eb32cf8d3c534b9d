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
    return Weigher(frequencies, size).form(form)


class Weigher:
    """Weighs words against one list, each distinct word once: a query meets many repeats."""

    def __init__(self, frequencies: dict[str, int], size: int) -> None:
        self._frequencies = frequencies
        self._size = size
        self._seen: dict[tuple[str, Kind], Word] = {}

    def form(self, form: NameForm) -> tuple[Word, ...]:
        words = []
        for text, kind in zip(form.tokens, form.kinds, strict=True):
            word = self._seen.get((text, kind))
            if word is None:
                word = weigh(text, kind, self._frequencies.get(text, 0), self._size)
                self._seen[(text, kind)] = word
            words.append(word)
        return tuple(words)
