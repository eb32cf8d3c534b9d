"""One screen for an assessment: the outcome and recommendation first, then the findings.

Findings come by severity (block, warn, info), each with its evidence on
the lines below it, so the officer reads the reason to refuse before the
detail, and every line can be traced to a cable portion, a listing, a
control entry, a rule or the case file.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from interdict.cases.findings import (
    CableEvidence,
    CaseFileEvidence,
    ControlListEvidence,
    DenialEvidence,
    Evidence,
    ListEvidence,
    RuleEvidence,
)
from interdict.cases.outputs import Assessment
from interdict.parties.describe import step_line

_STYLE = {"block": "bold red", "warn": "yellow", "info": "cyan"}
_RECOMMENDATION = {"deny": "bold red", "refer": "bold yellow", "proceed": "bold green"}


def print_assessment(assessment: Assessment, console: Console) -> None:
    case = assessment.case
    version = f" v{case.version}" if case.version else ""
    route = " -> ".join(dict.fromkeys([case.destination, *case.transit, case.final_destination]))
    console.print(
        f"[bold]{escape(case.reference)}{version}[/bold]  {escape(case.item)}  "
        f"{case.exporter.country} -> {route}"
    )
    console.print(
        f"outcome: [bold]{assessment.outcome}[/bold]   recommendation: "
        f"[{_RECOMMENDATION[assessment.recommendation]}]{assessment.recommendation}[/]"
    )
    for determination in assessment.determinations:
        console.print(f"  {determination.jurisdiction}: {determination.outcome}")
    console.print(f"\n{escape(assessment.reasons)}\n", soft_wrap=False)
    for finding in assessment.findings:
        style = _STYLE[finding.severity]
        console.print(
            f"[{style}]{finding.severity.upper():5}[/] [bold]{finding.kind}[/bold]  "
            f"{escape(finding.summary)}"
        )
        for step in finding.chain:
            console.print(f"        chain: {escape(step_line(step))}")
        if finding.question:
            console.print(f"        ask: {escape(finding.question)}")
        for evidence in finding.evidence:
            console.print(f"        - {escape(evidence_line(evidence))}", soft_wrap=True)
    inputs = assessment.inputs
    lists = ", ".join(f"{d.name} {d.version}" for d in inputs.lists)
    console.print(
        f"\nassessed {assessment.assessed_at} by {escape(inputs.assessed_by)}; lists: "
        f"{escape(lists)}; knowledge base: {inputs.knowledge_base or 'none'}; "
        f"denials compared: {inputs.denials}"
    )


def evidence_line(evidence: Evidence) -> str:
    """One line per source, written the way an officer cites it."""
    if isinstance(evidence, CableEvidence):
        where = f"¶{evidence.paragraph}" if evidence.paragraph else "unnumbered"
        marking = f"({evidence.marking.label()}) " if evidence.marking else ""
        return f"cable {evidence.cable} {where}: {marking}{evidence.text}"
    if isinstance(evidence, ListEvidence):
        refs = ", ".join(r for listing in evidence.listings for r in listing.reference)
        return f"list {evidence.dataset}: {evidence.caption} [{evidence.entity_id}] {refs}"
    if isinstance(evidence, ControlListEvidence):
        return (
            f"control list: {evidence.entry} {evidence.title} ({evidence.regime}; "
            f"{evidence.list_title}, {evidence.version_date})"
        )
    if isinstance(evidence, RuleEvidence):
        return f"rule {evidence.rule}: {evidence.instrument}, {evidence.provision}"
    if isinstance(evidence, DenialEvidence):
        return (
            f"denial {evidence.denial}: {evidence.authority or '?'} {evidence.date or '?'}, "
            f"{evidence.item}, to {evidence.destination or '?'} ({evidence.origin})"
        )
    assert isinstance(evidence, CaseFileEvidence)
    return f"case file {evidence.field}: {evidence.value}"
