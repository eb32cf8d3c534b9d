"""Read a stored cable back by its reference, as the reader may see it (None: no such cable)."""

from __future__ import annotations

from sqlalchemy import func, select

from interdict.access.gate import gate_of
from interdict.cables.archive.rows import load_record
from interdict.cables.record import Cable
from interdict.store.engine import Store
from interdict.store.schema import cable_records, cables


def stored_cable(store: Store, reference: str) -> Cable | None:
    """The cable stored under ``reference``, matched without regard to case."""
    with store.read() as connection:
        row = connection.execute(
            select(cable_records.c.record, cables.c.source)
            .join(cable_records, cable_records.c.cable_id == cables.c.id)
            .where(func.upper(cables.c.reference_id) == reference.upper())
        ).first()
        gate = gate_of(connection)
    return None if row is None else gate.cable(load_record(row[0], row[1]))
