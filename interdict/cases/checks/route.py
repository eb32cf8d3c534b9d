"""What the knowledge base says about the route: links between the case's own parties.

A cable that already reports the intermediary working to supply the end
user ("Ak Makina was working to supply Ardalan") tells the officer that the
transaction in front of them is the one the intelligence describes.  Every
link stated between two parties of the case becomes one finding, with the
portions that state it.
"""

from __future__ import annotations

from itertools import permutations

from sqlalchemy import select
from sqlalchemy.engine import Connection

from interdict.access.gate import gate_of
from interdict.cases.findings import Finding, case_field, from_cable
from interdict.intel.kb.entities import members_of
from interdict.model.provenance import Citations
from interdict.store.schema import intel_links


def route_intelligence(connection: Connection, entities: dict[str, str]) -> list[Finding]:
    """``entities`` maps each case party's name to the knowledge-base entity it matched."""
    members = {name: members_of(connection, entity) for name, entity in entities.items()}
    findings = []
    for source, target in permutations(members, 2):
        if entities[source] == entities[target]:
            continue
        rows = connection.execute(
            select(intel_links.c.role, intel_links.c.data).where(
                intel_links.c.subject.in_(members[source]),
                intel_links.c.object.in_(members[target]),
            )
        ).all()
        by_role: dict[str, Citations] = {}
        for role, data in rows:
            by_role.setdefault(role, Citations()).add_record(data)
        gate = gate_of(connection)
        for role, cited in sorted(by_role.items()):
            portions = gate.provenance(cited.in_cable_order())
            if not portions:
                continue
            findings.append(
                Finding(
                    kind="intelligence",
                    severity="warn",
                    summary=(
                        f"The knowledge base reports this route: {source} {role} {target} "
                        f"({', '.join(sorted({p.cable for p in portions}))})."
                    ),
                    evidence=[
                        case_field("parties", f"{source}; {target}"),
                        *(from_cable(p) for p in portions),
                    ],
                    party=source,
                )
            )
    return findings
