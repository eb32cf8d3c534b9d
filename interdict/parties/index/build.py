"""Write an index while a list streams past: records to a file, keys to compact arrays.

Memory is dominated by two integer arrays, one key hash and one name number
per posting; records go straight to disk.  Keys are hashed as they are
made (a word's hashes once, however often it recurs), so no dictionary of
millions of key strings is ever held.  The sort that turns the pairs into
postings happens once, in NumPy, when the list has been read.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interdict.parties.index import files
from interdict.parties.index.keys import name_key_hashes
from interdict.parties.index.records import EntityRecord


@dataclass(frozen=True, slots=True)
class PreparedBatch:
    """Many entities ready to file, in a few flat buffers, in the order they are to be filed.

    A worker hands back one of these per chunk of a list: a handful of byte
    strings pickle and unpickle in microseconds, however many entities they hold.
    The keys come sorted by hash (names in order within a hash), so the final
    sort of all keys merges presorted runs instead of sorting from scratch.
    """

    records: bytes  # every record's bytes, one after the other
    sizes: bytes  # int64: the length of each record
    names: bytes  # uint32: how many names each entity has
    hashes: bytes  # uint64: the key hashes of all the names, sorted
    key_names: bytes  # uint32: for each hash, its name's number within the batch


class BatchPreparer:
    """Collects entities, analysed and with their keys hashed, into a ``PreparedBatch``."""

    def __init__(self) -> None:
        self._records: list[bytes] = []
        self._sizes = array("q")
        self._names = array("I")
        self._counts = array("I")
        self._hashes = array("Q")

    def __len__(self) -> int:
        return len(self._records)

    def add(self, record: EntityRecord) -> None:
        data = record.dumps()
        self._records.append(data)
        self._sizes.append(len(data))
        self._names.append(len(record.names))
        for name in record.names:
            keys = name_key_hashes(name.form)
            self._hashes.extend(keys)
            self._counts.append(len(keys))

    def batch(self) -> PreparedBatch:
        hashes = np.frombuffer(self._hashes, dtype=np.uint64)
        counts = np.frombuffer(self._counts, dtype=np.uint32)
        key_names = np.repeat(np.arange(len(counts), dtype=np.uint32), counts)
        order = np.argsort(hashes, kind="stable")
        return PreparedBatch(
            b"".join(self._records),
            self._sizes.tobytes(),
            self._names.tobytes(),
            hashes[order].tobytes(),
            key_names[order].tobytes(),
        )


@dataclass(frozen=True, slots=True)
class IndexStats:
    entities: int
    names: int
    keys: int
    postings: int


class IndexBuilder:
    """Accumulates records and keys; ``finish`` writes the arrays next to the records."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._key_seq = array("Q")
        self._name_seq = array("I")
        self._name_entity = array("I")
        self._record_offsets = array("q", [0])
        self._records = (directory / files.RECORDS).open("wb")

    def add_batch(self, batch: PreparedBatch) -> None:
        """File a whole batch, its entities in turn."""
        sizes = np.frombuffer(batch.sizes, dtype=np.int64)
        if not len(sizes):
            return
        self._records.write(batch.records)
        first_entity = len(self._record_offsets) - 1
        self._record_offsets.frombytes((self._record_offsets[-1] + np.cumsum(sizes)).tobytes())
        names = np.frombuffer(batch.names, dtype=np.uint32)
        entities = np.arange(first_entity, first_entity + len(names), dtype=np.uint32)
        first_name = len(self._name_entity)
        self._name_entity.frombytes(np.repeat(entities, names).tobytes())
        key_names = np.frombuffer(batch.key_names, dtype=np.uint32) + np.uint32(first_name)
        self._name_seq.frombytes(key_names.tobytes())
        self._key_seq.frombytes(batch.hashes)

    def finish(self) -> IndexStats:
        self._records.close()
        directory = self._directory
        hashes = np.frombuffer(self._key_seq, dtype=np.uint64)
        order = np.argsort(hashes, kind="stable")
        postings = np.frombuffer(self._name_seq, dtype=np.uint32)[order]
        # Two keys with one hash (astronomically rare) simply share their postings.
        # The hashes are sorted, so each run's first is where it differs from the one
        # before (what np.unique would find, without sorting them again).
        ordered = hashes[order]
        starts = np.ones(len(ordered), dtype=bool)
        np.not_equal(ordered[1:], ordered[:-1], out=starts[1:])
        unique, first = ordered[starts], np.flatnonzero(starts)
        offsets = np.append(first, len(postings)).astype(np.int64)
        np.save(directory / files.KEYS, unique)
        np.save(directory / files.KEY_OFFSETS, offsets)
        np.save(directory / files.POSTINGS, postings.astype(np.int32))
        np.save(directory / files.NAME_ENTITY, np.frombuffer(self._name_entity, dtype=np.uint32))
        np.save(directory / files.RECORD_OFFSETS, np.frombuffer(self._record_offsets, np.int64))
        return IndexStats(
            entities=len(self._record_offsets) - 1,
            names=len(self._name_entity),
            keys=len(unique),
            postings=len(postings),
        )

    def abandon(self) -> None:
        """Close the record file of a build that will not be finished."""
        self._records.close()
