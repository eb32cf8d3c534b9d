"""Screen a file of parties, one output line per input row, bad rows included.

A bad row (no name, an unknown country, an unreadable line) is reported
with its position and written out with an ``error`` so the output stays
aligned with the input; every other row is screened as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from interdict.parties.outputs import BatchLine
from interdict.parties.query import QueryError, make_query
from interdict.parties.rows import RowError, read_rows
from interdict.parties.screening import Screener


@dataclass(frozen=True, slots=True)
class Screened:
    """One output line, and the problem with its row (position and reason) if there was one."""

    line: BatchLine
    problem: str | None


def screen_batch(
    screener: Screener,
    path: Path,
    limit: int,
    threshold: float,
    progress: Callable[[], None] | None = None,
) -> Iterator[Screened]:
    for row in read_rows(path):
        if progress is not None:
            progress()
        if isinstance(row, RowError):
            problem = f"{row.position}: {row.reason}"
            yield Screened(BatchLine(id=None, matches=[], error=problem), problem)
            continue
        row_id = row.fields.get("id") or None
        try:
            query = make_query(
                [row.fields.get("name", "")],
                row.fields.get("schema") or None,
                [row.fields.get("country", "")],
                [row.fields.get("birth_date", "")],
            )
        except QueryError as error:
            problem = f"{row.position} (id {row_id}): {error}"
            yield Screened(BatchLine(id=row_id, matches=[], error=str(error)), problem)
            continue
        matches = screener.screen(query, limit=limit, threshold=threshold)
        yield Screened(BatchLine(id=row_id, matches=matches), None)
