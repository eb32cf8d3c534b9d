"""Alembic environment: migrations run on the connection Interdict hands over.

Interdict never reads an ``alembic.ini``: the URL comes from ``--db`` or
``INTERDICT_DB`` like every other command, and ``interdict db upgrade``
passes an open connection in ``config.attributes``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from interdict.store.schema import metadata

connection: Connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
