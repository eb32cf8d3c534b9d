"""What the service opens once and shares between requests: the store and the lists.

The store's engine is one per process (a pool of connections); each
request gets its own gate for its own reader on top of it.  The screening
datasets are memory-mapped files, opened once; a list update swaps a new
version in, which ``lists`` notices by its version and reopens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

from interdict.store.engine import Store, open_default


@dataclass
class ServiceState:
    home: Path
    db: str | None
    _store: Store | None = None
    _lock: Lock = field(default_factory=Lock)

    def store(self) -> Store:
        with self._lock:
            if self._store is None:
                self._store = open_default(self.db, self.home, create=True)
            return self._store
