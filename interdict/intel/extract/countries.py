"""A party's country, from what the words around one of its mentions say.

Before the name: a nationality adjective, a possessive or a "-based"
compound in the same noun phrase ("the Spanish company X", "Irans liquid
propellant ballistic missile developer X", "a Dubai-based trading company,
X").  After it: a place in brackets, "of", "in" or "based in" a place, or
an apposition ("X, an Iranian firm").  The noun phrase before a name is
read back over articles, adjectives and cue nouns only; a verb or a
preposition ends it, so "sold by Spain to X" gives X no country.
"""

from __future__ import annotations

import re

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import FUNCTION_WORDS, ORG_CUES, VERBS
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.places import BASED, DEMONYM, PLAIN, POSSESSIVE, Place
from interdict.intel.extract.resolve import Draft

_LEFT_WINDOW = 8
_RIGHT_WINDOW = 9
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "its", "their", "another", "one"})
_PHRASE_GAP = re.compile(r"\s*,?\s*\Z")
_LOCATED = re.compile(
    r"\s*,?\s*(?:(?:which\s+is\s+|that\s+is\s+)?(?:based|located|headquartered|registered)"
    r"\s+in|of|in|from)\s+(?:the\s+)?\Z"
)
_APPOSITION = re.compile(
    r"\s*,?\s*(?:(?:is|was|are|were)\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?\Z", re.IGNORECASE
)
# "X, a trading company based in Beirut", "X, a company registered in the Jebel Ali Free Zone".
_APPOSED_LOCATION = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:based|located|registered|headquartered|"
    r"incorporated)\s+in\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_ADDRESS = re.compile(r"\s*,\s*\Z")
_LOCATED_AFTER = re.compile(
    r"\s*,?\s*(?:(?:based|located|headquartered|registered)\s+in|of|in|from)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_COMMA = re.compile(r"\s*,\s*")
_PAST_APPOSITION = re.compile(
    r"\s*,[^,.;()]{1,100},\s*(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE
)


def locate(sentence: Sentence, mention: Mention) -> None:
    """Take a stated location after a name into the mention: "X of Dalian", "X in Dubai, UAE".

    The location then belongs to the name: its country is recorded, and
    link patterns read the words after it ("X of Dalian sold ... to Y").
    """
    tokens, text = sentence.tokens, sentence.text
    match = _LOCATED_AFTER.match(text, mention.after)
    while match is not None:
        index = sentence.token_at(match.end())
        place = sentence.places.get(index) if index is not None else None
        if index is None or place is None or place.form is not PLAIN or place.kind == DEMONYM:
            return
        mention.countries.append(place.code)
        mention.after = tokens[index + place.length - 1].end
        match = _COMMA.match(text, mention.after)


def countries_of(sentence: Sentence, mention: Mention) -> list[str]:
    """Country codes the text gives for the party at ``mention``, nearest first."""
    codes = list(mention.countries)
    left = _before(sentence, mention)
    if left:
        codes.append(left)
    right = _after(sentence, mention)
    if right:
        codes.append(right)
    return list(dict.fromkeys(codes))


def named_country(sentence: Sentence, mention: Mention) -> str | None:
    """The country or city a name opens with ("Dubai Customs", "Iran Centrifuge Technology
    Company"): a weaker sign than anything the text says around the name, used only without one."""
    place = sentence.places.get(mention.first)
    if place is None or place.kind == DEMONYM or mention.first + place.length >= mention.last:
        return None
    return place.code


def _before(sentence: Sentence, mention: Mention) -> str | None:
    tokens, text = sentence.tokens, sentence.text
    index = mention.first - 1
    stop = max(-1, mention.first - 1 - _LEFT_WINDOW)
    while index > stop:
        if not _PHRASE_GAP.match(text, tokens[index].end, tokens[index + 1].start):
            return None
        covering = sentence.place_covering(index)
        if covering is not None:
            start, place = covering
            if place.kind == DEMONYM or place.form in (BASED, POSSESSIVE):
                return place.code
            # "the Taiwan firm X", "THE TEHRAN TRADING COMPANY X"; not "Iran Ardalan"
            return place.code if start + place.length < mention.first else None
        word = tokens[index].low
        if word in _ARTICLES or word in ORG_CUES:
            index -= 1
            continue
        if (
            word in FUNCTION_WORDS
            or word in VERBS
            or (not sentence.caps and tokens[index].upper_initial)
        ):
            return None
        index -= 1
    return None


def _after(sentence: Sentence, mention: Mention) -> str | None:
    """A place after the name: "(Iran)", "of China", "based in Dubai", ", an Iranian firm"."""
    tokens, text = sentence.tokens, sentence.text
    index = mention.last
    while index < len(tokens) and tokens[index].start < mention.after:
        index += 1
    for place_index in range(index, min(index + _RIGHT_WINDOW, len(tokens))):
        place = sentence.places.get(place_index)
        if place is None:
            continue
        between = text[mention.after : tokens[place_index].start]
        return _placed(between, place, text, tokens[place_index + place.length - 1].end)
    return _past_apposition(sentence, mention)


def _past_apposition(sentence: Sentence, mention: Mention) -> str | None:
    """ "Mr. X, the managing director of Y, is an Iranian national": the predicate after an
    apposition."""
    match = _PAST_APPOSITION.match(sentence.text, mention.after)
    index = sentence.token_at(match.end()) if match else None
    place = sentence.places.get(index) if index is not None else None
    if place is not None and (place.kind == DEMONYM or place.form is BASED):
        return place.code
    return None


def _placed(between: str, place: Place, text: str, end: int) -> str | None:
    """Whether the words between a name and a place tie the place to the name."""
    if place.form is BASED or place.kind == DEMONYM:
        return place.code if _APPOSITION.match(between) else None
    if place.form is not PLAIN:
        return None
    if between.strip() == "(" and text[end : end + 1] == ")":
        return place.code
    if _LOCATED.match(between) or _APPOSED_LOCATION.match(between):
        return place.code
    if _ADDRESS.match(between) and re.match(r"\s*(?:[,.;)]|\Z)", text[end:]):
        return place.code
    return None


def party_countries(
    drafts: list[Draft], by_index: dict[int, Sentence], employers: dict[int, int]
) -> dict[int, list[str]]:
    """Each party's countries: what the text says around its mentions, else the place its name
    opens with; a person with neither takes the country of the state body they work for
    (``employers``: person -> organisation), never that of a company."""
    found: dict[int, list[str]] = {}
    for draft in drafts:
        codes = [
            code
            for mention in draft.mentions
            for code in countries_of(by_index[mention.sentence], mention)
        ]
        if not codes and not draft.is_person:
            codes = [
                code
                for mention in draft.mentions
                if (code := named_country(by_index[mention.sentence], mention)) is not None
            ]
        found[draft.number] = list(dict.fromkeys(codes))
    for person, employer in employers.items():
        if not found.get(person) and drafts[employer].schema() == "Organization":
            found[person] = found.get(employer, [])[:1]
    return found
