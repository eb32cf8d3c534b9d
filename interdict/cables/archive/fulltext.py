"""The full-text index, per backend: FTS5 on SQLite, a weighted tsvector on PostgreSQL.

Only this module knows the two differ.  Both index the same words (see
``words``), weigh the subject above the TAGS above the body, and answer the
same queries (see ``query``); the rank is each engine's own (bm25 for FTS5,
``ts_rank`` for PostgreSQL, which costs a third of ``ts_rank_cd`` on a query
that matches tens of thousands of cables), so only the order of hits may differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, FromClause, bindparam, column, func, literal_column, text
from sqlalchemy import table as table_clause
from sqlalchemy.engine import Connection

from interdict.cables.archive.query import TextQuery
from interdict.cables.archive.rows import CableRow
from interdict.store.schema import cables

_FTS = table_clause("cable_fts", column("rowid"))
# FTS5's bm25 takes a weight per column in declaration order (subject, tags, body);
# lower is better.
_BM25: ColumnElement[Any] = literal_column("bm25(cable_fts, 5.0, 3.0, 1.0)")
_SEARCH: ColumnElement[Any] = literal_column("cables.search")
_TSVECTOR = (
    "setweight(to_tsvector('simple', :subject), 'A') || "
    "setweight(to_tsvector('simple', :tags), 'B') || to_tsvector('simple', :body)"
)


@dataclass(frozen=True, slots=True)
class Match:
    """How to ask a backend for ``query``.

    ``joined`` is the index with the cables table, for searches with filters;
    ``alone`` is the least a search without filters must read (on SQLite the
    FTS5 table by itself), with ``cable_id`` its column of cable ids.
    """

    joined: FromClause
    alone: FromClause
    cable_id: ColumnElement[int]
    where: ColumnElement[bool]
    rank: ColumnElement[Any]  # ascending: best first


def add(connection: Connection, written: Sequence[tuple[int, CableRow]]) -> None:
    params = [
        {
            "id": cable_id,
            "subject": row.search_subject,
            "tags": row.search_tags,
            "body": row.search_body,
        }
        for cable_id, row in written
    ]
    if not params:
        return
    if connection.dialect.name == "sqlite":
        statement = (
            "INSERT INTO cable_fts (rowid, subject, tags, body) "
            "VALUES (:id, :subject, :tags, :body)"
        )
    else:
        statement = f"UPDATE cables SET search = {_TSVECTOR} WHERE id = :id"
    connection.execute(text(statement), params)


def remove(connection: Connection, cable_ids: Sequence[int]) -> None:
    """FTS5 rows are deleted by rowid; on PostgreSQL the vector goes with its row."""
    if cable_ids and connection.dialect.name == "sqlite":
        connection.execute(
            text("DELETE FROM cable_fts WHERE rowid IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": list(cable_ids)},
        )


def match(connection: Connection, query: TextQuery) -> Match:
    if connection.dialect.name == "sqlite":
        return Match(
            joined=cables.join(_FTS, _FTS.c.rowid == cables.c.id),
            alone=_FTS,
            cable_id=_FTS.c.rowid,
            where=literal_column("cable_fts").op("MATCH")(query.fts5()),
            rank=_BM25,
        )
    tsquery = func.to_tsquery("simple", query.tsquery())
    return Match(
        joined=cables,
        alone=cables,
        cable_id=cables.c.id,
        where=_SEARCH.op("@@")(tsquery),
        rank=-func.ts_rank(_SEARCH, tsquery),
    )
