"""``POST /classify`` and ``POST /determine``: the control lists and licence rules, for an item."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends
from pydantic import BaseModel, Field

from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.entries import JURISDICTIONS
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import ClassifyOutput, DetermineOutput, classify_output
from interdict.controls.requests import RequestError, determine_item, jurisdictions, make_request
from interdict.service.auth import Caller, caller
from interdict.service.errors import unprocessable

router = APIRouter(tags=["Control lists"])


class DetermineRequest(BaseModel):
    item: dict[str, Any] = Field(description="the item, as an item file holds it")
    destination: str
    final_destination: str | None = None
    end_use: list[str] = []
    end_user: list[str] = []
    transaction: str = "sale"
    jurisdiction: list[str] = []


@router.post("/classify", response_model=ClassifyOutput, summary="Classify an item")
def post_classify(
    who: Annotated[Caller, Depends(caller)],
    item: Annotated[dict[str, Any], Body(description="the item, as an item file holds it")],
    jurisdiction: str = "EU",
) -> ClassifyOutput:
    controls, _ = bundled()
    if jurisdiction not in JURISDICTIONS:
        raise unprocessable("jurisdiction", f"use one of {', '.join(JURISDICTIONS)}", "query")
    try:
        loaded = read_item(item, controls.vocabulary, "item")
    except ItemError as error:
        raise unprocessable(f"item.{error.field}", f"item.{error.field}: {error.reason}") from error
    return classify_output(classify(loaded, controls, jurisdiction), controls)


@router.post("/determine", response_model=DetermineOutput, summary="Decide the licence requirement")
def post_determine(
    who: Annotated[Caller, Depends(caller)], body: DetermineRequest
) -> DetermineOutput:
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
    return determine_item(loaded, controls, books, request, chosen)
