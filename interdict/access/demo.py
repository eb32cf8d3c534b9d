"""The access-control part of ``interdict demo``: the golden case read by two users side by side.

A US analyst cleared SECRET sees every paragraph of the seed; a Spanish
officer sees the talking points released to Spain (¶5) and the
unclassified paragraphs, and nothing else.  Both reach the same decision;
the Spanish officer's rests on ¶5 alone.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from sqlalchemy import select

from interdict.access.commands import audit_reads
from interdict.access.readers import Reader
from interdict.access.users import add_user, find_user
from interdict.audit.trail import operator
from interdict.cases.assess import assess
from interdict.cases.casefile import load_case
from interdict.cases.context import context_for
from interdict.controls.catalogue import bundled
from interdict.store.engine import open_default
from interdict.store.schema import users

DEMO_USERS = {
    "us-analyst": ("S", "US", ["analyst"]),
    "es-officer": ("S", "ES", ["officer"]),
}


def demo_users(home: Path) -> list[Reader]:
    """The demo's users, added to the default store the first time."""
    store = open_default(None, home, create=True)
    found = []
    with store.begin() as connection:
        for name, (clearance, country, roles) in DEMO_USERS.items():
            if connection.execute(select(users.c.name).where(users.c.name == name)).first():
                found.append(find_user(connection, name))
            else:
                found.append(add_user(connection, name, clearance, country, roles, operator()))
    return found


def show_readers(console: Console, home: Path, case_file: Path) -> None:
    controls, _ = bundled()
    case = load_case(case_file, controls)
    table = Table(title="The golden case, read by two users", show_lines=True)
    table.add_column("")
    readers = demo_users(home)
    results = []
    for reader in readers:
        context = context_for(home, None, reader, create=False)
        assessment = assess(case, context, None)
        audit_reads(context.store, "demo")
        banner = context.store.gate.banner.text() if context.store is not None else ""
        results.append((assessment, banner))
        table.add_column(f"{reader.name} ({reader.clearance}, {reader.country})")
    table.add_row("banner", *(banner for _, banner in results))
    table.add_row("outcome", *(a.outcome for a, _ in results))
    table.add_row("recommendation", *(a.recommendation for a, _ in results))
    table.add_row(
        "cable paragraphs cited",
        *(
            ", ".join(
                sorted(
                    {
                        f"¶{e.paragraph}"
                        for f in a.findings
                        for e in f.evidence
                        if e.source == "cable" and e.paragraph
                    }
                )
            )
            or "none"
            for a, _ in results
        ),
    )
    table.add_row("findings", *(str(len(a.findings)) for a, _ in results))
    console.print(table)
