"""The documented JSON schemas are exactly what the output models generate."""

from __future__ import annotations

import json
from pathlib import Path

from interdict.parties.outputs import render, schemas

DOCS = Path(__file__).parents[2] / "docs" / "schemas"


def test_documented_schemas_are_current() -> None:
    for name, schema in schemas().items():
        documented = (DOCS / name).read_text(encoding="utf-8")
        assert documented == render(schema), (
            f"docs/schemas/{name} is stale: run python -m interdict.parties.outputs docs/schemas"
        )


def test_match_schema_has_the_contract_fields() -> None:
    match = schemas()["screen.schema.json"]["$defs"]["Match"]
    assert {"entity_id", "caption", "score", "match", "datasets", "explanation"} <= set(
        match["properties"]
    )
    line = schemas()["screen-batch-line.schema.json"]
    assert {"id", "matches"} <= set(line["properties"])
    assert json.loads(render(line)) == line
