"""The missile, navigation, software and technology entries of the current texts, where the EU
and US lists differ, and the EU general authorisations EU002, EU003, EU004 and EU007."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from control_items import FS1, decide, matched, part, run
from typer.testing import CliRunner

from interdict.cli import app
from interdict.controls.entries import ControlList

runner = CliRunner()


def servo(**changes: Any) -> dict[str, Any]:
    params = {
        "usable_in_missiles": True,
        "vibration_environment": "10.1 g_rms",
        "servo_valve_flow_rate": "24 L/min",
        "operating_pressure": "7 MPa",
        "actuator_response_time": "99 ms",
    }
    return part("servo_valve", **{**params, **changes})


@pytest.mark.parametrize(
    ("raw", "listed"),
    [
        (servo(), True),
        (servo(vibration_environment="10 g_rms"), False),  # "greater than" 10 g rms
        (servo(actuator_response_time="100 ms"), False),  # Note: under 100 ms only
        (servo(servo_valve_flow_rate="23.9 L/min"), False),
        (servo(operating_pressure="70 bar"), True),
        (part("propellant_pump", usable_in_missiles=True, vibration_environment="11 g_rms",
              shaft_speed="8000 rpm"), True),
        (part("propellant_pump", usable_in_missiles=True, vibration_environment="11 g_rms",
              shaft_speed="7999 rpm", discharge_pressure="6.9 MPa"), False),
        (part("propellant_pump", usable_in_missiles=True, vibration_environment="11 g_rms",
              shaft_speed="7999 rpm", discharge_pressure="7 MPa"), True),
        (part("turbopump_gas_turbine", usable_in_missiles=True, vibration_environment="11 g_rms",
              shaft_speed="7999 rpm"), False),
    ],
)  # fmt: skip
def test_9a106_d_control_systems_and_the_note_on_valves_pumps_and_turbines(
    controls: ControlList, raw: dict[str, Any], listed: bool
) -> None:
    assert ("9A106.d" in matched(run(controls, raw))) is listed
    assert ("9A106.d" in matched(run(controls, raw, "US"))) is listed


def test_the_same_number_can_hold_different_items_in_the_eu_and_the_us(
    controls: ControlList,
) -> None:
    chamber = part("thrust_chamber_or_nozzle", controls_entries=["9A105"])
    assert "9A106.e" in matched(run(controls, chamber))
    assert "9A106.e" not in matched(run(controls, chamber, "US"))
    valve = part(
        "flight_control_servo_valve", usable_in_missiles=True, vibration_environment="11 g_rms"
    )
    assert "9A106.e" in matched(run(controls, valve, "US"))
    assert "9A106.e" not in matched(run(controls, valve))
    tank = part("propellant_tank", system_payload="500 kg", system_range="300 km")
    assert "9A120" in matched(run(controls, tank))
    assert controls.entries["9A120"].title_in("US").startswith("Complete UAVs")


@pytest.mark.parametrize(
    ("capacity", "recreational", "listed"),
    [("20 L", False, False), ("20.1 L", False, True), ("30 L", True, False)],
)
def test_us_9a120_spraying_uavs(
    controls: ControlList, capacity: str, recreational: bool, listed: bool
) -> None:
    uav = part(
        "unmanned_aerial_vehicle",
        autonomous_flight_control_and_navigation=True,
        aerosol_dispensing_capacity=capacity,
        recreational_model_aircraft=recreational,
    )
    assert ("9A120" in matched(run(controls, uav, "US"))) is listed


def inertial(**params: Any) -> dict[str, Any]:
    base = {"platforms": ["aircraft"], "civil_aircraft_certification": "none"}
    return part("inertial_measurement_equipment", **{**base, **params})


@pytest.mark.parametrize(
    ("raw", "entry", "listed"),
    [
        (inertial(unaided_position_cep_rate="0.8 nmi/hour"), "7A003.a", True),
        (inertial(unaided_position_cep_rate="0.81 nmi/hour"), "7A003.a", False),
        (inertial(unaided_position_cep_rate="1.4816 km/hour"), "7A003.a", True),  # 0.8 nmi/h
        (inertial(embedded_positional_aiding=True, position_accuracy_after_aiding_loss="9.9 m"),
         "7A003.b", True),
        (inertial(embedded_positional_aiding=True, position_accuracy_after_aiding_loss="10 m"),
         "7A003.b", False),
        (inertial(provides_heading=True, maximum_angular_rate="499 deg/s",
                  heading_accuracy="0.07 deg"), "7A003.c", True),
        (inertial(provides_heading=True, maximum_angular_rate="500 deg/s",
                  heading_accuracy="0.07 deg"), "7A003.c", True),  # c.2 allows 0.2
        (inertial(provides_heading=True, maximum_angular_rate="499 deg/s",
                  heading_accuracy="0.08 deg"), "7A003.c", False),
        (inertial(multi_axis_measurement=True, space_qualified=True,
                  angle_random_walk="0.1 deg/hour**0.5", spinning_mass_gyros_only=False),
         "7A003.d", True),
        (inertial(multi_axis_measurement=True, space_qualified=True,
                  angle_random_walk="0.1 deg/hour**0.5", spinning_mass_gyros_only=True),
         "7A003.d", False),
    ],
)  # fmt: skip
def test_7a003_inertial_equipment(
    controls: ControlList, raw: dict[str, Any], entry: str, listed: bool
) -> None:
    assert (entry in matched(run(controls, raw))) is listed


@pytest.mark.parametrize(
    ("certification", "eu", "us"),
    [
        ("none", True, True),
        ("wassenaar_participating_state", False, False),
        ("eu_member_state_outside_wassenaar", False, True),  # the US note names Wassenaar only
    ],
)
def test_7a003_leaves_out_civil_certified_equipment(
    controls: ControlList, certification: str, eu: bool, us: bool
) -> None:
    raw = inertial(
        unaided_position_cep_rate="0.5 nmi/hour", civil_aircraft_certification=certification
    )
    assert ("7A003.a" in matched(run(controls, raw))) is eu
    assert ("7A003.a" in matched(run(controls, raw, "US"))) is us


@pytest.mark.parametrize(
    ("parts", "vibration", "mwd", "eu", "us"),
    [
        (["7A002"], None, True, True, False),  # EU: the MWD note is for a.2's accelerometers only
        (["7A001.a.3"], True, False, False, True),  # EU a.1 Note: vibration or shock sensors
        (["7A001.a.3"], False, False, True, True),
    ],
)
def test_7a103_a_notes_remove_only_the_accelerometers_they_name(
    controls: ControlList,
    parts: list[str],
    vibration: bool | None,
    mwd: bool | None,
    eu: bool,
    us: bool,
) -> None:
    params: dict[str, Any] = {"incorporates_entries": parts}
    if vibration is not None:
        params["accelerometers_for_vibration_or_shock"] = vibration
    if mwd is not None:
        params["measurement_while_drilling"] = mwd
    raw = part("inertial_measurement_equipment", **params)
    assert ("7A103.a" in matched(run(controls, raw))) is eu
    assert ("7A103.a" in matched(run(controls, raw, "US"))) is us


def test_7a103_d_magnetic_heading_sensors_are_eu_only(controls: ControlList) -> None:
    sensor = part(
        "magnetic_heading_sensor",
        integrates_with_flight_control_and_navigation=True,
        tilt_compensation_pitch="90 deg",
        tilt_compensation_roll="180 deg",
        azimuthal_accuracy="0.49 deg",
    )
    assert "7A103.d" in matched(run(controls, sensor))
    assert matched(run(controls, sensor, "US")) == set()


def test_us_2b116_needs_the_300_km_heading_the_eu_lacks(controls: ControlList) -> None:
    shaker = part("vibration_thruster", vibration_test_force="50 kN")
    assert "2B116.c" in matched(run(controls, shaker))
    assert "2B116.c" in {d.entry.id for d in run(controls, shaker, "US").undetermined}
    for_missiles = part(
        "vibration_thruster",
        vibration_test_force="50 kN",
        usable_for_rockets_or_uavs=True,
        system_range="300 km",
    )
    assert "2B116.c" in matched(run(controls, for_missiles, "US"))


def software(purpose: list[str], goods: list[str], **params: Any) -> dict[str, Any]:
    return {
        "name": "software",
        "parameters": {
            "item_type": "software",
            "software_or_technology_purpose": purpose,
            "controls_entries": goods,
            "part_programming_software": False,
            **params,
        },
    }


@pytest.mark.parametrize(
    ("raw", "eu", "us"),
    [
        (software(["development"], ["2B001"]), {"2D001.a"}, {"2D001.a"}),
        (software(["production"], ["2B510"]), {"2D001.a"}, set()),  # 2B510 is EU only
        (software(["use"], ["2B002"]), set(), set()),  # use of 2B002 is not in 2D001.b
        (software(["use"], ["2B201"]), {"2D202"}, {"2D202"}),
        (
            software(
                ["use"], ["2B201"], part_programming_software=True, direct_use_of_equipment=False
            ),
            set(),
            set(),
        ),
        (
            software(
                ["use"], ["2B201"], part_programming_software=True, direct_use_of_equipment=True
            ),
            {"2D202"},
            {"2D202"},
        ),
        (software(["use"], ["2B219"]), {"2D201"}, set()),
        (software(["use"], ["2B229"]), set(), {"2D201"}),
    ],
)
def test_software_scopes(
    controls: ControlList, raw: dict[str, Any], eu: set[str], us: set[str]
) -> None:
    assert matched(run(controls, raw)) == eu
    assert matched(run(controls, raw, "US")) == us


def test_numerical_control_software_for_more_than_four_axes(controls: ControlList) -> None:
    five = software(
        ["use"], ["9A005"], numerical_control_unit_software=True, simultaneous_contouring_axes=5
    )
    four = software(
        ["use"], ["9A005"], numerical_control_unit_software=True, simultaneous_contouring_axes=4
    )
    assert "2D002" in matched(run(controls, five))
    assert "2D002" not in matched(run(controls, four))


def technology(purpose: str, goods: list[str]) -> dict[str, Any]:
    raw = software([purpose], goods)
    raw["parameters"]["item_type"] = "technology"
    return raw


def test_technology_scopes_and_the_us_reasons_that_follow_the_goods(
    controls: ControlList,
) -> None:
    assert matched(run(controls, technology("use", ["2B008"]))) == {"2E201"}
    assert matched(run(controls, technology("use", ["2B008"]), "US")) == set()  # not for NP
    assert matched(run(controls, technology("development", ["2B201"]), "US")) == {"2E001"}
    # US 2E001: NS only for technology for 2A001, 2B001-2B009, 2D001, 2D002; NP for 2B201.
    to_china = decide(technology("development", ["2B201"]), "CN", "US")
    reasons = " ".join(r for f in to_china.decisive + to_china.also_fired for r in f.because)
    assert "NP1" in reasons and "NS1" not in reasons


TABLE = part(
    "compound_rotary_table", machining_functions=["milling"], simultaneous_rotary_contouring_axes=2
)


def test_eu002_covers_its_item_list_only(controls: ControlList) -> None:
    det = decide(TABLE, "TR", "EU")
    assert (det.outcome, det.authorisation) == ("general_authorisation", "EU002")
    assert decide(FS1, "TR", "EU").outcome == "licence_required"  # 2B201 is not in EU002
    assert decide(TABLE, "TR", "EU", end_use=["missile"]).outcome == "licence_required"
    assert decide(TABLE, "BR", "EU").outcome == "licence_required"  # not an EU002 destination


@pytest.mark.parametrize(
    ("raw", "destination", "transaction", "authorisation"),
    [
        (FS1, "IN", "return_after_repair", "EU003"),
        (FS1, "IN", "sale", None),
        (FS1, "IN", "temporary_exhibition", "EU004"),
        (FS1, "RU", "return_after_repair", None),  # removed by 2022/699, and banned
        (software(["use"], ["2B201"]), "IN", "return_after_repair", None),  # no D or E
        (software(["use"], ["2B201"]), "IL", "intra_group", "EU007"),
        (software(["use"], ["2B201"]), "CN", "intra_group", None),  # not EU007's
        (FS1, "IL", "intra_group", None),  # EU007 is for software and technology
    ],
)
def test_transaction_bound_general_authorisations(
    raw: Any, destination: str, transaction: str, authorisation: str | None
) -> None:
    det = decide(raw, destination, "EU", transaction=transaction)
    assert det.authorisation == authorisation
    if authorisation is None and destination != "RU":
        assert det.outcome == "licence_required"


def test_the_cli_takes_the_kind_of_export(tmp_path: Path) -> None:
    item_file = tmp_path / "fs1.json"
    item_file.write_text(json.dumps(yaml.safe_load(FS1.read_text()), default=str))
    args = ["determine", "--item", str(item_file), "--destination", "IN", "--jurisdiction", "EU"]
    out = json.loads(
        runner.invoke(app, [*args, "--transaction", "temporary_exhibition", "--json"]).output
    )
    assert out["transaction"] == "temporary_exhibition"
    assert out["determinations"][0]["general_authorisation"] == "EU004"
    shown = runner.invoke(app, [*args, "--transaction", "temporary_exhibition"]).output
    assert "(temporary exhibition)" in shown and "EU004" in shown
    assert runner.invoke(app, [*args, "--transaction", "gift"]).exit_code == 2
    orders = tmp_path / "orders.jsonl"
    item = {"name": "s", "parameters": software(["use"], ["2B201"])["parameters"]}
    orders.write_text(
        json.dumps({"id": 1, "item": item, "destination": "IL", "transaction": "intra_group"})
        + "\n"
        + json.dumps({"id": 2, "item": item, "destination": "IL", "transaction": "loan"})
        + "\n"
    )
    target = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["determine", "--batch", str(orders), "--out", str(target)])
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    eu = [d for d in lines[0]["determination"]["determinations"] if d["jurisdiction"] == "EU"]
    assert eu[0]["general_authorisation"] == "EU007"
    assert "transaction: unknown 'loan'" in lines[1]["error"]
    assert result.exit_code == 1


CHEMICALS_AND_CRYPTO = """
entries:
  - id: 1C350
    title: Chemicals that may be precursors for toxic chemical agents (test excerpt)
    criteria: {param: item_type, op: is, value: material}
    jurisdictions: {EU: {list: eu-annex-i, reference: 1C350}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
  - id: 1C350.1
    title: Thiodiglycol
    criteria: {param: cas_number, op: is, value: 111-48-8}
    jurisdictions: {EU: {list: eu-annex-i, reference: 1C350.1}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
  - id: 1C350.4
    title: a chemical EU006 skips
    criteria: {param: cas_number, op: is, value: 0-00-4}
    jurisdictions: {EU: {list: eu-annex-i, reference: 1C350.4}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
  - id: 5A002
    title: Information security systems (test excerpt)
    criteria: {param: item_type, op: is, value: equipment}
    jurisdictions: {EU: {list: eu-annex-i, reference: 5A002}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
  - id: 5A002.a
    title: Designed to use cryptography (test excerpt)
    criteria: {param: component_kind, op: is, value: other}
    jurisdictions: {EU: {list: eu-annex-i, reference: 5A002.a}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
  - id: 5A002.a.2
    title: Cryptographic equipment (test excerpt)
    criteria: {param: numerical_control, op: is, value: false}
    jurisdictions: {EU: {list: eu-annex-i, reference: 5A002.a.2}}
    sources: [{url: "https://example.org/test", supports: a test fixture}]
"""


THIODIGLYCOL = {"item_type": "material", "cas_number": "111-48-8"}


@pytest.fixture(scope="module")
def catalogue_with_other_categories(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The bundled catalogue plus a few Category 1 and 5 entries, for EU006 and EU008."""
    import shutil

    from interdict.controls.catalogue import load

    folder = tmp_path_factory.mktemp("controls") / "controls"
    shutil.copytree(Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls", folder)
    params = folder / "parameters.yaml"
    params.write_text(
        params.read_text()
        + "  cas_number:\n    kind: text\n    pattern: '^\\d+-\\d\\d-\\d$'\n"
        + "    description: a CAS registry number\n    ask: What is its CAS number?\n"
    )
    (folder / "entries" / "1C-5A-test.yaml").write_text(CHEMICALS_AND_CRYPTO)
    return load(folder)


@pytest.mark.parametrize(
    ("parameters", "destination", "outcome", "authorisation"),
    [
        (
            {"item_type": "material", "cas_number": "111-48-8"},
            "AR",
            "general_authorisation",
            "EU006",
        ),
        ({"item_type": "material", "cas_number": "111-48-8"}, "BR", "licence_required", None),
        ({"item_type": "material", "cas_number": "0-00-4"}, "AR", "licence_required", None),
        (
            {"item_type": "equipment", "component_kind": "other", "numerical_control": False},
            "BR",
            "general_authorisation",
            "EU008",
        ),
        (
            {"item_type": "equipment", "component_kind": "other", "numerical_control": False},
            "CN",
            "licence_required",
            None,
        ),
        (
            {"item_type": "equipment", "component_kind": "other", "numerical_control": False},
            "DE",
            "no_licence_required",
            None,
        ),
    ],
)
def test_eu006_and_eu008_cover_their_own_item_lists(
    catalogue_with_other_categories: Any,
    parameters: dict[str, Any],
    destination: str,
    outcome: str,
    authorisation: str | None,
) -> None:
    from interdict.controls.classify import classify
    from interdict.controls.determine import Request, determine
    from interdict.controls.items import read_item

    controls, books = catalogue_with_other_categories
    item = read_item({"name": "x", "parameters": parameters}, controls.vocabulary)
    det = determine(classify(item, controls, "EU"), controls, books["EU"], Request(destination))
    assert (det.outcome, det.authorisation) == (outcome, authorisation)
