"""A match in words, for tables: what it is listed as, and the chain that leads there.

Shared by ``interdict screen`` and the demo, so that a front company reads
the same wherever it is shown: not itself listed, leading to the listed
entity, with each step and the cable paragraphs that state it.
"""

from __future__ import annotations

from interdict.model.provenance import Provenance
from interdict.parties.results import LinkStep, Match


def listed_as(match: Match) -> str:
    references = ", ".join(sorted({ref for item in match.listings for ref in item.reference}))
    if match.links and not match.listed:
        return f"not itself listed; leads to {match.links[-1].to.caption} ({references})"
    if match.listed is False and not match.match:
        return f"not listed; named in {len(match.provenance)} cable portion(s)"
    return references or ", ".join(match.datasets)


def chain_lines(match: Match) -> list[str]:
    return [step_line(step) for step in match.links]


def step_line(step: LinkStep) -> str:
    """One step in words: "A front_for B [09STATE29395 ¶3, ¶5]"."""
    source = cited(step.provenance) or step.detail
    return f"{step.from_.caption} {step.role} {step.to.caption} [{source}]"


def cited(provenance: list[Provenance]) -> str:
    """Sources as an officer cites them: each cable once, with its paragraphs."""
    by_cable: dict[str, list[str]] = {}
    for source in provenance:
        where = f"¶{source.paragraph}" if source.paragraph else "unnumbered"
        by_cable.setdefault(source.cable, [])
        if where not in by_cable[source.cable]:
            by_cable[source.cable].append(where)
    return "; ".join(f"{cable} {', '.join(places)}" for cable, places in by_cable.items())
