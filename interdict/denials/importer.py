"""Denials from a CSV file: every good row kept, every bad row named with its reason.

A register fed from another authority's notifications is only as good as
its worst row, so a bad row never costs the good ones: they are returned
together with a problem per bad row ("FILE line 7: date: ...").
"""

from __future__ import annotations

import csv
from pathlib import Path

from interdict.denials.entries import DenialEntry, DenialError, make_entry

COLUMNS = (
    "authority",
    "date",
    "entries",
    "item",
    "destination",
    "end_user",
    "reason",
    "source",
    "marking",
)
REQUIRED = ("authority", "date", "item", "source")


def read_csv(path: Path) -> tuple[list[DenialEntry], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise DenialError(f"{path}: cannot be read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise DenialError(f"{path}: not UTF-8 text (byte {error.start})") from error
    reader = csv.DictReader(text.splitlines())
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DenialError(
            f"{path}: header: missing columns {missing}; expected {', '.join(COLUMNS)}"
        )
    unknown = [c for c in header if c not in COLUMNS]
    if unknown:
        raise DenialError(f"{path}: header: unknown columns {unknown}; use {', '.join(COLUMNS)}")
    entries, problems = [], []
    for row in reader:
        line = reader.line_num
        try:
            entries.append(
                make_entry(
                    authority=row.get("authority") or "",
                    date=row.get("date") or "",
                    item=row.get("item") or "",
                    entries=(row.get("entries") or "").replace(";", " ").split(),
                    destination=row.get("destination") or None,
                    end_user=row.get("end_user") or None,
                    reason=row.get("reason") or None,
                    source=row.get("source") or "",
                    marking=row.get("marking") or None,
                    origin="import",
                )
            )
        except DenialError as error:
            problems.append(f"{path} line {line}: {error}")
    return entries, problems
