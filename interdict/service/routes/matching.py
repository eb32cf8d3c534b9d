"""yente's matching API on Interdict's screening: ``/match``, ``/search``, ``/entities``,
``/catalog`` and ``/algorithms``, answered for the key's user.

The dataset ``default`` means every loaded list plus the knowledge base; a
list's own name screens that list alone, and ``intel`` the knowledge base.
Knowledge-base matches come only from facts the user may see, as on the
command line.  Status codes follow yente's: 400 for a batch that is too
large or a query that cannot be read, 404 for an unknown dataset or entity.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, status
from followthemoney import model

from interdict.access.commands import audit_reads
from interdict.access.session import match_sources, showing
from interdict.intel.kb.chain import INTEL
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties import query as screening_query
from interdict.parties.query import QUERY_SCHEMATA, QueryError, make_query, qualified_query
from interdict.parties.results import DEFAULT_THRESHOLD, Match
from interdict.parties.store.datasets import DatasetError
from interdict.service.auth import Caller, caller
from interdict.service.envelope import envelope
from interdict.service.examples import answered, asked
from interdict.service.responses import Algorithms, Catalog, FtmEntity
from interdict.service.state import ServiceState
from interdict.service.yente_models import (
    EntityExample,
    MatchRequest,
    MatchResponse,
    MatchResult,
    QueryResponse,
    ScoreDetail,
    SearchResponse,
    Total,
)
from interdict.store.errors import StoreError

router = APIRouter(tags=["Matching (yente-compatible)"])
MAX_QUERIES = 100
ALGORITHM = "interdict"
# yente's algorithm names, accepted so that existing clients work unchanged; all are
# answered by Interdict's matcher, which the response's ``matcher`` names.
ACCEPTED = {
    "best",
    "default",
    ALGORITHM,
    "logic-v2",
    "logic-v1",
    "name-based",
    "name-qualified",
    "regression-v1",
    "ofac",
}
_NAMES = ("name", "alias", "previousName", "weakAlias")
_COUNTRIES = ("country", "nationality", "jurisdiction", "citizenship", "mainCountry")
_IDENTIFIERS = (
    "registrationNumber",
    "idNumber",
    "passportNumber",
    "taxNumber",
    "innCode",
    "imoNumber",
    "leiCode",
    "swiftBic",
    "ogrnCode",
)


def _screener(request: Request, who: Caller, dataset: str) -> KnowledgeScreener:
    state: ServiceState = request.app.state.interdict
    names = None if dataset == "default" else [dataset]
    try:
        screener = state.screener(who.reader, names)
    except DatasetError as error:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such dataset.") from error
    except StoreError as error:
        if dataset == INTEL:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "No such dataset.") from error
        raise
    return screener


def _query(example: EntityExample) -> tuple[screening_query.Query | None, list[str]]:
    """The screening query for a yente example, and the qualifiers it was read without; None
    for a matchable schema Interdict's lists hold nothing of (a Security, say): yente answers
    those, so the answer is no results.  A bad birth date or country is left out with a
    warning, as yente's entity cleaning drops an invalid value, rather than refused."""
    schema = model.get(example.schema_)
    if schema is None or not schema.matchable:
        raise QueryError(f"schema: {example.schema_!r} cannot be matched")
    chosen = next((s for s in QUERY_SCHEMATA if s == schema.name), None)
    if chosen is None:
        ancestors = {s.name for s in schema.schemata}
        chosen = next(
            (s for s in ("Person", "Organization", "LegalEntity") if s in ancestors), None
        )
    if chosen is None:
        return None, []
    props = {
        key: value if isinstance(value, list) else [value]
        for key, value in example.properties.items()
    }

    def values(keys: tuple[str, ...]) -> list[str]:
        return [str(v) for key in keys for v in props.get(key, []) if v not in (None, "")]

    names = values(_NAMES)
    if not names:
        return None, []
    return qualified_query(
        names, chosen, values(_COUNTRIES), values(("birthDate",)), values(_IDENTIFIERS)
    )


def result(screener: KnowledgeScreener, match: Match, threshold: float) -> MatchResult:
    """A screening match in yente's result shape, with Interdict's explanation beside it."""
    name = match.explanation.name
    features = {"name": name.score, **{a.feature: a.effect for a in match.explanation.adjustments}}
    return MatchResult.model_validate(
        {
            "id": match.entity_id,
            "caption": match.caption,
            "schema": match.schema_,
            "properties": _properties(screener, match),
            "datasets": match.datasets,
            "target": bool(match.listings),
            "score": match.score,
            "match": match.match and match.score >= threshold,
            "features": features,
            "explanations": {
                "name": ScoreDetail(
                    detail=match.explanation.summary,
                    score=name.score,
                    query=name.query,
                    candidate=name.candidate,
                )
            },
            "explanation": match.explanation,
            "listed": match.listed,
            "listings": match.listings,
            "links": match.links,
            "provenance": match.provenance,
        }
    )


def _properties(screener: KnowledgeScreener, match: Match) -> dict[str, list[Any]]:
    for dataset in screener.lists.datasets:
        entity = dataset.entities.entity(match.entity_id)
        if entity is not None:
            return dict(entity.get("properties", {}))
    return {"name": [match.caption]}  # a knowledge-base entity: only the name the reader may see


def _matcher() -> dict[str, Any]:
    return {
        "name": ALGORITHM,
        "description": "Interdict's explainable name matcher, with the knowledge base's links "
        "followed to the listed entity behind a name",
        "features": {
            "name": "the name score",
            "country": "adjustment",
            "birth_date": "adjustment",
            "identifier": "adjustment",
        },
    }


@router.post(
    "/match/{dataset}",
    response_model=MatchResponse,
    response_model_by_alias=True,
    summary="Match entities (yente's /match)",
    responses=answered("match"),
)
def match(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    dataset: str,
    body: Annotated[
        MatchRequest, Body(openapi_examples=asked("match", "SHIG, and the front company"))
    ],
    limit: Annotated[int, Query(ge=1, le=500)] = 5,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    cutoff: Annotated[float, Query(ge=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    algorithm: str = "best",
    fuzzy: bool = False,
    include_dataset: Annotated[list[str] | None, Query()] = None,
    exclude_dataset: Annotated[list[str] | None, Query()] = None,
) -> MatchResponse:
    if algorithm not in ACCEPTED:
        raise HTTPException(400, f"Invalid algorithm: {algorithm}")
    if not body.queries:
        raise HTTPException(400, "No queries provided.")
    if len(body.queries) > MAX_QUERIES:
        raise HTTPException(400, f"Too many queries in one batch (limit: {MAX_QUERIES})")
    try:
        parsed = {key: _query(example) for key, example in body.queries.items()}
    except QueryError as error:
        raise HTTPException(400, f"Cannot parse example entity: {error}") from error
    screener = _screener(request, who, dataset)
    floor = min(threshold, cutoff)
    responses = {}
    shown: list[Match] = []
    for key, (query, warnings) in parsed.items():
        if query is None:
            responses[key] = QueryResponse(
                results=[], total=Total(value=0), query=body.queries[key].model_dump(by_alias=True)
            )
            continue
        found = _filtered(
            screener.screen(query, limit=limit, threshold=floor), include_dataset, exclude_dataset
        )
        shown.extend(found)
        results = [result(screener, m, threshold) for m in found]
        responses[key] = QueryResponse(
            results=results,
            total=Total(value=sum(1 for r in results if r.match)),
            query=body.queries[key].model_dump(by_alias=True),
            warnings=warnings,
        )
    banner = "UNCLASSIFIED"
    if screener.store is not None:
        seen = showing(screener.store, match_sources(shown))
        audit_reads(seen, "POST /match")
        banner = seen.gate.banner.text()
    return MatchResponse(
        responses=responses, matcher=_matcher(), limit=limit, banner=banner, reader=who.reader.name
    )


def _filtered(
    found: list[Match], include: list[str] | None, exclude: list[str] | None
) -> list[Match]:
    kept = [m for m in found if not include or set(m.datasets) & set(include)]
    return [m for m in kept if not exclude or not set(m.datasets) & set(exclude)]


@router.get(
    "/search/{dataset}",
    response_model=SearchResponse,
    response_model_by_alias=True,
    summary="Search entities by name (yente's /search)",
    responses=answered("search"),
)
def search(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    dataset: str,
    q: Annotated[str, Query(min_length=1)],
    schema: str = "LegalEntity",
    countries: Annotated[list[str] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    offset: Annotated[int, Query(ge=0, le=9499)] = 0,
) -> SearchResponse:
    try:
        query = make_query([q], "LegalEntity" if schema == "Thing" else schema, countries or [])
    except QueryError as error:
        raise HTTPException(400, str(error)) from error
    screener = _screener(request, who, dataset)
    found = screener.screen(query, limit=offset + limit, threshold=0.5)
    page = found[offset : offset + limit]
    banner = "UNCLASSIFIED"
    if screener.store is not None:
        seen = showing(screener.store, match_sources(page))
        audit_reads(seen, "GET /search")
        banner = seen.gate.banner.text()
    # The screener returns at most offset + limit matches: a full page means there may be more.
    relation = "gte" if len(found) == offset + limit else "eq"
    return SearchResponse(
        results=[result(screener, m, DEFAULT_THRESHOLD) for m in page],
        total=Total(value=len(found), relation=relation),
        limit=limit,
        offset=offset,
        banner=banner,
        reader=who.reader.name,
    )


@router.get(
    "/entities/{entity_id}",
    summary="One entity, with related entities nested",
    response_model=None,
    responses=answered("entity", FtmEntity),
)
def entity(
    request: Request,
    who: Annotated[Caller, Depends(caller)],
    entity_id: str,
    nested: bool = True,
) -> dict[str, Any]:
    screener = _screener(request, who, "default")
    for dataset in screener.lists.datasets:
        found = dataset.entities.entity(entity_id)
        if found is None:
            continue
        data = {"id": entity_id, "caption": str(model.get_proxy(found).caption), **found}
        if nested:
            for linked in dataset.entities.linked(entity_id):
                reverse = _reverse(linked, entity_id)
                if reverse is not None:
                    data["properties"].setdefault(reverse, []).append(linked)
        return {
            **data,
            "datasets": [dataset.info.name],
            "banner": "UNCLASSIFIED",
            "reader": who.reader.name,
        }
    if screener.store is not None and entity_id.startswith("intel-"):
        return _intel_entity(screener, who, entity_id)
    raise HTTPException(status.HTTP_404_NOT_FOUND, "No such entity!")


def _intel_entity(screener: KnowledgeScreener, who: Caller, entity_id: str) -> dict[str, Any]:
    """A knowledge-base entity in FtM form, from what the reader may see, or a 404."""
    assert screener.store is not None
    report = screener.report(entity_id)
    audit_reads(screener.store, "GET /entities/{id}")
    if report is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such entity!")
    properties: dict[str, list[Any]] = {"name": report.names[:1], "alias": report.names[1:]}
    if report.countries:
        properties["country"] = report.countries
    entity = {
        "id": report.id,
        "caption": report.caption,
        "schema": report.schema_,
        "properties": {k: v for k, v in properties.items() if v},
        "datasets": [INTEL],
        "referents": report.parties,
    }
    return envelope(who, entity, screener.store)


def _reverse(linked: dict[str, Any], entity_id: str) -> str | None:
    """The name yente nests a linked entity under: the reverse of the property that points here."""
    schema = model.get(linked.get("schema", ""))
    if schema is None:
        return None
    for name, values in linked.get("properties", {}).items():
        prop = schema.get(name)
        if prop is not None and prop.reverse is not None and entity_id in values:
            return str(prop.reverse.name)
    return None


@router.get(
    "/catalog",
    summary="The loaded datasets",
    response_model=None,
    responses=answered("catalog", Catalog),
)
def catalog(request: Request, who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
    screener = _screener(request, who, "default")
    datasets = [
        {
            "name": d.info.name,
            "title": d.info.name,
            "version": d.info.version,
            "entity_count": d.info.entities,
            "loaded_at": d.info.loaded_at,
        }
        for d in screener.lists.datasets
    ]
    if screener.index is not None:
        datasets.append({"name": INTEL, "title": "Interdict knowledge base (from cables)"})
    names = [d["name"] for d in datasets]
    return {
        "datasets": [
            {"name": "default", "title": "Every list and the knowledge base", "children": names},
            *datasets,
        ],
        "current": ["default", *names],
        "outdated": [],
        "index_stale": False,
    }


@router.get(
    "/algorithms",
    summary="The matching algorithms",
    response_model=None,
    responses=answered("algorithms", Algorithms),
)
def algorithms(who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
    return {
        "algorithms": [{**_matcher(), "docs": "docs/screening.md"}],
        "default": ALGORITHM,
        "best": ALGORITHM,
    }
