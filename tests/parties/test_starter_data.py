"""Integrity checks for the bundled starter dataset (interdict/data/parties/starter.ftm.json).

Reads the file with plain ``json`` and ``followthemoney`` only, so it does not depend on the
loaders.  The exact counts below are the curated numbers: an accidental edit of the data file
(a dropped line, a duplicated entry, a changed programme label) makes this test fail.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from followthemoney.types import registry

DATA = Path(__file__).parents[2] / "interdict" / "data" / "parties" / "starter.ftm.json"
DATASET = "interdict_starter"
UN = "United Nations Security Council"
OFAC = "US Department of the Treasury, Office of Foreign Assets Control (OFAC)"
NPWMD = "US E.O. 13382 \u2014 WMD proliferators and their supporters (OFAC SDN, NPWMD)"

# Sanction entities per programme label (our own labels, see SOURCES.md).
PROGRAMME_COUNTS = {
    "UNSCR 1718 (2006) \u2014 DPRK (1718 Committee)": 30,
    "UNSCR 1737 (2006) \u2014 Iran IRGC": 1,
    "UNSCR 1737 (2006) \u2014 Iran ballistic missile programme": 7,
    "UNSCR 1737 (2006) \u2014 Iran nuclear programme": 5,
    "UNSCR 1737 (2006) \u2014 Iran, designated by the 1737 Committee": 5,
    "UNSCR 1747 (2007) \u2014 Iran IRGC": 10,
    "UNSCR 1747 (2007) \u2014 Iran nuclear / ballistic missile": 11,
    "UNSCR 1803 (2008) \u2014 Iran nuclear / ballistic missile": 11,
    "UNSCR 1929 (2010) \u2014 Iran IRGC (Khatam al-Anbiya)": 15,
    "UNSCR 1929 (2010) \u2014 Iran nuclear / ballistic missile": 19,
    NPWMD: 32,
}
SCHEMA_COUNTS = {"Sanction": 146, "Organization": 96, "Person": 23}


def _lines() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return _lines()


@pytest.fixture(scope="module")
def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in records}


@pytest.fixture(scope="module")
def sanctions(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["schema"] == "Sanction"]


@pytest.fixture(scope="module")
def targets(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if r["schema"] != "Sanction"]


def _props(record: dict[str, Any], name: str) -> list[str]:
    return list(record["properties"].get(name, []))


def test_every_line_is_a_valid_ftm_entity() -> None:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    assert lines, "starter dataset is empty"
    for number, line in enumerate(lines, 1):
        data = json.loads(line)
        assert set(data) == {"id", "schema", "properties", "datasets", "caption"}, number
        assert data["datasets"] == [DATASET], number
        assert model.get(data["schema"]) is not None, (number, data["schema"])
        proxy = model.get_proxy(data)
        assert proxy.id == data["id"], number
        # every listed value survives FtM cleaning, i.e. uses a real property of the schema
        for prop, values in data["properties"].items():
            assert prop in proxy.schema.properties, (data["id"], prop)
            assert values and isinstance(values, list), (data["id"], prop)
            assert sorted(proxy.get(prop)) == sorted(set(values)), (data["id"], prop)
        assert data["caption"] == proxy.caption, data["id"]


def test_schemas_and_counts(records: list[dict[str, Any]]) -> None:
    assert Counter(r["schema"] for r in records) == SCHEMA_COUNTS


def test_ids_unique(records: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


def test_sanctions_point_to_targets_and_every_target_is_sanctioned(
    targets: list[dict[str, Any]],
    sanctions: list[dict[str, Any]],
    by_id: dict[str, dict[str, Any]],
) -> None:
    sanctioned: set[str] = set()
    for sanction in sanctions:
        entity = _props(sanction, "entity")
        assert len(entity) == 1, sanction["id"]
        assert entity[0] in by_id, sanction["id"]
        assert by_id[entity[0]]["schema"] != "Sanction", sanction["id"]
        sanctioned.add(entity[0])
    assert {t["id"] for t in targets} == sanctioned


def test_sanction_required_fields(sanctions: list[dict[str, Any]]) -> None:
    for sanction in sanctions:
        for prop in ("authority", "program", "sourceUrl"):
            assert _props(sanction, prop), (sanction["id"], prop)
        assert len(_props(sanction, "program")) == 1, sanction["id"]
        for url in _props(sanction, "sourceUrl"):
            assert url.startswith("https://"), (sanction["id"], url)
        if _props(sanction, "authority") == [UN]:
            assert _props(sanction, "unscId"), sanction["id"]
            assert sanction["id"] == sanction["properties"]["entity"][0] + "-sanction"
        else:
            assert _props(sanction, "authority") == [OFAC], sanction["id"]
            assert _props(sanction, "authorityId"), sanction["id"]


def test_targets_have_programme_source_and_topic(targets: list[dict[str, Any]]) -> None:
    for target in targets:
        assert target["schema"] in {"Organization", "Person"}, target["id"]
        assert _props(target, "program"), target["id"]
        assert _props(target, "sourceUrl"), target["id"]
        assert _props(target, "topics") == ["sanction"], target["id"]


def test_counts_per_programme(sanctions: list[dict[str, Any]]) -> None:
    counts = Counter(_props(s, "program")[0] for s in sanctions)
    assert dict(counts) == PROGRAMME_COUNTS


def test_un_refs_unique_and_well_formed(sanctions: list[dict[str, Any]]) -> None:
    refs = [ref for s in sanctions for ref in _props(s, "unscId")]
    assert len(refs) == len(set(refs))
    assert sum(1 for r in refs if r.startswith("IRe.")) == 61
    assert sum(1 for r in refs if r.startswith("IRi.")) == 23
    assert sum(1 for r in refs if r.startswith("KPe.")) == 30
    assert len(refs) == 114


def test_countries_are_valid_codes(records: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for record in records:
        for prop in ("country", "nationality"):
            for code in _props(record, prop):
                assert registry.country.clean(code) == code, (record["id"], code)
                seen.add(code)
    assert seen == {"ir", "kp", "sy", "hk"}


def test_shig(by_id: dict[str, dict[str, Any]], sanctions: list[dict[str, Any]]) -> None:
    shig = by_id["unsc-ire-067"]
    assert shig["schema"] == "Organization"
    assert _props(shig, "name") == ["SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)"]
    assert _props(shig, "country") == ["ir"]
    assert "UNSCR 1737 (2006) \u2014 Iran ballistic missile programme" in _props(shig, "program")
    assert {"SHAHID HEMMAT INDUSTRIAL GROUP", "SAHAND ALUMINUM PARTS INDUSTRIAL COMPANY"} <= set(
        _props(shig, "alias")
    )
    assert {"SHIG", "SAPICO", "ARMACO"} <= set(_props(shig, "weakAlias"))
    notes = " ".join(_props(shig, "notes"))
    assert "OFAC" in notes and "9349" in notes  # where the aliases came from

    linked = [s for s in sanctions if _props(s, "entity") == ["unsc-ire-067"]]
    un = [s for s in linked if _props(s, "authority") == [UN]]
    assert len(un) == 1
    assert _props(un[0], "unscId") == ["IRe.067"]
    assert _props(un[0], "listingDate") == ["2006-12-23"]
    assert _props(un[0], "program") == ["UNSCR 1737 (2006) \u2014 Iran ballistic missile programme"]
    ofac = [s for s in linked if _props(s, "authority") == [OFAC]]
    assert len(ofac) == 1
    assert _props(ofac[0], "authorityId") == ["9349"]
    assert any("treasury.gov" in u for u in _props(ofac[0], "sourceUrl"))


def test_no_ardalan(records: list[dict[str, Any]]) -> None:
    # Deliberately withheld (see SOURCES.md): no Ardalan entity, alias or link in the starter data.
    for record in records:
        assert "ardalan" not in json.dumps(record).lower(), record["id"]


def test_aio_is_not_a_un_designation(
    by_id: dict[str, dict[str, Any]], sanctions: list[dict[str, Any]]
) -> None:
    aio = by_id["ofac-sdn-9348"]
    assert _props(aio, "name") == ["AEROSPACE INDUSTRIES ORGANIZATION"]
    authorities = {
        _props(s, "authority")[0] for s in sanctions if _props(s, "entity") == ["ofac-sdn-9348"]
    }
    assert authorities == {OFAC}


def test_syrian_ssrc_and_fronts(by_id: dict[str, dict[str, Any]]) -> None:
    for ent in ("9352", "10128", "10129", "10130"):
        target = by_id[f"ofac-sdn-{ent}"]
        assert _props(target, "country") == ["sy"], ent
    assert "SSRC" in _props(by_id["ofac-sdn-9352"], "weakAlias")


def test_dprk_core_entities(by_id: dict[str, dict[str, Any]]) -> None:
    expected = {
        "unsc-kpe-001": "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        "unsc-kpe-002": "KOREA RYONBONG GENERAL CORPORATION",
        "unsc-kpe-003": "TANCHON COMMERCIAL BANK",
    }
    for eid, name in expected.items():
        assert _props(by_id[eid], "name") == [name]
        assert _props(by_id[eid], "country") == ["kp"]
    assert "KOMID" in _props(by_id["unsc-kpe-001"], "alias")
