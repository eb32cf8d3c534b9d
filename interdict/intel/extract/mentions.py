"""A mention: one place in one sentence where the cable names a party.

Finding names, resolving later references, reading countries and matching
link patterns all work on mentions; only the last step turns the mentions
of one party into a ``Party`` record.  A mention keeps its token range
(for the words around it) and its character span (for the name as
written, and the text between two mentions that link patterns read).
"""

from __future__ import annotations

from dataclasses import dataclass, field

PERSON = "Person"

# How a mention was found, strongest evidence first.  A party is named after its
# best-evidenced mention: "Maquinaria CME, S.A." (legal form) over "Maquinaria CME".
LEGAL = "legal"  # a legal form ends it
HEAD = "head"  # an organisation noun ends or opens it
TITLE = "title"  # a person's title or rank precedes it
POSITION = "position"  # a person named with an office in an organisation
CUE = "cue"  # a cue noun introduces it ("intermediary X", "X, a Turkish firm")
ACRONYM = "acronym"  # its initials follow it in brackets
LISTED = "listed"  # a name of a loaded restricted-party list
REFERENCE = "reference"  # a later use of a name, alias or short form found before
EVIDENCE_RANK = {
    LEGAL: 0,
    HEAD: 1,
    TITLE: 1,
    POSITION: 2,
    CUE: 2,
    ACRONYM: 3,
    LISTED: 4,
    REFERENCE: 5,
}


@dataclass(slots=True)
class Mention:
    sentence: int  # ``Sentence.index``
    first: int  # token range [first, last) of the name
    last: int
    start: int  # character span of the name in the sentence text
    end: int
    text: str
    schema: str
    how: str
    after: int = -1  # end of what belongs to the name: a bracketed acronym, an a.k.a.
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    position: str | None = None
    entity: int | None = None  # the listed entity, for a name found in the gazetteer
    office_of: Mention | None = None  # for a person named with an office: the organisation
    party: int = -1  # the party it belongs to, once resolved
    leading: bool = True  # no preposition introduces it: it can be what its sentence is about

    def __post_init__(self) -> None:
        if self.after < self.end:
            self.after = self.end

    @property
    def is_person(self) -> bool:
        return self.schema == PERSON

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.after
