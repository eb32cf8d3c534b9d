"""Load, swap, list and remove datasets under the data home.

A load never touches the version being served.  It builds a complete new
version in a hidden directory beside it, and only when every record has
been read, indexed and written does it replace the one-line ``CURRENT``
pointer with ``os.replace``, which is atomic on POSIX and Windows.  A
failed, interrupted or concurrent load therefore leaves readers on the
previous version; a per-dataset lock file serialises loads.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from functools import cache, partial
from pathlib import Path
from typing import Any

import orjson
from followthemoney import Schema, model

from interdict.model.atomic import atomic_output
from interdict.model.ordered_pool import ordered_map
from interdict.parties.index.build import BatchPreparer, IndexBuilder, PreparedBatch
from interdict.parties.index.records import record_of
from interdict.parties.loaders import read_list
from interdict.parties.loaders.ftm import numbered_lines, parse_line
from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.store.entities import EntityRow, EntityWriter, LinkRow, entity_rows

CURRENT = "CURRENT"
# Raised whenever the files of a version change shape; older versions must be reloaded.
INDEX_FORMAT = 9
METADATA = "metadata.json"
SCREENED_SCHEMATA = ("LegalEntity", "Vessel", "Airplane", "Vehicle")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_MAX_REPORTED = 100
# Items per task sent to a worker: enough to make the round trip cheap, few enough
# that progress is reported about every thousand entities.
_CHUNK = 512
# Below this size a list loads faster in one process than it takes to start a pool.
_SMALL_LIST = 1 << 20


class DatasetError(Exception):
    """A dataset operation that cannot be carried out, with a message for the user."""


class LoadRefusedError(DatasetError):
    """A load refused because records could not be used; the previous version still serves."""

    def __init__(self, dataset: str, problems: list[LoadProblem], total: int) -> None:
        self.dataset = dataset
        self.problems = problems
        self.total = total
        shown = "; ".join(str(p) for p in problems[:5])
        more = f" (and {total - 5} more)" if total > 5 else ""
        super().__init__(
            f"load of {dataset!r} refused, {total} unusable record(s): {shown}{more}. "
            "The previous version (if any) is still in use."
        )


@dataclass(frozen=True, slots=True)
class DatasetInfo:
    """What ``lists status`` shows, and what a screening result's provenance refers to."""

    name: str
    version: str
    format: str
    source: str
    source_sha256: str
    loaded_at: str
    entities: int
    screened: int
    names: int
    keys: int
    skipped: int
    problems: list[str] = field(default_factory=list)
    bundled: bool = False
    seconds: float = 0.0
    index_format: int = INDEX_FORMAT


def validate_name(name: str) -> str:
    if not _NAME.match(name):
        raise DatasetError(
            f"invalid dataset name {name!r}: use 1-64 lower-case letters, digits, '_' or '-'"
        )
    return name


def dataset_dir(home: Path, name: str) -> Path:
    return home / "datasets" / validate_name(name)


def current_version(home: Path, name: str) -> Path | None:
    pointer = dataset_dir(home, name) / CURRENT
    try:
        version = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    directory = pointer.parent / version
    return directory if (directory / METADATA).exists() else None


def load_list(
    path: Path,
    fmt: str,
    name: str,
    home: Path,
    *,
    skip_invalid: bool = False,
    bundled: bool = False,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
    source: str | None = None,
) -> DatasetInfo:
    """Build a new version of ``name`` from ``path`` and make it current, or raise.

    ``workers`` processes parse (FtM), analyse and serialise the entities while
    this one reads the file and writes what they return; ``None`` picks one per
    CPU, or just this process for a small list.  The files are the same either way.
    ``source`` is recorded instead of the path when the file is a temporary export.
    """
    root = dataset_dir(home, name)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    if workers is None:
        workers = default_workers(path)
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        _clear_abandoned(root)
        started = time.perf_counter()
        aside = root / f".building-{uuid.uuid4().hex}"
        aside.mkdir()
        try:
            info = _build(path, fmt, name, aside, skip_invalid, bundled, progress, workers)
            info = replace(
                info,
                seconds=round(time.perf_counter() - started, 2),
                source=source or info.source,
            )
            (aside / METADATA).write_text(json.dumps(asdict(info), indent=2), encoding="utf-8")
            final = root / info.version
            os.replace(aside, final)
            _point(root, info.version)
        except BaseException:
            shutil.rmtree(aside, ignore_errors=True)
            raise
        _prune(root, keep=info.version)
    return info


def default_workers(path: Path) -> int:
    """One process per CPU this process may run on, or one alone for a list too small to share."""
    if path.stat().st_size < _SMALL_LIST:
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return max(1, cpus)


@dataclass
class _Tally:
    """What the main process counts while workers prepare the index."""

    entities: int = 0
    screened: int = 0
    total_problems: int = 0
    problems: list[LoadProblem] = field(default_factory=list)


# What a worker is given: an FtM line (its number and raw bytes), an entity another
# loader has read here (as a dict), or a problem found here, passed along to keep its place.
_Item = tuple[int, bytes] | dict[str, Any] | LoadProblem


@dataclass(frozen=True, slots=True)
class _Chunk:
    """What a worker makes of a chunk of items: rows to store, the index part, the problems."""

    rows: list[EntityRow]
    links: list[LinkRow]
    problems: list[LoadProblem]
    screened: int
    index: PreparedBatch


def _build(
    path: Path,
    fmt: str,
    name: str,
    directory: Path,
    skip_invalid: bool,
    bundled: bool,
    progress: Callable[[int], None] | None,
    workers: int,
) -> DatasetInfo:
    """Read a list here, have ``workers`` make its rows and index, store both here in order."""
    writer = EntityWriter(directory)
    builder = IndexBuilder(directory)
    tally = _Tally()
    try:
        items = _items(path, fmt, name)
        for chunk in ordered_map(partial(_prepare_chunk, name), items, workers, _CHUNK):
            for problem in chunk.problems:
                tally.total_problems += 1
                if len(tally.problems) < _MAX_REPORTED:
                    tally.problems.append(problem)
            writer.add_rows(chunk.rows, chunk.links)
            builder.add_batch(chunk.index)
            before = tally.entities
            tally.entities += len(chunk.rows)
            tally.screened += chunk.screened
            if progress is not None and tally.entities // 1000 != before // 1000:
                progress(tally.entities)
        if tally.total_problems and not skip_invalid:
            raise LoadRefusedError(name, tally.problems, tally.total_problems)
        if not tally.entities:
            raise DatasetError(f"{path}: no entities found; nothing was loaded")
        stats = builder.finish()
        writer.finish()
    except BaseException:
        builder.abandon()
        writer.abandon()
        raise
    if progress is not None:
        progress(tally.entities)
    loaded_at = datetime.now(UTC).replace(microsecond=0)
    return DatasetInfo(
        name=name,
        version=loaded_at.strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:8],
        format=fmt,
        source=str(path),
        source_sha256=file_sha256(path),
        loaded_at=loaded_at.isoformat(),
        entities=tally.entities,
        screened=tally.screened,
        names=stats.names,
        keys=stats.keys,
        skipped=tally.total_problems,
        problems=[str(p) for p in tally.problems],
        bundled=bundled,
    )


def _items(path: Path, fmt: str, name: str) -> Iterator[_Item]:
    """The list as work for ``_prepare_chunk``: FtM lines unparsed, other formats' entities."""
    if fmt == "ftm":
        return numbered_lines(path)
    records = read_list(path, fmt, name)
    return (r if isinstance(r, LoadProblem) else r.to_dict() for r in records)


def _prepare_chunk(dataset: str, items: list[_Item]) -> list[_Chunk]:
    """Worker side of a build: parse, serialise, analyse names and hash keys, in item order."""
    rows: list[EntityRow] = []
    links: list[LinkRow] = []
    problems: list[LoadProblem] = []
    preparer = BatchPreparer()
    for item in items:
        if isinstance(item, LoadProblem):
            problems.append(item)
            continue
        entity = parse_line(*item, dataset) if isinstance(item, tuple) else model.get_proxy(item)
        if isinstance(entity, LoadProblem):
            problems.append(entity)
            continue
        try:
            row, entity_links = entity_rows(entity)
        except orjson.JSONEncodeError as exc:  # an integer beyond 64 bits in the context
            where = f"line {item[0]}" if isinstance(item, tuple) else f"entity {entity.id}"
            problems.append(LoadProblem(where, f"cannot be stored ({exc})"))
            continue
        rows.append(row)
        links.extend(entity_links)
        if _is_screened(entity.schema):
            record = record_of(entity)
            if record.names:  # a nameless entity is stored but cannot be screened
                preparer.add(record)
    return [_Chunk(rows, links, problems, len(preparer), preparer.batch())]


@cache
def _is_screened(schema: Schema) -> bool:
    return any(schema.is_a(s) for s in SCREENED_SCHEMATA)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_info(directory: Path) -> DatasetInfo:
    data: dict[str, Any] = json.loads((directory / METADATA).read_text(encoding="utf-8"))
    data.setdefault("index_format", 1)
    return DatasetInfo(**data)


def check_format(info: DatasetInfo) -> None:
    """Refuse a version whose files an older Interdict wrote, with the command that fixes it."""
    if info.index_format != INDEX_FORMAT:
        raise DatasetError(
            f"dataset {info.name!r} was built by another version of Interdict (index format "
            f"{info.index_format}, this one reads {INDEX_FORMAT}); load it again with "
            f"'interdict lists load {info.source} --dataset {info.name} --format {info.format}'"
        )


def status(home: Path) -> list[DatasetInfo]:
    root = home / "datasets"
    if not root.is_dir():
        return []
    found = []
    for child in sorted(root.iterdir()):
        if child.is_dir() and _NAME.match(child.name):
            version = current_version(home, child.name)
            if version is not None:
                found.append(read_info(version))
    return found


def remove(home: Path, name: str) -> None:
    root = dataset_dir(home, name)
    if current_version(home, name) is None:
        raise DatasetError(f"no dataset named {name!r}; see 'interdict lists status'")
    with _locked(root):
        (root / CURRENT).unlink()
    shutil.rmtree(root, ignore_errors=True)


def _point(root: Path, version: str) -> None:
    with atomic_output(root / CURRENT) as handle:
        handle.write(version + "\n")


def _prune(root: Path, keep: str) -> None:
    """Delete superseded versions; open readers keep their files until they close them."""
    for child in root.iterdir():
        if child.is_dir() and child.name != keep and not child.name.startswith("."):
            shutil.rmtree(child, ignore_errors=True)


def _clear_abandoned(root: Path) -> None:
    for child in root.glob(".building-*"):
        shutil.rmtree(child, ignore_errors=True)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    with (root / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
