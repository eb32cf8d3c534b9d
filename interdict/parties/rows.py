"""Rows of a batch file (CSV with a header, or JSON lines), each with the number a user can find.

A row that cannot be read becomes a ``RowError`` in the same stream, so a
batch reports it and carries on with the rest.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from interdict.model.jsonlines import json_objects


@dataclass(frozen=True, slots=True)
class Row:
    position: str
    fields: dict[str, str]


@dataclass(frozen=True, slots=True)
class RowError:
    position: str
    reason: str


def read_rows(path: Path) -> Iterator[Row | RowError]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_rows(path)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        yield from _json_rows(path)
    else:
        yield RowError(str(path), "unknown batch format; use .csv (with a header) or .jsonl")


def _csv_rows(path: Path) -> Iterator[Row | RowError]:
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            for record in reader:
                position = f"line {reader.line_num}"
                if None in record:
                    yield RowError(position, "more cells than header columns")
                    continue
                yield Row(position, {k: (v or "").strip() for k, v in record.items() if k})
        except csv.Error as error:
            yield RowError(f"line {reader.line_num}", f"unreadable CSV: {error}")


def _json_rows(path: Path) -> Iterator[Row | RowError]:
    for position, record in json_objects(path):
        if isinstance(record, str):
            yield RowError(position, record)
            continue
        yield Row(position, {str(k): "" if v is None else str(v) for k, v in record.items()})
