"""The two word tables the matcher owns: legal forms rigour misses, and generic trade words.

Both live as TSV files under ``interdict/data/parties`` so that each entry
carries its language, meaning and public source, and so that users can read
exactly which words are treated specially.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from interdict.parties.names.translit import fold

_ARABIC = re.compile(r"[\u0600-\u06ff]")
# The article al- and the particles written joined to it or to the word (wa-, bi-, fa-, ka-, li-l).
_ARABIC_PROCLITIC = re.compile(r"^(?:[وبفك]?ال|لل|و)")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def table_rows(name: str) -> list[list[str]]:
    """The rows of one of the tables in ``interdict/data/parties``, comments left out."""
    text = (files("interdict.data") / "parties" / name).read_text(encoding="utf-8")
    return [
        line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


@cache
def legal_form_phrases() -> dict[tuple[str, ...], str]:
    """Legal-form phrase (as a word tuple) to its class, e.g. ``("a", "s") -> "jsc"``."""
    return {tuple(row[0].split()): row[1] for row in table_rows("legal_forms.tsv")}


@cache
def _phrase_pattern() -> re.Pattern[str]:
    """All table phrases as one pattern, longest first, tolerant of dots between words.

    Words must be separated (``a s`` matches "a.s." and "a s", never "as"),
    and a phrase must stand alone, not inside a longer word.
    """
    phrases = sorted(legal_form_phrases(), key=lambda p: (-len(p), -len(" ".join(p))))
    parts = [r"[\s.,]+".join(re.escape(word) for word in phrase) for phrase in phrases]
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")\.?(?![a-z0-9])")


def strip_table_phrases(text: str) -> tuple[str, list[str]]:
    """Remove every table phrase from lower-case ASCII text; the text and the classes found."""
    phrases = legal_form_phrases()
    found: list[str] = []

    def remove(match: re.Match[str]) -> str:
        found.append(phrases[tuple(re.findall(r"[a-z0-9]+", match.group(0)))])
        return " "

    return _phrase_pattern().sub(remove, text), found


@cache
def _term_patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, str]]:
    """Generic business terms of other languages as two patterns, longest first.

    Terms in Han, Kana or Hangul are found inside words, since those scripts
    write a name without spaces (烟台机械工业集团); all others only as whole words.
    Terms are folded as names are, so "ΟΜΙΛΟΣ" finds the row for "όμιλος".
    An Arabic term is found with or without the article and the particles
    written joined to it (الصناعات, للصناعات, والصناعات all hold صناعات), so
    the table needs one row per word, not one per way of writing it.  Each
    pattern is one alternation behind a single boundary test: a test per
    term made a name's lookup cost half a millisecond.
    """
    terms: dict[str, str] = {}
    for row in table_rows("generic_terms.tsv"):
        term = fold(row[0])
        terms.setdefault(_ARABIC_PROCLITIC.sub("", term) if _ARABIC.match(term) else term, row[1])
    ordered = sorted(terms, key=len, reverse=True)
    spaced = "|".join(re.escape(t) for t in ordered if not _UNSPACED.search(t))
    unspaced = "|".join(re.escape(t) for t in ordered if _UNSPACED.search(t))
    proclitic = _ARABIC_PROCLITIC.pattern[1:]
    return (
        re.compile(rf"(?<!\w){proclitic}?({spaced})(?!\w)") if spaced else None,
        re.compile(f"({unspaced})") if unspaced else None,
        terms,
    )


def translate_terms(text: str) -> str:
    """Replace generic business terms written in other languages with their English word.

    "گروه صنعتی شهید همت" becomes "group industrial شهید همت", which then
    meets "Shahid Hemmat Industrial Group" word for word; the English words
    are generic, so they still weigh little.
    """
    spaced, unspaced, terms = _term_patterns()

    def english(match: re.Match[str]) -> str:
        return f" {terms[match.group(1)]} "

    if spaced is not None:
        text = spaced.sub(english, text)
    if unspaced is not None and _UNSPACED.search(text):
        text = unspaced.sub(english, text)
    return text


@cache
def generic_words() -> frozenset[str]:
    """Trade words ("trading", "sanayi", "jituan") whose weight the matcher caps."""
    return frozenset(row[0] for row in table_rows("generic_words.tsv"))
