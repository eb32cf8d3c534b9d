"""Shared fixtures: a data home per test, and the small screening list written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from interdict.parties.screening import Dataset, Screener
from interdict.parties.store.datasets import current_version, load_list

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "screening" / "mini.ftm.json"
BAD = FIXTURES / "screening" / "bad.ftm.json"


@pytest.fixture
def mini(home: Path) -> Screener:
    load_list(MINI, "ftm", "mini", home)
    version = current_version(home, "mini")
    assert version is not None
    return Screener([Dataset.open(version)])
