"""The service's own answers as JSON schemas for ``docs/schemas/api-*.schema.json``.

Answers that are a command-line document plus the banner and the reader
point at that document's schema in ``docs/api.md``; these are the ones with
no command-line twin.  A test keeps the files equal to what the models
generate and to what ``/openapi.json`` serves.  Regenerate with
``python -m interdict.service.outputs docs/schemas``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from interdict.parties.outputs import render
from interdict.service.responses import (
    AlertDraft,
    Algorithms,
    AuditList,
    CaseList,
    Catalog,
    DecisionServed,
    DenialAdded,
    DenialList,
    FtmEntity,
    Health,
)
from interdict.service.yente_models import MatchResponse, SearchResponse

MODELS: dict[str, type[BaseModel]] = {
    "api-match.schema.json": MatchResponse,
    "api-search.schema.json": SearchResponse,
    "api-entity.schema.json": FtmEntity,
    "api-catalog.schema.json": Catalog,
    "api-algorithms.schema.json": Algorithms,
    "api-health.schema.json": Health,
    "api-case-list.schema.json": CaseList,
    "api-decision.schema.json": DecisionServed,
    "api-alert.schema.json": AlertDraft,
    "api-denials.schema.json": DenialList,
    "api-denial-added.schema.json": DenialAdded,
    "api-audit.schema.json": AuditList,
}


def schemas() -> dict[str, dict[str, Any]]:
    """File name to JSON schema (as served: serialisation mode, by alias)."""
    return {
        name: model.model_json_schema(by_alias=True, mode="serialization")
        for name, model in MODELS.items()
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")
    for name, schema in schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
