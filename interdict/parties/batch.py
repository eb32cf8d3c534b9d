"""Screen a file of parties, one output line per input row, bad rows included.

A row with no name, or one that cannot be read, is reported with its
position and written out with an ``error`` so the output stays aligned with
the input.  A row with a bad qualifier (birth date, country, schema) is
screened on its name and what else is valid, and carries a warning naming
the field: the party is never left unscreened over a qualifier.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from interdict.model.batch import BatchResult
from interdict.parties.outputs import BatchLine
from interdict.parties.query import QueryError, qualified_query
from interdict.parties.rows import RowError, read_rows
from interdict.parties.screening import Screens


def screen_batch(
    screener: Screens,
    path: Path,
    limit: int,
    threshold: float,
) -> Iterator[BatchResult[BatchLine]]:
    for row in read_rows(path):
        if isinstance(row, RowError):
            problem = f"{row.position}: {row.reason}"
            yield BatchResult(BatchLine(id=None, matches=[], error=problem), problem)
            continue
        row_id = row.fields.get("id") or None
        try:
            query, warnings = qualified_query(
                [row.fields.get("name", "")],
                row.fields.get("schema") or None,
                [row.fields.get("country", "")],
                [row.fields.get("birth_date", "")],
            )
        except QueryError as error:
            problem = f"{row.position} (id {row_id}): {error}"
            yield BatchResult(BatchLine(id=row_id, matches=[], error=str(error)), problem)
            continue
        matches = screener.screen(query, limit=limit, threshold=threshold)
        line = BatchLine(id=row_id, matches=matches, warnings=warnings)
        yield BatchResult(line, None, tuple(f"{row.position} (id {row_id}): {w}" for w in warnings))
