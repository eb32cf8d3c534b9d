"""The cable's FS-1 case, and the boundaries of every encoded machine-tool threshold."""

from __future__ import annotations

import pytest
from control_items import FS1, axes, item_with, matched, run

from interdict.controls.classify import classify
from interdict.controls.entries import ControlList
from interdict.controls.items import load_item


def test_fs1_is_2b201_of_nsg_origin(controls: ControlList) -> None:
    result = classify(load_item(FS1, controls.vocabulary), controls, "EU")
    assert matched(result) == {"2B201"}
    (decision,) = result.matches
    assert decision.entry.regime == "NSG"
    decisive = {(c.parameter, c.op, c.threshold, c.value) for c in decision.verdict.decisive}
    assert (
        "contouring_rotary_axes",
        ">=",
        "2",
        "2",
    ) in decisive  # 2B201.a.2, as the EU text has it


def test_fs1_nearly_meets_2b001_b2_and_says_which_parameter_kept_it_out(
    controls: ControlList,
) -> None:
    result = classify(load_item(FS1, controls.vocabulary), controls, "EU")
    near = {d.entry.id: d for d in result.near_misses}
    assert "2B001.b.2" in near
    (blocker,) = near["2B001.b.2"].verdict.blockers
    assert blocker.parameter.endswith("unidirectional_positioning_repeatability")
    assert (blocker.threshold, blocker.value) == ("0.9 µm", "3 µm")
    assert result.undetermined == ()


@pytest.mark.parametrize(
    ("travel", "upr", "listed"),
    [
        ("0.8 m", "0.9 µm", True),  # equal to the threshold for travel under 1 m
        ("0.8 m", "0.91 µm", False),  # just above
        ("0.8 m", "0.89 µm", True),  # just below
        ("0.8 m", "0.0009 mm", True),  # same value in another unit
        ("0.8 m", "900 nm", True),
        ("999 mm", "0.9 µm", True),
        ("1 m", "0.9 µm", True),  # 1 m falls in the 1.4 µm band
        ("1 m", "1.4 µm", True),
        ("1000 mm", "1.41 µm", False),
        ("3.99 m", "1.39 µm", True),
        ("4 m", "1.4 µm", True),  # 4 m falls in the 6.0 µm band
        ("4 m", "6.0 µm", True),
        ("4 m", "6.01 µm", False),
        ("4000 mm", "0.006 mm", True),
        ("12 m", "5.99 µm", True),
    ],
)
def test_2b001_b2_repeatability_bands_by_travel(
    controls: ControlList, travel: str, upr: str, listed: bool
) -> None:
    # The X accuracy settles the EU note on long mills (X travel over 2 m, worse than 30 µm).
    result = run(controls, item_with(linear_axes=axes(travel, upr, accuracy_1988="10 µm")))
    assert ("2B001.b.2" in matched(result)) is listed
    if listed:
        (decision,) = [d for d in result.matches if d.entry.id == "2B001.b.2"]
        assert decision.also_meets == ("2B201",)  # 2B201 yields: "other than 2B001"
        assert "2B201" not in matched(result)
    else:
        assert "2B201" in matched(result)


def test_repeatability_under_a_bounded_travel_is_decided_when_the_bound_decides(
    controls: ControlList,
) -> None:
    fine = run(controls, item_with(linear_axes=axes("< 1 m", "0.9 µm")))
    assert "2B001.b.2" in matched(fine)
    unknown = run(controls, item_with(linear_axes=axes("< 2 m", "1.2 µm")))
    assert "2B001.b.2" in {d.entry.id for d in unknown.undetermined}


@pytest.mark.parametrize(
    ("travel", "upr", "entry", "listed"),
    [
        ("0.5 m", "0.9 µm", "2B001.b.1", True),
        ("0.5 m", "0.91 µm", "2B001.b.1", False),
        ("1 m", "1.1 µm", "2B001.b.1", True),
        ("1 m", "1.11 µm", "2B001.b.1", False),
        ("0.5 m", "0.9 µm", "2B001.a.1", True),
        ("0.5 m", "0.91 µm", "2B001.a.1", False),
        ("1 m", "1.1 µm", "2B001.a.2", True),
        ("0.99 m", "1.1 µm", "2B001.a.2", False),
    ],
)
def test_four_axis_milling_and_turning_thresholds(
    controls: ControlList, travel: str, upr: str, entry: str, listed: bool
) -> None:
    function = "turning" if entry.startswith("2B001.a") else "milling"
    raw = item_with(
        machining_functions=[function],
        simultaneous_contouring_axes=4,
        simultaneous_rotary_contouring_axes=1,
        contouring_rotary_axes=1,
        linear_axes=axes(travel, upr),
    )
    assert (entry in matched(run(controls, raw))) is listed


def test_a_mill_turn_machine_is_tested_against_both_functions(controls: ControlList) -> None:
    raw = item_with(machining_functions=["turning", "milling"], linear_axes=axes("0.5 m", "0.8 µm"))
    assert {"2B001.a.1", "2B001.b.1", "2B001.b.2"} <= matched(run(controls, raw))


@pytest.mark.parametrize(
    ("axes_count", "rotary", "eu", "us"),
    [(5, 0, True, True), (4, 2, True, True), (4, 1, False, False), (2, 1, False, False)],
)
def test_2b201_axis_tests(
    controls: ControlList, axes_count: int, rotary: int, eu: bool, us: bool
) -> None:
    """Both lists have the five-axis and the two-rotary-axes milling tests (EU a.2/a.3,
    US b.2/b.3); a mill with neither, and no accuracy figure, is not in 2B201."""
    raw = item_with(simultaneous_contouring_axes=axes_count, contouring_rotary_axes=rotary)
    assert ("2B201" in matched(run(controls, raw))) is eu
    assert ("2B201" in matched(run(controls, raw, "US"))) is us


@pytest.mark.parametrize(
    ("accuracy", "listed"), [("4.5 µm", True), ("4.51 µm", False), ("0.0045 mm", True)]
)
def test_us_2b201_milling_accuracy(controls: ControlList, accuracy: str, listed: bool) -> None:
    raw = item_with(
        simultaneous_contouring_axes=3,
        contouring_rotary_axes=0,
        linear_axes=axes("0.5 m", "3 µm", accuracy),
    )
    assert ("2B201" in matched(run(controls, raw, "US"))) is listed


@pytest.mark.parametrize(
    ("travel", "accuracy", "listed"),
    [("2 m", "22.6 µm", True), ("2.01 m", "22.5 µm", True), ("2.01 m", "22.6 µm", False)],
)
def test_us_2b201_x_travel_exclusion(
    controls: ControlList, travel: str, accuracy: str, listed: bool
) -> None:
    raw = item_with(linear_axes=axes(travel, "3 µm", accuracy))
    assert ("2B201" in matched(run(controls, raw, "US"))) is listed


@pytest.mark.parametrize(
    ("function", "diameter", "accuracy", "listed"),
    [
        ("turning", "36 mm", "4.4 µm", True),
        ("turning", "35 mm", "4.4 µm", False),  # only machines for diameters over 35 mm
        ("turning", "36 mm", "4.5 µm", False),  # "less than" 4.5 µm
        ("grinding", None, "3 µm", True),
        ("grinding", None, "3.01 µm", False),
    ],
)
def test_us_2b201_turning_and_grinding(
    controls: ControlList, function: str, diameter: str | None, accuracy: str, listed: bool
) -> None:
    raw = item_with(
        machining_functions=[function],
        simultaneous_contouring_axes=2,
        contouring_rotary_axes=0,
        maximum_workpiece_diameter=diameter,
        linear_axes=axes("0.5 m", "3 µm", accuracy),
    )
    assert ("2B201" in matched(run(controls, raw, "US"))) is listed


def test_missing_parameters_name_what_would_decide(controls: ControlList) -> None:
    raw = item_with(
        linear_axes=None, contouring_rotary_axes=None, simultaneous_contouring_axes=None
    )
    result = run(controls, raw)
    assert result.matches == ()
    undecided = {d.entry.id for d in result.undetermined}
    assert {"2B001.b.2", "2B201"} <= undecided
    from interdict.controls.classify import missing_parameters

    missing = missing_parameters(result)
    assert "simultaneous_contouring_axes" in missing
    assert "linear_axes" in missing


def test_an_item_matching_nothing_is_not_listed(controls: ControlList) -> None:
    raw = {
        "name": "office chair",
        "parameters": {"item_type": "equipment", "numerical_control": False},
    }
    result = run(controls, raw)
    assert result.matches == ()
