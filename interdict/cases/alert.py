"""Draft a non-paper to a partner government about a saved case, with only what it may receive.

The seed cable is such an alert: talking points for Spain, marked SECRET
REL SPAIN, with a request to report back.  The draft is made from the case
assessed as the partner would see it (a reader of that country cleared to
every level), so every fact in it is releasable to the partner by the same
rule as everything else, and each cites its portion in a footnote.  What
the drafter's own assessment holds beyond that is listed in a separate note
for the drafter, never in the alert.
"""

from __future__ import annotations

from dataclasses import dataclass

from rigour.territories import get_territory

from interdict.access.banner import Banner
from interdict.access.gate import ORIGINATOR, Gate
from interdict.access.readers import Reader
from interdict.access.rule import may_read
from interdict.cases.findings import CableEvidence, DenialEvidence, Finding
from interdict.cases.outputs import Assessment
from interdict.model.markings import Level

_CONCERNS = ("listed_party", "linked_party", "intelligence", "prior_denial", "red_flag")
_MEASURES = ("destination_measure", "catch_all", "controlled_item")


@dataclass(frozen=True)
class Alert:
    to: str
    banner: str
    markdown: str
    left_out: list[str]


def partner(country: str) -> Reader:
    """The partner as a reader: its country, every level, no more."""
    return Reader(f"release to {country}", Level.TS, country, frozenset({"analyst"}))


def draft(to: str, releasable: Assessment, drafter: Assessment, gate: Gate) -> Alert:
    """``releasable``: the case assessed as the partner; ``drafter``: the drafter's own version;
    ``gate``: the partner's, which judges what the drafter's version cites."""
    footnotes: dict[tuple[str, str | None, int], tuple[int, CableEvidence]] = {}
    banner = Banner(ORIGINATOR)

    def cite(finding: Finding) -> str:
        marks = []
        for evidence in finding.evidence:
            if isinstance(evidence, CableEvidence):
                key = (evidence.cable, evidence.paragraph, evidence.portion)
                if key not in footnotes:
                    footnotes[key] = (len(footnotes) + 1, evidence)
                    banner.add(evidence.marking)
                marks.append(f"[^{footnotes[key][0]}]")
            elif isinstance(evidence, DenialEvidence):
                banner.add(evidence.marking)
        return "".join(dict.fromkeys(marks))

    case = releasable.case
    concerns = [f for f in releasable.findings if f.kind in _CONCERNS and f.severity != "info"]
    measures = [f for f in releasable.findings if f.kind in _MEASURES and f.severity == "block"]
    items = [
        f for f in releasable.findings if f.kind == "controlled_item" and "falls under" in f.summary
    ]
    parties = "; ".join(
        f"{p.name} ({', '.join(r.replace('_', ' ') for r in p.role)}, "
        f"{p.country or 'country not stated'})"
        for p in case.parties
    )
    route = " → ".join(
        dict.fromkeys(
            [case.exporter.country or "", case.destination, *case.transit, case.final_destination]
        )
    )
    lines = [
        f"# Non-paper for {_country(to)}: {case.item} for {_country(case.final_destination)}",
        "",
        "## The transaction",
        "",
        f"- Exporter: {case.exporter.name} ({case.exporter.country})",
        f"- Parties: {parties}",
        f"- Item: {case.item}",
        *(f"- {f.summary}" for f in items),
        f"- Route: {route}",
        "",
        "## Our concern",
        "",
        *(f"- {f.summary} {cite(f)}".rstrip() for f in concerns),
        *(f"- {f.summary} {cite(f)}".rstrip() for f in measures),
        "",
        "## Action request",
        "",
        f"- We ask that the authorities of {_country(to)} use all available measures to prevent "
        f"this transaction, and any like it, from going ahead.",
        "- We would appreciate hearing of the actions you take in response to this information "
        "at the earliest possible time.",
        "",
    ]
    if footnotes:
        for number, evidence in sorted(footnotes.values(), key=lambda pair: pair[0]):
            where = f"¶{evidence.paragraph}" if evidence.paragraph else "unnumbered"
            label = f"({evidence.marking.label()}) " if evidence.marking else ""
            lines.append(f"[^{number}]: {evidence.cable} {where}: {label}{evidence.text}")
        lines.append("")
    text = banner.text()
    body = "\n".join([text, "", *lines, text, ""])
    return Alert(to, text, body, _left_out(releasable, drafter, gate))


def _left_out(releasable: Assessment, drafter: Assessment, gate: Gate) -> list[str]:
    """What the drafter's version cites that the alert cannot, and why; for the drafter only."""
    kept = {(f.kind, f.party) for f in releasable.findings}
    notes: dict[str, None] = {}
    for finding in drafter.findings:
        for evidence in finding.evidence:
            if isinstance(evidence, CableEvidence):
                marking = evidence.marking or gate.cable_marking(evidence.cable)
                verdict = may_read(gate.reader, marking, ORIGINATOR)
                if not verdict.visible:
                    where = f"¶{evidence.paragraph}" if evidence.paragraph else "unnumbered"
                    label = evidence.marking.label() if evidence.marking else "unmarked"
                    notes[f"{evidence.cable} {where} ({label}): {verdict.reason}"] = None
        if (finding.kind, finding.party) not in kept and finding.kind in _CONCERNS:
            notes[f"finding left out, no releasable source: {finding.summary}"] = None
    return list(notes)


def _country(code: str) -> str:
    territory = get_territory(code.lower())
    return territory.name if territory is not None else code
