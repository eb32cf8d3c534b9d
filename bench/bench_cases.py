"""Time a case assessment beside its parts: screening its parties, and the determination alone.

Run in one process on the seed cable's knowledge base and the bundled lists:

    .venv/bin/python bench/bench_cases.py --repeat 50

An assessment screens every party (lists and knowledge base, links
followed), classifies and decides the item per jurisdiction, and compares
the denial register; the peers are those two parts on their own, so the
difference is what the assessment adds (red flags, denials, the knowledge
base's route and item reports, the reasons).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from importlib.resources import as_file, files
from pathlib import Path

from interdict.audit.trail import operator
from interdict.cases.assess import assess
from interdict.cases.casefile import load_case
from interdict.cases.context import Context
from interdict.controls.catalogue import bundled
from interdict.controls.requests import determine_item, make_request
from interdict.denials.register import read_all
from interdict.intel.extract.gazetteer import gazetteer_from_datasets
from interdict.intel.kb.ingest import ingest_files
from interdict.intel.kb.refresh import refresh
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.query import make_query
from interdict.parties.screening import Screener
from interdict.store.engine import open_default

CASE = Path(__file__).parents[1] / "examples" / "cases" / "fs1-ardalan.yaml"


def timed(label: str, run: Callable[[], object], repeat: int) -> float:
    run()  # warm-up: caches, index pages
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p50 = statistics.median(samples)
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    print(f"{label:<34} p50 {p50:8.2f} ms   p99 {p99:8.2f} ms")
    return p50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        store = open_default(None, home, create=True)
        with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as seed:
            ingest_files(store, [seed], gazetteer_from_datasets(home), 1, print)
        with store.begin() as connection:
            refresh(connection, Screener.open(home), home)
        controls, books = bundled()
        case = load_case(CASE, controls)
        screener = KnowledgeScreener.open(home)
        with store.read() as connection:
            denials = read_all(connection)
        lists = [d.info for d in screener.lists.datasets]
        context = Context(controls, books, screener, lists, denials, screener.store, operator())
        queries = [make_query([case.exporter.name])] + [make_query([p.name]) for p in case.parties]
        request = make_request(case.destination, case.final_destination, ["missile"], [])
        whole = timed("case assess (golden case)", lambda: assess(case, context), args.repeat)
        screening = timed(
            "screen its 3 parties (lists + KB)",
            lambda: [screener.screen(q, limit=5, threshold=0.5) for q in queries],
            args.repeat,
        )
        deciding = timed(
            "determine the item (EU)",
            lambda: determine_item(case.item, controls, books, request, ["EU"]),
            args.repeat,
        )
        print(f"assessment / (screening + determination) = {whole / (screening + deciding):.2f}")


if __name__ == "__main__":
    main()
