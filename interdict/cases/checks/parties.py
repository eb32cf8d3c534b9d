"""Screen every party of a case against the lists and the knowledge base, and say what it means.

Each party gets at most one finding from its best match: listed (the
party is on a list whose freeze applies), linked (the knowledge base or the
list data lead from it to a listed entity; it is not itself designated and
the finding says which rule reaches it), or intelligence (the cables name
it, but nothing leads to a list).  A name close to a listed one but below
the threshold is a red flag.  What a finding implies for the export (an end
user under a freeze, a suspected missile end use) is handed back to the
determination, which cites the provisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interdict.cases.casefile import Case, Party
from interdict.cases.catalogue import flag_evidence
from interdict.cases.checks.listings import Effect, effects, reach_of, reached
from interdict.cases.findings import (
    CableEvidence,
    Evidence,
    Finding,
    ListEvidence,
    RuleEvidence,
    case_field,
    from_cable,
)
from interdict.controls.entries import Jurisdiction
from interdict.controls.rules import SEVERITY, Outcome
from interdict.intel.kb.chain import INTEL
from interdict.model.provenance import Provenance
from interdict.parties.describe import cited, step_line
from interdict.parties.query import QueryError, make_query
from interdict.parties.results import DEFAULT_THRESHOLD, Match
from interdict.parties.screening import Screens

NEAR = 0.5  # names scoring from here up to the threshold are red flags, not matches
_ROLES_RECEIVING = ("consignee", "end_user", "intermediary")
_MISSILE = ("missile", "rocket")
_NUCLEAR = ("nuclear", "enrichment")


@dataclass
class PartyFacts:
    """What the parties' screening found, for the findings and for the determination."""

    findings: list[Finding] = field(default_factory=list)
    end_users: set[str] = field(default_factory=set)
    end_uses: dict[str, list[Evidence]] = field(default_factory=dict)
    raised: dict[Jurisdiction, tuple[Outcome, str]] = field(default_factory=dict)
    screened: int = 0
    entities: dict[str, str] = field(default_factory=dict)  # party name -> knowledge-base id

    def raise_to(self, jurisdiction: Jurisdiction, outcome: Outcome, why: str) -> None:
        known = self.raised.get(jurisdiction)
        if known is None or SEVERITY[outcome] > SEVERITY[known[0]]:
            self.raised[jurisdiction] = (outcome, why)


def check_parties(case: Case, screener: Screens) -> PartyFacts:
    facts = PartyFacts()
    exporter = Party(("exporter",), case.exporter.name, case.exporter.country)
    for index, party in enumerate((exporter, *case.parties)):
        where = "exporter" if index == 0 else f"parties[{index - 1}]"
        _screen(case, party, where, screener, facts)
    return facts


def _screen(case: Case, party: Party, where: str, screener: Screens, facts: PartyFacts) -> None:
    try:
        query = make_query(
            [party.name, *party.aliases],
            party.schema,
            countries=[party.country] if party.country else [],
        )
    except QueryError as error:
        facts.findings.append(_unscreened(party, where, str(error)))
        return
    found = screener.screen(query, limit=5, threshold=NEAR)
    facts.screened += 1
    strong = [m for m in found if m.score >= DEFAULT_THRESHOLD]
    known_as = next((m.entity_id for m in strong if INTEL in m.datasets), None)
    if known_as is not None and known_as.startswith("intel-"):
        facts.entities[party.name] = known_as
    flagged = next((m for m in strong if m.match), None)
    if flagged is not None:
        if flagged.links and not flagged.listed:
            _linked(case, party, where, flagged, facts)
        else:
            _listed(case, party, where, flagged, facts)
    known = next((m for m in strong if not m.match and m.provenance), None)
    if known is not None and flagged is None:
        facts.findings.append(_intelligence(party, where, known))
    near = next((m for m in found if m.match and m.score < DEFAULT_THRESHOLD), None)
    if near is not None and flagged is None:
        facts.findings.append(_near(party, where, near))


def _listed(case: Case, party: Party, where: str, match: Match, facts: PartyFacts) -> None:
    bases: list[RuleEvidence] = []
    imposed: list[str] = []
    for jurisdiction in case.jurisdictions:
        for effect in _effects(match, jurisdiction):
            facts.raise_to(
                jurisdiction, effect.outcome, f"{party.name} is listed ({effect.regime})"
            )
            imposed.append(f"{effect.outcome} in {jurisdiction} ({effect.regime})")
            bases.extend(e for e in effect.evidence if e not in bases)
            if effect.freeze and _receives(party):
                facts.end_users.add("sanctioned")
    _programme_end_uses(match, facts)
    severity = "block" if imposed else "warn"
    effect_text = "; ".join(dict.fromkeys(imposed)) or "no freeze applies under these rules"
    summary = (
        f"{party.name} ({', '.join(party.roles)}) matches the listed {match.caption} at "
        f"{match.score:.2f}: {_listing_text(match)}; {effect_text}."
    )
    evidence: list[Evidence] = [
        case_field(f"{where}.name", party.name),
        _list_evidence(match),
        *bases,
        *_cables(match.provenance),
    ]
    facts.findings.append(
        Finding(
            kind="listed_party",
            severity=severity,
            summary=summary,
            evidence=evidence,
            party=party.name,
        )
    )


def _linked(case: Case, party: Party, where: str, match: Match, facts: PartyFacts) -> None:
    roles = [step.role for step in match.links if step.role != "same_as"]
    reach = reach_of(roles)
    raised: list[str] = []
    bases: list[RuleEvidence] = []
    for jurisdiction in case.jurisdictions:
        for effect in _effects(match, jurisdiction):
            outcome, cited_rules = reached(effect, reach)
            if outcome is None:
                continue
            facts.raise_to(jurisdiction, outcome, f"{party.name} is linked to a listed entity")
            raised.append(f"{outcome} in {jurisdiction}")
            bases.extend(e for e in cited_rules if e not in bases)
            if outcome == "prohibited" and _receives(party):
                facts.end_users.add("sanctioned")
    _programme_end_uses(match, facts)
    listed = match.links[-1].to.caption
    chain = "; ".join(step_line(step) for step in match.links)
    rule = reach.replace("_", " ")
    consequence = (
        f"the asset freeze reaches it by {rule}: {', '.join(dict.fromkeys(raised))}"
        if raised
        else f"no freeze applied here reaches it by {rule}; the link still needs review"
    )
    summary = (
        f"{party.name} ({', '.join(party.roles)}) is not itself designated, but the knowledge "
        f"base links it to the listed {listed}: {chain}. {consequence[0].upper()}{consequence[1:]}."
    )
    steps = [p for step in match.links for p in step.provenance]
    evidence: list[Evidence] = [
        case_field(f"{where}.name", party.name),
        *_cables([*steps, *match.provenance]),
        _list_evidence(match),
        *bases,
    ]
    facts.findings.append(
        Finding(
            kind="linked_party",
            severity="block" if raised else "warn",
            summary=summary,
            evidence=evidence,
            party=party.name,
            reach=reach,
            chain=match.links,
        )
    )


def _intelligence(party: Party, where: str, match: Match) -> Finding:
    places = cited(match.provenance)
    return Finding(
        kind="intelligence",
        severity="warn",
        summary=(
            f"{party.name} ({', '.join(party.roles)}) is named in the knowledge base as "
            f"{match.caption} ({places}); nothing there links it to a listed entity."
        ),
        evidence=[case_field(f"{where}.name", party.name), *_cables(match.provenance)],
        party=party.name,
    )


def _near(party: Party, where: str, match: Match) -> Finding:
    return Finding(
        kind="red_flag",
        severity="warn",
        summary=(
            f"{party.name} is close to the listed {match.caption} ({match.score:.2f}, below the "
            f"{DEFAULT_THRESHOLD:.2f} threshold): check that they are different entities."
        ),
        evidence=[
            case_field(f"{where}.name", party.name),
            _list_evidence(match),
            flag_evidence("near_listed_name"),
        ],
        party=party.name,
        flag="near_listed_name",
    )


def _unscreened(party: Party, where: str, reason: str) -> Finding:
    return Finding(
        kind="open_question",
        severity="warn",
        summary=f"{party.name} could not be screened: {reason}.",
        evidence=[case_field(f"{where}.name", party.name)],
        party=party.name,
        question=f"Give the full legal name of {party.label} so that it can be screened.",
    )


def _effects(match: Match, jurisdiction: Jurisdiction) -> list[Effect]:
    return [e for listing in match.listings if (e := effects(listing, jurisdiction)) is not None]


def _receives(party: Party) -> bool:
    return any(role in _ROLES_RECEIVING for role in party.roles)


def _programme_end_uses(match: Match, facts: PartyFacts) -> None:
    """A party tied to a missile or nuclear programme makes that end use one the exporter knows."""
    for listing in match.listings:
        text = " ".join(listing.program).lower()
        for flag, words in (("missile", _MISSILE), ("nuclear", _NUCLEAR)):
            if any(word in text for word in words):
                facts.end_uses.setdefault(flag, []).append(_list_evidence(match))


def _listing_text(match: Match) -> str:
    parts = []
    for listing in match.listings:
        who = ", ".join(listing.authority)
        what = ", ".join(listing.program)
        ref = ", ".join(listing.reference)
        parts.append(f"{who}, {what}" + (f" ({ref})" if ref else ""))
    return "; ".join(dict.fromkeys(parts)) or ", ".join(match.datasets)


def _list_evidence(match: Match) -> ListEvidence:
    end = match.links[-1].to if match.links else None
    return ListEvidence(
        dataset=", ".join(end.datasets if end else match.datasets),
        entity_id=end.id if end else match.entity_id,
        caption=end.caption if end else match.caption,
        listings=match.listings,
    )


def _cables(provenance: list[Provenance]) -> list[CableEvidence]:
    seen: dict[tuple[str, str | None, int], CableEvidence] = {}
    for source in provenance:
        key = (source.cable, source.paragraph, source.portion)
        seen.setdefault(key, from_cable(source))
    return list(seen.values())
