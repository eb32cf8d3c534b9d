"""Classify a file of items (JSON lines), one output line per input line, bad lines included.

A compliance team classifies a product master, not one machine: each line is
an item object as in an item file, with an optional ``id``.  A bad line is
reported by position and written out with its ``error`` so the output stays
aligned with the input; every other line is classified as usual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from interdict.controls.classify import classify
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import ClassifyBatchLine, classify_output
from interdict.model.batch import BatchResult
from interdict.model.jsonlines import json_objects


def classify_batch(
    path: Path,
    controls: ControlList,
    jurisdiction: Jurisdiction,
    progress: Callable[[], None] | None = None,
) -> Iterator[BatchResult[ClassifyBatchLine]]:
    for position, record in json_objects(path):
        if progress is not None:
            progress()
        if isinstance(record, str):
            yield BatchResult(ClassifyBatchLine(id=None, error=record), f"{position}: {record}")
            continue
        raw_id = record.pop("id", None)
        row_id = None if raw_id is None else str(raw_id)
        try:
            item = read_item(record, controls.vocabulary, position)
        except ItemError as error:
            yield BatchResult(ClassifyBatchLine(id=row_id, error=str(error)), str(error))
            continue
        output = classify_output(classify(item, controls, jurisdiction), controls)
        yield BatchResult(ClassifyBatchLine(id=row_id, classification=output), None)
