"""Cases over HTTP: assess (and save), list, show, decide, draft an alert; denials; the audit trail.

The same modules as the command line, run for the key's user: the
assessment uses only what they may see, a saved version they may not see
is a 404 like an unknown one, and roles decide who may decide, alert,
register denials or read the trail.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, status
from pydantic import BaseModel

from interdict.access.commands import audit_reads
from interdict.audit.trail import records
from interdict.cases.alerting import alert_for
from interdict.cases.assess import assess
from interdict.cases.casefile import CaseError, read_case
from interdict.cases.saved import NoSuchCaseError, decide, listing, save, show
from interdict.controls.catalogue import bundled
from interdict.controls.requests import RequestError, country_code
from interdict.denials.entries import DenialError, make_entry
from interdict.denials.register import add, read_all
from interdict.service.auth import Caller, caller, require_role
from interdict.service.envelope import envelope
from interdict.service.errors import unprocessable
from interdict.service.examples import answered, asked
from interdict.service.responses import (
    AlertDraft,
    AssessmentServed,
    AuditList,
    CaseList,
    DecisionServed,
    DenialAdded,
    DenialList,
    SavedCaseServed,
)
from interdict.service.state import ServiceState

router = APIRouter(tags=["Cases"])
_MISSING = "no such case"


class DecisionRequest(BaseModel):
    decision: Literal["deny", "approve"]
    reason: str


class AlertRequest(BaseModel):
    to: str


class DenialRequest(BaseModel):
    authority: str
    date: str
    item: str
    source: str
    entries: list[str] = []
    destination: str | None = None
    end_user: str | None = None
    reason: str | None = None
    marking: str | None = None


@router.post(
    "/cases",
    summary="Assess a case file (JSON), and save it if asked",
    response_model=None,
    responses=answered("case_assessment", AssessmentServed),
)
def post_case(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    case_file: Annotated[
        dict[str, Any],
        Body(
            description="the case file, with the item inline",
            openapi_examples=asked("case", "The golden case of 09STATE29395"),
        ),
    ],
    save_it: Annotated[bool, Query(alias="save")] = False,
    denials_within: Annotated[int | None, Query(ge=1)] = None,
) -> dict[str, Any]:
    require_role(who, "analyst")
    state: ServiceState = request.app.state.interdict
    controls, _ = bundled()
    try:
        case = read_case(case_file, controls, "case", None)
    except CaseError as error:
        raise unprocessable(error.field, f"{error.field}: {error.reason}") from error
    context = state.context(who.reader, create=True)
    assessment = assess(case, context, denials_within)
    if save_it and context.store is not None:
        with context.store.begin() as connection:
            number = save(connection, assessment, case.raw, context.actor)
        assessment = assessment.model_copy(
            update={"case": assessment.case.model_copy(update={"version": number})}
        )
    store = context.store or who.store
    audit_reads(store, "POST /cases")
    payload = assessment.model_dump(mode="json", by_alias=True)
    return envelope(who, payload, store)


@router.get(
    "/cases",
    summary="The saved cases the user may see",
    response_model=None,
    responses=answered("case_list", CaseList),
)
def get_cases(who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
    with who.store.read() as connection:
        rows = listing(connection)
    audit_reads(who.store, "GET /cases")
    return envelope(who, {"cases": rows})


@router.get(
    "/cases/{reference}",
    summary="A saved case: its latest visible version and decisions",
    response_model=None,
    responses=answered("saved_case", SavedCaseServed),
)
def get_case(who: Annotated[Caller, Depends(caller)], reference: str) -> dict[str, Any]:
    try:
        with who.store.read() as connection:
            saved = show(connection, reference)
    except NoSuchCaseError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING) from error
    audit_reads(who.store, "GET /cases/{id}")
    return envelope(who, saved.model_dump(mode="json", by_alias=True))


@router.post(
    "/cases/{reference}/decision",
    summary="Record the officer's decision",
    response_model=None,
    responses=answered("decision", DecisionServed),
)
def post_decision(
    who: Annotated[Caller, Depends(caller)],
    reference: str,
    body: Annotated[DecisionRequest, Body(openapi_examples=asked("decision", "A denial"))],
) -> dict[str, Any]:
    require_role(who, "officer")
    if not body.reason.strip():
        raise unprocessable("reason", "give the reason for the decision")
    try:
        with who.store.begin() as connection:
            made = decide(
                connection, reference, body.decision, body.reason.strip(), who.reader.name
            )
    except NoSuchCaseError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING) from error
    return envelope(who, made.model_dump(mode="json"))


@router.post(
    "/cases/{reference}/alert",
    summary="Draft a non-paper for a partner government",
    response_model=None,
    responses=answered("alert", AlertDraft),
)
def post_alert(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    reference: str,
    body: Annotated[AlertRequest, Body(openapi_examples=asked("alert", "For Spain"))],
) -> dict[str, Any]:
    require_role(who, "officer")
    state: ServiceState = request.app.state.interdict
    try:
        country = country_code("to", body.to)
        with who.store.read() as connection:
            alert = alert_for(
                connection,
                reference,
                country,
                state.context,
            )
    except RequestError as error:
        raise unprocessable("to", str(error)) from error
    except NoSuchCaseError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, _MISSING) from error
    audit_reads(who.store, "POST /cases/{id}/alert")
    return {
        "to": country,
        "banner": alert.banner,
        "markdown": alert.markdown,
        "note_for_drafter": alert.left_out,
        "reader": who.reader.name,
    }


@router.get(
    "/denials",
    summary="The denial register, as the user may see it",
    response_model=None,
    responses=answered("denials", DenialList),
)
def get_denials(who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
    with who.store.read() as connection:
        entries = read_all(connection)
    audit_reads(who.store, "GET /denials")
    return envelope(who, {"denials": [e.model_dump(mode="json") for e in entries]})


@router.post(
    "/denials",
    status_code=201,
    summary="Register a denial",
    response_model=None,
    responses=answered("denial_added", DenialAdded, 201),
)
def post_denial(
    who: Annotated[Caller, Depends(caller)],
    body: Annotated[
        DenialRequest, Body(openapi_examples=asked("denial", "Spain's 2007 denial (09STATE29395)"))
    ],
) -> dict[str, Any]:
    require_role(who, "officer")
    try:
        entry = make_entry(**body.model_dump(), origin="manual")
    except DenialError as error:
        raise unprocessable(str(error).split(":")[0], str(error)) from error
    with who.store.begin() as connection:
        new = add(connection, [entry], who.reader.name, "manual")
    return {"id": entry.id, "added": bool(new)}


@router.get(
    "/audit",
    summary="The audit trail (auditors only)",
    response_model=None,
    responses=answered("audit", AuditList),
)
def get_audit(
    who: Annotated[Caller, Depends(caller)], user: str | None = None, since: date | None = None
) -> dict[str, Any]:
    require_role(who, "auditor")
    with who.store.read() as connection:
        found = records(connection, user, since)
    return {"records": [r.__dict__ for r in found]}
