"""The way the goods go, from exporter to end user, as an SVG chart and as one line of text.

The chart is drawn by hand as an SVG string so that the HTML report stays
one self-contained file with no plotting library behind it.  Every name is
escaped here (names come from licence applications and cables, and are
untrusted), and the output depends on the assessment alone, so the same
case always gives the same chart.

The case file says which countries the goods pass through but not on which
leg, so transit countries are drawn between the exporter and the first
party that receives the goods, which is where a licence application puts
them.  Parties that never hold the goods (role ``other`` only) are drawn
in a row of their own below the route, unconnected.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from interdict.cases.findings import Finding
from interdict.cases.outputs import Assessment, CaseOut, PartyOut

Flag = Literal["block", "warn"]

# Outline colours: red for a party with a block finding, amber for a warning.
FLAG_STROKES: dict[Flag, str] = {"block": "#c62828", "warn": "#e08e00"}
PLAIN_STROKE = "#555555"
TRANSIT_STROKE = "#888888"

_BOX_WIDTH = 180
_BOX_HEIGHT = 64
_ARROW_GAP = 48
_ROW_GAP = 16
_MARGIN = 16
_CAPTION_HEIGHT = 24
_LINE_CHARS = 24
_DETAIL_CHARS = 28
_NAME_LINES = 2


@dataclass(frozen=True)
class Node:
    """One box of the route: a party or a transit country."""

    name: str
    role: str
    place: str
    flag: Flag | None = None
    transit: bool = False

    def text(self) -> str:
        """How the node reads on the route line: ``Ak Makina (TR)``, ``transit AE``."""
        if self.transit:
            return f"transit {self.place}"
        mark = f" [{self.flag}]" if self.flag else ""
        return f"{self.name} ({self.place}){mark}"


@dataclass(frozen=True)
class Route:
    """Columns of nodes in the order the goods travel, and the parties off the route."""

    columns: tuple[tuple[Node, ...], ...]
    off_route: tuple[Node, ...]


def route(assessment: Assessment) -> Route:
    """The route of the assessed case, each party flagged by its most severe finding."""
    case = assessment.case
    flags = _flags(assessment.findings)
    exporter = Node(
        name=case.exporter.name,
        role="exporter",
        place=case.exporter.country or "country not stated",
        flag=flags.get(case.exporter.name),
    )
    transit = [(Node(name=c, role="transit", place=c, transit=True),) for c in case.transit]
    middle = [p for p in case.parties if _on_route(p) and "end_user" not in p.role]
    end_users = tuple(_node(p, case, flags) for p in case.parties if "end_user" in p.role)
    columns: list[tuple[Node, ...]] = [
        (exporter,),
        *transit,
        *((_node(p, case, flags),) for p in middle),
    ]
    if end_users:
        columns.append(end_users)
    off = tuple(_node(p, case, flags) for p in case.parties if not _on_route(p))
    return Route(columns=tuple(columns), off_route=off)


def route_line(chart: Route) -> str:
    """``Exporter (ES) → transit AE → Ak Makina (TR) → …``, for the PDF."""
    line = " → ".join(" / ".join(n.text() for n in column) for column in chart.columns)
    if chart.off_route:
        line += "; not on the route: " + ", ".join(n.text() for n in chart.off_route)
    return line


def route_svg(chart: Route) -> str:
    """The route as an inline SVG element: boxes left to right, arrows between columns."""
    tallest = max(len(column) for column in chart.columns)
    route_height = tallest * (_BOX_HEIGHT + _ROW_GAP) - _ROW_GAP
    width = max(_row_width(len(chart.columns)), _row_width(len(chart.off_route)))
    height = _MARGIN * 2 + route_height
    if chart.off_route:
        height += _CAPTION_HEIGHT + _BOX_HEIGHT + _ROW_GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="route" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="Route of the goods and the parties">',
        "<defs>"
        '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333333"/></marker>'
        "</defs>",
    ]
    positions = [
        _column_positions(i, len(col), route_height) for i, col in enumerate(chart.columns)
    ]
    for left, right in pairwise(positions):
        parts.extend(_arrow(a, b) for a in left for b in right)
    for column, places in zip(chart.columns, positions, strict=True):
        parts.extend(_box(node, x, y) for node, (x, y) in zip(column, places, strict=True))
    if chart.off_route:
        top = _MARGIN + route_height + _ROW_GAP
        parts.append(
            f'<text x="{_MARGIN}" y="{top + 16}" font-size="12" fill="#333333">'
            "Other parties (not on the route of the goods)</text>"
        )
        parts.extend(
            _box(node, _MARGIN + i * (_BOX_WIDTH + _ARROW_GAP), top + _CAPTION_HEIGHT)
            for i, node in enumerate(chart.off_route)
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _flags(findings: list[Finding]) -> dict[str, Flag]:
    """Each named party's most severe block or warn finding; info findings colour nothing."""
    flags: dict[str, Flag] = {}
    for finding in findings:
        if finding.party is None:
            continue
        if finding.severity == "block":
            flags[finding.party] = "block"
        elif finding.severity == "warn":
            flags.setdefault(finding.party, "warn")
    return flags


def _on_route(party: PartyOut) -> bool:
    return any(role != "other" for role in party.role)


def _node(party: PartyOut, case: CaseOut, flags: dict[str, Flag]) -> Node:
    """A party's box; an end user with no country of its own is placed at the final destination."""
    if party.country:
        place = party.country
    elif "end_user" in party.role:
        place = f"{case.final_destination} (final destination)"
    else:
        place = "country not stated"
    roles = ", ".join(r.replace("_", " ") for r in party.role)
    return Node(name=party.name, role=roles, place=place, flag=flags.get(party.name))


def _row_width(boxes: int) -> int:
    return _MARGIN * 2 + boxes * _BOX_WIDTH + max(boxes - 1, 0) * _ARROW_GAP


def _column_positions(index: int, boxes: int, route_height: int) -> list[tuple[int, int]]:
    """Top-left corners of a column's boxes, the column centred on the tallest one."""
    x = _MARGIN + index * (_BOX_WIDTH + _ARROW_GAP)
    column_height = boxes * (_BOX_HEIGHT + _ROW_GAP) - _ROW_GAP
    top = _MARGIN + (route_height - column_height) // 2
    return [(x, top + i * (_BOX_HEIGHT + _ROW_GAP)) for i in range(boxes)]


def _arrow(start: tuple[int, int], end: tuple[int, int]) -> str:
    x1, y1 = start[0] + _BOX_WIDTH, start[1] + _BOX_HEIGHT // 2
    x2, y2 = end[0] - 2, end[1] + _BOX_HEIGHT // 2
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#333333" '
        'stroke-width="1.5" marker-end="url(#arrow)"/>'
    )


def _box(node: Node, x: int, y: int) -> str:
    """A box with the name (wrapped, shortened past two lines), then role and country."""
    if node.transit:
        kind, stroke, style = "transit", TRANSIT_STROKE, ' stroke-dasharray="5,3" fill="#f4f4f4"'
        title, lines = f"Transit {node.place}", [node.place]
    else:
        kind = "party " + (node.flag or "clear")
        stroke = FLAG_STROKES[node.flag] if node.flag else PLAIN_STROKE
        style = ' fill="#ffffff"'
        title, lines = node.name, _wrap(node.name)
    weight = 3 if node.flag else 1
    centre = x + _BOX_WIDTH // 2
    texts = [
        f'<text x="{centre}" y="{y + 20 + 15 * i}" font-size="12" font-weight="bold" '
        f'text-anchor="middle">{escape(line)}</text>'
        for i, line in enumerate(lines)
    ]
    detail = node.role if node.transit else f"{node.role} · {node.place}"
    texts.append(
        f'<text x="{centre}" y="{y + _BOX_HEIGHT - 10}" font-size="11" fill="#444444" '
        f'text-anchor="middle">{escape(_shorten(detail, _DETAIL_CHARS))}</text>'
    )
    return (
        f"<g class={quoteattr('node ' + kind)}><title>{escape(title)}</title>"
        f'<rect class={quoteattr(kind)} x="{x}" y="{y}" width="{_BOX_WIDTH}" '
        f'height="{_BOX_HEIGHT}" rx="6" stroke="{stroke}" stroke-width="{weight}"{style}/>'
        + "".join(texts)
        + "</g>"
    )


def _wrap(name: str) -> list[str]:
    """The name in lines of at most ``_LINE_CHARS`` characters, the last shortened with '…'."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= _LINE_CHARS:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > _NAME_LINES:
        lines = [*lines[: _NAME_LINES - 1], " ".join(lines[_NAME_LINES - 1 :])]
    return [_shorten(line, _LINE_CHARS) for line in lines]


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
