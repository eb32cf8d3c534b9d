"""What a list loader reports when one record of a list cannot be used.

Loaders never raise on content: they yield entities and, in the same stream,
``LoadProblem`` values naming the record (line, element index or row) and the
reason.  The dataset builder decides what a problem means for the load as a
whole, so every loader stays a plain generator that is easy to test.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One unusable record: where it is in the file and why it was refused."""

    position: str
    reason: str

    def __str__(self) -> str:
        return f"{self.position}: {self.reason}"
