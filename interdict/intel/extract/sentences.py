"""Sentences of a portion, as offsets into its text.

Provenance quotes the sentence that states a fact, and most patterns look
no further than one sentence, so the split must survive what cables are
full of: abbreviations that end in a full stop (Co., S.A., Mr., U.S.,
Sdn. Bhd.), initials (A. Q. Khan), "--" bullet points, and blank-line
breaks.  An abbreviation ends a sentence only when the next word is one
that opens sentences ("... Maquinaria CME, S.A. The company ..."); a title
(Mr., Dr., Gen.) or an initial never does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from interdict.intel.extract.legal import is_legal_form
from interdict.intel.extract.lexicon import DISCOURSE, FUNCTION_WORDS, VERBS, word_set

# A blank line, or a bullet that follows a sentence's end on the same line.
_BLOCK_BREAK = re.compile(r"\n\s*\n|(?<=[.:;!?])\s+--+\s+")
_BULLET = re.compile(r"\s*(?:--+|[-*\u2022])\s+")
_END = re.compile(r"[.!?]+[\"')\]\u201d\u2019]*\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])")
_FIRST_WORD = re.compile(r"[\"'(\[\u201c\u2018]?([A-Za-z][A-Za-z.&]*)")

# Never end a sentence: titles before a name, and abbreviations that run on.
_NEVER = word_set("""
    mr mrs ms messrs dr prof gen col lt maj capt adm brig sgt cdr cmdr eng engr amb sen rep
    gov pres st vol e.g i.e a.k.a cf viz fig figs approx
    """)
_NUMBER_SIGNS = frozenset({"no", "nos"})
# End a sentence only when a sentence-opening word follows.
_MAYBE = word_set("""
    co corp inc ltd bhd sdn pvt mfg intl dept govt etc est vs jr sr ref para paras
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)
_MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# A verb in the past tense ("SHIPPED", "ORDERED"), which follows its subject.
_PAST = re.compile(r"^[a-z]{3,}ed$")
# Words that never open a sentence: "Co. of Dubai", "Inc. and", "U.S. to".
_CONTINUING = word_set("of and or nor for to with by from into onto upon than per via plus")
# Auxiliaries follow a subject and never open a statement: "THE U.S. HAS INFORMATION", "TABESH
# KALA CO. IS A SUBORDINATE OF ...".
_AUXILIARIES = word_set("""
    is are was were be been being am has have had having do does did doing done can could
    will would shall should may might must
    """)
# After a legal form in capitals, these continue the sentence too: "INC. IN JULY".
_JOINING = _CONTINUING | _AUXILIARIES | frozenset({"in", "on", "at", "as"})
# Words that open sentences, after an abbreviation that is not a legal form ("U.S. The").
_OPENERS = (FUNCTION_WORDS | DISCOURSE) - _CONTINUING - _AUXILIARIES


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in ``text``, bullets and surrounding space left out.

    Remembered by text: cables repeat paragraphs (talking points sent to
    several posts, the closing courtesies).
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for brk in _BLOCK_BREAK.finditer(text):
        _split_block(text, block_start, brk.start(), spans)
        block_start = brk.end()
    _split_block(text, block_start, len(text), spans)
    return tuple(spans)


def _split_block(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    begin = start
    for stop in _END.finditer(text, start, end):
        if _ends_here(text, begin, stop.start(), stop.end()):
            _add(text, begin, stop.end(), spans)
            begin = stop.end()
    _add(text, begin, end, spans)


def _ends_here(text: str, begin: int, period: int, following: int) -> bool:
    """Whether the full stop at ``period`` ends the sentence that began at ``begin``."""
    if text[period] != ".":
        return True
    space = max(text.rfind(" ", begin, period), text.rfind("\n", begin, period))
    word = text[max(space + 1, begin) : period].lstrip("([\"'").lower()
    if not word:
        return True
    if word in _NEVER or (len(word) == 1 and word.isalpha()):
        return False
    if word in _NUMBER_SIGNS:
        return not text[following : following + 1].isdigit()
    if word in _MONTH_ABBREVIATIONS and text[following : following + 1].isdigit():
        return False  # "in Sept. 2007", "on Jan. 12": a date goes on
    nxt = _FIRST_WORD.match(text, following)
    if nxt is None:
        return True
    after = nxt.group(1).rstrip(".")
    if after[:1].isupper() and is_legal_form(after):
        return False  # "Co. Ltd.", "Pte. Ltd.", "CO. L.L.C.": one legal form
    if is_legal_form(word):
        return _after_legal_form(text[following : following + 1], after)
    if word in _MAYBE or "." in word:
        return after.lower() in _OPENERS
    return True


def _after_legal_form(first: str, word: str) -> bool:
    """Whether a legal form's full stop ends the sentence, judged by the word after it.

    Another legal form continues the name ("Co. Ltd.", "Pte. Ltd."); a bracket
    or a lower-case word continues the sentence ("S.A. of machine tools",
    "(Huaxin)"); in capitals, a preposition or conjunction does too ("CO. OF
    DUBAI", "INC. AND"), and so does a verb ("CO., LTD. SOLD", "LTD. SHIPPED"),
    since a statement opens with its subject; any other capitalised word
    starts a new sentence.
    """
    if not first.isalpha() or not word[:1].isupper():
        return False
    if word.isupper() and len(word) > 1:
        low = word.lower()
        return low not in _JOINING and low not in VERBS and not _PAST.match(low)
    return True


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
