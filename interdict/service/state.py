"""What the service opens once and shares between requests: the store, the lists, the index.

The store's engine is one per process (a pool of connections); each
request gets its own gate for its own reader on top of it.  The screening
datasets (memory-mapped files) and the knowledge base's index are opened
once and reopened only when a list version or the knowledge base changes,
which one small query and a look at the lists' pointers tell per request.
Opening them per request would cost a second and serialise requests on the
resolution's write transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from threading import RLock

from interdict.access.keys import Verified
from interdict.access.readers import OPERATOR, Reader
from interdict.access.session import for_reader
from interdict.cases.context import Context, context_for
from interdict.intel.kb import state as kb_state
from interdict.intel.kb.chain import INTEL
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.store.datasets import DatasetError, current_version
from interdict.service.web.batches import Batches
from interdict.store.engine import Store, open_default
from interdict.store.errors import StoreError


@dataclass
class ServiceState:
    home: Path
    db: str | None
    _store: Store | None = None
    _screener: KnowledgeScreener | None = None
    _opened_at: tuple[object, ...] = ()
    _lock: RLock = field(default_factory=RLock)
    verified: Verified = field(default_factory=Verified)
    batches: Batches = field(default_factory=Batches)

    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = open_default(self.db, self.home, create=True)
            return self._store

    def screener(self, reader: Reader, names: list[str] | None = None) -> KnowledgeScreener:
        """The lists and the knowledge base for ``reader``, narrowed to ``names`` if given."""
        base = self._current()
        loaded = {dataset.info.name: dataset for dataset in base.lists.datasets}
        for name in names or []:
            if name != INTEL and name not in loaded:
                raise DatasetError(f"dataset: no dataset named {name!r}")
        if INTEL in (names or []) and base.index is None:
            raise StoreError("dataset: no knowledge base yet")
        searched = [d for name, d in loaded.items() if not names or name in names]
        if base.index is not None and (not names or INTEL in names):
            searched.append(base.index)
        store = for_reader(base.store, reader) if base.store is not None else None
        return KnowledgeScreener(base.lists, searched, store, base.index)

    def context(self, reader: Reader, *, create: bool = False) -> Context:
        """What a case assessment reads, for ``reader``, on the lists kept open."""
        return context_for(
            self.home, self.db, reader, create=create, screener=self.screener(reader)
        )

    def _current(self) -> KnowledgeScreener:
        marker = self._marker()
        with self._lock:
            if self._screener is None or marker != self._opened_at:
                self._screener = KnowledgeScreener.open(self.home, self.db, reader=OPERATOR)
                # Opening may resolve the knowledge base, which moves its generation on.
                self._opened_at = (marker[0], self._generation())
            return self._screener

    def _marker(self) -> tuple[object, ...]:
        """What would make the opened lists or index stale: list versions and the KB generation."""
        datasets = self.home / "datasets"
        versions = tuple(
            sorted(
                (path.name, str(current_version(self.home, path.name)))
                for path in (datasets.iterdir() if datasets.is_dir() else [])
                if path.is_dir()
            )
        )
        return (versions, self._generation())

    def _generation(self) -> int:
        with self.store().read() as connection:
            return kb_state.read(connection, kb_state.GENERATION)
