"""Boundaries of the encoded missile thresholds, and the notes that exclude items."""

from __future__ import annotations

from typing import Any

import pytest
from control_items import item_with, matched, part, run

from interdict.controls.entries import ControlList


@pytest.mark.parametrize(
    ("raw", "entry", "listed"),
    [
        (
            part("cryogenic_system", cryogenic_loss_rate="29.9 percent/year"),
            "9A006.a",
            True,
        ),
        (
            part("cryogenic_system", cryogenic_loss_rate="30 percent/year"),
            "9A006.a",
            False,
        ),
        (
            part(
                "cryogenic_container_or_refrigeration_system",
                provided_temperature="100 K",
            ),
            "9A006.b",
            True,
        ),
        (
            part(
                "cryogenic_container_or_refrigeration_system",
                provided_temperature="-173.15 degC",
            ),
            "9A006.b",
            True,
        ),
        (
            part(
                "cryogenic_container_or_refrigeration_system",
                provided_temperature="100.1 K",
            ),
            "9A006.b",
            False,
        ),
        (part("turbopump_or_turbine_drive", operating_pressure="17.5 MPa"), "9A006.d", False),
        (part("turbopump_or_turbine_drive", operating_pressure="17.51 MPa"), "9A006.d", True),
        (part("turbopump_or_turbine_drive", operating_pressure="175.1 bar"), "9A006.d", True),
        (part("thrust_chamber_or_nozzle", operating_pressure="10.6 MPa"), "9A006.e", False),
        (part("thrust_chamber_or_nozzle", operating_pressure="10.61 MPa"), "9A006.e", True),
        (part("liquid_propellant_injector", injector_orifice_diameter="0.381 mm"), "9A006.g", True),
        (
            part("liquid_propellant_injector", injector_orifice_diameter="0.382 mm"),
            "9A006.g",
            False,
        ),
        (part("liquid_propellant_injector", injector_orifice_area="0.114 mm**2"), "9A006.g", True),
        (part("liquid_propellant_injector", injector_orifice_area="0.115 mm**2"), "9A006.g", False),
        (
            part(
                "carbon_carbon_thrust_chamber_or_exit_cone",
                material_density="1.41 g/cm**3",
                tensile_strength="48.1 MPa",
            ),
            "9A006.h",
            True,
        ),
        (
            part(
                "carbon_carbon_thrust_chamber_or_exit_cone",
                material_density="1.4 g/cm**3",
                tensile_strength="60 MPa",
            ),
            "9A006.h",
            False,
        ),
        (
            part(
                "liquid_rocket_engine", usable_in_missiles=True, total_impulse_capacity="1.1 MN*s"
            ),
            "9A105.a",
            True,
        ),
        (
            part(
                "liquid_rocket_engine", usable_in_missiles=True, total_impulse_capacity="1099 kN*s"
            ),
            "9A105.a",
            False,
        ),
        (
            part(
                "liquid_rocket_engine", system_range="300 km", total_impulse_capacity="0.841 MN*s"
            ),
            "9A105.b",
            True,
        ),
        (
            part("liquid_rocket_engine", system_range="299 km", total_impulse_capacity="0.9 MN*s"),
            "9A105.b",
            False,
        ),
        (
            part("liquid_rocket_engine", system_range="300 km", total_impulse_capacity="1.1 MN*s"),
            "9A105.b",
            False,
        ),
        (
            part(
                "guidance_set",
                guidance_accuracy="3.33 percent",
                system_range="300 km",
                usable_in_missiles=True,
            ),
            "7A117",
            True,
        ),
        (
            part(
                "guidance_set",
                guidance_accuracy="3.34 percent",
                system_range="300 km",
                usable_in_missiles=True,
            ),
            "7A117",
            False,
        ),
    ],
)
def test_missile_thresholds(
    controls: ControlList, raw: dict[str, Any], entry: str, listed: bool
) -> None:
    assert (entry in matched(run(controls, raw))) is listed


def test_flow_forming_needs_more_than_two_axes(controls: ControlList) -> None:
    base = {
        "machining_functions": ["flow_forming"],
        "usable_in_propulsion_component_production": True,
    }
    assert "2B109.a" in matched(run(controls, item_with(**base, simultaneous_contouring_axes=3)))
    assert "2B109.a" not in matched(
        run(controls, item_with(**base, simultaneous_contouring_axes=2))
    )


@pytest.mark.parametrize(
    "purpose",
    [
        "gears",
        "crankshafts_or_camshafts",
        "tools_or_cutters",
        "extruder_worms",
        "engraved_or_faceted_jewellery_parts",
        "dental_prostheses",
    ],
)
def test_special_purpose_machines_are_excluded_from_2b001(
    controls: ControlList, purpose: str
) -> None:
    axes = [{"name": "X", "travel": "0.5 m", "unidirectional_positioning_repeatability": "0.5 µm"}]
    result = run(controls, item_with(special_purpose_limited_to=purpose, linear_axes=axes))
    excluded = {d.entry.id: d for d in result.excluded}
    assert "2B001.b.2" in excluded
    assert excluded["2B001.b.2"].excluded_by is not None
    assert excluded["2B001.b.2"].excluded_by.owner == "2B001"
    assert "2B001.b.2" not in matched(result)
    # 2B201 excludes only four purposes (EU Note 1, US Note): not jewellery or dental machines.
    kept = purpose in ("engraved_or_faceted_jewellery_parts", "dental_prostheses")
    assert ("2B201" in matched(result)) is kept
    us = run(controls, item_with(special_purpose_limited_to=purpose, linear_axes=axes), "US")
    assert ("2B201" in matched(us)) is kept
    if not kept:
        assert "2B201" in {d.entry.id for d in us.excluded}


def test_an_undecided_exclusion_leaves_the_entry_undetermined(controls: ControlList) -> None:
    axes = [{"name": "X", "travel": "0.5 m", "unidirectional_positioning_repeatability": "0.5 µm"}]
    result = run(controls, item_with(special_purpose_limited_to=None, linear_axes=axes))
    assert "2B001.b.2" in {d.entry.id for d in result.undetermined}


@pytest.mark.parametrize(("usable", "listed"), [(True, True), (False, False), (None, False)])
def test_7a117_is_for_guidance_sets_usable_in_missiles(
    controls: ControlList, usable: bool | None, listed: bool
) -> None:
    """The current 7A117 has no exclusion note; usable in "missiles" (500 kg, 300 km) decides."""
    params: dict[str, Any] = {"guidance_accuracy": "1 percent"}
    if usable is not None:
        params["usable_in_missiles"] = usable
    result = run(controls, part("guidance_set", **params))
    assert ("7A117" in matched(result)) is listed
    assert result.excluded == ()
    if usable is None:
        assert "7A117" in {d.entry.id for d in result.undetermined}


def test_2b109_is_for_machines_usable_for_missile_propulsion_parts(controls: ControlList) -> None:
    raw = item_with(
        machining_functions=["flow_forming"],
        simultaneous_contouring_axes=3,
        usable_in_propulsion_component_production=False,
    )
    result = run(controls, raw)
    assert "2B109.a" not in matched(result)
    assert "2B109.a" not in {d.entry.id for d in result.undetermined}
