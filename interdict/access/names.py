"""Which of a party's names a reader may learn: those written in a portion they may see.

A party's record lists every name and alias the cable used for it, but
each name was written in some portion, and an alias that appears only in a
hidden paragraph is itself the hidden fact ("SHIG" is the cover name of X).
So a name is shown, captioned or matched only when a visible portion
contains it.
"""

from __future__ import annotations

from collections.abc import Iterable

from interdict.model.provenance import Provenance
from interdict.parties.names.analysis import normalise


def written_in(names: Iterable[str], sources: Iterable[Provenance]) -> list[str]:
    """The names that some visible source sentence contains, compared as normalised words."""
    texts = [f" {normalise(source.text)} " for source in sources]
    kept = []
    for name in names:
        key = normalise(name)
        if key and any(f" {key} " in text for text in texts):
            kept.append(name)
    return kept
