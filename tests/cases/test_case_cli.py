"""The case, denials and audit commands end to end, on both store backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import update
from typer.testing import CliRunner

from interdict.cli import app
from interdict.store.engine import open_store
from interdict.store.schema import audit_log, cases
from interdict.store.url import parse_url

runner = CliRunner()
GOLDEN = Path(__file__).parents[2] / "examples" / "cases" / "fs1-ardalan.yaml"


@pytest.fixture
def golden_store(
    store_url: str, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> str:
    """The seed cable ingested, with the bundled starter list, on each backend."""
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    result = runner.invoke(app, ["intel", "ingest", str(seed_path), "--db", store_url])
    assert result.exit_code == 0, result.output
    return store_url


def _assess(path: Path, db: str, *extra: str) -> dict[str, object]:
    result = runner.invoke(app, ["case", "assess", str(path), "--json", "--db", db, *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_golden_case_is_prohibited_and_denied_with_every_citation(golden_store: str) -> None:
    out = _assess(GOLDEN, golden_store)
    assert out["outcome"] == "prohibited"
    assert out["recommendation"] == "deny"
    assert {
        "outcome",
        "determinations",
        "recommendation",
        "reasons",
        "findings",
        "case",
        "assessed_at",
        "inputs",
    } <= set(out)
    findings = out["findings"]
    linked = next(f for f in findings if f["kind"] == "linked_party")
    paragraphs = {e["paragraph"] for e in linked["evidence"] if e["source"] == "cable"}
    assert {"3", "5"} <= paragraphs
    assert "front_for" in [s["role"] for s in linked["chain"]]
    listing = next(e for e in linked["evidence"] if e["source"] == "list")
    assert "IRe.067" in listing["listings"][0]["reference"]
    assert "United Nations Security Council" in listing["listings"][0]["authority"]
    item = next(f for f in findings if f["kind"] == "controlled_item" and "2B201" in f["summary"])
    assert "Nuclear Suppliers Group" in item["summary"]
    rules = " ".join(
        e["instrument"] for f in findings for e in f["evidence"] if e["source"] == "rule"
    )
    assert "1737" in rules and "1803" in rules and "267/2012" in rules
    flags = {f["flag"] for f in findings if f["kind"] == "red_flag"}
    assert {"transit_consignee", "intermediary"} <= flags
    prior = next(f for f in findings if f["kind"] == "prior_denial")
    assert "ES" in prior["summary"] and "2007-01" in prior["summary"]
    assert "licensing authority itself (ES)" in prior["summary"]
    assert {e["paragraph"] for e in prior["evidence"] if e["source"] == "cable"} == {"2", "5"}
    route = next(f for f in findings if "reports this route" in f["summary"])
    assert "Ak Makina supplies Ardalan Machineries Company" in route["summary"]
    assert out["determinations"][0]["jurisdiction"] == "EU"
    assert out["inputs"]["knowledge_base"].endswith("1 cable(s)")


def test_saving_versions_deciding_and_the_audit_trail(golden_store: str) -> None:
    first = _assess(GOLDEN, golden_store, "--save")
    second = _assess(GOLDEN, golden_store, "--save")
    assert (first["case"]["version"], second["case"]["version"]) == (1, 2)
    listed = runner.invoke(app, ["case", "list", "--json", "--db", golden_store])
    rows = json.loads(listed.stdout)["cases"]
    assert [(r["reference"], r["versions"], r["recommendation"]) for r in rows] == [
        ("ES-2009-0042", 2, "deny")
    ]
    decided = runner.invoke(
        app,
        [
            "case",
            "decide",
            "ES-2009-0042",
            "--decision",
            "deny",
            "--reason",
            "Front for SHIG.",
            "--db",
            golden_store,
        ],
    )
    assert decided.exit_code == 0, decided.output
    shown = json.loads(
        runner.invoke(app, ["case", "show", "ES-2009-0042", "--json", "--db", golden_store]).stdout
    )
    assert [v["version"] for v in shown["versions"]] == [1, 2]
    assert shown["decisions"][0]["decision"] == "deny" and shown["decisions"][0]["version"] == 2
    verify = runner.invoke(app, ["audit", "verify", "--db", golden_store])
    assert verify.exit_code == 0 and "3 record(s)" in verify.output
    store = open_store(parse_url(golden_store, "--db"), create=False)
    with store.begin() as connection:
        connection.execute(update(audit_log).where(audit_log.c.seq == 2).values(actor="os:mallory"))
    store.engine.dispose()
    broken = runner.invoke(app, ["audit", "verify", "--db", golden_store])
    assert broken.exit_code == 1
    assert "record 2" in broken.output and "does not match its hash" in broken.output


def test_an_unknown_case_is_named(golden_store: str) -> None:
    result = runner.invoke(app, ["case", "show", "XX-1", "--db", golden_store])
    assert result.exit_code == 2 and "no case 'XX-1'" in result.output


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("parties: [{role: buyer, name: X}]", "parties[0].role"),
        ("parties: [{role: end_user, name: X, country: XX}]", "parties[0].country"),
        ("parties: [{role: end_user, name: X}]\nitem: ../nowhere.yaml", "item"),
        ("parties: [{role: end_user, name: X}]\nitem: null", "item"),
    ],
)
def test_a_bad_case_file_is_refused_with_the_field_and_nothing_saved(
    golden_store: str, tmp_path: Path, text: str, field: str
) -> None:
    path = tmp_path / "cases" / "bad.yaml"
    path.parent.mkdir()
    base = "exporter: {name: A, country: ES}\ndestination: TR\n"
    if "item:" not in text:
        base += f"item: {GOLDEN.parents[1] / 'items' / 'fs1.yaml'}\n"
    path.write_text(base + text + "\n", encoding="utf-8")
    result = runner.invoke(app, ["case", "assess", str(path), "--save", "--db", golden_store])
    assert result.exit_code == 2
    assert f": {field}:" in result.output
    store = open_store(parse_url(golden_store, "--db"), create=False)
    with store.read() as connection:
        assert connection.execute(cases.select()).first() is None
    store.engine.dispose()


def test_denials_import_keeps_good_rows_and_names_bad_ones(
    golden_store: str, tmp_path: Path
) -> None:
    path = tmp_path / "denials.csv"
    path.write_text(
        "authority,date,entries,item,destination,end_user,reason,source,marking\n"
        "DE,2025-03,2B001,five-axis milling machine,IR,,missile end use,BAFA notice 1,\n"
        "FR,2025-13,,lathe,IR,,,notice 2,\n"
        "UK,2024,,lathe,IR,,,notice 3,\n"
        "IT,2024-06,,grinder,CN,,,notice 4,CONFIDENTIAL\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["denials", "import", str(path), "--db", golden_store])
    assert result.exit_code == 1
    assert "line 3: date:" in result.output and "line 4: authority:" in result.output
    assert "2 added" in result.output
    again = runner.invoke(app, ["denials", "import", str(path), "--db", golden_store])
    assert "0 added, 2 already registered" in again.output
    listed = json.loads(
        runner.invoke(app, ["denials", "list", "--json", "--db", golden_store]).stdout
    )
    listed = listed["denials"]
    origins = sorted(e["origin"] for e in listed)
    assert origins == ["cable", "import", "import"]
    assert next(e for e in listed if e["authority"] == "IT")["marking"]["level"] == "C"
    out = _assess(GOLDEN, golden_store)
    german = next(
        f for f in out["findings"] if f["kind"] == "prior_denial" and "DE denied" in f["summary"]
    )
    assert "must consult DE" in german["summary"]


def test_a_clean_case_proceeds(golden_store: str, tmp_path: Path) -> None:
    path = tmp_path / "clean.yaml"
    path.write_text(
        "exporter: {name: Tornos Ibericos S.L., country: ES}\n"
        "parties: [{role: [consignee, end_user], name: Yamada Seiki, country: JP}]\n"
        "item: {name: manual bench lathe, parameters: {item_type: equipment,"
        " component_kind: machine_tool, machining_functions: [turning],"
        " numerical_control: false, industrial_machinery: true}}\n"
        "destination: JP\nend_use: Maintenance workshop for agricultural machinery\n"
        "subject_to_ear: false\n",
        encoding="utf-8",
    )
    out = _assess(path, golden_store)
    assert out["recommendation"] == "proceed", [f["summary"] for f in out["findings"]]
    assert out["outcome"] == "no_licence_required"
    assert not [f for f in out["findings"] if f["severity"] != "info"]
    assert out["case"]["reference"].startswith("ES-")


def test_a_report_is_written_beside_the_assessment(golden_store: str, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    _assess(GOLDEN, golden_store, "--report", str(target))
    page = target.read_text(encoding="utf-8").lower()
    assert "prohibited" in page and "deny" in page and "ardalan" in page
