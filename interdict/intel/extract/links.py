"""Links between two parties named in one sentence, from the words between and around them.

A link reads "subject role object".  Reporting states one in a small
number of shapes, each a verb or noun phrase between the two names
(``shapes``: "A was working to supply B", "B purchased X from A", "A, a
subsidiary of B", "B's agent A", "P, managing director of A"); a few reach
past them (``frames``: "lathes were sold by A to B", "the procurement agent
for B, A, ...").  A denial states none (``polarity``).

Names joined by "and" or commas share the link ("A and B supplied C").  The
subject of a verb may stand before an apposition or a relative clause that
names another party ("A, which is owned by B, a Turkish firm, is acting as
a front for C": A is the front), and before a second verb ("A is a front
for B and intends to ship it to C": A ships).  "The company", "the firm" and
a sentence-opening "it" stand for a party named before (``anaphora``).

Two firms that "signed a contract" are associated with each other (a
manager who signs signs for his firm).  An owner or proprietor owns the
organisation (``owned_by``), and one who also manages it ("owner and
general manager") is its officer too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.intel.extract.anaphora import leads, references
from interdict.intel.extract.document import Sentence
from interdict.intel.extract.frames import frame, its_officer
from interdict.intel.extract.mentions import Mention
from interdict.intel.extract.polarity import denied_clause, negated
from interdict.intel.extract.shapes import (
    ACT_AS,
    AGENT,
    AUX,
    CONTRACTED,
    DET,
    FRONT,
    GAP_SHORT,
    PART,
    POSITION,
    shape,
)
from interdict.intel.records import Role

# An association upgraded to a front when the subject's own clause goes on to say so:
# "A is associated with B and is acting as a false end-user".
_FRONT_AFTER = re.compile(rf"(?:, )?and {AUX}{ACT_AS}{DET}{GAP_SHORT}{FRONT}\b")
# The text between a name and the next when the next stands in an apposition or a relative
# clause that belongs to the first: "A, a subsidiary of B", "A, which is owned by B".
_APPOSITION = re.compile(
    r"(?:, )(?:(?:a|an|the|one of the|its|which is|who is) )(?:[\w'.-]+ ){0,6}\Z"
    r"|, (?:which|who|that) (?:[\w'.-]+ ){1,8}\Z"
)
# The same, before a role noun after the second name: "P, a KOMID representative", "P is a
# former SSRC engineer".
_ROLE_APPOSITION = re.compile(
    r"(?:, )?(?:(?:is|was|as) )?(?:(?:a|an|the|one of the|its) )(?:[\w'.-]+ ){0,3}\Z"
)
# An apposition that closes before the verb: ", a Malaysian citizen , is acting as", ", a
# trading firm in Tabriz , Iran , placed an order".
_CLOSED_APPOSITION = re.compile(
    r"^, (?:(?:is|was) )?(?:a|an|the|one of the) [^()]{1,80}? (?=, (?:is|are|was|were|has|have|"
    r"had|will|would|[\d.]+ ?%|"
    r"may|might|can|could|also|reportedly|allegedly|then|later|recently|each|all|both|"
    r"bought|sold|sent|sought|made|built|paid|held|took|gave|got|led|ran|met|told|said|won|"
    r"[a-z-]+ed|[a-z-]+s) )"
)
# "A supplied B indirectly, via its affiliate, C": "its" is A's, the subject of the clause.
_ITS = re.compile(r"(?:[\w'-]+ ){0,2}(?:, )?(?:via|through|with|and) (?:its|their) ")
# "on behalf of" with no verb of its own: it qualifies the clause's verb, whose subject is the
# first name of the clause, not the name just before it.
_BEHALF = re.compile(r"(?:, )?on behalf of (?:(?:the|its|their) )?(?:[\w'-]+ ){0,3}\Z")
# "handled it on Kavir's behalf": read as "on behalf of Kavir".
_ON = re.compile(r"(?:^| )on\Z")
_BEHALF_AFTER = re.compile(r"(?:'s|s|')?\s*behalf\b", re.IGNORECASE)
# A second verb of the first name's clause: "... and intends to transship the pumps to".
_SECOND_VERB = re.compile(r"(?:(?:[\w'-]+ ){0,3})?and ((?!(?:the|a|an|its|their)\b).*)\Z")
# "A and B signed a contract": two parties that deal with each other, no more said.
_JOINT = re.compile(rf"{AUX}{CONTRACTED}\b")
_CONTRACT = re.compile(rf"{CONTRACTED}\b")
# Nouns after "A, a [...] B" that say what A is to B; a word or two may come first ("an SBIG
# procurement official").
_ROLE_NOUNS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    (Role.FRONT_FOR, re.compile(rf"(?:[\w-]+ ){{0,2}}?{FRONT}\b")),
    (Role.ACTS_FOR, re.compile(rf"(?:[\w-]+ ){{0,2}}?{AGENT}\b")),
    (Role.OWNED_BY, re.compile(rf"{PART}\b")),
    (Role.OFFICER_OF, re.compile(rf"(?:[\w-]+ ){{0,2}}?{POSITION}\b")),
)
# Offices that make the organisation the person's property rather than their employer.
_OWNERS = frozenset({"owner", "co-owner", "proprietor"})
_COORDINATION = frozenset({"", ",", "and", ", and", "or", ", or", "&", "as well as", "/"})
# "A and the Indian firm B": a list whose second name comes with its description.
_DESCRIBED = re.compile(
    r"(?:, )?(?:and|or) (?:the |a |an )(?:[\w-]+ ){0,3}?(?:company|firm|companies|firms|"
    r"supplier|manufacturer|broker|intermediary|distributor|trading house)\Z"
)
# A name after one of these, at the start of a sentence, is not the first of a list: "According
# to X, Y supplied Z", "On behalf of X, Y ordered".
_FRONTED = re.compile(
    r"^(?:[\w'-]+ ){0,3}(?:on behalf of|according to|for|through|via|like|unlike|besides|"
    r"in addition to|with|from) (?:the )?\Z"
)
_SPACED = re.compile(r"\s*([,;:()])\s*")
_DASHES = re.compile(r"\s--+\s|\s\u2014\s?|\u2014\s")


@dataclass(frozen=True, slots=True)
class Found:
    """One link a sentence states, between two parties (by their numbers)."""

    subject: int
    role: Role
    object: int
    position: str | None = None  # the office, for officer_of


def middle_text(text: str) -> str:
    """The text between two names as patterns read it: lower case, punctuation spaced out, a
    dash that sets off a phrase read as a comma."""
    spaced = _SPACED.sub(r" \1 ", _DASHES.sub(",", text.lower().replace("\u2019", "'")))
    return " ".join(spaced.replace(" 's ", "'s ").split())


def find_links(sentence: Sentence, mentions: list[Mention], before: list[Mention]) -> list[Found]:
    """Links stated in ``sentence`` between its ``mentions`` (in text order, resolved to parties).

    ``before`` holds the mentions of earlier sentences of the same portion,
    oldest first, for "the company" and "it" to stand for; the references
    this sentence makes are added to it, so that a later one can stand for
    the same party.
    """
    for mention in mentions:
        mention.leading = leads(sentence, mention)
    if not mentions:
        return []  # a link needs a name in its sentence; "the company" alone cannot state one
    referred = references(sentence, mentions, before)
    cast = sorted([*mentions, *referred], key=lambda m: m.start)
    before.extend(referred)
    groups = _coordinated(sentence, cast)
    betweens = [""] + [
        _between(sentence, groups[k - 1][-1], groups[k][0]) for k in range(1, len(groups))
    ]
    found: list[Found] = []
    related = False
    for index in range(1, len(groups)):
        left, right = groups[index - 1], groups[index]
        subject, between = _subject(groups, betweens, index, related)
        role = None
        if not negated(between) and not _denied(sentence, subject):
            between = _on_behalf(sentence, right, between)
            role = _relate(sentence, subject, right, between, found)
            if role is None:
                role = _framed(sentence, groups, betweens, index, found)
            verb = _SECOND_VERB.match(between)
            if verb and index > 1 and role is None and related:
                _relate(sentence, groups[index - 2], right, verb.group(1), found)
        related = role is not None
        noun = _role_noun(sentence, right, betweens[index])
        if noun is not None:
            _add(found, left, noun, right, between)
        after = middle_text(sentence.text[right[-1].after : right[-1].after + 120])
        if its_officer(betweens[index], after):
            _add(found, right, Role.OFFICER_OF, left, after)
    _joint(sentence, groups, found)
    for mention in mentions:
        organisation = mention.office_of
        if organisation is None or organisation.party in (-1, mention.party):
            continue
        for link in _officer(mention.party, organisation.party, mention.position):
            if link not in found:
                found.append(link)
    return found


def _between(sentence: Sentence, left: Mention, right: Mention) -> str:
    """The words between two names; a possessive written without its apostrophe ("Barada
    Modern Engineerings partner company"), whose "s" a later mention leaves out, reads "'s"."""
    between = middle_text(sentence.text[left.after : right.start])
    if between.startswith("s ") and sentence.text[left.after - 1 : left.after].isalpha():
        return "'s " + between[2:]
    return between


def _subject(
    groups: list[list[Mention]], betweens: list[str], index: int, related: bool
) -> tuple[list[Mention], str]:
    """The subject of the verb between ``groups[index - 1]`` and ``groups[index]``, and the words
    that state the relation: past an apposition or a relative clause that belongs to the name
    before ("A, which is owned by B, a Turkish firm, is acting as ..."), the subject is A."""
    between = betweens[index]
    closed = _CLOSED_APPOSITION.match(between)
    if closed is not None:
        between = between[closed.end() :]
    if index > 1 and between.startswith(", ") and _appositive(betweens[index - 1]):
        return groups[index - 2], between[2:]
    if index > 1 and related and _BEHALF.match(between + " "):
        return groups[index - 2], between  # "A ordered X from B on behalf of C": A acts for C
    if index > 1 and related and _ITS.match(between):
        return groups[index - 2], between
    return groups[index - 1], between


def _denied(sentence: Sentence, subject: list[Mention]) -> bool:
    return denied_clause(sentence.lower[: subject[0].start])


def _on_behalf(sentence: Sentence, right: list[Mention], between: str) -> str:
    """ "handled it on Kavir's behalf" reads as "handled it on behalf of Kavir"."""
    if _ON.search(between) and _BEHALF_AFTER.match(sentence.text, right[-1].end):
        return between + " behalf of"
    return between


def _relate(
    sentence: Sentence,
    left: list[Mention],
    right: list[Mention],
    between: str,
    found: list[Found],
) -> Role | None:
    """Link every name of ``left`` to every name of ``right`` if ``between`` has a shape."""
    stated = shape(between)
    if stated is None:
        return None
    role, reverse = stated
    if (
        role is Role.ASSOCIATED_WITH
        and any(m.is_person for m in left)
        and _CONTRACT.search(between)
    ):
        return None  # a manager who signs a contract signs for his firm
    if role is Role.ASSOCIATED_WITH and not reverse:
        rest = middle_text(sentence.text[right[-1].after :])
        if _FRONT_AFTER.match(rest):
            role = Role.FRONT_FOR
    if reverse:
        _add(found, right, role, left, between)
    else:
        _add(found, left, role, right, between)
    return role


def _framed(
    sentence: Sentence,
    groups: list[list[Mention]],
    betweens: list[str],
    index: int,
    found: list[Found],
) -> Role | None:
    """A link stated by words before the first name or after the second as well (``frames``)."""
    left, right = groups[index - 1], groups[index]
    start = groups[index - 2][-1].after if index > 1 else 0
    before = middle_text(sentence.text[start : left[0].start])
    after = middle_text(sentence.text[right[-1].after : right[-1].after + 80])
    stated = frame(before, betweens[index], after)
    if stated is None:
        return None
    role, reverse = stated
    if reverse:
        _add(found, right, role, left, betweens[index])
    else:
        _add(found, left, role, right, betweens[index])
    return role


def _joint(sentence: Sentence, groups: list[list[Mention]], found: list[Found]) -> None:
    """ "A and B signed a contract": each is associated with the other."""
    for number, group in enumerate(groups):
        if len(group) < 2:
            continue
        end = groups[number + 1][0].start if number + 1 < len(groups) else len(sentence.text)
        if _JOINT.match(middle_text(sentence.text[group[-1].after : end]) + " "):
            for k, one in enumerate(group):
                _add(found, [one], Role.ASSOCIATED_WITH, group[k + 1 :], "")


def _add(
    found: list[Found], subjects: list[Mention], role: Role, objects: list[Mention], between: str
) -> None:
    for subject in subjects:
        for object_ in objects:
            for link in _typed(subject, role, object_, between):
                if link not in found:
                    found.append(link)


def _role_noun(sentence: Sentence, right: list[Mention], between: str) -> Role | None:
    """ "Ri Myong-chol, a North Korean KOMID representative": the noun after the second name."""
    if not _ROLE_APPOSITION.match(between + " "):
        return None
    after = middle_text(sentence.text[right[-1].after : right[-1].after + 60])
    for role, pattern in _ROLE_NOUNS:
        if pattern.match(after):
            return role
    return None


def _appositive(between: str) -> bool:
    return _APPOSITION.match(between + " ") is not None


def _typed(subject: Mention, role: Role, object_: Mention, between: str) -> list[Found]:
    """The link with its parties' kinds checked: an officer is a person, in an organisation."""
    if subject.party < 0 or object_.party < 0 or subject.party == object_.party:
        return []
    if role is Role.OFFICER_OF:
        if not subject.is_person or object_.is_person:
            return []
        office = re.search(POSITION, between)
        return _officer(subject.party, object_.party, office.group(0) if office else None)
    if role is Role.OWNED_BY and object_.is_person and subject.is_person:
        return []
    return [Found(subject.party, role, object_.party)]


def _officer(person: int, organisation: int, position: str | None) -> list[Found]:
    """An officer's links: an owner or proprietor owns the organisation, and one who also
    manages it ("owner and manager", "managing owner") is its officer too."""
    office = (position or "").split(" of ", 1)[0].strip().lower()
    words = set(office.replace(" and ", " ").split())
    if not words & _OWNERS:
        return [Found(person, Role.OFFICER_OF, organisation, position)]
    owned = [Found(organisation, Role.OWNED_BY, person)]
    if words - _OWNERS - {"sole", "co-owner"}:
        owned.append(Found(person, Role.OFFICER_OF, organisation, position))
    return owned


def _coordinated(sentence: Sentence, cast: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in cast:
        if groups:
            between = middle_text(sentence.text[groups[-1][-1].after : mention.start])
            listed = between in _COORDINATION or _DESCRIBED.match(between) is not None
            if listed and not _fronted(sentence, groups[-1], between):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


def _fronted(sentence: Sentence, group: list[Mention], between: str) -> bool:
    """Whether a comma closes a fronted phrase ("On behalf of X, Y ...") rather than a list."""
    if between != "," or len(group) > 1:
        return False
    return _FRONTED.match(middle_text(sentence.text[: group[0].start]) + " ") is not None
