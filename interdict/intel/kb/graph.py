"""``intel graph``: an entity's neighbourhood drawn, with listed entities marked.

The picture is for a case file or a briefing: who is linked to whom, by
which role, and where the listed entity sits.  Nodes are knowledge-base
entities and the list entities they were resolved to; edges are every link
role (not only those screening follows), read in the arrow's direction.
Layout is seeded, so the same knowledge base draws the same picture.
"""

from __future__ import annotations

import os
import textwrap
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from sqlalchemy.engine import Connection

from interdict.intel.kb.chain import INTEL, SAME_AS, LinkGraph, Node
from interdict.intel.kb.entities import listed_for, members_of
from interdict.intel.kb.report import entity_links

FORMATS = (".svg", ".png")
_COLOURS = {"centre": "#f2c14e", "listed": "#d1495b", "intel": "#8ecae6", "list": "#cfcfcf"}


@dataclass(slots=True)
class Neighbourhood:
    centre: Node
    nodes: dict[Node, str] = field(default_factory=dict)  # node -> caption
    listed: set[Node] = field(default_factory=set)
    edges: set[tuple[Node, Node, str]] = field(default_factory=set)


def neighbourhood(
    connection: Connection, graph: LinkGraph, entity_id: str, depth: int
) -> Neighbourhood:
    """Every entity within ``depth`` links of the centre, in either direction."""
    centre = Node(INTEL, entity_id)
    found = Neighbourhood(centre, {centre: graph.caption(centre)})
    frontier = [centre]
    for _ in range(depth):
        following: list[Node] = []
        for node in frontier:
            for other, role, outgoing in _around(connection, graph, node):
                if other not in found.nodes:
                    found.nodes[other] = graph.caption(other)
                    following.append(other)
                found.edges.add((node, other, role) if outgoing else (other, node, role))
        frontier = following
    found.listed = {node for node in found.nodes if graph.listings(node)}
    return found


def _around(connection: Connection, graph: LinkGraph, node: Node) -> list[tuple[Node, str, bool]]:
    if node.dataset != INTEL:
        return []
    members = members_of(connection, node.id)
    around = [
        (Node(item.dataset, item.entity_id), SAME_AS, True)
        for item in listed_for(connection, members)
    ]
    for link in entity_links(connection, graph, node.id, members):
        around.append((Node(INTEL, link.other.id), link.role, link.direction == "out"))
    return around


def draw(found: Neighbourhood, out: Path, banner: str) -> None:
    """Write the picture as SVG or PNG (by the suffix), replacing ``out`` only when complete;
    the banner of what it shows heads and foots it, as on any classified page."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    graph: nx.MultiDiGraph[Node] = nx.MultiDiGraph()
    graph.add_nodes_from(found.nodes)
    roles: dict[tuple[Node, Node], list[str]] = {}
    for source, target, role in sorted(found.edges, key=lambda e: (e[0].id, e[1].id, e[2])):
        graph.add_edge(source, target, role=role)
        roles.setdefault((source, target), []).append(role)
    size = max(6.0, 2.2 * len(found.nodes) ** 0.5 * 2)
    figure, axes = plt.subplots(figsize=(size, size * 0.75))
    layout = nx.spring_layout(graph, seed=7, k=2.5 / max(1, len(found.nodes)) ** 0.5)
    colours = [_colour(found, node) for node in graph.nodes]
    nx.draw_networkx_nodes(
        graph, layout, node_color=colours, node_size=2600, ax=axes, edgecolors="#333333"
    )
    nx.draw_networkx_labels(
        graph,
        layout,
        labels={node: _label(found, node) for node in graph.nodes},
        font_size=7,
        ax=axes,
    )
    nx.draw_networkx_edges(graph, layout, arrows=True, arrowsize=14, node_size=2600, ax=axes)
    nx.draw_networkx_edge_labels(
        graph,
        layout,
        edge_labels={pair: ", ".join(names) for pair, names in roles.items()},
        font_size=7,
        ax=axes,
    )
    axes.legend(
        handles=[
            Patch(color=_COLOURS["centre"], label="entity shown"),
            Patch(color=_COLOURS["listed"], label="listed"),
            Patch(color=_COLOURS["intel"], label="known from cables"),
            Patch(color=_COLOURS["list"], label="list entity, not listed"),
        ],
        loc="lower left",
        fontsize=7,
    )
    axes.set_axis_off()
    axes.set_title(f"{banner}\n{found.nodes[found.centre]}: links within reach", fontsize=9)
    figure.text(0.5, 0.01, banner, ha="center", fontsize=9, weight="bold")
    temporary = out.with_name(f".{out.name}.{uuid.uuid4().hex}{out.suffix}")
    try:
        figure.savefig(temporary, format=out.suffix[1:], bbox_inches="tight")
        os.replace(temporary, out)
    finally:
        plt.close(figure)
        temporary.unlink(missing_ok=True)


def _colour(found: Neighbourhood, node: Node) -> str:
    if node == found.centre:
        return _COLOURS["centre"]
    if node in found.listed:
        return _COLOURS["listed"]
    return _COLOURS["intel"] if node.dataset == INTEL else _COLOURS["list"]


def _label(found: Neighbourhood, node: Node) -> str:
    text = "\n".join(textwrap.wrap(found.nodes[node], 18)[:4])
    if node in found.listed:
        text += f"\n[listed: {node.dataset}]"
    return text
