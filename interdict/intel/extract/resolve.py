"""Mentions into parties: which names are one party, and where else the cable names it.

Mentions with the same name once legal forms are set aside are one party
("Ardalan Machineries Company", "ARDALAN MACHINERIES CO."), as are a name
and the acronym bracketed after it, a name and its a.k.a., two names of
the same listed entity, a person and the last words of their name ("Dr.
Karimi"), and a party named only by another's short form ("Bayader
Al-Sham" for "Bayader Al-Sham Industrial Supplies Co.").  The cable is then
read again for what the parties are called later: the names themselves
where no evidence was repeated ("Ak Makina" without "intermediary"),
acronyms standing alone ("SHIG"), short forms ("Ardalan Machineries",
"Maquinaria CME", "Lariani"), and a person's surname.  A short form counts
only if it belongs to one party of the cable and stands alone in the text,
capitalised where the text has capitals: "Huaxin" is nobody's when two
parties' names hold it, and "Ardalan" in "Ardalan Trading" is another name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form, legal_suffix
from interdict.intel.extract.lexicon import (
    DESCRIPTORS,
    LEFT_HEADS,
    ORG_CUES,
    RIGHT_HEADS,
    is_common,
)
from interdict.intel.extract.mentions import EVIDENCE_RANK, LEGAL, PERSON, REFERENCE, Mention
from interdict.intel.extract.places import is_place_word
from interdict.intel.extract.runs import PARTICLES, is_name_word
from interdict.intel.extract.tokens import Token, name_keys, name_tokens, word_key
from interdict.intel.ids import name_key as _name_key
from interdict.parties.names.vocabulary import generic_words

_AKA = re.compile(
    r"\s*,?\s*\(?\s*(?:also known as|a\.k\.a\.?|aka|formerly known as|formerly|alias|"
    r"doing business as|d/b/a|also called)\s*",
    re.IGNORECASE,
)
_MIN_SHORT = 4  # a one-word short form shorter than this would meet other words
_JOINED = re.compile(r"\s+\Z")
# Schemata from the most to the least specific; a party takes the most specific it was given.
_SPECIFICITY = {"Person": 0, "Company": 1, "Organization": 2, "LegalEntity": 3}


@dataclass(slots=True)
class Draft:
    """One party of the cable, being assembled from its mentions."""

    number: int
    mentions: list[Mention] = field(default_factory=list)

    @property
    def is_person(self) -> bool:
        return self.mentions[0].is_person

    def best(self) -> Mention:
        """The mention the party is named after: best evidence, then most words, then first."""
        return min(
            (m for m in self.mentions if m.how != REFERENCE),
            key=lambda m: (EVIDENCE_RANK[m.how], -(m.last - m.first), m.sentence, m.start),
            default=self.mentions[0],
        )

    def schema(self) -> str:
        if self.is_person:
            return PERSON
        listed = [m.schema for m in self.mentions if m.entity is not None]
        found = [m.schema for m in self.mentions if m.how != REFERENCE and m.schema != PERSON]
        return min(found or listed or ["LegalEntity"], key=_SPECIFICITY.__getitem__)

    def forms(self) -> list[str]:
        """Every way the cable writes the party's name: names, acronyms, a.k.a.s, short forms."""
        seen: dict[str, None] = {}
        for mention in self.mentions:
            seen[mention.text] = None
            if mention.acronym:
                seen[mention.acronym] = None
            for alias in mention.aliases:
                seen[alias] = None
        return list(seen)


@lru_cache(maxsize=16384)
def name_key(name: str, schema: str) -> str:
    """``ids.name_key``, remembered: a cable repeats its names, and analysing one is costly."""
    return _name_key(name, schema)


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, one: int, other: int) -> None:
        one, other = self.find(one), self.find(other)
        if one != other:
            self.parent[max(one, other)] = min(one, other)


def resolve(sentences: list[Sentence], found: dict[int, list[Mention]]) -> list[Draft]:
    """Group the mentions of ``found`` (by sentence) into parties, then add later references."""
    mentions = [m for sentence in sentences for m in found.get(sentence.index, [])]
    _cued_persons(mentions)
    union = _Union(len(mentions))
    first_by_key: dict[tuple[str, str], int] = {}
    for number, mention in enumerate(mentions):
        family = "person" if mention.is_person else "org"
        keys = [(family, name_key(mention.text, mention.schema))]
        if mention.acronym:
            keys.append(("org", name_key(mention.acronym, "Organization")))
        keys += [(family, name_key(alias, mention.schema)) for alias in mention.aliases]
        if mention.entity is not None:
            keys.append(("listed", str(mention.entity)))
        for key in keys:
            if key[1]:
                union.join(number, first_by_key.setdefault(key, number))
    _surnames(mentions, union)
    parties = _drafts(mentions, union)
    parties = _short_names(parties)
    _references(sentences, found, parties)
    joined = _Union(len(parties))
    for sentence in sentences:
        _also_known_as(sentence, found.get(sentence.index, []), joined)
    return _drafts([m for party in parties for m in party.mentions], joined, by_party=True)


def _drafts(mentions: list[Mention], union: _Union, by_party: bool = False) -> list[Draft]:
    """One draft per group of ``union`` (over mentions, or over the parties they belong to)."""
    drafts: dict[int, Draft] = {}
    ordered = sorted(enumerate(mentions), key=lambda pair: (pair[1].sentence, pair[1].start))
    for number, mention in ordered:
        root = union.find(mention.party if by_party else number)
        draft = drafts.setdefault(root, Draft(len(drafts)))
        draft.mentions.append(mention)
    for draft in drafts.values():
        for mention in draft.mentions:
            mention.party = draft.number
    return sorted(drafts.values(), key=lambda d: d.number)


def _cued_persons(mentions: list[Mention]) -> None:
    """ "KOMID representative Ri Myong-chol": a cue that fits both kinds, for a known person."""
    persons = {name_key(m.text, PERSON) for m in mentions if m.is_person}
    for mention in mentions:
        if mention.schema == "LegalEntity" and name_key(mention.text, PERSON) in persons:
            mention.schema = PERSON


def _surnames(mentions: list[Mention], union: _Union) -> None:
    """A person named by the last words of a fuller name ("Dr. Karimi", "Mr. Rezaei Nejad") is
    the person of that fuller name, if only one has it."""
    tails: dict[tuple[str, ...], set[int]] = {}
    names = [name_keys(m.text) for m in mentions]
    for number, mention in enumerate(mentions):
        keys = names[number]
        if mention.is_person:
            for size in range(1, len(keys)):
                tails.setdefault(keys[-size:], set()).add(union.find(number))
    for number, mention in enumerate(mentions):
        owners = tails.get(names[number], set()) if mention.is_person else set()
        if len(owners) == 1:
            union.join(number, next(iter(owners)))


def _short_names(parties: list[Draft]) -> list[Draft]:
    """A party named only by another party's short form is that party ("Bayader Al-Sham")."""
    owners: dict[tuple[str, ...], set[int]] = {}
    for party in parties:
        for short in _short_forms(party):
            owners.setdefault(short, set()).add(party.number)
    union = _Union(len(parties))
    for party in parties:
        best = party.best()
        if party.is_person or best.how == LEGAL:
            continue
        claimed = owners.get(name_keys(best.text), set())
        others = claimed - {party.number}
        if len(others) == 1 and not any(parties[n].is_person for n in others):
            union.join(party.number, next(iter(others)))
    return _drafts([m for party in parties for m in party.mentions], union, by_party=True)


def _also_known_as(sentence: Sentence, mentions: list[Mention], union: _Union) -> None:
    """ "Golden Crescent, also known as Crescent Star Trading": two names of one party."""
    for one, other in pairwise(mentions):
        named = one.party >= 0 and other.party >= 0
        if named and _AKA.fullmatch(sentence.text, one.after, other.start):
            union.join(one.party, other.party)


def _references(
    sentences: list[Sentence], found: dict[int, list[Mention]], parties: list[Draft]
) -> None:
    """Find the later mentions of every party by its names, acronyms and short forms."""
    forms: dict[tuple[str, ...], int] = {}
    exact: dict[tuple[str, ...], str] = {}
    claimed: dict[tuple[str, ...], set[int]] = {}
    for party in parties:
        for text in party.forms():
            keys = name_keys(text)
            if keys and all(keys):
                forms[keys] = party.number
                if text.isupper() and len(keys) == 1:
                    exact[keys] = text
        for short in _short_forms(party):
            claimed.setdefault(short, set()).add(party.number)
    for short, owners in claimed.items():
        if len(owners) == 1 and short not in forms:
            forms[short] = next(iter(owners))
    if not forms:
        return
    lengths: dict[str, list[int]] = {}
    for keys in forms:
        lengths.setdefault(keys[0], []).append(len(keys))
    for entry in lengths.values():
        entry.sort(reverse=True)
    persons = {party.number for party in parties if party.is_person}
    for sentence in sentences:
        taken = found.setdefault(sentence.index, [])
        added = _scan(sentence, forms, exact, lengths, taken, persons)
        for mention in added:
            parties[mention.party].mentions.append(mention)
        if added:
            taken.extend(added)
            taken.sort(key=lambda m: m.start)


def _scan(
    sentence: Sentence,
    forms: dict[tuple[str, ...], int],
    exact: dict[tuple[str, ...], str],
    lengths: dict[str, list[int]],
    taken: list[Mention],
    persons: set[int],
) -> list[Mention]:
    tokens, text = sentence.tokens, sentence.text
    keys, starts = _keys(sentence)
    added: list[Mention] = []
    resume = 0  # a match is not searched inside another
    for index in starts:
        if index < resume:
            continue
        key = keys[index]
        if key not in lengths and not (key.endswith("s") and key[:-1] in lengths):
            continue
        hit = _hit(sentence, keys, index, forms, exact, lengths)
        if hit is None:
            continue
        end, party, trimmed = hit
        start = tokens[index].start
        stop = tokens[end - 1].end - (2 if tokens[end - 1].possessive else 1 if trimmed else 0)
        if not any(m.overlaps(start, stop) for m in [*taken, *added]):
            schema = PERSON if party in persons else "LegalEntity"
            added.append(
                Mention(
                    sentence.index,
                    index,
                    end,
                    start,
                    stop,
                    text[start:stop],
                    schema,
                    REFERENCE,
                    party=party,
                )
            )
        resume = end
    return added


def _keys(sentence: Sentence) -> tuple[list[str], list[int]]:
    """Each token's key, and the tokens a name can start at (worked out once per text): in
    mixed case only a capitalised word or one with a digit."""
    shared = sentence.shared
    if shared.keys is None:
        tokens = sentence.tokens
        if sentence.caps:
            keys = [token.key for token in tokens]
        else:
            keys = [
                token.key if token.upper_initial or token.text[0].isdigit() else ""
                for token in tokens
            ]
        shared.keys = (keys, [index for index, key in enumerate(keys) if key])
    return shared.keys


def _hit(
    sentence: Sentence,
    keys: list[str],
    index: int,
    forms: dict[tuple[str, ...], int],
    exact: dict[tuple[str, ...], str],
    lengths: dict[str, list[int]],
) -> tuple[int, int, bool] | None:
    """The end and party of the longest form at ``index``, and whether a final "s" was dropped."""
    tokens = sentence.tokens
    for size in lengths.get(keys[index], ()) or _possessive_sizes(tokens[index], lengths):
        end = index + size
        if end > len(tokens):
            continue
        wanted = tuple(keys[index:end])
        last = tokens[end - 1]
        trimmed = False
        if wanted not in forms and last.key.endswith("s"):
            # "SHIG's", and Cablegate's "Baojias sales manager" without the apostrophe
            wanted = (*wanted[:-1], last.key[:-1])
            trimmed = not last.possessive
        party = forms.get(wanted)
        if party is None:
            continue
        form = exact.get(wanted)
        if form is not None and tokens[index].text.removesuffix("'s") != form:
            continue
        if not sentence.caps and not all(
            t.upper_initial or t.text[0].isdigit() or t.low in PARTICLES for t in tokens[index:end]
        ):
            continue
        if _bounded(sentence, index, end) or (form is not None and _acronym_alone(sentence, index)):
            return end, party, trimmed
    return None


def _possessive_sizes(token: Token, lengths: dict[str, list[int]]) -> list[int]:
    """Lengths to try for a one-word possessive ("SHIG's", "Baojias")."""
    if token.key.endswith("s"):
        return [size for size in lengths.get(token.key[:-1], ()) if size == 1]
    return []


def _bounded(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a match is a whole name: no name word joined on to it on either side."""
    tokens, text = sentence.tokens, sentence.text
    joined_before = start > 0 and _JOINED.match(text, tokens[start - 1].end, tokens[start].start)
    if joined_before and _joins(sentence, start - 1):
        return False
    joined_after = (
        end < len(tokens)
        and not tokens[end - 1].possessive
        and _JOINED.match(text, tokens[end - 1].end, tokens[end].start)
    )
    if joined_after and _joins(sentence, end):
        return is_legal_form(tokens[end].text, sentence.caps)
    return True


def _acronym_alone(sentence: Sentence, index: int) -> bool:
    """Whether an acronym in capitals stands alone: in capitals every word beside it is a name
    word ("A FORMER KRL EMPLOYEE", "AEOI OFFICIAL X"), so only an organisation noun or a legal
    form beside it makes it part of a longer name ("SBIG GROUP")."""
    if not sentence.caps:
        return False
    tokens = sentence.tokens
    for near in (index - 1, index + 1):
        if 0 <= near < len(tokens):
            word = tokens[near].low
            if word in RIGHT_HEADS or word in LEFT_HEADS or is_legal_form(tokens[near].text, True):
                return False
    return True


def _joins(sentence: Sentence, index: int) -> bool:
    """Whether a neighbouring word would make a match part of a longer name."""
    return (
        is_name_word(sentence, index)
        and not is_common(sentence.tokens[index].low, sentence.caps)
        and sentence.place_covering(index) is None
    )


def _short_forms(party: Draft) -> list[tuple[str, ...]]:
    """Shorter names the party may go by later.

    An organisation: its name without legal form cut after any word
    ("Ardalan Machineries Company" gives "Ardalan Machineries" and
    "Ardalan"), and each identifying word of it alone ("Lariani" for
    "Compositi Avanzati Lariani S.r.l.", "Ryonbong" for "Korea Ryonbong
    General Corporation").  A person: the surname.  A one-word form must be
    an identifying word of at least four letters; ``_references`` keeps only
    the forms that belong to one party of the cable.
    """
    best = party.best()
    tokens = list(name_tokens(best.text))
    if not tokens:
        return []
    if party.is_person:
        surname = tokens[-1]
        if len(surname.key) >= _MIN_SHORT - 1 and surname.low not in PARTICLES:
            return [(surname.key,)]
        return []
    end = len(tokens)
    while end > 1:
        size = legal_suffix(best.text, tokens, 0, end, caps=False)
        if not size:
            break
        end -= size
    identifying = [k for k in range(end) if _identifying_word(tokens[k].low)]
    shorts: list[tuple[str, ...]] = [
        (tokens[k].key,) for k in identifying if len(tokens[k].key) >= _MIN_SHORT
    ]
    for size in range(2, end + 1):
        keys = tuple(token.key for token in tokens[:size])
        named = bool(identifying) and identifying[0] < size
        if named and tokens[size - 1].low not in PARTICLES and all(keys):
            shorts.append(keys)
    return shorts


def _identifying_word(low: str) -> bool:
    return not (
        low in RIGHT_HEADS
        or low in LEFT_HEADS
        or low in DESCRIPTORS
        or low in PARTICLES
        or low in ORG_CUES
        or word_key(low) in generic_words()
        or is_common(low, caps=False)
        or is_place_word(low)
    )
