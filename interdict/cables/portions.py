"""Portions: the unit that carries a marking, numbered the way provenance cites it.

A cable record lists its paragraphs in order; a paragraph that a banner
splits (the seed's ¶5 opens SECRET and continues SECRET REL SPAIN) appears
as several entries with the same number.  Provenance, search hits and the
releasability filter all cite a portion as (paragraph number, portion
index), the index counting from 0 within the paragraph, so this is worked
out once, here, rather than by each of them.  Unnumbered entries count
among themselves: the n-th unnumbered entry is portion n of paragraph None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from interdict.cables.record import Cable
from interdict.model.markings import Marking


@dataclass(frozen=True, slots=True)
class Portion:
    """One marked portion of a cable: where it sits, how it is marked, what it says."""

    position: int  # index in ``Cable.paragraphs``
    paragraph: str | None
    portion: int
    marking: Marking | None
    text: str


def portions(cable: Cable) -> Iterator[Portion]:
    seen: Counter[str | None] = Counter()
    for position, paragraph in enumerate(cable.paragraphs):
        index = seen[paragraph.number]
        seen[paragraph.number] += 1
        yield Portion(position, paragraph.number, index, paragraph.marking, paragraph.text)
