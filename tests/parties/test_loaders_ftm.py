"""The FtM JSON-lines loader: OpenSanctions-shaped lines load unchanged, bad lines are named."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from followthemoney import EntityProxy, model

from interdict.parties.loaders.ftm import parse_line, read_ftm
from interdict.parties.loaders.problem import LoadProblem

LISTS = Path(__file__).parent / "fixtures" / "lists"
FIXTURE = LISTS / "ftm_entities.ftm.json"
BAD_LINES = LISTS / "ftm_bad_lines.ftm.json"


def test_opensanctions_lines_load_unchanged() -> None:
    lines = [json.loads(line) for line in FIXTURE.read_text(encoding="utf-8").splitlines()]
    records = list(read_ftm(FIXTURE, "ignored"))
    assert all(isinstance(r, EntityProxy) for r in records)
    assert [r.to_dict() for r in records if isinstance(r, EntityProxy)] == lines


def test_context_keys_are_kept_on_the_proxy() -> None:
    first = next(r for r in read_ftm(FIXTURE, "ignored") if isinstance(r, EntityProxy))
    assert first.context["datasets"] == ["un_sc_sanctions", "eu_fsf"]
    assert first.context["caption"] == "Example Precision Works"
    assert first.context["referents"] == ["unsc-9990001", "eu-fsf-eu-9990-02"]
    assert first.context["target"] is True
    assert first.context["first_seen"] == "2026-01-15T00:00:00"


def test_gzipped_file_loads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "entities.ftm.json.gz"
    path.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    plain = [r.to_dict() for r in read_ftm(FIXTURE, "x") if isinstance(r, EntityProxy)]
    packed = [r.to_dict() for r in read_ftm(path, "x") if isinstance(r, EntityProxy)]
    assert packed == plain


def test_truncated_gzip_yields_the_lines_before_the_cut_then_a_problem(tmp_path: Path) -> None:
    many = b"".join(
        json.dumps(
            {"id": f"fictional-{n}", "schema": "Person", "properties": {"name": [f"P {n}"]}}
        ).encode()
        + b"\n"
        for n in range(2000)
    )
    data = gzip.compress(many)
    path = tmp_path / "cut.ftm.json.gz"
    path.write_bytes(data[: len(data) // 2])
    records = list(read_ftm(path, "x"))
    assert all(isinstance(r, EntityProxy) for r in records[:-1])
    assert len(records) > 10
    problem = records[-1]
    assert isinstance(problem, LoadProblem)
    assert problem.position == str(path)
    assert "breaks off after line" in problem.reason


def test_bad_lines_are_problems_at_their_line_numbers() -> None:
    records = list(read_ftm(BAD_LINES, "own"))
    problems = [r for r in records if isinstance(r, LoadProblem)]
    assert [p.position for p in problems] == [f"line {n}" for n in (2, 4, 5, 6, 7, 8, 9, 10)]
    reasons = [p.reason for p in problems]
    assert reasons[0].startswith("not valid JSON")
    assert reasons[1] == "unknown schema 'Spaceship'"
    assert reasons[2].startswith("not UTF-8 text (byte 0xe9")
    assert "abstract" in reasons[3]
    assert reasons[4] == "property 'name' is not a list of strings"
    assert reasons[5] == "no entity id"
    assert reasons[6] == "not a JSON object"
    assert "not a valid FtM entity id" in reasons[7]


def test_good_lines_around_bad_ones_load_and_keep_their_datasets() -> None:
    entities = [r for r in read_ftm(BAD_LINES, "own") if isinstance(r, EntityProxy)]
    assert [e.id for e in entities] == ["fictional-minimal", "fictional-last"]
    # A line without datasets gets the caller's; a line with its own keeps them.
    assert entities[0].context["datasets"] == ["own"]
    assert entities[1].context["datasets"] == ["own_dataset"]


def test_empty_and_missing_files_are_one_problem_each(tmp_path: Path) -> None:
    empty = LISTS / "empty.txt"
    assert list(read_ftm(empty, "x")) == [LoadProblem(str(empty), "the file is empty")]
    missing = tmp_path / "missing.ftm.json"
    [problem] = list(read_ftm(missing, "x"))
    assert isinstance(problem, LoadProblem)
    assert problem.position == str(missing)


PERSON = b'{"id": "p-1", "schema": "Person", "properties": {"name": ["A B"]}'


@pytest.mark.parametrize(
    "line",
    [
        PERSON + b', "n": 1234567890123456789012}',
        PERSON + b', "n": -9223372036854775809}',
        PERSON + b', "n": 1e400, "m": NaN}',
        b'{"id": "p-1", "schema": "Person", "properties": {"name": ["A \\ud800"]}}',
        PERSON + b', "id": "p-2"}',
        b'{"id": "p-1", "schema": "Person", "properties": {"name": ["\xed\xa0\x80"]}}',
        b'\xef\xbb\xbf{"id": "p-1", "schema": "Person", "properties": {}}',
        b'{"id": "p-1", "schema": "Person", "properties": {"name": ["x\x01"]}}',
        b'{"id": "p-1", "schema": "Person", "properties": {"name": ["A B"]}} x',
        b"[" * 2000 + b"]" * 2000,
        b"null\r\n",
    ],
)
def test_a_line_parses_as_json_parses_it(line: bytes) -> None:
    """orjson parses most lines; what it reads differently or refuses, json decides, as before."""
    got = parse_line(7, line, "own")
    try:
        data = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError:
        assert isinstance(got, LoadProblem) and got.reason.startswith("not UTF-8 text")
        return
    except (ValueError, RecursionError) as exc:
        assert isinstance(got, LoadProblem) and got.position == "line 7"
        assert got.reason.startswith("not valid JSON"), got
        if isinstance(exc, json.JSONDecodeError):
            assert got.reason == f"not valid JSON ({exc.msg} at column {exc.pos + 1})"
        return
    if not isinstance(data, dict):
        assert got == LoadProblem("line 7", "not a JSON object")
        return
    assert isinstance(got, EntityProxy)
    data.setdefault("datasets", ["own"])
    expected = model.get_proxy(data).to_dict()
    assert repr(got.to_dict()) == repr(expected)  # repr: NaN and int-or-float types alike
