"""Store fixtures for both backends: SQLite in a temporary folder, PostgreSQL when configured.

``INTERDICT_TEST_POSTGRES`` names a PostgreSQL server as an admin URL (``.ci/run`` sets it
after starting Debian's PostgreSQL); each test gets a database of its own, dropped
afterwards.  Without it the PostgreSQL half is skipped on a developer machine, and
fails under CI, where skipping it would hide a backend that was never tested.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

ADMIN_ENV = "INTERDICT_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]


def postgres_admin() -> URL | None:
    configured = os.environ.get(ADMIN_ENV)
    if not configured:
        if os.environ.get("CI"):
            pytest.fail(f"{ADMIN_ENV} is not set: CI must run the store tests on PostgreSQL")
        pytest.skip(f"PostgreSQL store tests need {ADMIN_ENV} (see .ci/run)")
    return make_url(configured).set(drivername="postgresql+psycopg")


def make_store_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL for an empty store on ``backend``, gone when the test ends."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    admin = postgres_admin()
    assert admin is not None
    name = f"interdict_test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
