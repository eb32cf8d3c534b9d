"""The screening part of ``interdict demo``: the golden scenario's parties, screened.

The transaction is the one the design's golden scenario assesses (exporter,
intermediary, end user) plus the missile developer the seed cable names.
Ardalan Machineries is on no list; it is flagged because the cable, once in
the knowledge base, says it is a front for SHIG, which is.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.parties.describe import chain_lines, listed_as
from interdict.parties.query import make_query
from interdict.parties.screening import Screens

SCENARIO_PARTIES = (
    ("exporter", "Maquinaria CME, S.A.", "ES"),
    ("intermediary", "Ak Makina", "TR"),
    ("end user", "Ardalan Machineries Company", "IR"),
    ("named in cable ¶3", "Shahid Hemmat Industrial Group (SHIG)", "IR"),
)


def show_screening(console: Console, screener: Screens) -> None:
    table = Table(title="Parties screened against the bundled lists and the knowledge base")
    for column in ("role", "party", "best match", "score", "listed as", "why"):
        table.add_column(column)
    chains: list[tuple[str, list[str]]] = []
    for role, name, country in SCENARIO_PARTIES:
        matches = screener.screen(make_query([name], "LegalEntity", [country]), limit=1)
        if not matches:
            table.add_row(role, escape(name), "no match", "", "", "")
            continue
        match = matches[0]
        table.add_row(
            role,
            escape(name),
            escape(f"{match.caption} ({', '.join(match.datasets)})"),
            f"{match.score:.2f}",
            escape(listed_as(match)),
            escape(match.explanation.summary),
        )
        if match.links:
            chains.append((name, chain_lines(match)))
    console.print(table)
    for name, lines in chains:
        console.print(f"[bold]{escape(name)}[/bold] is flagged through the knowledge base:")
        for line in lines:
            console.print(f"  {escape(line)}", highlight=False)
