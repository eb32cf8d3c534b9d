"""Text as the full-text index sees it: lower-case ASCII words, nothing else.

Both backends index text that has been through this function, and queries
go through it too.  FTS5 and PostgreSQL tokenise raw text differently
(PostgreSQL's parser knows e-mail addresses, URLs, hyphenated words and
version numbers; FTS5 splits on every non-alphanumeric); on lower-case
ASCII words separated by spaces the two agree, which is what makes a word
query return the same cables on either.  Accents are folded ("Société"
finds "societe"), non-Latin words are transliterated, and there is no
stemming and there are no stop words, on either side.
"""

from __future__ import annotations

import re

from interdict.parties.names.translit import ascii_word

# Letters and digits, with the combining marks that case folding can leave (İ -> i + dot).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    if text.isascii():  # most cables: one pass, no per-word work
        return _ASCII_WORD.findall(text.lower())
    found = _WORD.findall(text.casefold())
    if all(word.isascii() for word in found):
        return found
    result: list[str] = []
    for word in found:
        if word.isascii():
            result.append(word)
        else:
            result.extend(_ASCII_WORD.findall(ascii_word(word)))
    return result


def index_text(text: str) -> str:
    return " ".join(words(text))
