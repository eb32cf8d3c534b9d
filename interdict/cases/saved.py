"""Saved cases: every assessment kept as a new version, decisions beside them, all audited.

Nothing is overwritten.  An officer defending a decision months later needs
the assessment as it stood when the decision was made, with the list and
knowledge-base versions it used; a re-assessment after new intelligence
is a new version beside it.  Each write goes into the audit trail in the
same transaction, so the trail never misses a change that happened.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.audit.trail import append
from interdict.cases.outputs import Assessment, Decision, SavedCase
from interdict.cases.visibility import visible
from interdict.store.schema import case_decisions, case_versions, cases


class NoSuchCaseError(LookupError):
    """A case reference that is not in the store."""


def save(
    connection: Connection, assessment: Assessment, case_file: dict[str, Any], actor: str
) -> int:
    """Store the assessment as the case's next version; returns the version number."""
    reference = assessment.case.reference
    now = datetime.now(UTC).replace(tzinfo=None)
    case_id = connection.execute(select(cases.c.id).where(cases.c.reference == reference)).scalar()
    if case_id is None:
        inserted = connection.execute(
            cases.insert().values(reference=reference, created_at=now, created_by=actor)
        ).inserted_primary_key
        assert inserted is not None  # an INSERT of one row always has its key
        case_id = inserted[0]
    latest = connection.execute(
        select(func.max(case_versions.c.version)).where(case_versions.c.case_id == case_id)
    ).scalar()
    number = int(latest or 0) + 1
    stored = assessment.model_copy(
        update={"case": assessment.case.model_copy(update={"version": number})}
    )
    connection.execute(
        case_versions.insert().values(
            case_id=case_id,
            version=number,
            assessed_at=datetime.fromisoformat(assessment.assessed_at).replace(tzinfo=None),
            assessed_by=actor,
            outcome=assessment.outcome,
            recommendation=assessment.recommendation,
            case_file=orjson.dumps(case_file, default=str).decode(),
            assessment=stored.model_dump_json(),
        )
    )
    append(
        connection,
        actor,
        "case.assess",
        reference,
        {
            "version": number,
            "outcome": assessment.outcome,
            "recommendation": assessment.recommendation,
        },
    )
    return number


def decide(
    connection: Connection, reference: str, decision: str, reason: str, actor: str
) -> Decision:
    case_id = _case_id(connection, reference)
    number = show(connection, reference).assessment.case.version or 0  # the latest it may see
    now = datetime.now(UTC).replace(tzinfo=None)
    connection.execute(
        case_decisions.insert().values(
            case_id=case_id,
            version=number,
            decision=decision,
            reason=reason,
            decided_by=actor,
            decided_at=now,
        )
    )
    append(
        connection,
        actor,
        "case.decide",
        reference,
        {"version": number, "decision": decision, "reason": reason},
    )
    return Decision(
        decision="deny" if decision == "deny" else "approve",
        reason=reason,
        decided_by=actor,
        decided_at=now.isoformat(timespec="seconds"),
        version=number,
    )


def show(connection: Connection, reference: str) -> SavedCase:
    case_id = _case_id(connection, reference)
    gate = gate_of(connection)
    rows = [
        row
        for row in connection.execute(
            select(case_versions)
            .where(case_versions.c.case_id == case_id)
            .order_by(case_versions.c.version)
        )
        .mappings()
        .all()
        if gate.reader.operator or visible(gate, Assessment.model_validate_json(row["assessment"]))
    ]
    if not rows:  # every version cites what the reader may not see: no such case for them
        raise NoSuchCaseError(_missing(reference))
    latest = Assessment.model_validate_json(rows[-1]["assessment"])
    visible(gate, latest, record=True)
    shown = {row["version"] for row in rows}
    decided = (
        connection.execute(
            select(case_decisions)
            .where(case_decisions.c.case_id == case_id)
            .order_by(case_decisions.c.id)
        )
        .mappings()
        .all()
    )
    return SavedCase(
        reference=reference,
        versions=[
            {
                "version": row["version"],
                "assessed_at": row["assessed_at"].isoformat(timespec="seconds"),
                "assessed_by": row["assessed_by"],
                "outcome": row["outcome"],
                "recommendation": row["recommendation"],
            }
            for row in rows
        ],
        assessment=latest,
        decisions=[
            Decision(
                decision=row["decision"],
                reason=row["reason"],
                decided_by=row["decided_by"],
                decided_at=row["decided_at"].isoformat(timespec="seconds"),
                version=row["version"],
            )
            for row in decided
            if row["version"] in shown
        ],
    )


def listing(connection: Connection) -> list[dict[str, Any]]:
    """One line per case the reader may see: its latest visible version and decision."""
    gate = gate_of(connection)
    rows = connection.execute(
        select(
            cases.c.reference,
            case_versions.c.version,
            case_versions.c.assessed_at,
            case_versions.c.outcome,
            case_versions.c.recommendation,
            case_versions.c.assessment,
        )
        .join(case_versions, case_versions.c.case_id == cases.c.id)
        .order_by(cases.c.reference, case_versions.c.version)
    ).all()
    latest: dict[str, Any] = {}
    for row in rows:
        if gate.reader.operator or visible(gate, Assessment.model_validate_json(row.assessment)):
            latest[row.reference] = row
    decisions: dict[tuple[str, int], str] = {
        (reference, version): decision
        for reference, version, decision in connection.execute(
            select(cases.c.reference, case_decisions.c.version, case_decisions.c.decision)
            .join(case_decisions, case_decisions.c.case_id == cases.c.id)
            .order_by(case_decisions.c.id)
        ).all()
    }
    return [
        {
            "reference": row.reference,
            "versions": row.version,
            "assessed_at": row.assessed_at.isoformat(timespec="seconds"),
            "outcome": row.outcome,
            "recommendation": row.recommendation,
            "decision": decisions.get((row.reference, row.version)),
        }
        for row in latest.values()
    ]


def _case_id(connection: Connection, reference: str) -> int:
    found = connection.execute(select(cases.c.id).where(cases.c.reference == reference)).scalar()
    if found is None:
        raise NoSuchCaseError(_missing(reference))
    return int(found)


def _missing(reference: str) -> str:
    return f"no case {reference!r} in the store; 'interdict case list' shows them"


def latest_case_file(connection: Connection, reference: str) -> tuple[dict[str, Any], Assessment]:
    """The case file and assessment of the latest version the reader may see."""
    assessment = show(connection, reference).assessment
    case_id = _case_id(connection, reference)
    data = connection.execute(
        select(case_versions.c.case_file).where(
            case_versions.c.case_id == case_id,
            case_versions.c.version == assessment.case.version,
        )
    ).scalar_one()
    return orjson.loads(data), assessment
