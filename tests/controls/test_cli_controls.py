"""``interdict classify`` and ``interdict determine`` end to end, and their JSON schemas."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from control_items import FS1
from typer.testing import CliRunner

from interdict.cli import app
from interdict.controls.outputs import ClassifyOutput, DetermineOutput, schemas

runner = CliRunner()
SCHEMAS = Path(__file__).resolve().parents[2] / "docs" / "schemas"


def test_classify_json_has_entries_near_misses_and_missing_parameters() -> None:
    result = runner.invoke(app, ["classify", str(FS1), "--json"])
    assert result.exit_code == 0, result.output
    out = ClassifyOutput.model_validate_json(result.output)
    assert [e.id for e in out.entries] == ["2B201"]
    assert out.entries[0].regime == "NSG"
    assert any(
        c.parameter == "contouring_rotary_axes" and c.threshold == "2" and c.result
        for c in out.entries[0].comparisons
    )
    assert {n.id for n in out.near_misses} == {"2B001.b.1", "2B001.b.2"}
    assert out.missing_parameters == []
    assert out.assumptions


def test_classify_table_output_names_the_entry() -> None:
    result = runner.invoke(app, ["classify", str(FS1)])
    assert result.exit_code == 0
    assert "2B201" in result.output and "Near misses" in result.output


def test_determine_json_to_iran() -> None:
    result = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "ir", "--json"])
    assert result.exit_code == 0, result.output
    out = DetermineOutput.model_validate_json(result.output)
    assert [(d.jurisdiction, d.outcome) for d in out.determinations] == [
        ("EU", "prohibited"),
        ("US", "prohibited"),
    ]
    assert all(d.legal_basis for d in out.determinations)
    assert "Regulation (EU) No 267/2012" in out.determinations[0].legal_basis[1].instrument


def test_determine_names_a_general_authorisation(tmp_path: Path) -> None:
    fs1 = yaml.safe_load(FS1.read_text())
    item = tmp_path / "fs1.yaml"
    item.write_text(yaml.safe_dump(fs1, allow_unicode=True))
    args = [
        "determine",
        "--item",
        str(item),
        "--destination",
        "JP",
        "--jurisdiction",
        "EU",
        "--json",
    ]
    out = json.loads(runner.invoke(app, args).output)
    (det,) = out["determinations"]
    assert (det["outcome"], det["general_authorisation"]) == ("general_authorisation", "EU001")


def test_bad_arguments_exit_2_with_the_reason(tmp_path: Path) -> None:
    bad_country = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "ZZ"])
    assert bad_country.exit_code == 2
    assert "unknown country code 'ZZ'" in bad_country.output
    item = tmp_path / "bad.yaml"
    item.write_text("name: x\nparameters:\n  simultaneous_contouring_axes: 5 axes\n")
    bad_item = runner.invoke(app, ["classify", str(item)])
    assert bad_item.exit_code == 2
    assert "parameters.simultaneous_contouring_axes" in bad_item.output
    bad_use = runner.invoke(
        app, ["determine", "--item", str(FS1), "--destination", "IR", "--end-use", "space"]
    )
    assert bad_use.exit_code == 2
    no_row = runner.invoke(
        app, ["determine", "--item", str(FS1), "--destination", "HK", "--jurisdiction", "US"]
    )
    assert no_row.exit_code == 2
    assert "no row for HK" in no_row.output
    both = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "HK", "--json"])
    assert both.exit_code == 2
    out = json.loads(both.output[: both.output.rindex("}") + 1])
    assert [d["jurisdiction"] for d in out["determinations"]] == ["EU"]
    assert out["errors"][0]["jurisdiction"] == "US"
    palestine = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "PS"])
    assert palestine.exit_code in (0, 2) and "unknown country code" not in palestine.output
    historical = runner.invoke(app, ["determine", "--item", str(FS1), "--destination", "SU"])
    assert historical.exit_code == 2


def test_published_schemas_match_the_models() -> None:
    for name, schema in schemas().items():
        assert json.loads((SCHEMAS / name).read_text()) == schema, name


def test_json_item_files_are_read(tmp_path: Path) -> None:
    item = tmp_path / "nozzle.json"
    item.write_text(
        json.dumps(
            {
                "name": "nozzle",
                "parameters": {
                    "item_type": "component",
                    "component_kind": "thrust_vector_control_subsystem",
                    "usable_in_missiles": True,
                },
            }
        )
    )
    out = json.loads(runner.invoke(app, ["classify", str(item), "--json"]).output)
    assert [e["id"] for e in out["entries"]] == ["9A106.c"]
    assert out["entries"][0]["regime"] == "MTCR"


def test_controls_list_and_show() -> None:
    listed = json.loads(runner.invoke(app, ["controls", "list", "2B201", "--json"]).output)
    assert listed == [
        {"id": "2B201", "title": listed[0]["title"], "regime": "NSG", "jurisdictions": ["EU", "US"]}
    ]
    shown = runner.invoke(app, ["controls", "show", "2B001.b.2"])
    assert shown.exit_code == 0
    assert "unidirectional_positioning_repeatability <= 1.4 µm" in shown.output
    assert "(the same tests as EU)" in shown.output
    us_own = runner.invoke(app, ["controls", "show", "2B201"]).output
    assert "positioning_accuracy_2006 <= 4.5 µm" in us_own
    assert runner.invoke(app, ["controls", "show", "2B999"]).exit_code == 2
    assert runner.invoke(app, ["controls", "list", "8X"]).exit_code == 2


def test_a_control_list_folder_of_ones_own(tmp_path: Path) -> None:
    """--controls (or INTERDICT_CONTROLS) replaces the bundled lists, and is validated too."""
    import shutil

    folder = tmp_path / "controls"
    shutil.copytree(Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls", folder)
    entries = folder / "entries" / "2B-machine-tools.yaml"
    entries.write_text(
        entries.read_text().replace(
            'value: 5, label: "milling, five', 'value: 6, label: "milling, five'
        )
    )
    args = ["classify", str(FS1), "--json", "--controls", str(folder)]
    out = json.loads(runner.invoke(app, args).output)
    assert [e["id"] for e in out["entries"]] == ["2B201"]  # still two rotary axes
    (rules := folder / "rules" / "us.yaml").unlink()
    only_eu = runner.invoke(
        app, ["determine", "--item", str(FS1), "--destination", "IR", "--controls", str(folder)]
    )
    assert only_eu.exit_code == 2 and "error: US: no rule book for it" in only_eu.output
    assert "prohibited" in only_eu.output  # the EU answer is still given
    assert not rules.exists()
    entries.write_text("entries: [{id: 2B001}]\n")
    broken = runner.invoke(app, ["controls", "list"], env={"INTERDICT_CONTROLS": str(folder)})
    assert broken.exit_code == 2
    assert "2B-machine-tools.yaml: entries[0] 2B001: title" in broken.output


def test_classify_a_batch_of_items(tmp_path: Path) -> None:
    batch = tmp_path / "products.jsonl"
    nozzle = {
        "id": "P-1",
        "name": "nozzle",
        "parameters": {
            "item_type": "component",
            "component_kind": "thrust_vector_control_subsystem",
            "usable_in_missiles": True,
        },
    }
    typo = {"id": "P-2", "name": "typo", "parameters": {"usable_in_missile": True}}
    batch.write_text(
        json.dumps(nozzle)
        + "\n{not json\n\n"
        + json.dumps(typo)
        + "\n"
        + json.dumps(
            {
                "id": 4,
                "name": "chair",
                "parameters": {"item_type": "equipment", "component_kind": "other"},
            }
        )
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["classify", "--batch", str(batch), "--out", str(out)])
    assert result.exit_code == 1  # bad lines were reported; the good ones are written
    assert "line 2: not JSON" in result.output
    assert "line 4: parameters.usable_in_missile: unknown parameter" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line.get("id") for line in lines] == ["P-1", None, "P-2", "4"]
    assert [e["id"] for e in lines[0]["classification"]["entries"]] == ["9A106.c"]
    assert "error" in lines[1] and "error" in lines[2]
    assert lines[3]["classification"]["status"] in ("not_listed", "undetermined")
    assert "2 lines done, 2 bad" in result.output


def test_batch_arguments_are_checked(tmp_path: Path) -> None:
    csv_file = tmp_path / "items.csv"
    csv_file.write_text("id,name\n")
    for args, message in (
        (["classify"], "give either an ITEM file or --batch"),
        (["classify", str(FS1), "--batch", str(csv_file)], "give either an ITEM file or --batch"),
        (["classify", "--batch", str(csv_file)], "--out FILE.jsonl is required"),
        (
            ["classify", "--batch", str(csv_file), "--out", str(tmp_path / "o.jsonl")],
            "use JSON lines",
        ),
        (
            ["classify", "--batch", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o")],
            "no such file",
        ),
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and message in result.output, args


def test_decide_a_batch_of_orders(tmp_path: Path) -> None:
    fs1 = yaml.safe_load(FS1.read_text())
    orders = [
        {
            "id": "O-1",
            "item": fs1,
            "destination": "TR",
            "final_destination": "IR",
            "end_use": ["missile"],
        },
        {"id": "O-2", "item": fs1, "destination": "JP", "jurisdiction": ["EU"]},
        {"id": "O-3", "item": fs1, "destination": "QQ"},
        {"id": "O-4", "item": fs1, "destination": "TR", "end_use": ["space"]},
        {"id": "O-5", "item": fs1, "destination": "HK"},
        {"id": "O-6", "item": fs1, "destination": "TR", "colour": "red"},
    ]
    batch = tmp_path / "orders.jsonl"
    batch.write_text("".join(json.dumps(o) + "\n" for o in orders))
    out = tmp_path / "decided.jsonl"
    result = runner.invoke(app, ["determine", "--batch", str(batch), "--out", str(out)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["O-1", "O-2", "O-3", "O-4", "O-5", "O-6"]
    first = lines[0]["determination"]["determinations"]
    assert [(d["jurisdiction"], d["outcome"]) for d in first] == [
        ("EU", "prohibited"),
        ("US", "prohibited"),
    ]
    second = lines[1]["determination"]["determinations"]
    assert [(d["jurisdiction"], d["outcome"], d["general_authorisation"]) for d in second] == [
        ("EU", "general_authorisation", "EU001")  # 2B201 is not in Annex IV
    ]
    assert "unknown country code 'QQ'" in lines[2]["error"]
    assert "end_use: unknown ['space']" in lines[3]["error"]
    assert lines[4]["determination"]["errors"][0]["jurisdiction"] == "US"  # EU still decided
    assert "unknown field(s) ['colour']" in lines[5]["error"]
    assert "2 lines done, 4 bad" in result.output
    mixed = runner.invoke(app, ["determine", "--batch", str(batch), "--item", str(FS1)])
    assert mixed.exit_code == 2
    assert runner.invoke(app, ["determine", "--item", str(FS1)]).exit_code == 2


def test_controls_check_summarises_coverage_and_gaps(tmp_path: Path) -> None:
    out = json.loads(runner.invoke(app, ["controls", "check", "--json"]).output)
    assert out["entries"] == 68 and out["by_regime"]["NSG"] == 4
    assert out["rule_books"]["US"]["chart_rows"] == 200
    assert out["rule_books"]["EU"]["item_lists"] == {"listed_in_annex_iv": 79}
    assert "7A103.d" in out["gaps"]
    broken = tmp_path / "controls"
    broken.mkdir()
    result = runner.invoke(app, ["controls", "check", "--controls", str(broken)])
    assert result.exit_code == 2 and "parameters.yaml" in result.output


def test_the_example_batch_files_run(tmp_path: Path) -> None:
    """The files docs/controls.md points to: a product file and a file of orders."""
    examples = FS1.parent
    classified = tmp_path / "products.out.jsonl"
    result = runner.invoke(
        app, ["classify", "--batch", str(examples / "products.jsonl"), "--out", str(classified)]
    )
    assert result.exit_code == 0, result.output
    statuses = {
        line["id"]: [e["id"] for e in line["classification"]["entries"]]
        for line in map(json.loads, classified.read_text().splitlines())
    }
    assert statuses == {
        "FS-1": ["2B201"],
        "TP-7": ["9A006.d"],
        "GS-2": ["7A117"],
        "LT-3": [],
        "RT-4": ["2B008.c"],
    }
    decided = tmp_path / "orders.out.jsonl"
    result = runner.invoke(
        app, ["determine", "--batch", str(examples / "orders.jsonl"), "--out", str(decided)]
    )
    assert result.exit_code == 0, result.output
    outcomes = {
        line["id"]: [d["outcome"] for d in line["determination"]["determinations"]]
        for line in map(json.loads, decided.read_text().splitlines())
    }
    assert outcomes == {
        "order-1": ["prohibited", "prohibited"],
        "order-2": ["general_authorisation", "no_licence_required"],  # EU001: not in Annex IV
        "order-3": ["licence_required", "licence_required"],
        "order-4": ["general_authorisation", "no_licence_required"],  # EU002; US NS2 not for TR
        "order-5": ["general_authorisation", "licence_required"],  # EU004; US NP1 for India
    }


def test_the_command_line_flags_are_the_rule_books_flags() -> None:
    from interdict.controls.cli import EndUse, EndUser
    from interdict.controls.rules import END_USERS, END_USES

    assert tuple(e.value for e in EndUse) == END_USES
    assert tuple(e.value for e in EndUser) == END_USERS
