"""Sound-alike and consonant keys for a word, and the acronyms a name can be known by.

They serve twice: as index keys, so that a query finds candidates whose
spelling differs, and as evidence in the comparison, so that the
explanation can say *why* "Youssef" was taken for "Yusuf".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.text import metaphone

from interdict.parties.names.analysis import GENERIC, NUMBER, WORD, NameForm

_VOWELS = re.compile(r"[aeiouyw]+")
_REPEATS = re.compile(r"(.)\1+")
# Letters that one abjad letter is transliterated as in different conventions:
# Hebrew pe/fe and bet/vet, Arabic qaf as q or k, and c for k in older spellings.
_CONSONANT_CLASSES = str.maketrans({"p": "f", "v": "b", "q": "k", "c": "k"})


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


def acronyms(form: NameForm) -> set[str]:
    """Initialisms a multi-word name may be abbreviated to, with and without its stop words.

    "Shahid Hemmat Industrial Group" gives ``shig``; "Organisation of Defensive
    Innovation" gives both ``odi`` and ``oodi``.  Fewer than three letters
    would match far too much to be worth a candidate.
    """
    found: set[str] = set()
    with_stops = "".join(
        [t[0] for t, k in zip(form.tokens, form.kinds, strict=True) if k is not NUMBER]
    )
    without = "".join(
        [t[0] for t, k in zip(form.tokens, form.kinds, strict=True) if k is WORD or k is GENERIC]
    )
    for initials in (with_stops, without):
        if len(initials) >= 3:
            found.add(initials)
    return found


def acronym_query(form: NameForm) -> str | None:
    """The letters of a name that could itself be an acronym: one short all-letter word."""
    content = form.content
    if len(content) == 1 and 3 <= len(content[0]) <= 8 and content[0].isalpha():
        return content[0]
    if len(content) >= 3 and all(len(t) == 1 for t in content):
        return "".join(content)  # dotted: "S.H.I.G." arrives as four letters
    return None
