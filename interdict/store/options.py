"""The ``--db`` option every command that reads or writes the store takes."""

from __future__ import annotations

from typing import Annotated

import typer

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (default: INTERDICT_DB, else SQLite in the data home), e.g. "
        "postgresql+psycopg://localhost/interdict.",
        show_default=False,
    ),
]
