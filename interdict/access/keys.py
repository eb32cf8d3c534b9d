"""API keys: issued once, stored as an argon2 hash, checked with one hash per request.

A key reads ``idk_<id>_<secret>``: the id finds the one row to check, so a
request never tries every stored hash, and the secret is never stored.  A
key expires (90 days unless asked otherwise) and can be revoked by its id.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from threading import Lock

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from interdict.access.readers import Reader
from interdict.access.users import UserError, find_user
from interdict.audit.trail import append
from interdict.store.schema import api_keys

PREFIX = "idk"
DEFAULT_DAYS = 90
_hasher = PasswordHasher()


class InvalidKeyError(PermissionError):
    """A key that does not open the service: the message never says which part failed."""


@dataclass(frozen=True)
class KeyInfo:
    id: str
    user: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None


def issue(connection: Connection, user: str, days: int, actor: str) -> tuple[str, KeyInfo]:
    """A new key for ``user``: the key itself (shown once) and what is stored of it."""
    find_user(connection, user, "NAME")
    if days < 1:
        raise UserError("--expires: give a number of days, 1 or more")
    key_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    now = _now()
    info = KeyInfo(key_id, user, now, now + timedelta(days=days), None)
    connection.execute(
        api_keys.insert().values(
            id=key_id,
            user_name=user,
            hash=_hasher.hash(secret),
            created_at=info.created_at,
            expires_at=info.expires_at,
        )
    )
    append(connection, actor, "keys.issue", user, {"key": key_id, "days": days})
    return f"{PREFIX}_{key_id}_{secret}", info


def revoke(connection: Connection, key_id: str, actor: str) -> None:
    done = connection.execute(
        update(api_keys)
        .where(api_keys.c.id == key_id, api_keys.c.revoked_at.is_(None))
        .values(revoked_at=_now())
    ).rowcount
    if not done:
        raise UserError(f"TOKEN-ID: no active key {key_id!r}")
    append(connection, actor, "keys.revoke", key_id, {})


def keys_of(connection: Connection, user: str) -> list[KeyInfo]:
    find_user(connection, user, "NAME")
    rows = connection.execute(
        select(api_keys).where(api_keys.c.user_name == user).order_by(api_keys.c.created_at)
    ).mappings()
    return [
        KeyInfo(r["id"], r["user_name"], r["created_at"], r["expires_at"], r["revoked_at"])
        for r in rows
    ]


class Verified:
    """Keys whose argon2 check passed lately, remembered by a fast hash for ``ttl`` seconds.

    Argon2 is slow on purpose (about 0.1 s a check here), which a service
    answering many requests per key cannot pay each time.  A key seen lately
    is compared by SHA-256 instead; revocation and expiry are still read
    from the store on every request, so revoking a key takes effect at once.
    """

    def __init__(self, ttl: float = 300.0) -> None:
        self.ttl = ttl
        self._seen: dict[str, tuple[str, float]] = {}
        self._lock = Lock()

    def knows(self, key_id: str, secret: str) -> bool:
        with self._lock:
            found = self._seen.get(key_id)
        if found is None or found[1] < time.monotonic():
            return False
        return hmac.compare_digest(found[0], _digest(secret))

    def remember(self, key_id: str, secret: str) -> None:
        with self._lock:
            self._seen[key_id] = (_digest(secret), time.monotonic() + self.ttl)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def reader_for_key(
    connection: Connection, key: str, verified: Verified | None = None
) -> tuple[Reader, str]:
    """The user a key belongs to, and its id; InvalidKeyError for any key that does not open."""
    prefix, _, rest = key.strip().partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != PREFIX or not key_id or not secret:
        raise InvalidKeyError("invalid API key")
    row = connection.execute(select(api_keys).where(api_keys.c.id == key_id)).mappings().first()
    if row is None or row["revoked_at"] is not None or row["expires_at"] <= _now():
        raise InvalidKeyError("invalid API key")
    if verified is None or not verified.knows(key_id, secret):
        try:
            _hasher.verify(row["hash"], secret)
        except (VerificationError, InvalidHashError) as error:
            raise InvalidKeyError("invalid API key") from error
        if verified is not None:
            verified.remember(key_id, secret)
    return find_user(connection, row["user_name"]), key_id


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)
