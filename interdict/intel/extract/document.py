"""A cable as the extractor reads it: portions cut into sentences, each tokenised once.

The sentence is the unit every pattern works in and that provenance
quotes; the portion is the unit that carries a marking.  Whether a text is
written in capitals is decided per portion, since one all-capitals
sentence in a mixed-case portion (a quoted heading) says nothing about the
rest, while the sentences of an all-capitals cable are all alike.

What a sentence's text alone decides (its tokens, places, runs of name
words, the names it gives with evidence) is worked out once per text and
shared by every sentence with that text, in this cable or a later one
(``Analysis``): cables repeat paragraphs and sentences, and reading them
again was most of the cost of extraction.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from interdict.cables.portions import Portion, portions
from interdict.cables.record import Cable
from interdict.intel.extract.lexicon import NON_PARTY_SPANS
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.places import Place, place_at
from interdict.intel.extract.sentences import split_sentences
from interdict.intel.extract.tokens import Token, in_capitals, tokenize

if TYPE_CHECKING:
    from interdict.intel.extract.goods import Term


class Analysis:
    """What a sentence's text alone decides: its tokens, places, blocked words, runs of name
    words, title words and the names it gives with evidence of their own.

    Cables repeat sentences ("Department thanks Post for its assistance",
    the same talking points sent to several posts), and all of this depends
    on the text and on whether its portion is in capitals only, so it is
    worked out once per text and shared by every sentence that has it
    (``analysis``).  Nothing in it changes once worked out.
    """

    __slots__ = (
        "blocked",
        "caps",
        "deferred",
        "goods",
        "keys",
        "lower",
        "name_words",
        "names",
        "places",
        "runs",
        "starts",
        "text",
        "titles",
        "tokens",
    )

    def __init__(self, text: str, caps: bool) -> None:
        self.text = text
        self.caps = caps
        self.lower = _lower(text)
        self.tokens = tokenize(text)
        self.starts = [token.start for token in self.tokens]
        self.places: dict[int, Place] = {}  # by the token each starts at
        for index, token in enumerate(self.tokens):
            if caps or token.upper_initial:
                place = place_at(self.tokens, index, caps)
                if place is not None:
                    self.places[index] = place
        # tokens of regimes, UN bodies and US offices
        self.blocked = _blocked(text, self.lower, self.tokens)
        self.name_words: list[bool] | None = None  # per token, by ``runs.is_name_word``
        self.runs: list[tuple[int, int]] | None = None  # the runs of name words, by ``runs``
        self.titles: set[int] | None = None  # tokens a title or office starts at, by ``persons``
        self.deferred = False  # whether names found elsewhere may change what this one holds
        self.names: list[Mention] | None = None  # the names found with evidence, by ``names``
        # the words a later mention of a name can start at, with their keys, by ``resolve``
        self.keys: tuple[list[str], list[int]] | None = None
        self.goods: list[tuple[int, Term, int]] | None = None  # goods terms, by ``goods``


@lru_cache(maxsize=16384)
def analysis(text: str, caps: bool) -> Analysis:
    """The analysis of a sentence's text, shared by every sentence with that text."""
    return Analysis(text, caps)


class Sentence:
    """One sentence of one cable: where it is, and the analysis of its text."""

    __slots__ = (
        "blocked",
        "caps",
        "end",
        "index",
        "lower",
        "places",
        "portion",
        "shared",
        "start",
        "starts",
        "text",
        "tokens",
    )

    def __init__(self, index: int, portion: Portion, start: int, end: int, shared: Analysis):
        self.index = index  # position in the cable, counting every sentence of every portion
        self.portion = portion
        self.start = start  # offsets in the portion's text
        self.end = end
        self.shared = shared
        self.text, self.lower, self.caps = shared.text, shared.lower, shared.caps
        self.tokens, self.starts = shared.tokens, shared.starts
        self.places, self.blocked = shared.places, shared.blocked

    @property
    def name_words(self) -> list[bool] | None:
        return self.shared.name_words

    @name_words.setter
    def name_words(self, value: list[bool]) -> None:
        self.shared.name_words = value

    @property
    def runs(self) -> list[tuple[int, int]] | None:
        return self.shared.runs

    @runs.setter
    def runs(self, value: list[tuple[int, int]]) -> None:
        self.shared.runs = value

    @property
    def titles(self) -> set[int] | None:
        return self.shared.titles

    @titles.setter
    def titles(self, value: set[int]) -> None:
        self.shared.titles = value

    @property
    def deferred(self) -> bool:
        return self.shared.deferred

    @deferred.setter
    def deferred(self, value: bool) -> None:
        self.shared.deferred = value

    def token_at(self, position: int) -> int | None:
        """The index of the token that starts at character ``position``, if one does."""
        index = bisect_left(self.starts, position)
        if index < len(self.tokens) and self.tokens[index].start == position:
            return index
        return None

    def place_covering(self, index: int) -> tuple[int, Place] | None:
        """The place phrase that token ``index`` is part of, with the token it starts at."""
        for start in range(index, max(-1, index - 4), -1):
            place = self.places.get(start)
            if place is not None and start + place.length > index:
                return start, place
        return None


# Words one of which every phrase of ``NON_PARTY_SPANS`` holds; most sentences have none, and
# looking for them (a substring test each) is much cheaper than running the expression.
_SPAN_WORDS = (
    *("wassenaar", "suppliers", "missile", "australia", "zangger", "weapons", "security"),
    *("nations", "atomic", "european", "proliferation", "panel", "committee", "government"),
    *("embassy", "mission", "consulate", "department", "white"),
)
# The same expression without IGNORECASE, for the lower-case text: the same spans, faster.
_SPANS_IN_LOWER = re.compile(NON_PARTY_SPANS.pattern, re.VERBOSE)


def _blocked(text: str, lower: str, tokens: list[Token]) -> frozenset[int]:
    if not any(word in lower for word in _SPAN_WORDS):
        return frozenset()
    spans = [match.span() for match in _SPANS_IN_LOWER.finditer(lower)]
    if not spans:
        return frozenset()
    return frozenset(
        index
        for index, token in enumerate(tokens)
        if any(start <= token.start < end for start, end in spans)
    )


def _lower(text: str) -> str:
    """Lower case with every character kept in place: patterns matched on it give offsets into
    the text ("İ".lower() is two characters)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def read_cable(cable: Cable) -> list[Sentence]:
    sentences: list[Sentence] = []
    for portion in portions(cable):
        caps = in_capitals(portion.text)
        for start, end in split_sentences(portion.text):
            shared = analysis(portion.text[start:end], caps)
            sentences.append(Sentence(len(sentences), portion, start, end, shared))
    return sentences
