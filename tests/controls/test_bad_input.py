"""Bad item files and bad control-list data are refused with the field named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from interdict.controls.catalogue import load
from interdict.controls.entries import ControlList, ControlListError
from interdict.controls.items import ItemError, load_item, read_item
from interdict.controls.regimes import regime_of

DATA = Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls"


@pytest.mark.parametrize(
    ("parameters", "field", "reason"),
    [
        (
            {"simultaneous_contouring_axis": 5},
            "parameters.simultaneous_contouring_axis",
            "did you mean",
        ),
        (
            {"linear_axes": [{"name": "X", "travel": "0.8 kg"}]},
            "parameters.linear_axes[0].travel",
            "wrong unit",
        ),
        (
            {"linear_axes": [{"name": "X", "travel": 0.8}]},
            "parameters.linear_axes[0].travel",
            "with its unit",
        ),
        (
            {"simultaneous_contouring_axes": None},
            "parameters.simultaneous_contouring_axes",
            "missing value",
        ),
        (
            {"simultaneous_contouring_axes": "five"},
            "parameters.simultaneous_contouring_axes",
            "whole number",
        ),
        ({"numerical_control": "yes"}, "parameters.numerical_control", "true or false"),
        ({"machining_functions": ["knitting"]}, "parameters.machining_functions", "not one of"),
        ({"linear_axes": [{"travel": "1 m"}]}, "parameters.linear_axes[0]", "needs a name"),
        (
            {"linear_axes": [{"name": "X", "speed": "1 m"}]},
            "parameters.linear_axes[0].speed",
            "unknown parameter",
        ),
        (
            {"linear_axes": [{"name": "X", "travel": "2 .. 1 m"}]},
            "parameters.linear_axes[0].travel",
            "low end",
        ),
    ],
)
def test_bad_values_name_their_field(
    controls: ControlList, parameters: dict[str, object], field: str, reason: str
) -> None:
    with pytest.raises(ItemError) as caught:
        read_item({"name": "x", "parameters": parameters}, controls.vocabulary, "item.yaml")
    assert caught.value.field == field
    assert reason in caught.value.reason
    assert str(caught.value).startswith("item.yaml: " + field)


def test_files_that_are_not_items(controls: ControlList, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ItemError, match="not valid JSON"):
        load_item(broken, controls.vocabulary)
    with pytest.raises(ItemError, match="cannot be read"):
        load_item(tmp_path / "absent.yaml", controls.vocabulary)
    with pytest.raises(ItemError, match="name: missing value"):
        read_item({"parameters": {"numerical_control": True}}, controls.vocabulary)
    with pytest.raises(ItemError, match="colour: unknown field"):
        read_item({"name": "x", "colour": "red", "parameters": {}}, controls.vocabulary)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "controls"
    shutil.copytree(DATA, target)
    return target


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('op: ">=", value: 5}', 'op: ">=", value: 5 µm}', "2B001.b.2: criteria"),
        ("value: 0.9 µm}", "value: 0.9 kg}", "cannot be converted"),
        ("param: travel,", "param: travl,", "unknown parameter 'travl' of linear_axes"),
        (
            "list: eu-annex-i, reference: 2B001.a}",
            "list: nowhere, reference: 2B001.a}",
            "2B001.a: jurisdictions.EU.list",
        ),
        ("  - id: 2B001.a\n", "  - id: 2B001.z.9\n", "its parent 2B001.z is not encoded"),
        ("name: X\n", "name: 7\n", "must be the record's name as text"),
        (
            "      US: {list: us-ccl, reference: 2B001.b, reasons: [NS2, AT1]}\n",
            "",
            "2B001.b.1: its parent 2B001.b has no US version",
        ),
        (
            '{param: travel, op: ">", value: 2 m}',
            '{param: [travel], op: ">", value: 2 m}',
            "must be a parameter name",
        ),
    ],
)
def test_bad_entries_are_refused_naming_entry_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy(tmp_path)
    path = folder / "entries" / "2B-machine-tools.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(ControlListError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load(folder)


def test_entries_without_sources_and_bad_country_codes_are_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "entries" / "2B-machine-tools.yaml"
    text = path.read_text()
    old = "      US: {list: us-ccl, reference: 2B001.a, reasons: [NS2, AT1]}\n    sources:"
    assert old in text
    path.write_text(text.replace(old, old.replace("sources:", "sourcez:"), 1))
    with pytest.raises(ControlListError, match=r"2B001\.a: sources"):
        load(folder)
    folder = _copy(tmp_path / "stray")
    path = folder / "entries" / "2B-machine-tools.yaml"
    path.write_text(path.read_text().replace("entries:\n", "entires: []\nentries:\n", 1))
    with pytest.raises(ControlListError, match=r"unknown top-level keys \['entires'\]"):
        load(folder)
    folder = _copy(tmp_path / "again")
    rules = folder / "rules" / "eu.yaml"
    rules.write_text(rules.read_text().replace("[IR, KP, SY,", "[XX1, KP, SY,", 1))
    with pytest.raises(ControlListError, match="'XX1' is not a country code"):
        load(folder)


def test_every_bundled_entry_cites_a_source_and_a_regime(controls: ControlList) -> None:
    for entry in controls.entries.values():
        assert entry.spec.sources
        assert entry.regime == regime_of(entry.id)[0]
    assert regime_of("2B201")[0] == "NSG"
    assert regime_of("9A106.b")[0] == "MTCR"
    assert regime_of("2B001.b.2")[0] == "WA"
    assert regime_of("1C350")[0] == "AG"
    assert regime_of("0B001")[0] == "NSG"
    with pytest.raises(ValueError, match="not an Annex I number"):
        regime_of("2X001")


def test_a_bad_pattern_in_the_vocabulary_is_refused(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    vocabulary = folder / "parameters.yaml"
    vocabulary.write_text(
        vocabulary.read_text()
        + "  odd:\n    kind: text\n    pattern: '([0-9'\n    description: a broken pattern\n"
    )
    with pytest.raises(ControlListError, match="is not a regular expression"):
        load(folder)
