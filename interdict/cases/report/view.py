"""What the report says, as plain text, so that the HTML page and the PDF say the same thing.

Both renderers only lay out a ``Report``: every wording (the banner, how a
piece of evidence is cited, how a chain step reads) is decided here once.
The text is left unescaped; escaping is the HTML renderer's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from interdict.access.banner import Banner
from interdict.access.gate import ORIGINATOR
from interdict.cases.findings import (
    CableEvidence,
    CaseFileEvidence,
    ControlListEvidence,
    DenialEvidence,
    Evidence,
    Finding,
    ListEvidence,
    RuleEvidence,
    Severity,
    by_severity,
)
from interdict.cases.outputs import Assessment, CaseOut, Inputs
from interdict.cases.report.route import Route, route
from interdict.controls.entries import Source
from interdict.controls.outputs import DeterminationOut, RuleOut
from interdict.model.markings import Marking
from interdict.parties.results import LinkStep

OUTCOME_WORDS = {
    "prohibited": "Prohibited",
    "licence_required": "Licence required",
    "general_authorisation": "General authorisation",
    "no_licence_required": "No licence required",
}
RECOMMENDATION_WORDS = {"deny": "Deny", "refer": "Refer", "proceed": "Proceed"}
SEVERITY_HEADINGS: dict[Severity, str] = {
    "block": "Block",
    "warn": "Warn",
    "info": "For information",
}


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class EvidenceView:
    """One source of a finding: a heading, the marking (cables, denials), the text, the rest."""

    source: str
    heading: str
    marking: str | None
    text: str | None
    details: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class FindingView:
    kind: str
    summary: str
    notes: tuple[str, ...]
    chain: tuple[str, ...]
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class FindingGroup:
    severity: Severity
    heading: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class RuleView:
    rule: str
    outcome: str
    summary: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class BasisView:
    instrument: str
    provision: str
    says: str
    version_date: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class DeterminationView:
    jurisdiction: str
    outcome: str
    status: str
    decided_by: tuple[RuleView, ...]
    also_applies: tuple[RuleView, ...]
    legal_basis: tuple[BasisView, ...]
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    banner: str
    reference: str
    outcome: str
    recommendation: str
    reasons: str
    summary: tuple[tuple[str, str], ...]
    route: Route
    determinations: tuple[DeterminationView, ...]
    groups: tuple[FindingGroup, ...]
    questions: tuple[str, ...]
    inputs: tuple[tuple[str, str], ...]


def report(assessment: Assessment) -> Report:
    case = assessment.case
    version = f" (version {case.version})" if case.version is not None else ""
    return Report(
        banner=banner(assessment),
        reference=case.reference + version,
        outcome=OUTCOME_WORDS[assessment.outcome],
        recommendation=RECOMMENDATION_WORDS[assessment.recommendation],
        reasons=assessment.reasons,
        summary=_summary(case),
        route=route(assessment),
        determinations=tuple(_determination(d) for d in assessment.determinations),
        groups=_groups(assessment.findings),
        questions=tuple(
            f.question or f.summary for f in assessment.findings if f.kind == "open_question"
        ),
        inputs=_inputs(assessment.inputs, assessment.assessed_at),
    )


def banner(assessment: Assessment) -> str:
    """The banner of everything the report cites (``SECRET//REL TO USA, ESP``).

    The portions behind a chain step count too: the report prints the step
    ("A front_for B"), which is the classified fact itself.
    """
    built = Banner(ORIGINATOR)
    for marking in _markings(assessment.findings):
        built.add(marking)
    return built.text()


def _markings(findings: list[Finding]) -> list[Marking]:
    found: list[Marking | None] = []
    for finding in findings:
        found.extend(p.marking for step in finding.chain for p in step.provenance)
        found.extend(
            e.marking for e in finding.evidence if isinstance(e, CableEvidence | DenialEvidence)
        )
    return [m for m in found if m is not None]


def _summary(case: CaseOut) -> tuple[tuple[str, str], ...]:
    parties = "; ".join(
        f"{p.name} ({p.country or 'country not stated'}), {', '.join(_words(r) for r in p.role)}"
        for p in case.parties
    )
    end_use = case.end_use or "not stated"
    if case.end_use_flags:
        end_use += f" (flagged: {', '.join(_words(f) for f in case.end_use_flags)})"
    ear = {True: "yes", False: "no", None: "not stated"}[case.subject_to_ear]
    return (
        ("Authority", case.authority),
        ("Jurisdictions", ", ".join(case.jurisdictions)),
        ("Exporter", f"{case.exporter.name} ({case.exporter.country or 'country not stated'})"),
        ("Parties", parties or "none"),
        ("Item", f"{case.item} ({case.item_source})"),
        ("Destination", case.destination),
        ("Final destination", case.final_destination),
        ("Transit", ", ".join(case.transit) or "none"),
        ("End use", end_use),
        ("Value", _value(case.value)),
        ("Transaction", _words(case.transaction)),
        ("Subject to the EAR", ear),
    )


def _value(value: dict[str, Any] | None) -> str:
    """``480,000.00 EUR`` for the case file's amount and currency."""
    if value is None:
        return "not stated"
    amount = value.get("amount")
    number = f"{amount:,.2f}" if isinstance(amount, int | float) else str(amount)
    return f"{number} {value.get('currency', '')}".strip()


def _determination(d: DeterminationOut) -> DeterminationView:
    outcome = OUTCOME_WORDS[d.outcome]
    if d.general_authorisation:
        outcome += f" ({d.general_authorisation})"
    if d.decided:
        status = "decided"
    else:
        otherwise = OUTCOME_WORDS[d.otherwise] if d.otherwise else "no other outcome"
        if d.otherwise_authorisation:
            otherwise += f" ({d.otherwise_authorisation})"
        status = (
            f"not decided: depends on {', '.join(d.depends_on) or 'unstated parameters'}; "
            f"at best {otherwise}"
        )
    return DeterminationView(
        jurisdiction=d.jurisdiction,
        outcome=outcome,
        status=status,
        decided_by=tuple(_rule(r) for r in d.decided_by),
        also_applies=tuple(_rule(r) for r in d.also_applies),
        legal_basis=tuple(
            BasisView(
                instrument=b.instrument,
                provision=b.provision,
                says=b.says,
                version_date=b.version_date,
                links=_links(b.sources),
            )
            for b in d.legal_basis
        ),
        caveats=tuple(d.caveats),
    )


def _rule(rule: RuleOut) -> RuleView:
    return RuleView(
        rule=rule.rule,
        outcome=OUTCOME_WORDS[rule.outcome],
        summary=rule.summary,
        because=tuple(rule.because),
    )


def _groups(findings: list[Finding]) -> tuple[FindingGroup, ...]:
    """Block, warn and info, each listed even when empty: 'no blocking finding' is news too."""
    ordered = by_severity(findings)
    return tuple(
        FindingGroup(
            severity=severity,
            heading=heading,
            findings=tuple(_finding(f) for f in ordered if f.severity == severity),
        )
        for severity, heading in SEVERITY_HEADINGS.items()
    )


def _finding(finding: Finding) -> FindingView:
    notes = [
        f"Party: {finding.party}" if finding.party else None,
        f"Reach: {_words(finding.reach)}" if finding.reach else None,
        f"Red flag: {finding.flag}" if finding.flag else None,
        f"Ask the exporter: {finding.question}" if finding.question else None,
    ]
    return FindingView(
        kind=_words(finding.kind),
        summary=finding.summary,
        notes=tuple(n for n in notes if n),
        chain=tuple(_step(step) for step in finding.chain),
        evidence=tuple(_evidence(e) for e in finding.evidence),
    )


def _step(step: LinkStep) -> str:
    """``A front_for B [09ANKARA123 ¶3, ¶5]``: the cables and paragraphs that state the step."""
    cables: dict[str, list[str]] = {}
    for p in step.provenance:
        where = f"¶{p.paragraph}" if p.paragraph else f"portion {p.portion}"
        places = cables.setdefault(p.cable, [])
        if where not in places:
            places.append(where)
    cited = "; ".join(f"{cable} {', '.join(places)}" for cable, places in cables.items())
    text = f"{step.from_.caption} {step.role} {step.to.caption}"
    if cited:
        text += f" [{cited}]"
    if step.detail:
        text += f" ({step.detail})"
    return text


def _evidence(evidence: Evidence) -> EvidenceView:
    match evidence:
        case CableEvidence():
            return _cable(evidence)
        case ListEvidence():
            return _list(evidence)
        case ControlListEvidence():
            return EvidenceView(
                source=evidence.source,
                heading=f"Control list entry {evidence.entry}: {evidence.title}",
                marking=None,
                text=None,
                details=(f"{evidence.regime}; {evidence.list_title}, {evidence.version_date}",),
                links=_links(evidence.sources),
            )
        case RuleEvidence():
            return EvidenceView(
                source=evidence.source,
                heading=f"Rule {evidence.rule}: {evidence.instrument}, {evidence.provision}",
                marking=None,
                text=evidence.says,
                details=(f"Version of {evidence.version_date}",),
                links=_links(evidence.sources),
            )
        case DenialEvidence():
            return _denial(evidence)
        case CaseFileEvidence():
            return EvidenceView(
                source=evidence.source,
                heading=f"Case file: {evidence.field}",
                marking=None,
                text=evidence.value,
            )


def _cable(evidence: CableEvidence) -> EvidenceView:
    """An unmarked portion says so: a missing marking must not read as unclassified."""
    where = f" ¶{evidence.paragraph}" if evidence.paragraph else ""
    return EvidenceView(
        source=evidence.source,
        heading=f"Cable {evidence.cable}{where}",
        marking=evidence.marking.label() if evidence.marking else "unmarked",
        text=evidence.text,
    )


def _list(evidence: ListEvidence) -> EvidenceView:
    details = tuple(
        "; ".join(
            [
                ", ".join(listing.authority) or "authority not given",
                ", ".join(listing.program) or "programme not given",
                ", ".join(listing.reference) or "no reference",
            ]
        )
        for listing in evidence.listings
    )
    urls = dict.fromkeys(u for listing in evidence.listings for u in listing.source_url)
    return EvidenceView(
        source=evidence.source,
        heading=f"List entry: {evidence.caption} ({evidence.dataset}, {evidence.entity_id})",
        marking=None,
        text=None,
        details=details + tuple(u for u in urls if not _linkable(u)),
        links=tuple(Link(url=u, label=u) for u in urls if _linkable(u)),
    )


def _denial(evidence: DenialEvidence) -> EvidenceView:
    facts = [
        evidence.authority or "authority not given",
        evidence.date or "date not given",
        evidence.item,
        evidence.destination or "destination not given",
    ]
    details = [f"End user: {evidence.end_user}" if evidence.end_user else None]
    details.append(f"Reason: {evidence.reason}" if evidence.reason else None)
    details.append(f"From: {evidence.origin}")
    return EvidenceView(
        source=evidence.source,
        heading=f"Denial {evidence.denial}",
        marking=evidence.marking.label() if evidence.marking else None,
        text=" · ".join(facts),
        details=tuple(d for d in details if d),
    )


def _links(sources: list[Source]) -> tuple[Link, ...]:
    return tuple(Link(url=s.url, label=f"{s.supports}: {s.url}") for s in sources)


def _linkable(url: str) -> bool:
    """Only web addresses become links: a list's ``javascript:`` URL stays inert text."""
    return url.startswith(("https://", "http://"))


def _inputs(inputs: Inputs, assessed_at: str) -> tuple[tuple[str, str], ...]:
    return (
        ("Assessed at", assessed_at),
        ("Assessed by", inputs.assessed_by),
        ("Interdict", inputs.interdict_version),
        ("Lists", ", ".join(f"{d.name} {d.version}" for d in inputs.lists) or "none"),
        ("Control lists", inputs.control_list),
        ("Rule books", ", ".join(f"{k} checked on {v}" for k, v in inputs.rules.items())),
        ("Knowledge base", inputs.knowledge_base or "none"),
        ("Denials compared", str(inputs.denials)),
        ("Store", inputs.store or "none"),
    )


def _words(code: str) -> str:
    return code.replace("_", " ")
