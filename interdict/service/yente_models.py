"""Request and response shapes of yente's matching API, as Interdict serves them.

Taken from yente's source (``yente/data/common.py``): a client written for
yente sends the same body and reads the same keys.  Interdict adds its own
keys beside them (the explanation, the chain of links to a listed entity,
the listings, the cable portions that name a knowledge-base entity), which
a yente client ignores.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from interdict.model.provenance import Provenance
from interdict.parties.results import Explanation, LinkStep, Listing


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, str | list[Any]]


class MatchRequest(BaseModel):
    queries: dict[str, EntityExample]
    weights: dict[str, float] = {}
    config: dict[str, str | int | float | bool | None] = {}


class Total(BaseModel):
    value: int
    relation: str = "eq"


class ScoreDetail(BaseModel):
    detail: str | None
    score: float
    query: str | None = None
    candidate: str | None = None


class MatchResult(BaseModel):
    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[Any]]
    datasets: list[str] = []
    referents: list[str] = []
    target: bool = False
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None
    score: float
    match: bool
    features: dict[str, float] = Field(
        default={}, description="the score's parts: the name score and each adjustment"
    )
    explanations: dict[str, ScoreDetail] = {}
    explanation: Explanation = Field(description="Interdict's full explanation of the score")
    listed: bool | None = Field(description="Interdict: whether the entity itself is listed")
    listings: list[Listing] = Field(description="Interdict: the listings behind the match")
    links: list[LinkStep] = Field(description="Interdict: the chain to the listed entity")
    provenance: list[Provenance] = Field(
        description="Interdict: the cable portions that name a knowledge-base entity"
    )


class QueryResponse(BaseModel):
    status: int = 200
    results: list[MatchResult]
    total: Total
    query: dict[str, Any]
    warnings: list[str] = Field(
        default=[],
        description="Interdict: qualifiers left out of the query (a bad birthDate or country), "
        "each naming its field; the name was matched without them",
    )


class MatchResponse(BaseModel):
    responses: dict[str, QueryResponse]
    matcher: dict[str, Any]
    limit: int
    banner: str = Field(description="Interdict: the banner of everything the response shows")
    reader: str = Field(description="Interdict: the user the response was filtered for")


class SearchResponse(BaseModel):
    results: list[MatchResult]
    total: Total
    limit: int
    offset: int
    facets: dict[str, Any] = {}
    banner: str
    reader: str
