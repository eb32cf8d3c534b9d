"""Legal forms at the end of a name: "S.A.", "Co., Ltd.", "Sdn. Bhd.", "K.K.", "LLC".

A legal form is the strongest sign that the words before it are a
company's name, so the extractor asks the tables the screening code
already trusts: rigour's org types (ISO 20275 and the OCCRP list) and
Interdict's own table of the forms rigour misses
(``data/parties/legal_forms.tsv``); then its own table of the forms cables
and lists use that neither knows (``data/intel/legal_forms.tsv``: "PJS",
"Est.", "FZ-Co", "S.A.L.").  The answer depends only on the words, so it is
cached: a corpus repeats the same few hundred forms.

"Est." is also an English abbreviation, so it counts only when written
with its full stop ("Trading Est.", not "EST" in a time zone).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files

from rigour.names import extract_org_types

from interdict.intel.extract.lexicon import FUNCTION_WORDS
from interdict.intel.extract.tokens import Token
from interdict.parties.names.analysis import normalise
from interdict.parties.names.vocabulary import legal_form_phrases

# Bare legal forms that are also English words: in capitals, "FOO AS A FRONT" is not "Foo A.S.".
_ENGLISH = frozenset({"as", "kg", "ab", "sac", "est"})
# Of those, the ones that are a legal form whenever their full stop is written: "Trading Est.".
_DOTTED = frozenset({"est"})
_MAX_WORDS = 5  # "S.A. de C.V." is five words
# Abbreviations in lower case that are no legal form though a table may hold their letters
# ("e.g." is also eG, a German cooperative).
_LATIN = frozenset({"e.g", "i.e", "cf", "viz", "a.m", "p.m", "et", "al", "approx", "etc"})
# Forms that usage writes in lower case after a capitalised name ("Barclays plc").
_LOWER_CASE_FORMS = frozenset({"plc"})
_TAIL_GAP = frozenset(
    {"", " ", ",", ", ", " ,", "&", " & ", " &", "& ", ".", ". ", ".,", "., ", " (", ") ", ")"}
)


@cache
def _cable_forms() -> frozenset[tuple[str, ...]]:
    """The forms of ``data/intel/legal_forms.tsv``, as word tuples."""
    text = (files("interdict.data") / "intel" / "legal_forms.tsv").read_text(encoding="utf-8")
    return frozenset(
        tuple(line.split("\t")[0].split())
        for line in text.splitlines()
        if line and not line.startswith("#")
    )


@lru_cache(maxsize=4096)
def is_legal_form(phrase: str, caps: bool = False) -> bool:
    """Whether ``phrase`` is one legal form and nothing else, e.g. ", S.A." or "Co., Ltd"."""
    normal = normalise(phrase)
    if not normal:
        return False
    if normal in _DOTTED:
        return phrase.rstrip(" ,").endswith(".")
    # "In" and "as" are words; only mixed-case text can show "AS" to be A.Ş.
    word = "." not in phrase.rstrip(".") and (normal in _ENGLISH or normal in FUNCTION_WORDS)
    if word and (caps or not phrase.strip(" ,").isupper() or normal not in _ENGLISH):
        return False
    words = tuple(normal.split())
    if words in legal_form_phrases() or words in _cable_forms():
        return True
    # rigour's table writes abbreviations with their final full stop ("sdn. bhd."), which
    # tokens leave out.
    for written in (phrase.lower(), phrase.lower() + "."):
        if any(normalise(found) == normal for found, _ in extract_org_types(written)):
            return True
    return False


def legal_tail(text: str, tokens: list[Token], after: int, caps: bool) -> int:
    """How many tokens from ``tokens[after]`` on form a legal form that ends a name (0 if none).

    Only short tokens separated by spaces, commas, "&" or full stops are
    tried, longest first; in mixed-case text the form must be capitalised
    or an abbreviation ("s.r.o."), so "Ardalan Machineries company" keeps
    its lower-case word out.
    """
    if after >= len(tokens) or (not caps and not _capitalised_form(tokens[after])):
        return 0
    limit = after
    while limit < len(tokens) and limit - after < _MAX_WORDS and len(tokens[limit].text) <= 12:
        gap = text[tokens[limit - 1].end : tokens[limit].start] if limit > after else ""
        if gap not in _TAIL_GAP:
            break
        limit += 1
    for end in range(limit, after, -1):
        if is_legal_form(_written(text, tokens[after].start, tokens[end - 1].end), caps):
            return end - after
    return 0


def _capitalised_form(token: Token) -> bool:
    """Whether a word can open a legal form in mixed-case text: capitalised, an abbreviation
    that is written in lower case ("s.r.o.", "d.o.o."), not a Latin one ("e.g.", "i.e."), or a
    form written in lower case by convention ("plc")."""
    return (
        token.upper_initial
        or ("." in token.text and token.low not in _LATIN)
        or token.low in _LOWER_CASE_FORMS
    )


def _written(text: str, start: int, end: int) -> str:
    """The form from ``start`` to ``end`` with the full stop written after it, if there is one
    (the stop tells "Est." from "EST"), and without a possessive ("Delmar LLC's owner")."""
    if text.endswith(("'s", "\u2019s"), start, end):
        return text[start : end - 2]
    return text[start : end + 1] if text[end : end + 1] == "." else text[start:end]


def legal_suffix(text: str, tokens: list[Token], start: int, end: int, caps: bool) -> int:
    """How many of the last tokens of ``tokens[start:end]`` are a legal form (0 if none)."""
    for size in range(min(3, end - start - 1), 0, -1):
        if is_legal_form(_written(text, tokens[end - size].start, tokens[end - 1].end), caps):
            return size
    return 0
