"""Words of a sentence with their offsets, and whether the text is written in capitals.

Every later step reads tokens rather than characters: a name is a run of
tokens, a cue is the token before it, a place is a token sequence.  A token
keeps its joined punctuation ("S.A", "FS-1", "Turkish-based", "Iran's") so
that these stay one unit, and its ``key`` (lower-case ASCII letters and
digits only) is what names are compared by, so that "SHIG", "Shig" and
"S.H.I.G" meet.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from sys import intern

from interdict.parties.names.analysis import normalise

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+|[-./&][^\W_]+)*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LOWER_BYTES = string.ascii_lowercase.encode()
_UPPER_BYTES = string.ascii_uppercase.encode()
# Share of lower-case letters under which a portion counts as written in capitals.
_CAPS_SHARE = 0.1


class Token:
    """One word: where it is, as written, in lower case, and whether it is capitalised.

    A plain class with slots rather than a dataclass: a cable has a thousand
    tokens, and building them is the largest single cost of extraction.
    """

    __slots__ = ("end", "low", "start", "text", "upper_initial")

    def __init__(self, start: int, end: int, text: str, low: str, upper_initial: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low  # lower case, typographic apostrophes straightened
        self.upper_initial = upper_initial

    @property
    def key(self) -> str:
        """Lower-case ASCII letters and digits: what names are compared by."""
        return word_key(self.low)

    @property
    def possessive(self) -> bool:
        return self.low.endswith("'s")


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order.

    ``findall`` and ``str.find`` are used rather than match objects, which
    cost more than the rest: every letter and digit of the text belongs to
    a token, so the next occurrence of a token's text is the token itself.
    """
    found: list[Token] = []
    append = found.append
    position = 0
    for word in _TOKEN.findall(text):
        start = text.find(word, position)
        position = start + len(word)
        word = intern(word)  # analyses of sentences are remembered: one string per word
        low = word.lower()
        if "\u2019" in low:
            low = low.replace("\u2019", "'")
        low = word if low == word else intern(low)
        append(Token(start, position, word, low, word[0].isupper()))
    return found


@lru_cache(maxsize=16384)
def name_tokens(name: str) -> tuple[Token, ...]:
    """The tokens of a name, remembered: a cable names the same few parties again and again,
    and resolution reads each name many times.  Tokens are never changed once made."""
    return tuple(tokenize(name))


@lru_cache(maxsize=16384)
def name_keys(name: str) -> tuple[str, ...]:
    """The comparison keys of a name's words: "Ardalan Machineries" -> ("ardalan", ...)."""
    return tuple(token.key for token in name_tokens(name))


@lru_cache(maxsize=65536)
def word_key(low: str) -> str:
    """The comparison key of one lower-case word; non-ASCII words are transliterated."""
    if low.isascii():
        return _NOT_ALNUM.sub("", low)
    return normalise(low).replace(" ", "")


def words(text: str) -> list[str]:
    """The lower-case words of a name, as tokens give them."""
    return [match.group().lower().replace("\u2019", "'") for match in _TOKEN.finditer(text)]


def in_capitals(text: str) -> bool:
    """Whether a text is written in capitals: too few lower-case letters to go by.

    Counts ASCII letters by deleting them from the text's bytes, which is
    many times faster than matching them with an expression.
    """
    ascii_text = text.encode("ascii", "ignore")
    lower = len(ascii_text) - len(ascii_text.translate(None, _LOWER_BYTES))
    upper = len(ascii_text) - len(ascii_text.translate(None, _UPPER_BYTES))
    return upper > 0 and lower < _CAPS_SHARE * (lower + upper)
