"""The item form's two halves: questions from a classification, answers merged into the item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.items import read_item
from interdict.controls.outputs import classify_output
from interdict.service.web.item_form import AnswerError, merged, questions

ROOT = Path(__file__).parents[2]
CONTROLS, _ = bundled()
VOCABULARY = CONTROLS.vocabulary


def _asked(item: dict[str, Any]) -> list[str]:
    loaded = read_item(item, VOCABULARY, "item")
    result = classify_output(classify(loaded, CONTROLS, "EU"), CONTROLS)
    return [q.name for q in questions(result, VOCABULARY, item)]


def test_questions_come_most_decisive_first_and_once_per_parameter() -> None:
    item = {"name": "mill", "parameters": {"item_type": "equipment"}}
    loaded = read_item(item, VOCABULARY, "item")
    result = classify_output(classify(loaded, CONTROLS, "EU"), CONTROLS)
    asked = questions(result, VOCABULARY, item)
    names = [q.name for q in asked]
    assert len(names) == len(set(names)) and "item_type" not in names
    counts = [len(q.decides) for q in asked]
    assert counts == sorted(counts, reverse=True)
    assert all("[" not in name for name in names)


def test_a_stated_axis_missing_a_figure_is_asked_through_its_table() -> None:
    item = {
        "name": "mill",
        "parameters": {
            "item_type": "equipment",
            "machining_functions": ["milling"],
            "numerical_control": True,
            "linear_axes": [{"name": "X", "travel": "0.8 m"}],
        },
    }
    loaded = read_item(item, VOCABULARY, "item")
    result = classify_output(classify(loaded, CONTROLS, "EU"), CONTROLS)
    table = next(q for q in questions(result, VOCABULARY, item) if q.name == "linear_axes")
    assert table.rows[0] == {"name": "X", "travel": "0.8 m"} and len(table.rows) == 4


def test_answers_take_their_kinds_and_units() -> None:
    form = {
        "p.numerical_control": ["yes"],
        "p.simultaneous_contouring_axes": ["5"],
        "p.machining_functions": ["milling", "turning"],
        "p.item_type": ["equipment"],
        "p.linear_axes.0.name": ["X"],
        "p.linear_axes.0.unidirectional_positioning_repeatability": ["3.0"],
        "p.linear_axes.0.travel": ["< 1 m"],
        "p.linear_axes.1.name": [""],
        "name": ["ignored: not a parameter field"],
    }
    item = merged({"name": "mill"}, form, VOCABULARY)
    assert item["parameters"] == {
        "numerical_control": True,
        "simultaneous_contouring_axes": 5,
        "machining_functions": ["milling", "turning"],
        "item_type": "equipment",
        "linear_axes": [
            {"name": "X", "unidirectional_positioning_repeatability": "3.0 µm", "travel": "< 1 m"}
        ],
    }
    read_item(item, VOCABULARY, "item")


@pytest.mark.parametrize(
    ("field", "answer", "reason"),
    [
        ("p.numerical_control", "maybe", "yes or no"),
        ("p.simultaneous_contouring_axes", "five", "whole number"),
        ("p.no_such_parameter", "1", "no such parameter"),
        ("p.linear_axes.0.colour", "red", "no such field"),
        ("p.linear_axes.first.travel", "1 m", "no such field"),
    ],
)
def test_a_wrong_answer_names_its_field(field: str, answer: str, reason: str) -> None:
    with pytest.raises(AnswerError, match=reason) as raised:
        merged({"name": "mill"}, {field: [answer]}, VOCABULARY)
    assert str(raised.value).startswith(field)


@given(st.dictionaries(st.sampled_from(sorted(VOCABULARY.parameters)), st.just([""]), max_size=8))
def test_blank_answers_never_change_the_item(blanks: dict[str, list[str]]) -> None:
    item = {"name": "mill", "parameters": {"item_type": "equipment", "numerical_control": True}}
    form = {f"p.{name}": values for name, values in blanks.items()}
    assert merged(item, form, VOCABULARY) == item


def test_the_fs1_data_sheet_leaves_no_axis_question() -> None:
    fs1 = yaml.safe_load((ROOT / "examples" / "items" / "fs1.yaml").read_text("utf-8"))
    assert "linear_axes" not in _asked(fs1)
