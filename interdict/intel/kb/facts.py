"""Write one batch of extracted facts beside the cables they came from.

Called inside the ingest transaction that stored (or found unchanged) the
cables, so a cable and its facts change together: re-ingesting a cable
replaces its facts, and a crash leaves the previous ones in place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Connection

from interdict.intel.kb import state
from interdict.intel.records import EXTRACTION_VERSION, Extraction
from interdict.store.schema import cables, intel_denials, intel_items, intel_links, intel_parties

_FACT_TABLES = (intel_parties, intel_links, intel_items, intel_denials)


def write_facts(
    connection: Connection, ids: Mapping[str, int], extractions: Sequence[Extraction]
) -> None:
    """Replace the facts of each cable in ``extractions``; ``ids`` maps its key to its row."""
    latest = {extraction.cable: extraction for extraction in extractions}
    cable_ids = [ids[key] for key in latest]
    if not cable_ids:
        return
    for table in _FACT_TABLES:
        connection.execute(delete(table).where(table.c.cable_id.in_(cable_ids)))
    parties: list[dict[str, object]] = []
    links: list[dict[str, object]] = []
    items: list[dict[str, object]] = []
    denied: list[dict[str, object]] = []
    for key, extraction in latest.items():
        cable_id = ids[key]
        for party in extraction.parties:
            parties.append(
                {
                    "cable_id": cable_id,
                    "party_id": party.id,
                    "schema": party.schema_,
                    "name": (party.properties.get("name") or [""])[0],
                    "data": party.model_dump_json(by_alias=True),
                }
            )
        for link in extraction.links:
            links.append(
                {
                    "cable_id": cable_id,
                    "link_id": link.id,
                    "subject": link.properties["subject"][0],
                    "role": link.properties["role"][0],
                    "object": link.properties["object"][0],
                    "data": link.model_dump_json(by_alias=True),
                }
            )
        for item in extraction.items:
            items.append(
                {
                    "cable_id": cable_id,
                    "item_id": item.id,
                    "manufacturer": item.manufacturer,
                    "data": item.model_dump_json(by_alias=True),
                }
            )
        denied.extend(
            {"cable_id": cable_id, "denial_id": denial.id, "data": denial.model_dump_json()}
            for denial in extraction.denials
        )
    written = (
        (intel_parties, parties),
        (intel_links, links),
        (intel_items, items),
        (intel_denials, denied),
    )
    for table, rows in written:
        if rows:
            connection.execute(insert(table), rows)
    connection.execute(
        update(cables).where(cables.c.id.in_(cable_ids)).values(extracted_with=EXTRACTION_VERSION)
    )
    state.bump(connection)
