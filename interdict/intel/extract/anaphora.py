"""References to a party named before: "the company", "the firm", a sentence-opening "it".

Reporting names a party once and then goes on with "The company is a
front for ...", "It is controlled by ...", "The firm also sold ...".  Such a
reference stands for the party the text was last about: the subject of the
latest sentence that names a party of the right kind, which is the first
party named there that no preposition introduces ("X, a trading firm in
Shenzhen, placed an order with Y. The company is a front for Z": X).  A
reference made earlier counts as naming its party, so a chain of them
("It ...", "The firm ...") keeps to one party.  A person is referred to as
"the individual", "the businessman", or by a sentence-opening "he"/"she".

References stay within one portion, so a link stated with them still cites
a portion that names both parties.
"""

from __future__ import annotations

import re

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.mentions import Mention

_ANAPHOR = re.compile(
    r"\b(?:the|this|that|said)\s+(?:[a-z-]+\s+){0,2}?(company|firm|intermediary|entity|supplier|"
    r"manufacturer|broker|end[- ]user|organi[sz]ation|group|individual|businessman|exporter|"
    r"importer|forwarder|trading house)\b"
    r"|^(it|he|she)\b"
)
_PERSON_NOUNS = frozenset({"individual", "businessman", "he", "she"})
# Nouns that a state body is not called: "the company" is no ministry or industrial group.
_TRADE_NOUNS = frozenset(
    {"company", "firm", "supplier", "manufacturer", "exporter", "importer", "trading house"}
)
# A word that makes the name after it the object of a preposition, not a subject.
_PREPOSITION = re.compile(
    r"\b(?:to|from|by|with|for|of|through|via|in|at|into|against|about|than|on behalf of|"
    r"according to|including|like|and)\W*\Z"
)
_REFERENCE = "anaphor"


def leads(sentence: Sentence, mention: Mention) -> bool:
    """Whether ``mention`` can be what its sentence is about: no preposition introduces it."""
    return _PREPOSITION.search(sentence.lower, 0, mention.start) is None


def references(sentence: Sentence, mentions: list[Mention], before: list[Mention]) -> list[Mention]:
    """Mentions for the references in ``sentence`` to parties named in ``before`` (earlier
    sentences of the portion, oldest first) or earlier in the sentence."""
    found: list[Mention] = []
    for match in _ANAPHOR.finditer(sentence.lower):
        start, end = match.span()
        if any(m.overlaps(start, end + 2) for m in mentions):
            continue  # "the company Maquinaria CME": a cue, not a reference
        noun = match.group(1) or match.group(2)
        earlier = [m for m in [*mentions, *found] if m.end <= start]
        if "same" in match.group(0):
            earlier = []  # "the same Iranian firm": one named before this sentence
        candidates = _of_country([*before, *earlier], _country(sentence, start, end))
        antecedent = _antecedent(candidates, noun)
        if antecedent is not None:
            found.append(
                Mention(
                    sentence.index,
                    0,
                    0,
                    start,
                    end,
                    sentence.text[start:end],
                    antecedent.schema,
                    _REFERENCE,
                    party=antecedent.party,
                    leading=antecedent.leading if antecedent.sentence == sentence.index else True,
                )
            )
    return found


def _country(sentence: Sentence, start: int, end: int) -> str | None:
    """The country a reference names ("the Iranian firm", "the Dubai company"), if any."""
    for index, place in sentence.places.items():
        if start <= sentence.tokens[index].start < end:
            return place.code
    return None


def _of_country(candidates: list[Mention], country: str | None) -> list[Mention]:
    """The candidates whose party is not known to be of another country than ``country``."""
    if country is None:
        return candidates
    known: dict[int, set[str]] = {}
    for mention in candidates:
        known.setdefault(mention.party, set()).update(mention.countries)
    return [m for m in candidates if not known[m.party] or country in known[m.party]]


def _antecedent(candidates: list[Mention], noun: str) -> Mention | None:
    """The party a reference with ``noun`` stands for, among ``candidates`` (oldest first)."""
    person = noun in _PERSON_NOUNS
    fitting = [m for m in candidates if m.party >= 0 and m.is_person == person]
    if noun in _TRADE_NOUNS:
        fitting = [m for m in fitting if m.schema != "Organization"] or fitting
    if not fitting:
        return None
    latest = fitting[-1].sentence
    here = sorted((m for m in fitting if m.sentence == latest), key=lambda m: m.start)
    return next((m for m in here if m.leading), here[0])
