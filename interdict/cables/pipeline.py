"""Parse whole corpora: paths in, records out, in order, with bounded memory.

With several workers the raw records are sent to a process pool in small
chunks (``interdict.model.ordered_pool``), so a 2-million cable corpus
streams through in constant memory just as it does on one core.  Workers
return finished JSON text rather than model objects because pickling a
string is far cheaper than pickling a pydantic tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from interdict.cables.parse import parse_raw
from interdict.cables.record import Cable
from interdict.cables.sources.raw import BadRecord, RawCable
from interdict.cables.sources.walk import iter_raw
from interdict.model.ordered_pool import ordered_map

CHUNK = 64


def parse_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Cable | BadRecord]:
    """Python API: every cable under ``paths`` as a typed record, bad records as ``BadRecord``."""
    for raw in iter_raw(paths):
        yield raw if isinstance(raw, BadRecord) else safe_parse(raw)


def safe_parse(raw: RawCable) -> Cable | BadRecord:
    """Field parsers are written not to raise; this is the backstop that keeps a run alive."""
    try:
        return parse_raw(raw)
    except Exception as error:
        return BadRecord(raw.source, f"parser failure: {type(error).__name__}: {error}")


@dataclass(slots=True, frozen=True)
class Rendered:
    """One record, ready to write: JSON text (or a failure) and what stats and --strict need."""

    source: str
    json: str | None
    error: str | None
    warnings: tuple[str, ...]


def render(raw: RawCable | BadRecord) -> Rendered:
    if isinstance(raw, BadRecord):
        return Rendered(raw.source, None, raw.reason, ())
    cable = safe_parse(raw)
    if isinstance(cable, BadRecord):
        return Rendered(cable.source, None, cable.reason, ())
    notes = tuple(f"{w.field}: {w.message}" for w in cable.warnings)
    return Rendered(raw.source, cable.to_json(), None, notes)


def _render_chunk(chunk: list[RawCable | BadRecord]) -> list[Rendered]:
    return [render(raw) for raw in chunk]


def render_paths(paths: Iterable[str | os.PathLike[str]], workers: int = 1) -> Iterator[Rendered]:
    """Render every record under ``paths`` in input order, on ``workers`` processes."""
    yield from ordered_map(_render_chunk, iter_raw(paths), workers, CHUNK)
