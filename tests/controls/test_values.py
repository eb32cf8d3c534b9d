"""Intervals, three-valued comparisons and exact unit conversion."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.controls.units import UnitError, parse_magnitude, to_unit
from interdict.controls.values import Interval, bounded, compare, split_bound

D = Decimal
decimals = st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=3)


@pytest.mark.parametrize(
    ("op", "expected"),
    [("<", False), ("<=", True), (">", False), (">=", True), ("==", True), ("!=", False)],
)
def test_exact_value_at_the_threshold(op: str, expected: bool) -> None:
    assert compare(Interval.exact(D("0.9")), op, D("0.9")) is expected


@given(decimals, decimals, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
def test_exact_values_compare_like_numbers(value: Decimal, threshold: Decimal, op: str) -> None:
    expected = {
        "<": value < threshold,
        "<=": value <= threshold,
        ">": value > threshold,
        ">=": value >= threshold,
        "==": value == threshold,
        "!=": value != threshold,
    }[op]
    assert compare(Interval.exact(value), op, threshold) is expected


def _inside(interval: Interval, point: Decimal) -> bool:
    low_ok = (
        interval.low is None
        or point > interval.low
        or (point == interval.low and interval.low_closed)
    )
    high_ok = (
        interval.high is None
        or point < interval.high
        or (point == interval.high and interval.high_closed)
    )
    return low_ok and high_ok


intervals = st.one_of(
    st.builds(bounded, st.sampled_from(["<", "<=", ">", ">="]), decimals),
    st.builds(lambda a, b: Interval(min(a, b), max(a, b)), decimals, decimals),
)


@given(intervals, decimals, decimals, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]))
def test_an_interval_decides_only_what_every_point_agrees_on(
    interval: Interval, threshold: Decimal, point: Decimal, op: str
) -> None:
    """If the interval decides, every value inside it must agree with the decision."""
    truth = compare(interval, op, threshold)
    if _inside(interval, point) and truth is not None:
        assert compare(Interval.exact(point), op, threshold) is truth


@given(intervals, decimals, st.sampled_from(["<", "<=", ">", ">="]))
def test_an_undecided_comparison_has_points_on_both_sides(
    interval: Interval, threshold: Decimal, op: str
) -> None:
    """Undecided means some value in the interval passes and some fails."""
    if compare(interval, op, threshold) is None:
        probes = [threshold + d for d in (Decimal("-0.0001"), Decimal(0), Decimal("0.0001"))]
        probes += [p for p in (interval.low, interval.high) if p is not None]
        probes += [threshold - 10_000, threshold + 10_000]
        outcomes = {
            compare(Interval.exact(p), op, threshold) for p in probes if _inside(interval, p)
        }
        assert outcomes == {True, False}


def test_bounds_straddling_the_threshold_are_undecided() -> None:
    under_one_metre = bounded("<", D(1))
    assert compare(under_one_metre, "<", D(1)) is True
    assert compare(under_one_metre, ">=", D(1)) is False
    assert compare(under_one_metre, "<", D("0.5")) is None
    assert compare(bounded(">=", D(4)), ">=", D(4)) is True
    assert compare(bounded(">", D(4)), "<=", D(4)) is False
    assert compare(Interval(D("0.5"), D("0.9")), "<=", D("0.9")) is True
    assert compare(Interval(D("0.5"), D("0.9")), "<", D("0.9")) is None


def test_split_bound_reads_operators_and_ranges() -> None:
    assert split_bound("< 1 m") == ("<", "1 m", None)
    assert split_bound("≤ 3 µm") == ("<=", "3 µm", None)
    assert split_bound("0.5 .. 0.9 m") == (None, "0.5", "0.9 m")
    assert split_bound("3 µm") == (None, "3 µm", None)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("0.0009 mm", "µm", "0.9"),
        ("900 nm", "µm", "0.9"),
        ("0,9 µm", "µm", "0.9"),
        ("1000 mm", "m", "1"),
        ("24 L/min", "m**3/s", "0.0004"),
        ("17500 kPa", "MPa", "17.5"),
        ("1100 kN*s", "MN*s", "1.1"),
        ("-173.15 degC", "K", "100"),
    ],
)
def test_conversions_land_exactly_on_round_thresholds(text: str, unit: str, expected: str) -> None:
    magnitude, given_unit = parse_magnitude(text)
    assert to_unit(magnitude, given_unit, unit) == D(expected)


def test_units_of_the_wrong_kind_are_refused() -> None:
    with pytest.raises(UnitError, match="cannot be converted"):
        to_unit(D(1), "kg", "m")
    with pytest.raises(UnitError, match="unknown unit"):
        to_unit(D(1), "furlongz", "m")
