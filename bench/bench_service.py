"""Drive ``POST /match`` on loopback with concurrent clients, beside the CLI batch in the same run.

    .venv/bin/python bench/bench_service.py --users 8 --seconds 60
    .venv/bin/python bench/bench_service.py --users 8 --seconds 60 \
        --list bench/out/parties.jsonl --queries bench/out/parties-queries.jsonl

One run: a temporary data home with the bundled lists and the seed cable's
knowledge base, a user and a key; with ``--list``, that list loaded beside
them (``interdict lists load``, timed); the command-line batch (``interdict
screen --batch``) over the queries, timed; then ``interdict serve`` (one
worker process) and locust (one process, ``--users`` concurrent clients)
posting one query per request for ``--seconds``.  Server and client share
the machine's two cores, one each.

The queries are the bundled list's names (each as listed, and with its last
word dropped when it has three or more), or with ``--queries`` the first
``--sample`` lines of a ``bench/gen_parties.py`` query file.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"
STARTER = ROOT / "interdict" / "data" / "parties" / "starter.ftm.json"
LOCUSTFILE = Path(__file__).with_name("locust_match.py")


def bundled_queries() -> list[dict[str, str]]:
    """The bundled list's names, each twice: as listed, and with one word dropped (a variant)."""
    found = []
    for line in STARTER.read_text(encoding="utf-8").splitlines():
        entity = json.loads(line)
        if entity["schema"] in ("Organization", "Company", "Person", "LegalEntity"):
            for name in entity["properties"].get("name", []):
                found.append({"name": name, "schema": "LegalEntity"})
                words = name.split()
                if len(words) > 2:
                    found.append({"name": " ".join(words[:-1]), "schema": "LegalEntity"})
    return found


def generated_queries(path: Path, sample: int) -> list[dict[str, str]]:
    """The first ``sample`` labelled queries of a generated set, each with its schema."""
    found = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            query = json.loads(line)
            found.append({"name": query["name"], "schema": query["schema"]})
            if len(found) == sample:
                break
    return found


def run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=8, help="concurrent locust clients")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--list", type=Path, help="a list to load beside the bundled ones (ftm)")
    parser.add_argument("--queries", type=Path, help="generated queries (JSON lines)")
    parser.add_argument("--sample", type=int, default=2000, help="queries taken from --queries")
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="interdict-service-"))
    env = {**os.environ, "INTERDICT_HOME": str(home)}
    env.pop("INTERDICT_DB", None)
    interdict = str(BIN / "interdict")
    run([interdict, "intel", "ingest", str(SEED)], env)
    run([interdict, "users", "add", "bench", "--clearance", "S", "--country", "US"], env)
    key = run([interdict, "users", "token", "bench"], env).strip().splitlines()[-1]
    load_seconds = None
    if args.list:
        started = time.perf_counter()
        load = [interdict, "lists", "load", str(args.list), "--dataset", "synthetic"]
        run([*load, "--format", "ftm", "--workers", "2"], env)
        load_seconds = round(time.perf_counter() - started, 1)
    queries = generated_queries(args.queries, args.sample) if args.queries else bundled_queries()
    batch = home / "names.csv"
    with batch.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "schema"])
        for query in queries * (1 if args.queries else 4):
            writer.writerow([query["name"], query["schema"]])
    started = time.perf_counter()
    run([interdict, "screen", "--batch", str(batch), "--out", str(home / "out.jsonl")], env)
    batch_seconds = time.perf_counter() - started
    rows = len(queries) * (1 if args.queries else 4)
    (home / "queries.json").write_text(json.dumps(queries), encoding="utf-8")

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        ["taskset", "-c", "0", interdict, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(home / "server.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        # One query first, so the lists and index are open before the clock starts.
        warm = {"queries": {"q": {"schema": "LegalEntity", "properties": {"name": ["warm up"]}}}}
        headers = {"Authorization": f"ApiKey {key}"}
        httpx.post(f"{base}/match/default", json=warm, headers=headers, timeout=600)
        stats = home / "locust"
        client_env = {**env, "BENCH_KEY": key, "BENCH_QUERIES": str(home / "queries.json")}
        subprocess.run(
            [
                "taskset",
                "-c",
                "1",
                str(BIN / "locust"),
                "-f",
                str(LOCUSTFILE),
                "--headless",
                "-u",
                str(args.users),
                "-r",
                str(args.users),
                "-t",
                f"{args.seconds}s",
                "--host",
                base,
                "--csv",
                str(stats),
                "--only-summary",
            ],
            env=client_env,
            check=True,
            capture_output=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
    with (home / "locust_stats.csv").open(encoding="utf-8") as handle:
        total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
    result = {
        "cli_batch": {
            "rows": rows,
            "seconds": round(batch_seconds, 2),
            "rows_per_second": round(rows / batch_seconds, 1),
        },
        "service": {
            "clients": args.users,
            "seconds": args.seconds,
            "requests": int(total["Request Count"]),
            "failures": int(total["Failure Count"]),
            "requests_per_second": round(float(total["Requests/s"]), 1),
            "p50_ms": float(total["50%"]),
            "p99_ms": float(total["99%"]),
        },
        "cores": "server on core 0 (taskset), locust on core 1",
        "queries": len(queries),
        "list": str(args.list) if args.list else "bundled",
        "list_load_seconds": load_seconds,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
