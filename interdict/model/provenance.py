"""Where a fact comes from: one portion of one cable, with its marking and the sentence.

Shared by extraction, the knowledge base, screening results and (later)
case evidence, so that every layer cites a source the same way and access
control can decide from the marking alone whether a reader may see it.
"""

from __future__ import annotations

import orjson
from pydantic import BaseModel, ConfigDict, Field

from interdict.model.markings import Marking


class Provenance(BaseModel):
    """One portion of one cable that states a fact, and the sentence that states it."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )

    cable: str = Field(description="reference id of the cable")
    paragraph: str | None = Field(description="paragraph number as the cable record has it")
    portion: int = Field(description="portion within the paragraph, counting from 0")
    marking: Marking | None = Field(description="the portion's marking, as in the cable record")
    text: str = Field(description="the sentence that states the fact")


class Citations:
    """The portions that state one fact, each once, in the order first seen.

    A fact stated in several cables, or stored once per cable, is cited by
    every portion that states it, and by each portion only once.
    """

    def __init__(self) -> None:
        self._found: dict[tuple[str, str | None, int], Provenance] = {}

    def add(self, provenance: Provenance) -> None:
        self._found.setdefault(
            (provenance.cable, provenance.paragraph, provenance.portion), provenance
        )

    def add_record(self, data: str | bytes) -> None:
        """Every ``provenance`` entry of a stored record (a party, link or item as JSON)."""
        for item in orjson.loads(data)["provenance"]:
            self.add(Provenance.model_validate(item))

    def all(self) -> list[Provenance]:
        return list(self._found.values())

    def in_cable_order(self) -> list[Provenance]:
        """By cable, then by paragraph number (numbered before unnumbered), then portion."""
        return [self._found[key] for key in sorted(self._found, key=_order)]


def _order(key: tuple[str, str | None, int]) -> tuple[str, int, str, int]:
    cable, paragraph, portion = key
    number = int(paragraph) if paragraph and paragraph.isdigit() else 10**6
    return cable, number, paragraph or "", portion
