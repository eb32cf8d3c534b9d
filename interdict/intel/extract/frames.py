"""Links whose statement reaches past the words between the two names.

``shapes`` reads only the text between two names; some statements need the
words before the first name or after the second as well:

* the passive with its agent on either side of the other party: "lathes
  were sold by A to B", "lathes were offered to B by A", "the order was
  placed with A by B", "the sale was brokered by A for B", "the furnaces
  had been bought by B from A", "the cameras were made by A and sold to B";
* a role named before the party that holds it: "the procurement agent for
  B, A, ordered ...", "the front company for B, A, ..."; and a fronted "On
  behalf of B, A ordered ...";
* a role named after both: "A is used by B as a procurement front", "A is
  owned by P, a Malaysian national, who also serves as its managing
  director" (``its_officer``).

Each frame returns the role and whether the second name is its subject,
as ``shapes.shape`` does.
"""

from __future__ import annotations

import re

from interdict.intel.extract.shapes import (
    ACQUIRED,
    AGENT,
    FRONT,
    GAP_DET,
    GAP_NOUN,
    GAP_OBJ,
    GAP_SHORT,
    HANDLED,
    PART,
    PASSIVE,
    POSITION,
    REL,
    SUPPLIED,
)
from interdict.intel.records import Role

_THE = r"(?:the |its |their |a |an )?"
_PASSIVE_SUPPLY = rf"\b{PASSIVE}(?:to be )?{SUPPLIED} "
# A noun phrase that opens its clause: "the procurement agent for B, A, ..." begins a sentence or
# follows a colon; after a verb ("A acted as the agent for B, ...") it says nothing of what follows.
_OPENING = r"(?:^|[:;] )(?:[\w-]+ ){0,2}?(?:the |its |their |a |an )?"
# (role, second name is the subject, text before the first name, text between the two)
_FRAMES: tuple[tuple[Role, bool, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (role, reverse, re.compile(before + r"\Z"), re.compile(between + r"\Z"))
    for role, reverse, before, between in (
        # "lathes were offered to B by A": A supplies B
        (Role.SUPPLIES, True, rf"{_PASSIVE_SUPPLY}(?:{GAP_OBJ})?to {_THE}", rf"by {GAP_NOUN}"),
        # "lathes were sold by A to B": A supplies B
        (
            Role.SUPPLIES,
            False,
            rf"{_PASSIVE_SUPPLY}(?:{GAP_OBJ})?by {_THE}",
            rf"(?:{GAP_OBJ})?to {GAP_NOUN}",
        ),
        # "the furnaces had been bought by B from A": A supplies B
        (
            Role.SUPPLIES,
            True,
            rf"\b{PASSIVE}{ACQUIRED} (?:{GAP_OBJ})?by {_THE}",
            rf"(?:{GAP_OBJ})?from {GAP_DET}",
        ),
        # "the cameras were made by A and sold to B": A supplies B
        (
            Role.SUPPLIES,
            False,
            rf"\b{PASSIVE}(?:[\w-]+ )?by {_THE}",
            rf"(?:, )?and (?:(?:were|was|then|later|subsequently) )*{SUPPLIED} (?:{GAP_OBJ})?to "
            rf"{GAP_NOUN}",
        ),
        # "the order was placed with A by B": A supplies B
        (
            Role.SUPPLIES,
            False,
            rf"\border(?:s)? (?:{GAP_OBJ})?{PASSIVE}placed with {_THE}",
            rf"by {GAP_NOUN}",
        ),
        (
            Role.SUPPLIES,
            True,
            rf"\border(?:s)? (?:{GAP_OBJ})?{PASSIVE}placed by {_THE}",
            rf"(?:{GAP_OBJ})?with {GAP_NOUN}",
        ),
        # "the sale was brokered by A for B": A acts for B
        (
            Role.ACTS_FOR,
            False,
            rf"\b{PASSIVE}(?:{HANDLED}|brokered) (?:{GAP_OBJ})?by {_THE}",
            rf"(?:{GAP_OBJ})?(?:for|on behalf of) {GAP_NOUN}",
        ),
        # "the procurement agent for B, A,": A acts for B
        (
            Role.ACTS_FOR,
            True,
            rf"{_OPENING}{GAP_SHORT}{AGENT} (?:for|of) {_THE}",
            r", (?:[\w'.-]+ ){0,3}",
        ),
        (
            Role.FRONT_FOR,
            True,
            rf"{_OPENING}{GAP_SHORT}{FRONT} (?:for|of) {_THE}",
            r", (?:[\w'.-]+ ){0,3}",
        ),
        (
            Role.OWNED_BY,
            True,
            rf"{_OPENING}{GAP_SHORT}{PART} of {_THE}",
            r", (?:[\w'.-]+ ){0,3}",
        ),
        # "On behalf of B, A ordered": A acts for B
        (Role.ACTS_FOR, True, rf"^(?:[\w'-]+ ){{0,3}}on behalf of {_THE}", r", (?:[\w'.-]+ ){0,3}"),
    )
)
# "A is owned by P, a Malaysian national, who also serves as its managing director".
_ITS_OFFICER = re.compile(
    rf"(?:, (?:a|an|the) [^,]{{1,60}})?, who (?:also |currently |now )?(?:serves|served|acts|acted|"
    rf"works|worked|is|was) (?:as )?(?:its|their|the company's|the firm's) "
    rf"(?:(?:former|acting|current|deputy) )*{POSITION}\b"
)
# "A is used by B as a procurement front": the role follows the second name.
_USED_BY = re.compile(rf"{REL}{PASSIVE}used by {GAP_NOUN}\Z")
_USED_AS = (
    (Role.FRONT_FOR, re.compile(rf"(?:{GAP_NOUN})?as {_THE}{GAP_SHORT}{FRONT}\b")),
    (Role.ACTS_FOR, re.compile(rf"(?:{GAP_NOUN})?as {_THE}{GAP_SHORT}{AGENT}\b")),
)


def frame(before: str, between: str, after: str) -> tuple[Role, bool] | None:
    """The role stated by the words around two names: ``before`` the first (from the end of
    the name before it, or the clause's start), ``between`` them and ``after`` the second."""
    text = between + " "
    prefix = before + " " if before else ""
    for role, reverse, before_pattern, between_pattern in _FRAMES:
        if between_pattern.match(text) and before_pattern.search(prefix):
            return role, reverse
    if _USED_BY.match(text):
        for role, pattern in _USED_AS:
            if pattern.match(after + " "):
                return role, False
    return None


def its_officer(between: str, after: str) -> bool:
    """ "A is owned by P, a Malaysian national, who also serves as its managing director": P is
    an officer of A, whatever else the words between them say."""
    return _ITS_OFFICER.match(after) is not None and ", who" not in between
