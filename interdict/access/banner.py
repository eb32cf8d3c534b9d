"""The overall banner of an output: the highest level it shows, and who may receive all of it.

The banner is worked out from the portions actually shown, not from the
sources read: a search that read SECRET cables but shows only
unclassified paragraphs is UNCLASSIFIED.  Release countries are those every
classified portion shown is released to; one portion for the originator
alone (NOFORN, ORCON) makes the whole output NOFORN.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.access.countries import release_countries, trigraph
from interdict.model.markings import Level, Marking

_WORDS = {
    Level.U: "UNCLASSIFIED",
    Level.SBU: "UNCLASSIFIED//SBU",
    Level.C: "CONFIDENTIAL",
    Level.S: "SECRET",
    Level.TS: "TOP SECRET",
}


@dataclass
class Banner:
    originator: str = "US"
    level: Level = Level.U
    noforn: bool = False
    released: frozenset[str] | None = None  # None: no classified portion seen yet
    unreleased: bool = False  # a classified portion with no release list

    def add(self, marking: Marking | None) -> None:
        if marking is None:
            return
        if marking.level.rank > self.level.rank:
            self.level = marking.level
        if marking.noforn or marking.controls:
            self.noforn = True
        if marking.level in (Level.U, Level.SBU):
            return
        countries, unknown = release_countries(marking.rel_to)
        if not marking.rel_to or unknown:
            self.unreleased = True
            return
        self.released = countries if self.released is None else self.released & countries

    def text(self) -> str:
        words = _WORDS[self.level]
        if self.level in (Level.U, Level.SBU):
            return words + ("//NOFORN" if self.noforn else "")
        if self.noforn:
            return f"{words}//NOFORN"
        others = sorted(trigraph(c) for c in (self.released or frozenset()) - {self.originator})
        if self.unreleased or not others:
            return words
        return f"{words}//REL TO {', '.join([trigraph(self.originator), *others])}"
