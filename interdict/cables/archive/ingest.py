"""Ingest: parse and prepare cables on worker processes, store them in batches here.

One pipeline serves ``cables ingest`` (cables only) and ``intel ingest``
(cables and the facts extracted from them): the caller says what to
prepare from each cable and how to write a batch.  Each batch is one
transaction, so a batch is stored whole or not at all; if a batch fails,
its cables are retried one by one so that one bad record costs only itself.
A record that cannot be read or prepared is reported and skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Generic, TypeVar

from sqlalchemy.engine import Connection

from interdict.cables.archive.writer import Written
from interdict.cables.pipeline import safe_parse
from interdict.cables.record import Cable
from interdict.cables.sources.raw import BadRecord, RawCable
from interdict.cables.sources.walk import iter_raw
from interdict.model.ordered_pool import ordered_map
from interdict.store.engine import Store
from interdict.store.errors import RecordRejectedError

T = TypeVar("T")
CHUNK = 32  # cables per task sent to a worker
BATCH = 250  # cables per transaction


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that was not stored: where it came from and why."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Prepared(Generic[T]):
    source: str
    key: str
    value: T


@dataclass(slots=True)
class Tally:
    stored: int = 0
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)


def prepare_paths(
    paths: Iterable[str | os.PathLike[str]],
    prepare: Callable[[Cable], tuple[str, T]],
    workers: int,
) -> Iterator[Prepared[T] | Failure]:
    """Every cable under ``paths``, parsed and prepared (``prepare`` gives its key and value)."""
    return ordered_map(partial(_prepare_chunk, prepare), iter_raw(paths), workers, CHUNK)


def _prepare_chunk(
    prepare: Callable[[Cable], tuple[str, T]], chunk: list[RawCable | BadRecord]
) -> list[Prepared[T] | Failure]:
    done: list[Prepared[T] | Failure] = []
    for raw in chunk:
        cable = raw if isinstance(raw, BadRecord) else safe_parse(raw)
        if isinstance(cable, BadRecord):
            done.append(Failure(cable.source, cable.reason))
            continue
        try:
            key, value = prepare(cable)
        except Exception as error:  # a bug on one cable must not cost the others
            done.append(Failure(raw.source, f"cannot prepare: {type(error).__name__}: {error}"))
            continue
        done.append(Prepared(raw.source, key, value))
    return done


def store_all(
    store: Store,
    items: Iterable[Prepared[T] | Failure],
    write: Callable[[Connection, list[T]], Written],
    *,
    on_failure: Callable[[Failure], None],
    on_progress: Callable[[int], None] | None = None,
    batch: int = BATCH,
) -> Tally:
    tally = Tally()
    stream = iter(items)
    seen = 0
    while chunk := list(islice(stream, batch)):
        good: list[Prepared[T]] = []
        for item in chunk:
            if isinstance(item, Failure):
                tally.failed.append(item)
                on_failure(item)
            else:
                good.append(item)
        _store_batch(store, good, write, tally, on_failure)
        seen += len(chunk)
        if on_progress is not None:
            on_progress(seen)
    return tally


def _store_batch(
    store: Store,
    good: list[Prepared[T]],
    write: Callable[[Connection, list[T]], Written],
    tally: Tally,
    on_failure: Callable[[Failure], None],
) -> None:
    if not good:
        return
    try:
        with store.begin() as connection:
            written = write(connection, [item.value for item in good])
    except RecordRejectedError:
        if len(good) == 1:
            raise
        for item in good:  # find the one that failed; the others are stored on their own
            try:
                _store_batch(store, [item], write, tally, on_failure)
            except RecordRejectedError as error:
                failure = Failure(item.source, f"{item.key}: {error}")
                tally.failed.append(failure)
                on_failure(failure)
        return
    tally.stored += len(written.changed)
    tally.unchanged += len(written.ids) - len(written.changed)
