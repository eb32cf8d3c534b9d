"""An unchanged yente client (nomenklatura's YenteEnricher) gets SHIG back from Interdict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from live import serving
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()
SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"


@pytest.fixture
def service(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, str]]:
    """A live server on loopback over the seed's knowledge base and the bundled list, and a key."""
    home = tmp_path / "home"
    monkeypatch.setenv("INTERDICT_HOME", str(home))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    for args in (
        ["intel", "ingest", str(SEED)],
        ["users", "add", "es-officer", "--clearance", "S", "--country", "ES", "--role", "officer"],
    ):
        result = runner.invoke(app, [*args, "--db", store_url])
        assert result.exit_code == 0, result.output
    issued = runner.invoke(app, ["users", "token", "es-officer", "--db", store_url])
    key = issued.stdout.strip().splitlines()[-1]
    with serving(home, store_url) as base:
        yield base, key


def test_nomenklatura_yente_enricher_finds_shig(service: tuple[str, str], tmp_path: Path) -> None:
    from followthemoney import Dataset, StatementEntity
    from nomenklatura.cache import Cache
    from nomenklatura.db import make_session
    from nomenklatura.enrich.yente import YenteEnricher

    base, key = service
    config = {
        "name": "interdict",
        "title": "Interdict",
        "api": f"{base}/",
        "dataset": "default",
        "api_key": key,
        "cache_days": 0,
    }
    dataset = Dataset.make(dict(config))
    entity = StatementEntity.from_data(
        dataset,
        {
            "id": "q1",
            "schema": "Company",
            "properties": {"name": ["Shahid Hemmat Industrial Group"]},
        },
    )
    # nomenklatura reads its cache URL at import; pass it, so the cache stays in tmp_path.
    with make_session(f"sqlite:///{tmp_path / 'nk.db'}") as session:
        cache = Cache(session, dataset, create=True)
        enricher = YenteEnricher(dataset, cache, dict(config))
        found = list(enricher.match(entity))
    assert any(candidate.id == "unsc-ire-067" for candidate in found), [c.id for c in found]


def test_match_follows_yentes_contract(service: tuple[str, str]) -> None:
    base, key = service
    headers = {"Authorization": f"Bearer {key}"}
    body = {
        "queries": {
            "shig": {
                "schema": "Company",
                "properties": {"name": ["Shahid Hemmat Industrial Group"]},
            },
            "front": {"schema": "Company", "properties": {"name": "Ardalan Machineries Company"}},
        }
    }
    reply = httpx.post(f"{base}/match/default", json=body, headers=headers, params={"limit": 3})
    assert reply.status_code == 200
    data = reply.json()
    assert set(data) >= {"responses", "matcher", "limit"} and data["limit"] == 3
    shig = data["responses"]["shig"]
    assert set(shig) >= {"status", "results", "total", "query"}
    top = shig["results"][0]
    assert set(top) >= {
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "match",
        "features",
    }
    assert top["id"] == "unsc-ire-067" and top["match"] is True
    assert shig["total"] == {"value": sum(r["match"] for r in shig["results"]), "relation": "eq"}
    front = data["responses"]["front"]["results"][0]
    assert front["match"] is True and front["listed"] is False
    assert front["links"][0]["role"] == "front_for"
    assert data["banner"] == "SECRET//REL TO USA, ESP" and data["reader"] == "es-officer"


@pytest.mark.parametrize(
    ("body", "params", "code"),
    [
        ({"queries": {}}, {}, 400),
        (
            {
                "queries": {
                    f"q{i}": {"schema": "Company", "properties": {"name": ["x"]}}
                    for i in range(101)
                }
            },
            {},
            400,
        ),
        ({"queries": {"q": {"schema": "Vessel2", "properties": {"name": ["x"]}}}}, {}, 400),
        ({"queries": {"q": {"properties": {"name": ["x"]}}}}, {}, 422),
        (
            {"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}},
            {"limit": 501},
            422,
        ),
        (
            {"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}},
            {"algorithm": "nope"},
            400,
        ),
    ],
)
def test_bad_match_requests_get_yentes_codes(
    service: tuple[str, str], body: dict[str, object], params: dict[str, object], code: int
) -> None:
    base, key = service
    reply = httpx.post(
        f"{base}/match/default",
        json=body,
        params=params,
        headers={"Authorization": f"ApiKey {key}"},
    )
    assert reply.status_code == code, reply.text


def test_a_bad_qualifier_is_left_out_with_a_warning_not_refused(service: tuple[str, str]) -> None:
    base, key = service
    entity = {
        "schema": "Company",
        "properties": {
            "name": ["Shahid Hemmat Industrial Group"],
            "country": ["Atlantis"],
            "birthDate": ["1948-13-16"],
        },
    }
    reply = httpx.post(
        f"{base}/match/default",
        json={"queries": {"q": entity}},
        headers={"Authorization": f"ApiKey {key}"},
    )
    assert reply.status_code == 200, reply.text
    answer = reply.json()["responses"]["q"]
    assert answer["results"][0]["id"] == "unsc-ire-067"
    assert [w.split(":")[0] for w in answer["warnings"]] == ["country", "birth_date"]


def test_keys_are_required_and_checked(service: tuple[str, str]) -> None:
    base, key = service
    body = {"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}}
    assert httpx.post(f"{base}/match/default", json=body).status_code == 401
    assert (
        httpx.post(
            f"{base}/match/default", json=body, headers={"Authorization": f"ApiKey {key}x"}
        ).status_code
        == 401
    )
    assert (
        httpx.post(
            f"{base}/match/default", json=body, headers={"Authorization": "ApiKey idk_0_0"}
        ).status_code
        == 401
    )
    assert httpx.get(f"{base}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{base}/readyz").status_code == 200
    assert httpx.get(f"{base}/openapi.json").status_code == 200
    assert httpx.get(f"{base}/match/nowhere").status_code in (401, 405)


def test_unknown_dataset_and_entity_are_404(service: tuple[str, str]) -> None:
    base, key = service
    headers = {"Authorization": f"ApiKey {key}"}
    body = {"queries": {"q": {"schema": "Company", "properties": {"name": ["x"]}}}}
    assert httpx.post(f"{base}/match/nowhere", json=body, headers=headers).status_code == 404
    assert httpx.get(f"{base}/entities/nothing-here", headers=headers).status_code == 404
    shig = httpx.get(f"{base}/entities/unsc-ire-067", headers=headers).json()
    assert shig["caption"].startswith("SHAHID HEMMAT") and shig["properties"]["sanctions"]


def test_cables_as_the_keys_user(service: tuple[str, str]) -> None:
    base, key = service
    headers = {"Authorization": f"Bearer {key}"}
    cable = httpx.get(f"{base}/cables/09STATE29395", headers=headers).json()
    assert [p["number"] for p in cable["paragraphs"]] == ["1", "5", "6", "7"]
    assert "Ardalan Machineries is a front company" not in str(cable)
    hits = httpx.get(f"{base}/cables", params={"q": "front company"}, headers=headers).json()
    assert hits["total"] == 0  # the phrase stands only in ¶3, hidden from Spain
    assert httpx.get(f"{base}/cables/NOPE", headers=headers).status_code == 404


def test_every_matchable_schema_is_answered_and_intel_ids_resolve(service: tuple[str, str]) -> None:
    base, key = service
    headers = {"Authorization": f"ApiKey {key}"}
    body = {
        "queries": {
            "public": {
                "schema": "PublicBody",
                "properties": {"name": ["Shahid Hemmat Industrial Group"]},
            },
            "security": {"schema": "Security", "properties": {"name": ["SHIG bond"]}},
            "front": {"schema": "Company", "properties": {"name": ["Ardalan Machineries Company"]}},
        }
    }
    data = httpx.post(f"{base}/match/default", json=body, headers=headers).json()
    assert data["responses"]["public"]["results"][0]["id"] == "unsc-ire-067"
    assert data["responses"]["security"]["results"] == []
    front = data["responses"]["front"]["results"][0]["id"]
    assert front.startswith("intel-")
    entity = httpx.get(
        f"{base}/entities/{front}", params={"nested": "true"}, headers=headers
    ).json()
    assert entity["caption"] == "Ardalan Machineries Company" and entity["datasets"] == ["intel"]
    assert "source" not in str(httpx.get(f"{base}/catalog", headers=headers).json())


def test_concurrent_requests_all_answer(service: tuple[str, str]) -> None:
    """Many clients at once, each read audited: every request answers, none with a 5xx."""
    from concurrent.futures import ThreadPoolExecutor

    base, key = service
    headers = {"Authorization": f"ApiKey {key}"}
    body = {
        "queries": {"q": {"schema": "Company", "properties": {"name": ["Ardalan Machineries"]}}}
    }

    def one(_: int) -> int:
        return httpx.post(
            f"{base}/match/default", json=body, headers=headers, timeout=60
        ).status_code

    with ThreadPoolExecutor(max_workers=12) as pool:
        codes = list(pool.map(one, range(48)))
    assert codes == [200] * 48
