"""The JSON ``interdict case assess --json`` prints, and ``case show`` reads back.

The models are the contract: ``docs/schemas/`` holds their generated JSON
schemas and a test keeps them equal.  Regenerate with
``python -m interdict.cases.outputs docs/schemas``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from interdict.cases.findings import Finding
from interdict.controls.outputs import DeterminationOut
from interdict.controls.rules import Outcome
from interdict.parties.outputs import render

Recommendation = Literal["deny", "refer", "proceed"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PartyOut(_Out):
    role: list[str]
    name: str
    country: str | None
    address: str | None = None
    business: str | None = None
    aliases: list[str] = []


class CaseOut(_Out):
    """The case as assessed: the file's facts after checking, with defaults filled in."""

    reference: str
    version: int | None = Field(
        default=None, description="the saved version this assessment is; null when not saved"
    )
    jurisdictions: list[str]
    authority: str
    exporter: PartyOut
    parties: list[PartyOut]
    item: str = Field(description="the item's name")
    item_source: str = Field(description="the item file's path as the case gives it, or inline")
    destination: str
    final_destination: str
    transit: list[str]
    end_use: str | None
    end_use_flags: list[str]
    value: dict[str, Any] | None
    subject_to_ear: bool | None
    transaction: str


class DatasetVersion(_Out):
    name: str
    version: str


class Inputs(_Out):
    """What the assessment was made with, so that it can be reproduced or challenged later."""

    interdict_version: str
    lists: list[DatasetVersion]
    control_list: str = Field(description="the control lists' titles and version dates")
    rules: dict[str, str] = Field(description="each rule book's checked-on date")
    knowledge_base: str | None = Field(
        description="the knowledge base's generation and cable count; null without a store"
    )
    denials: int = Field(description="denial register entries compared")
    assessed_by: str = Field(description="who ran it (the operating-system user for now)")
    store: str | None = Field(description="the store's backend and location")


class Assessment(_Out):
    """``interdict case assess CASE --json``."""

    outcome: Outcome = Field(
        description="the most severe over the jurisdictions, raised by the findings"
    )
    determinations: list[DeterminationOut] = Field(
        description="one per jurisdiction, as 'interdict determine --json' writes them"
    )
    recommendation: Recommendation
    reasons: str = Field(description="one paragraph an officer could sign")
    findings: list[Finding]
    case: CaseOut
    assessed_at: str = Field(description="UTC time of the assessment, ISO 8601")
    inputs: Inputs


class Decision(_Out):
    decision: Literal["deny", "approve"]
    reason: str
    decided_by: str
    decided_at: str
    version: int = Field(description="the assessment version the decision was made on")


class SavedCase(_Out):
    """``interdict case show ID --json``: the latest assessment, its history and decisions."""

    reference: str
    versions: list[dict[str, Any]] = Field(
        description="every saved version: number, assessed_at, outcome, recommendation"
    )
    assessment: Assessment
    decisions: list[Decision]


def schemas() -> dict[str, dict[str, Any]]:
    """File name to JSON schema, for the documents of the case commands."""
    return {
        "case-assessment.schema.json": Assessment.model_json_schema(
            by_alias=True, mode="serialization"
        ),
        "case-show.schema.json": SavedCase.model_json_schema(by_alias=True, mode="serialization"),
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")
    for name, schema in schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
