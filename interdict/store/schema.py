"""The store's tables, as SQLAlchemy Core metadata.

Core rather than the ORM: ingest writes hundreds of thousands of rows in
bulk and reads them back as plain tuples, and nothing here needs identity
maps.  Facts are stored as the JSON of their output records (orjson text):
what ``intel extract`` prints is exactly what ``intel show`` reads back.
The full-text index is not declared here because it differs by backend (an
FTS5 table on SQLite, a ``tsvector`` column on PostgreSQL); the migration
creates it and ``interdict.cables.archive.fulltext`` queries it.
``tests/store`` checks that a migrated store matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)

metadata = MetaData()

cables = Table(
    "cables",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference_id", String(80), nullable=False, unique=True),
    Column("created", DateTime, nullable=True, index=True),
    Column("origin", Text, nullable=True),
    Column("station", String(16), nullable=True),
    Column("from_address", Text, nullable=True),
    # Origin, FM address and DE station as normalised words between spaces, so that
    # ``--origin madrid`` is one LIKE that behaves the same on both backends.
    Column("place", Text, nullable=False),
    Column("classification", String(8), nullable=True),
    Column("level", SmallInteger, nullable=True, index=True),
    Column("subject", Text, nullable=True),
    Column("form", String(8), nullable=True),
    Column("source", Text, nullable=True),
    Column("digest", String(40), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    # Version of the extractor whose facts are stored for this cable; null: not extracted.
    Column("extracted_with", Integer, nullable=True),
)

# The parsed record, apart from the columns searches filter on: a filtered search reads
# every matching row of ``cables``, and these blobs would make each read many pages.
cable_records = Table(
    "cable_records",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("record", LargeBinary, nullable=False),  # the Cable record's JSON, zlib-compressed
)

cable_tags = Table(
    "cable_tags",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("tag", String(40), primary_key=True),
    Index("cable_tags_tag", "tag"),
)

intel_parties = Table(
    "intel_parties",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("party_id", String(40), primary_key=True),
    Column("schema", String(16), nullable=False),
    Column("name", Text, nullable=False),
    Column("data", Text, nullable=False),
    Index("intel_parties_party", "party_id"),
)

intel_links = Table(
    "intel_links",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("link_id", String(40), primary_key=True),
    Column("subject", String(40), nullable=False),
    Column("role", String(24), nullable=False),
    Column("object", String(40), nullable=False),
    Column("data", Text, nullable=False),
    Index("intel_links_subject", "subject"),
    Index("intel_links_object", "object"),
)

intel_items = Table(
    "intel_items",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("item_id", String(40), primary_key=True),
    Column("manufacturer", String(40), nullable=True, index=True),
    Column("data", Text, nullable=False),
)

# Evidence that two party ids name one entity (an acronym, a spelling variant).
intel_same = Table(
    "intel_same",
    metadata,
    Column("a", String(40), primary_key=True),
    Column("b", String(40), primary_key=True),
    Column("method", String(16), nullable=False),
    Column("score", Float, nullable=False),
    Column("detail", Text, nullable=False),
)

# A party id resolved to an entity of a loaded list, with the score that decided it.
intel_listed = Table(
    "intel_listed",
    metadata,
    Column("party_id", String(40), primary_key=True),
    Column("dataset", String(64), primary_key=True),
    Column("entity_id", String(200), primary_key=True),
    Column("caption", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("detail", Text, nullable=False),
)

# Resolution as last computed: each party id and the entity (cluster) it belongs to.
intel_members = Table(
    "intel_members",
    metadata,
    Column("party_id", String(40), primary_key=True),
    Column("entity_id", String(40), nullable=False, index=True),
)

# The list versions the knowledge base was last resolved against.
list_versions = Table(
    "list_versions",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version", String(64), nullable=False),
    Column("loaded_at", String(32), nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("entities", Integer, nullable=False),
)

# Counters and markers: the knowledge-base generation, bumped by every change of facts.
store_state = Table(
    "store_state",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("number", BigInteger, nullable=False),
)

# Licence denials reported by cables, stored per cable like the other facts.
intel_denials = Table(
    "intel_denials",
    metadata,
    Column("cable_id", Integer, ForeignKey("cables.id"), primary_key=True),
    Column("denial_id", String(40), primary_key=True),
    Column("data", Text, nullable=False),
)

# Denials entered by hand or imported from a file, each with its own marking.
denials = Table(
    "denials",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("authority", String(2), nullable=False),
    Column("denied_on", String(10), nullable=False),
    Column("data", Text, nullable=False),
    Column("origin", Text, nullable=False),
    Column("added_by", Text, nullable=False),
    Column("added_at", DateTime, nullable=False),
)

cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(80), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", Text, nullable=False),
)

# Every assessment of a case, never overwritten: re-assessing adds the next version.
case_versions = Table(
    "case_versions",
    metadata,
    Column("case_id", Integer, ForeignKey("cases.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("assessed_at", DateTime, nullable=False),
    Column("assessed_by", Text, nullable=False),
    Column("outcome", String(24), nullable=False),
    Column("recommendation", String(8), nullable=False),
    Column("case_file", Text, nullable=False),
    Column("assessment", Text, nullable=False),
)

case_decisions = Table(
    "case_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("decision", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False),
)

# Append-only, hash-chained record of every change a user makes (see interdict.audit).
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# The users of the store, each with one clearance, one country and roles (space-separated).
users = Table(
    "users",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("clearance", String(2), nullable=False),
    Column("country", String(2), nullable=False),
    Column("roles", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# API keys: the key carries its id, so a request is checked against one hash (argon2).
api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(24), primary_key=True),
    Column(
        "user_name",
        String(80),
        ForeignKey("users.name", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("hash", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("revoked_at", DateTime, nullable=True),
)
