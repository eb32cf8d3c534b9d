"""``interdict db …``: create or upgrade the store, and show where it is and what it holds."""

from __future__ import annotations

from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from interdict.intel.records import EXTRACTION_VERSION
from interdict.parties.store.home import data_home
from interdict.store import migrate
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt
from interdict.store.status import store_status
from interdict.store.url import describe, store_url

db_app = typer.Typer(help="The store: schema upgrades and status.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """One line on stderr naming what is wrong, exit 2: the convention of every command."""
    err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@db_app.command("upgrade")
def upgrade_command(db: DbOpt = None) -> None:
    """Create the store, or bring it to this Interdict's schema revision, in one transaction."""
    from interdict.store.engine import check_revision, connect

    try:
        home = data_home()
        home.mkdir(parents=True, exist_ok=True)
        url = store_url(db, home)
        engine = connect(url)
        try:
            with engine.connect() as connection:
                revision = migrate.current(connection)
            if revision is not None and not migrate.known(revision):
                check_revision(url, revision, empty=False)  # raises: a newer store
            before, after = migrate.upgrade(engine)
        finally:
            engine.dispose()
    except StoreError as error:
        fail(str(error))
    if before == after:
        out.print(f"{escape(describe(url))} is already at revision {after}", highlight=False)
    else:
        out.print(
            f"{escape(describe(url))} upgraded from {before or 'empty'} to {after}",
            highlight=False,
        )


@db_app.command("status")
def status_command(
    db: DbOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show the backend, the location and the revision of the store, and what it holds."""
    try:
        status = store_status(store_url(db, data_home()), EXTRACTION_VERSION)
    except StoreError as error:
        fail(str(error))
    if as_json:
        print(status.model_dump_json(indent=2))
        return
    lines = [
        f"backend:   {status.backend}",
        f"location:  {status.location}",
        f"revision:  {status.revision or '-'} (this Interdict: {status.head}; {status.state})",
    ]
    if status.state == "current":
        lines += [
            f"cables:    {status.cables} ({status.extracted} with facts extracted)",
            *(
                [
                    f"note:      {status.outdated} extracted by an older Interdict: run "
                    "'interdict intel ingest'"
                ]
                if status.outdated
                else []
            ),
            f"parties:   {status.parties} names resolved into {status.entities} entities",
            f"links:     {status.links}",
        ]
        lines += [
            f"list:      {item.name} version {item.version} (loaded {item.loaded_at})"
            for item in status.lists
        ]
    elif status.state == "behind":
        lines.append("note:      run 'interdict db upgrade'")
    for line in lines:
        out.print(escape(line), highlight=False)
