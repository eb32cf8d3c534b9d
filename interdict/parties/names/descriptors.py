"""Descriptor words of organisation names: what rigour's symbols say a word means.

An organisation's name is its identifying words ("Shahid Hemmat", "Mesbah")
and words that describe it ("Industrial Group", "Energy", "Trading").  The
describing words are written in many ways: abbreviated ("Ind. Grp",
"Int'l", "Engg"), or in another language ("Grupo", "Группа").  rigour, the
name library OpenSanctions' matchers use, tags them with descriptor symbols
(``SYMBOL:GRP``, ``DOMAIN:ENERGY``) from its ``symbols.yml``; Interdict reads
a word's symbols once, and:

* writes an abbreviation as the word it abbreviates, so "grp" meets "group"
  and "telecom" meets "telecommunications" word for word (only short forms,
  and forms the full word begins with, are rewritten: two full words of one
  domain, "aerospace" and "aviation", stay apart, since they name different
  bodies as often as not);
* counts every word with a descriptor symbol as a describing word, so that
  it weighs little and two names whose describing words differ ("Mesbah
  Trading" and "Mesbah Energy") can be told apart (see ``match.names``).

Abbreviations rigour does not know come from ``abbreviations.tsv``, each
with its public source.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rigour.names import NameTypeTag, analyze_names

from interdict.parties.names.vocabulary import table_rows

# The symbol categories that describe an organisation (others are legal forms,
# initials, numbers, places and the like).
_DESCRIBING = ("SYMBOL:", "DOMAIN:")
# An abbreviation is short; a longer word carrying a symbol is a full word of its own.
_ABBREVIATION_LENGTH = 5
# The full word each descriptor symbol is written as, when the name abbreviates it.
_FULL_WORDS = {
    "ORG": "organization",
    "GRP": "group",
    "INTL": "international",
    "INDUSTRY": "industries",
    "MANUFACTURING": "manufacturing",
    "TECH": "technology",
    "ENG": "engineering",
    "ASSOC": "association",
    "INSTITUTE": "institute",
    "UNIVERSITY": "university",
    "DEPT": "department",
    "CENTER": "center",
    "BROS": "brothers",
    "TRADE": "trading",
    "DEV": "development",
    "FDN": "foundation",
    "MGMT": "management",
    "NATL": "national",
    "TV": "television",
    "COMMS": "telecommunications",
    "TRANSPORT": "transportation",
    "AIRLINE": "airlines",
}


@cache
def _table() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The supplementary abbreviations as one pattern over text that still has its dots."""
    rows = table_rows("abbreviations.tsv")
    full = {row[0]: row[1] for row in rows}
    parts = [re.escape(row[0]) + (r"\." if row[2] == "required" else r"\.?") for row in rows]
    if not parts:
        return None, full
    return re.compile(r"(?<![a-z0-9])(" + "|".join(parts) + r")(?![a-z0-9])"), full


def expand_abbreviations(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Lower-case ASCII text with the table's abbreviations written out, and what was."""
    pattern, full = _table()
    if pattern is None:
        return text, ()
    found: list[tuple[str, str]] = []

    def write_out(match: re.Match[str]) -> str:
        written = match.group(1)
        word = full[written.rstrip(".")]
        found.append((written, word))
        return word

    return pattern.sub(write_out, text), tuple(found)


@lru_cache(maxsize=200_000)
def symbols(word: str) -> tuple[str, ...]:
    """The descriptor symbols rigour gives one lower-case word (``("SYMBOL:GRP",)``)."""
    found: set[str] = set()
    for name in analyze_names(
        NameTypeTag.ORG, [word], phonetics=False, numerics=False, consolidate=False
    ):
        for span in name.spans:
            category = str(span.symbol.category).rsplit(".", 1)[-1]
            tag = f"{category}:{span.symbol.id}"
            if len(span.parts) == 1 and tag.startswith(_DESCRIBING):
                found.add(tag)
    return tuple(sorted(found))


@lru_cache(maxsize=200_000)
def full_word(word: str) -> str:
    """The word an abbreviation stands for ("grp" -> "group", "telecom" ->
    "telecommunications"), or the word itself.  A word is taken for an abbreviation
    when it is short, or when the full word begins with it."""
    for tag in symbols(word):
        full = _FULL_WORDS.get(tag.split(":", 1)[1])
        if full is not None and (len(word) <= _ABBREVIATION_LENGTH or full.startswith(word)):
            return full
    return word


def is_describing(word: str) -> bool:
    return bool(symbols(word))
