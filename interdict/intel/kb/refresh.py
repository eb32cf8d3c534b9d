"""Bring derived knowledge up to date: resolution first, then the screening index.

Run at the end of ``intel ingest`` and, when something changed since, before
screening, so that a screen after an ingest (or after a list update) always
sees resolution and an index made from the facts and lists as they are now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from interdict.intel.kb import state
from interdict.intel.kb.index import open_index
from interdict.intel.kb.resolve import Resolution, resolve, stored_list_state
from interdict.parties.screening import Dataset, Screener


@dataclass(frozen=True, slots=True)
class Refreshed:
    index: Dataset | None
    resolution: Resolution | None  # None when nothing had changed


def list_state(lists: Screener) -> list[tuple[str, str, str, str, int]]:
    return sorted(
        (d.info.name, d.info.version, d.info.loaded_at, d.info.source_sha256, d.info.entities)
        for d in lists.datasets
    )


def refresh(
    connection: Connection,
    lists: Screener,
    home: Path,
    progress: Callable[[int], None] | None = None,
) -> Refreshed:
    current = list_state(lists)
    stale = (
        state.read(connection, state.RESOLVED) != state.read(connection, state.GENERATION)
        or stored_list_state(connection) != current
    )
    resolution = resolve(connection, lists, current, progress) if stale else None
    return Refreshed(open_index(connection, home), resolution)
