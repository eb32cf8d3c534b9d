"""Physical quantities in exact decimal arithmetic.

Thresholds sit on round numbers ("equal to or less than 0,9 µm") and a
boundary test must be able to hit them exactly, including after a unit
conversion: 0.0009 mm is 0.9 µm, never 0.8999999.  So quantities are pint
quantities over :class:`~decimal.Decimal`, and every converted magnitude is
rounded to :data:`SIGNIFICANT` digits, which absorbs the last-digit noise of
factors such as litres per minute to cubic metres per second.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import pint

SIGNIFICANT = 15
_NUMBER = re.compile(r"^\s*([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")


class UnitError(ValueError):
    """A unit that is unknown, or of the wrong kind for the parameter."""


class NumberError(UnitError):
    """A number that cannot be read without guessing (no digits, a thousands separator)."""


@cache
def registry() -> pint.UnitRegistry[Decimal]:
    """Built on first use only: pint's registry takes a third of a second to load."""
    units: pint.UnitRegistry[Decimal] = pint.UnitRegistry(non_int_type=Decimal)
    # The list's own spellings: "g" is an acceleration in vibration entries,
    # never a gram (no mass threshold in the encoded entries uses grams).
    units.define("g_rms = standard_gravity")
    units.define("percent_of_range = 0.01 = pct_range")
    return units


_GROUPED = re.compile(r"^[-+]?[1-9]\d{0,2}([,.]\d{3})+$")


def parse_magnitude(text: str) -> tuple[Decimal, str]:
    """Split "0,9 µm" into (Decimal("0.9"), "µm"); the list writes decimal commas.

    "1,500" and "2.500" could each be a thousandfold apart depending on the
    writer's convention; guessing would move a value across a threshold, so
    such numbers, and digit groups split by spaces or apostrophes, are refused.
    """
    found = _NUMBER.match(text)
    if found is None:
        raise NumberError(f"{text!r} does not start with a number")
    number, unit = found.groups()
    if (
        _GROUPED.match(number)
        or ("," in number and "." in number)
        or unit[:1].isdigit()
        or unit.startswith(("'", "\u2019"))
    ):
        raise NumberError(
            f"{text.strip()!r} is ambiguous or uses a thousands separator: write the number "
            "without one (1500), and a decimal part with a point or a comma after 0 (1.5, 0,381)"
        )
    try:
        return Decimal(number.replace(",", ".")), unit
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only numbers
        raise UnitError(f"{number!r} is not a number") from error


def to_unit(magnitude: Decimal, unit: str, target: str) -> Decimal:
    """``magnitude unit`` expressed in ``target``; a converted value is rounded to SIGNIFICANT."""
    scale, offset = _conversion(unit, target)
    if scale == 1 and offset == 0:
        return magnitude
    return round_significant(magnitude * scale + offset)


@cache
def _conversion(unit: str, target: str) -> tuple[Decimal, Decimal]:
    """Every pint conversion is affine (degC to K included): find it once from two points.

    Building a pint quantity costs tens of microseconds; an item file has
    dozens of values in a handful of units.
    """
    units = registry()
    try:
        zero = units.Quantity(Decimal(0), unit or "dimensionless").to(target).magnitude
        one = units.Quantity(Decimal(1), unit or "dimensionless").to(target).magnitude
    except pint.errors.UndefinedUnitError as error:
        raise UnitError(f"unknown unit {unit!r}") from error
    except pint.errors.DimensionalityError as error:
        raise UnitError(f"{unit or 'a bare number'!r} cannot be converted to {target!r}") from error
    except Exception as error:  # pint's parser raises many kinds on malformed unit text
        raise UnitError(f"{unit!r} is not a unit pint can read ({type(error).__name__})") from error
    return Decimal(one) - Decimal(zero), Decimal(zero)


def round_significant(value: Decimal) -> Decimal:
    if value == 0:
        return Decimal(0)
    exponent = value.adjusted() - SIGNIFICANT + 1
    return value.quantize(Decimal(1).scaleb(exponent)).normalize()


def check_unit(unit: str) -> None:
    """Refuse a unit pint does not know, at data-load time rather than at first use."""
    try:
        registry().Unit(unit)
    except Exception as error:  # pint's parser raises many kinds on malformed unit text
        raise UnitError(f"unknown unit {unit!r}") from error


def same_dimension(unit: str, other: str) -> bool:
    units = registry()
    one: Any = units.Unit(unit).dimensionality
    two: Any = units.Unit(other).dimensionality
    return bool(one == two)
