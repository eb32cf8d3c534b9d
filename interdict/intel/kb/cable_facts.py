"""The facts stored for one cable, as lines to read: parties, links, items, each with sources."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.intel.records import Item, Link, Party
from interdict.model.provenance import Provenance
from interdict.store.schema import cables, intel_items, intel_links, intel_parties


@dataclass(frozen=True, slots=True)
class FactLine:
    kind: str
    text: str
    provenance: list[Provenance]


def cable_facts(connection: Connection, reference: str) -> list[FactLine]:
    cable_id = connection.execute(
        select(cables.c.id).where(cables.c.reference_id == reference)
    ).scalar()
    if cable_id is None:
        return []
    parties = [
        Party.model_validate_json(data)
        for (data,) in connection.execute(
            select(intel_parties.c.data).where(intel_parties.c.cable_id == cable_id)
        )
    ]
    names = {party.id: party.properties["name"][0] for party in parties}
    lines = [FactLine(party.schema_, _party(party), party.provenance) for party in parties]
    for (data,) in connection.execute(
        select(intel_links.c.data).where(intel_links.c.cable_id == cable_id)
    ):
        link = Link.model_validate_json(data)
        subject, role, obj = (link.properties[key][0] for key in ("subject", "role", "object"))
        lines.append(
            FactLine(
                "link",
                f"{names.get(subject, subject)} {role} {names.get(obj, obj)}",
                link.provenance,
            )
        )
    for (data,) in connection.execute(
        select(intel_items.c.data).where(intel_items.c.cable_id == cable_id)
    ):
        item = Item.model_validate_json(data)
        lines.append(FactLine("item", _item(item, names), item.provenance))
    return lines


def _party(party: Party) -> str:
    properties = party.properties
    text = properties["name"][0]
    if properties.get("country"):
        text += f" ({', '.join(properties['country'])})"
    if properties.get("alias"):
        text += f", also {'; '.join(properties['alias'])}"
    if properties.get("position"):
        text += f", {'; '.join(properties['position'])}"
    return text


def _item(item: Item, names: dict[str, str]) -> str:
    parts = [item.description]
    if item.model:
        parts.append(f"model {item.model}")
    if item.manufacturer:
        parts.append(f"made by {names.get(item.manufacturer, item.manufacturer)}")
    if item.regimes:
        parts.append("controlled: " + ", ".join(item.regimes))
    if item.resolutions:
        parts.append("UNSCR " + ", ".join(item.resolutions))
    return "; ".join(parts)
