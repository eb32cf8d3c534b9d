"""Shared fixtures: a data home per test, and the small screening list written for these tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from interdict.parties.screening import Dataset, Screener
from interdict.parties.store.datasets import current_version, load_list

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "screening" / "mini.ftm.json"
BAD = FIXTURES / "screening" / "bad.ftm.json"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty ``$INTERDICT_HOME``; the bundled dataset is opted out so tests see only theirs."""
    data = tmp_path / "home"
    (data / "datasets").mkdir(parents=True)
    (data / "datasets" / "interdict_starter.removed").touch()
    monkeypatch.setenv("INTERDICT_HOME", str(data))
    yield data


@pytest.fixture
def mini(home: Path) -> Screener:
    load_list(MINI, "ftm", "mini", home)
    version = current_version(home, "mini")
    assert version is not None
    return Screener([Dataset.open(version)])
