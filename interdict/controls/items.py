"""An item to classify, read from YAML or JSON and checked against the vocabulary.

The file is what an officer receives from an exporter, so every error names
the field it is about (``parameters.linear_axes[0].travel``) and what would
be accepted instead.  A value may be exact ("3.0 µm") or a bound ("< 1 m",
"0.5 .. 0.9 m") when that is all the manufacturer states.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from interdict.controls.criteria import FieldValue, ItemValue, Record
from interdict.controls.parameters import Parameter, Vocabulary, text_problem
from interdict.controls.units import NumberError, UnitError, parse_magnitude, to_unit
from interdict.controls.values import Interval, bounded, split_bound
from interdict.model.strict import UnreadableError, read_document

_TOP_KEYS = ("name", "description", "manufacturer", "model", "source", "assumptions", "parameters")


class ItemError(ValueError):
    """An item file that cannot be used; ``field`` is the path of the offending value."""

    def __init__(self, source: str, field: str, reason: str) -> None:
        super().__init__(f"{source}: {field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Item:
    name: str
    values: dict[str, ItemValue]
    assumptions: tuple[str, ...]
    details: dict[str, str]


def load_item(path: Path, vocabulary: Vocabulary) -> Item:
    source = str(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        raise ItemError(source, "(file)", "a JSON-lines file holds many items: use --batch")
    try:
        raw = read_document(path)
    except UnreadableError as error:
        raise ItemError(source, "(file)", str(error)) from error
    return read_item(raw, vocabulary, source)


def read_item(
    raw: Any, vocabulary: Vocabulary, source: str = "item", *, started: bool = False
) -> Item:
    """An item file, checked against the vocabulary.

    A file with no parameters is refused as a slip; ``started`` accepts one, for the
    workbench's item form, whose first round classifies a name alone to learn what to ask.
    """
    if not isinstance(raw, dict):
        raise ItemError(source, "(file)", "expected a mapping with name and parameters")
    for key in raw:
        if key not in _TOP_KEYS:
            raise ItemError(source, str(key), f"unknown field; use {', '.join(_TOP_KEYS)}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ItemError(source, "name", "missing value: give the item a name")
    params = raw.get("parameters")
    if started and params is None:
        params = {}
    if not isinstance(params, dict) or not (params or started):
        raise ItemError(source, "parameters", "missing value: a mapping of parameter to value")
    values = {
        str(key): _value(
            value,
            _spec(vocabulary.parameters, str(key), "parameters", source),
            f"parameters.{key}",
            source,
        )
        for key, value in params.items()
    }
    assumptions = raw.get("assumptions") or []
    if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
        raise ItemError(source, "assumptions", "must be a list of sentences")
    details = {
        k: str(raw[k]) for k in ("description", "manufacturer", "model", "source") if raw.get(k)
    }
    return Item(name.strip(), values, tuple(assumptions), details)


def _spec(known: dict[str, Parameter], key: str, where: str, source: str) -> Parameter:
    spec = known.get(key)
    if spec is None:
        longer = sorted(k for k in known if k.startswith(key + "_"))
        close = longer or difflib.get_close_matches(key, list(known), n=1)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise ItemError(source, f"{where}.{key}", f"unknown parameter{hint}")
    return spec


def _value(raw: Any, spec: Parameter, field: str, source: str) -> ItemValue:
    if raw is None or raw == "" or raw == []:
        raise ItemError(source, field, f"missing value ({spec.description})")
    if spec.kind == "quantity":
        return _quantity(raw, spec.unit or "", field, source)
    if spec.kind == "count":
        return _count(raw, field, source)
    if spec.kind == "boolean":
        if not isinstance(raw, bool):
            raise ItemError(source, field, "must be true or false")
        return raw
    if spec.kind in ("enum", "set"):
        return _choices(raw, spec, field, source)
    if spec.kind == "text":
        problem = text_problem(spec, raw)
        if problem:
            raise ItemError(source, field, problem)
        return str(raw).strip()
    return _records(raw, spec, field, source)


def _quantity(raw: Any, unit: str, field: str, source: str) -> Interval:
    if not isinstance(raw, str):
        raise ItemError(
            source, field, f"give the number with its unit (this parameter is in {unit})"
        )
    op, first, second = split_bound(raw)
    if op is not None and ".." in first:
        raise ItemError(source, field, "write either a bound ('< 1 m') or a range ('0.5 .. 0.9 m')")
    try:
        if second is not None:
            high, high_unit = parse_magnitude(second)
            low, low_unit = parse_magnitude(first)
            if not high_unit:
                raise ItemError(source, field, f"give the range a unit, e.g. '{raw} {unit}'")
            low_value = to_unit(low, low_unit or high_unit, unit)
            high_value = to_unit(high, high_unit, unit)
            if low_value > high_value:
                raise ItemError(source, field, "the range's low end is above its high end")
            if low_value < 0:
                raise ItemError(source, field, f"cannot be negative (read as {low_value} {unit})")
            return Interval(low_value, high_value)
        magnitude, given = parse_magnitude(first)
        if not given:
            raise ItemError(
                source, field, f"give the number with its unit (this parameter is in {unit})"
            )
        value = to_unit(magnitude, given, unit)
        if value < 0:
            # Every quantity of the vocabulary is a magnitude or an absolute temperature.
            raise ItemError(source, field, f"cannot be negative (read as {value} {unit})")
    except NumberError as error:
        raise ItemError(source, field, str(error)) from error
    except UnitError as error:
        raise ItemError(source, field, f"wrong unit: {error}; expected a unit of {unit}") from error
    return Interval.exact(value) if op is None else bounded(op, value)


def _count(raw: Any, field: str, source: str) -> Interval:
    if isinstance(raw, int) and not isinstance(raw, bool):
        if raw < 0:
            raise ItemError(source, field, "a count cannot be negative")
        return Interval.exact(Decimal(raw))
    if isinstance(raw, str):
        op, first, second = split_bound(raw)
        if op is not None and second is None and first.strip().isdigit():
            # Counts are whole: "> 4" is ">= 5", so a bound decides what it can.
            number = Decimal(first.strip())
            tightened = {">": (">=", number + 1), "<": ("<=", number - 1)}
            op, number = tightened.get(op, (op, number))
            if number < 0:
                raise ItemError(source, field, "a count cannot be negative")
            return bounded(op, number)
    raise ItemError(source, field, "a count is a whole number, or a bound such as '>= 5'")


def _choices(raw: Any, spec: Parameter, field: str, source: str) -> str | frozenset[str]:
    many = spec.kind == "set"
    values = raw if many and isinstance(raw, list) else [raw]
    for value in values:
        if not isinstance(value, str) or value not in spec.values:
            raise ItemError(source, field, f"{value!r} is not one of: {', '.join(spec.values)}")
    return frozenset(values) if many else values[0]


def _records(raw: Any, spec: Parameter, field: str, source: str) -> tuple[Record, ...]:
    if not isinstance(raw, list):
        raise ItemError(source, field, "must be a list of records, each with a name")
    records: list[Record] = []
    for index, member in enumerate(raw):
        where = f"{field}[{index}]"
        if not isinstance(member, dict) or not isinstance(member.get("name"), str):
            raise ItemError(source, where, "each record needs a name (e.g. X)")
        values = {
            str(key): _value(
                value, _spec(spec.fields, str(key), where, source), f"{where}.{key}", source
            )
            for key, value in member.items()
            if key != "name"
        }
        # A collection's fields are never collections (the vocabulary refuses it).
        records.append(Record(member["name"], cast(dict[str, FieldValue], values)))
    names = [r.name.casefold() for r in records]
    if len(set(names)) != len(names):
        raise ItemError(source, field, "two records share a name")
    return tuple(records)
