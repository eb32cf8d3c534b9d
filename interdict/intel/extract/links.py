"""Links between two parties named in one sentence, from the words between them.

A link reads "subject role object".  Reporting states one in a small
number of shapes, each a verb or noun phrase between the two names:
"A was working to supply B", "B purchased X from A", "A is a front company
associated with B", "A, a subsidiary of B", "B's agent A", "P, managing
director of A".  Each shape is one regular expression over the text
between two mentions (lower case, punctuation spaced out) and says which
of the two is the subject.  Gaps in a shape take only words that cannot
open a new clause, so "A, which sold tools to Iran, and B" links nothing.
Shapes are tried in order and the first that fits decides, so the more
particular come first ("received an order from" before "received from").

Names joined by "and" or commas share the link ("A and B supplied C").
"The company", "the intermediary" and a sentence-opening "it" stand for
the nearest party named before them in the same portion, so a link stated
with them still cites a portion that names both parties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.intel.extract.document import Sentence
from interdict.intel.extract.lexicon import POSITIONS
from interdict.intel.extract.mentions import Mention
from interdict.intel.records import Role

_BREAK = r"and|but|or|which|who|that|while|whereas|although|because|when|if|after|before"
_PREP = r"to|from|by|with|for|of|in|on|at|through|via|under|into"
_WORD = r"[\w'./&-]+ "
GAP_DET = rf"(?:(?!(?:{_BREAK}|{_PREP}) ){_WORD}){{0,8}}"
GAP_SHORT = rf"(?:(?!(?:{_BREAK}|{_PREP}) ){_WORD}){{0,3}}"
# An object may hold "and" and commas ("tubes and maraging steel", "the valves, together with
# twelve transducers, to"), but no word that opens a new clause, nor ", and".
_CLAUSE = r"but|or|which|who|that|while|whereas|although|because|when|if|after|before"
GAP_OBJ = rf"(?:(?!(?:{_CLAUSE}) )(?:{_WORD}|, (?!and ))){{0,14}}"
REL = (
    r"(?:, )?(?:(?:is |was )?(?:a |an |the )(?:[\w'-]+ ){0,3}?(?:, )?(?:which|that|who) |"
    r"(?:which|that|who) )?"
)
AUX = (
    r"(?:(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|could|can|"
    r"reportedly|allegedly|also|currently|still|now|apparently|likely|probably|possibly|"
    r"itself|recently|previously|repeatedly|believed to|continues to|continued to|"
    r"is believed to be|was believed to be) )*"
)
TRY = (
    r"(?:(?:attempted|attempting|attempts|attempt|tried|trying|tries|try|sought|seeking|seeks|"
    r"planned|planning|plans|intended|intending|intends|wanted|wants|working|worked|works|"
    r"agreed|offered|offering|offers|arranged|arranging|helped|helping|continued|continues|"
    r"began|started|expected|preparing|prepared|able|going) to )?"
)
COPULA = r"(?:(?:is|was|are|were|has been|had been|have been|became|becomes|as|remains) |, )?"
DET = r"(?:(?:a|an|the|one of the|another|its|their|main|major|key|principal) )*"
SUPPLY = (
    r"(?:supply|supplies|supplied|supplying|sell|sells|sold|selling|ship|ships|shipped|"
    r"shipping|export|exports|exported|exporting|re-export|re-exported|deliver|delivers|"
    r"delivered|delivering|provide|provides|provided|providing|transfer|transfers|"
    r"transferred|furnish|furnished|send|sends|sent|sending|transship|transshipped|"
    r"tranship|transhipped|offer|offers|offered|offering|resell|resold|reselling)"
)
ACQUIRE = (
    r"(?:purchase|purchased|purchases|purchasing|buy|bought|buys|buying|procure|procured|"
    r"procures|procuring|acquire|acquired|acquires|acquiring|obtain|obtained|obtains|"
    r"obtaining|import|imported|imports|importing|order|ordered|orders|ordering|receive|"
    r"received|receives|receiving|seek|sought|seeks|seeking|source|sourced)"
)
FRONT = (
    r"(?:(?:front|cover|shell)(?: company| companies| firm| firms| organi[sz]ation| entity| "
    r"name| business)?|(?:false|fake|bogus) end[- ]?users?)"
)
FRONT_LINK = (
    r"(?:for|of|associated with|affiliated with|linked to|tied to|connected to|belonging to|"
    r"used by|acting for|working for|acting on behalf of|on behalf of|controlled by|owned by|"
    r"set up by|established by|created by|(?:that|which) (?:procures|procured|works|worked|"
    r"acts|acted) (?:for|on behalf of)|procuring for|serving)"
)
ACT_AS = (
    r"(?:(?:acts|acted|acting|act|serves|served|serving|operates|operated|operating|works|"
    r"worked|functions|functioned) as )?"
)
AGENT = (
    r"(?:agent|agents|intermediary|intermediaries|broker|brokers|representative|"
    r"representatives|procurement agent|purchasing agent|middleman|proxy|conduit|facilitator|"
    r"procurement arm|purchasing arm)"
)
PART = (
    r"(?:subsidiary|subsidiaries|division|unit|branch|subordinate|daughter company|"
    r"part|arm|element|component)"
)
OWNED = (
    r"(?:(?:wholly|partly|partially|majority|jointly|ultimately|indirectly|directly) )?"
    r"(?:owned|controlled|owned and controlled|owned or controlled|owned and operated|"
    r"run|operated|managed)"
)
ASSOCIATED = (
    r"(?:(?:closely|also|reportedly|allegedly) )?"
    r"(?:associated|affiliated|linked|connected|tied|related|allied)"
)
POSITION = "(?:" + "|".join(re.escape(p) for p in POSITIONS) + ")"
MODIFIERS = r"(?:(?:former|acting|current|then|new|senior|interim) )*"
RECEIVED_ORDER = (
    r"(?:received|receives|accepted|took|won) (?:a |an |the )?"
    rf"{GAP_SHORT}(?:order|orders|contract|contracts|request)"
)
ARRANGED = r"(?:arranged|arranges|arranging|organi[sz]ed|brokered)"
DEALS = r"(?:shipments?|sales?|deliver(?:y|ies)|exports?|transfers?|supply)"
HANDLED = r"(?:arranged|arranges|arranging|organi[sz]ed|coordinated|handled|handles|financed|paid)"
SUPPLIER = r"(?:supplier|suppliers|vendor|vendors|source|exporter|distributor|dealer)"
SUPPLIED = r"(?:supplied|sold|provided|shipped|delivered|exported)"
ACTS = (
    r"(?:act|acts|acted|acting|work|works|worked|working|procure|procures|procured|procuring|"
    r"purchase|purchases|purchased|purchasing|buy|buys|bought|buying|operate|operates|operated|"
    r"operating|broker|brokers|brokered|brokering)"
)
AS_AGENT = rf"as (?:a |an |the )?{GAP_SHORT}{AGENT} (?:of|for)"
HEADS = r"(?:heads|headed|runs|ran|directs|directed|manages|managed|leads|led)"
PARTNER = r"(?:affiliate|partner|associate|sister company)"
COOPERATES = r"(?:cooperates|cooperated|collaborates|collaborated|partnered|partners)"

FORWARD, REVERSE = False, True
# (role, whether the second name is the subject, the shape of the text between the two)
_SHAPES: tuple[tuple[Role, bool, str], ...] = (
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}(?:{GAP_OBJ})?on behalf of {GAP_DET}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{RECEIVED_ORDER} {GAP_OBJ}from {GAP_DET}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{ARRANGED} {GAP_OBJ}{DEALS} {GAP_OBJ}to {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}{HANDLED} {GAP_OBJ}for {GAP_DET}"),
    (Role.FRONT_FOR, FORWARD, rf"{REL}{AUX}{ACT_AS}{DET}{GAP_SHORT}{FRONT} {FRONT_LINK} {GAP_DET}"),
    (
        Role.FRONT_FOR,
        REVERSE,
        rf"(?:'s |, |and )?(?:its |their )?{GAP_SHORT}{FRONT} (?:, )?"
        rf"(?:called |named |known as )?{GAP_DET}",
    ),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{TRY}{SUPPLY} {GAP_OBJ}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{COPULA}{DET}{GAP_SHORT}{SUPPLIER} (?:to|of|for) {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"{REL}{AUX}{TRY}{ACQUIRE} {GAP_OBJ}from {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"{REL}{AUX}{SUPPLIED} (?:with )?{GAP_OBJ}by {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"'s {GAP_SHORT}(?:supplier|suppliers|vendor|source) (?:, )?"),
    (Role.ACTS_FOR, REVERSE, rf"{REL}{AUX}{TRY}{ACQUIRE} {GAP_OBJ}(?:through|via) {GAP_DET}"),
    (
        Role.ACTS_FOR,
        FORWARD,
        rf"{REL}{AUX}{TRY}{ACTS} (?:{GAP_OBJ})?(?:on behalf of|for|{AS_AGENT}) {GAP_DET}",
    ),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{COPULA}{DET}{GAP_SHORT}{AGENT} (?:of|for) {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}(?:represents|represented|representing) {GAP_DET}"),
    (Role.ACTS_FOR, REVERSE, rf"(?:'s |, and its |and its |, its )?{GAP_SHORT}{AGENT} (?:, )?"),
    (
        Role.OWNED_BY,
        FORWARD,
        rf"{REL}{AUX}{OWNED}(?: and (?:controlled|operated|run|managed))? by {GAP_DET}",
    ),
    (
        Role.OWNED_BY,
        FORWARD,
        rf"{REL}{COPULA}{DET}(?:(?:wholly|majority)[- ]owned )?{PART} (?:of|to|within) {GAP_DET}",
    ),
    (Role.OWNED_BY, REVERSE, rf"{REL}{AUX}(?:owns|owned|controls|controlled) {GAP_DET}"),
    (Role.OWNED_BY, REVERSE, rf"(?:'s |, and its |and its |, its |its ){GAP_SHORT}{PART} (?:, )?"),
    (
        Role.OFFICER_OF,
        FORWARD,
        rf"{REL}{COPULA}{DET}{MODIFIERS}{POSITION}s? (?:of|at|for|with) {GAP_DET}",
    ),
    (
        Role.OFFICER_OF,
        FORWARD,
        rf"{REL}{AUX}(?:works|worked|working|employed) (?:for|at|by) {GAP_DET}",
    ),
    (Role.OFFICER_OF, FORWARD, rf", who {HEADS} {GAP_DET}"),
    (Role.OFFICER_OF, REVERSE, rf"(?:'s )?{MODIFIERS}{POSITION} (?:, )?"),
    (Role.ASSOCIATED_WITH, FORWARD, rf"{REL}{AUX}{ASSOCIATED} (?:with|to) {GAP_DET}"),
    (Role.ASSOCIATED_WITH, FORWARD, rf"{REL}{COPULA}{DET}{GAP_SHORT}{PARTNER} (?:of|to) {GAP_DET}"),
    (Role.ASSOCIATED_WITH, FORWARD, rf"{REL}{AUX}{COOPERATES} with {GAP_DET}"),
)
_COMPILED = tuple(
    (role, reverse, re.compile(pattern + r"\Z")) for role, reverse, pattern in _SHAPES
)
# An association upgraded to a front when the subject's own clause goes on to say so:
# "A is associated with B and is acting as a false end-user".
_FRONT_AFTER = re.compile(rf"(?:, )?and {AUX}{ACT_AS}{DET}{GAP_SHORT}{FRONT}\b")
# The text between a name and the next when the next stands in an apposition to the first.
_APPOSITION = re.compile(
    r"(?:, )(?:(?:a|an|the|one of the|its|which is|who is) )(?:[\w'.-]+ ){0,4}\Z"
)
# "on behalf of" with no verb of its own: it qualifies the clause's verb, whose subject is the
# first name of the clause, not the name just before it.
_BEHALF = re.compile(r"(?:, )?on behalf of (?:(?:the|its|their) )?(?:[\w'-]+ ){0,3}\Z")
# A second verb of the first name's clause: "... and intends to transship the pumps to".
_SECOND_VERB = re.compile(r"(?:(?:[\w'-]+ ){0,3})?and ((?!(?:the|a|an|its|their)\b).*)\Z")
# Nouns after "A, a [...] B" that say what A is to B.
_ROLE_NOUNS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.FRONT_FOR, re.compile(rf"{FRONT}\b")),
    (Role.ACTS_FOR, re.compile(rf"{AGENT}\b")),
    (Role.OWNED_BY, re.compile(rf"{PART}\b")),
    (Role.OFFICER_OF, re.compile(rf"{POSITION}\b")),
)
_COORDINATION = frozenset({"", ",", "and", ", and", "or", ", or", "&", "as well as", "/"})
_SPACED = re.compile(r"\s*([,;:()])\s*")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|said)\s+(?:[a-z-]+\s+)?(company|firm|intermediary|entity|supplier|"
    r"manufacturer|broker|end[- ]user|organi[sz]ation|group|individual|businessman)\b"
    r"|^(it)\b"
)
_PERSON_NOUNS = frozenset({"individual", "businessman"})


@dataclass(frozen=True, slots=True)
class Found:
    """One link a sentence states, between two parties (by their numbers)."""

    subject: int
    role: Role
    object: int
    position: str | None = None  # the office, for officer_of


def middle_text(text: str) -> str:
    """The text between two names as patterns read it: lower case, punctuation spaced out."""
    spaced = _SPACED.sub(r" \1 ", text.lower().replace("\u2019", "'"))
    return " ".join(spaced.replace(" 's ", "'s ").split())


def find_links(sentence: Sentence, mentions: list[Mention], before: list[Mention]) -> list[Found]:
    """Links stated in ``sentence`` between its ``mentions`` (in text order, resolved to parties).

    ``before`` holds the mentions of earlier sentences of the same portion,
    newest last, for "the company" and "it" to stand for.  Besides the text
    between two neighbouring names, two constructions carry a subject past
    the name next to it: an apposition ("A, a subsidiary of B, sold it to C":
    A sold) and a second verb ("A is a front for B and intends to ship it to
    C": A ships).
    """
    if not mentions:
        return []  # a link needs a name in its sentence; "the company" alone cannot state one
    cast = sorted([*mentions, *_anaphors(sentence, mentions, before)], key=lambda m: m.start)
    groups = _coordinated(sentence, cast)
    found: list[Found] = []
    related = False
    for index in range(1, len(groups)):
        left, right = groups[index - 1], groups[index]
        between = middle_text(sentence.text[left[-1].after : right[0].start])
        subject = left
        if (
            index > 1
            and between.startswith(", ")
            and _appositive(middle_text(sentence.text[groups[index - 2][-1].after : left[0].start]))
        ):
            subject, between = groups[index - 2], between[2:]
        elif index > 1 and related and _BEHALF.match(between + " "):
            subject = groups[index - 2]  # "A ordered X from B on behalf of C": A acts for C
        role = _relate(sentence, subject, right, between, found)
        verb = _SECOND_VERB.match(between)
        if verb and index > 1 and role is None and related:
            _relate(sentence, groups[index - 2], right, verb.group(1), found)
        related = role is not None
        noun = _role_noun(sentence, right, between)
        if noun is not None:
            _add(found, left, noun, right, between)
    for mention in mentions:
        organisation = mention.office_of
        if organisation is not None and organisation.party >= 0:
            link = Found(mention.party, Role.OFFICER_OF, organisation.party, mention.position)
            if mention.party != organisation.party and link not in found:
                found.append(link)
    return found


def _relate(
    sentence: Sentence,
    left: list[Mention],
    right: list[Mention],
    between: str,
    found: list[Found],
) -> Role | None:
    """Link every name of ``left`` to every name of ``right`` if ``between`` has a shape."""
    shape = _shape(between)
    if shape is None:
        return None
    role, reverse = shape
    if role is Role.ASSOCIATED_WITH and not reverse:
        rest = middle_text(sentence.text[right[-1].after :])
        if _FRONT_AFTER.match(rest):
            role = Role.FRONT_FOR
    if reverse:
        _add(found, right, role, left, between)
    else:
        _add(found, left, role, right, between)
    return role


def _add(
    found: list[Found], subjects: list[Mention], role: Role, objects: list[Mention], between: str
) -> None:
    for subject in subjects:
        for object_ in objects:
            link = _typed(subject, role, object_, between)
            if link is not None and link not in found:
                found.append(link)


def _role_noun(sentence: Sentence, right: list[Mention], between: str) -> Role | None:
    """ "Ri Myong-chol, a North Korean KOMID representative": the noun after the second name."""
    if not _appositive(between):
        return None
    after = middle_text(sentence.text[right[-1].after : right[-1].after + 60])
    for role, pattern in _ROLE_NOUNS:
        if pattern.match(after):
            return role
    return None


def _appositive(between: str) -> bool:
    return _APPOSITION.match(between + " ") is not None


def _shape(between: str) -> tuple[Role, bool] | None:
    text = between + " " if between else ""
    for role, reverse, pattern in _COMPILED:
        if pattern.match(text):
            return role, reverse
    return None


def _typed(subject: Mention, role: Role, object_: Mention, between: str) -> Found | None:
    """The link with its parties' kinds checked: an officer is a person, in an organisation."""
    if subject.party < 0 or object_.party < 0 or subject.party == object_.party:
        return None
    if role is Role.OFFICER_OF:
        if not subject.is_person or object_.is_person:
            return None
        office = re.search(POSITION, between)
        return Found(subject.party, role, object_.party, office.group(0) if office else None)
    if role is Role.OWNED_BY and object_.is_person and subject.is_person:
        return None
    return Found(subject.party, role, object_.party)


def _coordinated(sentence: Sentence, cast: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in cast:
        if groups:
            between = middle_text(sentence.text[groups[-1][-1].after : mention.start])
            if between in _COORDINATION:
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


def _anaphors(sentence: Sentence, mentions: list[Mention], before: list[Mention]) -> list[Mention]:
    """ "The company", "the intermediary", a sentence-opening "it": mentions of an earlier party."""
    found = []
    for match in _ANAPHOR.finditer(sentence.lower):
        start, end = match.span()
        if any(m.overlaps(start, end + 2) for m in mentions):
            continue  # "the company Maquinaria CME": a cue, not a reference
        person = match.group(1) in _PERSON_NOUNS
        earlier = [m for m in mentions if m.end <= start]
        antecedent = next(
            (m for m in reversed([*before, *earlier]) if m.is_person == person and m.party >= 0),
            None,
        )
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
                    "anaphor",
                    party=antecedent.party,
                )
            )
    return found
