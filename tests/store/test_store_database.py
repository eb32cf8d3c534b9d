"""The store: URLs, revisions, migrations and refusals, on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from interdict.cli import app
from interdict.store import migrate
from interdict.store.engine import open_store
from interdict.store.errors import StoreError
from interdict.store.schema import metadata
from interdict.store.url import parse_url, store_url

HEAD = migrate.head()

runner = CliRunner()


def test_default_is_sqlite_in_the_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERDICT_DB", raising=False)
    url = store_url(None, tmp_path)
    assert url.get_backend_name() == "sqlite"
    assert url.database == str(tmp_path / "interdict.sqlite")


def test_option_wins_over_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERDICT_DB", "postgresql://db.example/one")
    assert store_url(None, tmp_path).database == "one"
    assert store_url("sqlite:////tmp/two.sqlite", tmp_path).database == "/tmp/two.sqlite"


def test_plain_postgresql_url_gets_the_psycopg_driver() -> None:
    assert parse_url("postgresql://h/db", "--db").drivername == "postgresql+psycopg"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://h/db", "unsupported database 'mysql'"),
        ("postgresql+asyncpg://h/db", "use the psycopg driver"),
        ("sqlite://", "needs a file path"),
    ],
)
def test_bad_urls_are_named(text: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason) as caught:
        parse_url(text, "INTERDICT_DB")
    assert str(caught.value).startswith("INTERDICT_DB:")


def test_unreachable_server_is_a_clear_error() -> None:
    url = parse_url("postgresql://nobody@127.0.0.1:9/none", "--db")
    with pytest.raises(StoreError, match=r"cannot open store .*127\.0\.0\.1:9"):
        open_store(url, create=True)


def test_sqlite_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    url = parse_url(f"sqlite:///{tmp_path}/no/such/folder/s.sqlite", "--db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(url, create=True)
    assert not (tmp_path / "no").exists()


def test_reading_a_store_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    url = parse_url(f"sqlite:///{tmp_path}/s.sqlite", "--db")
    with pytest.raises(StoreError, match="ingest cables first"):
        open_store(url, create=False)
    assert not (tmp_path / "s.sqlite").exists()


def test_migrated_store_matches_the_metadata(store_url: str) -> None:
    store = open_store(make_url(store_url), create=True)
    with store.engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
        context = MigrationContext.configure(connection)
        differences = [d for d in compare_metadata(context, metadata) if "cable_fts" not in str(d)]
        # The full-text index is per backend and outside the metadata by design.
        assert [d for d in differences if "search" not in str(d)] == []
    store.engine.dispose()


def test_newer_store_is_refused_and_left_alone(store_url: str) -> None:
    url = make_url(store_url)
    open_store(url, create=True).engine.dispose()
    engine = create_engine(parse_url(store_url, "--db"))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    with pytest.raises(StoreError, match="written by a newer Interdict"):
        open_store(parse_url(store_url, "--db"), create=True)
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert result.exit_code == 2
    assert "newer Interdict" in result.output
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "f00dfeed"
        )
    engine.dispose()


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE accounts (id INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="no Interdict schema revision"):
        open_store(parse_url(f"sqlite:///{path}", "--db"), create=True)


@pytest.fixture
def newer_interdict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this Interdict has one more migration than the store was made with."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts)
    (scripts / "versions" / "9999_test.py").write_text(
        '"""Test-only revision."""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        'revision = "9999"\n'
        f"down_revision = {HEAD!r}\n"
        "def upgrade() -> None:\n"
        '    op.add_column("store_state", sa.Column("note", sa.Text, nullable=True))\n',
        encoding="utf-8",
    )
    migrate._scripts.cache_clear()
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    yield
    migrate._scripts.cache_clear()


def test_old_store_is_refused_until_upgraded(
    store_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = parse_url(store_url, "--db")
    open_store(url, create=True).engine.dispose()  # made at this Interdict's head
    request.getfixturevalue("newer_interdict")
    with pytest.raises(
        StoreError,
        match=rf"revision {HEAD}, this Interdict needs 9999: run 'interdict db upgrade'",
    ):
        open_store(url, create=True)
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert result.exit_code == 0, result.output
    assert f"upgraded from {HEAD} to 9999" in result.output
    store = open_store(url, create=False)
    with store.engine.connect() as connection:
        assert "note" in {c["name"] for c in inspect(connection).get_columns("store_state")}
    store.engine.dispose()


def test_db_status_and_upgrade(store_url: str) -> None:
    result = runner.invoke(app, ["db", "status", "--db", store_url, "--json"])
    assert result.exit_code == 0, result.output
    # A SQLite file does not exist until created; a PostgreSQL database exists but is empty.
    assert ('"state": "missing"' if "sqlite" in store_url else '"state": "empty"') in result.output
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert result.exit_code == 0
    assert f"upgraded from empty to {HEAD}" in result.output
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert f"already at revision {HEAD}" in result.output
    result = runner.invoke(app, ["db", "status", "--db", store_url])
    backend = "sqlite" if store_url.startswith("sqlite") else "postgresql"
    assert f"backend:   {backend}" in result.output
    assert f"revision:  {HEAD} (this Interdict: {HEAD}; current)" in result.output
    assert "***" in result.output or backend == "sqlite"  # never the password


def test_db_status_of_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["db", "status", "--db", f"sqlite:///{tmp_path}/s.sqlite"])
    assert result.exit_code == 0
    assert "missing" in result.output
    assert not (tmp_path / "s.sqlite").exists()


def test_bad_environment_url_fails_every_store_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERDICT_DB", "nonsense")
    for args in (["db", "status"], ["db", "upgrade"], ["cables", "search", "iran"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert "INTERDICT_DB: 'nonsense' is not a database URL" in result.output


def test_a_0001_store_upgrades_to_head_keeping_its_cables(store_url: str, seed_path: Path) -> None:
    """A store made by the knowledge-base release gains the case tables and keeps its data."""
    from alembic import command
    from sqlalchemy import func, select

    from interdict.store.schema import cables

    url = parse_url(store_url, "--db")
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(migrate._config(connection), "0001")
    engine.dispose()
    result = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert f"upgraded from 0001 to {HEAD}" in result.output
    result = runner.invoke(app, ["cables", "ingest", str(seed_path), "--db", store_url])
    assert result.exit_code == 0, result.output
    store = open_store(url, create=False)
    with store.read() as connection:
        assert connection.execute(select(func.count()).select_from(cables)).scalar() == 1
        assert {"cases", "case_versions", "denials", "audit_log"} <= set(
            inspect(connection).get_table_names()
        )
    store.engine.dispose()
