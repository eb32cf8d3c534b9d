"""Cases assessed against screening results written here, so each finding kind can be tested alone.

The fake screener answers with the matches a test gives for a name, which
keeps these tests about case assessment, not about name matching.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from interdict.cases.assess import assess
from interdict.cases.casefile import read_case
from interdict.cases.context import Context
from interdict.cases.outputs import Assessment
from interdict.controls.catalogue import bundled
from interdict.denials.entries import DenialEntry
from interdict.model.markings import Level, Marking
from interdict.model.provenance import Provenance
from interdict.parties.query import Query
from interdict.parties.results import (
    EntityRef,
    Explanation,
    LinkStep,
    Listing,
    Match,
    NameEvidence,
)

EXAMPLES = Path(__file__).parents[2] / "examples"
LATHE = {
    "name": "manual bench lathe",
    "parameters": {
        "item_type": "equipment",
        "component_kind": "machine_tool",
        "machining_functions": ["turning"],
        "numerical_control": False,
        "industrial_machinery": True,
    },
}
UN_IRAN = Listing(
    authority=["United Nations Security Council"],
    program=["UNSCR 1737 (2006) — Iran ballistic missile programme"],
    listing_date=["2006-12-23"],
    reference=["IRe.067"],
    source_url=["https://scsanctions.un.org/resources/xml/en/consolidated.xml"],
    provisions=["Asset freeze"],
)
SECRET = Marking(level=Level.S)


class FakeScreener:
    def __init__(self, answers: dict[str, list[Match]] | None = None) -> None:
        self.answers = answers or {}

    def screen(self, query: Query, limit: int = 10, threshold: float = 0.7) -> list[Match]:
        found = [m for name in query.names for m in self.answers.get(name, [])]
        return [m for m in found if m.score >= threshold][:limit]


def match(
    caption: str,
    score: float = 0.95,
    *,
    listings: list[Listing] | None = None,
    flagged: bool = True,
    listed: bool | None = True,
    links: list[LinkStep] | None = None,
    provenance: list[Provenance] | None = None,
) -> Match:
    name = NameEvidence(
        query=caption,
        candidate=caption,
        score=score,
        method="words",
        detail="",
        weak_alias=False,
        pairs=[],
        unmatched_query=[],
        unmatched_candidate=[],
        legal_forms_ignored=[],
    )
    return Match(
        entity_id=f"id-{caption.lower().replace(' ', '-')}",
        caption=caption,
        schema="Organization",
        score=score,
        match=flagged,
        datasets=["test"],
        explanation=Explanation(summary="", threshold=0.7, name=name, adjustments=[]),
        listings=listings or [],
        listed=listed,
        links=links or [],
        provenance=provenance or [],
    )


def cited(paragraph: str, text: str) -> Provenance:
    return Provenance(cable="09TEST1", paragraph=paragraph, portion=0, marking=SECRET, text=text)


def step(role: str, source: str, target: str, provenance: list[Provenance]) -> LinkStep:
    return LinkStep.model_validate(
        {
            "role": role,
            "from": EntityRef(id=f"intel-{source}", caption=source, datasets=["intel"]),
            "to": EntityRef(id=f"id-{target}", caption=target, datasets=["test"]),
            "provenance": provenance,
        }
    )


def clean_case(**changes: Any) -> dict[str, Any]:
    """An uncontrolled lathe to Japan for a named end user: nothing to find."""
    raw: dict[str, Any] = {
        "reference": "TEST-1",
        "exporter": {"name": "Tornos Ibericos S.L.", "country": "ES"},
        "parties": [{"role": ["consignee", "end_user"], "name": "Yamada Seiki", "country": "JP"}],
        "item": LATHE,
        "destination": "JP",
        "end_use": "Maintenance workshop for agricultural machinery",
        "subject_to_ear": False,
    }
    raw.update(changes)
    return raw


def run(
    raw: dict[str, Any],
    answers: dict[str, list[Match]] | None = None,
    denials: list[DenialEntry] | None = None,
    within_years: int | None = None,
) -> Assessment:
    controls, books = bundled()
    case = read_case(raw, controls, "case.yaml", EXAMPLES / "cases")
    context = Context(controls, books, FakeScreener(answers), [], denials or [], None, "test")
    return assess(case, context, within_years)


def kinds(assessment: Assessment) -> list[str]:
    return [f.kind for f in assessment.findings]
