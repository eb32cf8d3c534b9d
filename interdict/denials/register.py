"""The denial register in the store: add, import, and read every entry with its origin.

Entries entered by hand or imported live in ``denials``; those reported by
cables live with the cable's other facts (``intel_denials``) and change when
the cable is ingested again.  Reading merges both, so a case is compared
with every denial Interdict knows of, and each says where it comes from.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.audit.trail import append
from interdict.denials.entries import DenialEntry, originator_of
from interdict.intel.records import Denial
from interdict.model.markings import Level, Marking
from interdict.store.schema import cables, denials, intel_denials, intel_parties


def add(connection: Connection, entries: list[DenialEntry], actor: str, origin: str) -> int:
    """Insert the entries not yet registered, in the caller's transaction; how many were new."""
    known = set(connection.execute(select(denials.c.id)).scalars())
    new = [entry for entry in entries if entry.id not in known]
    now = datetime.now(UTC).replace(tzinfo=None)
    for entry in new:
        connection.execute(
            denials.insert().values(
                id=entry.id,
                authority=entry.authority or "",
                denied_on=entry.date or "",
                data=entry.model_dump_json(),
                origin=origin,
                added_by=actor,
                added_at=now,
            )
        )
        append(
            connection, actor, "denials.add", entry.id, {"origin": origin, "source": entry.source}
        )
    return len(new)


def read_all(connection: Connection) -> list[DenialEntry]:
    """Every entry the reader may see: registered ones first (by date), then those from cables
    (by cable).  A registered entry follows its own marking, its authority as originator."""
    gate = gate_of(connection)
    registered = [
        entry
        for data in connection.execute(
            select(denials.c.data).order_by(denials.c.denied_on, denials.c.id)
        ).scalars()
        if gate.marking(
            (entry := DenialEntry.model_validate_json(data)).marking, originator_of(entry)
        )
    ]
    return registered + from_cables(connection)


def from_cables(connection: Connection) -> list[DenialEntry]:
    rows = connection.execute(
        select(cables.c.reference_id, intel_denials.c.cable_id, intel_denials.c.data)
        .join(cables, cables.c.id == intel_denials.c.cable_id)
        .order_by(cables.c.reference_id, intel_denials.c.denial_id)
    ).all()
    gate = gate_of(connection)
    found = []
    for reference, cable_id, data in rows:
        denial = gate.fact(Denial.model_validate_json(data))
        if denial is not None:  # reported only in portions the reader may not see
            found.append(_entry(connection, reference, cable_id, denial))
    return found


def _entry(connection: Connection, reference: str, cable_id: int, denial: Denial) -> DenialEntry:
    paragraphs = ", ".join(
        dict.fromkeys(f"¶{p.paragraph}" if p.paragraph else "unnumbered" for p in denial.provenance)
    )
    return DenialEntry(
        id=denial.id,
        authority=denial.authority,
        date=denial.date,
        item=denial.item,
        entries=denial.entries,
        destination=denial.destination,
        end_user=_party_name(connection, cable_id, denial.end_user),
        reason=denial.reason,
        source=f"cable {reference} {paragraphs}",
        origin="cable",
        marking=highest([p.marking for p in denial.provenance]),
        provenance=denial.provenance,
    )


def _party_name(connection: Connection, cable_id: int, party_id: str | None) -> str | None:
    if party_id is None:
        return None
    name = connection.execute(
        select(intel_parties.c.name).where(
            intel_parties.c.cable_id == cable_id, intel_parties.c.party_id == party_id
        )
    ).scalar()
    return str(name) if name is not None else None


def highest(markings: list[Marking | None]) -> Marking:
    """The most restrictive of the portions' markings; an unmarked one counts as unclassified."""
    known = [m for m in markings if m is not None]
    if not known:
        return Marking(level=Level.U)
    return max(known, key=lambda m: (m.level.rank, m.noforn, len(m.controls), -len(m.rel_to)))
