"""Everything an assessment reads besides the case file, opened once and passed to each check.

Keeping the sources in one place makes the ``inputs`` record honest: the
versions written into the assessment are those of the objects the checks
actually used, not a second look at the disk afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.rules import Rules
from interdict.denials.entries import DenialEntry
from interdict.parties.screening import Screens
from interdict.parties.store.datasets import DatasetInfo
from interdict.store.engine import Store


@dataclass(frozen=True)
class Context:
    controls: ControlList
    books: dict[Jurisdiction, Rules]
    screener: Screens
    lists: list[DatasetInfo]
    denials: list[DenialEntry]
    store: Store | None
    actor: str
