"""Health and readiness: public, as in yente, so that load balancers need no key."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from sqlalchemy import text

from interdict.service.examples import answered
from interdict.service.responses import Health
from interdict.service.state import ServiceState
from interdict.store.errors import StoreError

router = APIRouter(tags=["System information"])


@router.get(
    "/healthz", summary="The service is up", response_model=Health, responses=answered("health")
)
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="The service can answer: the store opens",
    response_model=Health,
    responses={**answered("health"), 503: {"model": Health}},
)
def readyz(request: Request, response: Response) -> dict[str, str]:
    state: ServiceState = request.app.state.interdict
    try:
        with state.store().read() as connection:
            connection.execute(text("SELECT 1"))
    except StoreError:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
        return {"status": "unavailable"}
    return {"status": "ok"}
