"""``interdict users add | list | remove``: the store's users, their clearance, country and roles.

Managing users is the admin role's; the local operator, who holds the
store's files, may always do it (that is how the first admin is made).
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, RoleError, require
from interdict.access.keys import DEFAULT_DAYS, issue, keys_of, revoke
from interdict.access.readers import CLEARANCES, ROLES
from interdict.access.session import open_as
from interdict.access.users import UserError, add_user, all_users, remove_user
from interdict.audit.trail import operator
from interdict.model.failure import fail
from interdict.parties.store.home import data_home
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

users_app = typer.Typer(help="Users: clearance, country and roles.", no_args_is_help=True)
out = Console()


@users_app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="A unique user name.", metavar="NAME")],
    clearance: Annotated[str, typer.Option("--clearance", help=" | ".join(CLEARANCES))],
    country: Annotated[str, typer.Option("--country", help="ISO 3166-1 alpha-2, e.g. ES.")],
    role: Annotated[
        list[str] | None,
        typer.Option("--role", help=f"{', '.join(ROLES)}; repeat for several (default analyst)."),
    ] = None,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Add a user."""
    try:
        store = open_as(db, data_home(), as_user, create=True)
        require(store.gate.reader, "admin", "managing users")
        actor = as_user or operator()
        with store.begin() as connection:
            made = add_user(connection, name, clearance.upper(), country, list(role or []), actor)
    except (UserError, StoreError, RoleError) as error:
        fail(str(error))
    out.print(
        f"added {escape(made.name)}: clearance {clearance.upper()}, country {made.country}, "
        f"roles {', '.join(sorted(made.roles))}"
    )


@users_app.command("list")
def list_command(db: DbOpt = None, as_user: AsOpt = None) -> None:
    """Every user, with clearance, country and roles."""
    try:
        store = open_as(db, data_home(), as_user)
        with store.read() as connection:
            found = all_users(connection)
    except (UserError, StoreError) as error:
        fail(str(error))
    table = Table("name", "clearance", "country", "roles")
    for user in found:
        table.add_row(
            escape(user.name),
            user.clearance.value if user.clearance else "",
            user.country or "",
            ", ".join(sorted(user.roles)),
        )
    out.print(table)


@users_app.command("remove")
def remove_command(
    name: Annotated[str, typer.Argument(help="The user to remove.", metavar="NAME")],
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Remove a user."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "admin", "managing users")
        with store.begin() as connection:
            remove_user(connection, name, as_user or operator())
    except (UserError, StoreError, RoleError) as error:
        fail(str(error))
    out.print(f"removed {escape(name)}")


@users_app.command("token")
def token_command(
    name: Annotated[str, typer.Argument(help="The user the key is for.", metavar="NAME")],
    expires: Annotated[
        int, typer.Option("--expires", min=1, help="Days until the key expires.")
    ] = DEFAULT_DAYS,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Issue an API key for the HTTP service; the key is printed alone on the last line, once."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "admin", "issuing keys")
        with store.begin() as connection:
            key, info = issue(connection, name, expires, as_user or operator())
    except (UserError, StoreError, RoleError) as error:
        fail(str(error))
    out.print(
        f"key {info.id} for {escape(info.user)}, expires {info.expires_at:%Y-%m-%d}; "
        "it is shown only now:",
        highlight=False,
    )
    print(key)


@users_app.command("revoke")
def revoke_command(
    key_id: Annotated[str, typer.Argument(help="The key's id.", metavar="TOKEN-ID")],
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Revoke one API key by its id."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "admin", "revoking keys")
        with store.begin() as connection:
            revoke(connection, key_id, as_user or operator())
    except (UserError, StoreError, RoleError) as error:
        fail(str(error))
    out.print(f"revoked {key_id}")


@users_app.command("tokens")
def tokens_command(
    name: Annotated[str, typer.Argument(help="The user.", metavar="NAME")],
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """A user's keys by id, with when each was made, when it expires and whether it is revoked."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "admin", "listing keys")
        with store.read() as connection:
            found = keys_of(connection, name)
    except (UserError, StoreError, RoleError) as error:
        fail(str(error))
    table = Table("id", "created", "expires", "revoked")
    for info in found:
        table.add_row(
            info.id,
            f"{info.created_at:%Y-%m-%d %H:%M}",
            f"{info.expires_at:%Y-%m-%d}",
            f"{info.revoked_at:%Y-%m-%d %H:%M}" if info.revoked_at else "-",
        )
    out.print(table)
