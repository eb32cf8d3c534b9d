"""Classification markings shared by cables, intelligence and access control.

Markings are parsed once here so that the cable parser, the intelligence
extractor and the releasability filter all agree on what ``(C/REL LIBYA)``
or ``(SECRET REL SPAIN)`` means.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field


class Level(StrEnum):
    """Classification levels in ascending order of sensitivity."""

    U = "U"
    SBU = "SBU"
    C = "C"
    S = "S"
    TS = "TS"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.U: 0, Level.SBU: 1, Level.C: 2, Level.S: 3, Level.TS: 4}

# Words a banner, a security line or a portion marking may use for each level.
LEVEL_WORDS: dict[str, Level] = {
    "U": Level.U,
    "UNCLASSIFIED": Level.U,
    "UNCLAS": Level.U,
    "SBU": Level.SBU,
    "UNCLASSIFIED//FOR OFFICIAL USE ONLY": Level.SBU,
    "SENSITIVE BUT UNCLASSIFIED": Level.SBU,
    "LIMITED OFFICIAL USE": Level.SBU,
    "LOU": Level.SBU,
    "FOUO": Level.SBU,
    "U//FOUO": Level.SBU,
    "C": Level.C,
    "CONFIDENTIAL": Level.C,
    "S": Level.S,
    "SECRET": Level.S,
    "TS": Level.TS,
    "TOP SECRET": Level.TS,
}


class Marking(BaseModel):
    """A portion or banner marking: level plus dissemination controls."""

    model_config = ConfigDict(frozen=True)

    level: Level
    rel_to: tuple[str, ...] = ()
    noforn: bool = False
    controls: tuple[str, ...] = Field(
        default=(),
        description="Other control markings, e.g. ORCON or the SCI system SI: each narrows access.",
    )

    def label(self) -> str:
        parts = [self.level.value, *self.controls]
        if self.noforn:
            parts.append("NF")
        if self.rel_to:
            parts.append("REL " + ", ".join(self.rel_to))
        return "/".join(parts)


_SPLIT = re.compile(r"\s*/{1,2}\s*|\s+(?=REL\b)|\s+(?=NOFORN\b)")
# "REL TO" must name at least one country: a bare "REL TO" is a truncated
# marking, not a release to a country called "TO"; a doubled "TO" is a slip.
_REL = re.compile(r"^REL(?:EASABLE)?(?:\s+TO)*\s+(?!TO$)(.+)$")
_COUNTRY_SEP = re.compile(r"\s*,\s*|\s+AND\b\s*")
# 1970s telegrams mark the first paragraph for the whole cable: "(C - ENTIRE TEXT)".
_ENTIRE_TEXT = re.compile(r"\s*-?\s*ENTIRE\s+TEXT\.?$")
# Dissemination controls that make an unclassified portion SBU ("U//FOUO").
_SBU_CONTROLS = frozenset({"FOUO", "FOR OFFICIAL USE ONLY", "SBU"})
# Further control markings of the US marking system (ISOO, "Marking Classified National
# Security Information"): originator-controlled, no contractors, proprietary, imagery, the
# SCI control systems SI, TK and HCS.  Recognising them keeps "(TS//SI//NF)" from reading as
# "not a marking", which access control would otherwise have to treat as unmarked text.
_CONTROLS = frozenset(
    {"ORCON", "NOCONTRACT", "PROPIN", "IMCON", "RELIDO", "FISA", "SI", "TK", "HCS"}
)


@lru_cache(maxsize=4096)
def parse_marking(text: str) -> Marking | None:
    """Parse the inside of a portion marking such as ``C/REL LIBYA`` or ``SECRET REL SPAIN``.

    Returns ``None`` when the text is not a marking, so that callers can treat
    ordinary parenthesised prose as text rather than guessing a level.  Results
    are cached: a corpus uses a few dozen distinct markings millions of times,
    and ``Marking`` is immutable.  Never raises: the text comes straight from
    the cable, and ``(/)`` or ``(REL TO)`` are as possible as ``(C)``.
    """
    body = " ".join(text.upper().replace("(", " ").replace(")", " ").split())
    body = _ENTIRE_TEXT.sub("", body)
    parts = [p for p in _SPLIT.split(body) if p]
    if not parts:
        return None
    level = LEVEL_WORDS.get(parts[0])
    rest = parts[1:]
    if level is None and len(parts) >= 2:
        level = LEVEL_WORDS.get(parts[0] + "//" + parts[1]) or LEVEL_WORDS.get(
            parts[0] + " " + parts[1]
        )
        rest = parts[2:]
    if level is None:
        return None
    rel_to: list[str] = []
    controls: list[str] = []
    noforn = False
    for part in rest:
        if part in ("NF", "NOFORN"):
            noforn = True
        elif part in _CONTROLS:
            if part not in controls:
                controls.append(part)
        elif part in _SBU_CONTROLS and level.rank <= Level.SBU.rank:
            level = Level.SBU
        elif match := _REL.match(part):
            rel_to.extend(c for c in _COUNTRY_SEP.split(match.group(1)) if c)
        else:
            return None
    return Marking(level=level, rel_to=tuple(rel_to), noforn=noforn, controls=tuple(controls))
