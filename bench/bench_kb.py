"""Knowledge-base benchmark: front companies from cables, found by screening, at scale.

Company names come from ``bench/gen_parties.py`` (invented, Latin-script ones
only).  Each becomes the subject of one short cable that says it is a front
company for, or acts on behalf of, an organisation of the bundled UN list:

    1. (S) Zamafa Trading L.L.C. is a front company for SHAHID HEMMAT INDUSTRIAL GROUP.

Then, in one process:

1. **ingest**: ``intel ingest`` of all the cables (parse, extract, store) on
   ``--workers`` processes, and the resolution and index build that follow;
2. **recall**: every front's name screened; the share flagged (``match: true``
   with a chain ending at the intended listed entity);
3. **latency**: the same queries screened twice, against the lists alone and
   against the lists and the knowledge base, interleaved, ``--repeat`` times:
   p50 and p99 of each, and their ratio.

Usage::

    python bench/gen_parties.py --count 40000 --seed 3 --list-out bench/out/kb-names.ftm.json \\
        --queries-out /dev/null --queries 0 --negatives-out /dev/null --negatives 0
    python bench/bench_kb.py bench/out/kb-names.ftm.json --fronts 10000 --json-out bench/out/kb.json
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy.engine import make_url

from interdict.cables.archive.ingest import Failure
from interdict.intel.extract.gazetteer import gazetteer_from_datasets
from interdict.intel.kb.ingest import ingest_files
from interdict.intel.kb.refresh import refresh
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.query import make_query
from interdict.parties.screening import Screener
from interdict.store.engine import open_store

_TEMPLATE = """{ref}

Thu Mar 26 00:00:00 +0100 2009
SECRET
Embassy Ankara

P 261200Z MAR 09
FM AMEMBASSY ANKARA
TO SECSTATE WASHDC PRIORITY 0001

S E C R E T ANKARA {serial:06d}

E.O. 12958: DECL: 03/26/2034
TAGS: PARM IR TU
SUBJECT: PROCUREMENT NETWORK

1. (S) {front} is {relation} {listed}.

KEEFE
"""
_RELATIONS = ("a front company for", "acting on behalf of")


def front_names(path: Path, count: int) -> list[str]:
    names: list[str] = []
    with path.open("rb") as handle:
        for line in handle:
            entity = orjson.loads(line)
            name = entity["properties"]["name"][0]
            if entity["schema"] == "Company" and name.isascii() and name not in names:
                names.append(name)
                if len(names) == count:
                    break
    return names


def listed_organisations(home: Path) -> list[tuple[str, str]]:
    """(id, name) of the bundled list's organisations, which the fronts are said to serve."""
    screener = Screener.open(home)
    found = []
    for dataset in screener.datasets:
        index = dataset.index
        for number in range(index.entities):
            record = index.record(number)
            if record.schema == "Organization" and dataset.entities.linked(record.entity_id):
                found.append((record.entity_id, record.caption))
    return found


def write_cables(folder: Path, fronts: list[str], listed: list[tuple[str, str]]) -> dict[str, str]:
    """One cable per front; returns front name -> the listed id it is said to serve."""
    expected = {}
    for number, front in enumerate(fronts):
        entity_id, caption = listed[number % len(listed)]
        name = caption
        text = _TEMPLATE.format(
            ref=f"09ANKARA{number + 1}",
            serial=number + 1,
            front=front,
            relation=_RELATIONS[number % 2],
            listed=name,
        )
        (folder / f"09ANKARA{number + 1}.txt").write_text(text, encoding="utf-8")
        expected[front] = entity_id
    return expected


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", type=Path, help="gen_parties.py list (FtM JSON lines)")
    parser.add_argument("--fronts", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--queries", type=int, default=1000, help="fronts screened for latency")
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="interdict-kb-bench-"))
    home = work / "home"
    folder = work / "cables"
    folder.mkdir(parents=True)
    listed = listed_organisations(home)
    fronts = front_names(args.names, args.fronts)
    expected = write_cables(folder, fronts, listed)
    store = open_store(make_url(f"sqlite:///{work / 'kb.sqlite'}"), create=True)
    failures: list[Failure] = []
    started = time.perf_counter()
    ingest_files(store, [folder], gazetteer_from_datasets(home), args.workers, failures.append)
    ingested = time.perf_counter() - started
    started = time.perf_counter()
    with store.begin() as connection:
        refreshed = refresh(connection, Screener.open(home), home)
    resolved = time.perf_counter() - started
    store.engine.dispose()

    with_kb = KnowledgeScreener.open(home, f"sqlite:///{work / 'kb.sqlite'}")
    lists_only = with_kb.lists
    flagged = 0
    for front in fronts:
        matches = with_kb.screen(make_query([front]), limit=3)
        if any(m.match and m.links and m.links[-1].to.id == expected[front] for m in matches[:1]):
            flagged += 1
    sample = [make_query([front]) for front in fronts[: args.queries]]
    times: dict[str, list[float]] = {"lists": [], "lists+kb": []}
    for _ in range(args.repeat):
        for query in sample:
            for label, screener in (("lists", lists_only), ("lists+kb", with_kb)):
                begun = time.perf_counter()
                screener.screen(query)
                times[label].append(time.perf_counter() - begun)
    resolution = refreshed.resolution
    result: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "fronts": len(fronts),
        "unreadable": len(failures),
        "ingest_seconds": round(ingested, 1),
        "ingest_rate": round(len(fronts) / ingested),
        "resolve_and_index_seconds": round(resolved, 1),
        "parties": resolution.parties if resolution else None,
        "entities": resolution.entities if resolution else None,
        "resolved_to_lists": resolution.listed if resolution else None,
        "flagged": flagged,
        "flagged_share": round(flagged / len(fronts), 4),
        "latency_ms": {
            label: {
                "p50": round(statistics.median(values) * 1000, 3),
                "p99": round(percentile(values, 0.99) * 1000, 3),
            }
            for label, values in times.items()
        },
    }
    result["latency_ratio_p50"] = round(
        result["latency_ms"]["lists+kb"]["p50"] / result["latency_ms"]["lists"]["p50"], 2
    )
    text = json.dumps(result, indent=2)
    print(text)
    if args.json_out:
        args.json_out.write_text(text + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
