"""Who is calling: the API key in ``Authorization``, read as a user of the store.

Two header forms are accepted: ``Bearer KEY`` and ``ApiKey KEY``, the one
OpenSanctions clients send to the hosted API.  A missing, malformed,
expired, revoked or unknown key gets the same 401, so the answer never
tells which part was wrong.  There is no anonymous reader and no local
operator here: every request reads as the key's user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader

from interdict.access.keys import InvalidKeyError, reader_for_key
from interdict.access.readers import Reader
from interdict.access.session import for_reader
from interdict.access.users import UserError
from interdict.service.state import ServiceState
from interdict.store.engine import Store

_SCHEMES = ("bearer", "apikey")


@dataclass(frozen=True)
class Caller:
    reader: Reader
    key_id: str
    store: Store  # opened for this reader: every read passes the reader's gate


_SCHEME = APIKeyHeader(
    name="Authorization",
    auto_error=False,
    description="'Bearer KEY' or 'ApiKey KEY': a key from 'interdict users token NAME'",
)


def caller(request: Request, _: Annotated[str | None, Security(_SCHEME)] = None) -> Caller:
    """The FastAPI dependency every protected endpoint takes (documented as the API's security
    scheme, so the API docs page can send a key)."""
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() not in _SCHEMES or not key.strip():
        raise _unauthorised()
    found = caller_for_key(request.app.state.interdict, key.strip())
    if found is None:
        raise _unauthorised()
    return found


def caller_for_key(state: ServiceState, key: str) -> Caller | None:
    """The caller a key opens the service for, or None (the web pages' cookie holds the key)."""
    try:
        with state.store().read() as connection:
            reader, key_id = reader_for_key(connection, key, state.verified)
    except (InvalidKeyError, UserError):
        return None
    return Caller(reader, key_id, for_reader(state.store(), reader))


def require_role(who: Caller, role: str) -> None:
    if not who.reader.can(role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role} role")


def _unauthorised() -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED,
        "a valid API key is required: Authorization: Bearer KEY (or ApiKey KEY)",
        headers={"WWW-Authenticate": 'Bearer realm="interdict"'},
    )
