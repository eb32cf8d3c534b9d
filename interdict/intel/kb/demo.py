"""The knowledge-base part of ``interdict demo``: the seed cable's facts stored and resolved.

After the cable is shown field by field, its parties, links and items are
extracted and stored, so that the screening that follows finds Ardalan
Machineries through the front-company link the cable states.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.cables.archive.ingest import Failure
from interdict.intel.extract.gazetteer import gazetteer_from_datasets
from interdict.intel.kb.cable_facts import cable_facts
from interdict.intel.kb.ingest import ingest_files
from interdict.intel.kb.refresh import refresh
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.describe import cited
from interdict.parties.screening import Screener
from interdict.parties.store.home import data_home
from interdict.store.engine import open_default


def ingest_seed(path: Path, console: Console) -> KnowledgeScreener:
    home = data_home()
    store = open_default(None, home, create=True)
    failures: list[Failure] = []
    ingest_files(store, [path], gazetteer_from_datasets(home), 1, failures.append)
    for failure in failures:
        console.print(f"[red]unreadable[/red] {escape(failure.source)}: {escape(failure.reason)}")
    with store.begin() as connection:
        refresh(connection, Screener.open(home), home)
    screener = KnowledgeScreener.open(home)
    console.print(f"Knowledge base: {escape(store.location)}", highlight=False)
    _show_facts(console, screener, path.stem)
    return screener


def _show_facts(console: Console, screener: KnowledgeScreener, reference: str) -> None:
    store = screener.store
    if store is None:
        return
    with store.read() as connection:
        facts = cable_facts(connection, reference)
    table = Table(title=f"Facts extracted from {reference}")
    for column in ("fact", "what", "sources"):
        table.add_column(column)
    for line in facts:
        table.add_row(line.kind, escape(line.text), escape(cited(line.provenance)))
    console.print(table)
