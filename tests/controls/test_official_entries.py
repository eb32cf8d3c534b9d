"""Boundaries of the entries encoded from the current official texts (EU Annex I of 15.11.2025,
eCFR Part 774 of 1.9.2026): the rest of 2B001, 2B008, the EU 2B201, and their notes."""

from __future__ import annotations

from typing import Any

import pytest
from control_items import axes, item_with, matched, part, run

from interdict.controls.classify import Classification
from interdict.controls.criteria import CriteriaError, parse
from interdict.controls.entries import ControlList


def undetermined(result: Classification) -> set[str]:
    return {d.entry.id for d in result.undetermined}


def excluded(result: Classification) -> set[str]:
    return {d.entry.id for d in result.excluded}


def machine(functions: list[str], **changes: Any) -> dict[str, Any]:
    """A numerically controlled metal-cutting machine with only the given functions."""
    base: dict[str, Any] = {
        "machining_functions": functions,
        "simultaneous_contouring_axes": 3,
        "simultaneous_linear_contouring_axes": 3,
        "simultaneous_rotary_contouring_axes": 0,
        "contouring_rotary_axes": 0,
    }
    return item_with(**{**base, **changes})


@pytest.mark.parametrize(("upr", "listed"), [("1.1 µm", True), ("1.11 µm", False)])
def test_2b001_b3_jig_boring(controls: ControlList, upr: str, listed: bool) -> None:
    raw = machine(["jig_boring"], linear_axes=axes("0.5 m", upr))
    assert ("2B001.b.3" in matched(run(controls, raw))) is listed
    assert ("2B001.b.3" in matched(run(controls, raw, "US"))) is listed


@pytest.mark.parametrize(
    ("run_out", "deviation", "listed"),
    [
        ("0.00039 mm", "1.9 arcsec", True),
        ("0.0004 mm", "1.9 arcsec", False),  # "less than" 0.0004 mm
        ("0.39 µm", "0.0005 deg", True),  # 1.8 arc seconds
        ("0.00039 mm", "2 arcsec", False),  # "less than" 2 seconds of arc
    ],
)
def test_2b001_b4_fly_cutting(
    controls: ControlList, run_out: str, deviation: str, listed: bool
) -> None:
    raw = machine(
        ["fly_cutting"],
        spindle_run_out=run_out,
        spindle_camming="0.0001 mm",
        slide_angular_deviation=deviation,
    )
    assert ("2B001.b.4" in matched(run(controls, raw))) is listed


@pytest.mark.parametrize(
    ("axes_count", "upr", "entry", "listed"),
    [
        (3, "1.1 µm", "2B001.c.1", True),
        (4, "1.1 µm", "2B001.c.1", True),
        (4, "1.11 µm", "2B001.c.1", False),
        (2, "0.5 µm", "2B001.c.1", False),
        (5, "0.5 µm", "2B001.c.1", False),  # five axes is c.2, with its travel bands
        (5, "1.1 µm", "2B001.c.2", True),
        (5, "1.11 µm", "2B001.c.2", False),  # travel under 1 m: 1.1 µm
    ],
)
def test_2b001_c_grinding(
    controls: ControlList, axes_count: int, upr: str, entry: str, listed: bool
) -> None:
    raw = machine(
        ["grinding"], simultaneous_contouring_axes=axes_count, linear_axes=axes("0.5 m", upr)
    )
    assert (entry in matched(run(controls, raw))) is listed


@pytest.mark.parametrize(
    ("changes", "is_excluded"),
    [
        (
            {
                "grinder_type": "cylindrical_external",
                "limited_to_cylindrical_grinding": True,
                "maximum_workpiece_capacity": "150 mm",
            },
            True,
        ),
        (
            {
                "grinder_type": "cylindrical_external",
                "limited_to_cylindrical_grinding": True,
                "maximum_workpiece_capacity": "151 mm",
            },
            False,
        ),
        ({"grinder_type": "surface"}, True),
        ({"grinder_type": "jig", "has_z_or_w_axis": False}, True),  # UPR 1.0 µm, under 1.1
        ({"grinder_type": "jig", "has_z_or_w_axis": True}, False),
    ],
)
def test_2b001_c_grinding_notes(
    controls: ControlList, changes: dict[str, Any], is_excluded: bool
) -> None:
    raw = machine(["grinding"], linear_axes=axes("0.5 m", "1.0 µm"), **changes)
    result = run(controls, raw)
    assert ("2B001.c.1" in excluded(result)) is is_excluded
    assert ("2B001.c.1" in matched(result)) is (not is_excluded)


@pytest.mark.parametrize(
    ("edm_type", "rotary", "listed"),
    [("non_wire", 2, True), ("wire", 2, False), ("non_wire", 1, False)],
)
def test_2b001_d_sinker_edm(
    controls: ControlList, edm_type: str, rotary: int, listed: bool
) -> None:
    raw = machine(
        ["electrical_discharge"], edm_type=edm_type, simultaneous_rotary_contouring_axes=rotary
    )
    assert ("2B001.d" in matched(run(controls, raw))) is listed


def rotary(name: str, accuracy: str | None, contouring: bool = True) -> dict[str, Any]:
    axis: dict[str, Any] = {"name": name, "simultaneous_contouring": contouring}
    if accuracy is not None:
        axis["positioning_accuracy"] = accuracy
    return axis


@pytest.mark.parametrize(
    ("rotary_axes", "verdict"),
    [
        ([rotary("A", "0.002 deg"), rotary("C", "0.0029 deg")], "listed"),
        ([rotary("A", "0.002 deg"), rotary("C", "0.003 deg")], "not"),  # "less than" 0.003°
        ([rotary("A", "0.002 deg"), rotary("C", "0.002 deg", contouring=False)], "not"),
        ([rotary("A", "0.002 deg")], "not"),  # at least two axes
        ([rotary("A", "0.002 deg"), rotary("C", None)], "undecided"),
        ([rotary("A", "7 arcsec"), rotary("B", "0.002 deg"), rotary("C", "0.01 deg")], "listed"),
    ],
)
def test_2b001_e_counts_two_qualifying_rotary_axes(
    controls: ControlList, rotary_axes: list[dict[str, Any]], verdict: str
) -> None:
    raw = machine(["laser_beam"], rotary_axes=rotary_axes)
    result = run(controls, raw)
    assert ("2B001.e" in matched(result)) is (verdict == "listed")
    assert ("2B001.e" in undetermined(result)) is (verdict == "undecided")


@pytest.mark.parametrize(("depth", "listed"), [("5 m", False), ("5.01 m", True), ("5001 mm", True)])
def test_2b001_f_deep_hole_drilling(controls: ControlList, depth: str, listed: bool) -> None:
    raw = machine(["deep_hole_drilling"], maximum_depth_of_bore=depth)
    assert ("2B001.f" in matched(run(controls, raw))) is listed


@pytest.mark.parametrize(
    ("changes", "is_excluded"),
    [
        (
            {
                "designed_for_contact_lenses": True,
                "controller_limited_to_ophthalmic_software": True,
                "vacuum_chucking": False,
            },
            True,
        ),
        (
            {
                "designed_for_contact_lenses": True,
                "controller_limited_to_ophthalmic_software": True,
                "vacuum_chucking": True,
            },
            False,
        ),
        ({"bar_feed_through_only": True, "maximum_bar_diameter": "42 mm"}, True),
        ({"bar_feed_through_only": True, "maximum_bar_diameter": "42.01 mm"}, False),
    ],
)
def test_2b001_a_turning_notes(
    controls: ControlList, changes: dict[str, Any], is_excluded: bool
) -> None:
    raw = machine(
        ["turning"], simultaneous_contouring_axes=2, linear_axes=axes("0.5 m", "0.5 µm"), **changes
    )
    for jurisdiction in ("EU", "US"):
        result = run(controls, raw, jurisdiction)
        assert ("2B001.a.1" in excluded(result)) is is_excluded
        assert ("2B001.a.1" in matched(result)) is (not is_excluded)


@pytest.mark.parametrize(
    ("raw", "entry", "listed"),
    [
        (
            part(
                "compound_rotary_table",
                machining_functions=["milling"],
                simultaneous_rotary_contouring_axes=2,
            ),
            "2B008.c",
            True,
        ),
        (
            part(
                "compound_rotary_table",
                machining_functions=["milling"],
                simultaneous_rotary_contouring_axes=1,
            ),
            "2B008.c",
            False,
        ),
        (
            part(
                "tilting_spindle",
                machining_functions=["turning"],
                simultaneous_rotary_contouring_axes=1,
            ),
            "2B008.d",
            True,
        ),
        (
            part(
                "tilting_spindle",
                machining_functions=["electrical_discharge"],
                simultaneous_rotary_contouring_axes=1,
            ),
            "2B008.d",
            False,
        ),
    ],
)
def test_2b008_rotary_tables_and_tilting_spindles(
    controls: ControlList, raw: dict[str, Any], entry: str, listed: bool
) -> None:
    assert (entry in matched(run(controls, raw))) is listed
    assert (entry in matched(run(controls, raw, "US"))) is listed


@pytest.mark.parametrize(
    ("function", "figure", "diameter", "listed"),
    [
        ("milling", "6 µm", None, True),  # 2B201.a.1: 6 µm or better
        ("milling", "6.01 µm", None, False),
        ("grinding", "4 µm", None, True),  # 2B201.b.1
        ("grinding", "4.01 µm", None, False),
        ("turning", "5.99 µm", "36 mm", True),  # 2B201.c: better than 6 µm
        ("turning", "6 µm", "36 mm", False),
        ("turning", "5 µm", "35 mm", False),  # diameters over 35 mm only
    ],
)
def test_eu_2b201_accuracy_figures(
    controls: ControlList, function: str, figure: str, diameter: str | None, listed: bool
) -> None:
    raw = machine(
        [function],
        maximum_workpiece_diameter=diameter,
        linear_axes=axes("0.5 m", "3 µm", accuracy_1988=figure),
    )
    assert ("2B201" in matched(run(controls, raw))) is listed


def test_an_accuracy_to_another_iso_edition_is_not_converted(controls: ControlList) -> None:
    """The EU tests ISO 230-2:1988 figures, the US 2006 ones: neither stands for the other."""
    only_2006 = machine(["milling"], linear_axes=axes("0.5 m", "3 µm", accuracy="4 µm"))
    assert "2B201" in undetermined(run(controls, only_2006))
    assert "2B201" in matched(run(controls, only_2006, "US"))
    only_1988 = machine(["milling"], linear_axes=axes("0.5 m", "3 µm", accuracy_1988="5 µm"))
    assert "2B201" in matched(run(controls, only_1988))
    assert "2B201" in undetermined(run(controls, only_1988, "US"))


@pytest.mark.parametrize(
    ("travel", "accuracy", "listed"),
    [("2.01 m", "30.1 µm", False), ("2.01 m", "30 µm", True), ("2 m", "40 µm", True)],
)
def test_eu_2b201_long_mill_note(
    controls: ControlList, travel: str, accuracy: str, listed: bool
) -> None:
    raw = item_with(linear_axes=axes(travel, "3 µm", accuracy_1988=accuracy))  # five axes
    assert ("2B201" in matched(run(controls, raw))) is listed


def test_eu_2b201_grinding_note(controls: ControlList) -> None:
    cylindrical = machine(
        ["grinding"],
        simultaneous_contouring_axes=5,
        grinder_type="cylindrical_external",
        maximum_workpiece_capacity="150 mm",
        axes_limited_to_x_z_c=True,
        linear_axes=axes("0.5 m", "3 µm"),
    )
    assert "2B201" not in matched(run(controls, cylindrical))
    wider = dict(
        cylindrical, parameters=dict(cylindrical["parameters"], axes_limited_to_x_z_c=False)
    )
    assert "2B201" in matched(run(controls, wider))


def test_at_least_is_checked_when_read(controls: ControlList) -> None:
    where = {"param": "simultaneous_contouring", "op": "is", "value": True}
    for bad in (0, True, "2"):
        with pytest.raises(CriteriaError, match="at_least"):
            parse(
                {"each": "rotary_axes", "at_least": bad, "where": where}, controls.vocabulary, "c"
            )
    with pytest.raises(CriteriaError, match="replaces quantifier"):
        parse(
            {"each": "rotary_axes", "at_least": 2, "quantifier": "all", "where": where},
            controls.vocabulary,
            "c",
        )
    node = parse({"each": "rotary_axes", "at_least": 2, "where": where}, controls.vocabulary, "c")
    assert node.describe()[0] == "for at least 2 of the rotary_axes:"
