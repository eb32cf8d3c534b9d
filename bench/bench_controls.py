"""Classification and determination benchmark on seeded random items.

There is no open peer to run beside it: the tools in the field search entry
texts and do not evaluate parameters (the point of the capability), so the
figures are absolute: the cost of loading and validating the bundled lists
once, and per-item latency of ``classify`` and ``determine`` on one core.

    python bench/bench_controls.py --items 2000 --seed 1
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import time
from typing import Any

from interdict.controls.catalogue import load
from interdict.controls.classify import classify
from interdict.controls.determine import Request, determine
from interdict.controls.items import read_item

DESTINATIONS = ("IR", "TR", "JP", "CN", "DE", "RU", "IN", "BR")


def machine(rng: random.Random) -> dict[str, Any]:
    """A machine tool with random figures around the 2B001 and 2B201 thresholds."""
    axes = [
        {
            "name": name,
            "travel": f"{rng.choice(['<', '']) or ''} {rng.uniform(0.2, 6):.2f} m".strip(),
            "unidirectional_positioning_repeatability": f"{rng.uniform(0.3, 8):.2f} µm",
            "positioning_accuracy_2006": f"{rng.uniform(1, 30):.1f} µm",
            "positioning_accuracy_1988": f"{rng.uniform(1, 40):.1f} µm",
        }
        for name in ("X", "Y", "Z")[: rng.randint(1, 3)]
    ]
    params: dict[str, Any] = {
        "item_type": "equipment",
        "component_kind": "machine_tool",
        "machining_functions": rng.sample(["turning", "milling", "grinding"], rng.randint(1, 2)),
        "workpiece_materials": ["metals"],
        "numerical_control": rng.random() < 0.9,
        "simultaneous_contouring_axes": rng.randint(2, 6),
        "simultaneous_linear_contouring_axes": 3,
        "simultaneous_rotary_contouring_axes": rng.randint(0, 2),
        "contouring_rotary_axes": rng.randint(0, 3),
        "maximum_workpiece_diameter": f"{rng.randint(10, 500)} mm",
        "linear_axes": axes,
    }
    if rng.random() < 0.7:
        params["listed_in_annex_iv"] = False  # what opens the EU general authorisations
    if rng.random() < 0.8:
        params["special_purpose_limited_to"] = rng.choice(
            ["none"] * 8 + ["gears", "tools_or_cutters"]
        )
    return {"name": "bench item", "parameters": params}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from importlib.resources import as_file, files
    from pathlib import Path

    with as_file(files("interdict.data") / "controls") as folder:
        started = time.perf_counter()
        controls, books = load(Path(folder))
        load_s = time.perf_counter() - started
    rng = random.Random(args.seed)
    raws = [machine(rng) for _ in range(args.items)]
    read_us, classify_us, determine_us = [], [], []
    outcomes: dict[str, int] = {}
    for raw in raws:
        t0 = time.perf_counter()
        item = read_item(raw, controls.vocabulary)
        t1 = time.perf_counter()
        result = classify(item, controls, "EU")
        t2 = time.perf_counter()
        det = determine(result, controls, books["EU"], Request(rng.choice(DESTINATIONS)))
        t3 = time.perf_counter()
        read_us.append((t1 - t0) * 1e6)
        classify_us.append((t2 - t1) * 1e6)
        determine_us.append((t3 - t2) * 1e6)
        outcomes[det.outcome] = outcomes.get(det.outcome, 0) + 1
    total = [a + b + c for a, b, c in zip(read_us, classify_us, determine_us, strict=True)]
    print(
        f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}"
    )
    print(f"entries {len(controls.entries)}, items {args.items}, seed {args.seed}")
    print(f"load and validate bundled lists and rules (incl. pint): {load_s * 1000:.0f} ms")
    for name, values in (
        ("read item", read_us),
        ("classify EU", classify_us),
        ("determine EU", determine_us),
        ("all three", total),
    ):
        p99 = statistics.quantiles(values, n=100)[98]
        print(f"{name:>13}: median {statistics.median(values):7.1f} µs, p99 {p99:7.1f} µs")
    print(f"items per second, one core (all three): {1e6 / statistics.mean(total):.0f}")
    print(f"outcomes: {dict(sorted(outcomes.items()))}")


if __name__ == "__main__":
    main()
