"""Open the store: connect, check the schema revision, and refuse anything unsafe.

A store is only ever written at the revision this Interdict was built for.
An empty database is created at that revision on first write; an older one
is refused with the command that upgrades it; one written by a newer
Interdict is refused outright.  Every check runs before the first write, so
a bad URL, an unreachable server or a newer store leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, SQLAlchemyError

from interdict.access.gate import Gate
from interdict.store import migrate
from interdict.store.errors import RecordRejectedError, StoreError
from interdict.store.url import describe, store_url

UPGRADE_HINT = "run 'interdict db upgrade'"


@dataclass(frozen=True, slots=True)
class Store:
    """An engine on a store known to be at the current revision."""

    engine: Engine
    url: URL
    gate: Gate = field(default_factory=Gate)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def location(self) -> str:
        return describe(self.url)

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        try:
            with self.engine.begin() as connection:
                connection.info["gate"] = self.gate
                yield connection
        except (DataError, IntegrityError) as error:
            raise RecordRejectedError(f"store {self.location}: {_reason(error)}") from error
        except DBAPIError as error:
            raise StoreError(f"store {self.location}: {_reason(error)}") from error

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as connection:
                connection.info["gate"] = self.gate
                yield connection
        except DBAPIError as error:
            raise StoreError(f"store {self.location}: {_reason(error)}") from error


def connect(url: URL) -> Engine:
    """An engine, with the connection tried once, so that a bad server fails here."""
    if url.get_backend_name() == "sqlite":
        database = Path(url.database or "")
        if not database.parent.is_dir():
            raise StoreError(f"store {describe(url)}: folder {database.parent} does not exist")
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open store {describe(url)}: {_reason(error)}") from error
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets searches run while an ingest writes; foreign keys keep facts tied to cables."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_store(url: URL, *, create: bool) -> Store:
    """The store at ``url``, checked; an empty one is created at the current revision if asked.

    ``create`` is for commands that write: a search on a store that does not
    exist yet is told so, instead of leaving an empty database behind.
    """
    missing = url.get_backend_name() == "sqlite" and not Path(url.database or "").exists()
    if missing and not create:
        raise StoreError(
            f"no store at {describe(url)} yet: ingest cables first "
            "('interdict cables ingest' or 'interdict intel ingest')"
        )
    engine = connect(url)
    try:
        with engine.connect() as connection:
            revision = migrate.current(connection)
            empty = revision is None and not inspect(connection).get_table_names()
        check_revision(url, revision, empty=empty)
        if empty:
            if not create:
                raise StoreError(f"the store at {describe(url)} is empty: ingest cables first")
            migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, url)


def check_revision(url: URL, revision: str | None, *, empty: bool) -> None:
    """Refuse a store this Interdict must not write: older, newer, or not an Interdict store."""
    needed = migrate.head()
    if revision == needed or empty:
        return
    where = describe(url)
    if revision is None:
        raise StoreError(
            f"{where} holds tables but no Interdict schema revision; "
            "point INTERDICT_DB (or --db) at an empty database or an Interdict store"
        )
    if migrate.known(revision):
        raise StoreError(
            f"the store at {where} is at schema revision {revision}, this Interdict needs "
            f"{needed}: {UPGRADE_HINT}"
        )
    raise StoreError(
        f"the store at {where} was written by a newer Interdict (schema revision "
        f"{revision}, unknown here; this one is at {needed}); upgrade Interdict to use it"
    )


def open_default(db: str | None, home: Path, *, create: bool) -> Store:
    """The store the command line means: ``--db``, ``INTERDICT_DB`` or the home's SQLite file."""
    if create:
        home.mkdir(parents=True, exist_ok=True)
    return open_store(store_url(db, home), create=create)


def _reason(error: SQLAlchemyError) -> str:
    """The driver's own first line, without SQLAlchemy's wrapping and background links."""
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0] if text else type(error).__name__
