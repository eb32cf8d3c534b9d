"""The HTTP service: one FastAPI app over the same store and lists as the command line.

Configuration comes from the environment (``INTERDICT_HOME``, ``INTERDICT_DB``)
so that ``uvicorn`` can build one app per worker process from the factory.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from interdict.parties.store.home import data_home
from interdict.service.examples import filled
from interdict.service.routes import cables, cases, controls, intel, matching, system
from interdict.service.state import ServiceState
from interdict.service.web import pages


def create_app(home: Path | None = None, db: str | None = None) -> FastAPI:
    app = FastAPI(
        title="Interdict",
        summary="Counter-proliferation and export-control screening, intelligence and licensing.",
        version="0.1.0",
    )
    app.state.interdict = ServiceState(home or data_home(), db or os.environ.get("INTERDICT_DB"))
    app.include_router(system.router)
    app.include_router(matching.router)
    app.include_router(cables.router)
    app.include_router(intel.router)
    app.include_router(controls.router)
    app.include_router(cases.router)
    app.include_router(pages.router)
    app.add_api_route("/", lambda: RedirectResponse("/ui/screen"), include_in_schema=False)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = filled(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
