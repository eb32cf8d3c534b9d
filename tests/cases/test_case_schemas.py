"""The documented case schemas are what the models generate, and hold the contract keys."""

from __future__ import annotations

from pathlib import Path

from interdict.cases.outputs import schemas
from interdict.parties.outputs import render

DOCS = Path(__file__).parents[2] / "docs" / "schemas"


def test_documented_schemas_are_current() -> None:
    for name, schema in schemas().items():
        documented = (DOCS / name).read_text(encoding="utf-8")
        assert documented == render(schema), (
            f"docs/schemas/{name} is stale: run python -m interdict.cases.outputs docs/schemas"
        )


def test_assessment_has_the_contract_keys() -> None:
    schema = schemas()["case-assessment.schema.json"]
    assert set(schema["required"]) >= {
        "outcome",
        "determinations",
        "recommendation",
        "reasons",
        "findings",
        "case",
        "assessed_at",
        "inputs",
    }
    finding = schema["$defs"]["Finding"]["properties"]
    assert {"kind", "severity", "summary", "evidence"} <= set(finding)
    sources = {
        d["properties"]["source"]["const"]
        for name, d in schema["$defs"].items()
        if name.endswith("Evidence")
    }
    assert sources == {"cable", "list", "control_list", "rule", "denial", "case_file"}
