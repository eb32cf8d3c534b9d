"""The gate every read of the store goes through: what this reader may see, and nothing else.

The store hands each connection it opens the gate of the reader it was
opened for (``Store.gate``); the readers of cables, knowledge-base facts,
denials and saved cases pass what they read through it before returning
it.  A fact is kept when one of its sources is visible, with only the
visible sources; a fact with none does not exist for the reader.  The gate
also remembers the markings of what it let through (for the banner) and
every classified portion read or refused (for the audit trail).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, TypeVar, cast

from sqlalchemy.engine import Connection

from interdict.access.banner import Banner
from interdict.access.readers import OPERATOR, Reader
from interdict.access.rule import may_read
from interdict.cables.portions import portions
from interdict.cables.record import Cable, Paragraph
from interdict.model.markings import Level, Marking, parse_marking
from interdict.model.provenance import Provenance

# Every cable in the archive is a US State Department telegram; a store holding another
# government's reporting would say so per cable, and this is where it would be read.
ORIGINATOR = "US"
PortionKey = tuple[str, str | None, int]


class Cited(Protocol):
    @property
    def provenance(self) -> list[Provenance]: ...

    def model_copy(
        self, *, update: dict[str, object] | None = None, deep: bool = False
    ) -> Cited: ...


C = TypeVar("C", bound=Cited)


@dataclass
class Gate:
    reader: Reader = OPERATOR
    overall: Callable[[str], Marking | None] = lambda reference: None
    banner: Banner = field(default_factory=Banner)
    read: dict[PortionKey, Level] = field(default_factory=dict)
    refused: set[PortionKey] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    _overall: dict[str, Marking | None] = field(default_factory=dict)

    def sees(
        self, cable: str, paragraph: str | None, portion: int, marking: Marking | None
    ) -> bool:
        """The rule for one portion; an unmarked portion takes the cable's overall marking."""
        effective = marking if marking is not None else self.cable_marking(cable)
        verdict = may_read(self.reader, effective, ORIGINATOR)
        key = (cable, paragraph, portion)
        if verdict.warning and verdict.warning not in self.warnings:
            self.warnings.append(f"{cable} ¶{paragraph or '-'}: {verdict.warning}")
        if not verdict.visible:
            self.refused.add(key)
            return False
        self.banner.add(effective)
        if effective is not None and effective.level.rank > Level.SBU.rank:
            self.read[key] = effective.level
        return True

    def cable_marking(self, reference: str) -> Marking | None:
        if reference not in self._overall:
            self._overall[reference] = self.overall(reference)
        return self._overall[reference]

    def provenance(self, items: Iterable[Provenance]) -> list[Provenance]:
        return [p for p in items if self.sees(p.cable, p.paragraph, p.portion, p.marking)]

    def fact(self, record: C) -> C | None:
        """The record with its visible sources only, or None when it has none."""
        visible = self.provenance(record.provenance)
        if not visible:
            return None
        if len(visible) == len(record.provenance):
            return record
        return cast(C, record.model_copy(update={"provenance": visible}))

    def facts(self, records: Iterable[C]) -> list[C]:
        return [kept for record in records if (kept := self.fact(record)) is not None]

    def marking(self, marking: Marking | None, originator: str) -> bool:
        """A thing with a marking of its own (a denial entered by hand), not a cable portion."""
        verdict = may_read(self.reader, marking, originator)
        if verdict.visible:
            self.banner.add(marking)
        return verdict.visible

    def cable(self, cable: Cable) -> Cable | None:
        """The cable as this reader may see it: visible portions, and the header fields only
        when its overall marking is visible; None when nothing of it is."""
        reference = cable.reference_id or cable.source or ""
        overall = overall_marking(cable)
        self._overall.setdefault(reference, overall)
        kept: list[Paragraph] = []
        for portion in portions(cable):
            if self.sees(reference, portion.paragraph, portion.portion, portion.marking):
                kept.append(cable.paragraphs[portion.position])
        header = self.sees(reference, None, -1, overall)
        if not header and not kept:
            return None
        if header and len(kept) == len(cable.paragraphs):
            return cable
        update: dict[str, object] = {"paragraphs": kept, "body": ""}
        if not header:
            update |= _HIDDEN_HEADER
        return cable.model_copy(update=update)


# The fields that carry no portion marking of their own: they take the cable's overall marking.
# The reference id and the overall level stay: every citation and portion marking names them.
_HIDDEN_HEADER: dict[str, object] = {
    "origin": None,
    "created": None,
    "dtg": None,
    "precedence": [],
    "message_number": None,
    "section": None,
    "sections": None,
    "header_lines": None,
    "subject": None,
    "summary": None,
    "captions": [],
    "caveats": [],
    "references": [],
    "signers": [],
    "tags": [],
    "classified_by": None,
    "security_line": None,
    "eo": None,
    "to": [],
    "info": [],
    "xmt": [],
    "from_": None,
    "de": None,
    "routing_indicators": [],
    "transmission_id": None,
    "warnings": [],
}


def gate_of(connection: Connection) -> Gate:
    """The gate of the reader the connection was opened for (the store sets it on each one)."""
    gate = connection.info.get("gate")
    return gate if isinstance(gate, Gate) else Gate()


def overall_marking(cable: Cable) -> Marking | None:
    """The cable's banner as a marking: its classification line read whole when it can be."""
    if cable.classification_text:
        read = parse_marking(cable.classification_text)
        if read is not None:
            return read
    return Marking(level=cable.classification) if cable.classification else None
