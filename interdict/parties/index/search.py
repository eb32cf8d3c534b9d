"""Candidate retrieval over a memory-mapped index.

A query's keys are looked up by binary search over the sorted key hashes.
Each key votes for the names filed under it with the key's inverse
document frequency times the weight of its family (see ``keys``), so a rare surname
outvotes a common given name; keys filed under more than ``COMMON`` names
are skipped unless nothing rarer exists, since a word that common cannot
pick a party out.  The best names
are mapped to their entities and the top entities go on to the comparison.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from interdict.parties.index import files
from interdict.parties.index.records import EntityRecord

COMMON = 20_000
SHORTLIST_NAMES = 300


def _mapped(path: Path) -> npt.NDArray[Any]:
    """A memory-mapped array as a plain ndarray view: slicing a memmap object is slow."""
    mapped: npt.NDArray[Any] = np.load(path, mmap_mode="r").view(np.ndarray)
    return mapped


class MatchIndex:
    """One built index, opened read-only; safe to share between threads."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._keys = _mapped(directory / files.KEYS)
        self._offsets = _mapped(directory / files.KEY_OFFSETS)
        self._postings = _mapped(directory / files.POSTINGS)
        self._name_entity = _mapped(directory / files.NAME_ENTITY)
        self._record_offsets = _mapped(directory / files.RECORD_OFFSETS)
        self._records = (
            np.memmap(directory / files.RECORDS, dtype=np.uint8, mode="r").view(np.ndarray)
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

    def candidates(
        self, groups: Sequence[Mapping[str, float]], limit: int
    ) -> list[tuple[int, float]]:
        """Up to ``limit`` entity numbers with their votes, best first, for a query's key groups.

        Each group (the keys of one query word, or of the whole name) adds
        its best key's weight to every name it reaches: a word found by
        spelling and by sound counts once, not twice.
        """
        # Keys in a fixed order: votes are summed in floating point and ties are broken by
        # position, so the same query must add them up the same way in every process.
        flat = [
            (number, key, weight)
            for number, group in enumerate(groups)
            for key, weight in sorted(group.items())
        ]
        starts, stops = self._ranges([key for _, key, _ in flat])
        sizes = stops - starts
        present = np.flatnonzero(sizes > 0)
        if not len(present):
            return []
        usable = present[sizes[present] <= COMMON]
        if not len(usable):
            usable = present[[int(np.argmin(sizes[present]))]]
        votes, best = self._scratch_arrays()
        total = max(self.names, 1)
        by_group: dict[int, list[int]] = {}
        for k in usable.tolist():
            by_group.setdefault(flat[k][0], []).append(k)
        reached: list[npt.NDArray[np.int32]] = []
        for members in by_group.values():
            slices = [
                self._postings[starts[k] : min(stops[k], starts[k] + COMMON)] for k in members
            ]
            weights = [
                flat[k][2] * math.log(1.0 + total / len(p))
                for k, p in zip(members, slices, strict=True)
            ]
            if len(slices) == 1:
                names = slices[0]
                votes[names] += weights[0]
            else:
                names = np.concatenate(slices)
                np.maximum.at(best, names, np.repeat(weights, [len(p) for p in slices]))
                votes[names] += best[names]
                best[names] = 0.0
            reached.append(names)
        names = np.concatenate(reached)
        tally = votes[names]
        votes[names] = 0.0
        if len(reached) > 1:
            # A name reached by several groups is listed once per group; keep one, or a
            # few well-connected names would fill the whole shortlist.
            best[names] = np.arange(len(names), dtype=np.float64)
            once = best[names] == np.arange(len(names))
            best[names] = 0.0
            names, tally = names[once], tally[once]
        if len(names) > SHORTLIST_NAMES:
            keep = np.argpartition(-tally, SHORTLIST_NAMES)[:SHORTLIST_NAMES]
            names, tally = names[keep], tally[keep]
        order = np.argsort(-tally, kind="stable")
        entities = self._name_entity[names[order]]
        _, first = np.unique(entities, return_index=True)
        keep = np.sort(first)[:limit]
        return list(zip(entities[keep].tolist(), tally[order][keep].tolist(), strict=True))

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

    def _scratch_arrays(self) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Per-thread vote arrays, one slot per name, left all-zero after every query."""
        arrays: tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]] | None = getattr(
            self._scratch, "arrays", None
        )
        if arrays is None:
            size = max(self.names, 1)
            arrays = (np.zeros(size, np.float64), np.zeros(size, np.float64))
            self._scratch.arrays = arrays
        return arrays
