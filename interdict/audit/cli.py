"""``interdict audit verify``: check the audit trail's hash chain and name the first break."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

from interdict.audit.trail import verify
from interdict.parties.store.home import data_home
from interdict.store.engine import open_default
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

audit_app = typer.Typer(help="The tamper-evident audit trail.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@audit_app.command("verify")
def verify_command(db: DbOpt = None) -> None:
    """Recompute every record's hash and link; exit 1 at the first record that does not hold."""
    try:
        store = open_default(db, data_home(), create=False)
        with store.read() as connection:
            verdict = verify(connection)
    except StoreError as error:
        err.print(f"[red]error[/red] {escape(str(error))}", soft_wrap=True)
        raise typer.Exit(2) from error
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
