"""Format detection, dispatch, and the promise that no input makes a loader raise."""

from __future__ import annotations

import contextlib
import gzip
import json
import tempfile
from pathlib import Path

import pytest
from followthemoney import EntityProxy, registry
from followthemoney.util import ENTITY_ID_LEN
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.parties.loaders import FORMATS, detect_format, read_list
from interdict.parties.loaders.problem import LoadProblem

LISTS = Path(__file__).parent / "fixtures" / "lists"
FIXTURES = {
    "ftm_entities.ftm.json": "ftm",
    "ftm_bad_lines.ftm.json": "ftm",
    "csl_consolidated.json": "csl",
    "csl_consolidated.csv": "csl",
    "un_consolidated.xml": "un",
    "un_bad_records.xml": "un",
    "un_truncated.xml": "un",
    "eu_fsf.xml": "eu",
}


def test_formats_are_the_four_lists() -> None:
    assert FORMATS == ("ftm", "csl", "un", "eu")


@pytest.mark.parametrize(("name", "fmt"), sorted(FIXTURES.items()))
def test_fixtures_are_detected_by_content(name: str, fmt: str) -> None:
    assert detect_format(LISTS / name) == fmt


@pytest.mark.parametrize(("name", "fmt"), sorted(FIXTURES.items()))
def test_content_wins_over_a_misleading_name(tmp_path: Path, name: str, fmt: str) -> None:
    path = tmp_path / "download.dat"
    path.write_bytes((LISTS / name).read_bytes())
    assert detect_format(path) == fmt


def test_gzipped_ftm_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "entities.bin"
    path.write_bytes(gzip.compress((LISTS / "ftm_entities.ftm.json").read_bytes()))
    assert detect_format(path) == "ftm"


def test_empty_files_fall_back_to_their_name(tmp_path: Path) -> None:
    for name, fmt in (("list.csv", "csl"), ("x.ftm.json", "ftm"), ("x.jsonl", "ftm")):
        path = tmp_path / name
        path.write_bytes(b"")
        assert detect_format(path) == fmt


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("list.xml", b"<?xml version='1.0'?><sdnList></sdnList>"),
        ("list.json", b'{"name": "not a list"}'),
        ("list.txt", b"plain words"),
        ("empty.json", b""),
    ],
)
def test_unknown_content_is_a_clear_value_error(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValueError, match="cannot tell the list format"):
        detect_format(path)


def test_missing_file_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        detect_format(tmp_path / "missing.xml")


def test_unknown_format_name_lists_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="ftm, csl, un, eu"):
        read_list(LISTS / "eu_fsf.xml", "ofac", "x")


def test_read_list_dispatches_to_the_named_loader() -> None:
    for name, fmt in FIXTURES.items():
        records = list(read_list(LISTS / name, fmt, "dataset"))
        assert any(isinstance(r, EntityProxy) for r in records), name


def test_every_id_is_a_valid_ftm_id(tmp_path: Path) -> None:
    long_key = "K" * 400
    path = tmp_path / "long.json"
    path.write_text(json.dumps([{"id": long_key, "name": "Fictional"}]), encoding="utf-8")
    loads = [read_list(LISTS / name, fmt, "dataset") for name, fmt in FIXTURES.items()]
    loads.append(read_list(path, "csl", "dataset"))
    ids = [r.id for records in loads for r in records if isinstance(r, EntityProxy)]
    assert ids
    assert all(entity_id and registry.entity.validate(entity_id) for entity_id in ids)
    assert all(len(entity_id or "") <= ENTITY_ID_LEN for entity_id in ids)


def _load_bytes(content: bytes, fmt: str, suffix: str) -> list[EntityProxy | LoadProblem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"list{suffix}"
        path.write_bytes(content)
        return list(read_list(path, fmt, "fuzz"))


def _assert_well_formed(records: list[EntityProxy | LoadProblem]) -> None:
    for record in records:
        assert isinstance(record, EntityProxy | LoadProblem)
        if isinstance(record, EntityProxy):
            assert record.id
            assert record.context.get("datasets")


SUFFIXES = st.sampled_from([".xml", ".json", ".csv", ".gz", ""])


@settings(max_examples=150, deadline=None)
@given(content=st.binary(max_size=2048), fmt=st.sampled_from(FORMATS), suffix=SUFFIXES)
def test_random_bytes_never_raise(content: bytes, fmt: str, suffix: str) -> None:
    _assert_well_formed(_load_bytes(content, fmt, suffix))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=1024), fmt=st.sampled_from(FORMATS))
def test_random_text_never_raises(text: str, fmt: str) -> None:
    _assert_well_formed(_load_bytes(text.encode("utf-8", "surrogatepass"), fmt, ".txt"))


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(sorted(FIXTURES)),
    cut=st.floats(min_value=0, max_value=1),
    noise=st.binary(max_size=16),
)
def test_damaged_real_files_never_raise(name: str, cut: float, noise: bytes) -> None:
    """Fixtures cut short at any point, with stray bytes spliced in, still only yield."""
    content = (LISTS / name).read_bytes()
    at = int(len(content) * cut)
    damaged = content[:at] + noise + content[at + len(noise) :]
    _assert_well_formed(_load_bytes(damaged, FIXTURES[name], ".dat"))


@settings(max_examples=150, deadline=None)
@given(content=st.binary(max_size=512), suffix=SUFFIXES)
def test_detection_of_random_bytes_names_a_format_or_raises_value_error(
    content: bytes, suffix: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"list{suffix}"
        path.write_bytes(content)
        with contextlib.suppress(ValueError):
            assert detect_format(path) in FORMATS


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
CSL_KEYS = st.sampled_from(
    [
        "id",
        "_id",
        "entity_number",
        "type",
        "name",
        "alt_names",
        "addresses",
        "ids",
        "programs",
        "dates_of_birth",
        "citizenships",
        "source",
        "start_date",
        "vessel_flag",
        "title",
    ]
)
FTM_KEYS = st.sampled_from(["id", "schema", "properties", "datasets", "caption", "target"])


@settings(max_examples=150, deadline=None)
@given(results=st.lists(st.dictionaries(CSL_KEYS, JSON_VALUES, max_size=8), max_size=4))
def test_random_csl_json_records_never_raise(results: list[dict[str, object]]) -> None:
    content = json.dumps({"results": results}).encode()
    _assert_well_formed(_load_bytes(content, "csl", ".json"))


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.dictionaries(FTM_KEYS, JSON_VALUES, max_size=6), max_size=4))
def test_random_ftm_lines_never_raise(lines: list[dict[str, object]]) -> None:
    content = b"\n".join(json.dumps(line).encode() for line in lines)
    _assert_well_formed(_load_bytes(content, "ftm", ".json"))


def test_ftm_with_a_first_line_longer_than_the_sniff_is_detected(tmp_path: Path) -> None:
    entity = {
        "id": "fictional-long",
        "schema": "Person",
        "properties": {"alias": [f"Fictional Alias {n}" for n in range(10000)]},
    }
    path = tmp_path / "entities.json"
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    assert path.stat().st_size > 100_000
    assert detect_format(path) == "ftm"
