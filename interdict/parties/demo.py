"""The screening half of ``interdict demo``: the golden scenario's parties, screened.

The transaction is the one the design's golden scenario assesses (exporter,
intermediary, end user) plus the missile developer the seed cable names.
Until cable intelligence links Ardalan to SHIG, Ardalan should come out
clean here: that gap is exactly what the cable closes.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.parties.query import make_query
from interdict.parties.screening import Screener

SCENARIO_PARTIES = (
    ("exporter", "Maquinaria CME, S.A.", "ES"),
    ("intermediary", "Ak Makina", "TR"),
    ("end user", "Ardalan Machineries Company", "IR"),
    ("named in cable ¶3", "Shahid Hemmat Industrial Group (SHIG)", "IR"),
)


def show_screening(console: Console) -> None:
    screener = Screener.open()
    table = Table(title="Parties screened against the bundled lists (interdict_starter)")
    for column in ("role", "party", "best match", "score", "listed as", "why"):
        table.add_column(column)
    for role, name, country in SCENARIO_PARTIES:
        matches = screener.screen(make_query([name], "LegalEntity", [country]), limit=1)
        if not matches:
            table.add_row(role, escape(name), "no match", "", "", "")
            continue
        match = matches[0]
        references = sorted({r for listing in match.listings for r in listing.reference})
        table.add_row(
            role,
            escape(name),
            escape(match.caption),
            f"{match.score:.2f}",
            escape(", ".join(references)),
            escape(match.explanation.summary),
        )
    console.print(table)
