"""The full entities of one dataset version, in SQLite, for showing what matched and why.

The index holds only what comparison needs; the officer also needs the
listing itself: the entity as published and the sanctions that point at it.
FtM links such as ``Sanction.entity`` are recorded as (target, source)
pairs at load time so a match's listings are one indexed lookup away.
SQLite is used directly: a version is written once and then only read, so
there is nothing to migrate.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import orjson
from followthemoney import EntityProxy, registry

FILE = "entities.sqlite"
_SCHEMA = """
CREATE TABLE entities (id TEXT PRIMARY KEY, schema TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE links (target TEXT NOT NULL, source TEXT NOT NULL, property TEXT NOT NULL);
"""


_ENTITY = registry.entity
EntityRow = tuple[str, str, bytes]
LinkRow = tuple[str, str, str]


def entity_rows(proxy: EntityProxy) -> tuple[EntityRow, list[LinkRow]]:
    """The row that stores an entity and the rows of the links it makes."""
    entity_id = str(proxy.id)
    data = proxy.to_dict()
    row = (entity_id, proxy.schema.name, orjson.dumps(data))
    schema_properties = proxy.schema.properties
    links = [  # the values in the order itervalues() gives them
        (value, entity_id, name)
        for name, values in data["properties"].items()
        if schema_properties[name].type is _ENTITY
        for value in values
    ]
    return row, links


class EntityWriter:
    def __init__(self, directory: Path) -> None:
        self._db = sqlite3.connect(directory / FILE)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        self._batch: list[EntityRow] = []
        self._links: list[LinkRow] = []

    def add_rows(self, rows: list[EntityRow], links: list[LinkRow]) -> None:
        """Rows made by ``entity_rows``, perhaps in another process, in list order."""
        self._batch.extend(rows)
        self._links.extend(links)
        if len(self._batch) >= 5000:
            self._flush()

    def finish(self) -> None:
        self._flush()
        self._db.execute("CREATE INDEX links_target ON links (target)")
        self._db.commit()
        self._db.close()

    def abandon(self) -> None:
        self._db.close()

    def _flush(self) -> None:
        self._db.executemany("INSERT OR REPLACE INTO entities VALUES (?, ?, ?)", self._batch)
        self._db.executemany("INSERT INTO links VALUES (?, ?, ?)", self._links)
        self._batch.clear()
        self._links.clear()


class EntityReader:
    """Read-only access, with one connection per thread, as sqlite3 requires."""

    def __init__(self, directory: Path) -> None:
        self._uri = f"file:{directory / FILE}?mode=ro&immutable=1"
        self._local = threading.local()

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = sqlite3.connect(self._uri, uri=True)
        return db

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        row = self._db().execute("SELECT data FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return None if row is None else dict(orjson.loads(row[0]))

    def linked(self, target: str) -> list[dict[str, Any]]:
        """Entities that point at ``target``: its sanctions, ownerships, addresses."""
        rows = self._db().execute(
            "SELECT e.data FROM links l JOIN entities e ON e.id = l.source WHERE l.target = ?",
            (target,),
        )
        return [dict(orjson.loads(row[0])) for row in rows]
