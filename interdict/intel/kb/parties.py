"""Every party id the knowledge base holds, with its names, aliases and countries over all cables.

Resolution and the screening index both start from this view: a party id
is one name key, and the same key mentioned in many cables is one party
whose names, aliases and countries are the union of what each cable says.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.access.names import written_in
from interdict.model.provenance import Provenance
from interdict.store.chunks import chunks
from interdict.store.schema import intel_parties

# Most specific first: a cable that says "the company" outranks one that only names it.
_SCHEMA_RANK = {"Company": 0, "Organization": 1, "LegalEntity": 2, "Person": 0}


@dataclass(slots=True)
class PartyView:
    party_id: str
    schema: str
    names: Counter[str] = field(default_factory=Counter)  # the name as each cable wrote it
    aliases: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    positions: set[str] = field(default_factory=set)
    mentions: int = 0

    def all_names(self) -> list[str]:
        return sorted(set(self.names) | self.aliases)


def party_views(connection: Connection, ids: Iterable[str] | None = None) -> dict[str, PartyView]:
    """All parties, or those with the given ids."""
    query = select(intel_parties.c.party_id, intel_parties.c.schema, intel_parties.c.data)
    if ids is None:
        rows: Iterable[Any] = connection.execute(query)
    else:
        wanted = sorted(set(ids))
        rows = (
            row
            for part in chunks(wanted)
            for row in connection.execute(query.where(intel_parties.c.party_id.in_(part)))
        )
    gate = gate_of(connection)
    views: dict[str, PartyView] = {}
    for party_id, schema, data in rows:
        record = orjson.loads(data)
        properties = record["properties"]
        names, aliases = properties.get("name", []), properties.get("alias", [])
        if not gate.reader.operator:
            sources = gate.provenance(Provenance.model_validate(p) for p in record["provenance"])
            if not sources:
                continue  # every portion that states this party is hidden from the reader
            names, aliases = written_in(names, sources), written_in(aliases, sources)
            if not names and not aliases:
                continue
        view = views.get(party_id)
        if view is None:
            view = views[party_id] = PartyView(party_id, schema)
        elif _SCHEMA_RANK.get(schema, 3) < _SCHEMA_RANK.get(view.schema, 3):
            view.schema = schema
        view.names.update(names or aliases[:1])
        view.aliases.update(aliases)
        view.countries.update(properties.get("country", []))
        view.positions.update(properties.get("position", []))
        view.mentions += 1
    return views
