"""The cables archive: ingest, replace, search with filters, show; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_backends import make_store_url
from typer.testing import CliRunner

from interdict.cables.archive.query import QueryError, parse_query
from interdict.cables.archive.words import index_text, words
from interdict.cli import app

SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"
VARIANTS = Path(__file__).parent / "fixtures" / "variants"
runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, [*args])


def hits(store: str, *args: str) -> dict[str, Any]:
    result = run("cables", "search", *args, "--json", "--db", store)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def refs(store: str, *args: str) -> list[str]:
    return sorted(hit["reference_id"] for hit in hits(store, *args)["hits"])


@pytest.fixture
def archive(store_url: str) -> str:
    result = run("cables", "ingest", str(SEED), str(VARIANTS), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "19 cables stored, 0 unchanged, 0 unreadable" in result.stdout
    return store_url


def test_ingest_again_changes_nothing(archive: str) -> None:
    result = run("cables", "ingest", str(SEED), str(VARIANTS), "--db", archive)
    assert "0 cables stored, 19 unchanged" in result.stdout


def test_a_changed_cable_replaces_the_stored_one(archive: str, tmp_path: Path) -> None:
    changed = tmp_path / "09STATE29395.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8")
        .replace("Ak Makina", "Bk Tornado")
        .replace("TAGS: PARM MTCRE PREL TW IR SP", "TAGS: PARM IR SP"),
        encoding="utf-8",
    )
    result = run("cables", "ingest", str(changed), "--db", archive)
    assert "1 cables stored, 0 unchanged" in result.stdout
    assert refs(archive, "tornado") == ["09STATE29395"]
    assert refs(archive, '"ak makina"') == []
    assert "09STATE29395" not in refs(archive, "iran", "--tag", "MTCRE")
    assert hits(archive, "iran")["total"] == hits(archive, "iran")["total"]  # one row, not two


def test_unreadable_records_are_reported_and_the_rest_stored(
    store_url: str, tmp_path: Path
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00")
    result = run("cables", "ingest", str(SEED), str(tmp_path / "bad.txt"), "--db", store_url)
    assert result.exit_code == 1
    assert "unreadable" in result.stderr and "bad.txt" in result.stderr
    assert "1 cables stored" in result.stdout
    assert refs(store_url, "ardalan") == ["09STATE29395"]


def test_hit_shows_the_paragraph_that_matched_with_its_marking(archive: str) -> None:
    found = hits(archive, "Ak Makina")
    assert found["total"] == 1
    hit = found["hits"][0]
    assert set(hit) >= {"reference_id", "created", "subject", "paragraph", "marking", "snippet"}
    assert hit["reference_id"] == "09STATE29395"
    assert hit["created"].startswith("2009-03-26T20:46")
    # Ak Makina is named only in the talking points: paragraph 5, its REL SPAIN portion.
    assert (hit["paragraph"], hit["portion"]) == ("5", 1)
    assert hit["marking"] == {"level": "S", "rel_to": ["SPAIN"], "noforn": False, "controls": []}
    assert "Ak Makina" in hit["snippet"]


def test_one_hit_per_cable_with_the_best_paragraph(archive: str) -> None:
    hit = next(h for h in hits(archive, "Ardalan", "SHIG")["hits"])
    # ¶3 and ¶5 both name Ardalan and SHIG; ¶5's talking points name them more often.
    assert hit["paragraph"] in {"3", "5"}
    assert hits(archive, "Ardalan")["total"] == 1


def test_subject_and_tags_are_searchable(archive: str) -> None:
    # "transshipped" is only in 08KUWAIT721's subject line.
    found = hits(archive, "transshipped")["hits"]
    assert [h["reference_id"] for h in found] == ["08KUWAIT721"]
    assert "MTCRE" not in " ".join(h["snippet"] for h in hits(archive, "mtcre")["hits"])
    assert "09STATE29395" in refs(archive, "mtcre")


def test_phrase_and_prefix(archive: str) -> None:
    assert refs(archive, '"front company"') == ["09ISLAMABAD2345", "09STATE29395"]
    assert "09STATE29395" in refs(archive, "turbopu*")
    assert refs(archive, '"company front"') == []
    assert refs(archive, "FS-1") == ["09STATE29395"]


# "machine" occurs in six cables of the fixtures; each filter keeps those that the stored
# header fields say it should (see the variants' README for each cable's header).
MACHINE = {
    "08MADRID979",  # S, TAGS ETTC IR PARM SP, AMEMBASSY MADRID (RUEHMD), 2008-11-14
    "08SAOPAULO335",  # C, TAGS BR ETTC PARM, 2008-08-27
    "09STATE29395",  # S, TAGS ... IR ..., SECSTATE WASHDC (RUEHC), 2009-03-26 20:46Z
    "09STATE31200",  # C, TAGS ETTC IR PARM SP, SECSTATE WASHDC (RUEHC), 2009-03-26 22:26Z
    "09TRIPOLI402",  # C, TAGS ETTC KNNP LY PARM, 2009-05-21
    "92BONN8123",  # C, TAGS ETTC GM PARM, 1992-06-12
}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ((), MACHINE),
        (("--tag", "ir"), {"08MADRID979", "09STATE29395", "09STATE31200"}),
        (("--tag", "IR", "--tag", "sp"), {"08MADRID979", "09STATE29395", "09STATE31200"}),
        (("--tag", "IR", "--tag", "LY"), set()),
        (("--origin", "Madrid"), {"08MADRID979"}),
        (("--origin", "RUEHC"), {"09STATE29395", "09STATE31200"}),
        (("--origin", "secretary of state"), {"09STATE29395", "09STATE31200"}),
        (("--from", "2009-03-26", "--to", "2009-03-26"), {"09STATE29395", "09STATE31200"}),
        (("--to", "2009-03-25"), {"08MADRID979", "08SAOPAULO335", "92BONN8123"}),
        (("--from", "2009-03-27"), {"09TRIPOLI402"}),
        (("--classification", "C"), MACHINE - {"08MADRID979", "09STATE29395"}),
        (("--classification", "secret"), MACHINE),
        (("--classification", "U"), set()),
    ],
)
def test_filters(archive: str, filters: tuple[str, ...], expected: set[str]) -> None:
    assert set(refs(archive, "machine", *filters)) == expected


def test_total_counts_beyond_the_limit(archive: str) -> None:
    everything = hits(archive, "the")
    limited = hits(archive, "the", "--limit", "2")
    assert len(limited["hits"]) == 2
    assert limited["total"] == everything["total"] > 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("...",), "has no word to search for"),
        (("iran", "--classification", "HUSH"), "--classification: unknown level"),
        (("iran", "--from", "2009-13-01"), "--from"),
        (("iran", "--from", "2009-03-02", "--to", "2009-03-01"), "after --to"),
    ],
)
def test_bad_searches_are_refused(archive: str, args: tuple[str, ...], message: str) -> None:
    result = run("cables", "search", *args, "--db", archive)
    assert result.exit_code == 2
    assert message in result.output


def test_show(archive: str) -> None:
    result = run("cables", "show", "09state29395", "--json", "--db", archive)
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["reference_id"] == "09STATE29395"
    assert record["paragraphs"][5]["marking"]["rel_to"] == ["SPAIN"]
    text = run("cables", "show", "09STATE29395", "--db", archive).stdout
    assert "Ardalan Machineries is associated with" in text  # full paragraphs, not cut
    missing = run("cables", "show", "01NOWHERE1", "--db", archive)
    assert missing.exit_code == 2
    assert "no stored cable '01NOWHERE1'" in missing.output


QUERIES = [
    "iran",
    "machine tool",
    '"front company"',
    "turbo*",
    "centrifuge OR",
    "Spanish-origin",
    '"missile" export',
    "wassenaar nsg",
    "société",
    "1803",
]


def test_both_backends_return_the_same_cables(tmp_path: Path) -> None:
    urls = []
    generators = []
    for backend in ("sqlite", "postgresql"):
        generator = make_store_url(backend, tmp_path)
        urls.append(next(generator))
        generators.append(generator)
    try:
        for url in urls:
            result = run("cables", "ingest", str(SEED), str(VARIANTS), "--db", url)
            assert result.exit_code == 0, result.output
        for query in QUERIES:
            found = [hits(url, query, "--limit", "100") for url in urls]
            assert sorted(h["reference_id"] for h in found[0]["hits"]) == sorted(
                h["reference_id"] for h in found[1]["hits"]
            ), query
            assert found[0]["total"] == found[1]["total"]
            best = [
                {(h["reference_id"], h["paragraph"], h["portion"]) for h in f["hits"]}
                for f in found
            ]
            assert best[0] == best[1], query
    finally:
        for generator in generators:
            generator.close()


@given(st.text(max_size=200))
def test_index_words_are_lower_case_ascii_and_stable(text: str) -> None:
    found = words(text)
    assert all(word.isascii() and word.isalnum() and word == word.lower() for word in found)
    assert words(index_text(text)) == found


@given(st.text(max_size=80))
def test_any_query_parses_or_is_refused_by_name(text: str) -> None:
    try:
        query = parse_query(text)
    except QueryError as error:
        assert str(error).startswith("QUERY:")
        return
    for expression in (query.fts5(), query.tsquery()):
        assert set(expression) <= set('abcdefghijklmnopqrstuvwxyz0123456789 "*&()<->:AND')
