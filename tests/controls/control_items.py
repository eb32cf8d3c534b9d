"""Items for the control tests: the FS-1 as a dictionary, and small helpers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from interdict.controls.classify import Classification, classify
from interdict.controls.entries import ControlList
from interdict.controls.items import read_item

ROOT = Path(__file__).resolve().parents[2]
FS1 = ROOT / "examples" / "items" / "fs1.yaml"

MILL: dict[str, Any] = {
    "item_type": "equipment",
    "component_kind": "machine_tool",
    "machining_functions": ["milling"],
    "workpiece_materials": ["metals"],
    "numerical_control": True,
    "special_purpose_limited_to": "none",
    "simultaneous_contouring_axes": 5,
    "simultaneous_linear_contouring_axes": 3,
    "simultaneous_rotary_contouring_axes": 2,
    "contouring_rotary_axes": 2,
    "linear_axes": [
        {"name": "X", "travel": "0.8 m", "unidirectional_positioning_repeatability": "3 µm"}
    ],
}


def item_with(**changes: Any) -> dict[str, Any]:
    """A five-axis mill like the FS-1, with some parameters replaced (None removes one)."""
    params = copy.deepcopy(MILL)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return {"name": "test item", "parameters": params}


def run(controls: ControlList, raw: dict[str, Any], jurisdiction: str = "EU") -> Classification:
    return classify(read_item(raw, controls.vocabulary), controls, jurisdiction)  # type: ignore[arg-type]


def matched(result: Classification) -> set[str]:
    return {d.entry.id for d in result.matches}
