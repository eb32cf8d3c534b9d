"""A denial register entry, whatever its origin: a cable, a file, or an officer's hand.

One shape for all three, so that matching and access control treat them
alike.  A denial from a cable carries the portions that report it (and so
their markings); one entered by hand or imported carries the marking it
was given, unclassified unless stated.
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from interdict.access.gate import ORIGINATOR
from interdict.controls.requests import RequestError, country_code
from interdict.model.markings import Level, Marking, parse_marking
from interdict.model.provenance import Provenance

Origin = Literal["cable", "import", "manual"]
UNCLASSIFIED = Marking(level=Level.U)
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_ENTRY = re.compile(r"^[0-9][A-E][0-9]{3}[a-z0-9.]*$")


class DenialEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    authority: str | None = Field(description="ISO alpha-2 code of the denying government")
    date: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD")
    item: str = Field(description="the goods as described")
    entries: list[str] = Field(description="control-list entries, e.g. 2B201")
    destination: str | None = Field(description="ISO alpha-2 code")
    end_user: str | None = Field(description="the end user's name")
    reason: str | None
    source: str = Field(description="where the denial is recorded: a notification, a cable")
    origin: Origin
    marking: Marking = Field(description="the entry's own marking, or its highest portion's")
    provenance: list[Provenance] = Field(
        default=[], description="for a denial from a cable: the portions that report it"
    )


def originator_of(entry: DenialEntry) -> str:
    """Whose marking the entry carries: the cable's government, or the denying authority."""
    return ORIGINATOR if entry.origin == "cable" else (entry.authority or ORIGINATOR)


def entry_id(
    authority: str, date: str, item: str, destination: str | None, end_user: str | None
) -> str:
    """Stable across imports, so that importing one file twice adds nothing."""
    key = "\x1f".join(
        [
            authority,
            date,
            " ".join(item.lower().split()),
            destination or "",
            (end_user or "").lower(),
        ]
    )
    return "den-" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:16]


def valid_date(value: str) -> bool:
    return bool(_DATE.match(value))


def valid_entry(value: str) -> bool:
    return bool(_ENTRY.match(value))


class DenialError(ValueError):
    """A denial that cannot be registered, naming the field and the reason."""


def make_entry(
    *,
    authority: str,
    date: str,
    item: str,
    entries: list[str],
    destination: str | None,
    end_user: str | None,
    reason: str | None,
    source: str,
    marking: str | None,
    origin: Origin,
) -> DenialEntry:
    """Check each field as an officer would type it, and build the entry."""
    try:
        authority_code = country_code("authority", authority or None)
        destination_code = country_code("destination", destination) if destination else None
    except RequestError as error:
        raise DenialError(str(error)) from error
    date = date.strip()
    if not valid_date(date):
        raise DenialError(f"date: {date!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    if not item.strip():
        raise DenialError("item: missing value: describe the goods")
    if not source.strip():
        raise DenialError("source: missing value: say where the denial is recorded")
    bad = [e for e in entries if not valid_entry(e)]
    if bad:
        raise DenialError(f"entries: {bad} are not control-list entries such as 2B201")
    read = UNCLASSIFIED if not marking else parse_marking(marking)
    if read is None:
        raise DenialError(f"marking: {marking!r} is not a marking such as U, C or SECRET REL ESP")
    return DenialEntry(
        id=entry_id(authority_code, date, item, destination_code, end_user),
        authority=authority_code,
        date=date,
        item=" ".join(item.split()),
        entries=entries,
        destination=destination_code,
        end_user=end_user.strip() if end_user else None,
        reason=reason.strip() if reason else None,
        source=source.strip(),
        origin=origin,
        marking=read,
    )
