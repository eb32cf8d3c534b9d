"""Classify or decide a file of items (JSON lines): one output line per non-blank input line.

A compliance team classifies a product master, not one machine: each line is
an item object as in an item file, with an optional ``id``.  A bad line is
reported by position and written out with its ``error`` so the output stays
aligned with the input; every other line is classified as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from interdict.controls.classify import classify
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import ClassifyBatchLine, DetermineBatchLine, classify_output
from interdict.controls.requests import RequestError, determine_item, jurisdictions, make_request
from interdict.controls.rules import Rules
from interdict.model.batch import BatchResult
from interdict.model.jsonlines import json_objects


def classify_batch(
    path: Path,
    controls: ControlList,
    jurisdiction: Jurisdiction,
) -> Iterator[BatchResult[ClassifyBatchLine]]:
    for position, record in json_objects(path):
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


def determine_batch(
    path: Path, controls: ControlList, books: dict[Jurisdiction, Rules]
) -> Iterator[BatchResult[DetermineBatchLine]]:
    """Each line: ``id``, ``item`` (an item object), ``destination``, and optionally
    ``final_destination``, ``end_use``, ``end_user`` and ``jurisdiction`` (lists), and
    ``transaction``."""
    for position, record in json_objects(path):
        if isinstance(record, str):
            yield BatchResult(DetermineBatchLine(id=None, error=record), f"{position}: {record}")
            continue
        row_id = None if record.get("id") is None else str(record["id"])
        try:
            unknown = sorted(set(record) - _ORDER_FIELDS)
            if unknown:
                raise RequestError(
                    f"unknown field(s) {unknown}; use {', '.join(sorted(_ORDER_FIELDS))}"
                )
            request = make_request(
                record.get("destination"),
                record.get("final_destination"),
                _listed(record, "end_use"),
                _listed(record, "end_user"),
                record.get("transaction"),
            )
            chosen = jurisdictions(_listed(record, "jurisdiction"))
            item = read_item(record.get("item"), controls.vocabulary, "item")
        except (RequestError, ItemError) as error:
            problem = f"{position} (id {row_id}): {error}"
            yield BatchResult(DetermineBatchLine(id=row_id, error=str(error)), problem)
            continue
        output = determine_item(item, controls, books, request, chosen)
        problem = "; ".join(f"{position}: {e.jurisdiction}: {e.reason}" for e in output.errors)
        yield BatchResult(DetermineBatchLine(id=row_id, determination=output), problem or None)


_ORDER_FIELDS = {
    "id",
    "item",
    "destination",
    "final_destination",
    "end_use",
    "end_user",
    "transaction",
    "jurisdiction",
}


def _listed(record: dict[str, object], field: str) -> list[object]:
    value = record.get(field) or []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise RequestError(f"{field}: give a list of values")
    return value
