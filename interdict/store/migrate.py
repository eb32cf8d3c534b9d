"""Schema revisions: what a store is at, what this Interdict needs, and the upgrade between.

Migrations ship inside the package (``interdict/store/migrations``) and run
on a connection Interdict opened itself, so ``interdict db upgrade`` needs
no ``alembic.ini`` and works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The revision this version of Interdict reads and writes."""
    revision = _scripts().get_current_head()
    if revision is None:  # only a broken installation has no migrations
        raise RuntimeError(f"no migrations found in {MIGRATIONS}")
    return revision


def known(revision: str) -> bool:
    """Whether ``revision`` is one this Interdict has a migration for (older or current)."""
    return any(script.revision == revision for script in _scripts().walk_revisions())


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the store to ``head`` in one transaction; the revisions before and after."""
    with engine.begin() as connection:
        before = current(connection)
        command.upgrade(_config(connection), "head")
    return before, head()
