"""Screening benchmark: Interdict and nomenklatura's logic-v2/v1 on the same queries and candidates.

Inputs come from ``bench/gen_parties.py``: a synthetic list (FtM JSON
lines), labelled positive queries and near-miss negatives.  The script

1. builds the dataset in a child process (``--rebuild``, or when it does
   not exist yet) and records build time and the child's peak RSS;
2. reopens it and records how long a restart takes;
3. times Interdict's real call (default threshold and limit) for every
   query: throughput on one core, p50 and p99 latency;
4. (unless ``--timing-only``) re-runs every query with threshold 0 and 30 results to collect the
   candidates and Interdict's scores, and scores the *same* candidates with
   each peer algorithm, in the same process;
5. reports recall on the positives (overall and per perturbation), false
   alarms on the negatives and pairwise precision/recall/F1 for each
   algorithm at its default threshold.  Synthetic lists repeat common names,
   as real ones do; an entity listed under the very name of the expected one
   (a namesake) is not counted as a false pair, for any algorithm.

Peers are scored on Interdict's candidates because they have no retrieval of
their own (yente pairs them with Elasticsearch); their timing is therefore
their comparison cost alone, which flatters them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model

from interdict.parties.names.analysis import normalise
from interdict.parties.query import Query, make_query
from interdict.parties.results import DEFAULT_THRESHOLD
from interdict.parties.screening import Dataset, Screener
from interdict.parties.store.datasets import current_version, load_list
from interdict.parties.store.entities import EntityReader

DATASET = "synthetic"
NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
PEER_THRESHOLD = 0.7  # yente's default match threshold


@dataclass
class Labelled:
    query_id: str
    query: Query
    expected: str | None
    kind: str


@dataclass
class Tally:
    """Decisions of one algorithm at its threshold."""

    threshold: float
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    asked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    negatives: int = 0
    false_alarms: int = 0
    true_pairs: int = 0
    false_pairs: int = 0
    missed_pairs: int = 0
    seconds: float = 0.0

    def add(self, item: Labelled, scores: dict[str, float], namesakes: set[str]) -> None:
        """Count one query; ``namesakes`` are other entities listed under a name of the expected.

        A namesake cannot be told apart from the expected entity by name, so
        reporting it is not a false match; it is left out of the false pairs
        for every algorithm alike.
        """
        hits = {entity for entity, score in scores.items() if score >= self.threshold}
        if item.expected is None:
            self.negatives += 1
            self.false_alarms += bool(hits)
            self.false_pairs += len(hits)
            return
        self.asked[item.kind] += 1
        if item.expected in hits:
            self.found[item.kind] += 1
            self.true_pairs += 1
        else:
            self.missed_pairs += 1
        self.false_pairs += len(hits - {item.expected} - namesakes)

    def summary(self) -> dict[str, Any]:
        asked = sum(self.asked.values())
        recall = sum(self.found.values()) / asked if asked else 0.0
        precision_den = self.true_pairs + self.false_pairs
        precision = self.true_pairs / precision_den if precision_den else 0.0
        pair_recall = self.true_pairs / (self.true_pairs + self.missed_pairs) if asked else 0.0
        f1 = 2 * precision * pair_recall / (precision + pair_recall) if precision else 0.0
        return {
            "threshold": self.threshold,
            "recall": round(recall, 4),
            "recall_by_kind": {
                kind: round(self.found[kind] / self.asked[kind], 4) for kind in sorted(self.asked)
            },
            "false_alarm_rate": round(self.false_alarms / self.negatives, 4)
            if self.negatives
            else None,
            "pair_precision": round(precision, 4),
            "pair_recall": round(pair_recall, 4),
            "f1": round(f1, 4),
            "scoring_seconds": round(self.seconds, 2),
        }


def read_labelled(path: Path) -> Iterator[Labelled]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            query = make_query(
                [row["name"]],
                row.get("schema"),
                [row["country"]] if row.get("country") else [],
                [row["birth_date"]] if row.get("birth_date") else [],
            )
            yield Labelled(row["query_id"], query, row.get("expected"), row.get("kind", ""))


def _build(list_path: str, home: str, workers: int) -> None:
    load_list(Path(list_path), "ftm", DATASET, Path(home), workers=workers)


def build(list_path: Path, home: Path, workers: int) -> dict[str, float]:
    """Build in a child so that its peak RSS is the build's alone (workers' included)."""
    started = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(
        target=_build, args=(str(list_path), str(home), workers)
    )
    child.start()
    child.join()
    if child.exitcode != 0:
        raise SystemExit(f"build failed with exit code {child.exitcode}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "build_seconds": round(time.perf_counter() - started, 1),
        "build_peak_mb": peak_kb // 1024,
    }


def peer_entity(item: Labelled) -> EntityProxy:
    proxy = model.make_entity(item.query.schema)
    proxy.id = f"query-{item.query_id}"
    proxy.add("name", item.query.names[0])
    if item.query.countries:
        proxy.add("country", list(item.query.countries))
    if item.query.birth_dates and proxy.schema.is_a("Person"):
        proxy.add("birthDate", list(item.query.birth_dates))
    return proxy


def peers() -> dict[str, Callable[[EntityProxy, EntityProxy], float]]:
    from nomenklatura.matching import LogicV1, LogicV2, ScoringConfig

    config = ScoringConfig.defaults()
    return {
        "nomenklatura logic-v2": lambda q, c: float(LogicV2.compare(q, c, config).score),
        "nomenklatura logic-v1": lambda q, c: float(LogicV1.compare(q, c, config).score),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--negatives", type=Path, required=True)
    parser.add_argument("--home", type=Path, default=Path("bench/out/screen-home"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--peer-sample", type=int, default=2000, help="queries scored by peers")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument(
        "--timing-only", action="store_true", help="stop after the timed pass (no recall pass)"
    )
    parser.add_argument("--build-workers", type=int, default=2, help="processes for the build")
    parser.add_argument("--json-out", type=Path)
    parser.add_argument(
        "--common", type=int, help="skip keys filed under more names than this (query time)"
    )
    args = parser.parse_args()
    if args.common is not None:
        from interdict.parties.index import search

        search.COMMON = args.common

    report: dict[str, Any] = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} vCPU",
        "python": platform.python_version(),
        "command": " ".join(sys.argv),
    }
    if args.rebuild or current_version(args.home, DATASET) is None:
        report.update(build(args.list, args.home, args.build_workers))
        report["build_workers"] = args.build_workers
    started = time.perf_counter()
    version = current_version(args.home, DATASET)
    assert version is not None
    dataset = Dataset.open(version)
    screener = Screener([dataset])
    report["restart_ms"] = round((time.perf_counter() - started) * 1000, 1)
    report["entities"] = dataset.index.entities
    report["names"] = dataset.index.names

    items = list(read_labelled(args.queries)) + list(read_labelled(args.negatives))
    screener.screen(items[0].query)  # first-touch page faults outside the timing
    latencies = []
    for item in items:
        began = time.perf_counter()
        screener.screen(item.query, limit=10, threshold=DEFAULT_THRESHOLD)
        latencies.append(time.perf_counter() - began)
    total = sum(latencies)
    report["queries"] = len(items)
    report["throughput_qps"] = round(len(items) / total, 1)
    report["latency_ms"] = {
        "p50": round(statistics.median(latencies) * 1000, 2),
        "p99": round(percentile(latencies, 0.99) * 1000, 2),
    }

    if args.timing_only:
        _report(report, args.json_out)
        return

    reader = EntityReader(version)

    def names_of(entity_id: str | None) -> set[str]:
        entity = reader.entity(entity_id) if entity_id else None
        if entity is None:
            return set()
        props = entity.get("properties", {})
        # Word order does not make another name: "Sayturturk Ibrahim" is "Ibrahim Sayturturk".
        return {
            " ".join(sorted(normalise(n).split())) for key in NAME_PROPS for n in props.get(key, [])
        }

    everything = Tally(DEFAULT_THRESHOLD)
    sample = {"Interdict": Tally(DEFAULT_THRESHOLD)}
    scorers = {} if args.no_peers else peers()
    sample.update({name: Tally(PEER_THRESHOLD) for name in scorers})
    every = max(1, len(items) // max(1, args.peer_sample))
    for number, item in enumerate(items):
        began = time.perf_counter()
        found = screener.screen(item.query, limit=30, threshold=0.0)
        spent = time.perf_counter() - began
        scores = {m.entity_id: m.score for m in found}
        expected_names = names_of(item.expected)
        namesakes = {
            m.entity_id
            for m in found
            if m.entity_id != item.expected and names_of(m.entity_id) & expected_names
        }
        everything.add(item, scores, namesakes)
        if number % every:
            continue
        sample["Interdict"].add(item, scores, namesakes)
        sample["Interdict"].seconds += spent
        query = peer_entity(item)
        entities = [reader.entity(m.entity_id) for m in found]
        proxies = [model.get_proxy(e) for e in entities if e is not None]
        for name, scorer in scorers.items():
            began = time.perf_counter()
            peer_scores = {str(p.id): scorer(query, p) for p in proxies}
            sample[name].seconds += time.perf_counter() - began
            sample[name].add(item, peer_scores, namesakes)
    report["interdict_all_queries"] = everything.summary()
    chosen = sample["Interdict"]
    report["side_by_side_queries"] = sum(chosen.asked.values()) + chosen.negatives
    report["side_by_side"] = {name: tally.summary() for name, tally in sample.items()}
    _report(report, args.json_out)


def _report(report: dict[str, Any], json_out: Path | None) -> None:
    text = json.dumps(report, indent=2)
    print(text)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
