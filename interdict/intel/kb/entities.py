"""Resolved entities: the parties of one cluster seen as one, with everything said of them.

One merge for everyone: the screening index, ``intel show``, the graph and
the link chains all see the same caption, names and countries for an entity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.intel.kb.parties import PartyView, party_views
from interdict.model.provenance import Citations, Provenance
from interdict.store.chunks import chunks
from interdict.store.schema import intel_listed, intel_members, intel_parties

_SCHEMA_RANK = {"Company": 0, "Person": 0, "Organization": 1, "LegalEntity": 2}


@dataclass(frozen=True, slots=True)
class Listed:
    """A party of the entity resolved to an entity of a loaded list."""

    party_id: str
    dataset: str
    entity_id: str
    caption: str
    score: float
    detail: str


@dataclass(frozen=True, slots=True)
class EntityView:
    entity_id: str
    schema: str
    caption: str
    names: tuple[str, ...]  # the caption first
    countries: tuple[str, ...]
    positions: tuple[str, ...]
    members: tuple[str, ...]
    mentions: int

    def ftm(self) -> dict[str, object]:
        """The entity as the screening index reads it (FtM JSON with OpenSanctions' keys)."""
        properties: dict[str, list[str]] = {"name": [self.caption]}
        if len(self.names) > 1:
            properties["alias"] = list(self.names[1:])
        if self.countries:
            properties["country" if self.schema != "Person" else "nationality"] = list(
                self.countries
            )
        if self.positions and self.schema == "Person":
            properties["position"] = list(self.positions)
        return {
            "id": self.entity_id,
            "schema": self.schema,
            "properties": properties,
            "caption": self.caption,
            "datasets": ["intel"],
        }


def merge(entity_id: str, views: Iterable[PartyView]) -> EntityView:
    parts = sorted(views, key=lambda v: v.party_id)
    names: Counter[str] = Counter()
    for view in parts:
        names.update(view.names)
    caption = choose_caption(names)
    others = sorted({n for v in parts for n in v.all_names()} - {caption})
    schema = min((v.schema for v in parts), key=lambda s: _SCHEMA_RANK.get(s, 3))
    return EntityView(
        entity_id=entity_id,
        schema=schema,
        caption=caption,
        names=(caption, *others),
        countries=tuple(sorted({c for v in parts for c in v.countries})),
        positions=tuple(sorted({p for v in parts for p in v.positions})),
        members=tuple(v.party_id for v in parts),
        mentions=sum(v.mentions for v in parts),
    )


def choose_caption(names: Counter[str]) -> str:
    """The name most mentions use; on a tie, the longest (the fullest form), then the first."""
    return max(names.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]


def caption_of(connection: Connection, members: Iterable[str]) -> str | None:
    """An entity's caption from its parties' names alone, without reading their facts.

    A reader who may not see every source gets the caption from the names
    written in the portions they may see.
    """
    if not gate_of(connection).reader.operator:
        seen: Counter[str] = Counter()
        for view in party_views(connection, members).values():
            seen.update(view.names)
        return choose_caption(seen) if seen else None
    names: Counter[str] = Counter()
    for part in chunks(sorted(set(members))):
        names.update(
            connection.execute(
                select(intel_parties.c.name).where(intel_parties.c.party_id.in_(part))
            ).scalars()
        )
    return choose_caption(names) if names else None


def all_entities(connection: Connection) -> list[EntityView]:
    views = party_views(connection)
    clusters: dict[str, list[PartyView]] = {}
    for party_id, entity_id in connection.execute(
        select(intel_members.c.party_id, intel_members.c.entity_id)
    ):
        if party_id in views:
            clusters.setdefault(entity_id, []).append(views[party_id])
    return [merge(entity_id, members) for entity_id, members in sorted(clusters.items())]


def entity_of(connection: Connection, party_ids: Iterable[str]) -> dict[str, str]:
    """The entity each party id belongs to (a party not yet resolved is its own)."""
    wanted = sorted(set(party_ids))
    found = {party_id: party_id for party_id in wanted}
    for part in chunks(wanted):
        rows = connection.execute(
            select(intel_members.c.party_id, intel_members.c.entity_id).where(
                intel_members.c.party_id.in_(part)
            )
        )
        for party_id, entity_id in rows:  # not update(): a result has keys() and is no mapping
            found[party_id] = entity_id
    return found


def members_of(connection: Connection, entity_id: str) -> list[str]:
    rows = connection.execute(
        select(intel_members.c.party_id).where(intel_members.c.entity_id == entity_id)
    ).scalars()
    return sorted(rows) or [entity_id]


def entity_view(connection: Connection, entity_id: str) -> EntityView | None:
    views = party_views(connection, members_of(connection, entity_id))
    return merge(entity_id, views.values()) if views else None


def mentions(connection: Connection, members: Iterable[str]) -> list[Provenance]:
    """Every portion that names the entity, in cable order, each once."""
    citations = Citations()
    for part in chunks(sorted(set(members))):
        for (data,) in connection.execute(
            select(intel_parties.c.data).where(intel_parties.c.party_id.in_(part))
        ):
            citations.add_record(data)
    return gate_of(connection).provenance(citations.in_cable_order())


def listed_for(connection: Connection, members: Iterable[str]) -> list[Listed]:
    rows: list[Any] = []
    for part in chunks(sorted(set(members))):
        rows.extend(
            connection.execute(select(intel_listed).where(intel_listed.c.party_id.in_(part)))
        )
    found = [Listed(r.party_id, r.dataset, r.entity_id, r.caption, r.score, r.detail) for r in rows]
    if not gate_of(connection).reader.operator:
        # Only resolutions of parties the reader may see, and without the name evidence: the
        # names compared may include an alias written only in a hidden portion.
        seen = set(party_views(connection, members))
        found = [
            replace(item, detail=f"resolved at {item.score:.2f}")
            for item in found
            if item.party_id in seen
        ]
    return sorted(found, key=lambda item: (-item.score, item.entity_id))
