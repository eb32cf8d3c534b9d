"""``interdict audit verify | list``: the tamper-evident audit trail, for auditors.

Reading the trail is the auditor role's (the local operator may always);
it names users and the portions they read, which is itself sensitive.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, RoleError, require
from interdict.access.session import open_as
from interdict.access.users import UserError
from interdict.audit.trail import records, verify
from interdict.model.failure import fail
from interdict.parties.store.home import data_home
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@audit_app.command("verify")
def verify_command(db: DbOpt = None, as_user: AsOpt = None) -> None:
    """Recompute every record's hash and link; exit 1 at the first record that does not hold."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "auditor", "reading the audit trail")
        with store.read() as connection:
            verdict = verify(connection)
    except (StoreError, UserError, RoleError) as error:
        fail(str(error))
    if verdict.broken is None:
        out.print(f"audit trail intact: {verdict.records} record(s)")
        return
    record = verdict.broken
    err.print(
        f"[red]broken[/red] record {record.seq} ({record.action} {escape(record.subject)} by "
        f"{escape(record.actor)} at {record.at}): {verdict.reason}",
        soft_wrap=True,
    )
    raise typer.Exit(1)


@audit_app.command("list")
def list_command(
    user: Annotated[str | None, typer.Option("--user", help="Only this user's records.")] = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", formats=["%Y-%m-%d"], help="Only records from this date (UTC)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """The trail's records, oldest first: who did or read what, when, through which command."""
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "auditor", "reading the audit trail")
        with store.read() as connection:
            found = records(connection, user, since.date() if since else None)
    except (StoreError, UserError, RoleError) as error:
        fail(str(error))
    if as_json:
        for record in found:
            print(orjson.dumps(record.__dict__ | {"detail": orjson.loads(record.detail)}).decode())
        return
    table = Table("seq", "at", "actor", "action", "subject", "detail")
    for record in found:
        table.add_row(
            str(record.seq),
            record.at,
            escape(record.actor),
            record.action,
            escape(record.subject),
            escape(record.detail),
        )
    out.print(table)
