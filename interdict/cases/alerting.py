"""Draft an alert about a saved case: the one sequence the command line, the API and the
workbench share, so that what a partner receives cannot differ by where it was asked for."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.access.readers import Reader
from interdict.cases.alert import Alert, draft, partner
from interdict.cases.assess import assess
from interdict.cases.casefile import read_case
from interdict.cases.context import Context
from interdict.cases.saved import latest_case_file
from interdict.controls.catalogue import bundled


def alert_for(
    connection: Connection,
    reference: str,
    country: str,
    open_context: Callable[[Reader], Context],
) -> Alert:
    """``connection`` reads as the drafter (who must see the saved version); ``open_context``
    opens the lists and knowledge base for a reader, here the partner."""
    controls, _ = bundled()
    raw, drafted = latest_case_file(connection, reference)
    context = open_context(partner(country))
    releasable = assess(read_case(raw, controls, f"case {reference}", None), context, None)
    gate = context.store.gate if context.store is not None else gate_of(connection)
    return draft(country, releasable, drafted, gate)
