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

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import HONORIFICS, is_common, word_set
from interdict.intel.extract.places import PLAIN

PARTICLES = word_set(
    "of and for de del della di da do dos das du des la le van von der den al el bin ibn "
    "bint abu y e ve"
)
# Particles that begin a name as readily as they join one: "Al Noor Crescent", "Bin Laden".
LEADING_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu"})
_ARABIC_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ul)-\w")
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
        token.upper_initial
        or (token.text[0].isdigit() and not token.text.isdigit())
        or (len(token.low) > 3 and _ARABIC_PREFIX.match(token.low) is not None)
        for token in sentence.tokens
    ]


def _name_word(sentence: Sentence, index: int) -> bool:
    token = sentence.tokens[index]
    if index in sentence.blocked:
        return False
    if sentence.caps:
        if not token.key or token.low.isdigit() or is_common(token.low) or token.low in HONORIFICS:
            return False
        place = sentence.places.get(index)
        return place is None or place.form is PLAIN
    first = token.text[0]
    if first.isupper():
        return True
    if first.isdigit():
        return not token.text.isdigit()
    return _ARABIC_PREFIX.match(token.low) is not None


def joined(sentence: Sentence, index: int) -> bool:
    """Whether ``tokens[index]`` follows the token before it inside one name."""
    tokens, text = sentence.tokens, sentence.text
    before = tokens[index - 1]
    if before.possessive:
        return False
    if _JOIN_GAP.match(text, before.end, tokens[index].start):
        return True
    initial = len(before.text) == 1 and before.text.isupper() and index > 1
    return initial and _INITIAL_GAP.match(text, before.end, tokens[index].start) is not None


def runs(sentence: Sentence) -> list[tuple[int, int]]:
    """The (start, end) token ranges of the sentence's runs of name words."""
    tokens = sentence.tokens
    found = []
    index, count = 0, len(tokens)
    while index < count:
        if not is_name_word(sentence, index):
            index += 1
            continue
        start = index
        index += 1
        while index < count and joined(sentence, index):
            if is_name_word(sentence, index):
                index += 1
            elif (
                tokens[index].low in PARTICLES
                and index + 1 < count
                and joined(sentence, index + 1)
                and is_name_word(sentence, index + 1)
            ):
                index += 2
            else:
                break
        found.append((start, index))
    return found
