"""From findings to the outcome, the recommendation and the paragraph an officer signs.

The outcome is the licence determination's, raised where a listing or a
link reaches a party further than the destination rules do.  The
recommendation follows the findings: any block finding means deny, even
with questions open (they are still listed); otherwise any warning or open
question means refer to a human; only a case with neither may proceed.
"""

from __future__ import annotations

from interdict.cases.casefile import Case
from interdict.cases.findings import Finding, RuleEvidence
from interdict.cases.outputs import Recommendation
from interdict.controls.entries import Jurisdiction
from interdict.controls.outputs import DeterminationOut
from interdict.controls.rules import SEVERITY, Outcome
from interdict.parties.describe import cited

_SHOWN = 4  # block findings quoted in the reasons; the rest are in the findings list
_ROLE_WORDS = {"front_for": "is a front for", "acts_for": "acts for", "owned_by": "is owned by"}


def overall(
    determinations: list[DeterminationOut], raised: dict[Jurisdiction, tuple[Outcome, str]]
) -> Outcome:
    outcomes: list[Outcome] = [d.outcome for d in determinations]
    outcomes += [outcome for outcome, _ in raised.values()]
    if not outcomes:
        return "licence_required"  # nothing decided: never the free answer
    return max(outcomes, key=lambda o: SEVERITY[o])


def recommend(findings: list[Finding]) -> Recommendation:
    if any(f.severity == "block" for f in findings):
        return "deny"
    if any(f.severity == "warn" or f.kind == "open_question" for f in findings):
        return "refer"
    return "proceed"


def reasons(case: Case, outcome: Outcome, recommendation: str, findings: list[Finding]) -> str:
    users = ", ".join(p.name for p in case.with_role("end_user")) or "an end user not named"
    hops = list(dict.fromkeys([case.destination, *case.transit]))
    route = (
        f"{' then '.join(hops)}, for {case.final_destination}"
        if case.final_destination not in hops
        else " then ".join(hops)
    )
    opening = (
        f"I recommend that the licence be {_verb(recommendation)}. The export of "
        f"{case.item.name} by {case.exporter.name} ({case.exporter.country}) to {users}, "
        f"shipped to {route}, is {outcome.replace('_', ' ')} under the "
        f"{' and '.join(case.jurisdictions)} rules as assessed."
    )
    blocks = [f for f in findings if f.severity == "block"]
    warns = [f for f in findings if f.severity == "warn" and f.kind != "open_question"]
    questions = [f.question for f in findings if f.kind == "open_question" and f.question]
    parts = [opening]
    if blocks:
        parts.append("The grounds: " + " ".join(_ground(f) for f in blocks[:_SHOWN]))
        more = len(blocks) - _SHOWN
        if more > 0:
            parts.append(f"{more} further ground(s) are listed in the findings.")
        parts.append("Legal basis: " + "; ".join(_bases(blocks)) + ".")
    if warns:
        kinds = sorted({f.kind.replace("_", " ") for f in warns})
        parts.append(f"Also to weigh: {len(warns)} finding(s) ({', '.join(kinds)}).")
    if questions:
        note = "; they do not change this recommendation" if recommendation == "deny" else ""
        parts.append(f"Open questions{note}: " + " ".join(_sentence(q) for q in questions))
    return " ".join(parts)


def _ground(finding: Finding) -> str:
    """A block finding in one sentence: a party by its chain, a rule by its summary."""
    if finding.kind == "linked_party" and finding.chain:
        steps = []
        for step in finding.chain:
            if step.role == "same_as":
                steps.append(f"{step.from_.caption} is the listed {step.to.caption}")
            else:
                says = _ROLE_WORDS.get(step.role, step.role)
                steps.append(
                    f"{step.from_.caption} {says} {step.to.caption} [{cited(step.provenance)}]"
                )
        rule = (finding.reach or "none").replace("_", " ")
        return _sentence(
            f"{finding.party} is not itself designated, but {'; '.join(steps)}; the asset freeze "
            f"reaches it by {rule}"
        )
    if finding.kind == "listed_party":
        return _sentence(finding.summary)
    return _sentence(finding.summary.split(" (", 1)[0])


def _verb(recommendation: str) -> str:
    return {"deny": "denied", "refer": "referred for review", "proceed": "granted"}[recommendation]


def _bases(findings: list[Finding]) -> list[str]:
    """Each instrument once, with every provision of it that the block findings cite."""
    provisions: dict[str, dict[str, None]] = {}
    for finding in findings:
        for evidence in finding.evidence:
            if isinstance(evidence, RuleEvidence) and not evidence.rule.startswith("red-flag"):
                provisions.setdefault(_short(evidence.instrument), {})[evidence.provision] = None
    listed = [f"{name}, {'; '.join(cited)}" for name, cited in provisions.items()]
    return listed or ["the listings cited in the findings"]


def _short(instrument: str) -> str:
    """The instrument's name without its amendments: "Council Regulation (EU) No 267/2012"."""
    for cut in (", as amended", " concerning", ", re-applied", " (update"):
        instrument = instrument.split(cut, 1)[0]
    return instrument


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
