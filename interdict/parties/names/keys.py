"""Sound-alike and consonant keys for a word, and the letters a name may abbreviate.

They serve twice: as index keys, so that a query finds candidates whose
spelling differs, and as evidence in the comparison, so that the
explanation can say *why* "Youssef" was taken for "Yusuf".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.text import metaphone

from interdict.parties.names.analysis import NameForm

# Two or three adjacent words may be one word written apart ("Xue Jun Rui", "Xuejunrui"):
# the index files such runs and the alignment joins them, so both read this one constant.
RUN_SIZES = (2, 3)
_VOWELS = re.compile(r"[aeiouyw]+")
_REPEATS = re.compile(r"(.)\1+")
# Letters that one abjad letter is transliterated as in different conventions:
# Hebrew pe/fe and bet/vet, Arabic qaf as q or k, and c for k in older spellings.
_CONSONANT_CLASSES = str.maketrans({"p": "f", "v": "b", "q": "k", "c": "k"})
# Letters and digraphs that romanisations of Chinese and Korean write differently.
_LOOSE = {
    "zh": "j", "ch": "j", "q": "j",
    "hs": "s", "ts": "s", "tz": "s", "sh": "s", "x": "s", "z": "s", "c": "s",
    "b": "p", "d": "t", "g": "k", "r": "l",
    "eo": "o", "eu": "u", "oo": "u", "ee": "i", "ae": "e",
}  # fmt: skip
_LOOSE_LETTERS = re.compile("|".join(sorted(_LOOSE, key=len, reverse=True)))


@lru_cache(maxsize=500_000)
def phonetic(word: str) -> str:
    """Metaphone code, or "" for words too short or too numeric to sound like anything."""
    if len(word) < 3 or not word.isalpha():
        return ""
    return metaphone(word)


@lru_cache(maxsize=500_000)
def skeleton(word: str) -> str:
    """The consonants, as an abjad writes them: no vowels, no doubled letters.

    ``shahid`` and ``shhyd`` (from شهید) share ``shd``; ``hemmat`` and
    ``hmt`` (from همت) share ``hmt``.  ``w`` and ``y`` count as vowels
    because Arabic and Hebrew use those letters to write long vowels, and
    ``sh`` counts as ``s`` because ICU writes Hebrew shin as ``s`` but
    Arabic shin as ``sh``.
    """
    if not word.isalpha():
        return ""
    spelled = word.replace("sh", "s").replace("ph", "f").translate(_CONSONANT_CLASSES)
    consonants = _VOWELS.sub("", spelled)
    return _REPEATS.sub(r"\1", consonants)


@lru_cache(maxsize=500_000)
def loose_romanisation(text: str) -> str:
    """A romanised Chinese, Korean or Japanese name with the letters its systems disagree on merged.

    Pinyin writes voiced letters where Wade-Giles writes unaspirated voiceless
    ones (Zhu and Chu, Bin and Pin, Guo and Kuo), and so do Revised and
    McCune-Reischauer Korean (Gim and Kim, Bag and Pak, Jeong and Chong); the
    Korean vowels eo and eu are written o and u by the older system and
    informally, as is u as oo and i as ee (Soon, Lee).  Merging them lets
    one key reach every writing of the name; the comparison still tells
    exact and merely similar spellings apart.
    """
    merged = _LOOSE_LETTERS.sub(lambda match: _LOOSE[match.group(0)], text)
    return _REPEATS.sub(r"\1", merged)


def acronym_query(form: NameForm) -> str | None:
    """The letters of a name that could itself be an acronym: one short all-letter word.

    Only a name written in an alphabet can be: a word from an abjad is its
    consonants (جبد is "jbd", a name, not J. B. D.), and one from Han, Hangul
    or Kana is syllables.
    """
    if form.script.is_abjad or form.script.is_syllabic:
        return None
    content = form.content
    if len(content) == 1 and 3 <= len(content[0]) <= 8 and content[0].isalpha():
        return content[0]
    if len(content) >= 3 and all(len(t) == 1 for t in content):
        return "".join(content)  # dotted: "S.H.I.G." arrives as four letters
    return None
