"""The starter dataset that ships inside the package, loaded on first use.

It is rebuilt whenever the packaged file changes (compared by SHA-256), so
an upgrade of Interdict brings its updated starter data with it.  A user who
removes it with ``interdict lists remove`` opts out: a marker file records
that, and loading it again by hand opts back in.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from interdict.parties.store.datasets import (
    INDEX_FORMAT,
    current_version,
    file_sha256,
    load_list,
    read_info,
    remove,
    status,
)

BUNDLED = "interdict_starter"
OPTED_OUT = ".removed"


def opt_out_marker(home: Path) -> Path:
    return home / "datasets" / f"{BUNDLED}{OPTED_OUT}"


def ensure_bundled(home: Path) -> list[str]:
    """Make sure the bundled dataset is current (unless opted out); names of all datasets."""
    if not opt_out_marker(home).exists():
        with as_file(files("interdict.data") / "parties" / "starter.ftm.json") as path:
            version = current_version(home, BUNDLED)
            info = None if version is None else read_info(version)
            if (
                info is None
                or info.source_sha256 != file_sha256(path)
                or info.index_format != INDEX_FORMAT
            ):
                load_list(path, "ftm", BUNDLED, home, bundled=True)
    return [info.name for info in status(home)]


def remove_dataset(home: Path, name: str) -> None:
    """Remove a dataset; removing the bundled one also stops it coming back by itself."""
    remove(home, name)
    if name == BUNDLED:
        opt_out_marker(home).touch()


def note_loaded(home: Path, name: str) -> None:
    """A user who loads the bundled dataset by hand opts back in to keeping it current."""
    if name == BUNDLED:
        opt_out_marker(home).unlink(missing_ok=True)
