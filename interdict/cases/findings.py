"""What an assessment found, and where each finding comes from.

A finding is only as good as the evidence an officer can put in a file, so
every one carries a list of sources of five kinds (a cable portion with its
marking, a list entry with its listing, a control-list entry, a rule with
its legal basis, a denial, or the case file itself).  The cable source is
the same ``Provenance`` that extraction records, so access control can
judge a finding by the markings of its evidence alone.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from interdict.controls.entries import Source
from interdict.model.markings import Marking
from interdict.model.provenance import Provenance
from interdict.parties.results import LinkStep, Listing

Severity = Literal["block", "warn", "info"]
Kind = Literal[
    "listed_party",
    "linked_party",
    "intelligence",
    "controlled_item",
    "destination_measure",
    "catch_all",
    "red_flag",
    "prior_denial",
    "open_question",
]
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
SEVERITY_ORDER = {"block": 0, "warn": 1, "info": 2}
# How far a link to a listed entity reaches under the asset freezes (see docs/cases.md).
Reach = Literal["ownership_or_control", "acting_on_behalf", "indirect_making_available", "none"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CableEvidence(_Frozen):
    source: Literal["cable"] = "cable"
    cable: str = Field(description="reference id of the cable")
    paragraph: str | None
    portion: int
    marking: Marking | None = Field(description="the portion's marking, as the cable writes it")
    text: str = Field(description="the sentence that states the fact")


class ListEvidence(_Frozen):
    source: Literal["list"] = "list"
    dataset: str
    entity_id: str
    caption: str
    listings: list[Listing]


class ControlListEvidence(_Frozen):
    source: Literal["control_list"] = "control_list"
    entry: str
    title: str
    regime: str
    list_title: str
    version_date: str
    sources: list[Source]


class RuleEvidence(_Frozen):
    source: Literal["rule"] = "rule"
    rule: str = Field(description="the rule's id in the rule book, or the provision's")
    instrument: str
    provision: str
    says: str
    version_date: str
    sources: list[Source]


class DenialEvidence(_Frozen):
    source: Literal["denial"] = "denial"
    denial: str = Field(description="the register entry's id")
    authority: str | None
    date: str | None
    item: str
    destination: str | None
    end_user: str | None
    reason: str | None
    origin: str = Field(description="where the entry comes from: a cable, a file, or by hand")
    originator: str = Field(
        description="whose marking it carries: the cable's government (US) for a denial a cable "
        "reports, the denying authority for one entered by hand or imported"
    )
    marking: Marking | None


class CaseFileEvidence(_Frozen):
    source: Literal["case_file"] = "case_file"
    field: str = Field(description="the case-file field, e.g. parties[1].role")
    value: str


Evidence = Annotated[
    CableEvidence
    | ListEvidence
    | ControlListEvidence
    | RuleEvidence
    | DenialEvidence
    | CaseFileEvidence,
    Field(discriminator="source"),
]


class Finding(_Frozen):
    kind: Kind
    severity: Severity
    summary: str = Field(description="one sentence an officer can quote")
    evidence: list[Evidence]
    party: str | None = Field(default=None, description="the case party it concerns, if one")
    question: str | None = Field(
        default=None, description="for an open question: what to ask the exporter"
    )
    reach: Reach | None = Field(
        default=None,
        description="for a linked party: which rule reaches it (ownership or control, acting on "
        "behalf, indirect making available), or none",
    )
    chain: list[LinkStep] = Field(
        default=[], description="for a linked party: the steps to the listed entity, in order"
    )
    flag: str | None = Field(default=None, description="for a red flag: its id in the catalogue")


def from_cable(provenance: Provenance) -> CableEvidence:
    """A portion extraction cited, as evidence: the same fields, so the marking travels with it."""
    return CableEvidence(
        cable=provenance.cable,
        paragraph=provenance.paragraph,
        portion=provenance.portion,
        marking=provenance.marking,
        text=provenance.text,
    )


def case_field(field: str, value: object) -> CaseFileEvidence:
    return CaseFileEvidence(field=field, value=str(value))


def by_severity(findings: list[Finding]) -> list[Finding]:
    """Block first, then warn, then info; the order found is kept within each."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
