"""``interdict denials add | import | list``: the register of licence denials.

Entries added by hand or imported carry their own marking (unclassified
unless given), so access control can treat them like facts from cables.
An import keeps every good row and names each bad one; it exits 1 when
any row was refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import (
    AsOpt,
    RoleError,
    audit_reads,
    banner_line,
    envelope,
    require,
)
from interdict.access.session import open_as
from interdict.access.users import UserError
from interdict.audit.trail import operator
from interdict.denials.entries import DenialError, make_entry
from interdict.denials.importer import read_csv
from interdict.denials.register import add, read_all
from interdict.model.failure import fail
from interdict.parties.store.home import data_home
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

denials_app = typer.Typer(help="The register of licence denials.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


@denials_app.command("add")
def add_command(
    authority: Annotated[str, typer.Option("--authority", help="Denying country, ISO code.")],
    date: Annotated[str, typer.Option("--date", help="YYYY, YYYY-MM or YYYY-MM-DD.")],
    item: Annotated[str, typer.Option("--item", help="The goods as described.")],
    source: Annotated[str, typer.Option("--source", help="Where the denial is recorded.")],
    entry: Annotated[
        list[str] | None, typer.Option("--entry", help="A control-list entry; repeat for several.")
    ] = None,
    destination: Annotated[str | None, typer.Option("--destination")] = None,
    end_user: Annotated[str | None, typer.Option("--end-user")] = None,
    reason: Annotated[str | None, typer.Option("--reason")] = None,
    marking: Annotated[
        str | None, typer.Option("--marking", help="e.g. U, C, SECRET REL ESP (default U).")
    ] = None,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Register one denial."""
    try:
        made = make_entry(
            authority=authority,
            date=date,
            item=item,
            entries=list(entry or []),
            destination=destination,
            end_user=end_user,
            reason=reason,
            source=source,
            marking=marking,
            origin="manual",
        )
        store = open_as(db, data_home(), as_user, create=True)
        require(store.gate.reader, "officer", "registering a denial")
        with store.begin() as connection:
            new = add(connection, [made], as_user or operator(), "manual")
    except (DenialError, StoreError, UserError, RoleError) as error:
        fail(str(error))
    out.print(f"{made.id}: {'added' if new else 'already registered'}")


@denials_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A CSV file of denials.", metavar="FILE.csv")],
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Register every good row of a CSV file (columns: authority, date, entries, item,
    destination, end_user, reason, source, marking)."""
    try:
        entries, problems = read_csv(file)
        store = open_as(db, data_home(), as_user, create=True)
        require(store.gate.reader, "officer", "registering denials")
        with store.begin() as connection:
            new = add(connection, entries, as_user or operator(), f"import {file.name}")
    except (DenialError, StoreError, UserError, RoleError) as error:
        fail(str(error))
    for problem in problems:
        err.print(f"[red]refused[/red] {escape(problem)}", highlight=False, soft_wrap=True)
    out.print(f"{new} added, {len(entries) - new} already registered, {len(problems)} refused")
    if problems:
        raise typer.Exit(1)


@denials_app.command("list")
def list_command(
    as_json_out: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Every denial the reader may see: registered ones, then those reported by stored cables."""
    try:
        store = open_as(db, data_home(), as_user)
        with store.read() as connection:
            entries = read_all(connection)
        audit_reads(store, "denials list")
    except (StoreError, UserError) as error:
        fail(str(error))
    if as_json_out:
        print(envelope(store, {"denials": [e.model_dump(mode="json") for e in entries]}))
        return
    banner_line(store, out)
    table = Table("id", "authority", "date", "item", "destination", "end user", "source", "marking")
    for entry in entries:
        table.add_row(
            entry.id,
            entry.authority or "?",
            entry.date or "?",
            escape(entry.item),
            entry.destination or "-",
            escape(entry.end_user or "-"),
            escape(entry.source),
            entry.marking.label(),
        )
    out.print(table)
    banner_line(store, out)
