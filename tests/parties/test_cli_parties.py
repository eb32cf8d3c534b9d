"""``interdict lists``, ``screen`` and ``compare`` end to end through the Typer app."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interdict.cli import app

SCREENING = Path(__file__).parent / "fixtures" / "screening"
MINI = SCREENING / "mini.ftm.json"
BAD = SCREENING / "bad.ftm.json"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def loaded(home: Path) -> Path:
    code, stdout, _ = _run("lists", "load", str(MINI), "--dataset", "mini")
    assert code == 0, stdout
    assert "loaded mini: 8 entities (6 screened" in stdout
    return home


def test_status_lists_loaded_datasets(loaded: Path) -> None:
    code, stdout, _ = _run("lists", "status", "--json")
    assert code == 0
    [info] = json.loads(stdout)
    assert (info["name"], info["entities"], info["format"]) == ("mini", 8, "ftm")
    code, stdout, _ = _run("lists", "status")
    assert code == 0 and "mini" in stdout


def test_a_corrupt_list_is_refused_with_its_records(home: Path) -> None:
    code, _, stderr = _run("lists", "load", str(BAD), "--dataset", "bad")
    assert code == 2
    assert "line 3: not valid JSON" in stderr
    assert "line 4" in stderr
    code, stdout, stderr = _run("lists", "load", str(BAD), "--dataset", "bad", "--skip-invalid")
    assert code == 0
    assert "2 skipped" in stdout
    assert "skipped line 3" in stderr


def test_wrong_arguments_are_named(home: Path) -> None:
    code, _, stderr = _run("lists", "load", str(MINI), "--dataset", "x", "--format", "xml")
    assert code == 2 and "--format: unknown format 'xml'" in stderr
    code, _, stderr = _run("lists", "load", str(MINI), "--dataset", "Bad Name")
    assert code == 2 and "invalid dataset name 'Bad Name'" in stderr
    code, _, stderr = _run("lists", "remove", "nothing")
    assert code == 2 and "no dataset named 'nothing'" in stderr


def test_remove(loaded: Path) -> None:
    code, stdout, _ = _run("lists", "remove", "mini")
    assert code == 0 and "removed mini" in stdout
    assert json.loads(_run("lists", "status", "--json")[1]) == []


def test_screen_json_explains_the_match(loaded: Path) -> None:
    code, stdout, _ = _run("screen", "Shahid Hemat Industries Group", "--json", "--country", "IR")
    assert code == 0
    payload = json.loads(stdout)
    assert payload["query"]["countries"] == ["ir"]
    top = payload["matches"][0]
    assert top["entity_id"] == "mini-shig"
    assert top["explanation"]["adjustments"][0]["feature"] == "country"
    assert {p["how"] for p in top["explanation"]["name"]["pairs"]} >= {"exact", "spelling"}


def test_screen_table_and_no_match(loaded: Path) -> None:
    code, stdout, _ = _run("screen", "SHIG", "--limit", "1")
    assert code == 0 and "mini-shig" in stdout
    code, stdout, _ = _run("screen", "Completely Unrelated Words")
    assert code == 0 and "no match" in stdout


def test_a_bad_qualifier_is_ignored_with_a_warning_and_the_name_still_screened(
    loaded: Path,
) -> None:
    code, stdout, stderr = _run("screen", "SHIG", "--country", "Atlantis", "--limit", "1")
    assert code == 0 and "mini-shig" in stdout
    assert "country: unknown country 'Atlantis'" in stderr and "ignored" in stderr
    code, stdout, stderr = _run("screen", "SHIG", "--schema", "Ship", "--json")
    assert code == 0 and "schema: unknown schema 'Ship'" in stderr
    shown = json.loads(stdout)
    assert shown["query"]["schema"] == "LegalEntity" and shown["matches"]
    assert shown["warnings"][0].startswith("schema: unknown schema 'Ship'")
    code, _, stderr = _run("screen", "SHIG", "--birth-date", "1948-13-16")
    assert code == 0 and "birth_date: '1948-13-16' is not a date" in stderr


def test_screen_bad_input(loaded: Path) -> None:
    code, _, stderr = _run("screen", " ")
    assert code == 2 and "name: a non-empty name is required" in stderr
    code, _, stderr = _run("screen", "x", "--dataset", "nope")
    assert code == 2 and "no dataset named 'nope'" in stderr
    code, _, stderr = _run("screen")
    assert code == 2 and "give either a NAME or --batch FILE" in stderr
    code, _, _ = _run("screen", "x", "--threshold", "1.5")
    assert code == 2


def test_batch_screens_every_good_row_and_reports_bad_ones(loaded: Path, tmp_path: Path) -> None:
    rows = tmp_path / "parties.csv"
    rows.write_text(
        "id,name,schema,country,birth_date\n"
        "1,Shahid Hemmat Industrial Group,Organization,IR,\n"
        "2,Nobody In Particular,,,\n"
        "3,SHIG,,Atlantis,\n"
        "4,,,,\n"
        "5,Mohammad Hosseini,Person,,1960\n"
        "6,Mohammad Hosseini,Person,,1948-13-16\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    code, stdout, stderr = _run("screen", "--batch", str(rows), "--out", str(out))
    assert code == 1
    assert "screened 5 rows, 1 bad" in stdout
    assert "line 4 (id 3): country: unknown country 'Atlantis'" in stderr
    assert "line 5 (id 4): name:" in stderr
    assert "line 7 (id 6): birth_date: '1948-13-16' is not a date" in stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["1", "2", "3", "4", "5", "6"]
    assert lines[0]["matches"][0]["entity_id"] == "mini-shig"
    assert lines[1]["matches"] == []
    assert lines[2]["matches"][0]["entity_id"] == "mini-shig"
    assert "ignored, screened without it" in lines[2]["warnings"][0]
    assert "error" in lines[3]
    assert lines[4]["matches"][0]["entity_id"] == "mini-person"
    assert lines[5]["matches"][0]["entity_id"] == "mini-person"
    assert lines[5]["warnings"][0].startswith("birth_date:")
    assert not out.with_name("out.jsonl.partial").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_batch_reads_json_lines(loaded: Path, tmp_path: Path) -> None:
    rows = tmp_path / "parties.jsonl"
    rows.write_text('{"id": "a", "name": "SHIG"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, stderr = _run("screen", "--batch", str(rows), "--out", str(out))
    assert code == 1 and "line 2: not JSON" in stderr
    first = json.loads(out.read_text().splitlines()[0])
    assert first["matches"][0]["entity_id"] == "mini-shig"


def test_batch_needs_an_output_file(loaded: Path, tmp_path: Path) -> None:
    code, _, stderr = _run("screen", "--batch", str(MINI))
    assert code == 2 and "--out FILE.jsonl is required" in stderr


def test_compare_explains(home: Path) -> None:
    code, stdout, _ = _run("compare", "SHIG", "Shahid Hemmat Industrial Group", "--json")
    assert code == 0
    payload = json.loads(stdout)
    assert payload["score"] == 0.8
    assert payload["explanation"]["name"]["method"] == "acronym"
    code, stdout, _ = _run("compare", "Ardalan Machineries Co.", "ARDALAN MACHINERIES COMPANY")
    assert code == 0
    assert "1.00 (match" in stdout and "legal forms ignored: company" in stdout
    code, _, stderr = _run("compare", "a", "b", "--schema", "Ship")
    assert code == 2 and "unknown schema" in stderr


def test_compare_pairs_adds_a_score(home: Path, tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,schema\n"
        "Hemmat Shahid,Shahid Hemmat,Organization\n"
        "Golden Star Trading,Silver Star Trading,\n"
        "x,y,Ship\n",
        encoding="utf-8",
    )
    out = tmp_path / "scored.csv"
    code, _, stderr = _run("compare", "--pairs", str(pairs), "--out", str(out))
    assert code == 1 and "line 4: schema: unknown schema 'Ship'" in stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["score"] for r in rows[:1]] == ["1.0000"]
    assert float(rows[1]["score"]) < 0.7
    assert rows[2]["explanation"].startswith("error:")
