"""Datasets on disk: atomic loads, refusals that leave the old version serving, removal."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from interdict.parties.index.records import EntityRecord
from interdict.parties.loaders.ftm import read_ftm
from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.store import datasets
from interdict.parties.store.bundled import BUNDLED, ensure_bundled, opt_out_marker, remove_dataset
from interdict.parties.store.datasets import (
    DatasetError,
    DatasetInfo,
    LoadRefusedError,
    current_version,
    load_list,
    remove,
    status,
)
from interdict.parties.store.entities import EntityReader

SCREENING = Path(__file__).parent / "fixtures" / "screening"
MINI = SCREENING / "mini.ftm.json"
BAD = SCREENING / "bad.ftm.json"
LISTS = Path(__file__).parent / "fixtures" / "lists"
BAD_LINES = LISTS / "ftm_bad_lines.ftm.json"
UN = LISTS / "un_consolidated.xml"


def test_load_makes_a_current_version_with_counts(home: Path) -> None:
    info = load_list(MINI, "ftm", "mini", home)
    assert (info.entities, info.screened, info.skipped) == (8, 6, 0)
    # SHIG and SBIG carry a bracketed acronym each; Romashka has an alias and a weak alias.
    assert info.names == 10
    version = current_version(home, "mini")
    assert version is not None and version.name == info.version
    assert [i.name for i in status(home)] == ["mini"]
    metadata = json.loads((version / datasets.METADATA).read_text())
    assert metadata["source_sha256"] == info.source_sha256


def test_entities_and_links_are_kept_for_listings(home: Path) -> None:
    load_list(MINI, "ftm", "mini", home)
    version = current_version(home, "mini")
    assert version is not None
    reader = EntityReader(version)
    entity = reader.entity("mini-shig")
    assert entity is not None and entity["schema"] == "Organization"
    linked = reader.linked("mini-shig")
    assert [e["id"] for e in linked] == ["mini-shig-sanction"]
    assert reader.entity("absent") is None


def test_a_corrupt_list_is_refused_naming_each_bad_record(home: Path) -> None:
    with pytest.raises(LoadRefusedError) as caught:
        load_list(BAD, "ftm", "bad", home)
    positions = [p.position for p in caught.value.problems]
    assert positions == ["line 3", "line 4"]
    assert "line 3" in str(caught.value) and "previous version" in str(caught.value)
    assert current_version(home, "bad") is None
    assert not list((home / "datasets" / "bad").glob(".building-*"))


def test_skip_invalid_loads_the_good_records_and_reports_the_rest(home: Path) -> None:
    info = load_list(BAD, "ftm", "bad", home, skip_invalid=True)
    assert info.entities == 3
    assert info.skipped == 2
    assert info.problems[0].startswith("line 3:")


def test_a_failed_reload_keeps_the_previous_version_serving(home: Path) -> None:
    first = load_list(MINI, "ftm", "mini", home)
    with pytest.raises(LoadRefusedError):
        load_list(BAD, "ftm", "mini", home)
    version = current_version(home, "mini")
    assert version is not None and version.name == first.version
    assert EntityReader(version).entity("mini-shig") is not None


def test_a_load_that_crashes_halfway_leaves_no_trace(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_list(MINI, "ftm", "mini", home)
    real = datasets._items

    def explode(path: Path, fmt: str, name: str) -> Iterator[object]:
        for count, item in enumerate(real(path, fmt, name)):
            if count == 3:
                raise OSError("disk vanished")
            yield item

    monkeypatch.setattr(datasets, "_items", explode)
    with pytest.raises(OSError, match="disk vanished"):
        load_list(MINI, "ftm", "mini", home)
    root = home / "datasets" / "mini"
    assert current_version(home, "mini") == root / first.version
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == sorted(
        ["CURRENT", first.version]
    )
    assert not list(root.glob(".building-*"))


def test_a_new_version_replaces_and_prunes_the_old(home: Path) -> None:
    first = load_list(MINI, "ftm", "mini", home)
    second = load_list(MINI, "ftm", "mini", home)
    root = home / "datasets" / "mini"
    assert current_version(home, "mini") == root / second.version
    assert not (root / first.version).exists()


def test_bad_names_missing_files_and_empty_lists_are_refused(home: Path, tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="invalid dataset name"):
        load_list(MINI, "ftm", "Bad Name!", home)
    with pytest.raises(DatasetError, match="no such file"):
        load_list(tmp_path / "absent.json", "ftm", "x", home)
    empty = tmp_path / "empty.ftm.json"
    empty.write_text("")
    with pytest.raises(LoadRefusedError, match="empty"):
        load_list(empty, "ftm", "x", home)
    with pytest.raises(ValueError, match="unknown list format"):
        load_list(MINI, "nope", "x", home)


def test_remove_deletes_and_unknown_names_are_reported(home: Path) -> None:
    load_list(MINI, "ftm", "mini", home)
    remove(home, "mini")
    assert status(home) == []
    with pytest.raises(DatasetError, match="no dataset named 'mini'"):
        remove(home, "mini")


def test_bundled_dataset_loads_itself_and_can_be_opted_out(home: Path) -> None:
    opt_out_marker(home).unlink()
    assert BUNDLED in ensure_bundled(home)
    version = current_version(home, BUNDLED)
    assert version is not None
    assert ensure_bundled(home) == [BUNDLED]
    assert current_version(home, BUNDLED) == version  # unchanged file: no rebuild
    remove_dataset(home, BUNDLED)
    assert ensure_bundled(home) == []
    assert opt_out_marker(home).exists()


def test_a_build_on_two_workers_writes_the_same_index(home: Path) -> None:
    one = load_list(MINI, "ftm", "one", home)
    two = load_list(MINI, "ftm", "two", home, workers=2)
    first = current_version(home, "one")
    second = current_version(home, "two")
    assert first is not None and second is not None
    assert (one.entities, one.names, one.keys) == (two.entities, two.names, two.keys)
    for name in ("keys.npy", "key_offsets.npy", "postings.npy", "records.bin"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def _generated_list(path: Path, count: int) -> Path:
    """A list of several worker chunks: people, companies, sanctions, a duplicate, bad lines."""
    lines = []
    for n in range(count):
        if n % 5 == 0:
            entity = {
                "id": f"gen-{n}",
                "schema": "Company",
                "properties": {"name": [f"Fictional {n} Trading Co"], "alias": ["گروه صنعتی"]},
            }
        else:
            entity = {
                "id": f"gen-{n}",
                "schema": "Person",
                "properties": {"name": [f"Person Number{n} Ivanov"], "nationality": ["ru"]},
                "datasets": ["gen"],
            }
        lines.append(json.dumps(entity, ensure_ascii=n % 2 == 0))
        if n % 7 == 0:
            sanction = {"id": f"gen-{n}-s", "schema": "Sanction", "properties": {}}
            sanction["properties"] = {"entity": [f"gen-{n}"], "authority": ["Fictional"]}
            lines.append(json.dumps(sanction))
        if n % 997 == 0:
            lines.append('{"id": "broken", "schema": ')
            lines.append("")
    lines.append(lines[0])  # a duplicate id: the later line replaces the stored entity
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _version_files(version: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in version.iterdir() if p.suffix in (".npy", ".bin")}


def _stored(version: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(version / "entities.sqlite")
    rows = db.execute("SELECT * FROM entities ORDER BY rowid").fetchall()
    rows += db.execute("SELECT * FROM links ORDER BY rowid").fetchall()
    db.close()
    return rows


def _one_and_two_workers(tmp_path: Path, path: Path, fmt: str) -> list[DatasetInfo]:
    """Load ``path`` on one worker and on two, into two homes, and check the files agree."""
    infos, versions = [], []
    for workers in (1, 2):
        home = tmp_path / f"home-{workers}"
        infos.append(load_list(path, fmt, "same", home, workers=workers, skip_invalid=True))
        version = current_version(home, "same")
        assert version is not None
        versions.append(version)
    one, two = infos
    assert replace(one, version="", loaded_at="", seconds=0) == replace(
        two, version="", loaded_at="", seconds=0
    )
    assert _version_files(versions[0]) == _version_files(versions[1])
    assert _stored(versions[0]) == _stored(versions[1])
    return infos


def test_a_list_of_many_chunks_builds_the_same_on_one_and_two_workers(tmp_path: Path) -> None:
    path = _generated_list(tmp_path / "many.ftm.json", 3000)
    one, _ = _one_and_two_workers(tmp_path, path, "ftm")
    assert (one.entities, one.screened, one.skipped) == (3000 + 429 + 1, 3001, 4)
    assert one.problems[1] == "line 1144: not valid JSON (Expecting value at column 28)"


def test_bad_lines_parsed_in_workers_are_reported_by_line_and_reason(home: Path) -> None:
    expected = [str(p) for p in read_ftm(BAD_LINES, "own") if isinstance(p, LoadProblem)]
    with pytest.raises(LoadRefusedError) as caught:
        load_list(BAD_LINES, "ftm", "bad", home, workers=2)
    assert [str(p) for p in caught.value.problems] == expected
    assert [p.position for p in caught.value.problems][:2] == ["line 2", "line 4"]
    info = load_list(BAD_LINES, "ftm", "bad", home, workers=2, skip_invalid=True)
    assert (info.entities, info.skipped, info.problems) == (2, 8, expected)


def test_a_value_that_cannot_be_stored_is_reported_by_line(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "huge.ftm.json"
    good = '{"id": "a", "schema": "Company", "properties": {"name": ["Alpha Trading"]}}'
    huge = (
        '{"id": "b", "schema": "Company", "properties": {"name": ["Beta"]},'
        ' "last_change": 123456789012345678901234567890}'
    )
    path.write_text(good + "\n" + huge + "\n", encoding="utf-8")
    with pytest.raises(LoadRefusedError) as caught:
        load_list(path, "ftm", "huge", home)
    assert [p.position for p in caught.value.problems] == ["line 2"]
    assert "cannot be stored" in caught.value.problems[0].reason
    assert load_list(path, "ftm", "huge", home, skip_invalid=True).entities == 1


def test_other_formats_go_through_the_workers_alike(tmp_path: Path) -> None:
    one, _ = _one_and_two_workers(tmp_path, UN, "un")
    assert one.entities > one.screened > 0


def test_a_worker_that_crashes_leaves_the_previous_version_serving(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _generated_list(tmp_path / "many.ftm.json", 2000)
    first = load_list(path, "ftm", "gen", home, skip_invalid=True)
    real = datasets.record_of

    def explode(proxy: EntityProxy) -> EntityRecord:
        if proxy.id == "gen-1500":
            raise ValueError("analysis failed")
        return real(proxy)

    monkeypatch.setattr(datasets, "record_of", explode)  # the forked workers inherit it
    with pytest.raises(ValueError, match="analysis failed"):
        load_list(path, "ftm", "gen", home, workers=2, skip_invalid=True)
    root = home / "datasets" / "gen"
    assert current_version(home, "gen") == root / first.version
    assert not list(root.glob(".building-*"))


def test_small_lists_load_in_one_process_by_default(tmp_path: Path) -> None:
    assert datasets.default_workers(MINI) == 1
    large = _generated_list(tmp_path / "large.ftm.json", 20000)
    assert large.stat().st_size > 1 << 20
    assert datasets.default_workers(large) >= 1
