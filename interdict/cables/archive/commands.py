"""``interdict cables ingest | search | show``: the archive from the command line."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, audit_reads, banner_line, envelope
from interdict.access.session import open_as
from interdict.access.users import UserError
from interdict.cables.archive.ingest import Failure, prepare_paths, store_all
from interdict.cables.archive.query import QueryError, parse_query
from interdict.cables.archive.read import stored_cable
from interdict.cables.archive.rows import CableRow, cable_row
from interdict.cables.archive.search import Filters, SearchResult, search
from interdict.cables.archive.writer import write_cables
from interdict.cables.demo import show_cable
from interdict.cables.record import Cable
from interdict.model.markings import LEVEL_WORDS, Level
from interdict.model.progress import progress_bar
from interdict.parties.store.home import data_home
from interdict.store.engine import open_default
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

out = Console()
err = Console(stderr=True)

IngestPaths = Annotated[
    list[Path],
    typer.Argument(
        help="Files or directories: plain records, cables.csv(.gz), cable HTML pages, bare text.",
        exists=True,
        metavar="PATH",
    ),
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", "-w", min=1, help="Processes that parse and prepare cables.")
]


def report(label: str, message: str) -> None:
    err.print(f"[red]{label}[/red] {escape(message)}", highlight=False, soft_wrap=True)


def fail(message: str) -> NoReturn:
    report("error", message)
    raise typer.Exit(2)


def report_failure(failure: Failure) -> None:
    report("unreadable", f"{failure.source}: {failure.reason}")


def _row(cable: Cable) -> tuple[str, CableRow]:
    row = cable_row(cable)
    return row.reference_id, row


def ingest_command(paths: IngestPaths, db: DbOpt = None, workers: WorkersOpt = 1) -> None:
    """Parse cables and store them; a cable stored before is replaced, an unchanged one kept."""
    try:
        store = open_default(db, data_home(), create=True)
        with progress_bar("ingesting cables", err) as bar:
            task = bar.add_task("ingest", total=None)
            tally = store_all(
                store,
                prepare_paths(paths, _row, workers),
                write_cables,
                on_failure=report_failure,
                on_progress=lambda n: bar.update(task, completed=n),
            )
    except StoreError as error:
        fail(str(error))
    out.print(
        f"{tally.stored} cables stored, {tally.unchanged} unchanged, "
        f"{len(tally.failed)} unreadable, in {escape(store.location)}",
        highlight=False,
    )
    if tally.failed:
        raise typer.Exit(1)


def search_command(
    query: Annotated[
        list[str],
        typer.Argument(
            help='Words, "phrases" and prefix* terms; all must occur.', metavar="QUERY..."
        ),
    ],
    tag: Annotated[
        list[str] | None,
        typer.Option("--tag", help="A TAGS entry the cable must carry (repeatable)."),
    ] = None,
    origin: Annotated[
        str | None, typer.Option("--origin", help="Post or station, e.g. Madrid or RUEHMD.")
    ] = None,
    date_from: Annotated[
        datetime | None,
        typer.Option("--from", formats=["%Y-%m-%d"], help="Earliest DTG date, YYYY-MM-DD."),
    ] = None,
    date_to: Annotated[
        datetime | None,
        typer.Option("--to", formats=["%Y-%m-%d"], help="Latest DTG date, YYYY-MM-DD, inclusive."),
    ] = None,
    classification: Annotated[
        str | None,
        typer.Option("--classification", help="At most this level: U, SBU, C, S or TS."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Hits to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Full-text search of the stored cables: one hit per cable, with the paragraph that matched."""
    try:
        parsed = parse_query(" ".join(query))
        level = _level(classification) if classification else None
        if date_from and date_to and date_from > date_to:
            raise QueryError("--from: the date is after --to")
        filters = Filters(
            tags=tuple(tag or ()),
            origin=origin,
            date_from=date_from.date() if date_from else None,
            date_to=date_to.date() if date_to else None,
            classification=level,
        )
        store = open_as(db, data_home(), as_user)
        result = search(store, parsed, filters, limit)
        audit_reads(store, "cables search")
    except (QueryError, StoreError, UserError) as error:
        fail(str(error))
    if as_json:
        print(envelope(store, result.model_dump(mode="json")))
        return
    banner_line(store, out)
    _print_hits(result)
    banner_line(store, out)


def _level(text: str) -> Level:
    level = LEVEL_WORDS.get(text.strip().upper())
    if level is None:
        raise QueryError(f"--classification: unknown level {text!r}; use U, SBU, C, S or TS")
    return level


def _print_hits(result: SearchResult) -> None:
    if not result.hits:
        out.print("no cable matches")
        return
    table = Table("cable", "date", "subject", "¶", "snippet", show_lines=True)
    for hit in result.hits:
        where = (
            "subject/TAGS"
            if hit.paragraph is None and hit.portion is None
            else hit.paragraph or "-"
        )
        if hit.portion:
            where += f" (portion {hit.portion})"
        label = hit.marking.label() if hit.marking else "unmarked"
        table.add_row(
            escape(hit.reference_id),
            hit.created.date().isoformat() if hit.created else "",
            escape(hit.subject or ""),
            escape(f"{where}\n({label})"),
            escape(hit.snippet),
        )
    out.print(table)
    out.print(f"{len(result.hits)} of {result.total} matching cables", highlight=False)


def show_command(
    reference: Annotated[
        str, typer.Argument(help="Reference id, e.g. 09STATE29395.", metavar="REF")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the cable record as JSON.")
    ] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Print one stored cable, as much of it as the reader may see."""
    try:
        store = open_as(db, data_home(), as_user)
        cable = stored_cable(store, reference)
        audit_reads(store, "cables show")
    except (StoreError, UserError) as error:
        fail(str(error))
    if cable is None:
        fail(f"REF: no stored cable {reference!r}; see 'interdict cables search'")
    if as_json:
        print(envelope(store, cable.model_dump(mode="json", by_alias=True)))
        return
    banner_line(store, out)
    show_cable(out, cable, full=True)
    banner_line(store, out)
