"""What the knowledge base holds on the item: cables that report the same model being sought.

Procurement networks come back for the same machine.  A cable that names
the model, or goods of the same kind from the same manufacturer, tells the
officer that this transaction is part of a known pattern, with the
portions that say so; it is intelligence, not a listing, and is marked as
a warning to read rather than a bar.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.cases.casefile import Case
from interdict.cases.findings import CableEvidence, Evidence, Finding, case_field, from_cable
from interdict.intel.records import Item
from interdict.parties.names.analysis import normalise
from interdict.store.schema import intel_items, intel_parties

SIMILAR = 80  # rapidfuzz token-set ratio between the case item and the reported goods


def item_intelligence(case: Case, connection: Connection) -> list[Finding]:
    model = (case.item.details.get("model") or "").strip()
    makers = _manufacturer_ids(connection, case.exporter.name)
    query = select(intel_items.c.data)
    conditions = []
    if model:
        conditions.append(func.lower(intel_items.c.data).like(f'%"model":"{model.lower()}"%'))
    if makers:
        conditions.append(intel_items.c.manufacturer.in_(makers))
    if not conditions:
        return []
    rows = connection.execute(query.where(or_(*conditions))).scalars()
    described = normalise(" ".join([case.item.name, case.item.details.get("description", "")]))
    evidence: list[Evidence] = []
    for data in rows:
        item = Item.model_validate_json(data)
        same_model = bool(model) and (item.model or "").lower() == model.lower()
        similar = fuzz.token_set_ratio(normalise(item.description), described) >= SIMILAR
        if not (same_model or similar):
            continue
        for p in gate_of(connection).provenance(item.provenance):
            cited = from_cable(p)
            if cited not in evidence:
                evidence.append(cited)
    if not evidence:
        return []
    cables = sorted({e.cable for e in evidence if isinstance(e, CableEvidence)})
    return [
        Finding(
            kind="intelligence",
            severity="warn",
            summary=(
                f"The knowledge base reports {case.item.name} or goods like it from "
                f"{case.exporter.name} being sought ({', '.join(cables)})."
            ),
            evidence=[case_field("item", case.item.name), *evidence],
        )
    ]


def _manufacturer_ids(connection: Connection, name: str) -> list[str]:
    """Knowledge-base parties named like the exporter (its first two words, then compared)."""
    words = normalise(name).split()[:2]
    if not words:
        return []
    pattern = "%" + "%".join(words) + "%"
    rows = connection.execute(
        select(intel_parties.c.party_id, intel_parties.c.name).where(
            func.lower(intel_parties.c.name).like(pattern)
        )
    ).all()
    wanted = normalise(name)
    return sorted(
        {pid for pid, found in rows if fuzz.token_set_ratio(normalise(found), wanted) >= 90}
    )
