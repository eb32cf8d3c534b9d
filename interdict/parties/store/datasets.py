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
from pathlib import Path
from typing import Any

from followthemoney import model

from interdict.model.atomic import atomic_output
from interdict.model.ordered_pool import ordered_map
from interdict.parties.index.build import IndexBuilder, Prepared, prepare
from interdict.parties.index.records import record_of
from interdict.parties.loaders import read_list
from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.store.entities import EntityWriter

CURRENT = "CURRENT"
# Raised whenever the files of a version change shape; older versions must be reloaded.
INDEX_FORMAT = 5
METADATA = "metadata.json"
SCREENED_SCHEMATA = ("LegalEntity", "Vessel", "Airplane", "Vehicle")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_MAX_REPORTED = 100
_CHUNK = 256


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
    workers: int = 1,
) -> DatasetInfo:
    """Build a new version of ``name`` from ``path`` and make it current, or raise.

    ``workers`` processes analyse the names; reading and storing stay in this one.
    """
    root = dataset_dir(home, name)
    if not path.is_file():
        raise DatasetError(f"{path}: no such file")
    root.mkdir(parents=True, exist_ok=True)
    with _locked(root):
        _clear_abandoned(root)
        started = time.perf_counter()
        aside = root / f".building-{uuid.uuid4().hex}"
        aside.mkdir()
        try:
            info = _build(path, fmt, name, aside, skip_invalid, bundled, progress, workers)
            info = replace(info, seconds=round(time.perf_counter() - started, 2))
            (aside / METADATA).write_text(json.dumps(asdict(info), indent=2), encoding="utf-8")
            final = root / info.version
            os.replace(aside, final)
            _point(root, info.version)
        except BaseException:
            shutil.rmtree(aside, ignore_errors=True)
            raise
        _prune(root, keep=info.version)
    return info


@dataclass
class _Tally:
    """What the main process counts while workers prepare the index."""

    entities: int = 0
    screened: int = 0
    total_problems: int = 0
    problems: list[LoadProblem] = field(default_factory=list)


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
    """Read, store and index a list: entities are stored here, analysed on ``workers``."""
    writer = EntityWriter(directory)
    builder = IndexBuilder(directory)
    tally = _Tally()

    def screenable() -> Iterator[dict[str, Any]]:
        for item in read_list(path, fmt, name):
            if isinstance(item, LoadProblem):
                tally.total_problems += 1
                if len(tally.problems) < _MAX_REPORTED:
                    tally.problems.append(item)
                continue
            tally.entities += 1
            writer.add(item)
            if any(item.schema.is_a(s) for s in SCREENED_SCHEMATA):
                yield item.to_dict()
            if progress is not None and tally.entities % 1000 == 0:
                progress(tally.entities)

    try:
        for prepared in ordered_map(_prepare_chunk, screenable(), workers, _CHUNK):
            if prepared is not None:
                builder.add(prepared)
                tally.screened += 1
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


def _prepare_chunk(entities: list[dict[str, Any]]) -> list[Prepared | None]:
    """Worker side of a build: analyse names and hash keys; ``None`` for a nameless entity."""
    prepared: list[Prepared | None] = []
    for data in entities:
        record = record_of(model.get_proxy(data))
        prepared.append(prepare(record) if record.names else None)
    return prepared


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
