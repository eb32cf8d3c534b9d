"""Users in the store: add, list, remove, and read one back as a Reader for ``--as``.

An unknown name is refused with the same words whether or not it ever
existed, and nothing else: the list of users is not a secret, but a typo
must not fall back to the local operator's view.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from interdict.access.readers import CLEARANCES, ROLES, Reader
from interdict.audit.trail import append
from interdict.controls.requests import RequestError, country_code
from interdict.model.markings import Level
from interdict.store.schema import users


class UserError(ValueError):
    """A user that cannot be added, found or removed, naming the field and the reason."""


def add_user(
    connection: Connection, name: str, clearance: str, country: str, roles: list[str], actor: str
) -> Reader:
    name = name.strip()
    if not name or len(name) > 80:
        raise UserError("NAME: give a name of 1 to 80 characters")
    if clearance not in CLEARANCES:
        raise UserError(f"--clearance: {clearance!r} is not one of {', '.join(CLEARANCES)}")
    try:
        code = country_code("--country", country)
    except RequestError as error:
        raise UserError(str(error)) from error
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise UserError(f"--role: unknown {unknown}; use {', '.join(ROLES)}")
    chosen = sorted(set(roles or ["analyst"]))
    if connection.execute(select(users.c.name).where(users.c.name == name)).first():
        raise UserError(f"NAME: a user named {name!r} exists already")
    connection.execute(
        users.insert().values(
            name=name,
            clearance=clearance,
            country=code,
            roles=" ".join(chosen),
            created_at=datetime.now(UTC).replace(tzinfo=None),
        )
    )
    append(
        connection,
        actor,
        "users.add",
        name,
        {"clearance": clearance, "country": code, "roles": chosen},
    )
    return Reader(name, Level(clearance), code, frozenset(chosen))


def find_user(connection: Connection, name: str, field: str = "--as") -> Reader:
    row = connection.execute(select(users).where(users.c.name == name)).mappings().first()
    if row is None:
        raise UserError(f"{field}: no user named {name!r}; 'interdict users list' shows them")
    return Reader(
        row["name"], Level(row["clearance"]), row["country"], frozenset(row["roles"].split())
    )


def all_users(connection: Connection) -> list[Reader]:
    rows = connection.execute(select(users).order_by(users.c.name)).mappings()
    return [
        Reader(r["name"], Level(r["clearance"]), r["country"], frozenset(r["roles"].split()))
        for r in rows
    ]


def remove_user(connection: Connection, name: str, actor: str) -> None:
    if not connection.execute(delete(users).where(users.c.name == name)).rowcount:
        raise UserError(f"NAME: no user named {name!r}")
    append(connection, actor, "users.remove", name, {})
