"""Numbers written as words or ordinals, read as the digits another list writes.

"Brigade Forty-Four" and "Brigade 44", "1st International Bank" and "First
International Bank", "Three Percenters" and "3 Percenters" are one name each.
A number must still agree exactly ("Brigade 44" is not "Brigade 45"), so the
words become digits and the comparison of numbers stays strict.  Only English
is read: the lists write other languages' numbers as digits or transliterate
them, and a guess at an unknown language would turn names into numbers.  People's
names are left as they are ("First" or "Nine" there are more likely names).
"""

from __future__ import annotations

import re

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINAL_TENS = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
]

_VALUES: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS)},
    **{word: value for value, word in enumerate(_ORDINAL_UNITS)},
    **{word: 20 + 10 * i for i, word in enumerate(_TENS)},
    **{word: 20 + 10 * i for i, word in enumerate(_ORDINAL_TENS)},
}
_TEN_WORDS = frozenset(_TENS)
_ORDINALS = frozenset(_ORDINAL_UNITS) | frozenset(_ORDINAL_TENS)
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
# "1st", "2nd", "23rd", "4th": the digits are the number.
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def read_numbers(words: list[str]) -> list[str]:
    """The words with each number word, compound ("forty four") or ordinal as its digits.

    An ordinal keeps its suffix ("First" and "1st" are ``1st``), so that "First Bank" does
    not become "One Bank".  Number words are numbers wherever they stand: the same reading
    on both sides of a comparison keeps them equal, and only digits meet digits."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        ordinal = _DIGIT_ORDINAL.fullmatch(word)
        if ordinal is not None:
            out.append(_ordinal(int(ordinal.group(1))))
        elif word in _VALUES:
            value = _VALUES[word]
            is_ordinal = word in _ORDINALS
            following = words[i + 1] if i + 1 < len(words) else ""
            if word in _TEN_WORDS and (_VALUES.get(following, 10) < 10 or _single_digit(following)):
                value += _VALUES[following] if following in _VALUES else int(following)
                is_ordinal = following in _ORDINALS
                i += 1
            out.append(_ordinal(value) if is_ordinal else str(value))
        else:
            out.append(word)
        i += 1
    return out


def is_written_ordinal(word: str) -> bool:
    """``1st``, ``23rd``: an ordinal in digits, which is a number, not a word with digits."""
    return _DIGIT_ORDINAL.fullmatch(word) is not None


def _ordinal(value: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``21st``, as lists write them in digits."""
    suffix = "th" if value % 100 in (11, 12, 13) else _SUFFIXES.get(value % 10, "th")
    return f"{value}{suffix}"


def _single_digit(word: str) -> bool:
    return len(word) == 1 and word.isdigit() and word != "0"
