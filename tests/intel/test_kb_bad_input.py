"""Bad stores and bad cables: a clear error naming the cause, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_helpers import runner, write_cable
from sqlalchemy import create_engine, func, select, text

from interdict.cli import app
from interdict.store.schema import cables
from interdict.store.url import parse_url

SEED = Path(__file__).parents[2] / "interdict" / "data" / "cables" / "09STATE29395.txt"


@pytest.mark.parametrize("command", [["intel", "ingest"], ["cables", "ingest"]])
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("no-such-scheme", "INTERDICT_DB: 'no-such-scheme' is not a database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:9/none", "cannot open store"),
    ],
)
def test_a_bad_database_url_is_named_and_nothing_is_written(
    home: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], url: str, message: str
) -> None:
    monkeypatch.setenv("INTERDICT_DB", url)
    result = runner.invoke(app, [*command, str(SEED)])
    assert result.exit_code == 2
    assert message in result.output
    assert not (home / "interdict.sqlite").exists()


def test_a_newer_store_is_refused_and_left_as_it_was(home: Path, store_url: str) -> None:
    first = runner.invoke(app, ["intel", "ingest", str(SEED), "--db", store_url])
    assert first.exit_code == 0, first.output
    engine = create_engine(parse_url(store_url, "--db"))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    for command in (
        ["intel", "ingest", str(SEED)],
        ["cables", "search", "iran"],
        ["screen", "Ardalan"],
    ):
        result = runner.invoke(app, [*command, "--db", store_url])
        assert result.exit_code == 2, command
        assert "written by a newer Interdict" in result.output
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(cables)).scalar_one() == 1
    engine.dispose()


def test_unparseable_cables_are_skipped_and_the_rest_ingested(
    home: Path, store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    write_cable(folder, "09ANKARA7", "Alpha Trading is a front company for Beta Holdings Ltd.")
    (folder / "broken.txt").write_bytes(b"\x00\x00binary\x00junk")
    result = runner.invoke(app, ["intel", "ingest", str(folder), str(SEED), "--db", store_url])
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr
    assert "2 cables read (2 new or changed)" in result.stdout
    shown = runner.invoke(app, ["intel", "show", "Ardalan Machineries", "--db", store_url])
    assert shown.exit_code == 0, shown.output
