"""The audit trail: an append-only log in which each record holds the hash of the one before.

Changing, removing or re-ordering any record breaks the chain from that
point, so ``interdict audit verify`` can name the first record that no
longer fits.  The hash covers every column of the record and the previous
hash, serialised canonically (sorted keys, no spaces), so the same record
hashes the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import select, text
from sqlalchemy.engine import Connection

from interdict.store.schema import audit_log

GENESIS = "0" * 64


def operator() -> str:
    """Who is acting: the operating-system user until Interdict has users of its own."""
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry in some containers
        return "os:unknown"


@dataclass(frozen=True)
class Record:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str
    prev_hash: str
    hash: str


def digest(seq: int, at: str, actor: str, action: str, subject: str, detail: str, prev: str) -> str:
    body = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "subject": subject,
        "detail": detail,
        "prev_hash": prev,
    }
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def append(
    connection: Connection, actor: str, action: str, subject: str, detail: dict[str, Any]
) -> Record:
    """Add one record in the caller's transaction, so that it lands with the change it records.

    On PostgreSQL the table is locked against other appenders (readers go on)
    for the rest of the transaction, so two writers take turns instead of both
    chaining onto one record; SQLite lets one writer in at a time by itself,
    and a writer that started from a stale view fails and is tried again.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
    last = connection.execute(
        select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    seq = 1 if last is None else int(last.seq) + 1
    prev = GENESIS if last is None else str(last.hash)
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    body = orjson.dumps(detail, option=orjson.OPT_SORT_KEYS).decode()
    record = Record(seq, at, actor, action, subject, body, prev, "")
    record = Record(**{**record.__dict__, "hash": _hash(record)})
    connection.execute(audit_log.insert().values(**record.__dict__))
    return record


def _hash(record: Record) -> str:
    return digest(
        record.seq,
        record.at,
        record.actor,
        record.action,
        record.subject,
        record.detail,
        record.prev_hash,
    )


@dataclass(frozen=True)
class Verdict:
    records: int
    broken: Record | None
    reason: str | None


def verify(connection: Connection) -> Verdict:
    """Walk the chain in order; the first record whose hash or link does not hold, and why."""
    prev = GENESIS
    expected = 1
    count = 0
    rows = connection.execute(select(audit_log).order_by(audit_log.c.seq)).mappings()
    for row in rows:
        record = Record(**dict(row))
        count += 1
        if record.seq != expected:
            return Verdict(count, record, f"sequence jumps from {expected - 1} to {record.seq}")
        if record.prev_hash != prev:
            return Verdict(count, record, "does not chain to the record before it")
        if _hash(record) != record.hash:
            return Verdict(count, record, "its content does not match its hash")
        prev = record.hash
        expected += 1
    return Verdict(count, None, None)


def records(connection: Connection, actor: str | None, since: date | None) -> list[Record]:
    """The records, oldest first, of one actor and from one day on when asked."""
    query = select(audit_log).order_by(audit_log.c.seq)
    if actor is not None:
        query = query.where(audit_log.c.actor == actor)
    if since is not None:
        query = query.where(audit_log.c.at >= since.isoformat())
    return [Record(**dict(row)) for row in connection.execute(query).mappings()]
