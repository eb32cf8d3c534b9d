"""``interdict intel ingest | show | graph``: the knowledge base from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, audit_reads, banner_line, envelope
from interdict.access.session import reader_named
from interdict.access.users import UserError
from interdict.cables.archive.commands import report_failure
from interdict.cables.archive.ingest import Tally
from interdict.intel.extract.gazetteer import gazetteer_from_datasets
from interdict.intel.kb.chain import LinkGraph
from interdict.intel.kb.graph import FORMATS, draw, neighbourhood
from interdict.intel.kb.ingest import extract_stored, ingest_files
from interdict.intel.kb.refresh import refresh
from interdict.intel.kb.report import EntityReport, find_entity
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.model.progress import progress_bar
from interdict.parties.describe import cited, step_line
from interdict.parties.screening import Screener
from interdict.parties.store.datasets import DatasetError
from interdict.parties.store.home import data_home
from interdict.store.engine import Store, open_default
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

out = Console()
err = Console(stderr=True)

TargetArg = Annotated[
    str, typer.Argument(help="An entity's name or id (intel-...).", metavar="NAME|ID")
]


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def ingest_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Cable files or folders; without any, the cables already stored.",
            exists=True,
            metavar="[PATH]...",
        ),
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Extract every stored cable again, not only new ones.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes that parse and extract.")
    ] = 1,
    db: DbOpt = None,
) -> None:
    """Parse, extract and store cables' facts, then resolve them into entities."""
    home = data_home()
    try:
        store = open_default(db, home, create=True)
        lists = Screener.open(home)
        gazetteer = gazetteer_from_datasets(home)
        with progress_bar("extracting", err) as bar:
            task = bar.add_task("extract", total=None)
            step = lambda n: bar.update(task, completed=n)  # noqa: E731
            if paths:
                tally = ingest_files(store, paths, gazetteer, workers, report_failure, step)
            else:
                tally = extract_stored(store, gazetteer, workers, everything, report_failure, step)
        with progress_bar("resolving", err) as bar, store.begin() as connection:
            task = bar.add_task("resolve", total=None)
            refreshed = refresh(connection, lists, home, lambda n: bar.update(task, completed=n))
    except (StoreError, DatasetError) as error:
        _fail(str(error))
    _summary(tally, paths is not None and bool(paths))
    if refreshed.resolution is not None:
        found = refreshed.resolution
        out.print(
            f"{found.parties} party names resolved into {found.entities} entities; "
            f"{found.listed} resolved to listed entities (of {found.compared} screened now)",
            highlight=False,
        )
    if tally.failed:
        raise typer.Exit(1)


def _summary(tally: Tally, from_files: bool) -> None:
    if from_files:
        out.print(
            f"{tally.stored + tally.unchanged} cables read ({tally.stored} new or changed), "
            f"facts extracted from each, {len(tally.failed)} unreadable",
            highlight=False,
        )
    else:
        out.print(
            f"facts extracted from {tally.stored} stored cables, {len(tally.failed)} failed",
            highlight=False,
        )


def _open(db: str | None, as_user: str | None) -> tuple[KnowledgeScreener, Store]:
    reader = reader_named(db, data_home(), as_user)
    screener = KnowledgeScreener.open(data_home(), db, reader=reader)
    if screener.store is None:
        raise StoreError("no knowledge base yet: run 'interdict intel ingest PATH...' first")
    return screener, screener.store


def show_command(
    target: TargetArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Print an entity with every fact, link and source the knowledge base holds."""
    try:
        screener, store = _open(db, as_user)
        report = screener.report(target)
        audit_reads(store, "intel show")
    except (StoreError, DatasetError, UserError) as error:
        _fail(str(error))
    if report is None:
        _fail(f"NAME|ID: no such entity {target!r} in the knowledge base")
    if as_json:
        print(envelope(store, report.model_dump(mode="json", by_alias=True)))
        return
    banner_line(store, out)
    _print_report(report)
    banner_line(store, out)


def _print_report(report: EntityReport) -> None:
    out.print(f"[bold]{escape(report.caption)}[/bold]  {report.id} ({report.schema_})")
    facts = {
        "names": "; ".join(report.names),
        "countries": ", ".join(report.countries),
        "positions": "; ".join(report.positions),
        "listed as": "; ".join(
            f"{i.caption} ({i.dataset} {i.entity_id}, {i.score:.2f})" for i in report.listed_as
        ),
    }
    for label, value in facts.items():
        if value:
            out.print(f"{label}: {escape(value)}", highlight=False)
    if report.chain:
        out.print("leads to a listed entity:", highlight=False)
        for step in report.chain:
            out.print(f"  {escape(step_line(step))}", highlight=False)
    if report.links:
        table = Table("role", "", "other", "sources", title="Links")
        for link in report.links:
            arrow = "→" if link.direction == "out" else "←"
            table.add_row(
                link.role, arrow, escape(link.other.caption), escape(cited(link.provenance))
            )
        out.print(table)
    for item in report.items:
        out.print(
            f"makes: {escape(item.description)}"
            + (f" model {escape(item.model)}" if item.model else "")
            + (f" ({', '.join(item.regimes)})" if item.regimes else ""),
            highlight=False,
        )
    table = Table("cable", "¶", "marking", "text", title="Named in", show_lines=True)
    for provenance in report.provenance:
        where = (provenance.paragraph or "-") + (
            f".{provenance.portion}" if provenance.portion else ""
        )
        label = provenance.marking.label() if provenance.marking else "unmarked"
        table.add_row(provenance.cable, where, label, escape(provenance.text))
    out.print(table)


def graph_command(
    target: TargetArg,
    out_file: Annotated[
        Path, typer.Option("--out", help="The picture to write: FILE.svg or FILE.png.")
    ],
    depth: Annotated[int, typer.Option("--depth", min=1, max=4, help="Links to follow.")] = 2,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Draw an entity's neighbourhood: parties, links with their roles, listed entities marked."""
    if out_file.suffix.lower() not in FORMATS:
        _fail(f"--out: {out_file} must end in .svg or .png")
    if not out_file.parent.is_dir():
        _fail(f"--out: folder {out_file.parent} does not exist")
    try:
        screener, store = _open(db, as_user)
        with store.read() as connection:
            entity_id = find_entity(connection, screener.index, target)
            if entity_id is None:
                _fail(f"NAME|ID: no such entity {target!r} in the knowledge base")
            graph = LinkGraph(connection, screener.lists.datasets)
            found = neighbourhood(connection, graph, entity_id, depth)
        audit_reads(store, "intel graph")
    except (StoreError, DatasetError, UserError) as error:
        _fail(str(error))
    draw(found, out_file, store.gate.banner.text())
    out.print(
        f"wrote {out_file}: {len(found.nodes)} entities, {len(found.edges)} links, "
        f"{len(found.listed)} listed",
        highlight=False,
    )
