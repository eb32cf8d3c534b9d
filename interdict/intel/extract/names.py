"""Names a sentence gives with evidence that they are parties.

Each run of name words (``runs``) is read from the left: the words that
lead into a name are taken off and kept ("Irans" and "Turkish-based" give a
country, "the company" a schema); a title or an office makes the rest a
person (``persons``); "and" or an office inside the run may split it into
two names ("Ak Makina and Ardalan Machineries Company", "SHIG Director
Ahmad Vahidi"); what is left is an organisation if ``organisations`` finds
evidence for one.  Capitalised words without evidence ("Embassy Madrid",
"Spanish officials") are left alone: without a model of English, evidence
is what keeps countries, offices and cable furniture out.
"""

from __future__ import annotations

from functools import cache

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form, legal_suffix
from interdict.intel.extract.lexicon import (
    LEGAL_PREFIXES,
    ORG_CUES,
    PERSON_CUES,
    RIGHT_HEADS,
    TITLES,
    is_common,
)
from interdict.intel.extract.mentions import CUE, POSITION, Mention
from interdict.intel.extract.organisations import (
    MAX_NAME_WORDS,
    cue_before,
    identifying,
    name_end,
    organisation,
)
from interdict.intel.extract.persons import (
    office,
    person_mention,
    personal,
    position_at,
    titled_person,
)
from interdict.intel.extract.places import PLAIN
from interdict.intel.extract.runs import LEADING_PARTICLES, PARTICLES, runs
from interdict.parties.names.analysis import normalise


def find_names(sentence: Sentence, known: frozenset[str] = frozenset()) -> list[Mention]:
    """Party mentions with evidence in one sentence, in text order.

    ``known`` holds the keys (``name_key``) of names found elsewhere in the
    cable; it lets "Ak Makina and Ardalan Machineries Company" split into
    two names once "Ak Makina" is known to be one.
    """
    found: list[Mention] = []
    for start, end in runs(sentence):
        _evaluate(sentence, start, end, known, found)
    found.sort(key=lambda m: m.start)
    return found


def _evaluate(
    sentence: Sentence, start: int, end: int, known: frozenset[str], found: list[Mention]
) -> None:
    """Decide what the run ``tokens[start:end]`` names, appending its mentions to ``found``."""
    if start >= end:
        return
    person = titled_person(sentence, start, end)
    if person is not None:
        if person.first > start and not _leads_in(sentence, start, person.first):
            before: list[Mention] = []
            _evaluate(sentence, start, person.first, known, before)
            _employer(sentence, person, before)
            found.extend(before)
        found.append(person)
        _evaluate(sentence, person.last, end, known, found)
        return
    cue = cue_before(sentence, start)
    countries: list[str] = []
    first = _lead_in(sentence, start, end, countries)
    if first > start:
        leading = sentence.tokens[first - 1].low
        if leading in ORG_CUES or leading in PERSON_CUES:
            cue = leading
    last = end
    tokens = sentence.tokens
    while last > first and _trailing(tokens[last - 1].low, sentence.caps):
        last -= 1
    if first >= last or _split(sentence, first, last, cue, known, found):
        return
    last = _of_place(sentence, first, last, countries)
    if tokens[first].low in LEGAL_PREFIXES:
        last = next((k for k in range(first + 2, last) if tokens[k].low == "of"), last)
    mention = organisation(sentence, first, last, cue)
    cued = cue in PERSON_CUES and 2 <= last - first <= MAX_NAME_WORDS
    if mention is None and cued and personal(sentence, first, last):
        mention = person_mention(sentence, first, last, CUE)
    if mention is not None:
        mention.countries = countries
        found.append(mention)


def _trailing(word: str, caps: bool) -> bool:
    """A word that cannot end a name; organisation nouns ("Organization") can, cue or not."""
    if word in RIGHT_HEADS or word in ORG_CUES:
        return False
    return word in PARTICLES or is_common(word, caps)


def _employer(sentence: Sentence, person: Mention, before: list[Mention]) -> None:
    """ "SHIG Director Ahmad Vahidi": the organisation named just before the office."""
    named = [m for m in before if not m.is_person]
    if not named or person.position is None:
        return
    last = named[-1]
    size = position_at(sentence, last.last, person.first)
    if size and last.last + size == person.first:
        person.position = office(sentence, last.last, size, last)
        person.office_of = last


def _lead_in(sentence: Sentence, start: int, end: int, countries: list[str]) -> int:
    """Skip the words that lead into a name, keeping the countries they give."""
    tokens = sentence.tokens
    first = start
    while first < end:
        token = tokens[first]
        place = sentence.places.get(first)
        if place is not None and place.form is not PLAIN:
            countries.append(place.code)
            first += place.length
        elif token.low in LEADING_PARTICLES:
            break
        elif is_common(token.low, sentence.caps) or token.low in PARTICLES or token.low in TITLES:
            first += 1
        else:
            break
    return first


def _leads_in(sentence: Sentence, start: int, end: int) -> bool:
    return _lead_in(sentence, start, end, []) >= end


def _split(
    sentence: Sentence,
    first: int,
    last: int,
    cue: str | None,
    known: frozenset[str],
    found: list[Mention],
) -> bool:
    """Split a run at "and" between two names, or at an office between a name and a person.

    "Ammunition and Metallurgy Industries Group" is one name; "Ak Makina and
    Ardalan Machineries Company" two, which shows only when the left part is
    a name on its own and the right part starts with a word of a name.
    """
    tokens = sentence.tokens
    for index in range(first + 1, last - 1):
        if tokens[index].low == "and" and identifying(sentence, index + 1, index + 2):
            if _stands_alone(sentence, first, index, known):
                _evaluate(sentence, first, index, known, found)
                _evaluate(sentence, index + 1, last, known, found)
                return True
            sentence.deferred = True
        size = position_at(sentence, index, last)
        if not size or index + size >= last:
            continue
        named = organisation(sentence, first, index, cue) or _known(sentence, first, index, known)
        if named is None:
            sentence.deferred = True
            continue
        found.append(named)
        if last - index - size <= MAX_NAME_WORDS and personal(sentence, index + size, last):
            person = person_mention(sentence, index + size, last, POSITION)
            person.position = office(sentence, index, size, named)
            person.office_of = named
            found.append(person)
        return True
    return False


def _known(sentence: Sentence, first: int, last: int, known: frozenset[str]) -> Mention | None:
    """A name found elsewhere in the cable, here without its evidence ("SHIG Director X")."""
    tokens, text = sentence.tokens, sentence.text
    start, end = tokens[first].start, name_end(sentence, last - 1)
    if name_key(text[start:end]) not in known:
        return None
    return Mention(sentence.index, first, last, start, end, text[start:end], "LegalEntity", CUE)


def _stands_alone(sentence: Sentence, first: int, last: int, known: frozenset[str]) -> bool:
    tokens, text = sentence.tokens, sentence.text
    if name_key(text[tokens[first].start : tokens[last - 1].end]) in known:
        return True
    return bool(legal_suffix(text, tokens, first, last, sentence.caps)) or (
        last - first >= 2 and tokens[last - 1].low in RIGHT_HEADS
    )


def _of_place(sentence: Sentence, first: int, last: int, countries: list[str]) -> int:
    """Cut "of Aalen" off "Ostalb GmbH of Aalen"; keep "Atomic Energy Organization of Iran".

    After a legal form, "of" always starts a location; after a trade noun
    ("Company", "Trading") only when a known place follows.  An institution
    named "of" a country keeps the words and takes the country.
    """
    tokens = sentence.tokens
    for index in range(first + 1, last - 1):
        if tokens[index].low != "of":
            continue
        before = tokens[index - 1]
        place = sentence.places.get(index + 1)
        whole = place is not None and place.form is PLAIN and index + 1 + place.length == last
        if is_legal_form(before.text, sentence.caps):
            if whole and place is not None:
                countries.append(place.code)
            return index
        if whole and place is not None:
            countries.append(place.code)
            return index if RIGHT_HEADS.get(before.low) == "Company" else last
        return last
    return last


@cache
def name_key(name: str) -> str:
    """The key "known" names are compared by: lower-case ASCII words."""
    return normalise(name)
