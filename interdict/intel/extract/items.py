"""Goods across a cable: the mentions of one kind of goods gathered into one item.

``goods`` finds each mention of goods in a sentence.  Mentions of the same
noun with compatible model and maker are one item, and "such a machine",
"the machine" or "the pumps" refer to the latest item with that noun: a
maker named there belongs to it too ("The pumps were manufactured in
Taiwan by X", "The inverters, a product of X, ...").  Control regimes and
UN Security Council resolutions are taken from the sentences that mention
an item, and from the rest of its portion when the portion is about that
one item only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.goods import Sighting, maker_at, plurals, sightings
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


def find_items(
    sentences: list[Sentence], mentions: dict[int, list[Mention]], named: dict[str, int]
) -> list[Item]:
    """The items of a cable, each with the sentences that mention it (``named``: the one-word
    names of the cable's organisations, for "Zentra-made")."""
    items: list[Item] = []
    by_portion: dict[int, set[int]] = {}
    for sentence in sentences:
        touched: list[Item] = []
        here = mentions.get(sentence.index, [])
        for sighting in sightings(sentence, here, named):
            item = _place(items, sighting)
            if item.sentences[-1:] != [sentence.index]:
                item.sentences.append(sentence.index)
            touched.append(item)
        for item, end in _referred(sentence, items) if items else ():
            if item.maker is None:
                item.maker = maker_at(sentence, end, here)
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


def _place(items: list[Item], sighting: Sighting) -> Item:
    """The item a sighting belongs to: the latest with its noun that fits, else a new one."""
    for item in reversed(items):
        if (
            _same_kind(item.term, sighting.term)
            and item.fits(sighting.model, sighting.maker)
            and _compatible(item.descriptions, sighting.description)
        ):
            item.descriptions.append(sighting.description)
            item.model = item.model or sighting.model
            item.maker = item.maker if item.maker is not None else sighting.maker
            return item
    item = Item(sighting.term, [sighting.description], sighting.model, sighting.maker, [])
    items.append(item)
    return item


def _compatible(descriptions: list[str], description: str) -> bool:
    """Whether a description can be of the same goods as the ones before: "the milling
    machine" after "five-axis milling machine", not "surface-to-air missiles" after "anti-tank
    missiles" (each says something the other does not)."""
    words = _words(description)
    return all(words <= _words(seen) or _words(seen) <= words for seen in descriptions)


def _words(description: str) -> frozenset[str]:
    return frozenset(word.rstrip("s") for word in description.lower().split())


def _same_kind(term: str, seen: str) -> bool:
    """ "the valves" after "servo valves": a shorter term for the same goods."""
    return term == seen or term.endswith((" " + seen, "-" + seen))


_REFERENCE = re.compile(
    r"\b(?:the|this|that|these|those|such(?:\s+an?)?|said|same)\s+([\w-]+)(?:\s+([a-z]+))?\b",
    re.IGNORECASE,
)


def _nouns(item: Item) -> set[str]:
    """The nouns a reference to an item may use: its term's ("the valves") or its form's ("the
    rods" for "aluminium alloy rods")."""
    lasts = {item.term.split()[-1], item.description.split()[-1].lower().rstrip("s")}
    return {form for last in lasts for form in (last, *plurals(last))}


def _referred(sentence: Sentence, items: list[Item]) -> list[tuple[Item, int]]:
    """Items a sentence refers back to, each with where the reference ends: "such a machine"
    for the latest item whose noun ends in "machine"."""
    found: list[tuple[Item, int]] = []
    for match in _REFERENCE.finditer(sentence.text):
        for item in reversed(items):
            nouns = _nouns(item)
            group = next(
                (k for k in (1, 2) if match.group(k) and match.group(k).lower() in nouns), None
            )
            if group is not None:
                if all(item is not seen for seen, _ in found):
                    found.append((item, match.end(group)))
                break
    return found
