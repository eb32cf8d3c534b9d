"""Which database the store lives in: ``--db``, else ``INTERDICT_DB``, else SQLite in the home.

The URL is checked here, before anything connects, so that a typo in an
environment variable is reported as such rather than as a driver traceback,
and so that nothing is created on the strength of a URL that was not meant.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from interdict.store.errors import StoreError

ENV = "INTERDICT_DB"
FILE = "interdict.sqlite"
# Backends the schema and the full-text search are written for, with the driver each uses.
_DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}


def store_url(explicit: str | None, home: Path) -> URL:
    """The URL to open, from the option, the environment, or the default file under ``home``."""
    if explicit:
        return parse_url(explicit, "--db")
    configured = os.environ.get(ENV)
    if configured:
        return parse_url(configured, ENV)
    return make_url(f"sqlite:///{home / FILE}")


def parse_url(text: str, origin: str) -> URL:
    try:
        url = make_url(text)
    except ArgumentError:
        raise StoreError(
            f"{origin}: {text!r} is not a database URL; use e.g. "
            "sqlite:////path/to/interdict.sqlite or postgresql+psycopg://host/interdict"
        ) from None
    backend = url.get_backend_name()
    if backend not in _DRIVERS:
        raise StoreError(f"{origin}: unsupported database {backend!r}; use sqlite or postgresql")
    driver = url.get_driver_name()
    if backend == "postgresql" and driver not in ("psycopg", "postgresql"):
        raise StoreError(f"{origin}: use the psycopg driver (postgresql+psycopg://...)")
    if backend == "sqlite" and not url.database:
        raise StoreError(f"{origin}: a SQLite store needs a file path, not an in-memory database")
    return url.set(drivername=_DRIVERS[backend])


def describe(url: URL) -> str:
    """The URL as it may be shown: never with its password."""
    return url.render_as_string(hide_password=True)
