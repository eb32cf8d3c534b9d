"""Write an index while a list streams past: records to a file, keys to compact arrays.

Memory is dominated by two integer arrays (one key id and one name id per
posting) and the dictionary of distinct keys; records go straight to disk.
The sort that turns those pairs into postings happens once, in NumPy, when
the list has been read.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from interdict.parties.index import files
from interdict.parties.index.keys import name_keys
from interdict.parties.index.records import EntityRecord


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
        self._key_ids: dict[str, int] = {}
        self._key_seq = array("I")
        self._name_seq = array("I")
        self._name_entity = array("I")
        self._record_offsets = array("q", [0])
        self._records = (directory / files.RECORDS).open("wb")

    def add(self, record: EntityRecord) -> None:
        data = record.dumps()
        self._records.write(data)
        self._record_offsets.append(self._record_offsets[-1] + len(data))
        entity = len(self._record_offsets) - 2
        key_ids = self._key_ids
        for name in record.names:
            name_id = len(self._name_entity)
            self._name_entity.append(entity)
            keys = name_keys(name.form)
            for key in keys:
                if key not in key_ids:
                    key_ids[key] = len(key_ids)
            self._key_seq.extend(map(key_ids.__getitem__, keys))
            self._name_seq.extend([name_id] * len(keys))

    def finish(self) -> IndexStats:
        self._records.close()
        directory = self._directory
        hashes = np.fromiter(
            (files.key_hash(key) for key in self._key_ids),
            dtype=np.uint64,
            count=len(self._key_ids),
        )
        order = np.argsort(hashes, kind="stable")
        rank = np.empty_like(order)
        rank[order] = np.arange(len(order))
        ranks = rank[np.frombuffer(self._key_seq, dtype=np.uint32)]
        postings = np.frombuffer(self._name_seq, dtype=np.uint32)[np.argsort(ranks, kind="stable")]
        counts = np.bincount(ranks, minlength=len(order)) if len(order) else np.zeros(0, np.int64)
        offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
        sorted_hashes = hashes[order]
        # Two keys with one hash (astronomically rare) simply share their postings.
        unique, first = np.unique(sorted_hashes, return_index=True)
        offsets = np.append(offsets[first], offsets[-1]) if len(unique) else offsets
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
