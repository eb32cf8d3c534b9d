"""The knowledge base's screening index: its entities, indexed like a list, kept beside the store.

Screening compares a name with the knowledge base the same way it compares
it with a list, so the entities are exported as FtM and indexed by the list
loader into a folder of their own under the data home.  The folder is a
cache of the store: it is keyed by the store's instance, and records the
generation of facts it was built from, so that a new ingest, or a switch to
another store, makes it rebuild rather than answer from stale data.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
from sqlalchemy.engine import Connection

from interdict.intel.kb import state
from interdict.intel.kb.entities import all_entities
from interdict.parties.screening import Dataset
from interdict.parties.store.datasets import INDEX_FORMAT, current_version, load_list, read_info

KB_DATASET = "intel"


def index_home(home: Path, instance: int) -> Path:
    return home / "knowledge-base" / f"{instance:016x}"


def _label(instance: int, generation: int) -> str:
    return f"knowledge base {instance:016x}, generation {generation}"


def open_index(connection: Connection, home: Path) -> Dataset | None:
    """The current index for this store, rebuilt first if the facts changed; None if empty."""
    instance = state.instance(connection)
    generation = state.read(connection, state.GENERATION)
    where = index_home(home, instance)
    directory = current_version(where, KB_DATASET)
    info = None if directory is None else read_info(directory)
    if (
        directory is not None
        and info is not None
        and info.source == _label(instance, generation)
        and info.index_format == INDEX_FORMAT
    ):
        return Dataset.open(directory)
    entities = all_entities(connection)
    if not entities:
        return None
    where.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=where, suffix=".ftm.json", delete=False) as handle:
        export = Path(handle.name)
        for entity in entities:
            handle.write(orjson.dumps(entity.ftm()) + b"\n")
    try:
        load_list(export, "ftm", KB_DATASET, where, workers=1, source=_label(instance, generation))
    finally:
        export.unlink(missing_ok=True)
    built = current_version(where, KB_DATASET)
    return Dataset.open(built) if built is not None else None
