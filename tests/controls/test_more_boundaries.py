"""The remaining threshold boundaries: equal, just above, just below, and another unit."""

from __future__ import annotations

from typing import Any

import pytest
from control_items import item_with, matched, run

from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.determine import Request, determine
from interdict.controls.entries import ControlList
from interdict.controls.items import read_item


def lathe(upr: str, travel: str = "1.5 m", **extra: Any) -> dict[str, Any]:
    axes = [
        {
            "name": "X",
            "travel": travel,
            "unidirectional_positioning_repeatability": upr,
            "positioning_accuracy_2006": "10 µm",
        }
    ]
    return item_with(
        machining_functions=["turning"],
        simultaneous_contouring_axes=2,
        contouring_rotary_axes=0,
        linear_axes=axes,
        **extra,
    )


@pytest.mark.parametrize(
    ("upr", "listed"),
    [
        ("1.1 µm", True),
        ("1.11 µm", False),
        ("1.09 µm", True),
        ("0.0011 mm", True),
        ("1100 nm", True),
    ],
)
def test_2b001_a2_repeatability(controls: ControlList, upr: str, listed: bool) -> None:
    assert ("2B001.a.2" in matched(run(controls, lathe(upr)))) is listed


@pytest.mark.parametrize(
    ("diameter", "bar", "outcome"),
    [
        ("35 mm", None, "no_licence_required"),  # "no more than 35 mm": excepted from NP
        ("3.5 cm", None, "no_licence_required"),
        ("35.01 mm", None, "licence_required"),
        ("100 mm", "42 mm", "no_licence_required"),  # bar machine of 42 mm bars: excepted
        ("100 mm", "42.01 mm", "licence_required"),
    ],
)
def test_us_np_exceptions_for_2b001_lathes(diameter: str, bar: str | None, outcome: str) -> None:
    """India: NP1 marked, NS2 not, so the NP exceptions alone decide."""
    controls, books = bundled()
    extra: dict[str, Any] = {
        "maximum_workpiece_diameter": diameter,
        "bar_feed_through_only": bar is not None,
    }
    if bar is not None:
        extra["maximum_bar_diameter"] = bar
    item = read_item(lathe("1.0 µm", **extra), controls.vocabulary)
    det = determine(classify(item, controls, "US"), controls, books["US"], Request("IN"))
    assert (det.outcome, det.decided) == (outcome, True)


@pytest.mark.parametrize(
    ("travel", "accuracy", "outcome"),
    [
        ("2.01 m", "22.6 µm", "no_licence_required"),
        ("2 m", "22.6 µm", "licence_required"),
        ("2.01 m", "22.5 µm", "licence_required"),
        ("2010 mm", "0.0226 mm", "no_licence_required"),
    ],
)
def test_us_np_exception_for_long_coarse_mills(travel: str, accuracy: str, outcome: str) -> None:
    controls, books = bundled()
    axes = [
        {
            "name": "X",
            "travel": travel,
            "unidirectional_positioning_repeatability": "1 µm",
            "positioning_accuracy_2006": accuracy,
        }
    ]
    raw = item_with(
        linear_axes=axes,
        bar_feed_through_only=False,
        simultaneous_contouring_axes=5,
        contouring_rotary_axes=2,
    )
    item = read_item(raw, controls.vocabulary)
    result = classify(item, controls, "US")
    assert "2B001.b.2" in {d.entry.id for d in result.matches}
    det = determine(result, controls, books["US"], Request("IN"))
    assert (det.outcome, det.decided) == (outcome, True)


@pytest.mark.parametrize(
    ("strength", "listed"), [("48 MPa", False), ("48.01 MPa", True), ("480 bar", False)]
)
def test_9a006_h_tensile_strength(controls: ControlList, strength: str, listed: bool) -> None:
    raw = {
        "name": "cone",
        "parameters": {
            "item_type": "component",
            "component_kind": "carbon_carbon_thrust_chamber_or_exit_cone",
            "material_density": "1.5 g/cm**3",
            "tensile_strength": strength,
        },
    }
    assert ("9A006.h" in matched(run(controls, raw))) is listed


@pytest.mark.parametrize(
    ("system_range", "eu", "us"),
    [
        ("300 km", False, True),
        ("300.1 km", True, True),
        ("299.9 km", False, False),
        ("300000 m", False, True),
    ],
)
def test_7a103_missile_range_differs_by_jurisdiction(
    controls: ControlList, system_range: str, eu: bool, us: bool
) -> None:
    """EU 7A103 reads 'missile' as a range exceeding 300 km; the US text says 300 km or more."""
    raw = {
        "name": "integrated navigation system",
        "parameters": {
            "item_type": "component",
            "component_kind": "integrated_navigation_system",
            "designed_for_rocket_or_uav": True,
            "system_range": system_range,
            "navigation_accuracy_cep": "150 m",
        },
    }
    assert ("7A103.c" in matched(run(controls, raw))) is eu
    assert ("7A103.c" in matched(run(controls, raw, "US"))) is us
