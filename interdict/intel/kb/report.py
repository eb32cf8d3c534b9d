"""``intel show``: one entity with every fact, link and source the knowledge base holds.

An entity is found by id (its own, or that of any party resolved into it)
or by name, through the same matcher screening uses.  The report lists every
portion that names it, every link in or out with the portions that state
it, the items it makes, the listed entities it was resolved to, and the
chain to a listed entity if there is one.
"""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.intel.kb.chain import INTEL, LinkGraph, Node
from interdict.intel.kb.entities import entity_of, entity_view, listed_for, members_of, mentions
from interdict.intel.kb.parties import party_views
from interdict.intel.records import Item
from interdict.model.provenance import Citations, Provenance
from interdict.parties.query import QueryError, make_query
from interdict.parties.results import EntityRef, LinkStep
from interdict.parties.screening import Dataset, Screener
from interdict.store.chunks import chunks
from interdict.store.schema import intel_items, intel_links, intel_members

FIND_THRESHOLD = 0.7


class ListedAs(BaseModel):
    dataset: str
    entity_id: str
    caption: str
    score: float
    detail: str


class LinkReport(BaseModel):
    role: str
    direction: str = Field(description="out: this entity is the subject; in: the object")
    other: EntityRef
    provenance: list[Provenance]


class EntityReport(BaseModel):
    """``interdict intel show NAME|ID --json``."""

    id: str
    schema_: str = Field(alias="schema")
    caption: str
    names: list[str]
    countries: list[str]
    positions: list[str]
    parties: list[str] = Field(description="the party ids resolved into this entity")
    listed_as: list[ListedAs]
    chain: list[LinkStep] | None = Field(
        description="links to a listed entity (empty if the entity is itself listed); null if none"
    )
    links: list[LinkReport]
    items: list[Item] = Field(description="items the entity makes")
    provenance: list[Provenance]


def find_entity(connection: Connection, index: Dataset | None, text: str) -> str | None:
    """The entity id for an id or a name, or None: the caller says 'no such entity'."""
    wanted = text.strip()
    if wanted.startswith("intel-"):
        known = connection.execute(
            select(intel_members.c.entity_id).where(intel_members.c.entity_id == wanted).limit(1)
        ).first()
        entity = wanted if known else entity_of(connection, [wanted])[wanted]
        return entity if entity_view(connection, entity) else None
    if index is None:
        return None
    try:
        query = make_query([wanted])
    except QueryError:
        return None
    found = Screener([index]).screen(query, limit=1, threshold=FIND_THRESHOLD)
    if not found:
        return None
    view = entity_view(connection, found[0].entity_id)
    candidate = found[0].explanation.name.candidate
    # The name matched must be one the reader may see, or the match itself tells them a
    # hidden alias belongs to this entity.
    return found[0].entity_id if view and candidate in view.names else None


def entity_report(connection: Connection, graph: LinkGraph, entity_id: str) -> EntityReport | None:
    view = entity_view(connection, entity_id)
    if view is None:
        return None
    members = members_of(connection, entity_id)
    if not gate_of(connection).reader.operator:
        members = sorted(party_views(connection, members))  # the parties the reader may see
    return EntityReport(
        id=entity_id,
        schema=view.schema,
        caption=view.caption,
        names=list(view.names),
        countries=list(view.countries),
        positions=list(view.positions),
        parties=members,
        listed_as=[
            ListedAs(
                dataset=i.dataset,
                entity_id=i.entity_id,
                caption=i.caption,
                score=i.score,
                detail=i.detail,
            )
            for i in listed_for(connection, members)
        ],
        chain=graph.chain(Node(INTEL, entity_id)),
        links=entity_links(connection, graph, entity_id, members),
        items=_items(connection, members),
        provenance=mentions(connection, members),
    )


def entity_links(
    connection: Connection, graph: LinkGraph, entity_id: str, members: list[str]
) -> list[LinkReport]:
    rows: list[tuple[str, str, str, str]] = []
    for part in chunks(members):
        for column, direction in ((intel_links.c.subject, "out"), (intel_links.c.object, "in")):
            for role, subject, obj, data in connection.execute(
                select(
                    intel_links.c.role,
                    intel_links.c.subject,
                    intel_links.c.object,
                    intel_links.c.data,
                ).where(column.in_(part))
            ):
                rows.append((direction, role, obj if direction == "out" else subject, data))
    entities = entity_of(connection, [other for _, _, other, _ in rows])
    grouped: dict[tuple[str, str, str], Citations] = defaultdict(Citations)
    for direction, role, other, data in rows:
        grouped[(direction, role, entities[other])].add_record(data)
    gate = gate_of(connection)
    shown = ((key, gate.provenance(cited.all())) for key, cited in sorted(grouped.items()))
    return [
        LinkReport(
            role=role,
            direction=direction,
            other=graph.ref(Node(INTEL, other)),
            provenance=sources,
        )
        for (direction, role, other), sources in shown
        if other != entity_id and sources
    ]


def _items(connection: Connection, members: list[str]) -> list[Item]:
    """Items the entity makes; the same model in several cables is one item with every source."""
    found: dict[str, tuple[Item, Citations]] = {}
    for part in chunks(members):
        for (data,) in connection.execute(
            select(intel_items.c.data).where(intel_items.c.manufacturer.in_(part))
        ):
            item = Item.model_validate_json(data)
            found.setdefault(item.id, (item, Citations()))[1].add_record(data)
    return gate_of(connection).facts(
        item.model_copy(update={"provenance": citations.all()})
        for item, citations in (found[key] for key in sorted(found))
    )
