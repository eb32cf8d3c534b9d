"""Cable-parsing benchmark: Interdict against the csv-module floor and a regex baseline.

Measured side by side on one ``cables.csv``, in this one process, each ``--repeat`` times, in
interleaved order (floor, read, regex, 1 worker, 2 workers; then again) so that slow
drift of the machine touches every contender alike:

* **csv floor**: Python's csv module reading every row of the file, opened
  exactly as Interdict opens it (UTF-8, ``newline=""``, ``\\`` escapes).  No
  parser can beat this in pure Python: it is the I/O plus CSV decoding cost.
* **interdict read**: ``iter_raw`` alone, the floor plus building a
  ``RawCable`` per row; the gap to the next row is the parsing proper.
* **regex baseline**: ``regex_baseline.py``, a plain regex extractor of the same fields
  (no repair, no warnings), on the same ``RawCable`` records, each dict serialised to JSON.
  The "time vs regex" column is each contender's median time over the baseline's.
* **interdict workers=1** and **workers=2**: ``render_paths([file], workers)``
  with every ``Rendered`` record consumed, i.e. parsed and serialised to JSON.

For each run: wall seconds, cables/s, peak RSS and an RSS sample every
``--sample-every`` records.  The peak of this process is its ``VmHWM``, reset
between runs through ``/proc/self/clear_refs``; worker processes report their
own ``VmHWM``.  Samples give the parent's RSS and the workers' summed RSS
(and PSS where the kernel offers ``smaps_rollup``: RSS counts the pages a
forked worker still shares with its parent twice, PSS splits them).

The CLI is timed once end to end, as a user runs it, in a fresh process:
``interdict cables parse FILE --quiet > /dev/null``.

Usage::

    python bench/bench_cables.py bench/out/cables.csv --repeat 3 --json-out bench/out/bench.json
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import multiprocessing
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

# A script beside this one: bench/ is sys.path[0] when this file runs.
from regex_baseline import extract as regex_extract
from regex_baseline import to_json as regex_to_json

import interdict
from interdict.cables.pipeline import render_paths
from interdict.cables.sources.csv_form import FIELD_LIMIT
from interdict.cables.sources.raw import BadRecord
from interdict.cables.sources.walk import iter_raw

MB = 1024 * 1024
_PAGE = os.sysconf("SC_PAGE_SIZE")


# -- memory --------------------------------------------------------------------


def _status_kb(pid: int | str, key: str) -> int | None:
    """A ``kB`` figure (``VmRSS``, ``VmHWM``) from ``/proc/PID/status``; ``None`` if gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _rss_bytes(pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def _pss_bytes(pid: int | str) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _cpu_seconds() -> float:
    """User + system CPU of this process and of its reaped children (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _load() -> float:
    """One-minute load average: other work on the machine skews wall times."""
    return os.getloadavg()[0]


def reset_peak() -> bool:
    """Reset this process's ``VmHWM`` (Linux >= 4.0); ``False`` if the kernel refuses."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as handle:
            handle.write("5")
    except OSError:
        return False
    return True


def _workers() -> list[int]:
    return [child.pid for child in multiprocessing.active_children() if child.pid is not None]


@dataclass(slots=True)
class Sample:
    """Memory after ``records`` records; worker figures are sums over the pool."""

    records: int
    seconds: float
    rss_mb: float
    workers_rss_mb: float = 0.0
    total_pss_mb: float | None = None


@dataclass(slots=True)
class Run:
    name: str
    repeat: int
    records: int
    seconds: float
    peak_rss_mb: float
    peak_worker_rss_mb: float
    cpu_seconds: float = 0.0
    load_before: float = 0.0
    load_after: float = 0.0
    errors: int = 0
    warned: int = 0
    samples: list[Sample] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.records / self.seconds if self.seconds else 0.0


class Sampler:
    """Counts records and takes a memory sample every ``every`` of them."""

    __slots__ = ("every", "peak_workers_kb", "samples", "started")

    def __init__(self, every: int) -> None:
        self.every = every
        self.samples: list[Sample] = []
        self.peak_workers_kb = 0
        self.started = time.perf_counter()

    def take(self, records: int) -> None:
        pids = _workers()
        workers_rss = sum(_rss_bytes(pid) for pid in pids)
        for pid in pids:
            self.peak_workers_kb = max(self.peak_workers_kb, _status_kb(pid, "VmHWM:") or 0)
        pss: int | None = _pss_bytes("self")
        if pss is not None:
            for pid in pids:
                part = _pss_bytes(pid)
                pss = None if part is None or pss is None else pss + part
        self.samples.append(
            Sample(
                records=records,
                seconds=round(time.perf_counter() - self.started, 3),
                rss_mb=round(_rss_bytes() / MB, 1),
                workers_rss_mb=round(workers_rss / MB, 1),
                total_pss_mb=round(pss / MB, 1) if pss is not None else None,
            )
        )


# -- contenders ----------------------------------------------------------------

# Each contender yields one item per record, and for Interdict a (error, warned) pair.
Items = Iterator[tuple[bool, bool]]


def csv_floor(path: Path) -> Items:
    """The csv module alone, with the reader settings and text layer Interdict uses."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.reader(
            text, delimiter=",", quotechar='"', escapechar="\\", doublequote=True, strict=False
        )
        for row in reader:
            if row:
                yield (len(row) != 8, False)


def interdict_read(path: Path) -> Items:
    for raw in iter_raw([path]):
        yield (isinstance(raw, BadRecord), False)


def regex_baseline(path: Path) -> Items:
    """The plain regex extractor on the records ``iter_raw`` reads, each record to JSON."""
    for raw in iter_raw([path]):
        if isinstance(raw, BadRecord):
            yield (True, False)
        else:
            regex_to_json(regex_extract(raw))
            yield (False, False)


def interdict_render(workers: int) -> Callable[[Path], Items]:
    def run(path: Path) -> Items:
        for item in render_paths([path], workers):
            yield (item.json is None, bool(item.warnings))

    return run


FLOOR = "csv floor (csv.reader)"
REGEX = "regex baseline (regex_baseline.py)"

CONTENDERS: dict[str, Callable[[Path], Items]] = {
    FLOOR: csv_floor,
    "interdict read (iter_raw)": interdict_read,
    REGEX: regex_baseline,
    "interdict workers=1": interdict_render(1),
    "interdict workers=2": interdict_render(2),
}


def measure(
    name: str, contender: Callable[[Path], Items], path: Path, repeat: int, every: int, limit: int
) -> Run:
    gc.collect()
    reset_peak()
    sampler = Sampler(every)
    errors = warned = records = 0
    items: Iterable[tuple[bool, bool]] = contender(path)
    if limit:
        items = islice(items, limit)
    load_before = _load()
    cpu_started = _cpu_seconds()
    started = time.perf_counter()
    for error, warning in items:
        records += 1
        errors += error
        warned += warning
        if records % every == 0:
            sampler.take(records)
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    peak = (_status_kb("self", "VmHWM:") or 0) / 1024
    return Run(
        name=name,
        repeat=repeat,
        records=records,
        seconds=round(seconds, 3),
        peak_rss_mb=round(peak, 1),
        peak_worker_rss_mb=round(sampler.peak_workers_kb / 1024, 1),
        cpu_seconds=round(cpu, 3),
        load_before=round(load_before, 2),
        load_after=round(_load(), 2),
        errors=errors,
        warned=warned,
        samples=sampler.samples,
    )


def measure_cli(path: Path) -> dict[str, Any]:
    """``interdict cables parse FILE --quiet > /dev/null`` in a fresh process: wall and peak RSS."""
    exe = Path(sys.executable).with_name("interdict")
    command = [str(exe), "cables", "parse", str(path), "--quiet"]
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as process:
        assert process.stderr is not None
        stderr = process.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    summary = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    match = re.match(r"(\d+) records written", summary)
    return {
        "command": " ".join(["interdict", *command[1:]]) + " > /dev/null",
        "seconds": round(seconds, 3),
        "records": int(match.group(1)) if match else None,
        "rate": round(int(match.group(1)) / seconds, 1) if match else None,
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "exit_code": process.returncode,
        "summary": summary,
    }


# -- machine -------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpu: dict[str, str] = {}
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                key = key.strip()
                if key in ("model name", "cpu family", "model", "stepping", "cpu MHz") and (
                    key not in cpu
                ):
                    cpu[key] = value.strip()
                if key == "flags" and "flags" not in cpu:
                    cpu["hypervisor"] = "yes" if " hypervisor" in value else "no"
    except OSError:
        pass
    memory_kb = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            memory_kb = int(next(line for line in handle if line.startswith("MemTotal")).split()[1])
    except (OSError, StopIteration, ValueError):
        pass
    commit = ""
    try:
        root = Path(__file__).resolve().parent.parent
        commit = subprocess.run(
            ["git", "-C", str(root), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "cpu_model": cpu.get("model name", platform.processor()),
        "cpu_family_model_stepping": "/".join(
            cpu.get(k, "?") for k in ("cpu family", "model", "stepping")
        ),
        "cpu_mhz": cpu.get("cpu MHz"),
        "virtualised": cpu.get("hypervisor"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "kernel": platform.release(),
        "interdict_commit": commit,
        "interdict_path": str(Path(interdict.__file__).parent),
    }


# -- report --------------------------------------------------------------------


def _median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda run: run.seconds)
    return ordered[(len(ordered) - 1) // 2]


def _memory_range(run: Run, warmup: int) -> dict[str, Any]:
    after = [s for s in run.samples if s.records > warmup] or run.samples
    if not after:
        return {}
    result: dict[str, Any] = {
        "samples": len(after),
        "rss_min_mb": min(s.rss_mb for s in after),
        "rss_max_mb": max(s.rss_mb for s in after),
        "workers_rss_min_mb": min(s.workers_rss_mb for s in after),
        "workers_rss_max_mb": max(s.workers_rss_mb for s in after),
    }
    pss = [s.total_pss_mb for s in after if s.total_pss_mb is not None]
    if pss:
        result["total_pss_min_mb"] = min(pss)
        result["total_pss_max_mb"] = max(pss)
    return result


def summarise(runs: list[Run], warmup: int) -> list[dict[str, Any]]:
    names = list(dict.fromkeys(run.name for run in runs))
    floor: float | None = None
    rows: list[dict[str, Any]] = []
    for name in names:
        mine = [run for run in runs if run.name == name]
        seconds = statistics.median(run.seconds for run in mine)
        records = mine[0].records
        if name == FLOOR:
            floor = seconds
        middle = _median_run(mine)
        rows.append(
            {
                "name": name,
                "records": records,
                "median_seconds": round(seconds, 3),
                "all_seconds": [run.seconds for run in mine],
                "rate": round(records / seconds, 1) if seconds else 0.0,
                "median_cpu_seconds": round(statistics.median(run.cpu_seconds for run in mine), 3),
                "load": [[run.load_before, run.load_after] for run in mine],
                "time_vs_floor": round(seconds / floor, 2) if floor else None,
                # The first repeat's peak: later repeats start with whatever heap the runs
                # before them left behind, and a VmHWM reset cannot go below the current RSS.
                "peak_rss_mb": mine[0].peak_rss_mb,
                "peak_rss_mb_all": [run.peak_rss_mb for run in mine],
                "peak_worker_rss_mb": max(run.peak_worker_rss_mb for run in mine),
                "errors": middle.errors,
                "warned": middle.warned,
                "memory": _memory_range(middle, warmup),
            }
        )
    regex = next((row["median_seconds"] for row in rows if row["name"] == REGEX), None)
    for row in rows:
        row["time_vs_regex"] = round(row["median_seconds"] / regex, 2) if regex else None
    return rows


def _seconds(value: float) -> str:
    """Wall seconds to one decimal, or to the millisecond for runs under ten seconds."""
    return f"{value:.1f}" if value >= 10 else f"{value:.3f}"


def markdown(rows: list[dict[str, Any]], cli: dict[str, Any] | None, warmup: int) -> str:
    out = [
        "| run | records | median wall (s) | cables/s | time vs csv floor | time vs regex "
        "| CPU (s) | peak RSS, run 1 (MB) | runs (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        peak = f"{row['peak_rss_mb']:.0f}"
        if row["peak_worker_rss_mb"]:
            peak += f" + {row['peak_worker_rss_mb']:.0f}/worker"
        runs = ", ".join(_seconds(s) for s in row["all_seconds"])
        floor = f"{row['time_vs_floor']:.1f}x" if row["time_vs_floor"] else "-"
        regex = f"{row['time_vs_regex']:.2f}x" if row.get("time_vs_regex") else "-"
        out.append(
            f"| {row['name']} | {row['records']:,} | {_seconds(row['median_seconds'])} "
            f"| {row['rate']:,.0f} | {floor} | {regex} "
            f"| {row['median_cpu_seconds']:.1f} | {peak} | {runs} |"
        )
    if cli is not None:
        rate = f"{cli['rate']:,.0f}" if cli.get("rate") else "?"
        out.append(
            f"| CLI `cables parse --quiet` (once) | {cli.get('records') or 0:,} "
            f"| {cli['seconds']:.1f} | {rate} | - | - | {cli['cpu_seconds']:.1f} "
            f"| {cli['peak_rss_mb']:.0f} "
            f"| {cli['seconds']:.1f} |"
        )
    out += [
        "",
        f"Memory samples after the first {warmup:,} records (median run):",
        "",
        "| run | samples | parent RSS min-max (MB) | workers RSS min-max (MB) "
        "| total PSS min-max (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        memory = row["memory"]
        if not memory:
            continue
        workers = (
            f"{memory['workers_rss_min_mb']:.0f}-{memory['workers_rss_max_mb']:.0f}"
            if memory["workers_rss_max_mb"]
            else "-"
        )
        pss = (
            f"{memory['total_pss_min_mb']:.0f}-{memory['total_pss_max_mb']:.0f}"
            if "total_pss_min_mb" in memory
            else "n/a"
        )
        out.append(
            f"| {row['name']} | {memory['samples']} "
            f"| {memory['rss_min_mb']:.0f}-{memory['rss_max_mb']:.0f} | {workers} | {pss} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "csv_file",
        type=Path,
        help="a cables.csv (see gen_cables_csv.py), or with --from-json a report",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender (median kept)")
    parser.add_argument("--sample-every", type=int, default=10_000, help="records per RSS sample")
    parser.add_argument("--warmup", type=int, default=20_000, help="records before RSS counts")
    parser.add_argument("--limit", type=int, default=0, help="stop after N records (0: all)")
    parser.add_argument(
        "--only", action="append", choices=sorted(CONTENDERS), help="run only these (repeatable)"
    )
    parser.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI run")
    parser.add_argument("--json-out", type=Path, help="also write every figure here as JSON")
    parser.add_argument("--label", default="", help="what code is measured, e.g. a commit")
    parser.add_argument(
        "--from-json", action="store_true", help="re-print the report of a --json-out file"
    )
    args = parser.parse_args(argv)
    if args.from_json:
        saved = json.loads(args.csv_file.read_text(encoding="utf-8"))
        loaded = [
            Run(**{**run, "samples": [Sample(**sample) for sample in run["samples"]]})
            for run in saved["runs"]
        ]
        print(markdown(summarise(loaded, saved["warmup"]), saved["cli"], saved["warmup"]))
        return 0

    path: Path = args.csv_file
    machine = machine_info()
    machine["label"] = args.label
    size = path.stat().st_size
    print(
        f"# {path} ({size / 1e6:,.0f} MB) on {machine['nproc']} CPUs "
        f"({machine['cpu_model']}), {machine['memory_gb']} GB, Python {machine['python']}; "
        f"interdict from {machine['interdict_path']} {args.label}",
        file=sys.stderr,
    )
    if not reset_peak():
        print("warning: cannot reset VmHWM; peaks are cumulative", file=sys.stderr)
    names = [name for name in CONTENDERS if not args.only or name in args.only]
    runs: list[Run] = []
    cli: dict[str, Any] | None = None

    def save() -> None:
        """Written after every run, so that an interrupted benchmark keeps what it measured."""
        if not args.json_out:
            return
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "file": str(path),
            "file_bytes": size,
            "machine": machine,
            "repeat": args.repeat,
            "sample_every": args.sample_every,
            "warmup": args.warmup,
            "summary": summarise(runs, args.warmup),
            "cli": cli,
            "runs": [asdict(run) for run in runs],
        }
        args.json_out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")

    for repeat in range(1, args.repeat + 1):
        for name in names:
            run = measure(name, CONTENDERS[name], path, repeat, args.sample_every, args.limit)
            runs.append(run)
            save()
            print(
                f"  [{repeat}/{args.repeat}] {name}: {run.records:,} in {run.seconds:.1f} s "
                f"= {run.rate:,.0f}/s, CPU {run.cpu_seconds:.1f} s, peak {run.peak_rss_mb:.0f} MB, "
                f"load {run.load_before:.1f}->{run.load_after:.1f}",
                file=sys.stderr,
            )
    if not args.no_cli and not args.limit:
        cli = measure_cli(path)
        save()
        print(f"  CLI: {cli['seconds']:.1f} s, {cli['summary']}", file=sys.stderr)
    print(markdown(summarise(runs, args.warmup), cli, args.warmup))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
