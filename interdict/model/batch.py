"""What every batch command yields for one input line: the output line and any problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

Line = TypeVar("Line")


@dataclass(frozen=True, slots=True)
class BatchResult(Generic[Line]):
    """The line to write (always, to keep output aligned with input) and, for a bad input line,
    its position and reason to report."""

    line: Line
    problem: str | None
