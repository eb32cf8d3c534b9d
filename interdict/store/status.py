"""What ``interdict db status`` reports: where the store is, its revision, what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Select, func, inspect, select
from sqlalchemy.engine import URL

from interdict.store import migrate
from interdict.store.engine import connect
from interdict.store.schema import cables, intel_links, intel_members, intel_parties, list_versions
from interdict.store.url import describe


class ListVersion(BaseModel):
    name: str
    version: str
    loaded_at: str


class StoreStatus(BaseModel):
    backend: str
    location: str
    revision: str | None
    head: str
    state: str  # missing, empty, current, behind, newer, foreign
    cables: int = 0
    extracted: int = 0
    outdated: int = Field(
        default=0,
        description="cables with facts from an older extractor ('intel ingest' redoes them)",
    )
    parties: int = 0
    entities: int = 0
    links: int = 0
    lists: list[ListVersion] = []


def store_status(url: URL, extraction_version: int) -> StoreStatus:
    """Read-only: a missing SQLite file is reported as missing, never created."""
    backend = url.get_backend_name()
    head = migrate.head()
    base = {"backend": backend, "location": describe(url), "head": head}
    if backend == "sqlite" and not Path(url.database or "").exists():
        return StoreStatus(revision=None, state="missing", **base)
    engine = connect(url)
    try:
        with engine.connect() as connection:
            revision = migrate.current(connection)
            if revision is None:
                tables = inspect(connection).get_table_names()
                return StoreStatus(revision=None, state="foreign" if tables else "empty", **base)
            if revision != head:
                state = "behind" if migrate.known(revision) else "newer"
                return StoreStatus(revision=revision, state=state, **base)

            def count(query: Select[Any]) -> int:
                return int(connection.execute(query).scalar_one())

            return StoreStatus(
                revision=revision,
                state="current",
                cables=count(select(func.count()).select_from(cables)),
                extracted=count(select(func.count()).where(cables.c.extracted_with.is_not(None))),
                outdated=count(
                    select(func.count()).where(cables.c.extracted_with != extraction_version)
                ),
                parties=count(select(func.count(intel_parties.c.party_id.distinct()))),
                entities=count(select(func.count(intel_members.c.entity_id.distinct()))),
                links=count(select(func.count(intel_links.c.link_id.distinct()))),
                lists=[
                    ListVersion(name=row.name, version=row.version, loaded_at=row.loaded_at)
                    for row in connection.execute(
                        select(list_versions).order_by(list_versions.c.name)
                    )
                ],
                **base,
            )
    finally:
        engine.dispose()
