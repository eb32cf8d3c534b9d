"""Persons: named after a title, an office, or with their office in an organisation.

Three kinds of evidence make a run of name words a person.  An honorific or
rank before it ("Mr.", "Dr.", "General").  An office before it, written as
a title: "Deputy Director Wang Zhiqiang", "Prime Minister Erdogan", "MFA
Director General for Multilateral Affairs Moratinos"; the people of a host
or third government are parties, but not the US Government's own (an
office with "Ambassador", "ISN/MTR", "Embassy" and the like in it).  And an
office held in an organisation the cable names: "Ali Ahmadi, managing
director of Ardalan Machineries", "SHIG's director Ahmad Vahidi", "the
head of Ak Makina, Mehmet Yilmaz"; there the organisation must already be
found, which keeps "the head of the export control office, Garcia" out.
A person named with an office carries it as their position.
"""

from __future__ import annotations

import re
from functools import cache

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.legal import is_legal_form
from interdict.intel.extract.lexicon import (
    DESCRIPTORS,
    LEFT_HEADS,
    OFFICE_FIELDS,
    OFFICES,
    POSITIONS,
    RIGHT_HEADS,
    TITLES,
    US_OFFICE_PHRASES,
    US_OFFICES,
    is_common,
)
from interdict.intel.extract.mentions import PERSON, POSITION, TITLE, Mention
from interdict.intel.extract.organisations import MAX_NAME_WORDS, name_end
from interdict.intel.extract.runs import PARTICLES, is_name_word, joined
from interdict.intel.extract.tokens import words

# Offices named with a portfolio after "of": "Minister of Transportation X".
_MINISTERS = frozenset({"minister", "secretary", "commissioner", "governor"})
# Words that make an office another government's than the US's.
_FOREIGN_OFFICES = frozenset({"mfa", "mofa", "ministry", "minister", "duma", "parliament"})
_TITLE_GAP = re.compile(r"\.?\s+\Z")
_OFFICE_LINKS = frozenset({"of", "at", "for", "with"})
_DETERMINERS = frozenset({"the", "its", "a", "an", "their", "his", "her"})
_MODIFIERS = frozenset({"former", "acting", "current", "then", "new", "senior", "interim"})
_COPULAS = frozenset({"is", "was", "became", "remains"})
_COMMA = re.compile(r"\s*,\s*\Z")
_SPACE = re.compile(r"\s+\Z")
_TITLES_AFTER = re.compile(r"\s*,?\s*(?:(?:mr|mrs|ms|dr|prof|eng|engr)\.?\s+)*", re.IGNORECASE)
_AFTER_NAME = re.compile(r"\s*(?:[,.;:)]|\Z|\s(?:said|told|stated|noted|explained)\b)")


def titled_person(sentence: Sentence, start: int, end: int) -> Mention | None:
    """A person named after an honorific, a rank or an office at ``start`` (or just before)."""
    tokens = sentence.tokens
    titles = _titles_in(sentence)
    if not titles or titles.isdisjoint(range(start - 1, end)):
        return None
    first = tokens[start - 1].low if start > 0 else ""
    openers = _title_words()
    if _after_article(sentence, start - 1 if first in openers else start):
        # "the General Staff", "the Minister of Industry": no one is named, unless a full name
        # follows the office ("the Azerbaijani Minister of Transportation Elnur Kazimov")
        person = _after_office(sentence, start, end)
        return person if person is not None and person.last - person.first >= 2 else None
    if start > 0 and _title_gap(sentence, start - 1, start):
        title = start - 1
        if tokens[title].low in TITLES or position_at(sentence, title, title + 1, OFFICES):
            stop = _name_after(sentence, start, end)
            if stop is not None and not _american(sentence, title, title + 1):
                return _with_office(sentence, start, stop, title, title + 1)
    if tokens[start].low in TITLES:
        index = start
        while index < end and tokens[index].low in TITLES:
            index += 1
        stop = _name_after(sentence, index, end)
        if stop is not None:
            return person_mention(sentence, index, stop, TITLE)
    return _after_office(sentence, start, end)


def _titles_in(sentence: Sentence) -> set[int]:
    """The tokens of a sentence a title or office can start at (worked out once per sentence)."""
    titles = sentence.titles
    if titles is None:
        openers = _title_words()
        titles = {k for k, token in enumerate(sentence.tokens) if token.low in openers}
        sentence.titles = titles
    return titles


def _after_article(sentence: Sentence, index: int) -> bool:
    return index > 0 and sentence.tokens[index - 1].low in {"the", "a", "an", "its", "their"}


@cache
def _title_words() -> frozenset[str]:
    """The words a title or office can start with: a run without one names no titled person."""
    return TITLES | frozenset(_phrases(OFFICES))


def _title_gap(sentence: Sentence, title: int, name: int) -> bool:
    tokens = sentence.tokens
    return _TITLE_GAP.match(sentence.text, tokens[title].end, tokens[name].start) is not None


def _after_office(sentence: Sentence, start: int, end: int) -> Mention | None:
    """ "Deputy Foreign Minister Moratinos", "MFA Director General for Multilateral Affairs X"."""
    for index in range(start, end - 1):
        size = position_at(sentence, index, end, OFFICES)
        if not size:
            continue
        name = _past_field(sentence, index + size, end)
        if name is None:
            return None
        stop = _name_after(sentence, name, end)
        if stop == end and not _american(sentence, start, name):
            return _with_office(sentence, name, stop, start, name)
        return None
    return None


def _past_field(sentence: Sentence, index: int, end: int) -> int | None:
    """Skip the field of an office ("for Multilateral Affairs"); None if "of" names an employer."""
    tokens = sentence.tokens
    start = index
    if index < end and tokens[index].low in {"for", "of"}:
        index += 1
    while index < end and (tokens[index].low in OFFICE_FIELDS or tokens[index].low == "and"):
        index += 1
    if index == start + 1:
        # "General Manager of Orkide Dis Ticaret": an office in an organisation; but a minister's
        # portfolio is no employer: "Minister of Transportation Ziya Mammedov"
        return _past_portfolio(sentence, start, end)
    return index


def _past_portfolio(sentence: Sentence, start: int, end: int) -> int | None:
    """Where the name starts after "of" and a minister's portfolio of one or two words."""
    tokens = sentence.tokens
    if start < 1 or tokens[start - 1].low not in _MINISTERS:
        return None
    for size in (1, 2):
        name = start + 1 + size
        if 2 <= end - name <= MAX_NAME_WORDS and personal(sentence, name, end):
            return name
    return None


def _american(sentence: Sentence, start: int, end: int) -> bool:
    """Whether the words of an office make it one of the US Government's; "MFA Department of
    Arms Control Director General X" is another government's, "Department" or not."""
    tokens = sentence.tokens
    words = {tokens[index].low for index in range(start, end)}
    if not words.isdisjoint(_FOREIGN_OFFICES):
        return False
    if not words.isdisjoint(US_OFFICES):
        return True
    return (
        US_OFFICE_PHRASES.search(sentence.text[tokens[start].start : tokens[end - 1].end])
        is not None
    )


def _with_office(
    sentence: Sentence, first: int, stop: int, office: int, office_end: int
) -> Mention:
    person = person_mention(sentence, first, stop, TITLE)
    tokens = sentence.tokens
    written = sentence.text[tokens[office].start : tokens[office_end - 1].end]
    if tokens[office].low not in TITLES:
        person.position = " ".join(written.split())
    return person


def _name_after(sentence: Sentence, first: int, end: int) -> int | None:
    """The end of a person's name of 1 to 4 words starting at ``first`` (None if there is none)."""
    stop = first
    while stop < end and stop - first < MAX_NAME_WORDS:
        if stop > first and not joined(sentence, stop):
            break
        if sentence.places.get(stop) is not None and sentence.tokens[stop].low not in PARTICLES:
            break
        stop += 1
    while stop > first and sentence.tokens[stop - 1].low in PARTICLES:
        stop -= 1  # "Dr. Chen Wei-ming of Harbin Optics Co.": "of" begins what follows
    if stop == first or not personal(sentence, first, stop):
        return None
    return stop


def personal(sentence: Sentence, first: int, last: int) -> bool:
    """Whether ``tokens[first:last]`` can be a person's name: no organisation or place word."""
    tokens = sentence.tokens
    for index in range(first, last):
        word = tokens[index].low
        if (
            word in RIGHT_HEADS
            or word in LEFT_HEADS
            or word in DESCRIPTORS
            or word in TITLES
            or word in OFFICE_FIELDS
            or is_common(word, sentence.caps)
            or position_at(sentence, index, index + 1, OFFICES)
        ):
            return False
        if sentence.place_covering(index) is not None or is_legal_form(tokens[index].text):
            return False
    return tokens[last - 1].low not in PARTICLES


def person_mention(sentence: Sentence, first: int, last: int, how: str) -> Mention:
    tokens = sentence.tokens
    start = tokens[first].start
    end = name_end(sentence, last - 1)
    return Mention(sentence.index, first, last, start, end, sentence.text[start:end], PERSON, how)


def position_at(
    sentence: Sentence, index: int, limit: int, offices: tuple[str, ...] = POSITIONS
) -> int:
    """How many tokens from ``index`` spell an office ("managing director"), 0 if none."""
    tokens = sentence.tokens
    if index >= min(limit, len(tokens)):
        return 0
    if offices is POSITIONS:
        table = _POSITION_TABLE
    elif offices is OFFICES:
        table = _OFFICE_TABLE
    else:
        table = _phrases(offices)
    for phrase in table.get(tokens[index].low, ()):
        size = len(phrase)
        if index + size <= limit and all(
            tokens[index + k].low == phrase[k] for k in range(1, size)
        ):
            return size
    return 0


@cache
def _phrases(offices: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Office phrases by first word, longest first: one probe per token instead of a scan."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for office in offices:
        phrase = tuple(words(office))
        table.setdefault(phrase[0], []).append(phrase)
    for phrases in table.values():
        phrases.sort(key=len, reverse=True)
    return table


# The two tables every call uses, looked up by identity: hashing the tuple of offices on every
# call (for the cache) cost more than the lookup itself.
_POSITION_TABLE = _phrases(POSITIONS)
_OFFICE_TABLE = _phrases(OFFICES)


def office(sentence: Sentence, index: int, size: int, organisation: Mention) -> str:
    """A person's position as FtM keeps it: the office and the organisation it is in."""
    written = " ".join(token.low for token in sentence.tokens[index : index + size])
    return f"{written} of {organisation.text}"


def find_officers(sentence: Sentence, organisations: list[Mention]) -> list[Mention]:
    """Persons named with an office in one of ``organisations`` (mentions in this sentence)."""
    found: list[Mention] = []
    for organisation in organisations:
        if organisation.is_person:
            continue
        person = _after(sentence, organisation) or _before(sentence, organisation)
        if person is not None and not any(p.first == person.first for p in found):
            found.append(person)
    return found


def _after(sentence: Sentence, organisation: Mention) -> Mention | None:
    """ "SHIG's director Ahmad Vahidi", "Kesari's managing director, Mr. Anil D. Kulkarni"."""
    tokens = sentence.tokens
    index = organisation.last
    while index < len(tokens) and tokens[index].low in _MODIFIERS:
        index += 1
    size = position_at(sentence, index, len(tokens))
    if size and index + size + 1 < len(tokens) and tokens[index + size].low == "and":
        more = position_at(sentence, index + size + 1, len(tokens))  # "X's owner and director"
        size += 1 + more if more else 0
    if not size or index + size >= len(tokens):
        return None
    skip = _TITLES_AFTER.match(sentence.text, tokens[index + size - 1].end)
    first = sentence.token_at(skip.end()) if skip else None
    end = _name_from(sentence, first) if first is not None else None
    if first is None or end is None:
        return None
    return _officer(sentence, first, end, index, size, organisation)


def _before(sentence: Sentence, organisation: Mention) -> Mention | None:
    """ "X, managing director of Y", "X is the owner of Y", "the head of Y, Mr. X"."""
    tokens = sentence.tokens
    index = organisation.first - 1
    if index >= 0 and tokens[index].low == "the":
        index -= 1
    if index < 1 or tokens[index].low not in _OFFICE_LINKS:
        return None
    for size in range(min(3, index), 0, -1):
        start = index - size
        if position_at(sentence, start, index) != size:
            continue
        start, size = _joined_office(sentence, start, size)
        head = start
        while head > 0 and tokens[head - 1].low in _MODIFIERS:
            head -= 1
        if head > 0 and tokens[head - 1].low in _DETERMINERS:
            head -= 1
        person = _name_before(sentence, head)
        if person is not None:
            return _officer(
                sentence, person, _head_end(sentence, person), start, size, organisation
            )
        end = _appositive_name(sentence, organisation)
        if end is not None:
            return _officer(sentence, end[0], end[1], start, size, organisation)
    return None


def _joined_office(sentence: Sentence, start: int, size: int) -> tuple[int, int]:
    """Two offices joined by "and" before an organisation: "the owner and general manager of
    Y" is one position, and an owner's (where the office ``tokens[start:start + size]`` is the
    second)."""
    tokens = sentence.tokens
    if start < 2 or tokens[start - 1].low != "and":
        return start, size
    for width in (2, 1):
        first = start - 1 - width
        if first >= 0 and position_at(sentence, first, start - 1) == width:
            return first, size + width + 1
    return start, size


def _head_end(sentence: Sentence, first: int) -> int:
    """The end of the run of name words that starts at ``first`` (at most a person's length)."""
    tokens = sentence.tokens
    end = first
    while end < len(tokens) and end - first < MAX_NAME_WORDS and _name_word(sentence, end):
        if end > first and not joined(sentence, end):
            break
        end += 1
    return end


def _name_word(sentence: Sentence, index: int) -> bool:
    return is_name_word(sentence, index) and not is_common(
        sentence.tokens[index].low, sentence.caps
    )


def _name_before(sentence: Sentence, head: int) -> int | None:
    """Where a person's name starts that ends just before ``tokens[head]``, after "," or "is"."""
    tokens, text = sentence.tokens, sentence.text
    last = head
    copula = last > 0 and tokens[last - 1].low in _COPULAS
    if copula:
        last -= 1
    if last < 1:
        return None
    separator = _SPACE if copula else _COMMA
    if not separator.match(text, tokens[last - 1].end, tokens[last].start):
        return None
    first = last
    while first > 0 and last - first < MAX_NAME_WORDS and _name_word(sentence, first - 1):
        if first < last and not joined(sentence, first):
            break
        first -= 1
    if first == last or not personal(sentence, first, last):
        return None
    if last - first < 2 and not (first > 0 and tokens[first - 1].low in TITLES):
        return None
    return first


def _appositive_name(sentence: Sentence, organisation: Mention) -> tuple[int, int] | None:
    """ "the head of Ak Makina, Mr. Mehmet Yilmaz," -> the token range of "Mehmet Yilmaz"."""
    tokens, text = sentence.tokens, sentence.text
    skip = _TITLES_AFTER.match(text, organisation.after)
    if skip is None or "," not in text[organisation.after : skip.end()]:
        return None
    first = sentence.token_at(skip.end())
    if first is None:
        return None
    end = _head_end(sentence, first)
    if end - first < 2 or not personal(sentence, first, end):
        return None
    if not _AFTER_NAME.match(text, tokens[end - 1].end):
        return None
    return first, end


def _name_from(sentence: Sentence, first: int) -> int | None:
    end = _head_end(sentence, first)
    if end - first < 2 or not personal(sentence, first, end):
        return None
    return end


def _officer(
    sentence: Sentence, first: int, end: int, index: int, size: int, organisation: Mention
) -> Mention:
    person = person_mention(sentence, first, end, POSITION)
    person.position = office(sentence, index, size, organisation)
    person.office_of = organisation
    return person
