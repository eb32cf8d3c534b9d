"""FollowTheMoney JSON lines, such as OpenSanctions' ``entities.ftm.json``, plain or gzipped.

Each line is one entity: ``id``, ``schema``, ``properties`` and OpenSanctions' context
keys (caption, datasets, referents, target, first_seen, last_seen, last_change), which
FtM keeps in ``proxy.context``.  Verified against opensanctions.org/docs/bulk/json
("one entity per line") and the OpenSanctions entity fields listed in
``docs/research/restricted-parties-sources.md`` section 5.5.

Values are taken as they are (``cleaned=True``): the file is already FtM, and
re-cleaning with this FtM version could drop or rewrite values the publisher made
with another, so OpenSanctions data loads unchanged.  Only the shape is checked,
because a string where FtM expects a list of strings would be split into letters.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from followthemoney import EntityProxy, model, registry

from interdict.parties.loaders.common import Record, file_problem, open_binary
from interdict.parties.loaders.problem import LoadProblem

GZIP_MAGIC = b"\x1f\x8b"
# Nineteen digits or more may be an integer beyond 64 bits, which orjson turns into a float.
_LONG_NUMBER = re.compile(rb"\d{19}")


def read_ftm(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    for item in numbered_lines(path):
        if isinstance(item, LoadProblem):
            yield item
        else:
            yield parse_line(*item, dataset)


def numbered_lines(path: Path) -> Iterator[tuple[int, bytes] | LoadProblem]:
    """The file's non-blank lines, raw and numbered from 1, and problems with the file itself.

    Reading is cheap and parsing is not, so the two are apart: a dataset build
    reads here and parses each line with ``parse_line`` in a worker process.
    """
    handle = open_binary(path)
    if isinstance(handle, LoadProblem):
        yield handle
        return
    with handle:
        number = 0
        seen_entity_line = False
        try:
            for number, raw in enumerate(_lines(handle), start=1):
                if raw.strip():
                    seen_entity_line = True
                    yield number, raw
        except (OSError, EOFError, zlib.error) as exc:
            reason = f"the compressed data breaks off after line {number} ({exc})"
            yield file_problem(path, reason)
            return
        if not seen_entity_line:
            yield file_problem(path, "the file is empty")


def _lines(handle: BinaryIO) -> Iterator[bytes]:
    """Lines of the file, decompressed when it starts with the gzip magic number."""
    compressed = handle.read(2) == GZIP_MAGIC
    handle.seek(0)
    if compressed:
        with gzip.GzipFile(fileobj=handle) as stream:
            yield from stream
    else:
        yield from handle


def parse_line(number: int, raw: bytes, dataset: str) -> Record:
    """One line as an entity, or the problem that line ``number`` has."""
    raw = raw.rstrip(b"\r\n")
    position = f"line {number}"
    data: Any = None
    if _LONG_NUMBER.search(raw) is None:
        # orjson is several times faster than json and agrees with it on every line it
        # accepts, except integers beyond 64 bits (it makes them floats), which
        # _LONG_NUMBER sends to json.  Whatever it rejects, json judges, with its messages.
        with contextlib.suppress(orjson.JSONDecodeError):
            data = orjson.loads(raw)
    if data is None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start]
            return LoadProblem(
                position, f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start})"
            )
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return LoadProblem(position, f"not valid JSON ({exc.msg} at column {exc.pos + 1})")
        except (ValueError, RecursionError) as exc:
            return LoadProblem(position, f"not valid JSON ({exc})")
    if not isinstance(data, dict):
        return LoadProblem(position, "not a JSON object")
    reason = _shape_problem(data)
    if reason is not None:
        return LoadProblem(position, reason)
    datasets = data.get("datasets")
    if not (isinstance(datasets, list) and datasets and all(isinstance(d, str) for d in datasets)):
        data["datasets"] = [dataset]
    return model.get_proxy(data)


def _shape_problem(data: dict[str, Any]) -> str | None:
    entity_id = data.get("id")
    if not isinstance(entity_id, str) or not entity_id:
        return "no entity id"
    if registry.entity.clean(entity_id) is None:
        return f"{entity_id!r} is not a valid FtM entity id"
    schema_name = data.get("schema")
    schema = model.get(schema_name) if isinstance(schema_name, str) else None
    if schema is None:
        return f"unknown schema {schema_name!r}"
    if schema.abstract:
        return f"schema {schema_name!r} is abstract and cannot hold an entity"
    properties = data.setdefault("properties", {})
    if not isinstance(properties, dict):
        return "properties is not a JSON object"
    for prop, values in properties.items():
        if not (isinstance(values, list) and all(isinstance(v, str) for v in values)):
            return f"property {prop!r} is not a list of strings"
    return None
