"""Per-field coverage over a corpus, the first thing a researcher asks of a parser.

Counting is done on the JSON output rather than on model objects so that the
same numbers come out of ``cables stats`` and out of a saved ``.jsonl`` file.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from interdict.cables.pipeline import Rendered

FIELDS = (
    "reference_id",
    "origin",
    "classification",
    "created",
    "transmission_id",
    "precedence",
    "routing_indicators",
    "de",
    "security_line",
    "dtg",
    "from",
    "to",
    "info",
    "xmt",
    "message_number",
    "captions",
    "caveats",
    "eo",
    "tags",
    "references",
    "subject",
    "summary",
    "classified_by",
    "paragraphs",
    "signers",
)


@dataclass(slots=True)
class Coverage:
    records: int = 0
    bad: int = 0
    with_warnings: int = 0
    present: Counter[str] = field(default_factory=Counter)
    warnings_by_field: Counter[str] = field(default_factory=Counter)
    bad_examples: list[tuple[str, str]] = field(default_factory=list)
    header_lines_understood: int = 0
    header_lines_total: int = 0

    def add(self, item: Rendered) -> None:
        if item.json is None:
            self.bad += 1
            if len(self.bad_examples) < 20:
                self.bad_examples.append((item.source, item.error or ""))
            return
        self.records += 1
        record: dict[str, Any] = json.loads(item.json)
        for name in FIELDS:
            if record.get(name) not in (None, "", [], {}):
                self.present[name] += 1
        header_lines = record.get("header_lines") or {}
        self.header_lines_understood += header_lines.get("understood", 0)
        self.header_lines_total += header_lines.get("total", 0)
        if item.warnings:
            self.with_warnings += 1
            for warning in item.warnings:
                self.warnings_by_field[warning.split(":", 1)[0]] += 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "bad_records": self.bad,
            "records_with_warnings": self.with_warnings,
            "fields": {name: self.present[name] for name in FIELDS},
            "header_lines": {
                "understood": self.header_lines_understood,
                "total": self.header_lines_total,
            },
            "warnings_by_field": dict(self.warnings_by_field.most_common()),
            "bad_examples": [{"source": s, "reason": r} for s, r in self.bad_examples],
        }
