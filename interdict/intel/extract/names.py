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

import re
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form, legal_suffix
from interdict.intel.extract.lexicon import (
    FUNCTION_WORDS,
    LEFT_HEADS,
    LEGAL_PREFIXES,
    MONTHS,
    OFFICES,
    ORG_CUES,
    PERSON_CUES,
    RIGHT_HEADS,
    TITLES,
    VERBS,
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
from interdict.intel.extract.shapes import POSITION as OFFICE
from interdict.parties.names.analysis import normalise

_COMMA = re.compile(r"\s*,\s*")
_OFFICE_REACH = 4  # "X, MFA Department Deputy Director": an office within four words
_PERSON_APPOSITION = re.compile(
    r"\s*,\s*(?:a|an)\s+(?:[\w.'&-]+\s+){0,5}?(?:national|citizen|resident|businessman|"
    r"businesswoman|engineer|scientist|physicist|chemist|official|employee|executive|"
    r"director|manager|representative|middleman|officer)\b"
)
_OFFICE_BEFORE = re.compile(
    rf"(?:'s|\b(?:the|its|their))\s+(?:(?:former|acting|current|new|senior)\s+)*{OFFICE}"
    r"\s*,\s*\Z"
)
# Keys of the names found in a cable, and of their first two or more words, each with the keys
# of the full names it was taken from.
Known = Mapping[str, frozenset[str]]
NOTHING_KNOWN: Known = MappingProxyType({})


def find_names(sentence: Sentence, known: Known = NOTHING_KNOWN) -> list[Mention]:
    """Party mentions with evidence in one sentence, in text order.

    ``known`` holds the keys (``name_key``) of names found in the cable and
    of their first words, each with the full names it comes from; it lets
    "Ak Makina and Ardalan Machineries Company" split into two names once
    "Ak Makina" is known to be one.
    """
    found: list[Mention] = []
    for start, end in runs(sentence):
        _evaluate(sentence, start, end, known, found)
    found.sort(key=lambda m: m.start)
    return found


def first_names(sentence: Sentence) -> list[Mention]:
    """``find_names`` without names known from elsewhere: what the sentence's text alone gives,
    worked out once per text (``document.analysis``) and copied for each sentence with it."""
    shared = sentence.shared
    if shared.names is None:
        found = find_names(sentence)
        shared.names = _copies(found, -1)
        return found
    return _copies(shared.names, sentence.index)


def _copies(mentions: list[Mention], sentence: int) -> list[Mention]:
    """Fresh mentions for ``sentence``: later steps change a mention, never its template."""
    copies = [
        Mention(
            sentence,
            m.first,
            m.last,
            m.start,
            m.end,
            m.text,
            m.schema,
            m.how,
            m.after,
            m.acronym,
            list(m.aliases),
            list(m.countries),
            m.position,
            m.entity,
        )
        for m in mentions
    ]
    for mention, copy in zip(mentions, copies, strict=True):
        if mention.office_of is not None:
            employer = next(k for k, m in enumerate(mentions) if m is mention.office_of)
            copy.office_of = copies[employer]
    return copies


def _evaluate(sentence: Sentence, start: int, end: int, known: Known, found: list[Mention]) -> None:
    """Decide what the run ``tokens[start:end]`` names, appending its mentions to ``found``."""
    if start >= end:
        return
    person = titled_person(sentence, start, end)
    if person is not None:
        if person.first > start and not _leads_in(sentence, start, person.first):
            before: list[Mention] = []
            _evaluate(sentence, start, person.first, known, before)
            _employer(sentence, person, before, start, known)
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
    cued = cue in PERSON_CUES or _apposed_person(sentence, last) or _office_before(sentence, first)
    if (
        mention is None
        and cued
        and 2 <= last - first <= MAX_NAME_WORDS
        and personal(sentence, first, last)
    ):
        mention = person_mention(sentence, first, last, CUE)
        if cue not in PERSON_CUES:
            mention.position = _apposed_office(sentence, last)
    if mention is not None:
        mention.countries = countries
        found.append(mention)


def _office_before(sentence: Sentence, first: int) -> bool:
    """ "The firm's managing director, Helmut Brandauer,": an office held in a party, then the
    name in apposition (the party may be named by a reference, so no mention is needed)."""
    return _OFFICE_BEFORE.search(sentence.lower, 0, sentence.tokens[first].start) is not None


def _apposed_person(sentence: Sentence, last: int) -> bool:
    """ "Tan Boon Huat, a Malaysian citizen,", "X, an SBIG procurement official": a noun that
    only a person is, in an apposition after the name; or an office written as a title, "X,
    MFA Director for Disarmament", "X, Deputy Minister of Trade"."""
    tokens = sentence.tokens
    if _PERSON_APPOSITION.match(sentence.lower, tokens[last - 1].end) is not None:
        return True
    return _apposed_office(sentence, last) is not None


def _apposed_office(sentence: Sentence, last: int) -> str | None:
    """The office written as a title after the name and a comma: "MFA Director", as written."""
    tokens, text = sentence.tokens, sentence.text
    if last >= len(tokens) or not _COMMA.fullmatch(text, tokens[last - 1].end, tokens[last].start):
        return None
    for index in range(last, min(last + _OFFICE_REACH, len(tokens))):
        size = position_at(sentence, index, len(tokens), OFFICES)
        if size and (sentence.caps or tokens[index].upper_initial):
            return text[tokens[last].start : tokens[index + size - 1].end]
        if tokens[index].low in FUNCTION_WORDS or not (
            tokens[index].upper_initial or sentence.caps
        ):
            return None
    return None


def _trailing(word: str, caps: bool) -> bool:
    """A word that cannot end a name; organisation nouns ("Organization") can, cue or not, and
    so can a capitalised verb in mixed case ("Lakemarsh Industrial Supply")."""
    if word in RIGHT_HEADS or word in ORG_CUES:
        return False
    if not caps and word in VERBS and not (word in FUNCTION_WORDS or word in MONTHS):
        return False
    return word in PARTICLES or is_common(word, caps)


def _employer(
    sentence: Sentence, person: Mention, before: list[Mention], start: int, known: Known
) -> None:
    """ "SHIG Director Ahmad Vahidi": the organisation named just before the office, by its
    evidence or as a name known from elsewhere in the cable ("AEOI OFFICIAL X")."""
    named = [m for m in before if not m.is_person]
    if not named and known:
        for index in range(start + 1, person.first):
            size = position_at(sentence, index, person.first)
            employer = _known(sentence, start, index, known) if size else None
            if employer is not None:
                before.append(employer)
                named = [employer]
                break
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
        elif place is not None or token.low in LEADING_PARTICLES:
            break  # "LIAONING NORTHERN ...": a place the name opens with, -ing or not
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
    known: Known,
    found: list[Mention],
) -> bool:
    """Split a run at "and" between two names, or at an office between a name and a person.

    "Ammunition and Metallurgy Industries Group" is one name; "Ak Makina and
    Ardalan Machineries Company" two, which shows only when the left part is
    a name on its own and the right part starts with a word of a name.
    """
    tokens = sentence.tokens
    # The first words of a run found whole before ("Defense Technology and Science Research
    # Center") are known as its own prefix; only a name known from elsewhere splits it.
    whole = name_key(sentence.text[tokens[first].start : tokens[last - 1].end])
    for index in range(first + 1, last - 1):
        if tokens[index].low == "for" and legal_suffix(
            sentence.text, tokens, first, index, sentence.caps
        ):
            _evaluate(sentence, first, index, known, found)  # "Delmar LLC for Kavir Co."
            _evaluate(sentence, index + 1, last, known, found)
            return True
        if tokens[index].low == "and" and identifying(sentence, index + 1, index + 2):
            if _stands_alone(sentence, first, index, known, whole):
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
        name = _past_office(sentence, index + size, last)
        if name is not None:
            person = person_mention(sentence, name, last, POSITION)
            person.position = office(sentence, index, size, named)
            person.office_of = named
            found.append(person)
        return True
    return False


def _past_office(sentence: Sentence, start: int, last: int) -> int | None:
    """Where the person's name starts after an office: at once ("Director Ahmad Vahidi"), or
    past its field and a title ("Head of Investigations Saeed Al Marri", "Director of
    Enforcement Datuk Mohd Ridzuan bin Ismail"); None if no name of 2-4 words ends the run."""
    tokens = sentence.tokens
    starts = [start]
    if start < last and tokens[start].low in {"of", "for"}:
        starts += [start + 2, start + 3]
    for name in starts:
        while name < last and tokens[name].low in TITLES:
            name += 1
        if name == start and last - name <= MAX_NAME_WORDS and personal(sentence, name, last):
            return name
        if name > start and 2 <= last - name <= MAX_NAME_WORDS and personal(sentence, name, last):
            return name
    return None


def _known(sentence: Sentence, first: int, last: int, known: Known) -> Mention | None:
    """A name found elsewhere in the cable, here without its evidence ("SHIG Director X")."""
    tokens, text = sentence.tokens, sentence.text
    start, end = tokens[first].start, name_end(sentence, last - 1)
    if name_key(text[start:end]) not in known:
        return None
    return Mention(sentence.index, first, last, start, end, text[start:end], "LegalEntity", CUE)


def _stands_alone(sentence: Sentence, first: int, last: int, known: Known, whole: str) -> bool:
    """Whether ``tokens[first:last]`` is a name by itself: it has evidence of its own, or it
    is known from a name other than ``whole``, the run it was cut from."""
    tokens, text = sentence.tokens, sentence.text
    if known.get(name_key(text[tokens[first].start : tokens[last - 1].end]), frozenset()) - {whole}:
        return True
    return (
        bool(legal_suffix(text, tokens, first, last, sentence.caps))
        or (last - first >= 2 and tokens[last - 1].low in RIGHT_HEADS)
        or _of_a_place(sentence, first, last)
    )


def _of_a_place(sentence: Sentence, first: int, last: int) -> bool:
    """ "Bank of China": an organisation noun "of" a place, which ends the name there."""
    tokens = sentence.tokens
    place = sentence.place_covering(last - 1)
    if place is None or place[0] < first + 2 or tokens[place[0] - 1].low != "of":
        return False
    return tokens[first].low in LEFT_HEADS or tokens[place[0] - 2].low in RIGHT_HEADS


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
            opening = index - 1 == first and before.low in LEFT_HEADS  # "Bank of Greece"
            trade = RIGHT_HEADS.get(before.low) == "Company"
            return index if trade and not opening else last
        return last
    return last


@cache
def name_key(name: str) -> str:
    """The key "known" names are compared by: lower-case ASCII words."""
    return normalise(name)
