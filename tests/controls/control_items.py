"""Items for the control tests: the FS-1 as a dictionary, and small helpers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from interdict.controls.catalogue import bundled
from interdict.controls.classify import Classification, classify
from interdict.controls.determine import Determination, Request, determine
from interdict.controls.entries import ControlList
from interdict.controls.items import load_item, read_item

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
    "designed_for_contact_lenses": False,
    "bar_feed_through_only": False,
    "grinder_type": "other",
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


def part(kind: str, **params: Any) -> dict[str, Any]:
    """A component item of the given kind with these parameters."""
    return {
        "name": kind,
        "parameters": {"item_type": "component", "component_kind": kind, **params},
    }


def run(controls: ControlList, raw: dict[str, Any], jurisdiction: str = "EU") -> Classification:
    return classify(read_item(raw, controls.vocabulary), controls, jurisdiction)  # type: ignore[arg-type]


def matched(result: Classification) -> set[str]:
    return {d.entry.id for d in result.matches}


def axes(
    travel: str, upr: str, accuracy: str | None = None, accuracy_1988: str | None = None
) -> list[dict[str, Any]]:
    """One X axis with its travel, repeatability and (optionally) positioning accuracies,
    to ISO 230-2:2006 (US figures) and to ISO 230-2:1988 (EU figures)."""
    axis = {"name": "X", "travel": travel, "unidirectional_positioning_repeatability": upr}
    if accuracy is not None:
        axis["positioning_accuracy_2006"] = accuracy
    if accuracy_1988 is not None:
        axis["positioning_accuracy_1988"] = accuracy_1988
    return [axis]


def decide(raw: Any, destination: str, jurisdiction: str, **flags: Any) -> Determination:
    """Classify an item (a file or a dictionary) and determine it against the bundled rules."""
    controls, books = bundled()
    item = (
        read_item(raw, controls.vocabulary)
        if isinstance(raw, dict)
        else load_item(raw, controls.vocabulary)
    )
    result = classify(item, controls, jurisdiction)  # type: ignore[arg-type]
    request = Request(
        destination,
        frozenset(flags.get("end_use", ())),
        frozenset(flags.get("end_user", ())),
        transaction=flags.get("transaction", "sale"),
    )
    return determine(result, controls, books[jurisdiction], request)  # type: ignore[index]
