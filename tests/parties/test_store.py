"""Datasets on disk: atomic loads, refusals that leave the old version serving, removal."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.store import datasets
from interdict.parties.store.bundled import BUNDLED, ensure_bundled, opt_out_marker, remove_dataset
from interdict.parties.store.datasets import (
    DatasetError,
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
    real = datasets.read_list

    def explode(path: Path, fmt: str, name: str) -> Iterator[EntityProxy | LoadProblem]:
        for count, item in enumerate(real(path, fmt, name)):
            if count == 3:
                raise OSError("disk vanished")
            yield item

    monkeypatch.setattr(datasets, "read_list", explode)
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
