"""One mention of goods in a sentence: which kind, how described, which model, whose make.

Goods are found by their head noun, one of the terms of
``interdict/data/intel/goods.tsv`` ("milling machine", "gyroscope",
"maraging steel", "howitzer"), with the modifiers before it ("five-axis"),
a model designation next to it ("model FS-1", "an FS-1 milling machine",
"tubes of grade 7075", "machines, model NA-800,") and a maker: after it
("produced by Maquinaria CME", "manufactured in Japan by X", "from the
German manufacturer Ostalb", ", a product of X") or before it ("Zentra-made
manometers").  A term inside a party's name ("Iran Centrifuge Technology
Company", "the Missile Technology Control Regime") is no goods, nor is one that
modifies the noun after it
("turbopump rotors") or names what something is for ("used to drive gas
centrifuges").  Only goods a transaction is about count: a mention with a
model or a maker, or one in a sentence about buying, selling, shipping or
controlling; a class of goods ("machine tools") only when one specific
machine is meant ("two machine tools").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import (
    FUNCTION_WORDS,
    NUMBER_WORDS,
    ORG_CUES,
    PERSON_CUES,
    VERBS,
    is_common,
    word_set,
)
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.resolve import Draft
from interdict.intel.extract.tokens import tokenize

DEAL = re.compile(
    r"\b(?:suppl|sell|sold|sale|purchas|procur|buy|bought|acqui|obtain|seek|sought|order|"
    r"export|import|ship|deliver|transfer|controlled|prohibit|licen[cs]e|attempt|offer|"
    r"contract|tender|bid|broker)",
    re.IGNORECASE,
)
_MODEL_CODE = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[A-Z0-9][A-Za-z0-9]*(?:[-/.][A-Za-z0-9]+)*$")
_MODEL_WORDS = frozenset({"model", "type", "series", "grade"})
# Forms a material comes in, which name the goods with it: "aluminum alloy tubes".
_FORMS = word_set("""
    tube tubes tubing bar bars rod rods sheet sheets plate plates powder wire billet billets
    forging forgings casting castings ingot ingots block blocks pipe pipes cylinder cylinders
    fiber fibre fibers fibres
    """)
_ALLOYS = frozenset({"alloy", "alloys"})
# Verbs whose object is what goods are for, not goods sought: "used to drive gas centrifuges".
_PURPOSE = word_set(
    "drive drives power powers make produce manufacture machine build enrich spin run operate "
    "fabricate measure control"
)
_SPECIFIC = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "six", "several", "the", "this", "that"}
)
_ANAPHORIC = frozenset({"such", "same"})
_OTHER = frozenset({"similar", "another", "other", "different"})
# "Zentra-made": the maker's short name before a participle of making.
_MADE = ("-made", "-manufactured", "-built", "-produced")
_MAKER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:which|that)\s+)?(?:(?:is|was|are|were|had\s+been|have\s+been|"
    r"has\s+been|been)\s+)?(?:(?:(?:produced|manufactured|made|built|designed|developed|"
    r"fabricated)\s+(?:in\s+(?:the\s+)?[\w.]+(?:\s+[\w.]+)?\s+)?by|(?:a|the)\s+products?\s+of)|"
    r"(?:[\w-]+\s+){0,6}?from)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w.-]+\s+){0,2}?(?:manufacturer|maker|producer)?\s*\Z",
    re.IGNORECASE,
)
_MAKER_NOUNS = re.compile(r"(?:manufacturer|maker|producer)\s*\Z", re.IGNORECASE)
_BY = re.compile(r"\b(?:by|products?\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,3}?\Z", re.I)
_QUANTITY = re.compile(r"\d[\d,.]*")
_MAX_MODIFIERS = 3
_MIN_MAKER_KEY = 4


@dataclass(frozen=True, slots=True)
class Sighting:
    term: str
    description: str
    model: str | None
    maker: int | None


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]
    category: bool  # a class of goods ("machine tool"), not a kind

    @property
    def text(self) -> str:
        return " ".join(self.words)


@cache
def _terms() -> dict[str, list[Term]]:
    """Goods terms by first word (singular and plural), longest first."""
    text = (files("interdict.data") / "intel" / "goods.tsv").read_text(encoding="utf-8")
    table: dict[str, list[Term]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        columns = line.split("\t")
        term = Term(tuple(columns[0].split()), columns[1] == "category")
        first = term.words[0]
        firsts = {first} | (plurals(first) if len(term.words) == 1 else set())
        for word in firsts:
            table.setdefault(word, []).append(term)
    for entries in table.values():
        entries.sort(key=lambda term: len(term.words), reverse=True)
    return table


def plurals(word: str) -> set[str]:
    forms = {word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


def makers(drafts: list[Draft]) -> dict[str, int]:
    """The one-word names that "X-made" can give a maker by: each organisation's first word
    and the single words of its names, where one party of the cable has them."""
    owners: dict[str, set[int]] = {}
    for draft in drafts:
        if draft.is_person:
            continue
        for form in draft.forms():
            for token in tokenize(form):
                if len(token.key) >= _MIN_MAKER_KEY:
                    owners.setdefault(token.key, set()).add(draft.number)
    return {key: next(iter(parties)) for key, parties in owners.items() if len(parties) == 1}


def sightings(sentence: Sentence, mentions: list[Mention], named: dict[str, int]) -> list[Sighting]:
    """The goods a sentence names (``named``: one-word names of makers, see ``makers``)."""
    tokens = sentence.tokens
    found: list[Sighting] = []
    deal: bool | None = None  # whether the sentence is about a transaction, once it matters
    resume = 0
    for index, term, end in term_matches(sentence):
        if index < resume or _in_name(tokens[index].start, mentions):
            continue
        if deal is None:
            deal = DEAL.search(sentence.text) is not None
        sighting = _sighting(sentence, index, end, term, deal, mentions, named)
        if sighting is not None:
            found.append(sighting)
        resume = end
    return found


def term_matches(sentence: Sentence) -> list[tuple[int, Term, int]]:
    """The goods terms of a sentence outside regimes' names: (first token, term, end), worked
    out once per text.  Every term, whether or not a transaction is about it: a denial names
    goods that "similar" or "such" would keep out of the items."""
    shared = sentence.shared
    if shared.goods is None:
        tokens, terms = sentence.tokens, _terms()
        matches: list[tuple[int, Term, int]] = []
        index = 0
        while index < len(tokens):
            low = tokens[index].low
            match = _term_at(sentence, index, terms) if low in terms or "-" in low else None
            if match is None or index in sentence.blocked:
                index += 1
                continue
            matches.append((index, *match))
            index = match[1]
        shared.goods = matches
    return shared.goods


def _in_name(position: int, mentions: list[Mention]) -> bool:
    return any(m.start <= position < m.end for m in mentions)


def _term_at(
    sentence: Sentence, index: int, terms: dict[str, list[Term]]
) -> tuple[Term, int] | None:
    """The term at ``tokens[index]``, or at the first part of a compound ("tungsten-copper")."""
    tokens = sentence.tokens
    low = tokens[index].low
    for term in terms.get(low, ()):
        size = len(term.words)
        end = index + size
        if end > len(tokens):
            continue
        if any(tokens[index + k].low != term.words[k] for k in range(size - 1)):
            continue
        last = tokens[end - 1].low
        if last == term.words[-1] or last in plurals(term.words[-1]):
            return term, end
    head = low.partition("-")[0]
    following = tokens[index + 1].low if index + 1 < len(tokens) else ""
    if head != low and (following in _ALLOYS or following in _FORMS):
        single = [term for term in terms.get(head, ()) if len(term.words) == 1]
        if single and single[0].words[0] == head:
            return single[0], index + 1  # "tungsten-copper alloy plates", not "missile-related"
    return None


def _sighting(
    sentence: Sentence,
    index: int,
    end: int,
    term: Term,
    deal: bool,
    mentions: list[Mention],
    named: dict[str, int],
) -> Sighting | None:
    """One mention of goods, if it is of goods a transaction is about."""
    tokens = sentence.tokens
    if end < len(tokens) and tokens[end].low in _ALLOYS and term.words[-1] not in _ALLOYS:
        end += 1  # "tungsten-copper alloy plates"
    if end < len(tokens) and tokens[end].low in _FORMS and term.words[-1] not in _FORMS:
        end += 1  # "aluminum alloy tubes"
    if _modifies_next(sentence, end):
        return None
    first, model, made_by = _modifiers(sentence, index, named)
    before = tokens[first - 1].low if first > 0 else ""
    if before in _ANAPHORIC or before in _OTHER or before in _PURPOSE:
        return None
    if any(tokens[k].low in _OTHER for k in range(first, index)):
        return None
    after = end
    if model is None:
        model, after = _model_after(sentence, end)
    start = tokens[after - 1].end if 0 < after <= len(tokens) else len(sentence.text)
    maker = maker_at(sentence, start, mentions)
    maker = made_by if maker is None else maker
    specific = before in _SPECIFIC or before in NUMBER_WORDS or before.isdigit()
    if model is None and maker is None and not (deal and (specific or not term.category)):
        return None
    words = [
        token.text
        for token in tokens[first:end]
        if token.text != model
        and token.low not in _MODEL_WORDS
        and not token.low.endswith(_MADE)
        and not _QUANTITY.fullmatch(token.text)  # "24 servo valves": a number, not the goods
    ]
    return Sighting(term.text, " ".join(words), model, maker)


def _modifies_next(sentence: Sentence, end: int) -> bool:
    tokens, text = sentence.tokens, sentence.text
    if end >= len(tokens) or not text[tokens[end - 1].end : tokens[end].start].isspace():
        return False
    following = tokens[end]
    if following.low in _MODEL_WORDS or _MODEL_CODE.match(following.text):
        return False
    if following.low in ORG_CUES or following.low in PERSON_CUES:
        return True  # "missile entities", "valve manufacturer"
    if is_common(following.low) or following.low in FUNCTION_WORDS:
        return False
    return sentence.caps or not following.upper_initial


def _modifiers(
    sentence: Sentence, index: int, named: dict[str, int]
) -> tuple[int, str | None, int | None]:
    """Where the words describing the goods start ("five-axis", "model FS-1"), the model, and
    the maker a compound before them names ("Zentra-made")."""
    tokens = sentence.tokens
    first = index
    model: str | None = None
    maker: int | None = None
    while first > 0 and index - first <= _MAX_MODIFIERS:
        word = tokens[first - 1]
        if model is None and _MODEL_CODE.match(word.text):
            model = word.text
            if first > 1 and tokens[first - 2].low in _MODEL_WORDS:
                first -= 1
        elif word.low.endswith(_MADE):
            maker = maker if maker is not None else _made_by(word.low, named)
        elif not _modifier(sentence, first - 1):
            break
        first -= 1
    return first, model, maker


def _made_by(low: str, named: dict[str, int]) -> int | None:
    """ "Zentra-made": the party one of whose names is "Zentra"; a country ("Japanese-made")
    names no maker."""
    stem = low.rsplit("-", 1)[0]
    words = tokenize(stem)
    return named.get(words[0].key) if len(words) == 1 else None


def _modifier(sentence: Sentence, index: int) -> bool:
    """Whether a word before goods describes them ("five-axis", "CNC"), not the clause."""
    word = sentence.tokens[index]
    if word.low in _MODEL_WORDS or word.low in VERBS or word.low in _PURPOSE:
        return False
    if is_common(word.low) or sentence.places.get(index) is not None:
        return False
    return sentence.caps or not word.upper_initial or word.text.isupper()


def _model_after(sentence: Sentence, end: int) -> tuple[str | None, int]:
    """ "milling machine (model FS-1)", "milling machine model FS-1", "milling machine FS-1",
    "machines, model NA-800,", "tubes, grade 7075-T6"."""
    tokens, text = sentence.tokens, sentence.text
    index = end
    if index < len(tokens) and tokens[index].low == "of":
        index += 1  # "tubes of grade 7075"
        if index >= len(tokens) or tokens[index].low not in _MODEL_WORDS:
            return None, end
    if index < len(tokens) and tokens[index].low in _MODEL_WORDS:
        index += 1
    if index < len(tokens) and re.fullmatch(
        r"\s*\(?\s*", text[tokens[index - 1].end : tokens[index].start]
    ):
        code = tokens[index].text
        if _MODEL_CODE.match(code) or (index > end and code.isdigit()):
            return code, index + 1
    return None, end


def maker_at(sentence: Sentence, start: int, mentions: list[Mention]) -> int | None:
    """The party named as maker in the words from character ``start`` on.

    "produced by Maquinaria CME", "manufactured in Japan by the Swiss firm
    Technoprima", ", a product of X", and "ordered from the German
    manufacturer Ostalb": a seller counts as the maker only when the text
    calls it one.
    """
    text = sentence.text
    for mention in mentions:
        if mention.start < start or mention.is_person:
            continue
        match = _MAKER.match(text, start, mention.start)
        if match is None:
            return None
        between = text[start : mention.start]
        if _BY.search(between) or _MAKER_NOUNS.search(between):
            return mention.party
        return None
    return None
