"""The data format on a small list written here: formula thresholds, quantifiers, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from interdict.controls.classify import classify
from interdict.controls.entries import ControlList, ControlListError, load_control_list
from interdict.controls.items import ItemError, read_item

PARAMETERS = """
parameters:
  axes:
    kind: count
    description: measuring axes
  measurement_error:
    kind: quantity
    unit: µm
    description: maximum permissible error of length measurement
  measured_length:
    kind: quantity
    unit: mm
    description: the measured length L
  cas_number:
    kind: text
    pattern: "[0-9]{2,7}-[0-9]{2}-[0-9]"
    description: the chemical's CAS registry number
"""
LISTS = """
lists:
  - id: test-list
    jurisdiction: EU
    title: a list written for this test
    version_date: 2026-01-01
    sources: [{url: "https://example.org/list", supports: the test list}]
"""
ENTRY = """
entries:
  - id: 2B206
    title: coordinate measuring machines with a length-dependent error limit
    criteria:
      all:
        - {param: axes, op: ">=", value: 2}
        - param: measurement_error
          op: "<="
          value: {base: 1.25 µm, plus: 1 µm, per: 1000 mm, of: measured_length}
    jurisdictions:
      EU: {list: test-list, reference: 2B206}
    sources: [{url: "https://example.org/2B206", supports: the formula}]
"""


def _write(folder: Path, entry: str = ENTRY) -> ControlList:
    (folder / "entries").mkdir(parents=True, exist_ok=True)
    (folder / "parameters.yaml").write_text(PARAMETERS)
    (folder / "lists.yaml").write_text(LISTS)
    (folder / "entries" / "2B.yaml").write_text(entry)
    return load_control_list(folder)


@pytest.mark.parametrize(
    ("error", "length", "listed"),
    [
        ("1.75 µm", "500 mm", True),  # 1.25 + 500/1000 = 1.75, on the limit
        ("1.76 µm", "500 mm", False),
        ("1.74 µm", "0.5 m", True),
        ("2.25 µm", "1000 mm", True),
        ("1.75 µm", "< 600 mm", None),  # a bound on L makes the limit a range: undecided
    ],
)
def test_formula_thresholds(tmp_path: Path, error: str, length: str, listed: bool | None) -> None:
    controls = _write(tmp_path)
    item = read_item(
        {
            "name": "cmm",
            "parameters": {"axes": 3, "measurement_error": error, "measured_length": length},
        },
        controls.vocabulary,
    )
    result = classify(item, controls, "EU")
    if listed is None:
        assert [d.entry.id for d in result.undetermined] == ["2B206"]
    else:
        assert bool(result.matches) is listed
    if result.matches:
        shown = [c.threshold for c in result.matches[0].verdict.decisive]
        assert "1.25 µm + 1 µm per 1000 mm of measured_length" in shown


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{base: 1.25 µm, plus: 1 µm, per: 1000 mm}", "exactly base, plus, per and of"),
        ("{base: 1.25 µm, plus: 1 µm, per: 1000 mm, of: axes}", "not a quantity parameter"),
        ("{base: 1.25 µm, plus: 1 µm, per: 0 mm, of: measured_length}", "cannot be zero"),
        ("{base: 1.25 kg, plus: 1 µm, per: 1000 mm, of: measured_length}", "value.base"),
    ],
)
def test_bad_formulas_are_refused(tmp_path: Path, value: str, message: str) -> None:
    entry = ENTRY.replace("{base: 1.25 µm, plus: 1 µm, per: 1000 mm, of: measured_length}", value)
    with pytest.raises(ControlListError, match=message):
        _write(tmp_path, entry)


def test_an_entry_number_without_a_regime_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ControlListError, match="no regime uses the digit 9"):
        _write(tmp_path, ENTRY.replace("2B206", "2B906"))


CHEMICAL = (
    ENTRY
    + """
  - id: 1C350
    title: a chemical entry written for this test, listed by CAS number
    criteria: {param: cas_number, op: in, value: ["64-17-5", "67-56-1"]}
    jurisdictions:
      EU: {list: test-list, reference: 1C350}
    sources: [{url: "https://example.org/1C350", supports: the test entry}]
"""
)


@pytest.mark.parametrize(("cas", "listed"), [("64-17-5", True), ("67-63-0", False)])
def test_text_parameters_match_identifiers(tmp_path: Path, cas: str, listed: bool) -> None:
    controls = _write(tmp_path, CHEMICAL)
    item = read_item({"name": "solvent", "parameters": {"cas_number": cas}}, controls.vocabulary)
    result = classify(item, controls, "EU")
    assert ("1C350" in {d.entry.id for d in result.matches}) is listed
    assert controls.entries["1C350"].regime == "AG"


def test_text_values_must_have_the_declared_form(tmp_path: Path) -> None:
    controls = _write(tmp_path, CHEMICAL)
    with pytest.raises(ItemError, match=r"cas_number: 'ethanol' does not have the form"):
        read_item({"name": "x", "parameters": {"cas_number": "ethanol"}}, controls.vocabulary)
    with pytest.raises(ControlListError, match="does not have the form"):
        _write(tmp_path / "bad", CHEMICAL.replace('"67-56-1"', '"methanol"'))
