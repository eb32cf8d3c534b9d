"""Classify the item and decide each jurisdiction's licence requirement, as findings.

The determination is the licence engine's own (``interdict determine``),
run with what the other checks found: an end user under a freeze, a
missile or nuclear end use known from the parties' listings or the file.
Its rules become findings by what they are: a measure tied to the
destination, a catch-all tied to the end use, or the item's own listing.
Unstated parameters become questions, since they could change the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from interdict.cases.casefile import Case
from interdict.cases.findings import (
    ControlListEvidence,
    Evidence,
    Finding,
    Kind,
    RuleEvidence,
    Severity,
    case_field,
)
from interdict.controls.classify import Classification, classify
from interdict.controls.determine import Determination, DeterminationError, Firing, determine
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.outputs import (
    DeterminationOut,
    EntryOut,
    classify_output,
    determination_out,
)
from interdict.controls.requests import make_request
from interdict.controls.rules import Rules


@dataclass(frozen=True)
class Decided:
    jurisdiction: Jurisdiction
    classification: Classification
    determination: Determination
    output: DeterminationOut


def decide(
    case: Case,
    controls: ControlList,
    books: dict[Jurisdiction, Rules],
    end_uses: set[str],
    end_users: set[str],
) -> tuple[list[Decided], list[Finding]]:
    """Each jurisdiction's determination, and findings for a jurisdiction that has no rule book."""
    request = make_request(
        case.destination,
        case.final_destination if case.final_destination != case.destination else None,
        sorted(end_uses),
        sorted(end_users),
        case.transaction,
    )
    decided, problems = [], []
    for jurisdiction in case.jurisdictions:
        result = classify(case.item, controls, jurisdiction)
        try:
            det = determine(result, controls, books[jurisdiction], request)
        except (DeterminationError, KeyError) as error:
            problems.append(
                Finding(
                    kind="open_question",
                    severity="warn",
                    summary=f"No {jurisdiction} determination could be made: {error}.",
                    evidence=[case_field("jurisdiction", jurisdiction)],
                    question=f"Have the {jurisdiction} requirement decided by hand.",
                )
            )
            continue
        out = determination_out(det, books[jurisdiction], result)
        decided.append(Decided(jurisdiction, result, det, out))
    return decided, problems


def item_findings(case: Case, decided: list[Decided], controls: ControlList) -> list[Finding]:
    findings: list[Finding] = []
    seen_entries: set[str] = set()
    asked: set[str] = set()
    for one in decided:
        classified = classify_output(one.classification, controls)
        for entry in classified.entries:
            if entry.id not in seen_entries:
                seen_entries.add(entry.id)
                findings.append(_controlled(case, entry))
        for missing in classified.missing_parameters:
            if missing.parameter in asked:
                continue
            asked.add(missing.parameter)
            findings.append(
                Finding(
                    kind="open_question",
                    severity="warn",
                    summary=(
                        f"{missing.parameter} is not stated; it decides "
                        f"{', '.join(missing.would_decide)} ({'; '.join(missing.thresholds)})."
                    ),
                    evidence=[case_field("item", case.item_source)],
                    question=missing.ask,
                )
            )
        if not classified.entries and not classified.undetermined:
            findings.append(
                Finding(
                    kind="controlled_item",
                    severity="info",
                    summary=f"{case.item.name}: {classified.message} ({one.jurisdiction}).",
                    evidence=[case_field("item", case.item_source)],
                )
            )
    return findings


def rule_findings(decided: list[Decided], books: dict[Jurisdiction, Rules]) -> list[Finding]:
    findings = []
    for one in decided:
        for firing in (*one.determination.decisive, *one.determination.also_fired):
            findings.append(_rule_finding(one, firing, books[one.jurisdiction]))
        if not one.determination.decided:
            note = next(
                (c for c in one.determination.caveats if c.startswith("Undecided")),
                "the outcome depends on unstated parameters.",
            )
            findings.append(
                Finding(
                    kind="open_question",
                    severity="warn",
                    summary=f"{one.jurisdiction}: {note}",
                    evidence=[case_field("item", ", ".join(one.determination.depends_on))],
                    question="State " + ", ".join(one.determination.depends_on) + ".",
                )
            )
    return findings


def _controlled(case: Case, entry: EntryOut) -> Finding:
    decided_by = "; ".join(
        f"{c.parameter} {c.op} {c.threshold} (stated {c.value})"
        for c in entry.comparisons
        if c.result
    )
    evidence: list[Evidence] = [
        ControlListEvidence(
            entry=ref.reference,
            title=ref.title,
            regime=f"{entry.regime} ({entry.regime_name})",
            list_title=ref.list_title,
            version_date=ref.version_date,
            sources=entry.sources,
        )
        for ref in entry.jurisdictions.values()
    ]
    evidence.append(case_field("item", case.item_source))
    return Finding(
        kind="controlled_item",
        severity="info",
        summary=(
            f"{case.item.name} falls under {entry.id} ({entry.regime_name}): {entry.title}. "
            f"Decided by: {decided_by or 'the entry as a whole'}."
        ),
        evidence=evidence,
    )


def _rule_finding(one: Decided, firing: Firing, rules: Rules) -> Finding:
    rule = firing.rule
    when = rule.when
    kind: Kind
    if when.end_use or when.end_use_all:
        kind = "catch_all"
    elif when.destinations or when.destination_set or when.end_user or when.chart:
        kind = "destination_measure"
    else:
        kind = "controlled_item"
    severity: Severity = "block" if rule.outcome == "prohibited" else "info"
    book = rules.book
    evidence: list[Evidence] = [
        RuleEvidence(
            rule=rule.id,
            instrument=book.instruments[basis.instrument].title,
            provision=basis.provision,
            says=basis.says,
            version_date=_dated(book.instruments[basis.instrument].version_date),
            sources=list(book.instruments[basis.instrument].sources),
        )
        for basis in rule.legal_basis
    ]
    because = "; ".join(firing.because)
    return Finding(
        kind=kind,
        severity=severity,
        summary=f"{one.jurisdiction} {rule.outcome}: {rule.summary}"
        + (f" ({because})" if because else ""),
        evidence=evidence,
    )


def _dated(value: date | None) -> str:
    return value.isoformat() if value is not None else "not confirmed"
