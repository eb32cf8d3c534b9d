"""The Python examples of docs/intel.md run as written (on the seed cable instead of a corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kb_helpers import runner

from interdict.cli import app

ROOT = Path(__file__).parents[2]
SEED = ROOT / "interdict" / "data" / "cables" / "09STATE29395.txt"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_python_examples_run(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "datasets" / "interdict_starter.removed").unlink()  # the examples use the bundled list
    assert runner.invoke(app, ["intel", "ingest", str(SEED)]).exit_code == 0
    blocks = BLOCK.findall((ROOT / "docs" / "intel.md").read_text(encoding="utf-8"))
    assert len(blocks) == 2
    for block in blocks:
        exec(block.replace('"cables.csv"', repr(str(SEED))), {})
    printed = capsys.readouterr().out
    assert "['front_for'] ['3', '5']" in printed
    assert "Ardalan Machineries Company True ['front_for', 'same_as']" in printed
