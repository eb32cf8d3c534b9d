"""``/intel/entities/{id}`` and its graph: a knowledge-base entity as the key's user may see it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status

from interdict.access.commands import audit_reads
from interdict.intel.kb.chain import LinkGraph
from interdict.intel.kb.graph import draw, neighbourhood
from interdict.intel.kb.report import find_entity
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.service.auth import Caller, caller
from interdict.service.envelope import envelope
from interdict.service.errors import unprocessable
from interdict.service.examples import answered
from interdict.service.responses import EntityServed
from interdict.service.state import ServiceState
from interdict.store.errors import StoreError

router = APIRouter(tags=["Intelligence"])
_MISSING = "no such entity"


def _opened(request: Request, who: Caller) -> KnowledgeScreener:
    state: ServiceState = request.app.state.interdict
    try:
        screener = state.screener(who.reader)
    except StoreError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING) from error
    if screener.store is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING)
    return screener


@router.get(
    "/intel/entities/{entity_id}",
    summary="A knowledge-base entity with its sources",
    response_model=None,
    responses=answered("intel_entity", EntityServed),
)
def get_entity(
    request: Request, who: Annotated[Caller, Depends(caller)], entity_id: str
) -> dict[str, Any]:
    screener = _opened(request, who)
    assert screener.store is not None
    report = screener.report(entity_id)
    audit_reads(screener.store, "GET /intel/entities/{id}")
    if report is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING)
    payload = report.model_dump(mode="json", by_alias=True)
    return envelope(who, payload, screener.store)


@router.get(
    "/intel/entities/{entity_id}/graph",
    summary="The entity's link graph as an SVG picture, with its banner",
    response_class=Response,
    responses={200: {"content": {"image/svg+xml": {}}}},
)
def get_graph(
    request: Request, who: Annotated[Caller, Depends(caller)], entity_id: str, depth: int = 2
) -> Response:
    if not 1 <= depth <= 4:
        raise unprocessable("depth", "give 1 to 4", "query")
    screener = _opened(request, who)
    assert screener.store is not None
    with screener.store.read() as connection:
        found = find_entity(connection, screener.index, entity_id)
        if found is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING)
        graph = LinkGraph(connection, screener.lists.datasets)
        around = neighbourhood(connection, graph, found, depth)
    audit_reads(screener.store, "GET /intel/entities/{id}/graph")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "graph.svg"
        draw(around, target, screener.store.gate.banner.text())
        return Response(target.read_bytes(), media_type="image/svg+xml")
