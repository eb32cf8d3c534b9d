"""Follow links from a matched entity to a listed one: front_for, acts_for, owned_by, 3 steps.

The graph has two kinds of node: knowledge-base entities (links extracted
from cables, with their provenance) and entities of the loaded lists (links
that come with the list data: FtM ``Ownership``, ``Representation`` and
``UnknownLink`` in an OpenSanctions export).  ``same_as`` edges join the two
where resolution found a knowledge-base entity to be a listed one; they
cost no step, since they are identity, not a relation.  The search is a
breadth-first walk that never visits a node twice, so cycles in the links
end it rather than loop, and the chain it returns is a shortest one.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from typing import Any

from followthemoney import model
from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.intel.kb.entities import caption_of, entity_of, listed_for, members_of
from interdict.intel.records import FOLLOWED_ROLES, Role
from interdict.model.provenance import Citations, Provenance
from interdict.parties.results import EntityRef, LinkStep, Listing
from interdict.parties.screening import Dataset, listings_of
from interdict.store.chunks import chunks
from interdict.store.schema import intel_links, intel_listed

MAX_STEPS = 3
INTEL = "intel"
SAME_AS = "same_as"
_FOLLOWED = sorted(role.value for role in FOLLOWED_ROLES)
# OpenSanctions writes the nature of an UnknownLink as free text in ``role``.
_UNKNOWN_LINK_ROLES = (
    ("front", Role.FRONT_FOR),
    ("behalf", Role.ACTS_FOR),
    ("agent", Role.ACTS_FOR),
)


@dataclass(frozen=True, slots=True)
class Node:
    dataset: str  # "intel" for the knowledge base, else the list's name
    id: str


@dataclass(frozen=True, slots=True)
class Edge:
    role: str
    target: Node
    provenance: tuple[Provenance, ...] = ()
    detail: str | None = None


class LinkGraph:
    """Read-only view of both graphs, for one screening call (it caches what it reads)."""

    def __init__(self, connection: Connection | None, lists: list[Dataset]) -> None:
        self._connection = connection
        self._lists = {dataset.info.name: dataset for dataset in lists}
        self._captions: dict[Node, str] = {}
        self._listings: dict[Node, list[Listing]] = {}
        self._members: dict[str, list[str]] = {}

    def members(self, entity_id: str) -> list[str]:
        """The party ids of a knowledge-base entity (read once per graph)."""
        if entity_id not in self._members and self._connection is not None:
            self._members[entity_id] = members_of(self._connection, entity_id)
        return self._members.get(entity_id, [entity_id])

    def list_node(self, entity_id: str) -> Node | None:
        """The node of a listed entity, in the first loaded list that holds it."""
        for name, dataset in self._lists.items():
            entity = dataset.entities.entity(entity_id)
            if entity is not None:
                self._captions[Node(name, entity_id)] = _caption(entity)
                return Node(name, entity_id)
        return None

    def listings(self, node: Node) -> list[Listing]:
        if node.dataset == INTEL or node.dataset not in self._lists:
            return []
        if node not in self._listings:
            linked = self._lists[node.dataset].entities.linked(node.id)
            self._listings[node] = listings_of(linked)
        return self._listings[node]

    def ref(self, node: Node) -> EntityRef:
        return EntityRef(id=node.id, caption=self.caption(node), datasets=[node.dataset])

    def caption(self, node: Node) -> str:
        if node not in self._captions:
            caption = node.id
            if node.dataset == INTEL and self._connection is not None:
                caption = caption_of(self._connection, self.members(node.id)) or node.id
            elif node.dataset in self._lists:
                entity = self._lists[node.dataset].entities.entity(node.id)
                caption = _caption(entity) if entity else node.id
            self._captions[node] = caption
        return self._captions[node]

    def chain(self, start: Node) -> list[LinkStep] | None:
        """A shortest chain of at most ``MAX_STEPS`` links to a listed entity, or None.

        A start that is itself listed gives an empty chain.
        """
        if self.listings(start):
            return []
        came: dict[Node, tuple[Node, Edge] | None] = {start: None}
        queue: deque[tuple[Node, int]] = deque([(start, 0)])
        while queue:
            node, used = queue.popleft()
            for edge in self.edges(node):
                cost = 0 if edge.role == SAME_AS else 1
                if edge.target in came or used + cost > MAX_STEPS:
                    continue
                came[edge.target] = (node, edge)
                if self.listings(edge.target):
                    return self._path(came, edge.target)
                if cost:
                    queue.append((edge.target, used + cost))
                else:
                    queue.appendleft((edge.target, used))
        return None

    def _path(self, came: dict[Node, tuple[Node, Edge] | None], end: Node) -> list[LinkStep]:
        steps: list[LinkStep] = []
        node = end
        while (previous := came[node]) is not None:
            source, edge = previous
            steps.append(
                LinkStep(
                    role=edge.role,
                    from_=self.ref(source),
                    to=self.ref(node),
                    provenance=list(edge.provenance),
                    detail=edge.detail,
                )
            )
            node = source
        return steps[::-1]

    def edges(self, node: Node) -> list[Edge]:
        if node.dataset != INTEL:
            return self._list_edges(node)
        if self._connection is None:
            return []
        return self._intel_edges(node, self._connection)

    def _intel_edges(self, node: Node, connection: Connection) -> list[Edge]:
        members = self.members(node.id)
        edges = [
            Edge(
                SAME_AS,
                Node(item.dataset, item.entity_id),
                detail=_same_detail(item.score, item.detail),
            )
            for item in listed_for(connection, members)
            if item.dataset in self._lists
        ]
        grouped: dict[tuple[str, str], Citations] = defaultdict(Citations)
        rows: list[tuple[str, str, str]] = []
        for part in chunks(members):
            rows.extend(
                connection.execute(
                    select(intel_links.c.role, intel_links.c.object, intel_links.c.data).where(
                        intel_links.c.subject.in_(part), intel_links.c.role.in_(_FOLLOWED)
                    )
                )
            )
        targets = entity_of(connection, [obj for _, obj, _ in rows])
        for role, obj, data in rows:
            grouped[(role, targets[obj])].add_record(data)
        gate = gate_of(connection)
        for (role, target), cited in sorted(grouped.items()):
            sources = gate.provenance(cited.all())
            if target != node.id and sources:  # a link stated only in hidden portions is none
                edges.append(Edge(role, Node(INTEL, target), tuple(sources)))
        return edges

    def _list_edges(self, node: Node) -> list[Edge]:
        dataset = self._lists.get(node.dataset)
        if dataset is None:
            return []
        edges: list[Edge] = []
        if self._connection is not None:
            parties = self._connection.execute(
                select(intel_listed.c.party_id).where(
                    intel_listed.c.dataset == node.dataset, intel_listed.c.entity_id == node.id
                )
            ).scalars()
            for entity in sorted(set(entity_of(self._connection, parties).values())):
                if caption_of(self._connection, self.members(entity)) is not None:
                    edges.append(
                        Edge(
                            SAME_AS, Node(INTEL, entity), detail="resolved from the knowledge base"
                        )
                    )
        for linked in dataset.entities.linked(node.id):
            edge = _list_link(node, linked)
            if edge is not None:
                edges.append(edge)
        return edges


def _list_link(node: Node, entity: dict[str, Any]) -> Edge | None:
    """The link a list's own relation entity makes from ``node``, if it is one screening follows."""
    schema = entity.get("schema")
    props: dict[str, list[str]] = entity.get("properties", {})

    def other(prop: str) -> Node | None:
        values = props.get(prop) or []
        return Node(node.dataset, values[0]) if values else None

    source = f"{schema} {entity.get('id')} in {node.dataset}"
    if schema == "Ownership" and node.id in props.get("asset", []):
        target = other("owner")
        share = "".join(f", {p} %" for p in props.get("percentage", [])[:1])
        return Edge(Role.OWNED_BY.value, target, detail=source + share) if target else None
    if schema == "Representation" and node.id in props.get("agent", []):
        target = other("client")
        return Edge(Role.ACTS_FOR.value, target, detail=source) if target else None
    if schema == "UnknownLink" and node.id in props.get("subject", []):
        text = " ".join(props.get("role", [])).lower()
        for word, role in _UNKNOWN_LINK_ROLES:
            if word in text:
                target = other("object")
                return Edge(role.value, target, detail=f"{source}: {text}") if target else None
    return None


def _caption(entity: dict[str, Any]) -> str:
    """FtM's own choice of display name (the stored entity has no caption key)."""
    return str(model.get_proxy(entity).caption)


def _same_detail(score: float, detail: str) -> str:
    return f"resolved to the listed entity at {score:.2f}: {detail}"
