"""The store: cables, intelligence and their bookkeeping, through SQLAlchemy.

SQLite under ``$INTERDICT_HOME`` by default, PostgreSQL when ``INTERDICT_DB``
or ``--db`` names one; alembic migrations bring either to the current schema.
"""
