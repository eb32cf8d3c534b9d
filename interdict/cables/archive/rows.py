"""A parsed cable as the rows that store it: done in worker processes, written by one.

Everything costly (serialising the record, compressing it, reducing its
text to index words) happens here, so that the process holding the
database connection only executes inserts.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha1

from interdict.cables.archive.words import index_text
from interdict.cables.record import Cable

# A cable without a reference id (a fragment, a bare telegram) is keyed by its text.
_UNKNOWN = "UNKNOWN-"


@dataclass(frozen=True, slots=True)
class CableRow:
    reference_id: str
    created: datetime | None
    origin: str | None
    station: str | None
    from_address: str | None
    place: str
    classification: str | None
    level: int | None
    subject: str | None
    form: str | None
    source: str | None
    digest: str
    record: bytes
    tags: tuple[str, ...]
    search_subject: str
    search_tags: str
    search_body: str


def store_key(cable: Cable) -> str:
    if cable.reference_id:
        return cable.reference_id
    return _UNKNOWN + sha1(cable.body.encode("utf-8")).hexdigest()[:16]


def cable_row(cable: Cable) -> CableRow:
    # The source position is where this copy was read from, not part of the cable: the same
    # cable read from another file is unchanged, and re-ingesting it rewrites nothing.  It is
    # kept in its own column and put back by ``load_record``.
    text = cable.model_dump_json(by_alias=True, exclude={"source"}).encode("utf-8")
    tags = tuple(dict.fromkeys(tag.tag.upper() for tag in cable.tags))
    station = cable.de.station if cable.de else None
    from_address = cable.from_.address if cable.from_ else None
    place = " ".join(part for part in (cable.origin, from_address, station) if part)
    return CableRow(
        reference_id=store_key(cable),
        created=_naive_utc(cable.created),
        origin=cable.origin,
        station=station,
        from_address=from_address,
        place=" " + index_text(place) + " ",
        classification=cable.classification.value if cable.classification else None,
        level=cable.classification.rank if cable.classification else None,
        subject=cable.subject,
        form=cable.form,
        source=cable.source,
        digest=sha1(text).hexdigest(),
        record=zlib.compress(text, 1),
        tags=tags,
        search_subject=index_text(cable.subject or ""),
        search_tags=index_text(" ".join(tags)),
        search_body=index_text(cable.body),
    )


def _naive_utc(value: datetime | None) -> datetime | None:
    """Both backends store a plain timestamp; the archive's times are all UTC."""
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def load_record(data: bytes, source: str | None = None) -> Cable:
    """A stored cable; ``source`` is the ``cables.source`` column, where it was read from."""
    cable = Cable.model_validate_json(zlib.decompress(data))
    return cable.model_copy(update={"source": source}) if source else cable
