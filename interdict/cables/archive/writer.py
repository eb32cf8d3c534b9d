"""Store batches of cables: replace by reference id, skip what has not changed.

The caller owns the transaction, so that a cable and the facts extracted
from it are written together: a crash halfway through a batch rolls the
whole batch back and leaves the previous cables and facts in place.  A
cable whose text changed loses every row derived from it (tags, index
entry, extracted facts) before the new one is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from interdict.cables.archive import fulltext
from interdict.cables.archive.rows import CableRow
from interdict.store.schema import cable_records, cable_tags, cables, metadata

# Every table whose rows belong to a cable, children before parents.
_DEPENDENTS = [
    table
    for table in reversed(metadata.sorted_tables)
    if "cable_id" in table.c and table is not cables
]


@dataclass(slots=True)
class Written:
    """The store ids of a batch's cables, and which of them were new or changed."""

    ids: dict[str, int] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)


def write_cables(connection: Connection, rows: Sequence[CableRow]) -> Written:
    latest = {row.reference_id: row for row in rows}  # a cable given twice: the later wins
    existing = {
        key: (cable_id, digest)
        for cable_id, key, digest in connection.execute(
            select(cables.c.id, cables.c.reference_id, cables.c.digest).where(
                cables.c.reference_id.in_(list(latest))
            )
        )
    }
    written = Written()
    fresh: list[CableRow] = []
    stale: list[int] = []
    for key, row in latest.items():
        old = existing.get(key)
        if old is not None and old[1] == row.digest:
            written.ids[key] = old[0]
            continue
        if old is not None:
            stale.append(old[0])
        fresh.append(row)
    delete_cables(connection, stale)
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    if fresh:
        inserted = connection.execute(
            insert(cables).returning(
                cables.c.id, cables.c.reference_id, sort_by_parameter_order=True
            ),
            [_values(row, now) for row in fresh],
        ).all()
        pairs = [(cable_id, row) for (cable_id, _), row in zip(inserted, fresh, strict=True)]
        for cable_id, row in pairs:
            written.ids[row.reference_id] = cable_id
            written.changed.add(row.reference_id)
        connection.execute(
            insert(cable_records),
            [{"cable_id": cable_id, "record": row.record} for cable_id, row in pairs],
        )
        tags = [{"cable_id": cable_id, "tag": tag} for cable_id, row in pairs for tag in row.tags]
        if tags:
            connection.execute(insert(cable_tags), tags)
        fulltext.add(connection, pairs)
    return written


def delete_cables(connection: Connection, cable_ids: Sequence[int]) -> None:
    if not cable_ids:
        return
    fulltext.remove(connection, cable_ids)
    for table in _DEPENDENTS:
        connection.execute(delete(table).where(table.c.cable_id.in_(cable_ids)))
    connection.execute(delete(cables).where(cables.c.id.in_(cable_ids)))


def _values(row: CableRow, now: datetime) -> dict[str, object]:
    return {
        "reference_id": row.reference_id,
        "created": row.created,
        "origin": row.origin,
        "station": row.station,
        "from_address": row.from_address,
        "place": row.place,
        "classification": row.classification,
        "level": row.level,
        "subject": row.subject,
        "form": row.form,
        "source": row.source,
        "digest": row.digest,
        "ingested_at": now,
        "extracted_with": None,
    }
