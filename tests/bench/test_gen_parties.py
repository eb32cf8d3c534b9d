"""The screening-benchmark generator (bench/gen_parties.py) at a small size."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from followthemoney import model
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "gen_parties.py"
COUNT, QUERIES, NEGATIVES, SEED = 2000, 200, 200, 7
FILES = ("list.jsonl", "queries.jsonl", "negatives.jsonl")


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_parties", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


gen = _load()


def _generate(out: Path, workers: int = 1) -> None:
    gen.generate(
        count=COUNT,
        seed=SEED,
        list_out=out / FILES[0],
        queries_out=out / FILES[1],
        negatives_out=out / FILES[2],
        queries=QUERIES,
        negatives=NEGATIVES,
        workers=workers,
    )


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parties")
    _generate(path)
    return path


@pytest.fixture(scope="module")
def entities(out: Path) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in _read(out / FILES[0])}


@pytest.fixture(scope="module")
def queries(out: Path) -> list[dict[str, Any]]:
    return _read(out / FILES[1])


@pytest.fixture(scope="module")
def negatives(out: Path) -> list[dict[str, Any]]:
    return _read(out / FILES[2])


def _names(entity: dict[str, Any]) -> list[str]:
    props = entity["properties"]
    return [*props["name"], *props.get("alias", [])]


def _script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not name.startswith("LATIN"):
                return name.split()[0]
    return "LATIN"


def test_same_seed_same_bytes(out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # again in this process, the list written by two worker processes in small chunks
    monkeypatch.setattr(gen, "CHUNK", 300)
    _generate(tmp_path / "forked", workers=2)
    # and in a fresh interpreter with another string-hash seed (no set-order leaks)
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    fresh = tmp_path / "fresh"
    args = [f"--{k}" for k in ("list-out", "queries-out", "negatives-out")]
    command = [sys.executable, str(SCRIPT), "--count", str(COUNT), "--seed", str(SEED)]
    command += ["--queries", str(QUERIES), "--negatives", str(NEGATIVES), "--workers", "1"]
    for arg, name in zip(args, FILES, strict=True):
        command += [arg, str(fresh / name)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert "queries per kind" in done.stderr
    for name in FILES:
        expected = (out / name).read_bytes()
        assert (tmp_path / "forked" / name).read_bytes() == expected, name
        assert (fresh / name).read_bytes() == expected, name


def test_another_seed_another_list(tmp_path: Path) -> None:
    gen.generate(count=50, seed=SEED + 1, list_out=tmp_path / "l.jsonl")
    first = [e["properties"]["name"] for e in _read(tmp_path / "l.jsonl")]
    gen.generate(count=50, seed=SEED, list_out=tmp_path / "m.jsonl")
    assert first != [e["properties"]["name"] for e in _read(tmp_path / "m.jsonl")]


def test_every_line_is_followthemoney(entities: dict[str, dict[str, Any]]) -> None:
    assert len(entities) == COUNT
    for data in entities.values():
        proxy = model.get_proxy(data, cleaned=False)  # re-validates every value
        assert proxy.schema.name == data["schema"] in ("Person", "Company", "Organization")
        assert data["datasets"] == ["synthetic"]
        for prop, values in data["properties"].items():
            assert sorted(proxy.get(prop)) == sorted(values), (data["id"], prop)


def test_schemas_and_scripts(entities: dict[str, dict[str, Any]]) -> None:
    schemas = Counter(e["schema"] for e in entities.values())
    assert set(schemas) == {"Person", "Company", "Organization"}
    scripts = Counter(_script(n) for e in entities.values() for n in _names(e))
    for script in ("LATIN", "CYRILLIC", "ARABIC", "HEBREW", "GREEK", "CJK", "HANGUL"):
        assert scripts[script] > 0, scripts
    persons = [e["properties"] for e in entities.values() if e["schema"] == "Person"]
    assert sum("birthDate" in p for p in persons) > len(persons) / 2
    assert sum("nationality" in p for p in persons) > len(persons) / 2
    assert all(n == n.lower() and len(n) == 2 for p in persons for n in p.get("nationality", []))


def test_queries_point_at_the_list(
    entities: dict[str, dict[str, Any]], queries: list[dict[str, Any]]
) -> None:
    assert len(queries) == QUERIES
    assert len({q["query_id"] for q in queries}) == QUERIES
    kinds = Counter(q["kind"] for q in queries)
    assert set(kinds) == set(gen.KINDS)
    assert max(kinds.values()) - min(kinds.values()) <= 1
    for query in queries:
        entity = entities[query["expected"]]
        assert query["schema"] == entity["schema"]
        listed = {n.casefold() for n in _names(entity)}
        assert (query["name"].casefold() in listed) == (query["kind"] == "exact"), query
        props = entity["properties"]
        if "birth_date" in query:
            assert [query["birth_date"]] == props["birthDate"]
        if "country" in query:
            assert query["country"] in props.get("nationality", props.get("country", []))
    persons = [q for q in queries if q["schema"] == "Person"]
    with_context = sum("birth_date" in q or "country" in q for q in persons)
    assert 0.25 * len(persons) < with_context < 0.75 * len(persons)
    assert any(_script(q["name"]) != "LATIN" for q in queries if q["kind"] == "script_change")


def test_acronyms_are_initials(
    entities: dict[str, dict[str, Any]], queries: list[dict[str, Any]]
) -> None:
    def within(acronym: str, name: str) -> bool:
        initials = iter(w[0].upper() for w in name.split() if w[0].isalpha())
        return all(letter in initials for letter in acronym)  # a subsequence

    for query in (q for q in queries if q["kind"] == "acronym"):
        assert query["name"].isupper() and 4 <= len(query["name"]) <= 5
        assert any(within(query["name"], n) for n in _names(entities[query["expected"]]))


_LETTERS = re.compile(r"[^\W\d_]+")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("\u0131", "i"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _readings(name: str, legal: list[str]) -> set[str]:
    """Acronyms read from a written name, recomputed from its text alone: with and without
    any Latin legal form it starts or ends with (more readings than the generator has, so
    this check is the stricter)."""
    cores = [name]
    for form in legal:
        if name.endswith(" " + form):
            cores.append(name[: -len(form) - 1])
        if name.startswith(form + " "):
            cores.append(name[len(form) + 1 :])
    found = set()
    words = name.split()
    if len(words) == 1 and len(_LETTERS.findall(name)) <= 8:
        found.add("".join(_LETTERS.findall(name)))
    for core in cores:
        spaced = [w for w in core.split() if _LETTERS.search(w)]
        for parts in (spaced, _LETTERS.findall(core)):
            content = [w for w in parts if w.casefold() not in gen.ACRONYM_STOPWORDS]
            capitals = [w for w in parts if w[0].isupper()]
            for kept in (parts, content, capitals):
                found.add("".join(_LETTERS.findall(w)[0][0] for w in kept))
    return {_key(a) for a in found if a}


def test_acronym_queries_are_unique(
    entities: dict[str, dict[str, Any]], queries: list[dict[str, Any]]
) -> None:
    # independently of the generator's counts: every acronym a name of a list company or
    # organisation can be read as, counted once per entity
    legal = sorted({t for forms in gen.LEGAL_FORMS.values() for t, s, _ in forms if s == "Latin"})
    read_from: dict[str, set[str]] = {}
    for entity in entities.values():
        if entity["schema"] == "Person":
            continue
        for name in _names(entity):
            if _script(name) == "LATIN":
                for acronym in _readings(name, legal):
                    read_from.setdefault(acronym, set()).add(entity["id"])
    acronyms = [q for q in queries if q["kind"] == "acronym"]
    assert len(acronyms) >= QUERIES // len(gen.KINDS)
    for query in acronyms:
        key = _key(query["name"])
        assert len(key) >= 4, query
        assert read_from.get(key) == {query["expected"]}, (query, read_from.get(key))
    # the check is not idle: some acronyms of 4-5 letters are shared at this size already
    assert any(len(ids) > 1 for a, ids in read_from.items() if 4 <= len(a) <= 5)


def test_acronym_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # spaced or split at hyphens and dots; with or without "ve", "Al" and the legal form
    readings = {
        gen.acronym_key(a) for a in gen.name_acronyms("Al-Nur Kaya Sanayi ve Ticaret Ltd. Şti.")
    }
    for acronym in ("akst", "aksvt", "anksvt", "nkst", "akstls", "anksvtls"):
        assert acronym in readings, (acronym, readings)
    # legal forms are stripped by their text, in part too ("Ltd." of "Co., Ltd.")
    assert {"LYMCL", "LYM", "LYMC"} <= gen.name_acronyms("Linjun Yian Machinery Co., Ltd.")
    # "Al-Manjab" read as two capitalised words, "and" left out
    assert "AMPIT" in gen.name_acronyms("Al-Manjab Petrochemical Industry and Trade L.L.C.")
    assert gen.acronym_key("AKSTLŞ") == "akstls"
    # the counts merged from worker processes are those of one process
    vocab = gen.Vocabulary(SEED, 1200)
    single = gen.count_acronyms(vocab, SEED, 1200)
    monkeypatch.setattr(gen, "CHUNK", 250)
    assert gen.count_acronyms(vocab, SEED, 1200, workers=2) == single
    assert single and all(4 <= len(a) <= 5 for a in single)
    # no acronym query is made from an acronym other entries share
    shared = gen.Counter(dict.fromkeys(single, 2))
    queries = gen.generate_queries(vocab, SEED, 1200, 9, max_attempts=300, acronyms=shared)
    with pytest.raises(RuntimeError, match="acronym"):
        list(queries)


def test_negatives_are_honest(
    entities: dict[str, dict[str, Any]],
    queries: list[dict[str, Any]],
    negatives: list[dict[str, Any]],
) -> None:
    assert len(negatives) == NEGATIVES
    assert {n["kind"] for n in negatives} == {"near_miss"}
    assert all(n["expected"] is None for n in negatives)
    vocab = gen.Vocabulary(SEED, COUNT)
    for negative in negatives:
        assert vocab.is_negative(negative["name"], gen.script_of(negative["name"])), negative
    # independently of the generator: a token of every negative is three edits or more
    # from every token of every name in the list, and no negative is a listed or queried name
    list_tokens = sorted({t for e in entities.values() for n in _names(e) for t in gen.tokens(n)})
    taken = {n.casefold() for e in entities.values() for n in _names(e)}
    taken |= {q["name"].casefold() for q in queries}
    for negative in negatives:
        assert negative["name"].casefold() not in taken
        new = [
            t
            for t in gen.tokens(negative["name"])
            if len(t) >= 6
            and process.extractOne(t, list_tokens, scorer=Levenshtein.distance, score_cutoff=2)
            is None
        ]
        assert new, negative
    assert {n["schema"] for n in negatives} == {"Person", "Company", "Organization"}


def test_cli_needs_an_output() -> None:
    with pytest.raises(SystemExit):
        gen.main(["--count", "10"])
