"""Assess a case: screen the parties, decide the licence, weigh the intelligence, explain.

The order matters.  Parties are screened first, because what they are (an
end user under a freeze, a front for a missile developer) changes the
licence determination; the determination then runs with those facts; red
flags, prior denials and the knowledge base's reports on the item follow.
Every finding carries its evidence, and the assessment records the
versions of everything it read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from sqlalchemy import func, select

from interdict.cases.casefile import EU_MEMBERS, Case, Party
from interdict.cases.checks.denials import denial_findings, query_for
from interdict.cases.checks.flags import red_flags
from interdict.cases.checks.intel_item import item_intelligence
from interdict.cases.checks.item import decide, item_findings, rule_findings
from interdict.cases.checks.parties import check_parties
from interdict.cases.checks.route import route_intelligence
from interdict.cases.context import Context
from interdict.cases.findings import Evidence, Finding, by_severity, case_field
from interdict.cases.outputs import Assessment, CaseOut, DatasetVersion, Inputs, PartyOut
from interdict.cases.references import assign_reference
from interdict.cases.verdict import overall, reasons, recommend
from interdict.intel.kb import state
from interdict.store.schema import cables

_END_USE_WORDS = {
    "missile": ("missile", "rocket", "ballistic", "uav", "drone"),
    "nuclear": ("nuclear", "enrichment", "centrifuge", "reprocessing"),
    "chemical_biological": ("chemical weapon", "biological weapon", "nerve agent"),
    "military": ("military", "army", "defence", "defense", "armed forces", "weapon"),
}


def assess(case: Case, context: Context, within_years: int | None = None) -> Assessment:
    now = datetime.now(UTC)
    parties = check_parties(case, context.screener)
    end_uses = dict(parties.end_uses)
    for flag, evidence in _stated_end_uses(case).items():
        end_uses.setdefault(flag, []).extend(evidence)
    decided, problems = decide(
        case, context.controls, context.books, set(end_uses), parties.end_users
    )
    entries = {
        ref.reference
        for one in decided
        for d in one.classification.matches
        for ref in d.entry.spec.jurisdictions.values()
    } | {d.entry.id for one in decided for d in one.classification.matches}
    query = query_for(case, entries, now.date(), within_years)
    findings: list[Finding] = [
        *parties.findings,
        *item_findings(case, decided, context.controls),
        *rule_findings(decided, context.books),
        *problems,
        *red_flags(case, parties.end_uses, bool(entries)),
        *denial_findings(case, query, context.denials),
        *_intelligence(case, context, parties.entities),
        *_unknowns(case),
    ]
    findings = by_severity(_unique(findings))
    determinations = [one.output for one in decided]
    outcome = overall(determinations, parties.raised)
    recommendation = recommend(findings)
    return Assessment(
        outcome=outcome,
        determinations=determinations,
        recommendation=recommendation,
        reasons=reasons(case, outcome, recommendation, findings),
        findings=findings,
        case=case_out(case),
        assessed_at=now.isoformat(timespec="seconds"),
        inputs=_inputs(context, len(context.denials)),
    )


def case_out(case: Case, saved_version: int | None = None) -> CaseOut:
    def party(p: Party) -> PartyOut:
        return PartyOut(
            role=list(p.roles),
            name=p.name,
            country=p.country,
            address=p.address,
            business=p.business,
            aliases=list(p.aliases),
        )

    return CaseOut(
        reference=case.reference or assign_reference(case),
        version=saved_version,
        jurisdictions=list(case.jurisdictions),
        authority=case.authority,
        exporter=PartyOut(
            role=["exporter"],
            name=case.exporter.name,
            country=case.exporter.country,
            address=case.exporter.address,
        ),
        parties=[party(p) for p in case.parties],
        item=case.item.name,
        item_source=case.item_source,
        destination=case.destination,
        final_destination=case.final_destination,
        transit=list(case.transit),
        end_use=case.end_use,
        end_use_flags=sorted(case.end_use_flags),
        value=(
            {"amount": case.value.amount, "currency": case.value.currency} if case.value else None
        ),
        subject_to_ear=case.subject_to_ear,
        transaction=case.transaction,
    )


def _stated_end_uses(case: Case) -> dict[str, list[Evidence]]:
    """End uses the file states: the flags given, and words of the stated end use."""
    found: dict[str, list[Evidence]] = {
        flag: [case_field("end_use_flags", flag)] for flag in case.end_use_flags
    }
    text = (case.end_use or "").lower()
    for flag, words in _END_USE_WORDS.items():
        if any(word in text for word in words):
            found.setdefault(flag, []).append(case_field("end_use", case.end_use))
    return found


def _intelligence(case: Case, context: Context, entities: dict[str, str]) -> list[Finding]:
    if context.store is None:
        return [
            Finding(
                kind="open_question",
                severity="warn",
                summary="No knowledge base was consulted: intelligence on the parties and the "
                "item could not be checked.",
                evidence=[case_field("(store)", "none")],
                question="Ingest the relevant cables ('interdict intel ingest') and assess again.",
            )
        ]
    with context.store.read() as connection:
        return [
            *route_intelligence(connection, entities),
            *item_intelligence(case, connection),
        ]


def _unknowns(case: Case) -> list[Finding]:
    """Facts the file leaves out that could change the outcome: asked, never assumed."""
    found = []
    if not case.with_role("end_user"):
        found.append(
            Finding(
                kind="open_question",
                severity="warn",
                summary="No party is named as the end user.",
                evidence=[case_field("parties", "no end_user role")],
                question="Who will use the item, and where? Ask for an end-user statement.",
            )
        )
    if case.subject_to_ear is None and case.exporter.country != "US":
        found.append(
            Finding(
                kind="open_question",
                severity="warn",
                summary="Whether US rules also apply is unknown: subject_to_ear is not stated.",
                evidence=[case_field("subject_to_ear", "(not stated)")],
                question="Is the item subject to the EAR (made in the US, or with more than de "
                "minimis US-controlled content)?",
            )
        )
    if case.exporter.country not in EU_MEMBERS and "EU" in case.jurisdictions:
        found.append(
            Finding(
                kind="open_question",
                severity="warn",
                summary=f"The exporter is in {case.exporter.country}, outside the EU, yet EU "
                "rules were asked for.",
                evidence=[case_field("exporter.country", case.exporter.country)],
                question="Confirm from which member state the item will be exported.",
            )
        )
    return found


def _unique(findings: list[Finding]) -> list[Finding]:
    return list({(f.kind, f.summary): f for f in findings}.values())


def _inputs(context: Context, denials: int) -> Inputs:
    try:
        own = version("interdict")
    except PackageNotFoundError:  # running from a source tree that was never installed
        own = "unknown"
    knowledge = None
    store = None
    if context.store is not None:
        store = f"{context.store.backend} {context.store.location}"
        with context.store.read() as connection:
            count = connection.execute(select(func.count()).select_from(cables)).scalar() or 0
            generation = state.read(connection, state.GENERATION)
        knowledge = f"generation {generation}, {count} cable(s)"
    return Inputs(
        interdict_version=own,
        lists=[DatasetVersion(name=info.name, version=info.version) for info in context.lists],
        control_list="; ".join(
            f"{v.title} ({v.version_date.isoformat()})" for v in context.controls.lists.values()
        ),
        rules={j: book.book.checked_on.isoformat() for j, book in context.books.items()},
        knowledge_base=knowledge,
        denials=denials,
        assessed_by=context.actor,
        store=store,
    )
