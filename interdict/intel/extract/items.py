"""Goods the cable says are sought or supplied: what, which model, whose make, which controls.

An item is found by its head noun, one of the controlled-goods nouns of
``interdict/data/intel/goods.tsv`` ("milling machine", "gyroscope",
"maraging steel"), with the modifiers before it ("five-axis"), a model
designation next to it ("model FS-1", "an FS-1 milling machine", "tubes of
grade 7075") and a maker after it ("produced by Maquinaria CME", "from the
German manufacturer Ostalb").  Only goods a transaction is about count: a
mention with a model or a maker, or one in a sentence about buying,
selling, shipping or controlling.  A class of goods ("machine tools")
counts only when one specific machine is meant ("two machine tools"); goods
named as what something is made of or for ("turbopump rotors", "used to
drive gas centrifuges") are not the goods sought; "a similar machine" is
another machine.

Mentions of the same noun with compatible model and maker are one item,
and "such a machine" or "the machine" refer to the latest item with that
noun.  Control regimes and UN Security Council resolutions are taken from
the sentences that mention an item, and from the rest of its portion when
the portion is about that one item only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import (
    FUNCTION_WORDS,
    NUMBER_WORDS,
    VERBS,
    is_common,
    word_set,
)
from interdict.intel.extract.mentions import Mention

REGIMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("wassenaar", re.compile(r"\bwassenaar\b", re.IGNORECASE)),
    ("nsg", re.compile(r"\bnuclear suppliers'? group\b|\bNSG\b", re.IGNORECASE)),
    ("mtcr", re.compile(r"\bmissile technology control regime\b|\bMTCR\b", re.IGNORECASE)),
    ("australia_group", re.compile(r"\baustralia group\b", re.IGNORECASE)),
    ("cwc", re.compile(r"\bchemical weapons convention\b|\bCWC\b", re.IGNORECASE)),
)
_RESOLUTION = re.compile(
    r"\b(?:UNSCRs?|UNSC\s+resolutions?|(?:UN\s+|United\s+Nations\s+)?Security\s+Council\s+"
    r"resolutions?|resolutions?)\s*(?:\(\s*UNSCRs?\s*\)\s*)?(?:nos?\.?\s*)?"
    r"(\d{3,4}(?:\s*\(\d{4}\))?(?:\s*(?:,|and|&|or)\s*\d{3,4}(?:\s*\(\d{4}\))?)*)",
    re.IGNORECASE,
)
_YEAR_IN_BRACKETS = re.compile(r"\(\d{4}\)")
_NUMBER = re.compile(r"\d{3,4}")
_MAX_RESOLUTION = 3000
_DEAL = re.compile(
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
_MAKER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:which|that)\s+(?:is|was|are|were)\s+)?"
    r"(?:(?:produced|manufactured|made|built|designed|developed|fabricated)\s+"
    r"(?:in\s+[\w.]+\s+)?by|(?:[\w-]+\s+){0,6}?from)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w.-]+\s+){0,2}?(?:manufacturer|maker|producer)?\s*\Z",
    re.IGNORECASE,
)
_MAKER_NOUNS = re.compile(r"(?:manufacturer|maker|producer)\s*\Z", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?(?:[\w.-]+\s+){0,3}?\Z", re.IGNORECASE)
_MAX_MODIFIERS = 3
_REGIME_ORDER = {name: rank for rank, (name, _) in enumerate(REGIMES)}


@dataclass(slots=True)
class Item:
    """An item being gathered from its mentions across the cable."""

    term: str
    descriptions: list[str]
    model: str | None
    maker: int | None  # party number
    sentences: list[int]  # where it is mentioned or referred to, in order
    regimes: set[str] = field(default_factory=set)
    resolutions: set[str] = field(default_factory=set)

    def fits(self, model: str | None, maker: int | None) -> bool:
        return (model is None or self.model in (None, model)) and (
            maker is None or self.maker in (None, maker)
        )

    @property
    def description(self) -> str:
        return max(self.descriptions, key=len)

    def regime_list(self) -> list[str]:
        return sorted(self.regimes, key=_REGIME_ORDER.__getitem__)

    def resolution_list(self) -> list[str]:
        return sorted(self.resolutions, key=int)


@dataclass(frozen=True, slots=True)
class _Sighting:
    term: str
    description: str
    model: str | None
    maker: int | None


@dataclass(frozen=True, slots=True)
class _Term:
    words: tuple[str, ...]
    category: bool  # a class of goods ("machine tool"), not a kind

    @property
    def text(self) -> str:
        return " ".join(self.words)


@cache
def _terms() -> dict[str, list[_Term]]:
    """Goods terms by first word (singular and plural), longest first."""
    text = (files("interdict.data") / "intel" / "goods.tsv").read_text(encoding="utf-8")
    table: dict[str, list[_Term]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        columns = line.split("\t")
        term = _Term(tuple(columns[0].split()), columns[1] == "category")
        first = term.words[0]
        firsts = {first} | (_plurals(first) if len(term.words) == 1 else set())
        for word in firsts:
            table.setdefault(word, []).append(term)
    for entries in table.values():
        entries.sort(key=lambda term: len(term.words), reverse=True)
    return table


def _plurals(word: str) -> set[str]:
    forms = {word + "s", word + "es"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ies")
    return forms


def find_items(sentences: list[Sentence], mentions: dict[int, list[Mention]]) -> list[Item]:
    """The items of a cable, each with the sentences that mention it."""
    items: list[Item] = []
    by_portion: dict[int, set[int]] = {}
    for sentence in sentences:
        touched: list[Item] = []
        for sighting in _sightings(sentence, mentions.get(sentence.index, [])):
            item = _place(items, sighting)
            if item.sentences[-1:] != [sentence.index]:
                item.sentences.append(sentence.index)
            touched.append(item)
        for item in _referred(sentence, items) if items else ():
            if item not in touched:
                item.sentences.append(sentence.index)
                touched.append(item)
        if not touched:
            continue
        regimes, resolutions = cited_controls(sentence.text)
        for item in touched:
            item.regimes |= regimes
            item.resolutions |= resolutions
            by_portion.setdefault(sentence.portion.position, set()).add(id(item))
    _portion_controls(sentences, items, by_portion)
    return items


def cited_controls(text: str) -> tuple[set[str], set[str]]:
    """The regimes and the resolution numbers a text cites."""
    regimes = {name for name, pattern in REGIMES if pattern.search(text)}
    resolutions: set[str] = set()
    for match in _RESOLUTION.finditer(text):
        numbers = _YEAR_IN_BRACKETS.sub(" ", match.group(1))
        resolutions.update(n for n in _NUMBER.findall(numbers) if int(n) < _MAX_RESOLUTION)
    return regimes, resolutions


def _portion_controls(
    sentences: list[Sentence], items: list[Item], by_portion: dict[int, set[int]]
) -> None:
    """Regimes cited elsewhere in a portion that is about one item only go to that item."""
    by_id = {id(item): item for item in items}
    for sentence in sentences:
        present = by_portion.get(sentence.portion.position, set())
        if len(present) != 1:
            continue
        item = by_id[next(iter(present))]
        regimes, resolutions = cited_controls(sentence.text)
        item.regimes |= regimes
        item.resolutions |= resolutions


def _place(items: list[Item], sighting: _Sighting) -> Item:
    """The item a sighting belongs to: the latest with its noun that fits, else a new one."""
    for item in reversed(items):
        if _same_kind(item.term, sighting.term) and item.fits(sighting.model, sighting.maker):
            item.descriptions.append(sighting.description)
            item.model = item.model or sighting.model
            item.maker = item.maker if item.maker is not None else sighting.maker
            return item
    item = Item(sighting.term, [sighting.description], sighting.model, sighting.maker, [])
    items.append(item)
    return item


def _same_kind(term: str, seen: str) -> bool:
    """ "the valves" after "servo valves": a shorter term for the same goods."""
    return term == seen or term.endswith((" " + seen, "-" + seen))


def _sightings(sentence: Sentence, mentions: list[Mention]) -> list[_Sighting]:
    tokens = sentence.tokens
    terms = _terms()
    found: list[_Sighting] = []
    deal: bool | None = None  # whether the sentence is about a transaction, once it matters
    index = 0
    while index < len(tokens):
        match = _term_at(sentence, index, terms) if tokens[index].low in terms else None
        if match is None:
            index += 1
            continue
        if deal is None:
            deal = _DEAL.search(sentence.text) is not None
        term, end = match
        sighting = _sighting(sentence, index, end, term, deal, mentions)
        if sighting is not None:
            found.append(sighting)
        index = end
    return found


def _term_at(
    sentence: Sentence, index: int, terms: dict[str, list[_Term]]
) -> tuple[_Term, int] | None:
    tokens = sentence.tokens
    for term in terms.get(tokens[index].low, ()):
        size = len(term.words)
        end = index + size
        if end > len(tokens):
            continue
        if any(tokens[index + k].low != term.words[k] for k in range(size - 1)):
            continue
        last = tokens[end - 1].low
        if last == term.words[-1] or last in _plurals(term.words[-1]):
            return term, end
    return None


def _sighting(
    sentence: Sentence, index: int, end: int, term: _Term, deal: bool, mentions: list[Mention]
) -> _Sighting | None:
    """One mention of goods, if it is of goods a transaction is about.

    Goods named as what another thing is made of or for ("turbopump
    rotors", "centrifuge components") are not the goods: the noun after
    them is.
    """
    tokens = sentence.tokens
    if end < len(tokens) and tokens[end].low in _FORMS and term.words[-1] not in _FORMS:
        end += 1  # "aluminum alloy tubes"
    if _modifies_next(sentence, end):
        return None
    first, model = _modifiers(sentence, index)
    before = tokens[first - 1].low if first > 0 else ""
    if before in _ANAPHORIC or before in _OTHER or before in _PURPOSE:
        return None
    if any(tokens[k].low in _OTHER for k in range(first, index)):
        return None
    after = end
    if model is None:
        model, after = _model_after(sentence, end)
    maker = _maker(sentence, after, mentions)
    specific = before in _SPECIFIC or before in NUMBER_WORDS or before.isdigit()
    if model is None and maker is None and not (deal and (specific or not term.category)):
        return None
    words = [
        token.text
        for token in tokens[first:end]
        if token.text != model and token.low not in _MODEL_WORDS
    ]
    return _Sighting(term.text, " ".join(words), model, maker)


def _modifies_next(sentence: Sentence, end: int) -> bool:
    tokens, text = sentence.tokens, sentence.text
    if end >= len(tokens) or not text[tokens[end - 1].end : tokens[end].start].isspace():
        return False
    following = tokens[end]
    if following.low in _MODEL_WORDS or _MODEL_CODE.match(following.text):
        return False
    if is_common(following.low) or following.low in FUNCTION_WORDS:
        return False
    return sentence.caps or not following.upper_initial


def _modifiers(sentence: Sentence, index: int) -> tuple[int, str | None]:
    """Where the words describing the goods start ("five-axis", "model FS-1"), and the model."""
    tokens = sentence.tokens
    first = index
    model: str | None = None
    while first > 0 and index - first <= _MAX_MODIFIERS:
        word = tokens[first - 1]
        if model is None and _MODEL_CODE.match(word.text):
            model = word.text
            if first > 1 and tokens[first - 2].low in _MODEL_WORDS:
                first -= 1
        elif not _modifier(sentence, first - 1):
            break
        first -= 1
    return first, model


def _modifier(sentence: Sentence, index: int) -> bool:
    """Whether a word before goods describes them ("five-axis", "CNC"), not the clause."""
    word = sentence.tokens[index]
    if word.low in _MODEL_WORDS or word.low in VERBS or word.low in _PURPOSE:
        return False
    if is_common(word.low) or sentence.places.get(index) is not None:
        return False
    return sentence.caps or not word.upper_initial or word.text.isupper()


def _model_after(sentence: Sentence, end: int) -> tuple[str | None, int]:
    """ "milling machine (model FS-1)", "milling machine model FS-1", "milling machine FS-1"."""
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
            stop = tokens[index].end
            if text[stop : stop + 1] == ")":
                stop += 1
            return code, index + 1
    return None, end


def _maker(sentence: Sentence, after: int, mentions: list[Mention]) -> int | None:
    """The party named as maker just after the item.

    "produced by Maquinaria CME", "manufactured by the Swiss firm
    Technoprima", and "ordered from the German manufacturer Ostalb": a seller
    counts as the maker only when the text calls it one.
    """
    tokens, text = sentence.tokens, sentence.text
    start = tokens[after - 1].end if 0 < after <= len(tokens) else len(text)
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


_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those|such(?:\s+an?)?|said|same)\s+([\w-]+)(?:\s+([a-z]+))?\b",
    re.IGNORECASE,
)


def _referred(sentence: Sentence, items: list[Item]) -> list[Item]:
    """Items a sentence refers back to: "such a machine" for the latest item whose noun ends
    in "machine"."""
    found: list[Item] = []
    for match in _REFERENCE.finditer(sentence.text):
        nouns = {word.lower() for word in match.groups() if word}
        for item in reversed(items):
            last = item.term.split()[-1]
            if last in nouns or nouns & _plurals(last):
                if item not in found:
                    found.append(item)
                break
    return found
