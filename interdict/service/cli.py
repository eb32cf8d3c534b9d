"""``interdict serve``: the HTTP service on uvicorn, over the same store as the command line."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes (one per core is usual).")
    ] = 1,
) -> None:
    """Serve the API (yente-compatible /match and Interdict's own endpoints) and the workbench.

    The store is the one the command line uses: INTERDICT_DB, else SQLite in the data home."""
    uvicorn.run(
        "interdict.service.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
    )
