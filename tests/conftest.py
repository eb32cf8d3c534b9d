"""Fixtures every package's tests may use: a store on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_backends import BACKENDS, make_store_url


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty ``$INTERDICT_HOME`` and no ``INTERDICT_DB``; the bundled dataset is opted
    out so tests see only the lists they load."""
    data = tmp_path / "home"
    (data / "datasets").mkdir(parents=True)
    (data / "datasets" / "interdict_starter.removed").touch()
    monkeypatch.setenv("INTERDICT_HOME", str(data))
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    yield data


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty store, once on SQLite and once on PostgreSQL."""
    yield from make_store_url(request.param, tmp_path)


SEED = Path(__file__).parents[1] / "interdict" / "data" / "cables" / "09STATE29395.txt"


@pytest.fixture
def seed_path() -> Path:
    """The seed cable, 09STATE29395, as bundled."""
    return SEED
