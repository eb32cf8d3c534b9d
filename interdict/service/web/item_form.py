"""The item form: classification asks for the parameters it is missing, one field each.

An officer rarely has the full data sheet at hand.  The page classifies
what is known, then turns each missing parameter into a form field of its
kind (yes/no, a choice, a set of ticks, a number with its unit, a table of
axes), most decisive first; the answers merge into the item and it is
classified again, until the result no longer waits on anything.  The item
travels between rounds as the YAML an item file holds, so the officer can
also edit it whole or carry it into a case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from interdict.controls.outputs import ClassifyOutput
from interdict.controls.parameters import Parameter, Vocabulary

ROWS = 3  # empty rows offered for a collection (axes) beside the ones already stated


@dataclass(frozen=True)
class Question:
    """One form field: the parameter, how to ask for it, and what it already holds."""

    name: str
    spec: Parameter
    ask: str
    decides: list[str]
    current: Any = None
    rows: list[dict[str, Any]] = field(default_factory=list)


def questions(
    result: ClassifyOutput, vocabulary: Vocabulary, item: dict[str, Any]
) -> list[Question]:
    """The missing parameters as questions, those deciding the most entries first.

    A missing field of one stated axis (``linear_axes[X]``) is asked through its
    collection's table, which shows the axes already stated.
    """
    stated = item.get("parameters") or {}
    decides: dict[str, set[str]] = {}
    asks: dict[str, str] = {}
    for missing in result.missing_parameters:
        name = missing.parameter.split("[", 1)[0]
        if vocabulary.get(name) is None:
            continue
        decides.setdefault(name, set()).update(missing.would_decide)
        asks.setdefault(name, missing.ask)
    found = []
    for name, entries in decides.items():
        spec = vocabulary.parameters[name]
        rows: list[dict[str, Any]] = []
        if spec.kind == "collection":
            rows = [dict(row) for row in stated.get(name) or [] if isinstance(row, dict)]
            rows += [{} for _ in range(ROWS)]
        found.append(Question(name, spec, asks[name], sorted(entries), stated.get(name), rows))
    return sorted(found, key=lambda q: (-len(q.decides), q.name))


class AnswerError(ValueError):
    """An answer that cannot be a value of its parameter; names the field."""


def merged(
    item: dict[str, Any], form: dict[str, list[str]], vocabulary: Vocabulary
) -> dict[str, Any]:
    """The item with the form's answers written into its parameters.

    Fields are named ``p.NAME`` (a set sends one value per tick) and
    ``p.NAME.ROW.FIELD`` for a collection; an empty answer leaves the
    parameter as it was.  A bare number for a quantity takes the
    parameter's canonical unit.
    """
    parameters = dict(item.get("parameters") or {})
    tables: dict[str, dict[int, dict[str, Any]]] = {}
    for key, values in form.items():
        if not key.startswith("p."):
            continue
        parts = key[2:].split(".")
        answers = [v.strip() for v in values if v.strip()]
        if len(parts) == 3:
            name, row, field_name = parts
            spec = vocabulary.get(field_name, name)
            if (spec is None and field_name != "name") or not row.isdigit():
                raise AnswerError(f"{key}: no such field")
            cell = tables.setdefault(name, {}).setdefault(int(row), {})
            if answers:
                cell[field_name] = answers[0] if spec is None else _value(key, spec, answers)
            continue
        spec = vocabulary.get(parts[0])
        if spec is None or len(parts) != 1:
            raise AnswerError(f"{key}: no such parameter")
        if answers:
            parameters[parts[0]] = _value(key, spec, answers)
    for name, rows in tables.items():
        filled = [rows[i] for i in sorted(rows) if rows[i]]
        if filled:
            parameters[name] = filled
    return {**item, "parameters": parameters}


def _value(key: str, spec: Parameter, answers: list[str]) -> Any:
    if spec.kind == "set":
        return answers
    answer = answers[0]
    if spec.kind == "boolean":
        if answer not in ("yes", "no"):
            raise AnswerError(f"{key}: answer yes or no")
        return answer == "yes"
    if spec.kind == "count":
        if not answer.isdigit():
            raise AnswerError(f"{key}: give a whole number")
        return int(answer)
    if spec.kind == "quantity" and _is_number(answer):
        return f"{answer} {spec.unit}"
    return answer


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
