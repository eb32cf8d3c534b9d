"""Screening that knows what the cables say: lists and knowledge base in one ``matches`` list.

A name is compared with the loaded lists and with the knowledge base's
entities in one pass, then each match is followed through the links (see
``chain``).  A knowledge-base entity whose links lead to a listed entity is
flagged (``match: true``) with that entity's listings and the chain that
leads there, each step cited; one that leads nowhere is reported as known
to the intelligence but not listed (``match: false``, ``listed: false``).  A
knowledge-base entity that resolution found to be a listed entity already
in the results is folded into that match, which gains ``intel`` and the
cable portions that name it, rather than appearing twice.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.access.names import written_in
from interdict.access.readers import OPERATOR, Reader
from interdict.access.session import for_reader
from interdict.intel.kb.chain import INTEL, SAME_AS, LinkGraph, Node
from interdict.intel.kb.entities import mentions
from interdict.intel.kb.refresh import refresh
from interdict.intel.kb.report import EntityReport, entity_report, find_entity
from interdict.parties.query import Query
from interdict.parties.results import DEFAULT_THRESHOLD, LinkStep, Match
from interdict.parties.screening import Dataset, Screener
from interdict.parties.store.datasets import DatasetError
from interdict.store.engine import Store, open_store
from interdict.store.errors import StoreError
from interdict.store.url import store_url

# Cable portions shown per match; ``intel show`` lists them all.
PROVENANCE_SHOWN = 20


@dataclass(frozen=True, slots=True)
class KnowledgeScreener:
    """The loaded lists plus, when a store exists, the knowledge base and its links.

    ``lists`` are all the loaded lists, which chains may end in; ``searched``
    are the datasets names are compared with (``--dataset`` narrows them).
    """

    lists: Screener
    searched: list[Dataset]
    store: Store | None
    index: Dataset | None = None

    @property
    def datasets(self) -> list[Dataset]:
        return self.searched

    @classmethod
    def open(
        cls,
        home: Path,
        db: str | None = None,
        names: list[str] | None = None,
        reader: Reader = OPERATOR,
    ) -> KnowledgeScreener:
        """Datasets by name (``intel`` is the knowledge base), or every list and the base.

        The default SQLite store is used when it exists; a store named by
        ``--db`` or ``INTERDICT_DB`` must open, or the error says why.
        """
        wanted = list(names or [])
        lists = Screener.open(home)
        loaded = {dataset.info.name: dataset for dataset in lists.datasets}
        for name in wanted:
            if name != INTEL and name not in loaded:
                known = ", ".join([*loaded, INTEL])
                raise DatasetError(f"dataset: no dataset named {name!r} (loaded: {known})")
        searched = [d for name, d in loaded.items() if not wanted or name in wanted]
        url = store_url(db, home)
        if url.get_backend_name() == "sqlite" and not Path(url.database or "").exists():
            if INTEL in wanted:
                raise StoreError("dataset: no knowledge base yet; run 'interdict intel ingest'")
            return cls(lists, searched, None)
        store = open_store(url, create=False)
        with store.begin() as connection:  # resolution is the store's own work: every fact
            index = refresh(connection, lists, home).index
        store = for_reader(store, reader)
        if index is not None and (not wanted or INTEL in wanted):
            searched.append(index)
        return cls(lists, searched, store, index)

    def report(self, target: str) -> EntityReport | None:
        """The knowledge-base entity a name or id stands for, as the store's reader may see it;
        None for no such entity (or none the reader may see)."""
        if self.store is None:
            return None
        with self.store.read() as connection:
            found = find_entity(connection, self.index, target)
            graph = LinkGraph(connection, self.lists.datasets)
            return entity_report(connection, graph, found) if found else None

    def screen(
        self, query: Query, limit: int = 10, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Match]:
        found = Screener(self.datasets).screen(query, limit=2 * limit, threshold=threshold)
        reading = self.store.read() if self.store is not None else nullcontext(None)
        with reading as connection:
            graph = LinkGraph(connection, self.lists.datasets)
            enriched = [_enrich(graph, connection, match) for match in found]
            return _fold([match for match in enriched if match is not None])[:limit]


def _enrich(graph: LinkGraph, connection: Connection | None, match: Match) -> Match | None:
    """The match with its chain and sources; None for a knowledge-base entity the reader may
    not see (no visible portion names it, or the name matched is written only in hidden ones)."""
    if INTEL not in match.datasets or connection is None:
        if match.listings:
            return match.model_copy(update={"listed": True})
        node = graph.list_node(match.entity_id)
        chain = graph.chain(node) if node is not None else None
        if not chain:
            return match.model_copy(update={"listed": False})
        return _flagged(graph, match, chain, listed=False)
    cited = mentions(connection, graph.members(match.entity_id))[:PROVENANCE_SHOWN]
    if not gate_of(connection).reader.operator:
        if not cited or not written_in([match.explanation.name.candidate], cited):
            return None
        match = match.model_copy(update={"caption": graph.caption(Node(INTEL, match.entity_id))})
    chain = graph.chain(Node(INTEL, match.entity_id))
    if chain is None:
        return match.model_copy(
            update={"match": False, "listed": False, "listings": [], "provenance": cited}
        )
    flagged = _flagged(graph, match, chain, listed=all(s.role == SAME_AS for s in chain))
    return flagged.model_copy(update={"provenance": cited})


def _flagged(graph: LinkGraph, match: Match, chain: list[LinkStep], listed: bool) -> Match:
    end = chain[-1].to
    listings = graph.listings(Node(end.datasets[0], end.id))
    return match.model_copy(
        update={"match": True, "listed": listed, "listings": listings, "links": chain}
    )


def _fold(matches: list[Match]) -> list[Match]:
    """A knowledge-base match that is a listed entity also matched joins that entity's match."""
    by_id = {
        match.entity_id: index for index, match in enumerate(matches) if INTEL not in match.datasets
    }
    result = list(matches)
    dropped: set[int] = set()
    for index, match in enumerate(matches):
        if INTEL not in match.datasets or not match.links:
            continue
        if not all(step.role == SAME_AS for step in match.links):
            continue
        target = by_id.get(match.links[-1].to.id)
        if target is None:
            continue
        listed = result[target]
        result[target] = listed.model_copy(
            update={
                "datasets": sorted({*listed.datasets, INTEL}),
                "provenance": [*listed.provenance, *match.provenance][:PROVENANCE_SHOWN],
            }
        )
        dropped.add(index)
    return [match for index, match in enumerate(result) if index not in dropped]
