"""What an item file may say about a number: a value, or only a bound on it.

A manufacturer's sheet often says "travel under 1 m" rather than 0.8 m, and
the officer must still get an answer where the bound decides it.  So every
numeric value is an interval, and a comparison against a threshold is true,
false, or undecided (``None``) when the interval straddles the threshold.
The undecided comparisons are what ``missing_parameters`` reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

Truth = bool | None
Op = Literal["<", "<=", ">", ">=", "==", "!="]
ORDER_OPS: tuple[str, ...] = ("<", "<=", ">", ">=", "==", "!=")

_BOUND = re.compile(r"^\s*(<=|>=|<|>|≤|≥)\s*(.+)$")
_RANGE = re.compile(r"^\s*(.+?)\s*\.\.\s*(.+)$")
_SYMBOLS = {"≤": "<=", "≥": ">="}


@dataclass(frozen=True)
class Interval:
    """A closed, open or half-open interval; ``None`` ends are unbounded."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    @property
    def is_exact(self) -> bool:
        return self.low is not None and self.low == self.high

    def describe(self, unit: str) -> str:
        suffix = f" {unit}" if unit else ""
        if self.is_exact:
            return f"{_plain(self.low)}{suffix}"
        if self.low is None and self.high is not None:
            return f"{'<=' if self.high_closed else '<'} {_plain(self.high)}{suffix}"
        if self.high is None and self.low is not None:
            return f"{'>=' if self.low_closed else '>'} {_plain(self.low)}{suffix}"
        return f"{_plain(self.low)} .. {_plain(self.high)}{suffix}"


def _plain(value: Decimal | None) -> str:
    return "?" if value is None else format(value.normalize(), "f")


def split_bound(text: str) -> tuple[str | None, str, str | None]:
    """``"< 1 m"`` -> ("<", "1 m", None); ``"0.5 .. 0.9 m"`` -> (None, "0.5", "0.9 m")."""
    found = _BOUND.match(text)
    if found:
        op, rest = found.groups()
        return _SYMBOLS.get(op, op), rest, None
    ranged = _RANGE.match(text)
    if ranged:
        return None, ranged.group(1), ranged.group(2)
    return None, text, None


def bounded(op: str, value: Decimal) -> Interval:
    if op == "<":
        return Interval(None, value, high_closed=False)
    if op == "<=":
        return Interval(None, value)
    if op == ">":
        return Interval(value, None, low_closed=False)
    return Interval(value, None)


def compare(value: Interval, op: str, threshold: Decimal) -> Truth:
    """Whether every point of ``value`` satisfies ``op threshold`` (True), none does (False)."""
    if op == "==":
        if value.is_exact:
            return value.low == threshold
        return None if _contains(value, threshold) else False
    if op == "!=":
        equal = compare(value, "==", threshold)
        return None if equal is None else not equal
    if op in ("<", "<="):
        return _below(value, threshold, strict=op == "<")
    return _above(value, threshold, strict=op == ">")


def _below(value: Interval, threshold: Decimal, *, strict: bool) -> Truth:
    if _under(value.high, value.high_closed, threshold, strict=strict):
        return True
    if _over(value.low, value.low_closed, threshold, strict=not strict):
        return False
    return None


def _above(value: Interval, threshold: Decimal, *, strict: bool) -> Truth:
    if _over(value.low, value.low_closed, threshold, strict=strict):
        return True
    if _under(value.high, value.high_closed, threshold, strict=not strict):
        return False
    return None


def _under(end: Decimal | None, closed: bool, threshold: Decimal, *, strict: bool) -> bool:
    """Every point up to this upper end is below the threshold (strictly if asked)."""
    if end is None:
        return False
    return end < threshold or (end == threshold and (not strict or not closed))


def _over(end: Decimal | None, closed: bool, threshold: Decimal, *, strict: bool) -> bool:
    """Every point from this lower end is above the threshold (strictly if asked)."""
    if end is None:
        return False
    return end > threshold or (end == threshold and (not strict or not closed))


def _contains(value: Interval, point: Decimal) -> bool:
    below_low = _over(value.low, value.low_closed, point, strict=True)
    above_high = _under(value.high, value.high_closed, point, strict=True)
    return not (below_low or above_high)
