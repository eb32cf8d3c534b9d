"""An ingest killed halfway leaves whole cables with their facts, and a retry completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kb_helpers import write_cable
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Engine

from interdict.cables.archive.rows import load_record
from interdict.store.schema import cable_records, cables, intel_parties
from interdict.store.url import parse_url

CABLES = 1500


def write_cables(folder: Path, word: str) -> None:
    for number in range(CABLES):
        write_cable(
            folder,
            f"09ANKARA{number + 1}",
            f"The Turkish company {word} {number} Makina Ltd. is acting on behalf of "
            f"Irans Shahid Hemmat Industrial Group (SHIG).",
        )


def counts(engine: Engine) -> tuple[int, int, int]:
    """Cables stored, cables marked as extracted, cables that have facts."""
    with engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(cables)).scalar_one()
        extracted = connection.execute(
            select(func.count()).where(cables.c.extracted_with.is_not(None))
        ).scalar_one()
        with_facts = connection.execute(
            select(func.count(intel_parties.c.cable_id.distinct()))
        ).scalar_one()
    return stored, extracted, with_facts


def texts_and_facts(engine: Engine) -> dict[str, tuple[bool, bool]]:
    """Per cable: does its stored text say Quercus, and do its stored facts?"""
    with engine.connect() as connection:
        texts = {
            key: "Quercus" in load_record(record).body
            for key, record in connection.execute(
                select(cables.c.reference_id, cable_records.c.record).join(
                    cable_records, cable_records.c.cable_id == cables.c.id
                )
            )
        }
        facts = dict.fromkeys(texts, False)
        for key, name in connection.execute(
            select(cables.c.reference_id, intel_parties.c.name).join(
                intel_parties, intel_parties.c.cable_id == cables.c.id
            )
        ):
            facts[key] = facts[key] or "Quercus" in name
    return {key: (texts[key], facts[key]) for key in texts}


def ingest(url: str, folder: Path, home: Path) -> subprocess.Popen[bytes]:
    environment = {**os.environ, "INTERDICT_HOME": str(home)}
    environment.pop("INTERDICT_DB", None)
    return subprocess.Popen(
        [sys.executable, "-m", "interdict.cli", "intel", "ingest", str(folder), "--db", url],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def kill_midway(process: subprocess.Popen[bytes], part_done: Callable[[], bool]) -> None:
    """SIGKILL the ingest as soon as ``part_done`` says some, not all, of its work is stored."""
    deadline = time.monotonic() + 120
    killed = False
    while time.monotonic() < deadline and process.poll() is None:
        try:
            ready = part_done()
        except Exception:  # the store is still being created
            ready = False
        if ready:
            process.send_signal(signal.SIGKILL)
            killed = True
            break
        time.sleep(0.02)
    process.wait()
    assert killed, "the ingest finished before it could be killed"


def finish(url: str, folder: Path, home: Path) -> None:
    process = ingest(url, folder, home)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err.decode()


def test_killed_ingest_keeps_whole_cables_and_a_retry_completes(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    write_cables(folder, "Zelkova")
    home = tmp_path / "home"
    engine = create_engine(parse_url(store_url, "--db"))
    kill_midway(ingest(store_url, folder, home), lambda: 0 < counts(engine)[0] < CABLES)
    stored, extracted, with_facts = counts(engine)
    assert 0 < stored < CABLES
    # A cable and its facts are written in one transaction: never one without the other.
    assert stored == extracted == with_facts
    finish(store_url, folder, home)
    assert counts(engine) == (CABLES, CABLES, CABLES)
    finish(store_url, folder, home)  # again: nothing changes
    assert counts(engine) == (CABLES, CABLES, CABLES)

    # Every cable changes.  Killed halfway, each cable keeps either its old text and old
    # facts or has its new text and new facts, never a mixture.
    write_cables(folder, "Quercus")
    kill_midway(
        ingest(store_url, folder, home),
        lambda: any(text for text, _ in texts_and_facts(engine).values()),
    )
    states = texts_and_facts(engine)
    assert len(states) == CABLES
    assert all(text == facts for text, facts in states.values())
    assert {text for text, _ in states.values()} == {True, False}
    engine.dispose()
