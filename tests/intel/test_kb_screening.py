"""Resolution and link following: screening reaches the listed entity behind a name.

Facts are written by hand (see ``kb_helpers``) so that each test has exactly
the links it is about; both store backends run every test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from kb_helpers import ingest, link, load_lists, party, runner, store_facts, write_cable

from interdict.cli import app
from interdict.intel.records import Extraction


@pytest.fixture
def lists_home(home: Path) -> Path:
    """A data home with only the test list (the bundled starter list opted out)."""
    load_lists()
    return home


# One cable per fact family, so that provenance shows which cable said what.
SHIG = party("Shahid Hemmat Industrial Group", "09ANKARA1", 1, alias="SHIG", country="ir")
ALPHA = party("Alpha Trading Company", "09ANKARA1", 1, country="ae")
BETA = party("Beta Machinery", "09ANKARA2", 1, country="tr")
GAMMA = party("Gamma Freight", "09ANKARA2", 2)
DELTA = party("Delta Holdings", "09ANKARA2", 3)
SUPPLIER = party("Maquinas Ejemplo", "09ANKARA1", 2, country="es")
LOOP_A = party("Circle Ventures", "09ANKARA3", 1)
LOOP_B = party("Orbit Partners", "09ANKARA3", 1)


def extractions() -> list[Extraction]:
    return [
        Extraction(
            cable="09ANKARA1",
            parties=[SHIG, ALPHA, SUPPLIER],
            items=[],
            links=[
                link(ALPHA, "front_for", SHIG, "09ANKARA1", 1),
                link(SUPPLIER, "supplies", ALPHA, "09ANKARA1", 2),
            ],
        ),
        Extraction(
            cable="09ANKARA2",
            parties=[BETA, GAMMA, DELTA, party("Alpha Trading Company", "09ANKARA2", 1)],
            items=[],
            links=[
                link(BETA, "acts_for", ALPHA, "09ANKARA2", 1),  # two steps to SHIG
                link(GAMMA, "owned_by", BETA, "09ANKARA2", 2),  # three
                link(DELTA, "owned_by", GAMMA, "09ANKARA2", 3),  # four: beyond reach
            ],
        ),
        Extraction(
            cable="09ANKARA3",
            parties=[LOOP_A, LOOP_B],
            items=[],
            links=[
                link(LOOP_A, "acts_for", LOOP_B, "09ANKARA3", 1),
                link(LOOP_B, "acts_for", LOOP_A, "09ANKARA3", 1),
            ],
        ),
    ]


@pytest.fixture
def knowledge(lists_home: Path, store_url: str, tmp_path: Path) -> str:
    folder = tmp_path / "cables"
    folder.mkdir()
    paths = [
        write_cable(folder, ref, "First.", "Second.", "Third.")
        for ref in ("09ANKARA1", "09ANKARA2", "09ANKARA3")
    ]
    ingest(store_url, *paths)
    store_facts(store_url, extractions())
    return store_url


def screen(url: str, name: str, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(
        app, ["screen", name, "--json", "--db", url, *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    matches: list[dict[str, Any]] = json.loads(result.stdout)["matches"]
    return matches


def top(url: str, name: str) -> dict[str, Any]:
    found = screen(url, name)
    assert found, name
    return found[0]


def roles(match: dict[str, Any]) -> list[str]:
    return [step["role"] for step in match["links"]]


def test_one_step_front_company_is_flagged_with_the_listing(knowledge: str) -> None:
    match = top(knowledge, "Alpha Trading Company")
    assert match["datasets"] == ["intel"]
    assert match["match"] is True
    assert match["listed"] is False
    assert [listing["reference"] for listing in match["listings"]] == [["T.067"]]
    assert roles(match) == ["front_for", "same_as"]
    first = match["links"][0]
    assert first["from"]["caption"] == "Alpha Trading Company"
    assert first["to"]["caption"] == "Shahid Hemmat Industrial Group"
    assert [(p["cable"], p["paragraph"]) for p in first["provenance"]] == [("09ANKARA1", "1")]
    assert match["links"][1]["to"] == {
        "id": "t-shig",
        "caption": "SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)",
        "datasets": ["testlist"],
    }
    assert [p["cable"] for p in match["provenance"]] == ["09ANKARA1", "09ANKARA2"]


def test_two_and_three_steps_are_followed(knowledge: str) -> None:
    assert roles(top(knowledge, "Beta Machinery")) == ["acts_for", "front_for", "same_as"]
    gamma = top(knowledge, "Gamma Freight")
    assert roles(gamma) == ["owned_by", "acts_for", "front_for", "same_as"]
    assert gamma["match"] is True


def test_four_steps_are_beyond_reach(knowledge: str) -> None:
    delta = top(knowledge, "Delta Holdings")
    assert delta["match"] is False
    assert delta["listed"] is False
    assert delta["links"] == [] and delta["listings"] == []


def test_a_cycle_ends_the_search(knowledge: str) -> None:
    for name in ("Circle Ventures", "Orbit Partners"):
        match = top(knowledge, name)
        assert match["match"] is False and match["links"] == []


def test_a_supplier_is_known_but_never_listed(knowledge: str) -> None:
    match = top(knowledge, "Maquinas Ejemplo")
    assert (match["match"], match["listed"], match["listings"]) == (False, False, [])
    assert match["datasets"] == ["intel"]
    assert match["provenance"][0]["text"] == "Maquinas Ejemplo is named here."


def test_the_listed_entity_appears_once_with_its_sources(knowledge: str) -> None:
    found = screen(knowledge, "Shahid Hemmat Industrial Group")
    shig = [m for m in found if "SHIG" in m["caption"] or "Shahid" in m["caption"]]
    assert len(shig) == 1
    assert shig[0]["entity_id"] == "t-shig"
    assert shig[0]["datasets"] == ["intel", "testlist"]
    assert shig[0]["listed"] is True
    assert shig[0]["provenance"][0]["cable"] == "09ANKARA1"


def test_list_ownership_and_unknown_links_are_followed(knowledge: str) -> None:
    sub = top(knowledge, "Quillfeather Tooling")
    assert sub["listed"] is False and sub["match"] is True
    assert roles(sub) == ["owned_by"]
    assert sub["links"][0]["to"]["id"] == "t-parent"
    assert sub["links"][0]["detail"] == "Ownership t-sub-owner in testlist, 60 %"
    agent = top(knowledge, "Brightwater Logistics")
    assert roles(agent) == ["front_for", "owned_by"]


def test_only_the_knowledge_base(knowledge: str) -> None:
    found = screen(knowledge, "Shahid Hemmat Industrial Group", "--dataset", "intel")
    assert all("intel" in m["datasets"] for m in found)
    lists_only = screen(knowledge, "Alpha Trading Company", "--dataset", "testlist")
    assert lists_only == []


def test_batch_screening_follows_links(knowledge: str, tmp_path: Path) -> None:
    batch = tmp_path / "parties.csv"
    batch.write_text("id,name\n1,Alpha Trading Company\n2,Nobody Known Here\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app, ["screen", "--batch", str(batch), "--out", str(out), "--db", knowledge]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert roles(lines[0]["matches"][0]) == ["front_for", "same_as"]
    assert lines[1]["matches"] == []


def test_resolution_across_cables(lists_home: Path, store_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    ingest(store_url, *(write_cable(folder, f"10ROME{n}", "Text.") for n in (1, 2, 3, 4)))
    store_facts(
        store_url,
        [
            Extraction(
                cable="10ROME1",
                parties=[party("Ardalan Machineries", "10ROME1", 1)],
                items=[],
                links=[],
            ),
            Extraction(
                cable="10ROME2",
                parties=[party("ARDALAN MACHINERIES CO.", "10ROME2", 1)],
                items=[],
                links=[],
            ),
            Extraction(
                cable="10ROME3",
                parties=[party("Kavoshgar Sanat Engineering Group", "10ROME3", 1, alias="KSEG")],
                items=[],
                links=[],
            ),
            Extraction(
                cable="10ROME4",
                parties=[
                    party("KSEG", "10ROME4", 1),
                    party("Kavoshgar Sanaat Engineering Group", "10ROME4", 1),
                ],
                items=[],
                links=[],
            ),
        ],
    )
    ardalan = runner.invoke(
        app, ["intel", "show", "Ardalan Machineries Company", "--json", "--db", store_url]
    )
    assert ardalan.exit_code == 0, ardalan.output
    report = json.loads(ardalan.stdout)
    assert [p["cable"] for p in report["provenance"]] == ["10ROME1", "10ROME2"]
    assert len(report["parties"]) == 1  # one name key: legal forms and case do not count
    kseg = json.loads(
        runner.invoke(app, ["intel", "show", "KSEG", "--json", "--db", store_url]).stdout
    )
    # The acronym and the spelling variant both join the entity named in full.
    assert len(kseg["parties"]) == 3
    assert {p["cable"] for p in kseg["provenance"]} == {"10ROME3", "10ROME4"}
    assert kseg["caption"] in {
        "Kavoshgar Sanat Engineering Group",
        "Kavoshgar Sanaat Engineering Group",
    }


def test_show_and_graph(knowledge: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["intel", "show", "Alpha Trading Company", "--db", knowledge])
    assert result.exit_code == 0, result.output
    assert "front_for" in result.stdout and "Shahid Hemmat Industrial Group" in result.stdout
    report = json.loads(
        runner.invoke(app, ["intel", "show", ALPHA.id, "--json", "--db", knowledge]).stdout
    )
    assert report["id"] == ALPHA.id
    assert {(x["role"], x["direction"], x["other"]["caption"]) for x in report["links"]} == {
        ("front_for", "out", "Shahid Hemmat Industrial Group"),
        ("supplies", "in", "Maquinas Ejemplo"),
        ("acts_for", "in", "Beta Machinery"),
    }
    assert [s["role"] for s in report["chain"]] == ["front_for", "same_as"]
    for suffix in (".svg", ".png"):
        picture = tmp_path / f"alpha{suffix}"
        drawn = runner.invoke(
            app,
            ["intel", "graph", "Alpha Trading Company", "--out", str(picture), "--db", knowledge],
        )
        assert drawn.exit_code == 0, drawn.output
        assert "1 listed" in drawn.stdout
        head = picture.read_bytes()[:200]
        assert (
            (b"<svg" in head or b"<?xml" in head)
            if suffix == ".svg"
            else head.startswith(b"\x89PNG")
        )
    svg = (tmp_path / "alpha.svg").read_text(encoding="utf-8")
    assert "front_for" in svg and "listed: testlist" in svg


def test_no_such_entity(knowledge: str, tmp_path: Path) -> None:
    for args in (
        ["intel", "show", "Zzyzx Unheard Of"],
        ["intel", "graph", "intel-0000", "--out", str(tmp_path / "x.svg")],
    ):
        result = runner.invoke(app, [*args, "--db", knowledge])
        assert result.exit_code == 2
        assert "no such entity" in result.output
    bad = runner.invoke(
        app, ["intel", "graph", "Alpha", "--out", str(tmp_path / "x.gif"), "--db", knowledge]
    )
    assert bad.exit_code == 2 and "must end in .svg or .png" in bad.output


def test_names_that_differ_by_a_trade_word_stay_apart(
    lists_home: Path, store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    ingest(store_url, write_cable(folder, "10ROME9", "Text."))
    store_facts(
        store_url,
        [
            Extraction(
                cable="10ROME9",
                parties=[
                    party("Hyuk Chang Hee Technology Corp.", "10ROME9", 1),
                    party("Hyuk Chang Hee Construction Corp.", "10ROME9", 1),
                    party("Havah Rabahjam Company", "10ROME9", 1),
                    party("Hava Rabahjam Co.", "10ROME9", 1),
                ],
                items=[],
                links=[],
            )
        ],
    )
    for name, parties in (
        ("Hyuk Chang Hee Technology Corp.", 1),
        ("Hyuk Chang Hee Construction Corp.", 1),
        ("Havah Rabahjam Company", 2),  # a spelling variant: one entity
    ):
        shown = runner.invoke(app, ["intel", "show", name, "--json", "--db", store_url])
        assert shown.exit_code == 0, shown.output
        assert len(json.loads(shown.stdout)["parties"]) == parties, name
