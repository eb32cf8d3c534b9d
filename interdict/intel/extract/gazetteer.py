"""Known names: the names and aliases of the loaded restricted-party lists.

A listed name is evidence that a run of words is a party even without a
legal form or a cue ("Sepanir", "7th of Tir"), and it ties an acronym to
its full name when the text never writes them side by side.  Names are
keyed by their tokens' comparison keys with trailing legal forms taken
off, so "Behineh Trading Co." on the list meets "BEHINEH TRADING COMPANY"
in a cable.  Lookup is by first word and then by the few lengths filed
under it, so it costs a dictionary probe per token of text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form, legal_tail
from interdict.intel.extract.lexicon import is_common
from interdict.intel.extract.mentions import LISTED, Mention
from interdict.intel.extract.tokens import tokenize
from interdict.parties.index.search import MatchIndex
from interdict.parties.names.variants import name_variants
from interdict.parties.store.bundled import ensure_bundled
from interdict.parties.store.datasets import current_version
from interdict.parties.store.home import data_home

_MIN_SINGLE = 3  # a one-word listed name shorter than this would match everywhere
_MIN_SINGLE_TEXT = 4  # nor is a shorter one-word match in text evidence enough
# The schemata of a list that are parties; a listed vessel or aircraft is not.
_PARTY_SCHEMATA = {
    "Person": "Person",
    "Organization": "Organization",
    "Company": "Company",
    "LegalEntity": "LegalEntity",
    "PublicBody": "Organization",
}


# What a known name stands for: the number of its entity and the entity's FtM schema.  A plain
# tuple rather than a class: a full list holds a million of them, and the garbage collector
# stops tracking tuples of plain values.
Listed = tuple[int, str]


@dataclass(slots=True)
class Gazetteer:
    """Known names by key; build with ``Gazetteer.of`` or ``gazetteer_from_datasets``."""

    names: dict[str, Listed] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: Iterable[tuple[str, Iterable[str]]]) -> Gazetteer:
        """A gazetteer of ``(schema, names)`` pairs, one pair per entity."""
        gazetteer = cls()
        for number, (schema, names) in enumerate(entities):
            for name in names:
                gazetteer.add(name, (number, schema))
        return gazetteer

    def add(self, name: str, listed: Listed) -> None:
        for variant in name_variants(name):
            keys = name_keys(variant)
            if not keys or (len(keys) == 1 and len(keys[0]) < _MIN_SINGLE):
                continue
            self.names.setdefault(" ".join(keys), listed)
            known = self.lengths.get(keys[0], ())
            if len(keys) not in known:
                self.lengths[keys[0]] = tuple(sorted((*known, len(keys)), reverse=True))

    def __len__(self) -> int:
        return len(self.names)

    def longest(self, keys: list[str], start: int) -> tuple[int, Listed] | None:
        """The longest known name that starts at ``keys[start]``: its length and entity."""
        for size in self.lengths.get(keys[start], ()):
            if start + size <= len(keys):
                listed = self.names.get(" ".join(keys[start : start + size]))
                if listed is not None:
                    return size, listed
        return None


def name_keys(name: str) -> list[str]:
    """A name's token keys, less the legal forms at its end ("Behineh Trading Co." -> 2 keys)."""
    tokens = tokenize(name)
    end = len(tokens)
    while end > 1 and is_legal_form(name[tokens[end - 1].start : tokens[end - 1].end]):
        end -= 1
    return [token.key for token in tokens[:end] if token.key]


def gazetteer_from_datasets(
    home: Path | None = None, names: Iterable[str] | None = None
) -> Gazetteer:
    """The names of every screened entity of the loaded datasets (default: all of them).

    Reads the match index each dataset already has, so the names are the
    ones screening uses: split at brackets, weak aliases included.
    """
    home = home or data_home()
    available = ensure_bundled(home)
    gazetteer = Gazetteer()
    number = 0
    for dataset in list(names) if names else available:
        directory = current_version(home, dataset)
        if directory is None:
            continue
        index = MatchIndex(directory)
        for entity in range(index.entities):
            record = index.record(entity)
            schema = _PARTY_SCHEMATA.get(record.schema)
            if schema is None:
                continue
            listed = (number, schema)
            number += 1
            for listed_name in record.names:
                gazetteer.add(listed_name.form.text, listed)
    return gazetteer


def find_listed(sentence: Sentence, gazetteer: Gazetteer, taken: list[Mention]) -> list[Mention]:
    """Listed names in a sentence that no other evidence found, longest first at each word.

    In mixed-case text every word of the match must be capitalised (or a
    particle such as "of"), and a one-word match must be an acronym or a
    longer uncommon word; in capitals, a one-word match must be at least
    four letters and not an English word ("MID" is a listed acronym and a
    month's middle).

    A listed name that holds shorter names found by other evidence replaces
    them, since the list knows where the name ends: "DEFENSE TECHNOLOGY AND
    SCIENCE RESEARCH CENTER" is one name, though "AND" may split a run of
    capitals.  The shorter mentions are taken out of ``taken``.
    """
    if not gazetteer.names:
        return []
    tokens = sentence.tokens
    keys = [token.key for token in tokens]
    found: list[Mention] = []
    index = 0
    while index < len(tokens):
        hit = gazetteer.longest(keys, index) if keys[index] else None
        if hit is None or not _plausible(sentence, index, hit[0]):
            index += 1
            continue
        size, listed = hit
        last = index + size
        last += legal_tail(sentence.text, tokens, last, sentence.caps)
        start, end = tokens[index].start, tokens[last - 1].end
        inside = [m for m in taken if m.overlaps(start, end)]
        if all(start <= m.start and m.end <= end and m.end - m.start < end - start for m in inside):
            text = sentence.text[start:end]
            mention = Mention(
                sentence.index, index, last, start, end, text, listed[1], LISTED, entity=listed[0]
            )
            _take_over(mention, inside, taken)
            found.append(mention)
        index = last
    return found


def _take_over(mention: Mention, inside: list[Mention], taken: list[Mention]) -> None:
    """Replace the mentions ``inside`` a listed name by it, keeping what follows the last one
    (a bracketed acronym, an a.k.a.) and the countries read before it."""
    for shorter in inside:
        taken.remove(shorter)
        mention.countries.extend(shorter.countries)
        if shorter.end == mention.end:
            mention.acronym, mention.aliases, mention.after = (
                shorter.acronym,
                shorter.aliases,
                shorter.after,
            )


def _plausible(sentence: Sentence, index: int, size: int) -> bool:
    tokens = sentence.tokens
    span = tokens[index : index + size]
    if all(is_common(token.low, sentence.caps) for token in span):
        return False
    if (
        any(sentence.place_covering(k) is not None for k in range(index, index + size))
        and size == 1
    ):
        return False
    if size == 1:
        word = span[0].text
        if sentence.caps:
            return len(word) >= _MIN_SINGLE_TEXT and not is_common(span[0].low)
        return word.isupper() or (len(word) > _MIN_SINGLE_TEXT and word[0].isupper())
    if sentence.caps:
        return True
    return all(
        token.upper_initial or token.text[0].isdigit() or is_common(token.low, False)
        for token in span
    )
