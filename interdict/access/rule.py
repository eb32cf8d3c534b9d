"""The releasability rule: may this reader see a portion with this marking from this originator?

One function, used by every path that shows a cable portion or anything
derived from one.  A portion is visible when its level is within the
reader's clearance and it is unclassified, or the reader is a national of
the originator, or the reader's country is among those it is released to.
NOFORN, ORCON and every other dissemination control keep a portion to the
originator's nationals.  SBU and LOU portions are visible to every user.  A
release list with a word that names no country cannot be read, so the
portion is not released beyond the originator, and the reason says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.access.countries import release_countries
from interdict.access.readers import Reader
from interdict.model.markings import Level, Marking


@dataclass(frozen=True, slots=True)
class Verdict:
    visible: bool
    reason: str
    warning: str | None = None


def may_read(reader: Reader, marking: Marking | None, originator: str) -> Verdict:
    """``marking`` is the portion's own, or the cable's overall one for an unmarked field."""
    if reader.operator:
        return Verdict(True, "local operator")
    if marking is None:
        return Verdict(False, "unmarked and no overall marking: not releasable")
    national = reader.country == originator
    level = marking.level
    if level not in (Level.U, Level.SBU) and level.rank > reader.clearance_rank:
        return Verdict(False, f"{level.value} is above the reader's clearance")
    if marking.noforn or marking.controls:
        controls = ", ".join([*(["NOFORN"] if marking.noforn else []), *marking.controls])
        if national:
            return Verdict(True, f"{controls}: reader is a national of the originator")
        return Verdict(False, f"{controls}: for the originator's nationals only")
    if level in (Level.U, Level.SBU):
        return Verdict(True, "unclassified")
    if national:
        return Verdict(True, "reader is a national of the originator")
    countries, unknown = release_countries(marking.rel_to)
    if unknown:
        words = ", ".join(unknown)
        return Verdict(
            False,
            "release list cannot be read: not releasable",
            warning=f"REL TO names no known country: {words}",
        )
    if reader.country in countries:
        return Verdict(True, f"released to {reader.country}")
    return Verdict(False, f"not released to {reader.country}")
