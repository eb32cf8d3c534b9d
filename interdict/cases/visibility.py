"""Whether a reader may see a saved assessment: only if they may see every source it cites.

An assessment's findings are written from its sources (a summary quotes the
chain, the reasons quote the findings), so a version cannot be shown in
part.  A version citing a portion the reader may not see does not exist for
them; they assess the case again as themselves, which uses only what they
may see.
"""

from __future__ import annotations

from interdict.access.gate import Gate
from interdict.cases.findings import CableEvidence, DenialEvidence
from interdict.cases.outputs import Assessment
from interdict.model.provenance import Provenance


def visible(gate: Gate, assessment: Assessment, record: bool = False) -> bool:
    """``record``: count what it cites as shown (for the banner and the audit trail)."""
    judge = gate if record else Gate(gate.reader, gate.overall)
    for finding in assessment.findings:
        sources = [*finding.evidence, *(p for step in finding.chain for p in step.provenance)]
        for source in sources:
            if isinstance(source, DenialEvidence):
                if source.marking is None:
                    continue
                seen = judge.marking(source.marking, source.originator)
            elif isinstance(source, CableEvidence | Provenance):
                seen = judge.sees(source.cable, source.paragraph, source.portion, source.marking)
            else:
                continue
            if not seen:
                return False
    return True
