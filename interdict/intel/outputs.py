"""The JSON documents the intelligence commands print, as JSON schemas for ``docs/schemas``.

``intel extract`` writes one record a line: a party, a link, an item or a denial;
``intel show --json`` prints an ``EntityReport``.  A test keeps the files in
``docs/schemas`` identical to what these models generate.  Regenerate with
``python -m interdict.intel.outputs docs/schemas``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from interdict.cables.archive.search import SearchResult
from interdict.intel.kb.report import EntityReport
from interdict.intel.records import Denial, Item, Link, Party
from interdict.parties.outputs import render
from interdict.store.status import StoreStatus


def schemas() -> dict[str, dict[str, Any]]:
    """File name to JSON schema, for the documents of intel, cables search and db status."""
    return {
        "intel-extract-line.schema.json": TypeAdapter(Party | Link | Item | Denial).json_schema(
            by_alias=True, mode="serialization"
        ),
        "intel-show.schema.json": EntityReport.model_json_schema(
            by_alias=True, mode="serialization"
        ),
        "cables-search.schema.json": SearchResult.model_json_schema(
            by_alias=True, mode="serialization"
        ),
        "db-status.schema.json": StoreStatus.model_json_schema(by_alias=True, mode="serialization"),
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")
    for name, schema in schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
