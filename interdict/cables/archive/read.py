"""Read stored cables back: one by reference, or all of them in store order."""

from __future__ import annotations

from sqlalchemy import func, select

from interdict.cables.archive.rows import load_record
from interdict.cables.record import Cable
from interdict.store.engine import Store
from interdict.store.schema import cables


def stored_cable(store: Store, reference: str) -> Cable | None:
    """The cable stored under ``reference``, matched without regard to case."""
    with store.read() as connection:
        row = connection.execute(
            select(cables.c.record).where(func.upper(cables.c.reference_id) == reference.upper())
        ).first()
    return None if row is None else load_record(row[0])
