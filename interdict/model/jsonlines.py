"""JSON-lines input, one object per line, each with the line number a user can find.

Shared by every batch command: a line that is not a JSON object comes out as
an error in the same stream, so the batch reports it and carries on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from interdict.model.strict import DuplicateKeyError, load_json


def json_objects(path: Path) -> Iterator[tuple[str, dict[str, Any] | str]]:
    """(position, object) for each non-blank line, or (position, reason) when it is no object."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            position = f"line {number}"
            try:
                record = load_json(line)
            except json.JSONDecodeError as error:
                yield position, f"not JSON: {error.msg}"
                continue
            except DuplicateKeyError as error:
                yield position, str(error)
                continue
            if not isinstance(record, dict):
                yield position, "expected a JSON object"
                continue
            yield position, record
