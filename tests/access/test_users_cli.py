"""Users: added with a checked clearance, country and roles; refused with the field named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from interdict.cli import app

runner = CliRunner()


@pytest.fixture
def db(store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("INTERDICT_HOME", str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    added = runner.invoke(app, ["db", "upgrade", "--db", store_url])
    assert added.exit_code == 0, added.output
    return store_url


def _users(db: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["users", *args, "--db", db])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "a", "--clearance", "SECRET", "--country", "ES"], "--clearance: 'SECRET'"),
        (["add", "a", "--clearance", "S", "--country", "UK"], "the United Kingdom is GB"),
        (["add", "a", "--clearance", "S", "--country", "XX"], "unknown country code"),
        (["add", "a", "--clearance", "S", "--country", "ES", "--role", "boss"], "--role: unknown"),
        (["remove", "nobody"], "no user named 'nobody'"),
    ],
)
def test_bad_users_are_refused_with_the_field(db: str, args: list[str], message: str) -> None:
    code, output = _users(db, *args)
    assert code == 2 and message in output


def test_add_list_remove_and_a_name_is_unique(db: str) -> None:
    assert _users(db, "add", "ana", "--clearance", "c", "--country", "es")[0] == 0
    code, output = _users(db, "add", "ana", "--clearance", "S", "--country", "ES")
    assert code == 2 and "exists already" in output
    code, output = _users(db, "list")
    assert "ana" in output and "ES" in output and "analyst" in output
    assert _users(db, "remove", "ana")[0] == 0
    assert "ana" not in _users(db, "list")[1]


def test_the_audit_list_filters_by_user_and_date(db: str) -> None:
    _users(db, "add", "ana", "--clearance", "S", "--country", "ES", "--role", "admin")
    _users(db, "add", "bob", "--clearance", "S", "--country", "ES", "--as", "ana")
    listed = runner.invoke(app, ["audit", "list", "--user", "ana", "--db", db])
    assert "users.add" in listed.output and "bob" in listed.output
    later = runner.invoke(app, ["audit", "list", "--since", "2999-01-01", "--db", db])
    assert "users.add" not in later.output
