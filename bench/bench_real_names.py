"""Name-pair benchmark: Interdict and nomenklatura's logic-v2/v1 on the same labelled pairs.

Reads pair sets and scores every pair with each algorithm, in one process:

* **Interdict**: ``interdict.parties.compare.compare_names(left, right, schema)`` (``left``
  is the query, ``right`` the listed name; no list statistics, so every word weighs 1 but
  generic trade words), a match at ``interdict.parties.results.DEFAULT_THRESHOLD``;
* **nomenklatura logic-v2 / logic-v1**: ``LogicV2.compare`` / ``LogicV1.compare`` on two FtM
  entities of the pair's schema holding one ``name`` each, with ``ScoringConfig.defaults()``,
  a match at 0.7 (yente's default, as in ``bench/bench_screening.py``).

Pair sets:

* the real-name set of ``bench/real_names.py`` (``--set DIR``: ``pairs-org.jsonl.gz`` and
  ``pairs-person.jsonl.gz``, committed in ``bench/data/real-names``), read unless ``--pairs``
  or ``--name-bench`` is given alone;
* ``--pairs FILE`` (repeatable): a pair file in this set's JSON-lines format or in
  nomenklatura name_bench's ``cases.csv`` format;
* ``--name-bench PATH``: nomenklatura's ``contrib/name_bench/cases.csv`` (columns
  ``case_group, schema, name1, name2, is_match, quality, category, notes``), reported also by
  case group, quality and schema; ``--name-bench-reference RUN.csv`` summarises one of its
  stored runs (``run_data/logicv2-frozen.csv``) at the same threshold, for comparison.

For every scorer: recall on the positives, false-alarm rate on the negatives, precision, F1
(all at the scorer's default threshold); the same without ``distinct`` aliases (cover names
no name matcher can find) and for name variants only (without ``distinct`` and ``partial``
positives: translations and rewordings sharing only some words; all negatives kept); the F1
at the scorer's best threshold (a calibration check); the median milliseconds per pair; then
recall or false-alarm rate by ``kind`` and by list. The summary is JSON on stdout
(``--json-out`` writes it too); ``--misses FILE`` writes every pair some scorer gets wrong,
with all scores; the report names Interdict's most telling misses, with its explanation.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = Path("bench/data/real-names")
PEER_THRESHOLD = 0.7  # yente's default match threshold
UNFINDABLE = "distinct"  # a cover name: nothing in common with the name it stands for
# Positives that are no spelling of the same name: cover names, and names sharing only
# some words (translations, rewordings); the negatives are all kept.
NOT_VARIANTS = frozenset({UNFINDABLE, "partial"})

Scorer = Callable[[str, str, str], float]


@dataclass
class Case:
    """One labelled pair; ``slices`` are extra columns to break the figures down by."""

    pair_id: str
    schema: str
    left: str
    right: str
    label: int
    kind: str
    lists: str = ""
    slices: dict[str, str] = field(default_factory=dict)


@dataclass
class Confusion:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, label: int, predicted: bool) -> None:
        if label:
            self.tp += predicted
            self.fn += not predicted
        else:
            self.fp += predicted
            self.tn += not predicted

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def false_alarm_rate(self) -> float | None:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def f1(self) -> float | None:
        if not self.tp:
            return 0.0 if self.tp + self.fn else None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def summary(self) -> dict[str, Any]:
        return {
            "recall": _round(self.recall),
            "false_alarm_rate": _round(self.false_alarm_rate),
            "precision": _round(self.precision),
            "f1": _round(self.f1),
            "tp": self.tp,
            "fn": self.fn,
            "fp": self.fp,
            "tn": self.tn,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def confusion(labels: Iterable[int], scores: Iterable[float], threshold: float) -> Confusion:
    tally = Confusion()
    for label, score in zip(labels, scores, strict=True):
        tally.add(label, score >= threshold)
    return tally


def best_threshold(labels: list[int], scores: list[float]) -> dict[str, float | None]:
    """The threshold (0.01 steps) at which F1 is highest, and that F1."""
    best: tuple[float, float] = (-1.0, 0.0)
    for step in range(1, 101):
        threshold = step / 100
        f1 = confusion(labels, scores, threshold).f1 or 0.0
        if f1 > best[0]:
            best = (f1, threshold)
    return {"threshold": best[1], "f1": round(best[0], 4)}


# --- reading pair sets -------------------------------------------------------------------------


def read_pairs(path: Path) -> list[Case]:
    """A pair file: this set's JSON lines, or name_bench's CSV (by its header)."""
    with path.open(encoding="utf-8") as handle:
        head = handle.readline()
    if head.lstrip().startswith("{"):
        return read_jsonl(path)
    return read_name_bench(path)


def read_jsonl(path: Path) -> list[Case]:
    cases = []
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            cases.append(
                Case(
                    row["pair_id"],
                    row["schema"],
                    row["left"],
                    row["right"],
                    int(row["label"]),
                    row["kind"],
                    "+".join(row.get("lists", [])),
                    {"alias_prop": row.get("left_prop", "")} if row["label"] else {},
                )
            )
    return cases


def read_name_bench(path: Path) -> list[Case]:
    """name_bench ``cases.csv``: name1 is the query, name2 the result; ``is_match`` true/false."""
    cases = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            group = row.get("case_group", "")
            cases.append(
                Case(
                    f"{path.stem}:{number}",
                    row["schema"],
                    row["name1"],
                    row["name2"],
                    int(row["is_match"].strip().lower() == "true"),
                    row.get("category") or "(none)",
                    group,
                    {
                        "case_group": group,
                        "quality": (row.get("quality") or "MEDIUM").upper(),
                        "schema": row["schema"],
                    },
                )
            )
    return cases


# --- scorers -----------------------------------------------------------------------------------


def scorers() -> dict[str, tuple[Scorer, float]]:
    """Each algorithm as ``(left, right, schema) -> score``, with its match threshold."""
    from followthemoney import model
    from nomenklatura.matching import LogicV1, LogicV2, ScoringConfig

    from interdict.parties.compare import compare_names
    from interdict.parties.query import QueryError
    from interdict.parties.results import DEFAULT_THRESHOLD

    config = ScoringConfig.defaults()

    def interdict(left: str, right: str, schema: str) -> float:
        try:
            return compare_names(left, right, schema)[0]
        except QueryError:
            return 0.0

    def entity(name: str, schema: str, entity_id: str) -> Any:
        proxy = model.make_entity(schema)
        proxy.id = entity_id
        proxy.add("name", name)
        return proxy

    serial = itertools.count()

    def peer(logic: Any) -> Scorer:
        def score(left: str, right: str, schema: str) -> float:
            # Fresh ids for every pair: logic-v2 caches a name's analysis by entity id alone
            # (nomenklatura/matching/logic_v2/names/analysis.py), so reusing an id would score
            # the names of an earlier pair.
            number = next(serial)
            query = entity(left, schema, f"query-{number}")
            candidate = entity(right, schema, f"listed-{number}")
            return float(logic.compare(query, candidate, config).score)

        return score

    return {
        "Interdict": (interdict, DEFAULT_THRESHOLD),
        "nomenklatura logic-v2": (peer(LogicV2), PEER_THRESHOLD),
        "nomenklatura logic-v1": (peer(LogicV1), PEER_THRESHOLD),
    }


def explain(case: Case) -> str:
    from interdict.parties.compare import compare_names
    from interdict.parties.query import QueryError

    try:
        _, explanation = compare_names(case.left, case.right, case.schema)
    except QueryError as exc:
        return f"query error: {exc}"
    return explanation.summary if explanation else "no comparable name forms"


@dataclass
class Scored:
    scores: dict[str, list[float]]
    seconds: dict[str, list[float]]


def score_all(cases: list[Case], algorithms: dict[str, tuple[Scorer, float]]) -> Scored:
    scores: dict[str, list[float]] = {name: [] for name in algorithms}
    seconds: dict[str, list[float]] = {name: [] for name in algorithms}
    for scorer, _ in algorithms.values():
        scorer("Warm Up Trading Company", "Warm-Up Trading Co", "Organization")
    for case in cases:
        for name, (scorer, _) in algorithms.items():
            began = time.perf_counter()
            value = scorer(case.left, case.right, case.schema)
            seconds[name].append(time.perf_counter() - began)
            scores[name].append(value)
    return Scored(scores, seconds)


# --- report ------------------------------------------------------------------------------------


def section_report(
    cases: list[Case],
    scored: Scored,
    thresholds: dict[str, float],
    slices: Iterable[str] = ("lists",),
) -> dict[str, Any]:
    labels = [case.label for case in cases]
    subsets = {
        f"without_{UNFINDABLE}": [i for i, c in enumerate(cases) if c.kind != UNFINDABLE],
        "variants_only": [i for i, c in enumerate(cases) if c.kind not in NOT_VARIANTS],
    }
    report: dict[str, Any] = {
        "pairs": len(cases),
        "positives": sum(labels),
        "negatives": len(labels) - sum(labels),
        "scorers": {},
    }
    for name, values in scored.scores.items():
        threshold = thresholds[name]
        summary = confusion(labels, values, threshold).summary()
        summary = {"threshold": threshold, **summary}
        for subset, members in subsets.items():
            if len(members) < len(cases):
                summary[subset] = confusion(
                    [labels[i] for i in members], [values[i] for i in members], threshold
                ).summary()
        summary["best_threshold"] = best_threshold(labels, values)
        summary["median_ms"] = round(statistics.median(scored.seconds[name]) * 1000, 3)
        summary["p99_ms"] = round(_percentile(scored.seconds[name], 0.99) * 1000, 3)
        report["scorers"][name] = summary
    report["by_kind"] = breakdown(cases, scored, thresholds, lambda c: c.kind)
    for key in slices:
        if key == "lists":
            report["by_list"] = breakdown(cases, scored, thresholds, lambda c: c.lists)
        else:
            report[f"by_{key}"] = breakdown(
                cases, scored, thresholds, lambda c, key=key: c.slices.get(key, "")
            )
    return report


def breakdown(
    cases: list[Case],
    scored: Scored,
    thresholds: dict[str, float],
    key: Callable[[Case], str],
) -> dict[str, Any]:
    """Recall (positives) or false-alarm rate (negatives) per value of ``key`` and label;
    a slice holding both labels also gets each scorer's F1."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        groups[key(case)].append(index)
    table: dict[str, Any] = {}
    for value, members in sorted(groups.items()):
        for label in (1, 0):
            chosen = [i for i in members if cases[i].label == label]
            if not chosen:
                continue
            row: dict[str, Any] = {"n": len(chosen)}
            metric = "recall" if label else "false_alarm_rate"
            for name, values in scored.scores.items():
                tally = confusion(
                    [label] * len(chosen), [values[i] for i in chosen], thresholds[name]
                )
                row[name] = _round(getattr(tally, metric))
            table[f"{'+' if label else '-'} {value}" if value else ("+" if label else "-")] = {
                "metric": metric,
                **row,
            }
        if len({cases[i].label for i in members}) == 2:
            table[f"F1 {value}"] = {
                name: _round(
                    confusion(
                        [cases[i].label for i in members],
                        [values[i] for i in members],
                        thresholds[name],
                    ).f1
                )
                for name, values in scored.scores.items()
            }
    return table


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def misses(cases: list[Case], scored: Scored, thresholds: dict[str, float]) -> list[dict[str, Any]]:
    """Every pair some scorer decides wrongly, with every scorer's score and verdict."""
    wrong = []
    for index, case in enumerate(cases):
        verdicts = {
            name: (values[index] >= thresholds[name]) == bool(case.label)
            for name, values in scored.scores.items()
        }
        if all(verdicts.values()):
            continue
        wrong.append(
            {
                "pair_id": case.pair_id,
                "label": case.label,
                "kind": case.kind,
                "lists": case.lists,
                "schema": case.schema,
                "left": case.left,
                "right": case.right,
                "scores": {n: round(v[index], 4) for n, v in scored.scores.items()},
                "right_by": sorted(n for n, ok in verdicts.items() if ok),
            }
        )
    return wrong


def telling(wrong: list[dict[str, Any]], thresholds: dict[str, float], count: int) -> list[Any]:
    """Interdict's most telling misses: those the peers get right first, then the farthest
    from the threshold; false negatives and false alarms in equal share, never a cover name."""
    mine = [m for m in wrong if "Interdict" not in m["right_by"] and m["kind"] != UNFINDABLE]
    threshold = thresholds["Interdict"]

    def rank(miss: dict[str, Any]) -> tuple[int, float]:
        distance = abs(miss["scores"]["Interdict"] - threshold)
        return (-len(miss["right_by"]), -distance)

    chosen: list[dict[str, Any]] = []
    for label in (1, 0):
        group = sorted((m for m in mine if m["label"] == label), key=rank)
        chosen.extend(group[: count // 2 if label else count - count // 2])
    return chosen


def environment() -> dict[str, Any]:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
        ).stdout.strip()

    import interdict

    dirty = [line[3:] for line in git("status", "--porcelain", "--", "interdict").splitlines()]
    package = Path(interdict.__file__).resolve().parent
    return {
        "interdict_package": str(package),
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} vCPU",
        "python": platform.python_version(),
        "command": " ".join(["bench/bench_real_names.py", *sys.argv[1:]]),
        # The checkout's commit; says nothing if the package was imported from elsewhere.
        "interdict_commit": git("rev-parse", "--short", "HEAD")
        if package == ROOT / "interdict"
        else None,
        "interdict_uncommitted_files": dirty,
        "nomenklatura": metadata.version("nomenklatura"),
        "followthemoney": metadata.version("followthemoney"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, help=f"real-name pair set (default {SET_DIR})")
    parser.add_argument("--pairs", type=Path, action="append", default=[])
    parser.add_argument("--name-bench", type=Path, help="nomenklatura name_bench cases.csv")
    parser.add_argument("--name-bench-reference", type=Path, help="a name_bench run CSV")
    parser.add_argument("--limit", type=int, help="score about N pairs of each set (every k-th)")
    parser.add_argument("--misses", type=Path, help="write the pairs some scorer gets wrong")
    parser.add_argument("--telling", type=int, default=20, help="Interdict misses to show")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()

    sections: dict[str, tuple[list[Case], tuple[str, ...]]] = {}
    real = args.set or (SET_DIR if not (args.pairs or args.name_bench) else None)
    if real is not None:
        for set_name in ("org", "person"):
            found = [real / f"pairs-{set_name}.jsonl{end}" for end in (".gz", "")]
            path = next((p for p in found if p.exists()), None)
            if path is not None:
                sections[f"real-{set_name}"] = (read_jsonl(path), ("lists", "alias_prop"))
        if not sections:
            raise SystemExit(f"{real}: no pairs-org.jsonl(.gz) or pairs-person.jsonl(.gz)")
    for path in args.pairs:
        sections[path.stem] = (read_pairs(path), ("lists",))
    if args.name_bench:
        sections["name_bench"] = (
            read_name_bench(args.name_bench),
            ("case_group", "quality", "schema"),
        )
    if not sections:
        raise SystemExit("no pair set to score: build one with bench/real_names.py")

    algorithms = scorers()
    thresholds = {name: threshold for name, (_, threshold) in algorithms.items()}
    report: dict[str, Any] = {**environment(), "thresholds": thresholds, "sections": {}}
    all_misses: list[dict[str, Any]] = []
    for section, (cases, slices) in sections.items():
        if args.limit and len(cases) > args.limit:
            cases = cases[:: -(-len(cases) // args.limit)]  # every k-th: all kinds kept
        began = time.perf_counter()
        scored = score_all(cases, algorithms)
        result = section_report(cases, scored, thresholds, slices)
        result["seconds"] = round(time.perf_counter() - began, 1)
        wrong = misses(cases, scored, thresholds)
        chosen = telling(wrong, thresholds, args.telling)
        for miss in chosen:
            miss["interdict_explanation"] = explain(
                next(c for c in cases if c.pair_id == miss["pair_id"])
            )
        result["interdict_telling_misses"] = chosen
        report["sections"][section] = result
        all_misses.extend({"section": section, **miss} for miss in wrong)
    if args.name_bench_reference:
        report["name_bench_reference"] = reference_run(args.name_bench_reference)
    if args.misses:
        with args.misses.open("w", encoding="utf-8") as handle:
            for miss in all_misses:
                handle.write(json.dumps(miss, ensure_ascii=False) + "\n")
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.json_out:
        args.json_out.write_text(text + "\n", encoding="utf-8")


def reference_run(path: Path, threshold: float = PEER_THRESHOLD) -> dict[str, Any]:
    """F1 of a stored name_bench run (its ``score`` column) at ``threshold``."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    labels = [int(row["is_match"].lower() == "true") for row in rows]
    scores = [float(row["score"]) for row in rows]
    return {
        "file": str(path),
        "threshold": threshold,
        **confusion(labels, scores, threshold).summary(),
    }


if __name__ == "__main__":
    main()
