"""The shapes a link takes in the text between two names, as regular expressions.

Each shape reads the text between two mentions (lower case, punctuation
spaced out, see ``links.middle_text``) and says which role it states and
which of the two names is the subject.  Gaps take only words that cannot
open a new clause, so "A, which sold tools to Iran, and B" links nothing.
Shapes are tried in order and the first that fits decides, so the more
particular come first: the passive ("A was supplied by B") before the
active ("A supplied B"), "received an order from" before "received from".

The vocabulary is that of export-control reporting: verbs of supplying
and acquiring in every tense, the nouns of a front, an agent, a subsidiary,
an officer; the adverbs of hedging ("reportedly", "may have been"), which
leave a link standing.  Negation is not a shape: ``polarity`` decides it.
"""

from __future__ import annotations

import re

from interdict.intel.extract.lexicon import POSITIONS
from interdict.intel.records import Role

_BREAK = r"and|but|or|which|who|that|while|whereas|although|because|when|if|after|before"
_PREP = r"to|from|by|with|for|of|in|on|at|through|via|under|into"
_AUXILIARY = r"is|are|was|were|has|have|had|will|would|did|does|do|can|could|may|might|should"
_WORD = r"[\w'./&-]+ "
# A noun that a name may follow after a comma: "owned by a Swiss holding company, X".
_CUE_NOUN = (
    r"(?:company|firm|corporation|entity|group|subsidiary|affiliate|intermediary|broker|"
    r"manufacturer|supplier|distributor|dealer|stockist|trader|vendor|forwarder|customer|buyer|"
    r"businessman|national)"
)
ACQUIRED = r"(?:bought|purchased|procured|acquired|obtained|imported|ordered|sourced)"
GAP_DET = rf"(?:(?!(?:{_BREAK}|{_PREP}) ){_WORD}){{0,8}}(?:{_CUE_NOUN} , )?"
GAP_SHORT = rf"(?:(?!(?:{_BREAK}|{_PREP}) ){_WORD}){{0,3}}"
# A noun phrase that introduces a name: no clause word, preposition or auxiliary ("its front,
# the Beirut-based firm X"; not "its front, has asked the firm X").
GAP_NOUN = rf"(?:(?!(?:{_BREAK}|{_PREP}|{_AUXILIARY}) ){_WORD}){{0,5}}"
# An object may hold "and", commas and brackets ("tubes and maraging steel", "the valves,
# together with twelve transducers, to", "powder ( particle size 5-10 microns ) to"), but no
# word that opens a new clause, nor ", and".
_CLAUSE = r"but|or|which|who|that|while|whereas|although|because|when|if|after|before"
GAP_OBJ = rf"(?:(?!(?:{_CLAUSE}) )(?:{_WORD}|, (?!and )|[()] )){{0,24}}"
REL = (
    r"(?:, )?(?:(?:is |was )?(?:a |an |the )(?:[\w'-]+ ){0,8}?(?:, )?(?:which|that|who) |"
    r"(?:which|that|who) )?"
)
_HEDGES = (
    r"reportedly|allegedly|also|currently|still|now|apparently|likely|probably|possibly|"
    r"itself|recently|previously|repeatedly|all|both|each|separately|directly|indirectly|"
    r"believed to|continues to|continued to|is believed to be|was believed to be|"
    r"is suspected of|is reported to be|is said to be|appears to be|appears to have been|"
    r"(?:is|are|was|were) (?:reported|believed|said|thought|alleged|known|suspected) to have"
)
AUX = (
    r"(?:(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|could|can|"
    rf"{_HEDGES}) )*"
)
_BE = r"(?:is|are|was|were|be|been|being)"
# Before a passive participle: a form of "to be", with auxiliaries and hedges around it.
PASSIVE = rf"(?:(?:has|have|had|will|would|may|might|could|can|{_HEDGES}) )*{_BE} (?:{_HEDGES} )*"
TRY = (
    r"(?:(?:attempted|attempting|attempts|attempt|tried|trying|tries|try|sought|seeking|seeks|"
    r"planned|planning|plans|intended|intending|intends|wanted|wants|working|worked|works|"
    r"agreed|offered|offering|offers|arranged|arranging|helped|helping|continued|continues|"
    r"began|started|expected|preparing|prepared|able|going) to )?"
)
COPULA = r"(?:(?:is|was|are|were|has been|had been|have been|became|becomes|as|remains) |, )?"
DET = r"(?:(?:a|an|the|one of the|another|its|their|main|major|key|principal|all) )*"
SUPPLY = (
    r"(?:supply|supplies|supplied|supplying|sell|sells|sold|selling|ship|ships|shipped|"
    r"shipping|export|exports|exported|exporting|re-export|re-exports|re-exported|"
    r"re-exporting|deliver|delivers|delivered|delivering|provide|provides|provided|providing|"
    r"transfer|transfers|transferred|furnish|furnished|send|sends|sent|sending|transship|"
    r"transshipped|tranship|transhipped|offer|offers|offered|offering|resell|resold|reselling|"
    r"forward|forwards|forwarded|forwarding)"
)
ACQUIRE = (
    r"(?:purchase|purchased|purchases|purchasing|buy|bought|buys|buying|procure|procured|"
    r"procures|procuring|acquire|acquired|acquires|acquiring|obtain|obtained|obtains|"
    r"obtaining|import|imported|imports|importing|order|ordered|orders|ordering|receive|"
    r"received|receives|receiving|seek|sought|seeks|seeking|source|sourced)"
)
FRONT = (
    r"(?:(?:front|cover|shell)s?(?: company| companies| firm| firms| organi[sz]ation| entity| "
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
    r"procurement arm|purchasing arm|freight forwarder|forwarding agent)"
)
PART = (
    r"(?:subsidiary|subsidiaries|division|unit|branch|subordinate|daughter company|"
    r"part|arm|element|component)"
)
OWNED = (
    r"(?:\d+(?:\.\d+)? ?(?:%|percent|per cent) )?"
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
PLACED_ORDER = (
    r"(?:placed|places|placing|place|sent|submitted|issued) (?:a |an |the )?"
    rf"{GAP_SHORT}(?:order|orders|purchase order|enquiry|inquiry)"
)
ARRANGED = r"(?:arranged|arranges|arranging|organi[sz]ed|brokered)"
DEALS = r"(?:shipments?|sales?|deliver(?:y|ies)|exports?|transfers?|supply)"
HANDLED = (
    r"(?:arranged|arranges|arranging|organi[sz]ed|coordinated|handled|handles|financed|paid|"
    r"booked|books|cleared)"
)
SUPPLIER = r"(?:supplier|suppliers|vendor|vendors|source|exporter|distributor|dealer)"
SUPPLIED = (
    r"(?:supplied|sold|provided|shipped|delivered|exported|re-exported|offered|sent|"
    r"transferred|furnished|forwarded|resold)"
)
ACTS = (
    r"(?:act|acts|acted|acting|work|works|worked|working|procure|procures|procured|procuring|"
    r"purchase|purchases|purchased|purchasing|buy|buys|bought|buying|operate|operates|operated|"
    r"operating|broker|brokers|brokered|brokering)"
)
ACTING = r"(?:acting|working|procuring|purchasing|buying|operating|brokering)"
AS_AGENT = rf"as (?:a |an |the )?{GAP_SHORT}{AGENT} (?:of|for)"
HEADS = r"(?:heads|headed|runs|ran|directs|directed|manages|managed|leads|led)"
PARTNER = (
    r"(?:affiliate|partner|associate|sister company|sister concern|sister firm|"
    r"partner company|partner firm|related company)"
)
COOPERATES = r"(?:cooperates|cooperated|collaborates|collaborated|partnered|partners)"
CONTRACTED = (
    r"(?:signed|signs|concluded|concludes|negotiated|negotiates|agreed) (?:a |an |the )?"
    rf"{GAP_SHORT}(?:contract|contracts|agreement|deal)"
)
# "Delmar, a Dubai firm suspected of procuring on behalf of Kavir": a participle in apposition.
APPOSED = (
    r", (?:a |an |the )(?:[\w'.-]+ ){0,4}?"
    r"(?:(?:suspected|believed|thought|known|said|reported) (?:of |to be )?)?"
)

FORWARD, REVERSE = False, True
# (role, whether the second name is the subject, the shape of the text between the two)
_SHAPES: tuple[tuple[Role, bool, str], ...] = (
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}(?:{GAP_OBJ})?on behalf of {GAP_DET}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{RECEIVED_ORDER} {GAP_OBJ}from {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"{REL}{AUX}{TRY}{PLACED_ORDER} {GAP_OBJ}(?:with|from) {GAP_DET}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{ARRANGED} {GAP_OBJ}{DEALS} {GAP_OBJ}to {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}{HANDLED} {GAP_OBJ}for {GAP_DET}"),
    (Role.FRONT_FOR, FORWARD, rf"{REL}{AUX}{ACT_AS}{DET}{GAP_SHORT}{FRONT} {FRONT_LINK} {GAP_DET}"),
    (Role.FRONT_FOR, FORWARD, rf"'s role as {DET}{GAP_SHORT}{FRONT} {FRONT_LINK} {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"'s role as {DET}{GAP_SHORT}{AGENT} (?:of|for) {GAP_DET}"),
    (
        Role.FRONT_FOR,
        REVERSE,
        rf"(?:, )?(?:working|acting|operating|procuring) (?:through|via) (?:its |their )?"
        rf"{GAP_SHORT}{FRONT} (?:, )?{GAP_NOUN}",
    ),
    (
        Role.ACTS_FOR,
        REVERSE,
        rf"(?:, )?(?:working|acting|operating|procuring) (?:through|via) (?:its |their )?"
        rf"{GAP_SHORT}{AGENT} (?:, )?{GAP_NOUN}",
    ),
    (
        Role.FRONT_FOR,
        REVERSE,
        rf"(?:'s |, |and )?(?:its |their )?{GAP_SHORT}{FRONT} (?:, )?"
        rf"(?:called |named |known as )?{GAP_NOUN}",
    ),
    (Role.SUPPLIES, REVERSE, rf"{REL}{PASSIVE}{SUPPLIED} (?:with )?{GAP_OBJ}by {GAP_DET}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{AUX}{TRY}{SUPPLY} (?!(?:\S+ )*by (?:\S+ )?$){GAP_OBJ}"),
    (Role.SUPPLIES, FORWARD, rf"{REL}{COPULA}{DET}{GAP_SHORT}{SUPPLIER} (?:to|of|for) {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"{REL}{AUX}{TRY}{ACQUIRE} {GAP_OBJ}from {GAP_DET}"),
    (Role.SUPPLIES, REVERSE, rf"'s {GAP_SHORT}(?:supplier|suppliers|vendor|source) (?:, )?"),
    (Role.ACTS_FOR, REVERSE, rf"{REL}{AUX}{TRY}{ACQUIRE} {GAP_OBJ}(?:through|via) {GAP_DET}"),
    (
        Role.ACTS_FOR,
        FORWARD,
        rf"{REL}{AUX}{TRY}{ACTS} (?:{GAP_OBJ})?(?:on behalf of|for|{AS_AGENT}) {GAP_DET}",
    ),
    (Role.ACTS_FOR, FORWARD, rf"{APPOSED}{ACTING} (?:on behalf of|for) {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{COPULA}{DET}{GAP_SHORT}{AGENT} (?:of|for) {GAP_DET}"),
    (Role.ACTS_FOR, FORWARD, rf"{REL}{AUX}(?:represents|represented|representing) {GAP_DET}"),
    (Role.ACTS_FOR, REVERSE, rf"(?:'s |, and its |and its |, its )?{GAP_SHORT}{AGENT} (?:, )?"),
    (Role.OFFICER_OF, REVERSE, rf"{REL}{AUX}(?:headed|led|directed|chaired) by {GAP_DET}"),
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
    (
        Role.ASSOCIATED_WITH,
        REVERSE,
        rf"(?:'s |, and its |and its |, its |its |(?:[\w-]+ )?(?:, )?(?:via|through) "
        rf"(?:its|their) ){GAP_SHORT}{PARTNER} (?:, )?",
    ),
    (Role.ASSOCIATED_WITH, FORWARD, rf"{REL}{AUX}{CONTRACTED} with {GAP_DET}"),
    (
        Role.ASSOCIATED_WITH,
        FORWARD,
        rf"{REL}{AUX}(?:{GAP_OBJ})?under the (?:aegis|auspices|umbrella) of {GAP_DET}",
    ),
)
_COMPILED = tuple(
    (role, reverse, re.compile(pattern + r"\Z")) for role, reverse, pattern in _SHAPES
)


def shape(between: str) -> tuple[Role, bool] | None:
    """The role the text between two names states, and whether the second name is its subject."""
    text = between + " " if between else ""
    for role, reverse, pattern in _COMPILED:
        if pattern.match(text):
            return role, reverse
    return None
