"""Licence denials a cable reports: which government refused which licence, when, for where.

A denial is read from one sentence, around a past "denied", "refused" or
"rejected" (or "refused/declined to issue") whose subject or object is a
licence noun: "a license for a similar milling machine had been denied by
Spanish authorities in January 2007", "the German government refused an
export license for ... to Iran in 2008", "BAFA denied the application".
A bare "application", "authorisation", "permit" or "request" counts only
where the text is about exports, so that a refused visa application or a
rejected request for a meeting is no denial.

Only reports count.  A modal ("would be denied", "may deny"), a present
or a subjunctive ("is denied", "recommends that the licence be denied"),
a negation ("was not denied", "no licence was refused"), a condition or
a question ("if the licence is denied", "whether a licence had been
refused") and a denied claim ("there is no indication that a licence was
refused") all say that nothing was denied.

Who denied it is read from the words that name the agent (the subject,
or "by ..." after a passive): a nationality or a country ("Spanish
authorities", "the Government of Spain"), a licensing agency or a
government abbreviation of ``data/intel/authorities.tsv`` ("BAFA",
"FRG"), or a "GOS"-style abbreviation whose letter fits the country of
the cable's addressee or origin.  Failing that, a sentence that speaks to
"you" or of "your" authorities, in a cable sent for action to one post
abroad, is talking points for its host government, which is taken.
Anything else leaves the authority unknown: the extractor never guesses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from rigour.territories import get_territory

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.goods import term_matches
from interdict.intel.extract.items import Item as ItemDraft
from interdict.intel.extract.lexicon import (
    FUNCTION_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORG_CUES,
    VERBS,
    word_set,
)
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.places import COUNTRY, DEMONYM
from interdict.intel.extract.polarity import denied_clause, negated
from interdict.intel.extract.tokens import words

# Sentences without one of these words are not read further: nearly all of them.
_CUE = re.compile(r"\b(?:denied|refused|rejected|declined)\b")
_DENYING = frozenset({"denied", "refused", "rejected"})
# "refused to issue a licence", "declined to grant the export authorisation"
_TO_GRANT = word_set("issue grant approve authorise authorize license licence")
_LICENCES = word_set("licence license licences licenses")
# Nouns that are a licence only where the text is about exports.
_BARE = word_set("""
    application applications authorisation authorisations authorization authorizations
    permit permits
    """)
_REQUESTS = word_set("request requests")
# Verbs that are also nouns naming a licence's kind: "an export licence", "an import permit".
_LICENCE_KINDS = word_set("export import re-export transit supply")
_EXPORTS = re.compile(r"licen[cs]|export|dual[- ]use|end[- ]user")
# Licences that are not for goods: "a bank license", "her visa application".
_OTHER_LICENCES = word_set("""
    bank banking business operating driving broadcasting fishing mining residence residency
    work landing visa asylum membership loan credit patent trademark marriage building
    construction planning liquor gaming
    """)

# The words a verb's auxiliaries are made of, and the adverbs that may stand among them.
_PERFECT = word_set("has have had having")
_PAST_BE = word_set("was were been")
_PRESENT_BE = word_set("is are am be being")
_MODALS = word_set("will would may might can could shall should must to")
_NEGATIONS = word_set("not never no none neither nor")
_ADVERBS = word_set("""
    also already subsequently reportedly recently previously formally eventually ultimately
    finally then later again apparently allegedly once even still just officially twice
    """)

# Words that open a clause, and punctuation that ends one.
_OPENERS = word_set("""
    that which who whom whose whether if unless because although though while whereas but when
    where lest due owing citing
    """)
_AGENT_JOINERS = word_set("the of and")
_HARD = re.compile(r"[;:]|--")
# "did not dispute that ...", "never denied that ...": the claim is granted, not denied.
_CONCEDED = re.compile(
    r"(?:\bnot|\bnever|n't)\s+(?:den(?:y|ied)|dispute[sd]?|reject(?:ed)?|refuted?|contest(?:ed)?)"
    r"\s+that\s+(?:[\w'-]+\s+){0,2}\Z"
)
_CONDITION = re.compile(r"\b(?:if|unless|whether|lest|in\s+(?:the\s+)?(?:case|event))\b")
_DETERMINERS = word_set("a an the its their his her our your this that these those any each")

# Words that make an agent a government: "the licensing authority", "officials".
_GOVERNMENT = word_set("""
    government governments authorities authority officials official ministry minister office
    agency customs regulator regulators commission committee board bureau directorate
    secretariat inspectorate administration
    """)
_YOU = word_set("you your yours yourselves")
_HOST_ABBREVIATION = re.compile(r"GO([A-Z])(?:'S)?", re.IGNORECASE)
_BY_WINDOW = 8
_AGENT_WORDS = 8
_OBJECT_WINDOW = 5
_NOUN_PHRASE = 3

# A date: "12 March 2008", "March 12, 2008", "January 2007", "Sept. 2007", and a year after
# "in" or "during" ("in 2007", "in early 2006").
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>{_YEAR})"
    rf"|(?P<month2>{_MONTH})\.?\s+(?:(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<year2>{_YEAR})"
    rf"|(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?(?P<year3>{_YEAR}))\b"
)
_NOT_WHEN = re.compile(r"\b(?:since|until|till|before|from)\s+(?:(?:early|mid|late)[\s-]+)?\Z")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}

_ENTRY = re.compile(r"\b[0-9][A-E][0-9]{3}\b")
_REASON = re.compile(
    r"\b(?:because(?:\s+of)?|on\s+the\s+grounds?(?:\s+(?:that|of))?|due\s+to|owing\s+to|"
    r"on\s+the\s+basis\s+(?:that|of)|citing)\s+",
    re.IGNORECASE,
)
# Where a reason read to the end of the sentence stops: a new clause ("..., and it shows").
_CLAUSE_BREAK = re.compile(r";|\s--\s|,\s+(?:and|but)\s", re.IGNORECASE)
_REFERENCE_NOTE = re.compile(r"\s*\((?:refs?|reftels?|para)\b[^)]*\)\s*$", re.IGNORECASE)

# Destinations: "to Iran", "into Syria", "to a Cypriot trading company", "for Iran"; not "said
# to Spain" or "according to Spain".
_TOWARDS = word_set("to into")
_NOT_TOWARDS = word_set("""
    conveyed explained reported said mentioned raised delivered provided passed noted presented
    described announced wrote spoke talked replied responded complained protested according
    related relating belonging similar compared response addition due owing prior next close
    """)
_RECEIVERS = word_set("""
    end end-user end-users user users consignee consignees buyer buyers purchaser purchasers
    customer customers importer importers recipient recipients
    """)
_END_USER_BEFORE = re.compile(
    r"\b(?:end[- ]?users?|consignees?|buyers?|purchasers?|customers?|importers?)\s*,?\s*"
    r"(?:the\s+)?\Z"
)
_END_USER_AFTER = re.compile(
    r"\s*[,(]?\s*(?:(?:is|was|as)\s+)*(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:end[- ]?users?|consignees?|buyers?|purchasers?|customers?|importers?)\b"
)
_SHIPPING = re.compile(r"\b(?:export|ship|sell|sale|sold|supply|deliver|transfer)")
_ITEM_LEADS = word_set("""
    for to of the a an its their export exports exporting re-export sale sell supply transfer
    ship shipment delivery deliver
    """)
_ITEM_WORDS = 5
_PARTICIPLE = re.compile(r"^[a-z][a-z-]{2,}(?:ed|ing)$")
_LONGEST_AUTHORITY = 8

PASSIVE = "passive"
ACTIVE = "active"


@dataclass(frozen=True, slots=True)
class Hosts:
    """The governments a cable can speak to or of without naming them.

    ``addressee`` is the country of the one post abroad the cable is sent
    to for action, whose host government "you" is in talking points;
    ``origin`` that of the post it comes from.  Both ISO alpha-2, upper case.
    """

    addressee: str | None
    origin: str | None


@dataclass(slots=True)
class Draft:
    """A denial, gathered from the sentences that report it."""

    authority: str | None
    date: str | None
    item: str
    item_key: str  # what the item is, for telling one denial from another
    entries: list[str]
    destination: str | None
    end_user: int | None  # party number
    reason: str | None
    sentences: list[int]

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return self.authority, self.date, self.item_key

    def absorb(self, other: Draft) -> None:
        """The same denial reported again: its sentences, and what this report lacked."""
        self.sentences.extend(i for i in other.sentences if i not in self.sentences)
        self.entries.extend(e for e in other.entries if e not in self.entries)
        self.destination = self.destination or other.destination
        self.end_user = self.end_user if self.end_user is not None else other.end_user
        self.reason = self.reason or other.reason
        if len(other.item) > len(self.item):
            self.item = other.item


@dataclass(frozen=True, slots=True)
class _Statement:
    """Where one sentence states a denial: the verb, its voice, the licence noun, the clause."""

    verb: int  # token of "denied"
    chain: int  # first token of its auxiliaries ("had been denied": "had")
    voice: str
    licence: int  # token of the licence noun
    about: tuple[int, int]  # token range of the words about the licence: its subject or object
    clause: tuple[int, int]  # token range of the clause


@dataclass(frozen=True, slots=True)
class _Agent:
    """A government the text says denied it, and its country when the text tells."""

    code: str | None


def find_denials(
    sentences: list[Sentence],
    mentions: dict[int, list[Mention]],
    items: list[ItemDraft],
    hosts: Hosts,
) -> list[Draft]:
    """The denials a cable reports, one per (authority, date, item), each with its sentences
    (``items``: the cable's items, for a denial that names no goods of its own)."""
    found: dict[tuple[str | None, str | None, str], Draft] = {}
    for sentence in sentences:
        if _CUE.search(sentence.lower) is None:
            continue
        here = mentions.get(sentence.index, [])
        for statement in _statements(sentence):
            draft = _draft(sentence, statement, here, sentences, items, hosts)
            if draft is None:
                continue
            known = found.get(draft.key)
            if known is None:
                found[draft.key] = draft
            else:
                known.absorb(draft)
    return list(found.values())


# -- where a sentence states a denial ---------------------------------------------------------


def _statements(sentence: Sentence) -> list[_Statement]:
    found = []
    for verb, token in enumerate(sentence.tokens):
        if token.low in _DENYING or (token.low == "declined" and _to_grant(sentence, verb)):
            statement = _statement(sentence, verb)
            if statement is not None:
                found.append(statement)
    return found


def _statement(sentence: Sentence, verb: int) -> _Statement | None:
    """The denial stated at ``verb``, if it reports one that happened."""
    chain = _chain_start(sentence, verb)
    voice = _voice(sentence, chain, verb)
    if voice is None or _conditional(sentence, verb):
        return None
    start, end = _clause_start(sentence, chain), _clause_end(sentence, verb)
    if _claim_denied(sentence.lower[: sentence.tokens[start].start]):
        return None  # "there is no indication that a licence was refused"
    licence = _subject_licence(sentence, start, chain) if voice == PASSIVE else None
    about = (start, chain)
    if licence is None:
        licence = _object_licence(sentence, verb, end)
        about = (verb + 1, end)
    if licence is None or _negative_determiner(sentence, licence, about[0]):
        return None
    return _Statement(verb, chain, voice, licence, about, (start, end))


def _claim_denied(before: str) -> bool:
    """Whether the words before the clause deny it ("officials denied that"), unless they deny
    the denial ("did not dispute that")."""
    return denied_clause(before) and _CONCEDED.search(before) is None


def _chain_start(sentence: Sentence, verb: int) -> int:
    """Where the auxiliaries, negations and adverbs before the verb begin ("had not been")."""
    tokens, text = sentence.tokens, sentence.text
    first = verb
    while first > 0 and text[tokens[first - 1].end : tokens[first].start].isspace():
        low = tokens[first - 1].low
        if not (
            low in _PERFECT
            or low in _PAST_BE
            or low in _PRESENT_BE
            or low in _MODALS
            or low in _NEGATIONS
            or low.endswith("n't")
            or _adverb(sentence, first - 1)
        ):
            break
        first -= 1
    return first


def _adverb(sentence: Sentence, index: int) -> bool:
    low = sentence.tokens[index].low
    if low in _ADVERBS:
        return True
    return low.endswith("ly") and low not in MONTHS and index not in sentence.places


def _voice(sentence: Sentence, chain: int, verb: int) -> str | None:
    """PASSIVE or ACTIVE for a denial that happened; None for one that did not (a negation),
    may yet (a modal), happens in general (the present) or is only proposed ("be denied")."""
    auxiliaries = [token.low for token in sentence.tokens[chain:verb]]
    if negated(" ".join(auxiliaries)) or not _MODALS.isdisjoint(auxiliaries):
        return None
    if not _PRESENT_BE.isdisjoint(auxiliaries):
        return None
    if "been" in auxiliaries and _PERFECT.isdisjoint(auxiliaries):
        return None
    return PASSIVE if not _PAST_BE.isdisjoint(auxiliaries) else ACTIVE


def _to_grant(sentence: Sentence, verb: int) -> bool:
    """ "refused to issue", "declined to grant": a refusal whose object follows the infinitive."""
    tokens = sentence.tokens
    return (
        verb + 2 < len(tokens)
        and tokens[verb + 1].low == "to"
        and tokens[verb + 2].low in _TO_GRANT
    )


def _conditional(sentence: Sentence, verb: int) -> bool:
    """Whether the verb is inside a condition or a question still open at it: "if the licence
    is denied", "asked whether a licence had been refused"; not "If asked, ..."."""
    before = sentence.lower[: sentence.tokens[verb].start]
    cut = max(before.rfind(";"), before.rfind(":"), before.rfind("--"))
    conditions = list(_CONDITION.finditer(before, cut + 1))
    return bool(conditions) and "," not in before[conditions[-1].end() :]


def _clause_start(sentence: Sentence, index: int) -> int:
    """The first token of the clause that token ``index`` is in ("that" as a determiner, as in
    "that licence", opens none)."""
    tokens, text = sentence.tokens, sentence.text
    first = index
    while first > 0:
        if tokens[first - 1].low in _OPENERS and tokens[first].low not in _LICENCES:
            break
        if _HARD.search(text, tokens[first - 1].end, tokens[first].start):
            break
        first -= 1
    return first


def _clause_end(sentence: Sentence, verb: int) -> int:
    """Where the verb's clause ends: before the next clause opens ("..., and that", "because")
    or at a semicolon; the dates and the goods of the denial are read up to there."""
    tokens, text = sentence.tokens, sentence.text
    end = verb + 1
    while end < len(tokens):
        if tokens[end].low in _OPENERS or _HARD.search(
            text, tokens[end - 1].end, tokens[end].start
        ):
            break
        end += 1
    return end


def _subject_licence(sentence: Sentence, start: int, chain: int) -> int | None:
    """The licence noun of a passive's subject, nearest the verb: "a license for a milling
    machine had been denied", "Sulzer's application for an export licence was rejected"."""
    nouns = [index for index in range(start, chain) if _licence_noun(sentence, index)]
    strong = [index for index in nouns if sentence.tokens[index].low in _LICENCES]
    nearest = strong or nouns
    return nearest[-1] if nearest else None


def _object_licence(sentence: Sentence, verb: int, end: int) -> int | None:
    """The licence noun after the verb: "denied an export license", "refused to issue a
    licence", "rejected Sulzer's application", "was denied an export licence"."""
    tokens, text = sentence.tokens, sentence.text
    first = verb + 3 if _to_grant(sentence, verb) else verb + 1
    for index in range(first, min(first + _OBJECT_WINDOW, end)):
        gap = text[tokens[index - 1].end : tokens[index].start]
        if index > first and gap.strip():
            return None  # a comma or a bracket ends the object
        if _licence_noun(sentence, index):
            return index
        low = tokens[index].low
        if (low in VERBS and low not in _LICENCE_KINDS) or (
            low in FUNCTION_WORDS and low not in _DETERMINERS and low not in _NEGATIONS
        ):
            return None
    return None


def _licence_noun(sentence: Sentence, index: int) -> bool:
    """Whether token ``index`` names a licence for goods."""
    tokens = sentence.tokens
    low = tokens[index].low
    if index > 0 and tokens[index - 1].low in _OTHER_LICENCES:
        return False
    if low in _LICENCES:
        return True
    following = tokens[index + 1].low if index + 1 < len(tokens) else ""
    if low in _BARE and following != "of":
        return _about_exports(sentence)
    if low in _REQUESTS:
        return _EXPORTS.search(sentence.lower) is not None
    return False


def _about_exports(sentence: Sentence) -> bool:
    """Whether the sentence or its portion is about exports, or the sentence names goods or a
    licensing authority: what makes "the application" a licence application."""
    if _EXPORTS.search(sentence.portion.text.lower()) or term_matches(sentence):
        return True
    return any(_authority_at(sentence, index) for index in range(len(sentence.tokens)))


def _negative_determiner(sentence: Sentence, licence: int, start: int) -> bool:
    """ "No licence was denied", "denied no licences", "none of the applications"."""
    first = max(start, licence - _NOUN_PHRASE)
    return any(token.low in _NEGATIONS for token in sentence.tokens[first:licence])


# -- what the statement says ------------------------------------------------------------------


def _draft(
    sentence: Sentence,
    statement: _Statement,
    mentions: list[Mention],
    sentences: list[Sentence],
    items: list[ItemDraft],
    hosts: Hosts,
) -> Draft | None:
    agent = _agent(sentence, statement, mentions, hosts)
    if agent is None:
        return None
    item, key = _goods(sentence, statement, mentions, sentences, items)
    end_user = _end_user(sentence, statement, mentions)
    return Draft(
        authority=agent.code,
        date=_date(sentence, statement),
        item=item,
        item_key=key,
        entries=list(dict.fromkeys(_ENTRY.findall(sentence.text))),
        destination=_destination(sentence, statement, agent.code, mentions, end_user),
        end_user=end_user.party if end_user is not None else None,
        reason=_reason(sentence, statement),
        sentences=[sentence.index],
    )


def _agent(
    sentence: Sentence, statement: _Statement, mentions: list[Mention], hosts: Hosts
) -> _Agent | None:
    """Who denied it.  The subject of an active verb must be a government ("BAFA", "the
    German government", "you"), or the statement is no licence denial ("the bank rejected
    the application"); a passive needs no agent, and its "by ..." may name none."""
    tokens = sentence.tokens
    if statement.voice == ACTIVE:
        start, chain = statement.clause[0], statement.chain
        near = _government(sentence, _phrase_start(sentence, start, chain), chain, mentions, hosts)
        return near or _government(sentence, start, chain, mentions, hosts)
    end = min(statement.verb + _BY_WINDOW, statement.clause[1])
    for index in range(statement.verb + 1, end):
        if tokens[index].low == "by":
            last = _agent_end(sentence, index + 1, statement.clause[1])
            return _government(sentence, index + 1, last, mentions, hosts) or _Agent(None)
    if any(token.low in _YOU for token in tokens):
        return _Agent(hosts.addressee)
    return _Agent(None)


def _phrase_start(sentence: Sentence, start: int, chain: int) -> int:
    """Where the subject before ``chain`` begins: after the last comma outside brackets, so that
    "At the request of Iran, the authorities denied" does not make Iran the authority."""
    tokens, text = sentence.tokens, sentence.text
    depth = 0
    first = chain
    while first > start:
        gap = text[tokens[first - 1].end : tokens[first].start]
        depth += gap.count(")") - gap.count("(")
        if "," in gap and depth <= 0:
            break
        first -= 1
    return first


def _agent_end(sentence: Sentence, first: int, end: int) -> int:
    """The end of "by ..." after a passive: "by Spanish authorities in January 2007" stops
    before "in"; "by the Government of Spain" keeps "the" and "of"."""
    tokens, text = sentence.tokens, sentence.text
    last = first
    while last < min(end, first + _AGENT_WORDS):
        low = tokens[last].low
        if last > first and re.search(r"[,;]", text[tokens[last - 1].end : tokens[last].start]):
            break
        if low[:1].isdigit() or low in MONTHS:
            break
        if low in FUNCTION_WORDS and low not in _AGENT_JOINERS:
            break
        last += 1
    return last


def _government(
    sentence: Sentence, first: int, last: int, mentions: list[Mention], hosts: Hosts
) -> _Agent | None:
    """The government that ``tokens[first:last]`` name, the name nearest the verb first; None
    when they name none."""
    tokens = sentence.tokens
    for index in range(last - 1, first - 1, -1):
        code = _authority_at(sentence, index)
        if code is not None:
            return _Agent(code)
        letter = _host_letter(sentence, index)
        if letter is not None:
            return _Agent(_host_with(letter, hosts))
        place = sentence.places.get(index)
        if place is not None and place.kind in (COUNTRY, DEMONYM) and index + place.length <= last:
            after = tokens[index + place.length].low if index + place.length < len(tokens) else ""
            if after not in ORG_CUES and not _in_mention(tokens[index].start, mentions):
                return _Agent(place.code.upper())
    span = [token.low for token in tokens[first:last]]
    if not _YOU.isdisjoint(span):
        return _Agent(hosts.addressee)
    if not _GOVERNMENT.isdisjoint(span):
        return _Agent(None)  # "the licensing authority": a government, no country given
    return None


def _in_mention(position: int, mentions: list[Mention]) -> bool:
    return any(m.start <= position < m.after for m in mentions)


@cache
def _authorities() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """Agencies and abbreviations by first word: (words, code, whether an abbreviation)."""
    text = (files("interdict.data") / "intel" / "authorities.tsv").read_text(encoding="utf-8")
    table: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, code, _ = line.split("\t")
        key = tuple(words(name))
        abbreviation = len(key) == 1 and name.isupper()
        table.setdefault(key[0], []).append((key, code.upper(), abbreviation))
    return table


def _authority_at(sentence: Sentence, index: int) -> str | None:
    """The country of the agency or government abbreviation whose name ends at token
    ``index``: "BAFA", "the Export Control Organisation", "the FRG's"."""
    tokens = sentence.tokens
    last = tokens[index].low.removesuffix("'s")
    for first in range(index, max(-1, index - _LONGEST_AUTHORITY), -1):
        found = (*(token.low for token in tokens[first:index]), last)
        for key, code, abbreviation in _authorities().get(found[0], ()):
            if key == found and (not abbreviation or tokens[index].text[: len(last)].isupper()):
                return code
    return None


def _host_letter(sentence: Sentence, index: int) -> str | None:
    """The letter of a "GOS"-style abbreviation at token ``index`` ("the GOT": T)."""
    token = sentence.tokens[index]
    match = _HOST_ABBREVIATION.fullmatch(token.text)
    if match is None or not token.text[:3].isupper():
        return None
    if sentence.caps and (index == 0 or sentence.tokens[index - 1].low != "the"):
        return None  # in capitals, "GOT" alone may be the verb
    return match.group(1).upper()


def _host_with(letter: str, hosts: Hosts) -> str | None:
    """The addressee's or the origin's country whose name starts with ``letter``, when exactly
    one does: "GOS" in a cable to Madrid is Spain; "GOI" in a cable from Madrid, no one."""
    codes = {code for code in (hosts.addressee, hosts.origin) if code and _initial(code) == letter}
    return codes.pop() if len(codes) == 1 else None


@cache
def _initial(code: str) -> str:
    territory = get_territory(code.lower())
    if territory is None:
        return ""
    name = unicodedata.normalize("NFKD", territory.name).removeprefix("The ")
    return name[:1].upper()


def _date(sentence: Sentence, statement: _Statement) -> str | None:
    """When: the first date after the verb in its clause, else the last one before it there
    ("denied in January 2007"; "In April 2006, Germany denied ..."); "since 2006" is no date
    of the denial."""
    tokens, lower = sentence.tokens, sentence.lower
    start, end = statement.clause
    begin, finish = tokens[start].start, tokens[end - 1].end
    verb_start = tokens[statement.verb].start
    before: str | None = None
    for match in _DATE.finditer(lower, begin, finish):
        if _NOT_WHEN.search(lower, begin, match.start()):
            continue
        if match.start() >= verb_start:
            return _date_value(match)
        before = _date_value(match)
    return before


def _date_value(match: re.Match[str]) -> str:
    year = match.group("year") or match.group("year2") or match.group("year3")
    month_name = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    if month_name is None:
        return year
    month = _MONTHS[month_name[:3]]
    if day is None:
        return f"{year}-{month:02d}"
    try:
        return date(int(year), month, int(day)).isoformat()
    except ValueError:  # "31 February 2008": the month stands
        return f"{year}-{month:02d}"


def _goods(
    sentence: Sentence,
    statement: _Statement,
    mentions: list[Mention],
    sentences: list[Sentence],
    items: list[ItemDraft],
) -> tuple[str, str]:
    """The goods denied as written, and the key that tells them apart.

    A goods term of ``goods.tsv`` among the words about the licence (after
    the licence noun first), with the words that describe it ("a similar
    milling machine": "similar milling machine"); else the words after
    "for" or "to export" ("power plant turbine blades"); else the goods its
    portion was last about ("the application" after a sentence about the
    blades); else nothing.
    """
    tokens = sentence.tokens
    first_word, end_word = statement.about
    terms = [
        (first, term, end)
        for first, term, end in term_matches(sentence)
        if first_word <= first < end_word and not _in_mention(tokens[first].start, mentions)
    ]
    terms.sort(key=lambda match: match[0] < statement.licence)
    if terms:
        first, term, end = terms[0]
        stop = statement.licence if first > statement.licence else first_word - 1
        start = _describing(sentence, first, stop)
        return " ".join(token.text for token in tokens[start:end]), term.text
    phrase = _phrase_after(sentence, statement, mentions)
    if phrase:
        return phrase, " ".join(word.rstrip("s") for word in phrase.lower().split())
    earlier = _portion_item(sentence, sentences, items)
    if earlier is not None:
        return earlier.description, earlier.term
    return "", ""


def _describing(sentence: Sentence, first: int, stop: int) -> int:
    """Where the words describing goods begin, after token ``stop``: "similar" and "five-axis"
    are kept; an article, a number, a verb or a preposition ends them."""
    tokens, text = sentence.tokens, sentence.text
    start = first
    while start - 1 > stop and first - start < _NOUN_PHRASE:
        word = tokens[start - 1]
        if not text[word.end : tokens[start].start].isspace():
            break
        low = word.low
        if low in FUNCTION_WORDS or low in NUMBER_WORDS or low[:1].isdigit() or low in VERBS:
            break
        if low in _LICENCES or low in _BARE or low.endswith("'s"):
            break
        start -= 1
    return start


def _phrase_after(sentence: Sentence, statement: _Statement, mentions: list[Mention]) -> str:
    """The goods a licence was for where the table has no term for them: "an export license
    for power plant turbine blades destined for Iran": "power plant turbine blades"."""
    tokens, text = sentence.tokens, sentence.text
    index, end = statement.licence + 1, statement.about[1]
    if index >= end or tokens[index].low not in _ITEM_LEADS:
        return ""
    while index < end and (tokens[index].low in _ITEM_LEADS or tokens[index].low in NUMBER_WORDS):
        index += 1
    found: list[str] = []
    while index < end and len(found) < _ITEM_WORDS:
        token = tokens[index]
        if found and not text[tokens[index - 1].end : token.start].isspace():
            break
        low = token.low
        if low in FUNCTION_WORDS or low in VERBS or low in MONTHS or _PARTICIPLE.match(low):
            break
        if low[:1].isdigit() or index in sentence.places or _in_mention(token.start, mentions):
            break
        found.append(token.text)
        index += 1
    return " ".join(found)


def _portion_item(
    sentence: Sentence, sentences: list[Sentence], items: list[ItemDraft]
) -> ItemDraft | None:
    """The item its portion named last, up to this sentence: what "the application" was for."""
    portion = sentence.portion.position
    latest: tuple[int, ItemDraft] | None = None
    for item in items:
        for index in item.sentences:
            if index > sentence.index or sentences[index].portion.position != portion:
                continue
            if latest is None or index > latest[0]:
                latest = (index, item)
    return latest[1] if latest is not None else None


def _end_user(sentence: Sentence, statement: _Statement, mentions: list[Mention]) -> Mention | None:
    """A party the sentence calls the end user, consignee or buyer ("the end user Ardalan",
    "Ardalan, the Iranian end-user"), or the one the goods were to go to ("an application to
    export a lathe to Ardalan")."""
    lower = sentence.lower
    licence_start = sentence.tokens[statement.licence].start
    for mention in mentions:
        if mention.is_person:
            continue
        if _END_USER_BEFORE.search(lower, max(0, mention.start - 40), mention.start):
            return mention
        if _END_USER_AFTER.match(lower, mention.after):
            return mention
        before = lower[licence_start : mention.start]
        if (
            mention.start > licence_start
            and re.search(r"\bto\s+(?:the\s+)?\Z", before)
            and _SHIPPING.search(before)
        ):
            return mention
    return None


def _destination(
    sentence: Sentence,
    statement: _Statement,
    authority: str | None,
    mentions: list[Mention],
    end_user: Mention | None,
) -> str | None:
    """The country the goods were for: a place after "to" or "into" ("to Iran", "to a Cypriot
    trading company"), a nationality before "end user" or "consignee", the end user's country,
    a place after "for"; never the authority's own country.  Among equals, the place after
    the licence noun and nearest it."""
    ranked: list[tuple[int, int, int, str]] = []
    licence = statement.licence
    for index, place in sentence.places.items():
        code = place.code.upper()
        if code == authority or _in_mention(sentence.tokens[index].start, mentions):
            continue
        rank = _destination_rank(sentence, index, place.kind, place.length)
        if rank is not None:
            ranked.append((rank, int(index < licence), abs(index - licence), code))
    if end_user is not None:
        ranked.extend((2, 0, 0, code.upper()) for code in end_user.countries[:1])
    ranked = [entry for entry in ranked if entry[3] != authority]
    return min(ranked)[3] if ranked else None


def _destination_rank(sentence: Sentence, index: int, kind: str, length: int) -> int | None:
    """How surely the place at ``index`` is where the goods were going: 0 after "to", 1 before
    "end user", 3 after "for"; None for any other place."""
    tokens = sentence.tokens
    after = index + length
    if kind == DEMONYM and after < len(tokens) and tokens[after].low in _RECEIVERS:
        return 1
    before = index - 1
    while before >= 0 and index - before <= _NOUN_PHRASE and tokens[before].low in _DETERMINERS:
        before -= 1
    if before < 0:
        return None
    if kind == DEMONYM and not _names_receiver(sentence, after):
        return None  # "to Spanish officials": no buyer named
    preceding = tokens[before - 1].low if before > 0 else ""
    if preceding in _NOT_TOWARDS:
        return None
    if tokens[before].low in _TOWARDS:
        return 0
    if tokens[before].low == "for":
        return 3
    return None


def _names_receiver(sentence: Sentence, after: int) -> bool:
    """Whether the words after a nationality are a buyer: "to a Cypriot trading company"."""
    tokens = sentence.tokens
    return any(
        tokens[k].low in ORG_CUES or tokens[k].low in _RECEIVERS
        for k in range(after, min(after + _NOUN_PHRASE, len(tokens)))
    )


def _reason(sentence: Sentence, statement: _Statement) -> str | None:
    """The reason given: what follows "because", "on the grounds that", "due to" or "citing"
    after the verb, to the end of the sentence; else such a phrase before the verb, to its
    comma ("Because of diversion concerns, BAFA denied ...")."""
    text = sentence.text
    verb_start, verb_end = (
        sentence.tokens[statement.verb].start,
        sentence.tokens[statement.verb].end,
    )
    after = _REASON.search(text, verb_end)
    if after is not None:
        reason = _CLAUSE_BREAK.split(text[after.end() :])[0]
    else:
        found = list(_REASON.finditer(text, 0, verb_start))
        if not found:
            return None
        reason = text[found[-1].end() : verb_start].split(",")[0]
    reason = _REFERENCE_NOTE.sub("", reason.strip().rstrip(".")).strip()
    return reason or None
