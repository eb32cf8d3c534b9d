"""Archive benchmark: ingest a cables.csv into the store and search it, beside parsing alone.

In one process, in this order, on one ``cables.csv``:

1. **parse alone**: ``render_paths([file], workers)`` with every record
   consumed, the work of ``interdict cables parse FILE > /dev/null``;
2. **ingest**: the same cables parsed, prepared and stored in a new, empty
   store (SQLite in a temporary folder, or ``--db URL``, which must name an
   empty database), the work of ``interdict cables ingest FILE``;
3. **search**: a fixed list of queries (words, phrases, prefixes, filters),
   each run ``--repeat`` times after one warm-up; latency per call, p50 and p99
   over all calls;
4. **extract** (``--extract N``): ``extract_cable`` on the first N stored
   cables, per cable.

The ratio ingest/parse is what storing costs on top of reading.  The store
size is the SQLite file with its WAL, or ``pg_database_size``.

Usage::

    python bench/gen_cables_csv.py --count 250000 --seed 1 --out bench/out/cables.csv
    python bench/bench_archive.py bench/out/cables.csv --workers 2 --json-out bench/out/archive.json
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from interdict.access.readers import Reader
from interdict.access.session import for_reader
from interdict.cables.archive.ingest import prepare_paths, store_all
from interdict.cables.archive.query import parse_query
from interdict.cables.archive.rows import CableRow, cable_row, load_record
from interdict.cables.archive.search import Filters, search
from interdict.cables.archive.writer import write_cables
from interdict.cables.pipeline import render_paths
from interdict.cables.record import Cable
from interdict.intel.extract import extract_cable
from interdict.model.markings import Level
from interdict.store.engine import Store, open_store
from interdict.store.schema import cable_records, cables
from interdict.store.url import parse_url

# (query, filters): common and rare words, phrases, prefixes, each filter kind.
QUERIES: list[tuple[str, Filters]] = [
    ("milling machine", Filters()),
    ('"false end-user"', Filters()),
    ("Bandar Abbas", Filters()),
    ("Latakia", Filters()),
    ("machine tools", Filters()),
    ("transshipment", Filters()),
    ("Jalili", Filters()),
    ("interdict*", Filters()),
    ('"30 percent deposit"', Filters()),
    ("Algeciras Mersin", Filters()),
    ('"front companies"', Filters()),
    ("accession", Filters()),
    ('"southern gas corridor"', Filters()),
    ("Novorossiysk", Filters()),
    ("export", Filters()),
    ("the", Filters()),
    ("plenary", Filters(classification=Level.C)),
    ("Iran", Filters(tags=("IR",))),
    ("nuclear", Filters(origin="Madrid")),
    ("sanctions", Filters(date_from=date(2008, 1, 1), date_to=date(2008, 12, 31))),
]


def _consume(iterator: Iterator[Any]) -> int:
    return sum(1 for _ in iterator)


def parse_alone(path: Path, workers: int) -> tuple[int, float]:
    started = time.perf_counter()
    count = _consume(render_paths([path], workers))
    return count, time.perf_counter() - started


def _row(cable: Cable) -> tuple[str, CableRow]:
    row = cable_row(cable)
    return row.reference_id, row


def ingest(store: Store, path: Path, workers: int) -> tuple[int, int, float]:
    started = time.perf_counter()
    tally = store_all(
        store, prepare_paths([path], _row, workers), write_cables, on_failure=lambda _: None
    )
    return tally.stored, len(tally.failed), time.perf_counter() - started


def store_size(store: Store) -> int:
    if store.backend == "sqlite":
        database = Path(store.url.database or "")
        return sum(p.stat().st_size for p in database.parent.glob(database.name + "*"))
    with store.read() as connection:
        return int(
            connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
        )


def search_latency(store: Store, repeat: int, only: list[str] | None = None) -> dict[str, Any]:
    calls: list[float] = []
    per_query = []
    chosen = [(q, f) for q, f in QUERIES if not only or q in only]
    for query_text, filters in chosen:
        query = parse_query(query_text)
        total = search(store, query, filters, 20).total  # warm-up
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            search(store, query, filters, 20)
            times.append(time.perf_counter() - started)
        calls.extend(times)
        per_query.append(
            {
                "query": query_text,
                "filters": repr(filters),
                "total": total,
                "median_ms": round(statistics.median(times) * 1000, 2),
            }
        )
    ordered = sorted(calls)
    return {
        "calls": len(ordered),
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 2),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 2),
        "queries": per_query,
    }


def extraction(store: Store, count: int) -> dict[str, Any]:
    with store.read() as connection:
        records = [
            load_record(record)
            for (record,) in connection.execute(
                select(cable_records.c.record).order_by(cable_records.c.cable_id).limit(count)
            )
        ]
    started = time.perf_counter()
    parties = sum(len(extract_cable(cable).parties) for cable in records)
    seconds = time.perf_counter() - started
    return {
        "cables": len(records),
        "parties": parties,
        "ms_per_cable": round(seconds / max(1, len(records)) * 1000, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--db", help="an empty PostgreSQL database (default: SQLite in a temporary folder)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--extract", type=int, default=0, help="cables to extract facts from")
    parser.add_argument("--json-out", type=Path)
    parser.add_argument(
        "--search-only", action="store_true", help="search the store --db names as it is"
    )
    parser.add_argument(
        "--only", action="append", help="with --search-only: run only this query (repeatable)"
    )
    parser.add_argument(
        "--reader",
        metavar="CLEARANCE:COUNTRY",
        help="with --search-only: search as a user (e.g. S:ES), not as the local operator",
    )
    args = parser.parse_args()
    if args.search_only:
        store = open_store(parse_url(args.db, "--db"), create=False)
        if args.reader:
            clearance, _, country = args.reader.partition(":")
            reader = Reader("bench", Level(clearance), country, frozenset({"analyst"}))
            store = for_reader(store, reader)
        print(json.dumps(search_latency(store, args.repeat, args.only), indent=2))
        return

    count, parse_seconds = parse_alone(args.csv, args.workers)
    folder = Path(tempfile.mkdtemp(prefix="interdict-bench-"))
    url = (
        parse_url(args.db, "--db") if args.db else make_url(f"sqlite:///{folder / 'bench.sqlite'}")
    )
    store = open_store(url, create=True)
    with store.read() as connection:
        if connection.execute(select(func.count()).select_from(cables)).scalar_one():
            sys.exit("--db: the database must be empty")
    stored, failed, ingest_seconds = ingest(store, args.csv, args.workers)
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "backend": store.backend,
        "cables": count,
        "workers": args.workers,
        "parse_seconds": round(parse_seconds, 1),
        "parse_rate": round(count / parse_seconds),
        "ingest_seconds": round(ingest_seconds, 1),
        "ingest_rate": round(stored / ingest_seconds),
        "stored": stored,
        "failed": failed,
        "ingest_over_parse": round(ingest_seconds / parse_seconds, 2),
        "store_bytes": store_size(store),
        "search": search_latency(store, args.repeat),
    }
    if args.extract:
        result["extract"] = extraction(store, args.extract)
    store.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    text_out = json.dumps(result, indent=2)
    print(text_out)
    if args.json_out:
        args.json_out.write_text(text_out + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
