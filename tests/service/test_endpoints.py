"""Interdict's own endpoints on a live server: roles, access control, errors that name the field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from live import serving
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()
ROOT = Path(__file__).parents[2]
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"
USERS = {
    "es-officer": ("S", "ES", "officer"),
    "us-analyst": ("S", "US", "analyst"),
    "auditor": ("U", "US", "auditor"),
}


def golden_case() -> dict[str, object]:
    case = yaml.safe_load((ROOT / "examples" / "cases" / "fs1-ardalan.yaml").read_text())
    case["item"] = yaml.safe_load((ROOT / "examples" / "items" / "fs1.yaml").read_text())
    return case


@pytest.fixture
def api(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, dict[str, dict[str, str]]]]:
    home = tmp_path / "home"
    monkeypatch.setenv("INTERDICT_HOME", str(home))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    assert runner.invoke(app, ["intel", "ingest", str(SEED), "--db", store_url]).exit_code == 0
    headers = {}
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
        key = (
            runner.invoke(app, ["users", "token", name, "--db", store_url])
            .stdout.strip()
            .splitlines()[-1]
        )
        headers[name] = {"Authorization": f"Bearer {key}"}
    with serving(home, store_url) as base:
        yield base, headers


def test_the_golden_case_over_http_as_the_spanish_officer(
    api: tuple[str, dict[str, dict[str, str]]],
) -> None:
    base, headers = api
    es = headers["es-officer"]
    reply = httpx.post(
        f"{base}/cases", json=golden_case(), params={"save": "true"}, headers=es, timeout=60
    )
    assert reply.status_code == 200, reply.text
    out = reply.json()
    assert (out["outcome"], out["recommendation"]) == ("prohibited", "deny")
    assert out["banner"] == "SECRET//REL TO USA, ESP" and out["case"]["version"] == 1
    cited = {
        e["paragraph"] for f in out["findings"] for e in f["evidence"] if e["source"] == "cable"
    }
    assert cited == {"5"}
    assert [c["reference"] for c in httpx.get(f"{base}/cases", headers=es).json()["cases"]] == [
        "ES-2009-0042"
    ]
    assert (
        httpx.get(f"{base}/cases/ES-2009-0042", headers=es).json()["assessment"]["outcome"]
        == "prohibited"
    )
    assert httpx.get(f"{base}/cases/NOPE", headers=es).status_code == 404
    alert = httpx.post(
        f"{base}/cases/ES-2009-0042/alert", json={"to": "ES"}, headers=es, timeout=60
    ).json()
    assert "Ak Makina" in alert["markdown"] and "09STATE29395 ¶5" in alert["markdown"]
    decided = httpx.post(
        f"{base}/cases/ES-2009-0042/decision",
        json={"decision": "deny", "reason": "Front for SHIG"},
        headers=es,
    )
    assert decided.status_code == 200 and decided.json()["decision"] == "deny"


def test_roles_and_visibility(api: tuple[str, dict[str, dict[str, str]]]) -> None:
    base, headers = api
    us = headers["us-analyst"]
    assert (
        httpx.post(
            f"{base}/cases", json=golden_case(), params={"save": "true"}, headers=us, timeout=60
        ).status_code
        == 200
    )
    decided = httpx.post(
        f"{base}/cases/ES-2009-0042/decision", json={"decision": "deny", "reason": "x"}, headers=us
    )
    assert decided.status_code == 403
    # the US analyst's version cites ¶2-¶4: for the Spanish officer it does not exist
    assert httpx.get(f"{base}/cases/ES-2009-0042", headers=headers["es-officer"]).status_code == 404
    assert httpx.get(f"{base}/audit", headers=us).status_code == 403
    trail = httpx.get(f"{base}/audit", headers=headers["auditor"]).json()["records"]
    assert any(r["action"] == "read" and r["actor"] == "us-analyst" for r in trail)


def test_malformed_bodies_name_the_field(api: tuple[str, dict[str, dict[str, str]]]) -> None:
    base, headers = api
    es = headers["es-officer"]
    bad = golden_case()
    bad["parties"] = [{"role": "buyer", "name": "X"}]
    reply = httpx.post(f"{base}/cases", json=bad, headers=es)
    assert reply.status_code == 422 and "parties[0].role" in reply.text
    assert (
        httpx.post(
            f"{base}/cases",
            content=b"{not json",
            headers={**es, "content-type": "application/json"},
        ).status_code
        == 422
    )
    reply = httpx.post(
        f"{base}/denials",
        json={"authority": "ES", "date": "2007-13", "item": "x", "source": "s"},
        headers=es,
    )
    assert reply.status_code == 422 and "date" in reply.text
    reply = httpx.post(
        f"{base}/determine",
        json={"item": {"name": "x", "parameters": {"nope": 1}}, "destination": "IR"},
        headers=es,
    )
    assert reply.status_code == 422 and "parameters" in reply.text
    assert (
        httpx.post(f"{base}/cases/ES-2009-0042/alert", json={"to": "XX"}, headers=es).status_code
        == 422
    )


def test_items_entities_and_denials(api: tuple[str, dict[str, dict[str, str]]]) -> None:
    base, headers = api
    es = headers["es-officer"]
    item = golden_case()["item"]
    classified = httpx.post(f"{base}/classify", json=item, headers=es).json()
    assert classified["status"] == "listed" and classified["entries"][0]["id"] == "2B201"
    determined = httpx.post(
        f"{base}/determine",
        json={"item": item, "destination": "TR", "final_destination": "IR"},
        headers=es,
    ).json()
    assert determined["determinations"][0]["outcome"] == "prohibited"
    entity = httpx.get(f"{base}/intel/entities/Ardalan Machineries", headers=es).json()
    assert entity["banner"] == "SECRET//REL TO USA, ESP"
    assert {p["paragraph"] for p in entity["provenance"]} == {"5"}
    graph = httpx.get(f"{base}/intel/entities/{entity['id']}/graph", headers=es)
    assert graph.headers["content-type"] == "image/svg+xml" and b"REL TO USA, ESP" in graph.content
    added = httpx.post(
        f"{base}/denials",
        json={
            "authority": "DE",
            "date": "2025-03",
            "item": "lathe",
            "source": "BAFA 1",
            "marking": "C//REL TO DEU, ESP",
        },
        headers=es,
    )
    assert added.status_code == 201, added.text
    assert added.json()["added"] is True, added.text
    denials = httpx.get(f"{base}/denials", headers=es).json()["denials"]
    assert {d["origin"] for d in denials} == {"cable", "manual"}
    hidden = httpx.post(
        f"{base}/denials",
        json={
            "authority": "DE",
            "date": "2025-04",
            "item": "mill",
            "source": "BAFA 2",
            "marking": "C",
        },
        headers=es,
    )
    assert hidden.status_code == 201  # registered, but German-eyes-only: not listed for Spain
    assert len(httpx.get(f"{base}/denials", headers=es).json()["denials"]) == len(denials)
