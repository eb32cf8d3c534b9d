"""The documented schemas of intel, cables search and db status are what the models generate."""

from __future__ import annotations

from pathlib import Path

from interdict.intel.outputs import schemas
from interdict.parties.outputs import render

DOCS = Path(__file__).parents[2] / "docs" / "schemas"


def test_documented_schemas_are_current() -> None:
    for name, schema in schemas().items():
        documented = (DOCS / name).read_text(encoding="utf-8")
        assert documented == render(schema), (
            f"docs/schemas/{name} is stale: run python -m interdict.intel.outputs docs/schemas"
        )


def test_search_hit_has_the_contract_keys() -> None:
    hit = schemas()["cables-search.schema.json"]["$defs"]["Hit"]["properties"]
    assert {"reference_id", "created", "subject", "paragraph", "marking", "snippet"} <= set(hit)
    assert {"hits", "total"} <= set(schemas()["cables-search.schema.json"]["properties"])


def test_extract_line_is_a_party_a_link_an_item_or_a_denial() -> None:
    line = schemas()["intel-extract-line.schema.json"]
    assert set(line["$defs"]) >= {"Party", "Link", "Item", "Denial", "Provenance"}
    assert line["$defs"]["Denial"]["properties"]["record"]["const"] == "denial"
    assert set(line["$defs"]["Provenance"]["properties"]) == {
        "cable",
        "paragraph",
        "portion",
        "marking",
        "text",
    }
