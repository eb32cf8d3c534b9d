"""``interdict cables parse|stats`` and ``interdict demo``, end to end.

Each behaviour is checked in process through Typer's ``CliRunner`` (fast,
exact exit codes and streams) and the ones a user or a pipeline relies on
are also run as real subprocesses, through ``python -m interdict.cli`` and
through the installed ``interdict`` script, so that entry points, process
pools and stream handling are exercised as they are in production.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from interdict.cables import pipeline
from interdict.cables.record import Cable
from interdict.cables.stats import FIELDS
from interdict.cli import app

VARIANTS = Path(__file__).parent / "fixtures" / "variants"
ROUNDTRIP = Path(__file__).parent / "fixtures" / "roundtrip"
DE_MISMATCH = VARIANTS / "09STATE23000.txt"  # clean but for one "de" warning
CLEAN = VARIANTS / "bare_madrid.txt"  # no warnings at all

#: Keys every output object must carry (the contract of ``interdict.cables.record.Cable``).
CONTRACT_KEYS = {
    "reference_id",
    "origin",
    "classification",
    "created",
    "transmission_id",
    "precedence",
    "dtg",
    "de",
    "security_line",
    "from",
    "to",
    "info",
    "captions",
    "caveats",
    "eo",
    "tags",
    "references",
    "subject",
    "summary",
    "classified_by",
    "paragraphs",
    "signers",
    "warnings",
}

INSTALLED_SCRIPT = Path(sys.executable).parent / "interdict"


@pytest.fixture(scope="module")
def seed() -> Iterator[Path]:
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        yield path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def jsonl(text: str) -> list[dict[str, Any]]:
    lines = text.splitlines()
    assert all(line.strip() for line in lines), "blank line in JSONL output"
    return [json.loads(line) for line in lines]


def unboxed(text: str) -> str:
    """Typer prints usage errors in a Rich box that wraps long messages; read it as one line."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


def csv_field(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def csv_row(number: int, *, serial: int | None = None) -> str:
    """One Cablegate CSV row; ``serial`` different from ``number`` makes a DE warning."""
    de_serial = number if serial is None else serial
    header = "\n".join(
        [
            f"VZCZCXYZ{number % 10000:04d}",
            "RR RUEHWEB",
            f"DE RUEHC #{de_serial % 10000:04d} 0852103",
            "ZNY CCCCC ZZH",
            "R 262046Z MAR 09",
            "FM SECSTATE WASHDC",
            "TO AMEMBASSY MADRID 0000",
        ]
    )
    body = (
        f"C O N F I D E N T I A L STATE {number:06d}\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 03/26/2019\nTAGS: PARM ETTC SP\n"
        f'SUBJECT: ROW {number} AND A "QUOTED" WORD\n\n'
        f"1. (C) Paragraph one of cable {number}.\n\n2. (U) Paragraph two.\nCLINTON"
    )
    fields = [
        str(number),
        "3/26/2009 20:46",
        f"09STATE{number}",
        "Secretary of State",
        "CONFIDENTIAL",
        "",
        header,
        body,
    ]
    return ",".join(csv_field(f) for f in fields) + "\n"


CORRUPT_ROW = '"999","3/26/2009 20:46","09STATE999"\n'


@pytest.fixture
def corrupt_csv(tmp_path: Path) -> Path:
    path = tmp_path / "cables.csv"
    path.write_text(csv_row(101) + CORRUPT_ROW + csv_row(102), encoding="utf-8")
    return path


@pytest.fixture
def many_csv(tmp_path: Path) -> Path:
    """150 cables (more than two chunks of work per worker), some warned, one corrupt."""
    rows = []
    for number in range(1000, 1150):
        rows.append(csv_row(number, serial=number + 1 if number % 17 == 0 else None))
        if number == 1075:
            rows.append(CORRUPT_ROW)
    path = tmp_path / "many.csv"
    path.write_text("".join(rows), encoding="utf-8")
    return path


def run(*args: str | Path, script: bool = False) -> subprocess.CompletedProcess[str]:
    command = [str(INSTALLED_SCRIPT)] if script else [sys.executable, "-m", "interdict.cli"]
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    return subprocess.run(
        [*command, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


# -- cables parse: JSONL -------------------------------------------------------------------


def test_parse_jsonl_seed(runner: CliRunner, seed: Path) -> None:
    result = runner.invoke(app, ["cables", "parse", str(seed)])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert len(records) == 1
    record = records[0]
    assert record.keys() >= CONTRACT_KEYS
    assert set(record) == {field.alias or name for name, field in Cable.model_fields.items()}
    assert record["reference_id"] == "09STATE29395"
    assert record["created"] == "2009-03-26T20:46:00Z"
    assert record["from"]["address"] == "SECSTATE WASHDC"
    assert record["warnings"] == []
    # The record on the wire is the record of the Python API.
    assert Cable.model_validate(record).reference_id == "09STATE29395"
    assert "1 records written, 0 with warnings, 0 unreadable" in result.stderr


def test_parse_jsonl_has_one_object_per_line_for_many_cables(runner: CliRunner, seed: Path) -> None:
    paths = [seed, ROUNDTRIP / "09BERLIN1500.csv", ROUNDTRIP / "09BERLIN1500.html", CLEAN]
    result = runner.invoke(app, ["cables", "parse", *map(str, paths)])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    assert [r["reference_id"] for r in records] == [
        "09STATE29395",
        "09BERLIN1500",
        "09BERLIN1500",
        "08MADRID979",
    ]
    assert [r["form"] for r in records] == ["plain", "csv", "html", "bare"]
    for record in records:
        assert record.keys() >= CONTRACT_KEYS


def test_parse_subprocess_module_and_script(seed: Path) -> None:
    for script in (False, True):
        if script and not INSTALLED_SCRIPT.exists():
            pytest.skip(f"no installed script at {INSTALLED_SCRIPT}")
        done = run("cables", "parse", seed, script=script)
        assert done.returncode == 0, done.stderr
        (record,) = jsonl(done.stdout)
        assert record.keys() >= CONTRACT_KEYS
        assert record["reference_id"] == "09STATE29395"
        assert record["signers"] == ["CLINTON"]


def test_parse_out_option_writes_the_file(runner: CliRunner, seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["cables", "parse", str(seed), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    (record,) = jsonl(out.read_text(encoding="utf-8"))
    assert record["reference_id"] == "09STATE29395"


# -- cables parse: JSON array ----------------------------------------------------------------


def test_parse_json_array(runner: CliRunner, seed: Path) -> None:
    result = runner.invoke(app, ["cables", "parse", "--format", "json", str(seed), str(CLEAN)])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert isinstance(records, list)
    assert [r["reference_id"] for r in records] == ["09STATE29395", "08MADRID979"]
    for record in records:
        assert record.keys() >= CONTRACT_KEYS


def test_parse_json_array_is_empty_without_records(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["cables", "parse", "-f", "json", str(empty)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_parse_json_array_stays_valid_when_every_record_is_bad(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(CORRUPT_ROW, encoding="utf-8")
    result = runner.invoke(app, ["cables", "parse", "-f", "json", str(bad)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []


def test_parse_json_subprocess(seed: Path) -> None:
    done = run("cables", "parse", "--format", "json", seed, ROUNDTRIP / "09BERLIN1500.html")
    assert done.returncode == 0, done.stderr
    records = json.loads(done.stdout)
    assert [r["reference_id"] for r in records] == ["09STATE29395", "09BERLIN1500"]


# -- directory input -----------------------------------------------------------------------


def test_parse_directory(runner: CliRunner, seed: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "2009" / "10").mkdir(parents=True)
    shutil.copy(seed, corpus / "09STATE29395.txt")
    shutil.copy(ROUNDTRIP / "09BERLIN1500.html", corpus / "2009" / "10" / "09BERLIN1500.html")
    shutil.copy(CLEAN, corpus / "bare_madrid.txt")
    (corpus / "style.css").write_text("body { color: red }\n", encoding="utf-8")
    (corpus / ".hidden.txt").write_text("not a cable\n", encoding="utf-8")

    result = runner.invoke(app, ["cables", "parse", str(corpus)])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    # Sorted walk: "09STATE29395.txt" < "2009/" < "bare_madrid.txt"; css and hidden skipped.
    assert [r["reference_id"] for r in records] == ["09STATE29395", "09BERLIN1500", "08MADRID979"]
    assert records[1]["source"] == f"{corpus / '2009' / '10' / '09BERLIN1500.html'}:1"


def test_parse_directory_subprocess() -> None:
    done = run("cables", "parse", ROUNDTRIP)
    assert done.returncode == 0, done.stderr
    records = jsonl(done.stdout)
    assert [r["form"] for r in records] == ["csv", "html"]


# -- bad records ---------------------------------------------------------------------------


def test_bad_record_is_reported_and_good_ones_written(runner: CliRunner, corrupt_csv: Path) -> None:
    result = runner.invoke(app, ["cables", "parse", str(corrupt_csv)])
    assert result.exit_code == 1
    records = jsonl(result.stdout)
    assert [r["reference_id"] for r in records] == ["09STATE101", "09STATE102"]
    corrupt_line = 1 + csv_row(101).count("\n")
    assert f"error {corrupt_csv}:row 2 (line {corrupt_line}): expected 8 fields" in result.stderr
    assert "2 records written, 0 with warnings, 1 unreadable" in result.stderr


def test_bad_record_subprocess(corrupt_csv: Path) -> None:
    done = run("cables", "parse", corrupt_csv)
    assert done.returncode == 1
    assert len(jsonl(done.stdout)) == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("error ")]
    assert errors == [
        f"error {corrupt_csv}:row 2 (line {1 + csv_row(101).count(chr(10))}): "
        "expected 8 fields, found 3"
    ]


def test_diagnostics_are_one_line_each_however_long(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["a-rather-long-directory-name"] * 4)
    deep.mkdir(parents=True)
    target = deep / "cables.csv"
    target.write_text(CORRUPT_ROW, encoding="utf-8")
    done = run("cables", "parse", target)
    assert done.returncode == 1
    assert len(str(target)) > 80
    assert f"error {target}:row 1 (line 1): expected 8 fields, found 3" in done.stderr.splitlines()


def test_diagnostics_quoting_markup_do_not_crash(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "odd[red].txt"
    odd.write_text(
        "VZCZCXYZ0006\nPP RUEHWEB\n[/bold] GARBLED [red] LINE\nDE RUEHC #9395 0852103\n"
        "S E C R E T STATE 029395\n\n1. (S) Text.\nCLINTON\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["cables", "parse", str(odd)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 0, result.output
    assert "[/bold] GARBLED [red] LINE" in result.stderr
    assert str(odd) in result.stderr


# -- --strict --------------------------------------------------------------------------------


def test_strict_fails_on_a_warning(runner: CliRunner) -> None:
    relaxed = runner.invoke(app, ["cables", "parse", str(DE_MISMATCH)])
    assert relaxed.exit_code == 0, relaxed.output
    assert "warning" in relaxed.stderr
    assert "de: DE serial #3100 does not match message number 023000" in relaxed.stderr

    strict = runner.invoke(app, ["cables", "parse", "--strict", str(DE_MISMATCH)])
    assert strict.exit_code == 1
    # The record is still written: --strict changes the verdict, not the output.
    (record,) = jsonl(strict.stdout)
    assert record["warnings"][0]["field"] == "de"


def test_strict_passes_without_warnings(runner: CliRunner, seed: Path) -> None:
    result = runner.invoke(app, ["cables", "parse", "--strict", str(seed), str(CLEAN)])
    assert result.exit_code == 0, result.output


def test_quiet_hides_warnings_but_not_the_summary(runner: CliRunner) -> None:
    result = runner.invoke(app, ["cables", "parse", "--quiet", str(DE_MISMATCH)])
    assert result.exit_code == 0
    assert "does not match" not in result.stderr
    assert "1 records written, 1 with warnings, 0 unreadable" in result.stderr


def test_strict_subprocess() -> None:
    assert run("cables", "parse", DE_MISMATCH).returncode == 0
    assert run("cables", "parse", "--strict", DE_MISMATCH).returncode == 1


# -- usage errors ----------------------------------------------------------------------------


def test_nonexistent_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.csv"
    result = runner.invoke(app, ["cables", "parse", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Usage:" in result.stderr
    assert "does not exist" in unboxed(result.stderr)


def test_nonexistent_path_subprocess(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-file.csv"
    done = run("cables", "parse", missing)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Usage:" in done.stderr
    assert "does not exist" in unboxed(done.stderr)
    assert "Traceback" not in done.stderr


def test_workers_must_be_positive(runner: CliRunner, seed: Path) -> None:
    result = runner.invoke(app, ["cables", "parse", "--workers", "0", str(seed)])
    assert result.exit_code == 2


# -- --workers --------------------------------------------------------------------------------


def test_workers_give_byte_identical_output_subprocess(many_csv: Path) -> None:
    one = run("cables", "parse", "--workers", "1", many_csv)
    two = run("cables", "parse", "--workers", "2", many_csv)
    assert one.returncode == two.returncode == 1  # one corrupt row
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    records = jsonl(one.stdout)
    assert len(records) == 150
    assert [r["reference_id"] for r in records] == [f"09STATE{n}" for n in range(1000, 1150)]
    warned = [r["reference_id"] for r in records if r["warnings"]]
    assert warned == [f"09STATE{n}" for n in range(1000, 1150) if n % 17 == 0]


def test_workers_json_format_is_identical(runner: CliRunner, many_csv: Path) -> None:
    outputs = []
    for workers in ("1", "2"):
        result = runner.invoke(
            app, ["cables", "parse", "-f", "json", "-w", workers, "--quiet", str(many_csv)]
        )
        assert result.exit_code == 1
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])) == 150


def test_workers_keep_order_across_small_chunks(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With chunks of two rows, nine records travel in five chunks and must come back in order."""
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    rows = [csv_row(n) for n in range(201, 209)]
    rows.insert(5, CORRUPT_ROW)
    path = tmp_path / "small.csv"
    path.write_text("".join(rows), encoding="utf-8")
    single = runner.invoke(app, ["cables", "parse", "-w", "1", str(path)])
    pooled = runner.invoke(app, ["cables", "parse", "-w", "3", str(path)])
    assert single.exit_code == pooled.exit_code == 1
    assert single.stdout == pooled.stdout
    assert single.stderr == pooled.stderr
    assert [r["reference_id"] for r in jsonl(pooled.stdout)] == [
        f"09STATE{n}" for n in range(201, 209)
    ]


# -- cables stats ------------------------------------------------------------------------------


def test_stats_json(runner: CliRunner, seed: Path, corrupt_csv: Path) -> None:
    result = runner.invoke(
        app, ["cables", "stats", "--json", str(seed), str(DE_MISMATCH), str(corrupt_csv)]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["records"] == 4
    assert figures["bad_records"] == 1
    assert figures["records_with_warnings"] == 1
    assert set(figures["fields"]) == set(FIELDS)
    assert figures["fields"]["reference_id"] == 4
    assert figures["fields"]["dtg"] == 4
    assert figures["fields"]["references"] == 1  # only the seed has a REF line
    assert figures["fields"]["xmt"] == 0
    assert figures["warnings_by_field"] == {"de": 1}
    lines = figures["header_lines"]
    assert 0 < lines["understood"] <= lines["total"]
    assert lines["total"] >= 8  # at least the seed's eight header lines
    (example,) = figures["bad_examples"]
    assert example["source"].startswith(f"{corrupt_csv}:row 2 ")
    assert "expected 8 fields" in example["reason"]


def test_stats_table(runner: CliRunner, seed: Path, corrupt_csv: Path) -> None:
    result = runner.invoke(app, ["cables", "stats", str(seed), str(DE_MISMATCH), str(corrupt_csv)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "4 records, 1 unreadable" in out
    for name in FIELDS:
        assert re.search(rf"\b{name}\b", out), name
    de_row = next(line for line in out.splitlines() if re.search(r"\bde\b", line))
    assert re.search(r"\b4\b.*100\.0%.*\b1\b", de_row), de_row
    assert "records with warnings: 1" in out
    assert f"unreadable: {corrupt_csv}:row 2" in out


def test_stats_subprocess_matches_parse(many_csv: Path) -> None:
    stats = run("cables", "stats", "--json", "-w", "2", many_csv)
    assert stats.returncode == 0, stats.stderr
    figures = json.loads(stats.stdout)
    warned = len([n for n in range(1000, 1150) if n % 17 == 0])
    assert figures["records"] == 150
    assert figures["bad_records"] == 1
    assert figures["records_with_warnings"] == warned
    assert figures["warnings_by_field"] == {"de": warned}
    assert figures["fields"]["paragraphs"] == 150


# -- demo ----------------------------------------------------------------------------------------


@pytest.fixture
def demo_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo stores the seed's facts: in a home of its own, not the developer's."""
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    return tmp_path / "home"


def test_demo(runner: CliRunner, demo_home: Path) -> None:
    result = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "09STATE29395" in result.stdout
    assert "CLINTON" in result.stdout
    # The golden scenario's gap, closed: Ardalan is flagged through the cable's own link.
    assert "Ardalan Machineries Company is flagged through the knowledge base:" in result.stdout
    assert (
        "Ardalan Machineries Company front_for Shahid Hemmat Industrial Group "
        "[09STATE29395 ¶3, ¶5]" in result.stdout
    )
    assert (demo_home / "interdict.sqlite").exists()
    again = runner.invoke(app, ["demo"], env={"COLUMNS": "200"})  # idempotent
    assert again.exit_code == 0 and again.stdout == result.stdout


def test_demo_subprocess(demo_home: Path) -> None:
    for script in (False, True):
        if script and not INSTALLED_SCRIPT.exists():
            pytest.skip(f"no installed script at {INSTALLED_SCRIPT}")
        done = run("demo", script=script)
        assert done.returncode == 0, done.stderr
        assert "09STATE29395" in done.stdout
        assert "Traceback" not in done.stderr
