"""The JSON documents ``classify`` and ``determine`` print, as models with JSON schemas.

``docs/schemas/`` holds the generated schemas and a test keeps them equal, so
the documented contract is the printed one.  Regenerate with
``python -m interdict.controls.outputs docs/schemas``.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from interdict.controls.classify import Classification, Decision, missing_parameters
from interdict.controls.criteria import Comparison
from interdict.controls.determine import Determination, Firing
from interdict.controls.entries import ControlList, Jurisdiction, Source
from interdict.controls.item_lists import Derived
from interdict.controls.rules import Outcome, RuleBook, Rules


class ComparisonOut(BaseModel):
    parameter: str = Field(description="the item's parameter, with the axis for per-axis tests")
    op: str
    threshold: str
    value: str | None = Field(description="what the item states; null when it is not stated")
    result: bool | None = Field(description="true, false, or null when undecided")
    label: str | None = Field(description="the sub-item or characteristic the test belongs to")


class JurisdictionRef(BaseModel):
    reference: str
    title: str = Field(description="the entry's heading in this jurisdiction")
    list_title: str
    version_date: str
    reasons: list[str] = Field(default_factory=list)
    conditional_reasons: list[str] = Field(
        default_factory=list,
        description="reasons that apply to some goods only, with the condition (US NP on 2B001)",
    )


class EntryOut(BaseModel):
    id: str
    title: str
    regime: str
    regime_name: str
    jurisdictions: dict[str, JurisdictionRef]
    comparisons: list[ComparisonOut]
    also_meets: list[str] = Field(
        default_factory=list, description="entries it also meets that yield to this one"
    )
    notes: list[str]
    see_also: list[str]
    software: list[str]
    technology: list[str]
    gaps: list[str] = Field(description="parts of the official entry that are not encoded")
    sources: list[Source]


class NearMissOut(BaseModel):
    id: str
    title: str
    kept_out_by: list[ComparisonOut]


class ExcludedOut(BaseModel):
    id: str
    title: str
    note: str
    says: str
    comparisons: list[ComparisonOut]


class MissingOut(BaseModel):
    parameter: str
    ask: str
    would_decide: list[str] = Field(description="entries this parameter would decide")
    thresholds: list[str]


class ClassifyOutput(BaseModel):
    """``interdict classify ITEM --json``."""

    item: str
    jurisdiction: str
    status: str = Field(description="listed, not_listed or undetermined")
    message: str
    entries: list[EntryOut]
    near_misses: list[NearMissOut]
    excluded: list[ExcludedOut]
    undetermined: list[str]
    missing_parameters: list[MissingOut]
    assumptions: list[str]


class ClassifyBatchLine(BaseModel):
    """One line of ``interdict classify --batch FILE.jsonl --out OUT.jsonl``."""

    id: str | None = Field(default=None, description="the input line's id")
    classification: ClassifyOutput | None = None
    error: str | None = Field(default=None, description="why the line could not be classified")


class BasisOut(BaseModel):
    instrument: str
    version_date: str
    provision: str
    says: str
    sources: list[Source]


class RuleOut(BaseModel):
    rule: str
    outcome: Outcome
    summary: str
    because: list[str]


class DerivedOut(BaseModel):
    """An item fact read from a list of entries (EU Annex IV) rather than asked of the user."""

    parameter: str
    value: bool | None = Field(description="what the list gives; null when a row is undecided")
    stated: bool | None = Field(description="what the item itself states, if anything")
    applied: bool | None = Field(description="what the rules read: the item's statement wins")
    because: list[str] = Field(description="each entry looked up, with the row that decided it")
    instrument: str
    version_date: str
    provision: str
    sources: list[Source]


class DeterminationOut(BaseModel):
    jurisdiction: str
    outcome: Outcome
    general_authorisation: str | None = Field(description="its name, when the outcome is one")
    decided: bool = Field(
        description="false when unstated parameters could change the outcome; the outcome is then "
        "the strictest they could lead to"
    )
    otherwise: Outcome | None = Field(
        description="the most favourable outcome the missing facts could lead to"
    )
    otherwise_authorisation: str | None = Field(
        default=None, description="the general authorisation 'otherwise' would be"
    )
    depends_on: list[str] = Field(description="the parameters that would settle an undecided one")
    legal_basis: list[BasisOut]
    decided_by: list[RuleOut]
    also_applies: list[RuleOut]
    caveats: list[str]
    destination_in: list[str] = Field(
        description="the rule book's country sets holding the destination (EU001, Country Groups)"
    )
    rules_checked_on: str
    entries: list[str] = Field(description="the entries the item falls under in this jurisdiction")
    undetermined_entries: list[str] = Field(
        description="entries the item may fall under, depending on unstated parameters"
    )
    derived: list[DerivedOut] = Field(
        default_factory=list,
        description="item facts the rule book reads from the classification (Annex IV)",
    )


class JurisdictionError(BaseModel):
    jurisdiction: str
    reason: str


class DetermineOutput(BaseModel):
    """``interdict determine --item ITEM --destination CC --json``."""

    item: str
    destination: str
    final_destination: str | None = Field(description="where the end user is, if given")
    end_use: list[str]
    end_user: list[str]
    transaction: str = Field(
        description="sale, return_after_repair, temporary_exhibition or intra_group"
    )
    determinations: list[DeterminationOut]
    errors: list[JurisdictionError] = Field(
        default_factory=list, description="jurisdictions that could not be decided, and why"
    )


class DetermineBatchLine(BaseModel):
    """One line of ``interdict determine --batch FILE.jsonl --out OUT.jsonl``."""

    id: str | None = Field(default=None, description="the input line's id")
    determination: DetermineOutput | None = None
    error: str | None = Field(default=None, description="why the line could not be decided")


def comparison_out(c: Comparison) -> ComparisonOut:
    return ComparisonOut(
        parameter=c.parameter,
        op=c.op,
        threshold=c.threshold,
        value=c.value,
        result=c.result,
        label=c.label,
    )


def classify_output(result: Classification, controls: ControlList) -> ClassifyOutput:
    entries = [_entry_out(d, controls, result.jurisdiction) for d in result.matches]
    missing = missing_parameters(result)
    status = "listed" if entries else ("undetermined" if result.undetermined else "not_listed")
    messages = {
        "listed": f"listed under {', '.join(e.id for e in entries)}",
        "undetermined": "not decided: the missing parameters below would decide it",
        "not_listed": "not listed under any encoded entry; catch-all controls may still apply "
        "(EU Art. 4 of Regulation 2021/821; US 15 CFR 744.2, 744.3, 744.21)",
    }
    return ClassifyOutput(
        item=result.item.name,
        jurisdiction=result.jurisdiction,
        status=status,
        message=messages[status],
        entries=entries,
        near_misses=[
            NearMissOut(
                id=d.entry.id,
                title=d.entry.title_in(result.jurisdiction),
                kept_out_by=[comparison_out(c) for c in d.verdict.blockers],
            )
            for d in result.near_misses
        ],
        excluded=[
            ExcludedOut(
                id=d.entry.id,
                title=d.entry.title_in(result.jurisdiction),
                note=f"{d.excluded_by.owner} {d.excluded_by.ref}",
                says=d.excluded_by.says,
                comparisons=[comparison_out(c) for c in d.exclusion_verdict.decisive],
            )
            for d in result.excluded
            if d.excluded_by is not None and d.exclusion_verdict is not None
        ],
        undetermined=[d.entry.id for d in result.undetermined],
        missing_parameters=[
            MissingOut(
                parameter=name,
                ask=_ask(controls, name),
                would_decide=sorted({entry for entry, _ in uses}),
                thresholds=sorted({f"{c.op} {c.threshold} ({entry})" for entry, c in uses}),
            )
            for name, uses in sorted(missing.items())
        ],
        assumptions=list(result.item.assumptions),
    )


def _ask(controls: ControlList, path: str) -> str:
    """The vocabulary's question for ``linear_axes[X].travel`` or ``numerical_control``."""
    head, _, field = path.partition(".")
    name = head.split("[", 1)[0]
    spec = controls.vocabulary.get(field, name) if field else controls.vocabulary.get(name)
    if spec is None:
        return f"State {path}."
    return spec.ask or spec.description


def _entry_out(decision: Decision, controls: ControlList, jurisdiction: Jurisdiction) -> EntryOut:
    entry = decision.entry
    lineage = controls.lineage(entry.id)
    refs = {
        j: JurisdictionRef(
            reference=v.reference,
            title=entry.title_in(j),
            list_title=controls.lists[v.list].title,
            version_date=controls.lists[v.list].version_date.isoformat(),
            reasons=list(v.reasons),
            conditional_reasons=[f"{c.reason}: {c.says}" for c in v.conditional_reasons],
        )
        for j, v in entry.spec.jurisdictions.items()
    }
    root = lineage[0].spec
    return EntryOut(
        id=entry.id,
        title=entry.title_in(jurisdiction),
        regime=entry.regime,
        regime_name=entry.regime_name,
        jurisdictions=refs,
        comparisons=[comparison_out(c) for c in decision.verdict.decisive],
        also_meets=list(decision.also_meets),
        notes=[f"{a.id} {n.ref}: {n.says}" for a in lineage for n in a.spec.notes],
        see_also=sorted({s for a in lineage for s in a.spec.see_also}),
        software=list(root.related.software),
        technology=list(root.related.technology),
        gaps=[g for a in lineage for g in a.spec.gaps],
        sources=[s for a in lineage for s in a.spec.sources],
    )


def determination_out(det: Determination, rules: Rules, result: Classification) -> DeterminationOut:
    book = rules.book
    # Every restrictive rule that fired is cited, the deciding ones first: a refusal quotes
    # the UN ban, the regulation and the catch-all together.
    cited = [*det.decisive, *det.also_fired]
    bases = [
        BasisOut(
            instrument=book.instruments[b.instrument].title,
            version_date=_date(book.instruments[b.instrument].version_date),
            provision=b.provision,
            says=b.says,
            sources=list(book.instruments[b.instrument].sources),
        )
        for b in dict.fromkeys(b for f in cited for b in f.rule.legal_basis)
    ]
    return DeterminationOut(
        jurisdiction=det.jurisdiction,
        outcome=det.outcome,
        general_authorisation=det.authorisation,
        decided=det.decided,
        otherwise=det.otherwise,
        otherwise_authorisation=det.otherwise_authorisation,
        depends_on=list(det.depends_on),
        legal_basis=bases,
        decided_by=[_rule_out(f) for f in det.decisive],
        also_applies=[_rule_out(f) for f in det.also_fired],
        caveats=list(det.caveats),
        destination_in=list(det.memberships),
        rules_checked_on=book.checked_on.isoformat(),
        entries=[d.entry.id for d in result.matches],
        undetermined_entries=[d.entry.id for d in result.undetermined],
        derived=[_derived_out(d, book) for d in det.derived],
    )


def _derived_out(derived: Derived, book: RuleBook) -> DerivedOut:
    listing = derived.item_list
    instrument = book.instruments[listing.instrument]
    return DerivedOut(
        parameter=listing.parameter,
        value=derived.value,
        stated=derived.stated,
        applied=derived.applied,
        because=list(derived.because),
        instrument=instrument.title,
        version_date=_date(instrument.version_date),
        provision=listing.provision,
        sources=list(instrument.sources),
    )


def _date(value: date | None) -> str:
    return "not confirmed" if value is None else value.isoformat()


def _rule_out(firing: Firing) -> RuleOut:
    rule = firing.rule
    return RuleOut(
        rule=rule.id, outcome=rule.outcome, summary=rule.summary, because=list(firing.because)
    )


def schemas() -> dict[str, dict[str, Any]]:
    return {
        "classify.schema.json": ClassifyOutput.model_json_schema(mode="serialization"),
        "classify-batch-line.schema.json": ClassifyBatchLine.model_json_schema(
            mode="serialization"
        ),
        "determine-batch-line.schema.json": DetermineBatchLine.model_json_schema(
            mode="serialization"
        ),
        "determine.schema.json": DetermineOutput.model_json_schema(mode="serialization"),
    }


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    folder = Path(sys.argv[1])
    for name, schema in schemas().items():
        (folder / name).write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
