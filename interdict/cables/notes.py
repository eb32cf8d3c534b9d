"""Collects parse warnings so that field parsers never need to raise.

A parser that meets something odd records it here and carries on; the
record is still produced, and ``--strict`` decides afterwards whether a
warning should fail the run.
"""

from __future__ import annotations

from interdict.cables.record import ParseWarning


class Notes:
    __slots__ = ("warnings",)

    def __init__(self) -> None:
        self.warnings: list[ParseWarning] = []

    def warn(self, field: str, message: str, line: int | None = None) -> None:
        self.warnings.append(ParseWarning(field=field, line=line, message=message))
