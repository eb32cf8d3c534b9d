"""What a source reader hands to the parser: text plus whatever metadata the form carried.

Readers stay ignorant of telegram structure; they only undo the container
(CSV quoting, HTML entities, the plain record preamble).  That keeps every
form's quirks in one small module and the parser identical for all forms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class RawCable:
    """One cable as read from its container.

    ``header`` and ``body`` are set when the container separates them (CSV,
    HTML); otherwise the whole telegram is in ``text`` and the parser splits
    it.  Metadata fields are ``None`` when the form does not carry them.

    Line numbers: line ``n`` of ``text`` (or of ``header``) is line
    ``line_offset + n`` of the file, so warnings can name the line a user
    sees.  ``body_line_offset`` does the same for ``body`` when the container
    says where it starts (CSV, where the body column begins on the physical
    line the header column ends on); ``None`` means "the line after the
    header", the only convention available for HTML's separate blocks.
    """

    source: str
    form: str
    text: str | None = None
    header: str | None = None
    body: str | None = None
    reference_id: str | None = None
    created: datetime | None = None
    released: datetime | None = None
    classification: str | None = None
    origin: str | None = None
    references: list[str] = field(default_factory=list)
    subject: str | None = None
    line_offset: int = 0
    body_line_offset: int | None = None


@dataclass(slots=True)
class BadRecord:
    """A record a reader could not recover; reported, never fatal."""

    source: str
    reason: str
