"""Cables archive with full-text search, and the intelligence knowledge base.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_ID = sa.String(40)


def upgrade() -> None:
    op.create_table(
        "cables",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reference_id", sa.String(80), nullable=False, unique=True),
        sa.Column("created", sa.DateTime, nullable=True),
        sa.Column("origin", sa.Text, nullable=True),
        sa.Column("station", sa.String(16), nullable=True),
        sa.Column("from_address", sa.Text, nullable=True),
        sa.Column("place", sa.Text, nullable=False),
        sa.Column("classification", sa.String(8), nullable=True),
        sa.Column("level", sa.SmallInteger, nullable=True),
        sa.Column("subject", sa.Text, nullable=True),
        sa.Column("form", sa.String(8), nullable=True),
        sa.Column("source", sa.Text, nullable=True),
        sa.Column("digest", sa.String(40), nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("extracted_with", sa.Integer, nullable=True),
    )
    op.create_index("ix_cables_created", "cables", ["created"])
    op.create_index("ix_cables_level", "cables", ["level"])
    op.create_table(
        "cable_records",
        sa.Column("cable_id", sa.Integer, sa.ForeignKey("cables.id"), primary_key=True),
        sa.Column("record", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "cable_tags",
        sa.Column("cable_id", sa.Integer, sa.ForeignKey("cables.id"), primary_key=True),
        sa.Column("tag", sa.String(40), primary_key=True),
    )
    op.create_index("cable_tags_tag", "cable_tags", ["tag"])
    _create_fulltext()
    _create_intelligence()
    op.create_table(
        "list_versions",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("loaded_at", sa.String(32), nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("entities", sa.Integer, nullable=False),
    )
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("number", sa.BigInteger, nullable=False),
    )


def _create_fulltext() -> None:
    """FTS5 on SQLite, a weighted tsvector with a GIN index on PostgreSQL.

    Both index text that Interdict has already reduced to lower-case ASCII
    words, with no stemming and no stop words (FTS5's unicode61 tokenizer, and
    PostgreSQL's 'simple' configuration), so a word query finds the same
    cables on either backend.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE cable_fts USING fts5("
            "subject, tags, body, tokenize = 'unicode61 remove_diacritics 0')"
        )
    else:
        op.execute("ALTER TABLE cables ADD COLUMN search tsvector")
        op.execute("CREATE INDEX cables_search ON cables USING gin (search)")


def _cable() -> sa.Column[int]:
    return sa.Column("cable_id", sa.Integer, sa.ForeignKey("cables.id"), primary_key=True)


def _create_intelligence() -> None:
    op.create_table(
        "intel_parties",
        _cable(),
        sa.Column("party_id", _ID, primary_key=True),
        sa.Column("schema", sa.String(16), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("intel_parties_party", "intel_parties", ["party_id"])
    op.create_table(
        "intel_links",
        _cable(),
        sa.Column("link_id", _ID, primary_key=True),
        sa.Column("subject", _ID, nullable=False),
        sa.Column("role", sa.String(24), nullable=False),
        sa.Column("object", _ID, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("intel_links_subject", "intel_links", ["subject"])
    op.create_index("intel_links_object", "intel_links", ["object"])
    op.create_table(
        "intel_items",
        _cable(),
        sa.Column("item_id", _ID, primary_key=True),
        sa.Column("manufacturer", _ID, nullable=True),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_intel_items_manufacturer", "intel_items", ["manufacturer"])
    op.create_table(
        "intel_same",
        sa.Column("a", _ID, primary_key=True),
        sa.Column("b", _ID, primary_key=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "intel_listed",
        sa.Column("party_id", _ID, primary_key=True),
        sa.Column("dataset", sa.String(64), primary_key=True),
        sa.Column("entity_id", sa.String(200), primary_key=True),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_table(
        "intel_members",
        sa.Column("party_id", _ID, primary_key=True),
        sa.Column("entity_id", _ID, nullable=False),
    )
    op.create_index("ix_intel_members_entity_id", "intel_members", ["entity_id"])


def downgrade() -> None:
    for table in (
        "intel_members",
        "intel_listed",
        "intel_same",
        "intel_items",
        "intel_links",
        "intel_parties",
        "store_state",
        "list_versions",
        "cable_tags",
        "cable_records",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE cable_fts")
    op.drop_table("cables")
