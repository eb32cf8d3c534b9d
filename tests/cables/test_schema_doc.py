"""The committed JSON Schema must describe what the parser actually writes."""

from __future__ import annotations

import json
from pathlib import Path

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable, cable_schema

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((ROOT / "docs" / "schemas" / "cable.schema.json").read_text())
    assert committed == cable_schema(), (
        "run: interdict cables schema > docs/schemas/cable.schema.json"
    )


def test_every_output_key_is_required_in_the_schema() -> None:
    (cable,) = parse_paths([SEED])
    assert isinstance(cable, Cable)
    record = json.loads(cable.to_json())
    assert set(record) == set(cable_schema()["required"])
