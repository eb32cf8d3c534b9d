"""Candidate retrieval over a memory-mapped index.

A query's keys are looked up by binary search over the sorted key hashes.
Each key votes for the names filed under it with the key's inverse
document frequency, so a rare surname outvotes a common given name; keys
filed under more than ``COMMON`` names are skipped unless nothing rarer
exists, since a word that common cannot pick a party out.  The best names
are mapped to their entities and the top entities go on to the comparison.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from interdict.parties.index import files
from interdict.parties.index.records import EntityRecord

COMMON = 20_000
SHORTLIST_NAMES = 300


class MatchIndex:
    """One built index, opened read-only; safe to share between threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._keys = np.load(directory / files.KEYS, mmap_mode="r")
        self._offsets = np.load(directory / files.KEY_OFFSETS, mmap_mode="r")
        self._postings = np.load(directory / files.POSTINGS, mmap_mode="r")
        self._name_entity = np.load(directory / files.NAME_ENTITY, mmap_mode="r")
        self._record_offsets = np.load(directory / files.RECORD_OFFSETS, mmap_mode="r")
        self._records = (
            np.memmap(directory / files.RECORDS, dtype=np.uint8, mode="r")
            if (directory / files.RECORDS).stat().st_size
            else np.zeros(0, np.uint8)
        )
        self._scratch = threading.local()

    @property
    def names(self) -> int:
        return len(self._name_entity)

    @property
    def entities(self) -> int:
        return len(self._record_offsets) - 1

    def frequencies(self, keys: list[str]) -> list[int]:
        """How many names are filed under each key (0 for keys the index lacks)."""
        starts, stops = self._ranges(keys)
        return [int(b - a) for a, b in zip(starts, stops, strict=True)]

    def record(self, entity: int) -> EntityRecord:
        start, stop = int(self._record_offsets[entity]), int(self._record_offsets[entity + 1])
        return EntityRecord.loads(self._records[start:stop].tobytes())

    def candidates(self, keys: Iterable[str], limit: int) -> list[int]:
        """Up to ``limit`` entity numbers, best first, for a query's keys."""
        starts, stops = self._ranges(list(keys))
        sizes = stops - starts
        present = np.flatnonzero(sizes > 0)
        if not len(present):
            return []
        usable = present[sizes[present] <= COMMON]
        if not len(usable):
            usable = present[[int(np.argmin(sizes[present]))]]
        accumulator = self._accumulator()
        touched: list[npt.NDArray[np.int32]] = []
        total = max(self.names, 1)
        for k in usable:
            postings = self._postings[starts[k] : min(stops[k], starts[k] + COMMON)]
            accumulator[postings] += math.log(1.0 + total / len(postings))
            touched.append(postings)
        names = np.unique(np.concatenate(touched))
        votes = accumulator[names]
        accumulator[names] = 0.0
        if len(names) > SHORTLIST_NAMES:
            keep = np.argpartition(-votes, SHORTLIST_NAMES)[:SHORTLIST_NAMES]
            names, votes = names[keep], votes[keep]
        order = np.argsort(-votes, kind="stable")
        entities = self._name_entity[names[order]]
        _, first = np.unique(entities, return_index=True)
        ranked = entities[np.sort(first)]
        return [int(e) for e in ranked[:limit]]

    def _ranges(self, keys: list[str]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        wanted = np.fromiter((files.key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
        slots = np.searchsorted(self._keys, wanted)
        slots = np.minimum(slots, max(len(self._keys) - 1, 0))
        if not len(self._keys):
            empty = np.zeros(len(keys), np.int64)
            return empty, empty
        found = self._keys[slots] == wanted
        starts = np.where(found, self._offsets[slots], 0).astype(np.int64)
        stops = np.where(found, self._offsets[slots + 1], 0).astype(np.int64)
        return starts, stops

    def _accumulator(self) -> npt.NDArray[np.float64]:
        scratch: npt.NDArray[np.float64] | None = getattr(self._scratch, "votes", None)
        if scratch is None:
            scratch = np.zeros(max(self.names, 1), np.float64)
            self._scratch.votes = scratch
        return scratch
