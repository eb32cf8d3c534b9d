"""``intel ingest``: cables stored and their facts extracted, in one transaction per batch.

Two sources feed the same writer: files (parsed, stored as ``cables ingest``
stores them, and extracted) and cables already in the store whose facts are
missing or came from an older extractor.  Extraction runs in worker
processes; the gazetteer of listed names is put in a module global before
the pool forks, so that it is inherited once rather than pickled per task.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from interdict.cables.archive.ingest import Failure, Prepared, Tally, prepare_paths, store_all
from interdict.cables.archive.rows import CableRow, cable_row, load_record
from interdict.cables.archive.writer import Written, write_cables
from interdict.cables.record import Cable
from interdict.intel.extract import extract_cable
from interdict.intel.extract.gazetteer import Gazetteer
from interdict.intel.kb.facts import write_facts
from interdict.intel.records import EXTRACTION_VERSION, Extraction
from interdict.model.ordered_pool import ordered_map
from interdict.store.chunks import chunks
from interdict.store.engine import Store
from interdict.store.schema import cable_records, cables

_CHUNK = 32
_gazetteer: Gazetteer | None = None


@dataclass(frozen=True, slots=True)
class CableFacts:
    row: CableRow | None  # None for a cable already stored, whose row is not rewritten
    cable_id: int | None
    extraction: Extraction


def _extract(cable: Cable, key: str) -> Extraction:
    """Extraction cites cables by their store key, which a cable without a reference id lacks."""
    if cable.reference_id != key:
        cable = cable.model_copy(update={"reference_id": key})
    return extract_cable(cable, _gazetteer)


def _from_file(cable: Cable) -> tuple[str, CableFacts]:
    row = cable_row(cable)
    return row.reference_id, CableFacts(row, None, _extract(cable, row.reference_id))


def _write(connection: Connection, batch: list[CableFacts]) -> Written:
    written = write_cables(connection, [facts.row for facts in batch if facts.row is not None])
    for facts in batch:
        if facts.cable_id is not None:
            written.ids[facts.extraction.cable] = facts.cable_id
            written.changed.add(facts.extraction.cable)
    write_facts(connection, written.ids, [facts.extraction for facts in batch])
    return written


def ingest_files(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    gazetteer: Gazetteer | None,
    workers: int,
    on_failure: Callable[[Failure], None],
    on_progress: Callable[[int], None] | None = None,
) -> Tally:
    global _gazetteer
    _gazetteer = gazetteer
    items = prepare_paths(paths, _from_file, workers)
    return store_all(store, items, _write, on_failure=on_failure, on_progress=on_progress)


def extract_stored(
    store: Store,
    gazetteer: Gazetteer | None,
    workers: int,
    everything: bool,
    on_failure: Callable[[Failure], None],
    on_progress: Callable[[int], None] | None = None,
) -> Tally:
    """Extract facts for stored cables: those without current facts, or ``everything``."""
    global _gazetteer
    _gazetteer = gazetteer
    query = select(cables.c.id).order_by(cables.c.id)
    if not everything:
        query = query.where(
            or_(cables.c.extracted_with.is_(None), cables.c.extracted_with != EXTRACTION_VERSION)
        )
    with store.read() as connection:
        ids = list(connection.execute(query).scalars())
    items = ordered_map(_extract_chunk, _records(store, ids), workers, _CHUNK)
    return store_all(store, items, _write, on_failure=on_failure, on_progress=on_progress)


def _records(store: Store, ids: Sequence[int]) -> Iterator[tuple[int, str, bytes]]:
    for part in chunks(ids, 500):
        with store.read() as connection:
            yield from connection.execute(
                select(cables.c.id, cables.c.reference_id, cable_records.c.record)
                .join(cable_records, cable_records.c.cable_id == cables.c.id)
                .where(cables.c.id.in_(part))
                .order_by(cables.c.id)
            )


def _extract_chunk(
    chunk: list[tuple[int, str, bytes]],
) -> list[Prepared[CableFacts] | Failure]:
    done: list[Prepared[CableFacts] | Failure] = []
    for cable_id, key, record in chunk:
        try:
            extraction = _extract(load_record(record), key)
        except Exception as error:  # one cable's failure must not cost the others
            done.append(Failure(key, f"cannot extract: {type(error).__name__}: {error}"))
            continue
        done.append(Prepared(key, key, CableFacts(None, cable_id, extraction)))
    return done
