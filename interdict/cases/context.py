"""Everything an assessment reads besides the case file, opened once and passed to each check.

Keeping the sources in one place makes the ``inputs`` record honest: the
versions written into the assessment are those of the objects the checks
actually used, not a second look at the disk afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from interdict.access.readers import Reader
from interdict.access.session import for_reader
from interdict.audit.trail import operator
from interdict.controls.catalogue import bundled
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.rules import Rules
from interdict.denials.entries import DenialEntry
from interdict.denials.register import read_all
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.screening import Screens
from interdict.parties.store.datasets import DatasetInfo
from interdict.store.engine import Store, open_default


@dataclass(frozen=True)
class Context:
    controls: ControlList
    books: dict[Jurisdiction, Rules]
    screener: Screens
    lists: list[DatasetInfo]
    denials: list[DenialEntry]
    store: Store | None
    actor: str


def context_for(
    home: Path,
    db: str | None,
    reader: Reader,
    *,
    create: bool,
    screener: KnowledgeScreener | None = None,
) -> Context:
    """The lists, the knowledge base and the denials, all read through ``reader``'s gate;
    ``screener`` is one already open for ``reader`` (the service keeps its lists open)."""
    controls, books = bundled()
    screener = screener or KnowledgeScreener.open(home, db, reader=reader)
    store = screener.store
    if store is None and create:
        store = for_reader(open_default(db, home, create=True), reader)
    denials: list[DenialEntry] = []
    if store is not None:
        with store.read() as connection:
            denials = read_all(connection)
    lists = [dataset.info for dataset in screener.lists.datasets]
    actor = operator() if reader.operator else reader.name
    return Context(controls, books, screener, lists, denials, store, actor)
