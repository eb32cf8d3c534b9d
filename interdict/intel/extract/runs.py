"""Runs of name words: the candidates every name is cut from.

In mixed-case text a name word is a capitalised word (or "al-Anbiya",
"7th"); in all-capitals text it is any word that is not a function word,
verb, month, number or cue noun, since capitals say nothing there.
Particles ("of", "and", "al", "bin", "ve") join two name words, and a
single-letter initial with its full stop ("Anil D. Kulkarni") stays inside
the run.  Regimes, UN bodies and US offices (``Sentence.blocked``) are never
name words, so "Missile Technology Control Regime" cannot leave "Missile
Technology" behind.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import HONORIFICS, RIGHT_HEADS, is_common, word_set
from interdict.intel.extract.places import PLAIN

PARTICLES = word_set(
    "of and for de del della di da do dos das du des la le van von der den al el bin ibn "
    "bint abu y e ve"
)
# Particles that begin a name as readily as they join one: "Al Noor Crescent", "Bin Laden".
LEADING_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu"})
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ul)-\w")
# Abbreviations that open a place's name with their full stop: "St. Petersburg", "Mt. Hermon".
_SAINTS = frozenset({"st", "ste", "mt", "ft"})
_JOIN_GAP = re.compile(r"\s*&?\s*\Z")
_INITIAL_GAP = re.compile(r"\.\s*\Z")


def is_name_word(sentence: Sentence, index: int) -> bool:
    """Whether ``tokens[index]`` can be part of a name (worked out once per sentence)."""
    flags = sentence.name_words
    if flags is None:
        flags = sentence.name_words = _name_words(sentence)
    return flags[index]


def _name_words(sentence: Sentence) -> list[bool]:
    if sentence.caps or sentence.blocked:
        return [_name_word(sentence, k) for k in range(len(sentence.tokens))]
    # Mixed case without blocked words, the common case: capitals decide, in one pass.
    return [
        (
            token.upper_initial
            or (token.text[0].isdigit() and _numbered(token.text))
            or (len(token.low) > 3 and _ARABIC_PREFIX.match(token.low) is not None)
        )
        and (token.text.isascii() or _lettered(token.text))
        for token in sentence.tokens
    ]


def _name_word(sentence: Sentence, index: int) -> bool:
    token = sentence.tokens[index]
    if index in sentence.blocked or not (token.text.isascii() or _lettered(token.text)):
        return False
    if sentence.caps:
        if not token.key or (token.low[0].isdigit() and not _numbered(token.low)):
            return False
        place = sentence.places.get(index)
        if place is not None:
            return place.form is PLAIN  # "LIAONING", though it ends in -ing
        # "ORGANIZATION" ends a name in capitals, though it is a cue too
        common = is_common(token.low) and token.low not in RIGHT_HEADS
        return not common and token.low not in HONORIFICS
    first = token.text[0]
    if first.isupper():
        return True
    if first.isdigit():
        return _numbered(token.text)
    return _ARABIC_PREFIX.match(token.low) is not None


def _numbered(text: str) -> bool:
    """A word that opens with a digit and is part of a name ("7th", "4Star"): not a number."""
    return not text.isdigit() and text.isascii()


@lru_cache(maxsize=4096)
def _lettered(text: str) -> bool:
    """Whether a word outside ASCII is made of letters and digits, without a vulgar fraction or
    a superscript ("A¼"), which no name holds and which transliteration reads differently in
    different company."""
    return not any(unicodedata.category(char) == "No" for char in text)


def joined(sentence: Sentence, index: int) -> bool:
    """Whether ``tokens[index]`` follows the token before it inside one name."""
    tokens, text = sentence.tokens, sentence.text
    before = tokens[index - 1]
    if before.possessive:
        return False
    if _JOIN_GAP.match(text, before.end, tokens[index].start):
        return True
    initial = len(before.text) == 1 and before.text.isupper() and index > 1
    initial = initial or before.low in _SAINTS  # "St. Petersburg"
    return initial and _INITIAL_GAP.match(text, before.end, tokens[index].start) is not None


def runs(sentence: Sentence) -> list[tuple[int, int]]:
    """The (start, end) token ranges of the sentence's runs of name words (worked out once)."""
    found = sentence.runs
    if found is None:
        found = sentence.runs = _runs(sentence)
    return found


def _runs(sentence: Sentence) -> list[tuple[int, int]]:
    tokens = sentence.tokens
    flags = sentence.name_words
    if flags is None:
        flags = sentence.name_words = _name_words(sentence)
    found = []
    index, count = 0, len(tokens)
    while index < count:
        if not flags[index]:
            index += 1
            continue
        start = index
        index += 1
        while index < count and joined(sentence, index):
            if flags[index]:
                index += 1
            elif (
                tokens[index].low in PARTICLES
                and index + 1 < count
                and flags[index + 1]
                and joined(sentence, index + 1)
            ):
                index += 2
            else:
                break
        found.append((start, index))
    return found
