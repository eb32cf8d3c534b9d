"""Properties of classification that must hold for any figures, not just the boundary ones."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from control_items import item_with, matched, run
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.items import ItemError, read_item

microns = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("20"), places=2)
metres = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("12"), places=2)


def _classify(upr: str, travel: str) -> set[str]:
    # An X accuracy of 10 µm (ISO 230-2:1988) settles the EU note on mills longer than 2 m.
    axes = [
        {
            "name": "X",
            "travel": travel,
            "unidirectional_positioning_repeatability": upr,
            "positioning_accuracy_1988": "10 µm",
        }
    ]
    return matched(run(bundled()[0], item_with(linear_axes=axes)))


@settings(max_examples=60, deadline=None)
@given(microns, microns, metres)
def test_better_repeatability_never_leaves_2b001(a: Decimal, b: Decimal, travel: Decimal) -> None:
    """A machine more precise than a listed one is listed too (thresholds are 'or better')."""
    worse, better = max(a, b), min(a, b)
    if "2B001.b.2" in _classify(f"{worse} µm", f"{travel} m"):
        assert "2B001.b.2" in _classify(f"{better} µm", f"{travel} m")


@settings(max_examples=60, deadline=None)
@given(microns, metres)
def test_the_unit_a_figure_is_written_in_does_not_matter(upr: Decimal, travel: Decimal) -> None:
    in_microns = _classify(f"{upr} µm", f"{travel} m")
    assert _classify(f"{upr * 1000} nm", f"{travel * 1000} mm") == in_microns
    assert _classify(f"{upr / 1000} mm", f"{travel * 100} cm") == in_microns


@settings(max_examples=60, deadline=None)
@given(microns, metres)
def test_an_fs1_like_mill_is_always_controlled_once(upr: Decimal, travel: Decimal) -> None:
    """Five contouring axes: 2B001.b.2 when precise enough, otherwise 2B201, never both."""
    result = _classify(f"{upr} µm", f"{travel} m")
    assert ("2B001.b.2" in result) != ("2B201" in result)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-10, 10)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["3 µm", "< 1 m", "0.5 .. 0.9 m", "1,500 mm", "5", ">= 5", "milling"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["name", "travel"]), children, max_size=3
        )
    ),
    max_leaves=8,
)
parameter_names = st.sampled_from(
    [
        "linear_axes",
        "simultaneous_contouring_axes",
        "machining_functions",
        "numerical_control",
        "component_kind",
        "total_impulse_capacity",
        "unknown_thing",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(parameter_names, json_values, max_size=4), json_values)
def test_any_item_either_reads_or_is_refused_with_a_field(
    params: dict[str, Any], name: Any
) -> None:
    """Whatever an exporter sends, reading it raises nothing but an ItemError naming a field."""
    controls = bundled()[0]
    try:
        item = read_item({"name": name, "parameters": params}, controls.vocabulary, "item")
    except ItemError as error:
        assert error.field and error.reason
        return
    classify(item, controls, "EU")  # and a readable item always classifies
