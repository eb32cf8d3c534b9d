"""Legal forms at the end of a name: "S.A.", "Co., Ltd.", "Sdn. Bhd.", "K.K.", "LLC".

A legal form is the strongest sign that the words before it are a
company's name, so the extractor asks two tables the screening code
already trusts: rigour's org types (ISO 20275 and the OCCRP list) and
Interdict's own table of the forms rigour misses (``legal_forms.tsv``).
The answer depends only on the words, so it is cached: a corpus repeats
the same few hundred forms.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.names import extract_org_types

from interdict.intel.extract.lexicon import FUNCTION_WORDS
from interdict.intel.extract.tokens import Token
from interdict.parties.names.analysis import normalise
from interdict.parties.names.vocabulary import legal_form_phrases

# Bare legal forms that are also English words: in capitals, "FOO AS A FRONT" is not "Foo A.S.".
_ENGLISH = frozenset({"as", "kg", "ab", "sac", "est"})
_MAX_WORDS = 4
_TAIL_GAP = frozenset(
    {"", " ", ",", ", ", " ,", "&", " & ", " &", "& ", ".", ". ", ".,", "., ", " (", ") ", ")"}
)


@lru_cache(maxsize=4096)
def is_legal_form(phrase: str, caps: bool = False) -> bool:
    """Whether ``phrase`` is one legal form and nothing else, e.g. ", S.A." or "Co., Ltd"."""
    normal = normalise(phrase)
    if not normal:
        return False
    # "In" and "as" are words; only mixed-case text can show "AS" to be A.Ş.
    word = "." not in phrase and (normal in _ENGLISH or normal in FUNCTION_WORDS)
    if word and (caps or not phrase.strip(" ,").isupper() or normal not in _ENGLISH):
        return False
    if tuple(normal.split()) in legal_form_phrases():
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
    tried, longest first; in mixed-case text the form must be capitalised,
    so "Ardalan Machineries company" keeps its lower-case word out.
    """
    if after >= len(tokens) or (not caps and not tokens[after].upper_initial):
        return 0
    limit = after
    while limit < len(tokens) and limit - after < _MAX_WORDS and len(tokens[limit].text) <= 12:
        gap = text[tokens[limit - 1].end : tokens[limit].start] if limit > after else ""
        if gap not in _TAIL_GAP:
            break
        limit += 1
    for end in range(limit, after, -1):
        if is_legal_form(text[tokens[after].start : tokens[end - 1].end], caps):
            return end - after
    return 0


def legal_suffix(text: str, tokens: list[Token], start: int, end: int, caps: bool) -> int:
    """How many of the last tokens of ``tokens[start:end]`` are a legal form (0 if none)."""
    for size in range(min(3, end - start - 1), 0, -1):
        if is_legal_form(text[tokens[end - size].start : tokens[end - 1].end], caps):
            return size
    return 0
