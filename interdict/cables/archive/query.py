"""The search language, and its translation to FTS5 and to PostgreSQL tsquery.

A query is a list of terms, all of which must occur in a cable: a word
(``centrifuge``), a phrase in double quotes (``"front company"``), or a
word or phrase ending in ``*`` for a prefix (``turbo*``).  A word that
normalises to several (``FS-1`` is ``fs 1``) is a phrase.  Every term is
reduced to the index's words first (``interdict.cables.archive.words``), so
the two translations can quote them without escaping anything: they are
lower-case letters and digits only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.cables.archive.words import words

_TOKEN = re.compile(r'"([^"]*)"(\*?)|(\S+)')


class QueryError(ValueError):
    """A search that cannot run, with a message naming what to change."""


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False

    def needle(self) -> str:
        """The term as it occurs in index words padded with spaces (a prefix is open-ended)."""
        return " " + " ".join(self.words) + ("" if self.prefix else " ")

    def found_in(self, text: str) -> bool:
        """Whether the term occurs in ``text``, given as index words joined by spaces."""
        return self.needle() in f" {text} "


@dataclass(frozen=True, slots=True)
class TextQuery:
    text: str
    terms: tuple[Term, ...]

    def fts5(self) -> str:
        """FTS5 syntax: quoted phrases joined by AND, ``*`` after a prefix phrase."""
        return " AND ".join(
            '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "") for term in self.terms
        )

    def tsquery(self) -> str:
        """tsquery syntax: phrases with ``<->``, ``:*`` on the last word of a prefix."""
        parts = []
        for term in self.terms:
            pieces = list(term.words)
            if term.prefix:
                pieces[-1] += ":*"
            parts.append("(" + " <-> ".join(pieces) + ")")
        return " & ".join(parts)


def parse_query(text: str) -> TextQuery:
    terms: list[Term] = []
    for phrase, star, word in _TOKEN.findall(text):
        raw = phrase if phrase or star else word
        prefix = bool(star) or (not phrase and word.endswith("*"))
        found = words(raw.rstrip("*") if prefix else raw)
        if found:
            terms.append(Term(tuple(found), prefix))
    if not terms:
        raise QueryError(f"QUERY: {text!r} has no word to search for")
    return TextQuery(text, tuple(dict.fromkeys(terms)))
