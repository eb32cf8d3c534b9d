"""``interdict intel extract`` end to end through the Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extract_helpers import FIXTURES
from typer.testing import CliRunner

from interdict.cli import app
from interdict.intel.records import Denial, Item, Link, Party

SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["intel", "extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_has_one_fact_per_line_with_its_schema() -> None:
    code, stdout, stderr = _run(str(SEED))
    assert code == 0, stderr
    lines = [json.loads(line) for line in stdout.splitlines()]
    items = [Item.model_validate(line) for line in lines if line.get("record") == "item"]
    denials = [Denial.model_validate(line) for line in lines if line.get("record") == "denial"]
    links = [Link.model_validate(line) for line in lines if line.get("schema") == "UnknownLink"]
    parties = [
        Party.model_validate(line)
        for line in lines
        if line.get("schema") != "UnknownLink" and "record" not in line
    ]
    assert (len(parties), len(items), len(links), len(denials)) == (4, 1, 2, 1)
    assert {line.get("schema") for line in lines} >= {"Company", "Organization", "UnknownLink"}
    assert all(line["provenance"] for line in lines)
    assert "1 cables read, 8 facts written, 0 unreadable" in stderr


def test_ids_are_the_same_on_every_run() -> None:
    first, second = _run(str(SEED))[1], _run(str(SEED))[1]
    assert first == second


def test_table_format_cites_paragraph_portion_and_marking() -> None:
    code, stdout, _ = _run("--format", "table", str(SEED))
    assert code == 0
    assert "Shahid Hemmat Industrial Group" in stdout
    assert "¶5.1 (S REL SPAIN)" in stdout
    assert "front_for" in stdout
    assert "denial" in stdout and "denied by ES, 2007-01; to IR" in stdout


def test_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "facts.jsonl"
    code, stdout, _ = _run(str(SEED), "--out", str(target))
    assert code == 0 and stdout == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 8
    assert [p.name for p in tmp_path.iterdir()] == ["facts.jsonl"]  # no partial file left


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _run(str(tmp_path / "nothing.txt"))
    assert code == 2
    assert "does not exist" in stderr


def test_an_unreadable_cable_is_reported_and_the_rest_written() -> None:
    code, stdout, stderr = _run(str(FIXTURES / "two_cables.csv"), str(SEED))
    assert code == 1
    assert "error" in stderr and "two_cables.csv:row 2" in stderr and "expected 8 fields" in stderr
    cables = {line["provenance"][0]["cable"] for line in map(json.loads, stdout.splitlines())}
    assert cables == {"06STATE77120", "09STATE29395"}
    assert "2 cables read" in stderr and "1 unreadable" in stderr


def test_lists_adds_the_names_of_the_loaded_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    cable = tmp_path / "09STATE1.txt"
    cable.write_text(
        SEED.read_text(encoding="utf-8").replace("09STATE29395", "09STATE1", 1)
        + "\n¶8. (S) Sepanir was named as the consignee.\n",
        encoding="utf-8",
    )
    without = _run(str(cable))[1]
    code, with_lists, stderr = _run("--lists", str(cable))
    assert code == 0, stderr
    assert "Sepanir" not in without
    assert '"name":["Sepanir"]' in with_lists
