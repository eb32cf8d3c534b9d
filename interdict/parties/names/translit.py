"""Transliteration to lower-case ASCII, one word at a time and cached.

rigour's ``ascii_text`` drives ICU's transliterators, which cost around a
hundred microseconds per non-Latin call on a small VM.  Names repeat their
words far more than they repeat whole, so caching per word makes building
an index of millions of names affordable.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.text import ascii_text

# ICU writes the Arabic ayn and hamza, and the Hebrew ayin, as an apostrophe
# or a question mark.  They are letters of the word, not separators: سعيد is
# one word, ``sa'id`` -> ``said``, never ``s`` and ``yd``.
_GLOTTAL_MARKS = re.compile(r"['`?ʿʾ‘’]")


@lru_cache(maxsize=500_000)
def ascii_word(word: str) -> str:
    """One whitespace-free chunk of text as lower-case ASCII (may contain spaces for Han)."""
    if word.isascii():
        return word.lower()
    return _GLOTTAL_MARKS.sub("", ascii_text(word)).lower()


# Marks that writers drop at will.  Hebrew abbreviations are marked with
# gershayim (״), which keyboards replace with a plain double quote (rigour knows
# בע"מ, not בע״מ); Greek names in capitals are written without their stress
# accents ("ΟΜΙΛΟΣ" for "Όμιλος").
_OPTIONAL_MARKS = str.maketrans(
    {"\u05f4": '"'} | dict(zip("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ", strict=True))
)


def fold(text: str) -> str:
    """Unicode compatibility form, case folding, and no optional marks: first for every name."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_OPTIONAL_MARKS)
