"""The typed cable record: the output contract of ``interdict cables parse``.

Every field is present on every record; a field the cable does not carry is
``None`` or an empty list, never missing, so that corpus tools can count
coverage without guessing.  ``docs/schemas/cable.schema.json`` is generated
from these models.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from interdict.model.markings import Level, Marking


class _Record(BaseModel):
    model_config = ConfigDict(
        populate_by_name=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class ParseWarning(_Record):
    """Something the parser noticed but could not, or did not, fix silently."""

    field: str
    line: int | None = None
    message: str


class DeLine(_Record):
    """The ACP-127 ``DE`` line: who sent it, with which serial, and when it was filed."""

    station: str
    serial: str
    section: int | None = None
    julian_day: int | None = None
    time: str | None = None


class Dtg(_Record):
    """Date-time group with the precedence(s) and operating signals around it."""

    text: str
    value: datetime
    precedence: list[str] = Field(default_factory=list)
    operating_signals: list[str] = Field(default_factory=list)


class Recipient(_Record):
    """One FM, TO, INFO or XMT address line; immutable, so parsed lines can be shared."""

    model_config = ConfigDict(frozen=True)

    routing_indicator: str | None = None
    address: str
    precedence: str | None = None
    mcn: str | None = None
    collective: bool = False


class Eo(_Record):
    """The E.O. line: which order governs classification, and until when."""

    order: str
    declassify_on: date | None = None
    event: str | None = None
    text: str


class TagKind(StrEnum):
    SUBJECT = "subject"
    PROGRAM = "program"
    ORGANIZATION = "organization"
    GEOGRAPHIC = "geographic"
    PERSON = "person"
    UNKNOWN = "unknown"


class Tag(_Record):
    """One TAGS entry; immutable, so the parser can share one instance per known tag."""

    model_config = ConfigDict(frozen=True)

    tag: str
    kind: TagKind
    country: str | None = Field(
        default=None, description="Country or area name for a FIPS 10-4 geographic tag."
    )
    original: str | None = Field(
        default=None, description="The text as written, when the tag was repaired."
    )


class ReferenceKind(StrEnum):
    CABLE = "cable"
    EMAIL = "email"
    PHONE = "phone"
    REPORT = "report"
    DTG = "dtg"
    MEETING = "meeting"
    OTHER = "other"


class Reference(_Record):
    letter: str | None = None
    kind: ReferenceKind
    reference_id: str | None = None
    text: str


class ClassifiedBy(_Record):
    name: str | None = None
    title: str | None = None
    reasons: list[str] = Field(default_factory=list)
    text: str


class Paragraph(_Record):
    number: str | None = None
    marking: Marking | None = None
    text: str
    banner: str | None = Field(
        default=None,
        description="Portion banner, e.g. 'SECRET REL SPAIN', that opened this part.",
    )


class HeaderLines(_Record):
    """How much of the transmission header the parser understood, line by line."""

    understood: int
    total: int


class Cable(_Record):
    """One parsed cable."""

    reference_id: str | None = None
    origin: str | None = None
    classification: Level | None = None
    classification_text: str | None = None
    created: datetime | None = None
    source: str | None = Field(default=None, description="File and position the record came from.")
    form: str | None = Field(default=None, description="plain, csv, html or bare.")

    transmission_id: str | None = None
    precedence: list[str] = Field(default_factory=list)
    routing_indicators: list[str] = Field(default_factory=list)
    header_lines: HeaderLines | None = Field(
        default=None, description="Header lines understood out of those present; null without one."
    )
    de: DeLine | None = None
    security_line: str | None = None
    dtg: Dtg | None = None
    from_: Recipient | None = Field(default=None, alias="from")
    to: list[Recipient] = Field(default_factory=list)
    info: list[Recipient] = Field(default_factory=list)
    xmt: list[Recipient] = Field(default_factory=list)

    message_number: str | None = None
    section: int | None = None
    sections: int | None = None
    captions: list[str] = Field(default_factory=list)
    caveats: list[str] = Field(default_factory=list)
    eo: Eo | None = None
    tags: list[Tag] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    subject: str | None = None
    summary: str | None = None
    classified_by: ClassifiedBy | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    signers: list[str] = Field(default_factory=list)
    body: str = ""

    warnings: list[ParseWarning] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)


def cable_schema() -> dict[str, Any]:
    """JSON Schema of a serialised ``Cable``, as written by ``interdict cables parse``."""
    return Cable.model_json_schema(by_alias=True, mode="serialization")
