"""Whether a statement of a link is denied rather than made.

A negated or denied relation is no link ("X is not a front for Y", "X has
never sold to Y", "X denied that it had supplied Y", "there is no
indication that X supplied Y"); a hedged one is ("X may have been acting on
behalf of Y", "X reportedly supplied Y", "it is unclear whether X supplied
Y").  Two places hold the negation: the words between the two names, and a
clause of knowing or saying that opens just before the subject ("we have
no information that", "officials denied that").
"""

from __future__ import annotations

import re

# A negation among the words that state the link.  "No" counts ("supplied no goods to"); a
# hedge never does.
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|cannot)\b|n't\b|"
    r"\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|"
    r"reject(?:s|ed|ing)?)\b"
)
# A clause that denies what follows it: "there is no indication that", "we do not believe",
# "X denied that", "officials rejected claims that"; at most two words ("the firm") may come
# between it and the subject.
_DENYING_CLAUSE = re.compile(
    r"(?:\b(?:no|not|never|little|nothing|neither)\b(?:\s+[\w'-]+){0,3}?\s+"
    r"(?:indication|information|evidence|sign|signs|reason|proof|knowledge|record|aware|"
    r"believe|believes|think|thinks|know|knows|suggest|suggests|suggesting|indicate|"
    r"indicates|indicating|confirm|confirms|confirmed|show|shows|showing)\w*"
    r"(?:\s+(?:of|to\s+believe|to\s+suggest))?\s+(?:that\s+)?"
    r"|\b(?:den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?(?:\s+(?:claims|reports|allegations))?|"
    r"dispute[sd]?|refuted?)\s+that\s+)"
    r"(?:[\w'-]+\s+){0,2}\Z"
)


def negated(between: str) -> bool:
    """Whether the words between two names deny the relation they state."""
    return _NEGATION.search(between) is not None


def denied_clause(before: str) -> bool:
    """Whether the text before a subject (lower case, from its clause's start) denies its clause."""
    return _DENYING_CLAUSE.search(before) is not None
