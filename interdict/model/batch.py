"""What every batch command yields for one input line, and the one writer of batch output."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel
from rich.console import Console

from interdict.model.atomic import atomic_output
from interdict.model.progress import progress_bar

Line = TypeVar("Line")


@dataclass(frozen=True, slots=True)
class BatchResult(Generic[Line]):
    """The line to write (always, to keep output aligned with input) and, for a bad input line,
    its position and reason to report; ``warnings``: what a good line was read without."""

    line: Line
    problem: str | None
    warnings: tuple[str, ...] = ()


Model = TypeVar("Model", bound=BaseModel)


def write_batch(
    rows: Iterable[BatchResult[Model]],
    out_file: Path,
    label: str,
    console: Console,
    report: Callable[[str], None],
    warn: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Write every line (bad ones with their error) atomically, with a progress bar on
    ``console``; ``report`` each bad line's problem and ``warn`` of each warning (``report``
    when not given).  Returns (good lines, bad lines)."""
    done = problems = 0
    with atomic_output(out_file) as handle, progress_bar(label, console) as bar:
        task = bar.add_task(label, total=None)
        for row in rows:
            bar.advance(task)
            for warning in row.warnings:
                (warn or report)(warning)
            handle.write(row.line.model_dump_json(by_alias=True, exclude_none=True) + "\n")
            if row.problem is None:
                done += 1
            else:
                problems += 1
                report(row.problem)
    return done, problems
