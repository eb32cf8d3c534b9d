"""Destination rules: the FS-1 to Iran, and a destination x entry matrix."""

from __future__ import annotations

from typing import Any

import pytest
from control_items import FS1, decide, item_with

from interdict.controls.catalogue import bundled
from interdict.controls.determine import DeterminationError


@pytest.mark.parametrize("jurisdiction", ["EU", "US"])
def test_fs1_to_iran_is_prohibited_citing_the_un_resolutions(jurisdiction: str) -> None:
    det = decide(FS1, "IR", jurisdiction)
    assert det.outcome == "prohibited"
    provisions = [b.provision for f in det.decisive for b in f.rule.legal_basis]
    assert any("1737" in p for p in provisions)
    books = bundled()[1]
    titles = [
        books[jurisdiction].book.instruments[b.instrument].title  # type: ignore[index]
        for f in det.decisive
        for b in f.rule.legal_basis
    ]
    assert any("1803" in t and "re-applied" in t for t in titles)
    if jurisdiction == "EU":
        instruments = {b.instrument for f in det.decisive for b in f.rule.legal_basis}
        assert "reg-267-2012" in instruments
    reasons = " ".join(r for f in det.decisive for r in f.because)
    assert "NSG" in reasons and "2B201" in reasons


PRECISE = item_with(
    linear_axes=[
        {"name": "X", "travel": "0.8 m", "unidirectional_positioning_repeatability": "0.5 µm"}
    ]
)
UNLISTED = {
    "name": "lathe for wood",
    "parameters": {
        "item_type": "equipment",
        "component_kind": "machine_tool",
        "machining_functions": ["turning"],
        "numerical_control": False,
        "workpiece_materials": ["other"],
    },
}
GUIDANCE = {
    "name": "guidance set",
    "parameters": {
        "item_type": "equipment",
        "component_kind": "guidance_set",
        "guidance_accuracy": "2 percent",
        "system_range": "1000 km",
        "usable_in_missiles": True,
    },
}
THRUST_VECTORING = {
    "name": "thrust vector control sub-system",
    "parameters": {
        "item_type": "component",
        "component_kind": "thrust_vector_control_subsystem",
        "usable_in_missiles": True,
    },
}
SERVO_VALVE = {
    "name": "propellant servo valve",
    "parameters": {
        "item_type": "component",
        "component_kind": "servo_valve",
        "usable_in_missiles": True,
        "vibration_environment": "12 g_rms",
        "servo_valve_flow_rate": "30 L/min",
        "operating_pressure": "8 MPa",
        "actuator_response_time": "50 ms",
    },
}

# (item, destination, EU outcome, US outcome); None: the bundled chart has no row.
MATRIX = [
    (FS1, "IR", "prohibited", "prohibited"),
    (FS1, "KP", "prohibited", "prohibited"),
    (FS1, "RU", "prohibited", "licence_required"),
    (FS1, "BY", "prohibited", "licence_required"),
    (FS1, "TR", "licence_required", "no_licence_required"),
    (FS1, "CN", "licence_required", "licence_required"),
    (FS1, "IN", "licence_required", "licence_required"),
    (FS1, "JP", "general_authorisation", "no_licence_required"),  # EU001: 2B201 not in Annex IV
    (FS1, "DE", "no_licence_required", "no_licence_required"),
    (FS1, "SY", "prohibited", "licence_required"),  # EU: unless shown outside Annex IA
    (PRECISE, "TR", "licence_required", "no_licence_required"),  # Turkey: NS1 only, 2B001 is NS2
    (PRECISE, "CA", "general_authorisation", "no_licence_required"),
    (PRECISE, "IR", "prohibited", "prohibited"),  # also meets 2B201, so NSG
    (UNLISTED, "TR", "no_licence_required", "no_licence_required"),
    (UNLISTED, "IR", "prohibited", "licence_required"),  # EU: unless outside Annex II of 267/2012
    (GUIDANCE, "IR", "prohibited", "prohibited"),  # MTCR origin
    (GUIDANCE, "NO", "licence_required", "licence_required"),  # EU: 7A117 range?; US: ITAR
    (FS1, "HK", "licence_required", None),  # the chart has no Hong Kong row
    (THRUST_VECTORING, "TR", "licence_required", "licence_required"),  # US: under the ITAR
    (THRUST_VECTORING, "IR", "prohibited", "prohibited"),
    (THRUST_VECTORING, "GB", "licence_required", "licence_required"),  # EU: payload, range?
    (SERVO_VALVE, "JP", "general_authorisation", "licence_required"),  # US: MT1 marked for JP
    (SERVO_VALVE, "CA", "general_authorisation", "no_licence_required"),  # but not for Canada
]


@pytest.mark.parametrize(("raw", "destination", "eu", "us"), MATRIX)
def test_destination_by_entry_matrix(raw: Any, destination: str, eu: str, us: str | None) -> None:
    assert decide(raw, destination, "EU").outcome == eu
    if us is None:
        with pytest.raises(DeterminationError, match="no row for"):
            decide(raw, destination, "US")
    else:
        assert decide(raw, destination, "US").outcome == us


def test_a_general_authorisation_is_named_and_yields_to_a_catch_all() -> None:
    det = decide(PRECISE, "GB", "EU")
    assert det.authorisation == "EU001"
    flagged = decide(PRECISE, "GB", "EU", end_use=["missile"])
    assert flagged.outcome == "licence_required"
    assert {f.rule.id for f in flagged.decisive} >= {"eu-catch-all-wmd", "eu-listed-export"}


def test_syria_asks_for_the_annexes_of_its_regulation() -> None:
    det = decide(FS1, "SY", "EU")
    assert (det.outcome, det.decided, det.otherwise) == ("prohibited", False, "licence_required")
    assert {"listed_in_syria_annex_ia", "listed_in_syria_annex_v_or_ix"} <= set(det.depends_on)
    outside = dict(
        UNLISTED, parameters=dict(UNLISTED["parameters"], listed_in_syria_annex_ia=False)
    )
    outside["parameters"]["listed_in_syria_annex_v_or_ix"] = False
    assert decide(outside, "SY", "EU").outcome == "no_licence_required"
    banned = dict(UNLISTED, parameters=dict(UNLISTED["parameters"], listed_in_syria_annex_ia=True))
    det = decide(banned, "SY", "EU")
    assert det.outcome == "prohibited"
    assert det.decisive[0].rule.legal_basis[0].provision.startswith("Art. 2a(1)(a)")


def test_catch_alls_reach_unlisted_items() -> None:
    assert decide(UNLISTED, "TR", "EU", end_use=["nuclear"]).outcome == "licence_required"
    assert decide(UNLISTED, "TR", "EU", end_use=["military"]).outcome == "no_licence_required"
    itar = decide(GUIDANCE, "TR", "US")
    assert (itar.outcome, itar.decisive[0].rule.id, itar.decided) == (
        "licence_required",
        "us-itar",
        True,
    )
    embargoed = decide(UNLISTED, "VE", "EU", end_use=["military"])
    assert embargoed.outcome == "licence_required"
    assert [b.provision for b in embargoed.decisive[0].rule.legal_basis] == ["Art. 4(1)(b)"]
    assert decide(UNLISTED, "CN", "US", end_use=["missile"]).outcome == "licence_required"
    assert decide(UNLISTED, "RU", "US", end_user=["military"]).outcome == "licence_required"
    assert decide(UNLISTED, "TR", "US", end_user=["entity_list"]).outcome == "licence_required"


def test_industrial_machinery_to_the_dprk_is_banned_even_unlisted() -> None:
    raw = dict(UNLISTED, parameters=dict(UNLISTED["parameters"], industrial_machinery=True))
    det = decide(raw, "KP", "EU")
    assert det.outcome == "prohibited"
    assert any("2397" in b.provision for f in det.decisive for b in f.rule.legal_basis)


def test_a_sanctioned_end_user_in_iran_is_prohibited_even_for_unlisted_goods() -> None:
    outside = {
        **UNLISTED,
        "parameters": {**UNLISTED["parameters"], "listed_in_iran_annex_ii": False},
    }
    det = decide(outside, "IR", "EU", end_user=["sanctioned"])
    assert det.outcome == "prohibited"
    assert det.decisive[0].rule.legal_basis[0].provision == "Art. 23"


def test_chart_footnotes_on_the_destination_row_become_caveats() -> None:
    det = decide(FS1, "RU", "US")
    assert any(c.startswith("Country Chart footnote 6 (RU)") for c in det.caveats)
    assert not any("footnote" in c for c in decide(FS1, "TR", "US").caveats)


def test_the_destination_s_country_groups_are_reported() -> None:
    iran = decide(FS1, "IR", "US").memberships
    assert any(m.startswith("Country Group E:1") for m in iran)
    assert any(m.startswith("Country Group D:2") for m in iran)
    assert not any(m.startswith("Country Group A:") for m in iran)
    assert any(m.startswith("the EU001") for m in decide(FS1, "JP", "EU").memberships)


def test_country_groups_agree_with_the_chart() -> None:
    """E:1 and E:2 destinations are the chart's referral rows; A:4 members have no NP1 mark."""
    book = bundled()[1]["US"].book
    assert book.chart is not None
    sets = book.country_sets
    embargoed = set(sets["group-e1"].countries) | set(sets["group-e2"].countries)
    assert embargoed == {c for c, row in book.chart.rows.items() if row.referral}
    for code in sets["group-a4"].countries:
        row = book.chart.rows.get(code)
        assert row is None or "NP1" not in row.columns, code
