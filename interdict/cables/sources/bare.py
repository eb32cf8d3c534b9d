"""Bare telegram text: no container at all, so nothing to undo.

This is what a user pastes or saves from a cable viewer: a full telegram
(ACP-127 header and body) or a partial extract that starts straight at the
banner.  The reader does not try to tell those apart or to guess metadata;
the parser owns all telegram structure, so it stays the single place that
decides what a header looks like.
"""

from __future__ import annotations

from interdict.cables.sources.raw import RawCable


def read_bare(text: str, path: str) -> RawCable:
    """Wrap ``text`` unchanged; line 1 of ``text`` is line 1 of the file."""
    return RawCable(source=f"{path}:1", form="bare", text=text)
