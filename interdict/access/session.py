"""A store opened for one reader: every connection it gives out carries that reader's gate.

Commands open the store through ``open_as``; readers of facts take the
gate from the connection (``gate_of``), so no command can forget to filter
what it shows.  A connection from a store opened without a reader is the
local operator's, which every output says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select

from interdict.access.gate import Gate, overall_marking
from interdict.access.readers import OPERATOR, Reader
from interdict.access.users import find_user
from interdict.cables.archive.rows import load_record
from interdict.model.markings import Marking
from interdict.model.provenance import Provenance
from interdict.parties.results import Match
from interdict.store.engine import Store, open_default
from interdict.store.schema import cable_records, cables


def for_reader(store: Store, reader: Reader) -> Store:
    """The same store, with a fresh gate for ``reader`` on every connection it opens."""

    def overall(reference: str) -> Marking | None:
        with store.engine.connect() as connection:
            row = connection.execute(
                select(cable_records.c.record, cables.c.source)
                .join(cables, cables.c.id == cable_records.c.cable_id)
                .where(func.upper(cables.c.reference_id) == reference.upper())
            ).first()
        return None if row is None else overall_marking(load_record(row[0], row[1]))

    return replace(store, gate=Gate(reader, overall))


def open_as(db: str | None, home: Path, name: str | None, *, create: bool = False) -> Store:
    """The store for the user ``name`` (``--as``), or for the local operator without one."""
    store = open_default(db, home, create=create)
    if name is None:
        return for_reader(store, OPERATOR)
    with store.read() as connection:
        reader = find_user(connection, name)
    return for_reader(store, reader)


def reader_named(db: str | None, home: Path, name: str | None) -> Reader:
    """The user ``--as`` names, or the local operator without it."""
    if name is None:
        return OPERATOR
    with open_default(db, home, create=False).read() as connection:
        return find_user(connection, name)


def showing(store: Store, sources: Iterable[Provenance]) -> Store:
    """The store with a fresh gate that has seen only ``sources``: for outputs (screening
    results) whose reads went wider than what they show, so that the banner and the audit
    trail cover what was shown."""
    gate = Gate(store.gate.reader, store.gate.overall)
    gate.provenance(sources)
    return replace(store, gate=gate)


def match_sources(matches: Iterable[Match]) -> list[Provenance]:
    """Every cable portion a list of screening matches shows: the names' and the chains'."""
    return [
        source
        for match in matches
        for source in [*match.provenance, *(p for step in match.links for p in step.provenance)]
    ]
