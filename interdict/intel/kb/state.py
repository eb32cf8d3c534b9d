"""Counters that tell derived data when it is stale.

Every write of facts bumps ``generation``.  Resolution and the local
screening index record the generation they were built from; when it
differs they are rebuilt.  ``instance`` is drawn once per store so that a
cache built for one store is never taken for another's, even at the same
URL after the database was recreated.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from interdict.store.schema import store_state

GENERATION = "generation"  # bumped by every change of facts
RESOLVED = "resolved"  # the generation resolution was last computed for
INSTANCE = "instance"


def read(connection: Connection, key: str) -> int:
    value = connection.execute(
        select(store_state.c.number).where(store_state.c.key == key)
    ).scalar()
    return int(value) if value is not None else 0


def write(connection: Connection, key: str, number: int) -> None:
    changed = connection.execute(
        update(store_state).where(store_state.c.key == key).values(number=number)
    ).rowcount
    if not changed:
        connection.execute(store_state.insert().values(key=key, number=number))


def bump(connection: Connection) -> None:
    """Mark the facts changed; an UPDATE in place, so concurrent writers serialise on the row."""
    changed = connection.execute(
        update(store_state)
        .where(store_state.c.key == GENERATION)
        .values(number=store_state.c.number + 1)
    ).rowcount
    if not changed:
        connection.execute(store_state.insert().values(key=GENERATION, number=1))


def instance(connection: Connection) -> int:
    """This store's random identity, made on first use."""
    value = read(connection, INSTANCE)
    if not value:
        value = secrets.randbits(62) or 1
        write(connection, INSTANCE, value)
    return value
