"""A cable as the extractor reads it: portions cut into sentences, each tokenised once.

The sentence is the unit every pattern works in and that provenance
quotes; the portion is the unit that carries a marking.  Whether a text is
written in capitals is decided per portion, since one all-capitals
sentence in a mixed-case portion (a quoted heading) says nothing about the
rest, while the sentences of an all-capitals cable are all alike.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from interdict.cables.portions import Portion, portions
from interdict.cables.record import Cable
from interdict.intel.extract.lexicon import NON_PARTY_SPANS
from interdict.intel.extract.places import Place, place_at
from interdict.intel.extract.sentences import split_sentences
from interdict.intel.extract.tokens import Token, in_capitals, tokenize


@dataclass(slots=True)
class Sentence:
    index: int  # position in the cable, counting every sentence of every portion
    portion: Portion
    start: int  # offsets in the portion's text
    end: int
    text: str
    lower: str
    caps: bool
    tokens: list[Token]
    places: dict[int, Place] = field(default_factory=dict)  # by the token each starts at
    blocked: frozenset[int] = frozenset()  # tokens of regimes, UN bodies and US offices
    starts: list[int] = field(default_factory=list)  # each token's start, for bisection
    name_words: list[bool] | None = None  # per token, filled in by ``runs.is_name_word``
    deferred: bool = False  # whether names found elsewhere may change what this one holds
    titles: set[int] | None = None  # tokens a title or office starts at, by ``persons``

    def __post_init__(self) -> None:
        self.starts = [token.start for token in self.tokens]

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
# looking for them is much cheaper than running the expression.
_SPAN_WORDS = re.compile(
    "wassenaar|suppliers|missile|australia|zangger|weapons|security|nations|atomic|european|"
    "proliferation|panel|committee|government|embassy|mission|consulate|department|white house"
)


def _blocked(text: str, lower: str, tokens: list[Token]) -> frozenset[int]:
    if _SPAN_WORDS.search(lower) is None:
        return frozenset()
    spans = [match.span() for match in NON_PARTY_SPANS.finditer(text)]
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
            text = portion.text[start:end]
            lower = _lower(text)
            tokens = tokenize(text)
            places = {}
            for index, token in enumerate(tokens):
                if caps or token.upper_initial:
                    place = place_at(tokens, index, caps)
                    if place is not None:
                        places[index] = place
            sentences.append(
                Sentence(
                    len(sentences),
                    portion,
                    start,
                    end,
                    text,
                    lower,
                    caps,
                    tokens,
                    places,
                    _blocked(text, lower, tokens),
                )
            )
    return sentences
