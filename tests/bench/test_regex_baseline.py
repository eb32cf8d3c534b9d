"""The regex baseline of the cable benchmark (bench/regex_baseline.py) on the seed cable."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from interdict.cables.sources.raw import RawCable
from interdict.cables.sources.walk import iter_raw

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "regex_baseline.py"
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regex_baseline", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


baseline = _load()


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    raw = next(iter_raw([SEED]))
    assert isinstance(raw, RawCable)
    record: dict[str, Any] = baseline.extract(raw)
    return record


def test_reference_id_and_banner(seed: dict[str, Any]) -> None:
    assert seed["reference_id"] == "09STATE29395"
    assert seed["classification"] == "S"
    # The banner glued to the last address line is found, and the header ends before it.
    assert seed["message_number"] == "029395"
    assert seed["info"][-1]["address"] == "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE"


def test_header_fields(seed: dict[str, Any]) -> None:
    assert seed["dtg"]["text"] == "262046Z MAR 09"
    assert seed["created"].isoformat() == "2009-03-26T20:46:00+00:00"
    assert seed["from"]["address"] == "SECSTATE WASHDC"
    assert [a["address"] for a in seed["to"]] == ["AMEMBASSY MADRID"]
    assert seed["de"]["station"] == "RUEHC"


def test_preamble_fields(seed: dict[str, Any]) -> None:
    assert seed["tags"] == ["PARM", "MTCRE", "PREL", "TW", "IR", "SP"]
    assert seed["eo"]["order"] == "12958"
    assert seed["eo"]["declassify_on"].isoformat() == "2034-03-26"
    assert [(r["letter"], r["reference_id"]) for r in seed["references"]] == [
        ("A", "09MADRID88"),
        ("B", "08MADRID979"),
        ("C", "08STATE81940"),
    ]
    assert seed["classified_by"]["reasons"] == ["1.4(b)", "1.4(c)", "1.4(d)"]


def test_paragraphs_and_signer(seed: dict[str, Any]) -> None:
    paragraphs = seed["paragraphs"]
    assert [p["number"] for p in paragraphs] == [str(n) for n in range(1, 8)]
    assert [p["marking"] for p in paragraphs] == ["U", "S", "S", "S", "S", "U", "U"]
    assert paragraphs[-1]["text"].endswith("will be posted at .")  # the signer is not in it
    assert seed["signers"] == ["CLINTON"]


def test_record_serialises(seed: dict[str, Any]) -> None:
    assert json.loads(baseline.to_json(seed))["reference_id"] == "09STATE29395"


def test_agreement_with_interdict_on_the_seed() -> None:
    result = baseline.agreement([SEED])
    assert result["cables"] == 1
    for field in ("reference_id", "tags", "references: letters and ids", "paragraphs: count"):
        assert result["fields"][field]["agree"] == 1, field
