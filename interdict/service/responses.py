"""What each of Interdict's own endpoints answers, as models for ``/openapi.json``.

Most bodies are a command-line document (a cable, a search, an entity
report, an assessment, a saved case) with the banner and the reader beside
it, so each model here is that document's model plus ``Served``: the API
cannot drift from ``docs/schemas`` because both are generated from the same
class.  The few answers with no command-line twin (the case list, a
decision, an alert draft, the denial register, the audit trail, the health
checks, yente's catalogue) are modelled here and generated into
``docs/schemas/api-*.schema.json`` by ``python -m interdict.service.outputs``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from interdict.audit.trail import Record
from interdict.cables.archive.search import SearchResult
from interdict.cables.record import Cable
from interdict.cases.outputs import Assessment, Decision, Recommendation, SavedCase
from interdict.controls.outputs import ClassifyOutput, DetermineOutput
from interdict.denials.entries import DenialEntry
from interdict.intel.kb.report import EntityReport


class Served(BaseModel):
    """The two keys every filtered answer carries, so a reader can mark what they print."""

    banner: str = Field(description="the overall classification of what this response shows")
    reader: str = Field(description="the user the response was filtered for")


class CableSearchServed(SearchResult, Served):
    """``GET /cables``: ``interdict cables search --json`` as the key's user may see it."""


class CableServed(Cable, Served):
    """``GET /cables/{ref}``: the parsed cable with the hidden portions left out."""


class EntityServed(EntityReport, Served):
    """``GET /intel/entities/{id}``: ``interdict intel show --json`` as the user may see it."""


class ClassifyServed(ClassifyOutput, Served):
    """``POST /classify``: ``interdict classify --json``; the control lists are public."""


class DetermineServed(DetermineOutput, Served):
    """``POST /determine``: ``interdict determine --json``."""


class AssessmentServed(Assessment, Served):
    """``POST /cases``: ``interdict case assess --json`` made from what the user may see."""


class SavedCaseServed(SavedCase, Served):
    """``GET /cases/{id}``: ``interdict case show --json``, its latest visible version."""


class DecisionServed(Decision, Served):
    """``POST /cases/{id}/decision``: the decision as recorded."""


class CaseLine(BaseModel):
    reference: str
    versions: int = Field(description="the latest version the user may see")
    assessed_at: str
    outcome: str
    recommendation: Recommendation
    decision: str | None = Field(description="the decision on that version, if one was made")


class CaseList(Served):
    """``GET /cases``: one line per saved case the user may see."""

    cases: list[CaseLine]


class AlertDraft(Served):
    """``POST /cases/{id}/alert``: a non-paper for a partner, from what it may be shown."""

    to: str = Field(description="the partner's ISO 3166 alpha-2 code")
    markdown: str = Field(description="the draft, marked portion by portion")
    note_for_drafter: list[str] = Field(
        description="what the drafter knows but the partner may not be shown, in general words"
    )


class DenialList(Served):
    """``GET /denials``: the register entries the user may see."""

    denials: list[DenialEntry]


class DenialAdded(BaseModel):
    """``POST /denials``: the entry's id, and whether it was new (false: already registered)."""

    id: str
    added: bool


class AuditList(BaseModel):
    """``GET /audit``: the trail, oldest first (auditors only)."""

    records: list[Record]


class Health(BaseModel):
    """``/healthz`` and ``/readyz``: ``ok``, or ``unavailable`` with a 503."""

    status: str


class FtmEntity(Served):
    """``GET /entities/{id}``: a FollowTheMoney entity, with related entities nested as in yente."""

    id: str
    caption: str
    schema_: str = Field(alias="schema")
    properties: dict[str, list[Any]]
    datasets: list[str]
    referents: list[str] = Field(default=[], description="the cable parties resolved into it")


class CatalogDataset(BaseModel):
    name: str
    title: str
    version: str | None = None
    entity_count: int | None = None
    loaded_at: str | None = None
    children: list[str] | None = None


class Catalog(BaseModel):
    """``GET /catalog``: yente's shape; ``default`` is every list and the knowledge base."""

    datasets: list[CatalogDataset]
    current: list[str]
    outdated: list[str]
    index_stale: bool


class Algorithms(BaseModel):
    """``GET /algorithms``: the one matcher, under the name yente clients may ask for."""

    algorithms: list[dict[str, Any]]
    default: str
    best: str
