"""``POST /classify`` and ``POST /determine``: the control lists and licence rules, for an item."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends
from pydantic import BaseModel, Field

from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.entries import JURISDICTIONS
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import classify_output
from interdict.controls.requests import RequestError, determine_item, jurisdictions, make_request
from interdict.service.auth import Caller, caller
from interdict.service.envelope import envelope
from interdict.service.errors import unprocessable
from interdict.service.examples import answered, asked
from interdict.service.responses import ClassifyServed, DetermineServed

router = APIRouter(tags=["Control lists"])


class DetermineRequest(BaseModel):
    item: dict[str, Any] = Field(description="the item, as an item file holds it")
    destination: str
    final_destination: str | None = None
    end_use: list[str] = []
    end_user: list[str] = []
    transaction: str = "sale"
    jurisdiction: list[str] = []


@router.post(
    "/classify",
    summary="Classify an item",
    response_model=None,
    responses=answered("classify", ClassifyServed),
)
def post_classify(
    who: Annotated[Caller, Depends(caller)],
    item: Annotated[
        dict[str, Any],
        Body(
            description="the item, as an item file holds it",
            openapi_examples=asked("classify", "The FS-1 milling machine of 09STATE29395"),
        ),
    ],
    jurisdiction: str = "EU",
) -> dict[str, Any]:
    controls, _ = bundled()
    if jurisdiction not in JURISDICTIONS:
        raise unprocessable("jurisdiction", f"use one of {', '.join(JURISDICTIONS)}", "query")
    try:
        loaded = read_item(item, controls.vocabulary, "item")
    except ItemError as error:
        raise unprocessable(f"item.{error.field}", f"item.{error.field}: {error.reason}") from error
    output = classify_output(classify(loaded, controls, jurisdiction), controls)
    return envelope(who, output.model_dump(mode="json"))


@router.post(
    "/determine",
    summary="Decide the licence requirement",
    response_model=None,
    responses=answered("determine", DetermineServed),
)
def post_determine(
    who: Annotated[Caller, Depends(caller)],
    body: Annotated[
        DetermineRequest,
        Body(openapi_examples=asked("determine", "The FS-1 to Turkey, bound for Iran")),
    ],
) -> dict[str, Any]:
    controls, books = bundled()
    try:
        loaded = read_item(body.item, controls.vocabulary, "item")
        request = make_request(
            body.destination, body.final_destination, body.end_use, body.end_user, body.transaction
        )
        chosen = jurisdictions(body.jurisdiction)
    except ItemError as error:
        raise unprocessable(f"item.{error.field}", f"item.{error.field}: {error.reason}") from error
    except RequestError as error:
        raise unprocessable(str(error).split(":")[0], str(error)) from error
    output = determine_item(loaded, controls, books, request, chosen)
    return envelope(who, output.model_dump(mode="json"))
