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
from functools import lru_cache

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import FUNCTION_WORDS, ORG_CUES, VERBS
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.places import (
    BASED,
    CITY,
    DEMONYM,
    PLAIN,
    POSSESSIVE,
    Place,
    place_at,
)
from interdict.intel.extract.resolve import Draft
from interdict.intel.extract.tokens import tokenize, words

_LEFT_WINDOW = 8
# "Embassy Ankara", "AmConsul Dubai", "Consulate General Istanbul": the post and its city.
_POST = re.compile(
    r"^\s*(?:american\s+|us\s+|u\.s\.\s+)?(?:embassy|consulate(?:\s+general)?|mission|"
    r"amembassy|amconsul|amconsulate|usmission)\s+(.+?)\s*$",
    re.IGNORECASE,
)
_OFFICE_WINDOW = 10
_OFFICE_PARTICLES = frozenset({"of", "for", "and", "the"})
# Words of an office that make it one of government.
_GOVERNMENT = frozenset(
    {
        "minister",
        "ministry",
        "mfa",
        "mofa",
        "mod",
        "government",
        "customs",
        "president",
        "premier",
        "parliament",
        "duma",
        "governor",
        "prosecutor",
        "police",
        "army",
        "navy",
        "military",
        "undersecretary",
        "secretary-general",
        "spokesman",
        "spokeswoman",
        "ambassador",
        "commander",
        "general",
    }
)
_RIGHT_WINDOW = 9
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "its", "their", "another", "one"})
_PHRASE_GAP = re.compile(r"\s*,?\s*\Z")
_SITED = r"(?:based|located|headquartered|registered|incorporated)"
_HEDGED = r"(?:(?:also|reportedly|allegedly|apparently|believed\s+to\s+be|said\s+to\s+be)\s+)?"
_LOCATED = re.compile(
    rf"\s*,?\s*(?:(?:(?:which|that)\s+is\s+|(?:is|was|are|were)\s+{_HEDGED})?{_SITED}"
    r"\s+in|of|in|at|from)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_APPOSITION = re.compile(
    rf"\s*,?\s*(?:(?:is|was|are|were)\s+{_HEDGED})?(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?\Z",
    re.IGNORECASE,
)
# "X, a trading company based in Beirut", "X, a company registered in the Jebel Ali Free Zone",
# "X, a trading firm in Shenzhen", "X is a company located in Sharjah".
_APPOSED_LOCATION = re.compile(
    rf"\s*(?:,|\s(?:is|was|are|were)\s+{_HEDGED})\s*(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_SITED}\s+)?in\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "X, a Tehran firm": a city before the noun of an apposition.
_ARTICLE = re.compile(rf"\s*(?:,|\s(?:is|was)\s+{_HEDGED})\s*(?:a|an|the)\s+\Z", re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:company|firm|corporation|entity|trading house|supplier|"
    r"manufacturer|maker|distributor|broker|intermediary|forwarder|exporter|importer)\b",
    re.IGNORECASE,
)
# "made in Japan by X": where the goods of the maker named next were made.
_MADE_IN = re.compile(
    r"\b(?:made|manufactured|produced|built|fabricated)\s+in\s+(?:the\s+)?\Z", re.IGNORECASE
)
_BY = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,2}?\Z", re.IGNORECASE)
_ADDRESS = re.compile(r"\s*,\s*\Z")
_LOCATED_AFTER = re.compile(
    rf"\s*,?\s*(?:(?:(?:is|was)\s+{_HEDGED})?{_SITED}\s+in|of|in|at|from)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_COMMA = re.compile(r"\s*,\s*")
_PAST_APPOSITION = re.compile(
    r"\s*,[^,.;()]{1,100},\s*(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?", re.IGNORECASE
)


def locate(sentence: Sentence, mention: Mention) -> None:
    """Take a stated location after a name into the mention ("X of Dalian", "X in Dubai,
    UAE"), then every country the words around it give (``countries_of``).

    The location then belongs to the name: its country is recorded, and
    link patterns read the words after it ("X of Dalian sold ... to Y").
    """
    tokens, text = sentence.tokens, sentence.text
    match = _LOCATED_AFTER.match(text, mention.after)
    while match is not None:
        index = sentence.token_at(match.end())
        if index is not None and index not in sentence.places:
            index = _past_town(sentence, index)  # "of Springdale, Arkansas"
        place = sentence.places.get(index) if index is not None else None
        if index is None or place is None or place.form is not PLAIN or place.kind == DEMONYM:
            break
        mention.countries.append(place.code)
        mention.after = tokens[index + place.length - 1].end
        match = _COMMA.match(text, mention.after)
    mention.countries = countries_of(sentence, mention)


def _past_town(sentence: Sentence, index: int) -> int | None:
    """The place after a town the tables do not know: "Springdale, Arkansas", "Kanazawa, Japan"
    (one or two capitalised words, a comma, then a place the tables know)."""
    tokens, text = sentence.tokens, sentence.text
    for size in (1, 2, 3):
        after = index + size
        if after >= len(tokens) or not all(
            tokens[k].upper_initial and (k == index or text[tokens[k - 1].end] == " ")
            for k in range(index, after)
        ):
            return None
        if _COMMA.fullmatch(text, tokens[after - 1].end, tokens[after].start) is not None:
            place = sentence.places.get(after)
            if place is not None and place.kind != DEMONYM:
                return after
    return None


def countries_of(sentence: Sentence, mention: Mention) -> list[str]:
    """Country codes the text gives for the party at ``mention``, nearest first."""
    codes = list(mention.countries)
    left = _before(sentence, mention) or _made_in(sentence, mention)
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


def _made_in(sentence: Sentence, mention: Mention) -> str | None:
    """ "The pumps were manufactured in Taiwan by X": the maker's country."""
    tokens = sentence.tokens
    for index in range(mention.first - 2, max(-1, mention.first - 6), -1):
        covering = sentence.place_covering(index)
        if covering is None:
            continue
        start, place = covering
        end = tokens[start + place.length - 1].end
        made = _MADE_IN.search(sentence.text, 0, tokens[start].start)
        if made is not None and _BY.match(sentence.text, end, mention.start) is not None:
            return place.code if place.form is PLAIN else None
        return None
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
    if _ARTICLE.match(between) and _CUE_AFTER.match(text, end):
        return place.code  # "X, a Tehran firm"
    if between.strip() == "(" and text[end : end + 1] == ")":
        return place.code
    if _LOCATED.match(between) or _APPOSED_LOCATION.match(between):
        return place.code
    if _ADDRESS.match(between) and re.match(r"\s*(?:[,.;)]|\Z)", text[end:]):
        return place.code
    return None


def host_country(origin: str | None) -> str | None:
    """The country of the post a cable comes from ("Embassy Ankara": tr); None for Washington
    and for any origin that is not an embassy, consulate or mission abroad."""
    match = _POST.match(origin or "")
    if match is None:
        return None
    tokens = tokenize(match.group(1))
    place = place_at(tokens, 0, caps=True) if tokens else None
    if place is None or place.length != len(tokens) or place.kind == DEMONYM:
        return None
    return place.code


def addressee_country(addresses: list[str]) -> str | None:
    """The country of the post a cable is sent to for action ("AMEMBASSY MADRID": es), when
    every action addressee is a post in that one country; None for Washington, for posts in
    several countries and for a cable with none, since "you" then names no one government."""
    codes = {host_country(address) for address in addresses}
    if len(codes) != 1:
        return None
    return codes.pop()


def party_countries(
    drafts: list[Draft],
    by_index: dict[int, Sentence],
    employers: dict[int, int],
    host: str | None = None,
) -> dict[int, list[str]]:
    """Each party's countries: what the text says around its mentions, else the place its name
    opens with; a person with neither takes the country of the state body they work for
    (``employers``: person -> organisation), never that of a company, and an official named
    with a government office ("MFA Deputy Director General X") that of the ``host`` government
    of the post the cable comes from."""
    found: dict[int, list[str]] = {}
    for draft in drafts:
        codes = [code for mention in draft.mentions for code in mention.countries]
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
    for draft in drafts:
        if not draft.is_person or found.get(draft.number):
            continue
        named = [code for m in draft.mentions if (code := _office_country(m)) is not None]
        if named:
            found[draft.number] = named[:1]  # "the Azerbaijani Minister of Transportation X"
        elif host and any(_official(by_index[m.sentence], m) for m in draft.mentions):
            found[draft.number] = [host]
    return found


def _office_country(mention: Mention) -> str | None:
    if mention.office_of is not None:
        return None  # "director of Iran Aircraft Industries": a company's officer keeps his own
    return _country_in(mention.position or "")


@lru_cache(maxsize=4096)
def _country_in(position: str) -> str | None:
    """The country an office names ("Iranian Defense Minister"), which is the official's."""
    tokens = tokenize(position)
    for index in range(len(tokens)):
        place = place_at(tokens, index, caps=True)
        if place is not None and place.kind != CITY:
            return place.code
    return None


def _official(sentence: Sentence, mention: Mention) -> bool:
    """Whether a person is named with an office of government, not a company's: "MFA
    Department of Arms Control Deputy Director X", "Interior Minister X"."""
    if mention.position is None:
        return False
    if not _GOVERNMENT.isdisjoint(words(mention.position)):
        return True
    tokens, text = sentence.tokens, sentence.text
    first = mention.first
    while first > max(0, mention.first - _OFFICE_WINDOW) and text[tokens[first - 1].end] == " ":
        word = tokens[first - 1].low
        if word in FUNCTION_WORDS and word not in _OFFICE_PARTICLES:
            break
        first -= 1  # the office's own words: "MFA Department of Arms Control Deputy Director"
    return not _GOVERNMENT.isdisjoint(token.low for token in tokens[first : mention.first])
