"""Cases a review found: undecided inputs, referral rows, ambiguous numbers, flags, exceptions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from control_items import FS1, axes, decide, item_with, matched, run
from typer.testing import CliRunner

from interdict.cli import app
from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify, missing_parameters
from interdict.controls.determine import Request, determine
from interdict.controls.entries import ControlList
from interdict.controls.items import ItemError, load_item, read_item

runner = CliRunner()


def test_missing_facts_never_make_an_export_look_free() -> None:
    raw = item_with(
        special_purpose_limited_to=None,
        contouring_rotary_axes=1,  # not 2B201 in the EU: only 2B001.b.2 is in question
        linear_axes=axes("0.5 m", "0.5 µm", "3 µm"),
    )
    for jurisdiction in ("EU", "US"):
        det = decide(raw, "CN", jurisdiction)
        assert det.outcome == "licence_required"
        assert not det.decided
        assert det.otherwise == "no_licence_required"
        assert "special_purpose_limited_to" in det.depends_on
        assert det.caveats[0].startswith("Undecided:")
    stated = decide(item_with(linear_axes=axes("0.5 m", "0.5 µm", "3 µm")), "CN", "EU")
    assert stated.decided and stated.outcome == "licence_required"


def test_an_undecided_rule_test_is_decided_pessimistically() -> None:
    raw = {
        "name": "lathe",
        "parameters": {"component_kind": "machine_tool", "numerical_control": False},
    }
    det = decide(raw, "KP", "EU")
    assert (det.outcome, det.decided) == ("prohibited", False)
    assert "industrial_machinery" in det.depends_on


def test_cuba_needs_a_licence_for_listed_items() -> None:
    det = decide(FS1, "CU", "US")
    assert det.outcome == "licence_required"
    assert {f.rule.id for f in det.decisive} == {"us-cuba", "us-country-chart"}
    assert any("refers to see part 746" in b for f in det.decisive for b in f.because)


@pytest.mark.parametrize("text", ["1,500 kN*s", "1,000.5 kN*s", "12,345 kN*s"])
def test_thousands_separators_are_refused(controls: ControlList, text: str) -> None:
    raw = {"name": "engine", "parameters": {"total_impulse_capacity": text}}
    with pytest.raises(ItemError, match="ambiguous"):
        read_item(raw, controls.vocabulary)


def test_a_decimal_comma_is_still_read(controls: ControlList) -> None:
    raw = {
        "name": "injector",
        "parameters": {
            "item_type": "component",
            "component_kind": "liquid_propellant_injector",
            "injector_orifice_diameter": "0,381 mm",
        },
    }
    assert "9A006.g" in matched(run(controls, raw))


def test_a_missile_class_engine_keeps_its_mtcr_origin(controls: ControlList) -> None:
    raw = {
        "name": "engine",
        "parameters": {
            "item_type": "component",
            "component_kind": "liquid_rocket_engine",
            "usable_in_missiles": True,
            "total_impulse_capacity": "2 MN*s",
            "system_range": "1000 km",
        },
    }
    result = run(controls, raw)
    (decision,) = result.matches
    assert (decision.entry.id, decision.entry.regime) == ("9A105.a", "MTCR")
    assert decide(raw, "IR", "EU").outcome == "prohibited"
    assert decide(raw, "IR", "US").outcome == "prohibited"


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("3 µm/", "not a unit"),
        ("3 (µm", "not a unit"),
        ("3 .. 4", "give the range a unit"),
        ("< 1 .. 2 m", "either a bound"),
    ],
)
def test_malformed_quantities_are_item_errors(
    controls: ControlList, value: str, reason: str
) -> None:
    raw = {"name": "x", "parameters": {"linear_axes": [{"name": "X", "travel": value}]}}
    with pytest.raises(ItemError, match=reason):
        read_item(raw, controls.vocabulary)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    item = tmp_path / "latin1.yaml"
    item.write_bytes(
        "name: x\nparameters:\n  linear_axes: [{name: X, travel: 3 \xb5m}]\n".encode("latin-1")
    )
    result = runner.invoke(app, ["classify", str(item)])
    assert result.exit_code == 2 and "not UTF-8" in result.output


def test_count_bounds_are_whole_numbers(controls: ControlList) -> None:
    assert "2B201" in matched(
        run(controls, item_with(simultaneous_contouring_axes="> 4", contouring_rotary_axes=0), "US")
    )
    undecided = run(
        controls, item_with(simultaneous_contouring_axes="> 3", contouring_rotary_axes=0), "US"
    )
    assert "2B201" in {d.entry.id for d in undecided.undetermined}


def test_end_use_flags_cite_only_the_rules_they_trigger() -> None:
    nuclear = decide(FS1, "FR", "US", end_use=["nuclear"])
    assert {f.rule.id for f in nuclear.decisive} == {"us-nuclear-end-use"}
    delivery = decide(FS1, "FR", "US", end_use=["missile", "nuclear"])
    assert "us-missile-wmd-delivery" in {f.rule.id for f in delivery.decisive}
    chem = decide(FS1, "FR", "US", end_use=["chemical_biological"])
    assert chem.outcome == "no_licence_required"
    assert any(c.startswith("chemical_biological was flagged") for c in chem.caveats)
    sanctioned = decide(FS1, "RU", "US", end_user=["sanctioned"])
    assert any(c.startswith("sanctioned was flagged") for c in sanctioned.caveats)


@pytest.mark.parametrize(
    ("diameter", "outcome", "decided"),
    [
        ("30 mm", "no_licence_required", True),
        ("36 mm", "licence_required", True),
        (None, "licence_required", False),
    ],
)
def test_us_np_control_of_2b001_spares_small_lathes(
    diameter: str | None, outcome: str, decided: bool
) -> None:
    """India is marked for NP1 but not NS2: only NP makes a 2B001 lathe need a licence there."""
    raw = item_with(
        machining_functions=["turning"],
        simultaneous_contouring_axes=2,
        contouring_rotary_axes=0,
        maximum_workpiece_diameter=diameter,
        bar_feed_through_only=False,
        linear_axes=axes("0.5 m", "0.5 µm", "10 µm"),
    )
    det = decide(raw, "IN", "US")
    assert (det.outcome, det.decided) == (outcome, decided)


def test_an_excluded_item_is_no_near_miss(controls: ControlList) -> None:
    gears = run(controls, item_with(special_purpose_limited_to="gears"))
    assert "2B001.b.2" not in {d.entry.id for d in gears.near_misses}


def test_a_far_miss_is_not_near_and_unknowns_block_near(controls: ControlList) -> None:
    far = run(controls, item_with(linear_axes=axes("0.5 m", "300 µm")))
    assert "2B001.b.2" not in {d.entry.id for d in far.near_misses}
    unknown = run(controls, item_with(simultaneous_linear_contouring_axes=None))
    assert "2B001.b.1" not in {d.entry.id for d in unknown.near_misses}


def test_exclusion_questions_come_with_the_entry_questions(controls: ControlList) -> None:
    raw = item_with(
        machining_functions=["turning"],
        special_purpose_limited_to=None,
        linear_axes=[{"name": "X", "travel": "0.5 m"}],
    )
    missing = missing_parameters(run(controls, raw))
    assert "special_purpose_limited_to" in missing
    assert "linear_axes[X].unidirectional_positioning_repeatability" in missing


def test_goods_through_a_transit_country_meet_the_final_destination_s_rules() -> None:
    """The cable's route: Spain to Ak Makina in Turkey, for Ardalan in Iran."""
    controls, books = bundled()
    result = classify(load_item(FS1, controls.vocabulary), controls, "EU")
    via = Request("TR", frozenset({"missile"}), frozenset(), "IR")
    eu = determine(result, controls, books["EU"], via)
    assert eu.outcome == "prohibited"
    fired = {f.rule.id: f for f in (*eu.decisive, *eu.also_fired)}
    assert "final destination IR" in fired["eu-iran-proliferation-embargo"].because
    assert "eu-catch-all-wmd" in fired
    us_result = classify(load_item(FS1, controls.vocabulary), controls, "US")
    us = determine(us_result, controls, books["US"], via)
    assert us.outcome == "prohibited"
    us_fired = {f.rule.id for f in (*us.decisive, *us.also_fired)}
    assert {"us-iran-un-proliferation-embargo", "us-missile-end-use-d4"} <= us_fired
    alone = determine(result, controls, books["EU"], Request("TR"))
    assert alone.outcome == "licence_required"


def test_final_destination_on_the_command_line() -> None:
    args = [
        "determine",
        "--item",
        str(FS1),
        "--destination",
        "TR",
        "--final-destination",
        "IR",
        "--json",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert '"final_destination": "IR"' in result.output
    bad = runner.invoke(app, [a if a != "IR" else "QQ" for a in args])
    assert bad.exit_code == 2 and "final_destination: unknown country code" in bad.output


def test_a_general_authorisation_must_cover_the_final_destination_too() -> None:
    controls, books = bundled()
    nozzle = read_item(
        {
            "name": "nozzle",
            "parameters": {
                "item_type": "component",
                "component_kind": "thrust_vector_control_subsystem",
                "usable_in_missiles": True,
                "listed_in_annex_iv": False,  # stated: its rocket's payload and range are not
            },
        },
        controls.vocabulary,
    )
    result = classify(nozzle, controls, "EU")
    direct = determine(result, controls, books["EU"], Request("JP"))
    assert direct.authorisation == "EU001"
    onward = determine(result, controls, books["EU"], Request("JP", final_destination="CN"))
    assert (onward.outcome, onward.authorisation) == ("licence_required", None)


def test_rules_that_only_missing_facts_would_add_are_reported() -> None:
    engine = {
        "name": "engine",
        "parameters": {"component_kind": "liquid_rocket_engine", "usable_in_missiles": True},
    }
    det = decide(engine, "CU", "US")
    assert det.outcome == "licence_required" and not det.decided
    assert "us-itar" in {f.rule.id for f in (*det.decisive, *det.also_fired)}
    assert "total_impulse_capacity" in det.depends_on
    assert det.caveats[0].startswith("Undecided: the outcome stands")


def test_the_strict_pass_never_assumes_a_relief(tmp_path: Path) -> None:
    """An undecided test on a general authorisation counts as failing in the strict pass."""
    import shutil

    from interdict.controls.catalogue import load

    folder = tmp_path / "controls"
    shutil.copytree(Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls", folder)
    rules = folder / "rules" / "eu.yaml"
    text = rules.read_text()
    old = "      item: {param: listed_in_annex_iv, op: is, value: false}\n"
    assert old in text
    rules.write_text(
        text.replace(old, "      item: {param: industrial_machinery, op: is, value: false}\n", 1)
    )
    controls, books = load(folder)
    nozzle = read_item(
        {
            "name": "n",
            "parameters": {
                "item_type": "component",
                "component_kind": "thrust_vector_control_subsystem",
                "usable_in_missiles": True,
            },
        },
        controls.vocabulary,
    )
    det = determine(classify(nozzle, controls, "EU"), controls, books["EU"], Request("JP"))
    assert (det.outcome, det.authorisation) == ("licence_required", None)


def test_depends_on_includes_what_only_the_strict_pass_asks() -> None:
    lathe = item_with(
        machining_functions=["turning"],
        simultaneous_contouring_axes=2,
        contouring_rotary_axes=0,
        bar_feed_through_only=None,
        linear_axes=[{"name": "X", "travel": "0.5 m"}],
    )
    det = decide(lathe, "IN", "US")
    assert not det.decided
    assert {"bar_feed_through_only", "maximum_workpiece_diameter"} <= set(det.depends_on)


def test_a_folded_entry_lends_its_regime_not_its_reasons() -> None:
    """A five-axis bar machine that also mills is in 2B001.b.2 with no NP (the bar-machine
    exception), and meets 2B201.b.3 (NP1) too, but is listed once, as 2B001."""
    bar = item_with(
        machining_functions=["turning", "milling"],
        simultaneous_contouring_axes=5,
        maximum_workpiece_diameter="40 mm",
        bar_feed_through_only=True,
        maximum_bar_diameter="40 mm",
        linear_axes=axes("0.5 m", "0.5 µm", "3 µm"),
    )
    det = decide(bar, "IN", "US")
    assert (det.outcome, det.decided) == ("no_licence_required", True)
    assert decide(bar, "IR", "US").outcome == "prohibited"  # the NSG origin still counts


@pytest.mark.parametrize("text", ["2.500 mm", "1 500 mm", "1'500 mm"])
def test_other_thousands_separators_are_refused(controls: ControlList, text: str) -> None:
    raw = {"name": "x", "parameters": {"linear_axes": [{"name": "X", "travel": text}]}}
    with pytest.raises(ItemError, match="thousands separator"):
        read_item(raw, controls.vocabulary)


def test_two_country_details() -> None:
    via = decide(FS1, "JP", "EU", end_use=[])
    assert "the EU001 destinations" in via.memberships
    controls, books = bundled()
    fs1 = yaml.safe_load(FS1.read_text())
    result = classify(read_item(fs1, controls.vocabulary), controls, "EU")
    onward = determine(result, controls, books["EU"], Request("JP", final_destination="IR"))
    assert (
        "final destination IR: destinations under an EU or UN arms embargo (Art. 4(1)(b))"
        in onward.memberships
    )
    transit = determine(result, controls, books["EU"], Request("DE", final_destination="JP"))
    assert transit.authorisation == "EU001"  # the German leg is no export
    listed = {f.rule.id: f for f in (*onward.decisive, *onward.also_fired)}
    assert any("(final destination IR)" in b for b in listed["eu-iran-dual-use"].because)
    error = runner.invoke(
        app, ["determine", "--item", str(FS1), "--destination", "AQ", "--jurisdiction", "US"]
    )
    assert "error: US: the bundled Commerce Country Chart" in error.output


def test_newcomer_findings(tmp_path: Path, controls: ControlList) -> None:
    """What a walk through the docs by a newcomer turned up, kept fixed."""
    import shutil

    from interdict.controls.catalogue import load
    from interdict.controls.entries import ControlListError

    # A key given twice is refused, in item files and in data files.
    twice = tmp_path / "twice.yaml"
    twice.write_text(
        "name: x\nparameters:\n  total_impulse_capacity: 2 MN*s\n  total_impulse_capacity: 1 N*s\n"
    )
    with pytest.raises(ItemError, match="given twice"):
        load_item(twice, controls.vocabulary)
    # A US reason the Country Chart has no column for is refused at load.
    folder = tmp_path / "controls"
    shutil.copytree(Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls", folder)
    path = folder / "entries" / "9A-7A-missile.yaml"
    path.write_text(path.read_text().replace("reasons: [MT1, AT1]", "reasons: [MT9, AT1]", 1))
    with pytest.raises(ControlListError, match=r"\['MT9'\] are not Country Chart columns"):
        load(folder)
    # A JSON-lines file given as one item points to --batch.
    lines = tmp_path / "items.jsonl"
    lines.write_text("{}\n")
    with pytest.raises(ItemError, match="use --batch"):
        load_item(lines, controls.vocabulary)
    # An ambiguous number is not called a wrong unit.
    with pytest.raises(ItemError) as caught:
        read_item(
            {"name": "x", "parameters": {"total_impulse_capacity": "1,500 kN*s"}},
            controls.vocabulary,
        )
    assert "wrong unit" not in caught.value.reason
    # Country codes: a missing destination and the common "UK" slip.
    for destination, message in (
        (None, "destination: missing"),
        ("UK", "the United Kingdom is GB"),
    ):
        result = runner.invoke(
            app,
            [
                "determine",
                "--batch",
                str(_order(tmp_path, destination)),
                "--out",
                str(tmp_path / "out.jsonl"),
            ],
        )
        assert message in (tmp_path / "out.jsonl").read_text(), result.output


def _order(tmp_path: Path, destination: str | None) -> Path:
    import json

    batch = tmp_path / "orders.jsonl"
    order = {"id": "o", "item": {"name": "x", "parameters": {"component_kind": "other"}}}
    if destination is not None:
        order["destination"] = destination
    batch.write_text(json.dumps(order) + "\n")
    return batch


def test_the_catch_all_is_cited_when_it_also_applies() -> None:
    from interdict.controls.outputs import determination_out

    controls, books = bundled()
    result = classify(load_item(FS1, controls.vocabulary), controls, "EU")
    det = determine(
        result, controls, books["EU"], Request("TR", frozenset({"missile"}), frozenset(), "IR")
    )
    out = determination_out(det, books["EU"], result)
    provisions = [b.provision for b in out.legal_basis]
    assert "Art. 4(1)(a)" in provisions and any("1737" in p for p in provisions)
    assert [r.rule for r in out.decided_by] == [f.rule.id for f in det.decisive]
