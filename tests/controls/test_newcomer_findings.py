"""What a newcomer following docs/controls.md found: each case as it behaves now."""

from __future__ import annotations

from pathlib import Path

import pytest
from control_items import FS1, decide, item_with, part, run
from typer.testing import CliRunner

from interdict.cli import app
from interdict.controls.catalogue import bundled
from interdict.controls.entries import ControlList
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import classify_output

runner = CliRunner()

UNLISTED = {
    "name": "manual knee mill",
    "parameters": {
        "item_type": "equipment",
        "component_kind": "machine_tool",
        "numerical_control": False,
        "machining_functions": ["milling"],
        "workpiece_materials": ["metals"],
    },
}


@pytest.mark.parametrize(
    ("destination", "outcome"), [("LY", "licence_required"), ("AM", "no_licence_required")]
)
def test_the_military_catch_all_reaches_un_embargoes_and_says_what_it_does_not_know(
    destination: str, outcome: str
) -> None:
    det = decide(UNLISTED, destination, "EU", end_use=["military"])
    assert det.outcome == outcome
    if outcome == "no_licence_required":
        assert any("were not confirmed" in c for c in det.caveats)
        assert not any("no encoded EU rule applies it" in c for c in det.caveats)


def test_a_listed_item_for_the_dprk_carries_the_2017_1509_caveat() -> None:
    table = part(
        "compound_rotary_table",
        machining_functions=["milling"],
        simultaneous_rotary_contouring_axes=2,
        industrial_machinery=False,
    )
    det = decide(table, "KP", "EU")
    assert det.outcome == "licence_required"
    assert any("2017/1509 may prohibit every Annex I item" in c for c in det.caveats)


def test_an_assumed_fact_is_not_shown_as_stated() -> None:
    det = decide(FS1, "SY", "EU")
    reasons = [r for f in det.decisive for r in f.because]
    assert "if listed_in_syria_annex_ia is true (not stated)" in reasons
    assert "listed_in_syria_annex_ia is true" not in reasons


def test_a_withheld_authorisation_is_explained() -> None:
    det = decide(item_with(), "JP", "EU", end_user=["entity_list"])
    assert det.outcome == "licence_required"
    assert any(
        c.startswith("EU001 would apply but for the flags (entity_list)") for c in det.caveats
    )
    assert not any("entity_list was flagged, but" in c for c in det.caveats)


def test_conditional_reasons_are_shown_with_the_entry() -> None:
    grinder = item_with(
        machining_functions=["grinding"],
        linear_axes=[
            {"name": "X", "travel": "0.5 m", "unidirectional_positioning_repeatability": "1 µm"}
        ],
    )
    controls = bundled()[0]
    result = classify_output(run(controls, grinder, "US"), controls)
    (entry,) = [e for e in result.entries if e.id == "2B001.c.2"]
    assert entry.jurisdictions["US"].reasons == ["NS2", "AT1"]
    assert (
        entry.jurisdictions["US"].conditional_reasons[0].startswith("NP1: NP applies to 2B001.a-.d")
    )


def test_bad_quantities_and_codes_are_refused(controls: ControlList, tmp_path: Path) -> None:
    raw = {"name": "x", "parameters": {"linear_axes": [{"name": "X", "travel": "-0.5 m"}]}}
    with pytest.raises(ItemError, match="cannot be negative"):
        read_item(raw, controls.vocabulary)
    with pytest.raises(ItemError, match="did you mean 'positioning_accuracy_1988' or"):
        read_item(
            {
                "name": "x",
                "parameters": {"linear_axes": [{"name": "X", "positioning_accuracy": "3 µm"}]},
            },
            controls.vocabulary,
        )
    greece = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "EL"])
    assert greece.exit_code == 2 and "ISO 3166-1 is GR" in greece.output
    orders = tmp_path / "orders.jsonl"
    orders.write_text("{}\n")
    same = runner.invoke(app, ["determine", "--batch", str(orders), "--out", str(orders)])
    assert same.exit_code == 2 and "would overwrite" in same.output
    assert orders.read_text() == "{}\n"
    nowhere = runner.invoke(
        app, ["determine", "--batch", str(orders), "--out", str(tmp_path / "no" / "out.jsonl")]
    )
    assert nowhere.exit_code == 2 and "no such folder" in nowhere.output


def test_an_unlisted_item_for_iran_asks_for_annex_ii_of_the_iran_regulation() -> None:
    det = decide(UNLISTED, "IR", "EU")
    assert (det.outcome, det.decided, det.otherwise) == ("prohibited", False, "no_licence_required")
    assert "listed_in_iran_annex_ii" in det.depends_on
    outside = {
        **UNLISTED,
        "parameters": {**UNLISTED["parameters"], "listed_in_iran_annex_ii": False},
    }
    assert decide(outside, "IR", "EU").outcome == "no_licence_required"


def test_undecided_entries_outside_annex_iv_leave_eu001_decided() -> None:
    """An INS listed under 7A003.a leaves 7A003.b-.d undecided; none is in Annex IV, so none
    can keep EU001 from applying, and nothing is asked."""
    ins = part(
        "inertial_measurement_equipment",
        platforms=["aircraft"],
        civil_aircraft_certification="none",
        unaided_position_cep_rate="0.5 nmi/hour",
    )
    det = decide(ins, "JP", "EU")
    assert (det.outcome, det.authorisation, det.decided) == ("general_authorisation", "EU001", True)
    assert det.depends_on == ()
