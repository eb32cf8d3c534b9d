"""The bundled control lists and rule books, loaded and validated once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from interdict.controls.entries import (
    ControlList,
    ControlListError,
    Jurisdiction,
    load_control_list,
)
from interdict.controls.rules import Rules, load_rules


@cache
def bundled() -> tuple[ControlList, dict[Jurisdiction, Rules]]:
    with as_file(files("interdict.data") / "controls") as folder:
        return load(Path(folder))


def load(folder: Path) -> tuple[ControlList, dict[Jurisdiction, Rules]]:
    controls = load_control_list(folder)
    books = load_rules(folder / "rules", controls.vocabulary)
    _check_reasons(controls, books)
    return controls, books


def _check_reasons(controls: ControlList, books: dict[Jurisdiction, Rules]) -> None:
    """A reason the chart has no column for would never require a licence: refuse it."""
    for jurisdiction, rules in books.items():
        chart = rules.book.chart
        if chart is None:
            continue
        for entry in controls.entries.values():
            version = entry.spec.jurisdictions.get(jurisdiction)
            if version is None:
                continue
            reasons = [*version.reasons, *(c.reason for c in version.conditional_reasons)]
            unknown = [r for r in reasons if r not in chart.columns]
            if unknown:
                raise ControlListError(
                    f"{entry.id}: jurisdictions.{jurisdiction}.reasons: {unknown} are not "
                    f"Country Chart columns ({', '.join(chart.columns)})"
                )
