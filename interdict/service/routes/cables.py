"""``GET /cables`` and ``GET /cables/{ref}``: the archive, as the key's user may see it."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status

from interdict.access.commands import audit_reads
from interdict.cables.archive.query import QueryError, parse_query
from interdict.cables.archive.read import stored_cable
from interdict.cables.archive.search import Filters, search
from interdict.model.markings import LEVEL_WORDS
from interdict.service.auth import Caller, caller
from interdict.service.envelope import envelope
from interdict.service.errors import unprocessable
from interdict.service.examples import answered
from interdict.service.responses import CableSearchServed, CableServed

router = APIRouter(tags=["Cables"])


@router.get(
    "/cables",
    summary="Full-text search of the stored cables",
    response_model=None,
    responses=answered("cables_search", CableSearchServed),
)
def search_cables(
    who: Annotated[Caller, Depends(caller)],
    q: Annotated[str, Query(min_length=1, description='words, "phrases" and prefix* terms')],
    tag: Annotated[list[str] | None, Query()] = None,
    origin: str | None = None,
    date_from: Annotated[date | None, Query(alias="from")] = None,
    date_to: Annotated[date | None, Query(alias="to")] = None,
    classification: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> dict[str, Any]:
    level = LEVEL_WORDS.get(classification.strip().upper()) if classification else None
    if classification and level is None:
        raise unprocessable("classification", f"unknown level {classification!r}", "query")
    if date_from and date_to and date_from > date_to:
        raise unprocessable("from", "the date is after 'to'", "query")
    try:
        parsed = parse_query(q)
    except QueryError as error:
        raise unprocessable("q", str(error), "query") from error
    filters = Filters(tuple(tag or ()), origin, date_from, date_to, level)
    result = search(who.store, parsed, filters, limit)
    audit_reads(who.store, "GET /cables")
    return envelope(who, result.model_dump(mode="json"))


@router.get(
    "/cables/{ref}",
    summary="One stored cable, its visible portions only",
    response_model=None,
    responses=answered("cable", CableServed),
)
def get_cable(who: Annotated[Caller, Depends(caller)], ref: str) -> dict[str, Any]:
    cable = stored_cable(who.store, ref)
    audit_reads(who.store, "GET /cables/{ref}")
    if cable is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such cable")
    # ``source`` is the file the cable was ingested from, on the server: not the reader's business.
    shown = cable.model_copy(update={"source": None})
    return envelope(who, shown.model_dump(mode="json", by_alias=True))
