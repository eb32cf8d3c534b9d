"""The JSON documents the screening commands print, as models, and their JSON schemas.

The CLI builds its output from these models, and ``docs/schemas/`` holds
the schemas they generate (a test keeps the two identical), so the
documented contract cannot drift from what is printed.  Regenerate with
``python -m interdict.parties.outputs docs/schemas``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from interdict.parties.results import Explanation, Match
from interdict.parties.store.datasets import DatasetInfo


class QueryEcho(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    schema_: str = Field(alias="schema")
    countries: list[str]
    birth_dates: list[str]


class ScreenOutput(BaseModel):
    """``interdict screen NAME --json``."""

    query: QueryEcho
    matches: list[Match]
    warnings: list[str] = Field(
        default=[], description="qualifiers that were ignored, each naming its field"
    )


class BatchLine(BaseModel):
    """One line of ``interdict screen --batch FILE --out OUT.jsonl``."""

    id: str | None = Field(description="the input row's id column")
    matches: list[Match]
    error: str | None = Field(default=None, description="why the row could not be screened")
    warnings: list[str] = Field(
        default=[],
        description="qualifiers of the row that were ignored (a bad birth date, country or "
        "schema), each naming the field; the row was screened without them",
    )


class CompareOutput(BaseModel):
    """``interdict compare NAME1 NAME2 --json``."""

    score: float
    explanation: Explanation | None


def schemas() -> dict[str, dict[str, Any]]:
    """File name to JSON schema, for every document the screening commands print."""
    return {
        "screen.schema.json": ScreenOutput.model_json_schema(by_alias=True, mode="serialization"),
        "screen-batch-line.schema.json": BatchLine.model_json_schema(
            by_alias=True, mode="serialization"
        ),
        "compare.schema.json": CompareOutput.model_json_schema(by_alias=True, mode="serialization"),
        "lists-status.schema.json": TypeAdapter(list[DatasetInfo]).json_schema(),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")
    for name, schema in schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
