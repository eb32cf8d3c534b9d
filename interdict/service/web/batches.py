"""Batch screening from the workbench: an uploaded file screened in the background, with progress.

The job runs in a thread of the server process, screening each row as the
uploading user and writing the same JSON lines as ``interdict screen
--batch``; the page polls with a meta refresh (no script) and offers the
file when it is done.  A job belongs to its user: anyone else asking for it
gets "no such batch".
"""

from __future__ import annotations

import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from interdict.access.gate import Gate
from interdict.access.session import match_sources
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.model.atomic import atomic_output
from interdict.parties.batch import screen_batch
from interdict.parties.results import DEFAULT_THRESHOLD


@dataclass
class Batch:
    id: str
    user: str
    total: int
    output: Path
    done: int = 0
    problems: int = 0
    finished: bool = False
    failure: str | None = None
    gate: Gate | None = None

    @property
    def banner(self) -> str:
        return self.gate.banner.text() if self.gate is not None else "UNCLASSIFIED"


@dataclass
class Batches:
    folder: Path = field(
        default_factory=lambda: Path(tempfile.mkdtemp(prefix="interdict-batches-"))
    )
    _jobs: dict[str, Batch] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self, screener: KnowledgeScreener, user: str, name: str, data: bytes) -> Batch:
        suffix = ".jsonl" if name.lower().endswith((".jsonl", ".ndjson", ".json")) else ".csv"
        job_id = secrets.token_hex(8)
        source = self.folder / f"{job_id}{suffix}"
        source.write_bytes(data)
        lines = [
            line for line in data.decode("utf-8", errors="replace").splitlines() if line.strip()
        ]
        total = max(0, len(lines) - (1 if suffix == ".csv" else 0))
        job = Batch(job_id, user, total, self.folder / f"{job_id}.out.jsonl")
        if screener.store is not None:
            job.gate = Gate(screener.store.gate.reader, screener.store.gate.overall)
        with self._lock:
            self._jobs[job_id] = job
        threading.Thread(target=self._run, args=(screener, job, source), daemon=True).start()
        return job

    def get(self, job_id: str, user: str) -> Batch | None:
        with self._lock:
            job = self._jobs.get(job_id)
        return job if job is not None and job.user == user else None

    def _run(self, screener: KnowledgeScreener, job: Batch, source: Path) -> None:
        try:
            with atomic_output(job.output) as handle:
                for row in screen_batch(screener, source, 10, DEFAULT_THRESHOLD):
                    handle.write(row.line.model_dump_json(by_alias=True, exclude_none=True) + "\n")
                    if job.gate is not None:
                        job.gate.provenance(match_sources(row.line.matches))
                    job.problems += row.problem is not None
                    job.done += 1
        except Exception as error:
            job.failure = f"{type(error).__name__}: {error}"
        finally:
            job.finished = True
