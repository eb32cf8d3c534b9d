"""Properties of classification that must hold for any figures, not just the boundary ones."""

from __future__ import annotations

from decimal import Decimal

from control_items import item_with, matched, run
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.controls.catalogue import bundled

microns = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("20"), places=2)
metres = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("12"), places=2)


def _classify(upr: str, travel: str) -> set[str]:
    axes = [{"name": "X", "travel": travel, "unidirectional_positioning_repeatability": upr}]
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
