"""The golden scenario read by four users: what each sees, and what never reaches them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()
GOLDEN = Path(__file__).parents[2] / "examples" / "cases" / "fs1-ardalan.yaml"
SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"
USERS = {
    "us_analyst": ("S", "US", "analyst"),
    "us_officer": ("S", "US", "officer"),
    "es_officer": ("S", "ES", "officer"),
    "gb_officer": ("S", "GB", "officer"),
    "es_confidential": ("C", "ES", "officer"),
}


def paragraph_sentences(number: str) -> list[str]:
    """The sentences of one paragraph of the seed, long enough to be unmistakable."""
    text = SEED.read_text(encoding="utf-8")
    found = re.search(rf"¶{number}\. \(\w+\) (.*?)(?=\n¶|\Z)", text, re.S)
    assert found is not None
    body = " ".join(found.group(1).split())
    return [s for s in re.split(r"(?<=[.)])\s+(?=[A-Z])", body) if len(s) > 40]


HIDDEN_FROM_SPAIN = [s for n in "234" for s in paragraph_sentences(n)]
TALKING_POINTS = "acting as a false end-user in its dealings with Ak Makina"


def _sentence_in(sentence: str, output: str) -> bool:
    return " ".join(sentence.split()) in " ".join(output.split())


@pytest.fixture
def readers(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    result = runner.invoke(app, ["intel", "ingest", str(SEED), "--db", store_url])
    assert result.exit_code == 0, result.output
    for name, (clearance, country, role) in USERS.items():
        added = runner.invoke(
            app,
            [
                "users",
                "add",
                name,
                "--clearance",
                clearance,
                "--country",
                country,
                "--role",
                role,
                "--db",
                store_url,
            ],
        )
        assert added.exit_code == 0, added.output
    return store_url


def _run(db: str, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 0, result.output
    return result.stdout


def _everything(db: str, user: str) -> str:
    """Every output a user can ask for about the golden case, in text and JSON."""
    outputs = [
        _run(db, "case", "assess", str(GOLDEN), "--as", user),
        _run(db, "case", "assess", str(GOLDEN), "--json", "--as", user),
        _run(db, "cables", "show", "09STATE29395", "--json", "--as", user),
        _run(db, "cables", "search", "milling", "--json", "--as", user),
        _run(db, "cables", "search", "Ardalan", "--as", user),
        _run(db, "screen", "Ardalan Machineries Company", "--json", "--as", user),
        _run(db, "denials", "list", "--json", "--as", user),
    ]
    shown = runner.invoke(
        app, ["intel", "show", "Ardalan Machineries", "--json", "--as", user, "--db", db]
    )
    outputs.append(shown.stdout + shown.stderr)
    return "\n".join(outputs)


def test_the_spanish_officer_sees_the_talking_points_and_never_paragraphs_2_to_4(
    readers: str,
) -> None:
    out = json.loads(_run(readers, "case", "assess", str(GOLDEN), "--json", "--as", "es_officer"))
    assert out["reader"] == "es_officer"
    assert out["banner"] == "SECRET//REL TO USA, ESP"
    assert out["outcome"] == "prohibited" and out["recommendation"] == "deny"
    cited = {
        (e["cable"], e["paragraph"])
        for f in out["findings"]
        for e in f["evidence"]
        if e["source"] == "cable"
    }
    assert cited == {("09STATE29395", "5")}
    linked = next(f for f in out["findings"] if f["kind"] == "linked_party")
    assert "Ardalan" in linked["summary"] and "SHAHID HEMMAT" in linked["summary"]
    prior = next(f for f in out["findings"] if f["kind"] == "prior_denial")
    assert "2007-01" in prior["summary"]
    everything = _everything(readers, "es_officer")
    assert TALKING_POINTS in " ".join(everything.split())
    leaked = [s for s in HIDDEN_FROM_SPAIN if _sentence_in(s, everything)]
    assert leaked == []


def test_the_us_analyst_sees_every_paragraph(readers: str) -> None:
    out = json.loads(_run(readers, "case", "assess", str(GOLDEN), "--json", "--as", "us_analyst"))
    assert out["banner"] == "SECRET"
    cited = {
        e["paragraph"] for f in out["findings"] for e in f["evidence"] if e["source"] == "cable"
    }
    assert {"2", "3", "5"} <= cited
    cable = json.loads(
        _run(readers, "cables", "show", "09STATE29395", "--json", "--as", "us_analyst")
    )
    assert cable["body"] and cable["created"] and len(cable["paragraphs"]) == 8


@pytest.mark.parametrize("user", ["gb_officer", "es_confidential"])
def test_nothing_classified_reaches_a_reader_without_release_or_clearance(
    readers: str, user: str
) -> None:
    everything = _everything(readers, user)
    classified = [s for n in "2345" for s in paragraph_sentences(n)]
    assert [s for s in classified if _sentence_in(s, everything)] == []
    # The case file names Ak Makina; only the cables tie Ardalan to SHIG.
    assert "shahid hemmat" not in everything.lower() and "SHIG" not in everything
    out = json.loads(_run(readers, "case", "assess", str(GOLDEN), "--json", "--as", user))
    assert out["banner"] == "UNCLASSIFIED"
    assert not [
        f for f in out["findings"] if f["kind"] in ("linked_party", "prior_denial", "intelligence")
    ]
    # The Iran embargo on 2B201 is unclassified law: the outcome stands without the intelligence.
    assert out["outcome"] == "prohibited"
    shown = runner.invoke(app, ["intel", "show", "Ak Makina", "--as", user, "--db", readers])
    assert shown.exit_code == 2 and "no such entity" in shown.output


def test_the_local_operator_is_told_it_sees_everything(readers: str) -> None:
    out = json.loads(_run(readers, "case", "assess", str(GOLDEN), "--json"))
    assert out["reader"] == "local operator"
    text = _run(readers, "cables", "show", "09STATE29395")
    assert "local operator" in text


def test_reads_and_refusals_are_audited_and_only_auditors_list_them(readers: str) -> None:
    _run(readers, "cables", "show", "09STATE29395", "--as", "es_officer")
    refused = runner.invoke(app, ["audit", "list", "--as", "es_officer", "--db", readers])
    assert refused.exit_code == 2 and "auditor" in refused.output
    lines = [
        json.loads(line)
        for line in _run(readers, "audit", "list", "--user", "es_officer", "--json").splitlines()
    ]
    read = next(r for r in lines if r["action"] == "read")
    assert read["subject"] == "cables show"
    assert any("¶5.1 (S)" in p for p in read["detail"]["portions"])
    denied = next(r for r in lines if r["action"] == "refused")
    assert any("¶3.0" in p for p in denied["detail"]["portions"])
    assert "intact" in _run(readers, "audit", "verify")


def test_an_unknown_user_is_refused_and_never_falls_back_to_the_operator(readers: str) -> None:
    result = runner.invoke(
        app, ["cables", "show", "09STATE29395", "--as", "nobody", "--db", readers]
    )
    assert result.exit_code == 2 and "no user named 'nobody'" in result.output


def test_roles_decide_what_a_user_may_do(readers: str) -> None:
    _run(readers, "case", "assess", str(GOLDEN), "--save", "--as", "us_analyst")
    decided = runner.invoke(
        app,
        [
            "case",
            "decide",
            "ES-2009-0042",
            "--decision",
            "deny",
            "--reason",
            "x",
            "--as",
            "us_analyst",
            "--db",
            readers,
        ],
    )
    assert decided.exit_code == 2 and "officer role" in decided.output
    added = runner.invoke(
        app,
        [
            "users",
            "add",
            "x",
            "--clearance",
            "U",
            "--country",
            "FR",
            "--as",
            "es_officer",
            "--db",
            readers,
        ],
    )
    assert added.exit_code == 2 and "admin role" in added.output


def test_a_saved_version_is_shown_only_to_readers_who_may_see_all_it_cites(readers: str) -> None:
    _run(readers, "case", "assess", str(GOLDEN), "--save", "--as", "us_analyst")
    hidden = runner.invoke(
        app, ["case", "show", "ES-2009-0042", "--as", "es_officer", "--db", readers]
    )
    assert hidden.exit_code == 2 and "no case 'ES-2009-0042'" in hidden.output
    assert json.loads(_run(readers, "case", "list", "--json", "--as", "es_officer"))["cases"] == []
    _run(readers, "case", "assess", str(GOLDEN), "--save", "--as", "es_officer")
    shown = json.loads(
        _run(readers, "case", "show", "ES-2009-0042", "--json", "--as", "es_officer")
    )
    assert [v["version"] for v in shown["versions"]] == [2]
    assert shown["banner"] == "SECRET//REL TO USA, ESP"
    us = json.loads(_run(readers, "case", "show", "ES-2009-0042", "--json", "--as", "us_analyst"))
    assert [v["version"] for v in us["versions"]] == [1, 2]


def test_the_alert_for_spain_holds_only_what_spain_may_receive(
    readers: str, tmp_path: Path
) -> None:
    _run(readers, "case", "assess", str(GOLDEN), "--save", "--as", "us_officer")
    result = runner.invoke(
        app, ["case", "alert", "ES-2009-0042", "--to", "ES", "--as", "us_officer", "--db", readers]
    )
    assert result.exit_code == 0, result.output
    alert = result.stdout
    for name in ("Ak Makina", "Ardalan", "SHIG"):
        assert name in alert
    assert "09STATE29395 ¶5" in alert and "¶3" not in alert and "¶2" not in alert
    assert alert.startswith("SECRET//REL TO USA, ESP") and alert.rstrip().endswith(
        "SECRET//REL TO USA, ESP"
    )
    assert [s for s in HIDDEN_FROM_SPAIN if _sentence_in(s, alert)] == []
    assert "Action request" in alert and "at the earliest possible time" in alert
    assert "Note for the drafter" in result.stderr and "¶3" in result.stderr
    for suffix in ("md", "html", "pdf"):
        target = tmp_path / f"alert.{suffix}"
        written = runner.invoke(
            app,
            [
                "case",
                "alert",
                "ES-2009-0042",
                "--to",
                "ES",
                "--out",
                str(target),
                "--as",
                "es_officer",
                "--db",
                readers,
            ],
        )
        assert written.exit_code == 2  # the Spanish officer cannot see version 1, the US analyst's
        assert not target.exists()
    target = tmp_path / "alert.html"
    _run(readers, "case", "alert", "ES-2009-0042", "--to", "ES", "--out", str(target))
    assert "Ak Makina" in target.read_text(encoding="utf-8")


def test_an_analyst_cannot_draft_an_alert(readers: str) -> None:
    _run(readers, "case", "assess", str(GOLDEN), "--save")
    result = runner.invoke(
        app, ["case", "alert", "ES-2009-0042", "--to", "ES", "--as", "us_analyst", "--db", readers]
    )
    assert result.exit_code == 2 and "officer role" in result.output
