"""``cables search``: one hit per cable, ranked, filtered, with the paragraph that matched.

Filters are plain SQL on the cables table and mean the same on both
backends: ``--from``/``--to`` are inclusive dates of the cable's DTG (UTC),
``--classification L`` keeps cables at most L (a cable of unknown level is
left out, since it cannot be shown to be at most anything), ``--origin``
matches the words of the originating post, FM address or DE station, and
each ``--tag`` must be among the cable's TAGS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection

from interdict.access.gate import Gate, gate_of
from interdict.cables.archive import fulltext
from interdict.cables.archive.hits import best_portion
from interdict.cables.archive.query import TextQuery
from interdict.cables.archive.rows import load_record
from interdict.cables.archive.words import index_text
from interdict.cables.portions import portions
from interdict.cables.record import Cable
from interdict.model.markings import Level, Marking
from interdict.store.chunks import chunks
from interdict.store.engine import Store
from interdict.store.schema import cable_records, cable_tags, cables


@dataclass(frozen=True, slots=True)
class Filters:
    tags: tuple[str, ...] = ()
    origin: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    classification: Level | None = None

    def clauses(self) -> list[ColumnElement[bool]]:
        clauses: list[ColumnElement[bool]] = []
        for tag in self.tags:
            tagged = select(cable_tags.c.cable_id).where(cable_tags.c.tag == tag.strip().upper())
            clauses.append(cables.c.id.in_(tagged))
        if self.origin is not None:
            clauses.append(cables.c.place.contains(f" {index_text(self.origin)} ", autoescape=True))
        if self.date_from is not None:
            clauses.append(cables.c.created >= datetime.combine(self.date_from, time.min))
        if self.date_to is not None:
            after = datetime.combine(self.date_to + timedelta(days=1), time.min)
            clauses.append(cables.c.created < after)
        if self.classification is not None:
            clauses.append(cables.c.level <= self.classification.rank)
        return clauses


class Hit(BaseModel):
    reference_id: str
    created: datetime | None
    subject: str | None
    paragraph: str | None = Field(description="number of the paragraph that matched best")
    portion: int | None = Field(description="its portion, counting from 0 within the paragraph")
    marking: Marking | None = Field(
        description="that portion's marking; the cable's overall level when only the subject "
        "or TAGS matched"
    )
    snippet: str
    origin: str | None
    classification: Level | None


class SearchResult(BaseModel):
    """``interdict cables search QUERY --json``."""

    hits: list[Hit]
    total: int = Field(description="cables matching the query and filters, beyond --limit too")


def search(store: Store, query: TextQuery, filters: Filters, limit: int) -> SearchResult:
    """Count and rank on the index (and the slim cables table if filtered), then read the
    records of the hits alone; ties in rank go to the cable stored first."""
    with store.read() as connection:
        match = fulltext.match(connection, query)
        clauses = filters.clauses()
        source, cable_id = (match.joined, cables.c.id) if clauses else (match.alone, match.cable_id)
        where = [match.where, *clauses]
        gate = gate_of(connection)
        if not gate.reader.operator:
            ranked = connection.execute(
                select(cable_id).select_from(source).where(*where).order_by(match.rank, cable_id)
            ).scalars()
            return _gated(connection, gate, query, list(ranked), limit)
        total = connection.execute(
            select(func.count()).select_from(source).where(*where)
        ).scalar_one()
        ids = list(
            connection.execute(
                select(cable_id)
                .select_from(source)
                .where(*where)
                .order_by(match.rank, cable_id)
                .limit(limit)
            ).scalars()
        )
        records = _records(connection, ids)
    hits = [records[i] for i in ids]
    return SearchResult(
        hits=[_hit(load_record(row.record, row.source), row.reference_id, query) for row in hits],
        total=total,
    )


def _gated(
    connection: Connection, gate: Gate, query: TextQuery, ranked: list[int], limit: int
) -> SearchResult:
    """Every match read as the reader may see it: a cable is a hit only if a visible portion,
    or its visible subject and TAGS, hold the query; the total counts those alone."""
    hits: list[Hit] = []
    total = 0
    for part in chunks(ranked):
        rows = _records(connection, part)
        for cable_id in part:
            row = rows[cable_id]
            probe = Gate(gate.reader, gate.overall)  # judges without counting as shown
            whole = load_record(row.record, row.source)
            visible = probe.cable(whole)
            gate.refused |= probe.refused
            if visible is None or not _holds(visible, query):
                continue
            total += 1
            if len(hits) >= limit:
                continue
            allowed = {
                (p.paragraph, p.portion)
                for p in portions(whole)
                if (row.reference_id, p.paragraph, p.portion) not in probe.refused
            }
            hit = _hit(whole, row.reference_id, query, allowed)
            if visible.subject is None:
                hit = hit.model_copy(update={"subject": None, "created": None, "origin": None})
            # The shown portion, or the header (-1) when only the subject or TAGS matched.
            shown = -1 if hit.portion is None else hit.portion
            gate.sees(row.reference_id, hit.paragraph, shown, hit.marking)
            hits.append(hit)
    return SearchResult(hits=hits, total=total)


def _records(connection: Connection, ids: Sequence[int]) -> dict[int, Any]:
    """The stored records (and reference, source) of the cables ``ids``, by cable id."""
    return {
        row.cable_id: row
        for row in connection.execute(
            select(
                cable_records.c.cable_id,
                cable_records.c.record,
                cables.c.reference_id,
                cables.c.source,
            )
            .join(cables, cables.c.id == cable_records.c.cable_id)
            .where(cable_records.c.cable_id.in_(ids))
        )
    }


def _holds(cable: Cable, query: TextQuery) -> bool:
    """Whether what the reader may see of the cable (its visible portions, and its subject and
    TAGS when its overall marking is visible) holds every term, as the index does for all of it."""
    parts = [cable.subject or "", *(tag.tag for tag in cable.tags)]
    parts += [paragraph.text for paragraph in cable.paragraphs]
    text = index_text(" ".join(parts))
    return all(term.found_in(text) for term in query.terms)


def _hit(
    cable: Cable, key: str, query: TextQuery, allowed: set[tuple[str | None, int]] | None = None
) -> Hit:
    best = best_portion(cable, query, allowed)
    portion = best.portion
    if portion is not None:
        marking = portion.marking
    else:
        marking = Marking(level=cable.classification) if cable.classification else None
    return Hit(
        reference_id=key,
        created=cable.created,
        subject=cable.subject,
        paragraph=portion.paragraph if portion else None,
        portion=portion.portion if portion else None,
        marking=marking,
        snippet=best.snippet,
        origin=cable.origin,
        classification=cable.classification,
    )
