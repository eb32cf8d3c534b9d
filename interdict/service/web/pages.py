"""The workbench: server-rendered pages on the same service, for officers in a browser.

Signing in puts the API key in a secure, HTTP-only, same-site cookie; each
page reads as that key's user, through the same modules as the API and the
command line, so a hidden paragraph is never rendered and never reaches
the browser.  Every page carries the banner of what it shows, top and
bottom.  Templates autoescape everything; there is no script on any page.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import UploadFile

from interdict.access.commands import audit_reads
from interdict.cables.archive.read import stored_cable
from interdict.cases.alerting import alert_for
from interdict.cases.assess import assess
from interdict.cases.casefile import ROLES, CaseError, read_case
from interdict.cases.report.route import route, route_svg
from interdict.cases.saved import NoSuchCaseError, decide, save
from interdict.controls.catalogue import bundled
from interdict.controls.classify import classify
from interdict.controls.entries import JURISDICTIONS
from interdict.controls.items import ItemError, read_item
from interdict.controls.outputs import ClassifyOutput, classify_output
from interdict.controls.requests import RequestError, country_code
from interdict.intel.kb.chain import LinkGraph
from interdict.intel.kb.graph import draw, neighbourhood
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.model.strict import DuplicateKeyError, load_yaml
from interdict.parties.query import QUERY_SCHEMATA, QueryError, qualified_query
from interdict.service.auth import Caller, caller_for_key
from interdict.service.state import ServiceState
from interdict.service.web.item_form import AnswerError, Question, merged
from interdict.service.web.item_form import questions as asked
from interdict.store.engine import Store

router = APIRouter(prefix="/ui", include_in_schema=False)
COOKIE = "interdict_key"
_TEMPLATES = Path(__file__).with_name("templates")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("j2", "html"), default=True),
    )


def _render(
    template: str, who: Caller | None, store: Store | None, shown: str | None = None, **context: Any
) -> HTMLResponse:
    """``shown``: the banner of a page built from something other than this store's reads."""
    banner = shown or (store.gate.banner.text() if store is not None else "UNCLASSIFIED")
    level = banner.split("//")[0]
    css = {"SECRET": "classified", "TOP SECRET": "classified", "CONFIDENTIAL": "confidential"}
    page = (
        _environment()
        .get_template(template)
        .render(
            banner=banner,
            banner_class=css.get(level, ""),
            reader=who.reader.name if who else None,
            **context,
        )
    )
    return HTMLResponse(page)


def _who(request: Request) -> Caller | None:
    key = request.cookies.get(COOKIE)
    if not key:
        return None
    state: ServiceState = request.app.state.interdict
    return caller_for_key(state, key)


def _to_signin() -> RedirectResponse:
    return RedirectResponse("/ui/signin", status_code=303)


@router.get("/signin")
def signin_page() -> HTMLResponse:
    return _render("signin.html.j2", None, None, title="Sign in", error=None)


@router.post("/signin", response_model=None)
def signin(request: Request, key: Annotated[str, Form()] = "") -> Response:
    state: ServiceState = request.app.state.interdict
    if not key.strip() or caller_for_key(state, key.strip()) is None:
        page = _render(
            "signin.html.j2", None, None, title="Sign in", error="That key does not open Interdict."
        )
        page.status_code = 401
        return page
    response = RedirectResponse("/ui/screen", status_code=303)
    response.set_cookie(
        COOKIE, key.strip(), httponly=True, secure=True, samesite="strict", max_age=8 * 3600
    )
    return response


@router.get("/signout")
def signout() -> RedirectResponse:
    response = _to_signin()
    response.delete_cookie(COOKIE)
    return response


@router.get("/screen", response_model=None)
def screen_page(
    request: Request,
    name: str | None = None,
    schema: str = "LegalEntity",
    country: str | None = None,
) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    state: ServiceState = request.app.state.interdict
    screener = state.screener(who.reader)
    matches, error = None, None
    warnings: list[str] = []
    if name:
        try:
            query, warnings = qualified_query([name], schema, [country] if country else [])
            matches = screener.screen(query, limit=10)
        except QueryError as problem:
            error = str(problem)
        if screener.store is not None:
            audit_reads(screener.store, "GET /ui/screen")
    return _render(
        "screen.html.j2",
        who,
        screener.store,
        title="Screening",
        name=name,
        schema=schema,
        country=country,
        schemata=QUERY_SCHEMATA,
        matches=matches,
        error=error,
        warnings=warnings,
    )


@router.post("/screen/batch", response_model=None)
async def batch_start(request: Request) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    form = await request.form()
    upload = form.get("upload")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return Response("choose a CSV or JSON-lines file to screen", status_code=422)
    state: ServiceState = request.app.state.interdict
    job = state.batches.start(
        state.screener(who.reader), who.reader.name, upload.filename, await upload.read()
    )
    return RedirectResponse(f"/ui/screen/batch/{job.id}", status_code=303)


@router.get("/screen/batch/{job_id}", response_model=None)
def batch_page(request: Request, job_id: str) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    job = request.app.state.interdict.batches.get(job_id, who.reader.name)
    if job is None:
        return Response("no such batch", status_code=404)
    return _render("batch.html.j2", who, None, shown=job.banner, title="Batch screening", job=job)


@router.get("/screen/batch/{job_id}/download", response_model=None)
def batch_download(request: Request, job_id: str) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    job = request.app.state.interdict.batches.get(job_id, who.reader.name)
    if job is None or not job.finished or job.failure:
        return Response("no such batch", status_code=404)
    if job.gate is not None:
        store = request.app.state.interdict.store()
        audit_reads(replace(store, gate=job.gate), "GET /ui/screen/batch/{id}/download")
    return Response(
        job.output.read_bytes(),
        media_type="application/x-ndjson",
        headers={
            "Content-Disposition": f'attachment; filename="screening-{job_id}.jsonl"',
            "X-Classification": job.banner,
        },
    )


@router.get("/cases/new", response_model=None)
def case_form(request: Request) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    return _form_again(who, None, "")


@router.post("/cases/new", response_model=None)
async def case_assess(request: Request) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    form = await request.form()
    text = str(form.get("case") or "")
    upload = form.get("upload")
    if isinstance(upload, UploadFile) and upload.filename:
        text = (await upload.read()).decode("utf-8", errors="replace")
    try:
        raw = load_yaml(text)
    except (yaml.YAMLError, DuplicateKeyError) as error:
        return _form_again(who, f"not valid YAML: {error}", text)
    return _assess_raw(request, who, raw, bool(form.get("save")), text)


@router.post("/cases/with-item", response_model=None)
def case_with_item(request: Request, item: Annotated[str, Form()] = "") -> Response:
    """The case form with the item built on the control-lists page already in it."""
    who = _who(request)
    if who is None:
        return _to_signin()
    return _form_again(who, None, "", item)


def _form_again(who: Caller, error: str | None, text: str, item: str = "") -> HTMLResponse:
    return _render(
        "case_form.html.j2",
        who,
        None,
        title="Case",
        error=error,
        text=text,
        item=item,
        roles=ROLES,
    )


def _assess_raw(request: Request, who: Caller, raw: Any, save_it: bool, text: str) -> Response:
    """Assess a case file (as written or built from the form) as the user; the page, or the
    form again with the field that could not be read."""
    state: ServiceState = request.app.state.interdict
    controls, _ = bundled()
    try:
        case = read_case(raw, controls, "case", None)
    except CaseError as error:
        return _form_again(who, f"{error.field}: {error.reason}", text)
    context = state.context(who.reader, create=True)
    assessment = assess(case, context, None)
    if save_it and context.store is not None:
        with context.store.begin() as connection:
            number = save(connection, assessment, case.raw, context.actor)
        assessment = assessment.model_copy(
            update={"case": assessment.case.model_copy(update={"version": number})}
        )
    if context.store is not None:
        audit_reads(context.store, "POST /ui/cases")
    return _render(
        "assessment.html.j2",
        who,
        context.store,
        title=f"Case {assessment.case.reference}",
        a=assessment,
        route=route_svg(route(assessment)),
        can_decide=who.reader.can("officer"),
    )


@router.post("/cases/fields", response_model=None)
async def case_fields(request: Request) -> Response:
    """The field-by-field form, turned into a case file and assessed like one."""
    who = _who(request)
    if who is None:
        return _to_signin()
    form = {key: str(value) for key, value in (await request.form()).items()}
    try:
        item = load_yaml(form.get("item", "")) if form.get("item", "").strip() else None
    except (yaml.YAMLError, DuplicateKeyError) as error:
        return _form_again(who, f"item: not valid YAML: {error}", "")
    raw: dict[str, Any] = {
        "exporter": {"name": form.get("exporter_name"), "country": form.get("exporter_country")},
        "parties": [
            {
                "role": form[f"party_role_{i}"].split(","),
                "name": form.get(f"party_name_{i}"),
                "country": form.get(f"party_country_{i}") or None,
            }
            for i in range(4)
            if form.get(f"party_role_{i}") and form.get(f"party_name_{i}", "").strip()
        ],
        "item": item,
        "destination": form.get("destination") or None,
        "subject_to_ear": bool(form.get("subject_to_ear")),
    }
    for key in ("reference", "jurisdiction", "final_destination", "end_use"):
        if form.get(key, "").strip():
            raw[key] = form[key].strip()
    if form.get("transit", "").strip():
        raw["transit"] = form["transit"].split()
    return _assess_raw(request, who, raw, bool(form.get("save")), yaml.safe_dump(raw))


@router.post("/cases/{reference}/decision", response_model=None)
def case_decide(
    request: Request,
    reference: str,
    decision: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    if not who.reader.can("officer") or decision not in ("deny", "approve") or not reason.strip():
        return Response(
            "the decision needs the officer role, deny or approve, and a reason", status_code=403
        )
    try:
        with who.store.begin() as connection:
            decide(connection, reference, decision, reason.strip(), who.reader.name)
    except NoSuchCaseError:
        return Response("no such case", status_code=404)
    return RedirectResponse("/ui/screen", status_code=303)


@router.post("/cases/{reference}/alert", response_model=None)
def case_alert(request: Request, reference: str, to: Annotated[str, Form()] = "") -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    if not who.reader.can("officer"):
        return Response("drafting an alert needs the officer role", status_code=403)
    state: ServiceState = request.app.state.interdict
    try:
        country = country_code("to", to)
        with who.store.read() as connection:
            alert = alert_for(
                connection,
                reference,
                country,
                state.context,
            )
    except RequestError as error:
        return Response(str(error), status_code=422)
    except NoSuchCaseError:
        return Response("no such case", status_code=404)
    audit_reads(who.store, "POST /ui/cases/{id}/alert")
    return _render(
        "alert.html.j2", who, None, shown=alert.banner, title=f"Alert to {country}", alert=alert
    )


@router.get("/cables/{reference}", response_model=None)
def cable_page(request: Request, reference: str) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    cable = stored_cable(who.store, reference)
    audit_reads(who.store, "GET /ui/cables/{ref}")
    if cable is None:
        return _render("signin.html.j2", who, None, title="Not found", error="no such cable")
    header = [
        ("date", cable.created),
        ("classification", cable.classification_text),
        ("from", cable.origin),
        ("subject", cable.subject),
        ("TAGS", " ".join(t.tag for t in cable.tags)),
    ]
    return _render(
        "cable.html.j2", who, who.store, title=cable.reference_id, c=cable, header=header
    )


def _entity(request: Request, who: Caller, target: str) -> tuple[Any, KnowledgeScreener]:
    state: ServiceState = request.app.state.interdict
    screener = state.screener(who.reader)
    return screener.report(target), screener


@router.get("/entities/{entity_id}", response_model=None)
def entity_page(request: Request, entity_id: str) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    report, screener = _entity(request, who, entity_id)
    if report is None:
        return _render("signin.html.j2", who, None, title="Not found", error="no such entity")
    assert screener.store is not None
    audit_reads(screener.store, "GET /ui/entities/{id}")
    return _render("entity.html.j2", who, screener.store, title=report.caption, e=report)


@router.get("/entities/{entity_id}/graph.svg", response_model=None)
def entity_graph(request: Request, entity_id: str) -> Response:
    who = _who(request)
    if who is None:
        return Response(status_code=401)
    report, screener = _entity(request, who, entity_id)
    if report is None or screener.store is None:
        return Response(status_code=404)
    with screener.store.read() as connection:
        around = neighbourhood(
            connection, LinkGraph(connection, screener.lists.datasets), report.id, 2
        )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "graph.svg"
        draw(around, target, screener.store.gate.banner.text())
        return Response(target.read_bytes(), media_type="image/svg+xml")


@router.get("/controls", response_model=None)
def controls_page(request: Request, q: str | None = None) -> Response:
    who = _who(request)
    if who is None:
        return _to_signin()
    return _controls(who, q=q)


def _controls(
    who: Caller,
    q: str | None = None,
    *,
    item: str = "",
    name: str = "",
    jurisdiction: str = "EU",
    result: ClassifyOutput | None = None,
    error: str | None = None,
    questions: list[Question] | None = None,
) -> HTMLResponse:
    controls, _ = bundled()
    wanted = (q or "").lower()
    entries = [
        {"id": e.id, "title": e.spec.title, "regime": e.regime_name}
        for e in controls.entries.values()
        if not wanted or wanted in e.id.lower() or wanted in e.spec.title.lower()
    ]
    return _render(
        "controls.html.j2",
        who,
        None,
        title="Control lists",
        entries=entries,
        q=q,
        jurisdictions=JURISDICTIONS,
        item=item,
        name=name,
        jurisdiction=jurisdiction,
        result=result,
        error=error,
        questions=questions or [],
    )


@router.post("/classify", response_model=None)
async def classify_page(request: Request) -> Response:
    """Classify what is known, then ask for what would decide it (see ``item_form``)."""
    who = _who(request)
    if who is None:
        return _to_signin()
    form = await request.form()
    answers = {key: [str(v) for v in form.getlist(key)] for key in form}
    text = str(form.get("item") or "")
    name = str(form.get("name") or "").strip()
    jurisdiction = str(form.get("jurisdiction") or "EU")
    controls, _ = bundled()
    try:
        raw = load_yaml(text) if text.strip() else {}
        if not isinstance(raw, dict):
            raise AnswerError("item: write the item as a mapping of name and parameters")
        if name:
            raw["name"] = name
        raw = merged(raw, answers, controls.vocabulary)
        if jurisdiction not in JURISDICTIONS:
            raise AnswerError(f"jurisdiction: use one of {', '.join(JURISDICTIONS)}")
        loaded = read_item(raw, controls.vocabulary, "item", started=True)
    except (AnswerError, ItemError, yaml.YAMLError, DuplicateKeyError) as problem:
        return _controls(who, item=text, name=name, jurisdiction=jurisdiction, error=str(problem))
    result = classify_output(classify(loaded, controls, jurisdiction), controls)
    return _controls(
        who,
        item=yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
        name=str(raw.get("name") or ""),
        jurisdiction=jurisdiction,
        result=result,
        questions=asked(result, controls.vocabulary, raw),
    )
