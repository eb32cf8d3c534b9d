"""Turn paths (files or directories, plain or gzip) into a stream of raw records.

This is the only module that touches the file system, so the per-form
readers stay pure functions of text and are easy to test.  Its contract is
that a corpus run never dies on input: whatever is wrong with a path or its
bytes becomes a ``BadRecord`` saying where and why, and the run goes on.

Memory stays bounded whatever the input: ``cables.csv`` is streamed row by
row, directories are listed one at a time, and a file holding a single
cable is read only up to ``MAX_CABLE_CHARS``.
"""

from __future__ import annotations

import gzip
import io
import os
import stat
import zlib
from collections.abc import Iterable, Iterator

from interdict.cables.sources.bare import read_bare
from interdict.cables.sources.csv_form import read_csv
from interdict.cables.sources.html_form import read_html
from interdict.cables.sources.plain import looks_plain, read_plain
from interdict.cables.sources.raw import BadRecord, RawCable

#: Bytes inspected for NUL to tell a binary file from text.
SNIFF_BYTES = 8192

#: Largest single-cable file read, in characters.  Real cables are far
#: smaller; anything bigger is not one cable (a misnamed dump, a log) and
#: reading it whole would defeat the bounded-memory promise.
MAX_CABLE_CHARS = 16 * 1024 * 1024

#: Extensions read when walking a directory (after removing ``.gz``).
CABLE_EXTENSIONS = frozenset({"", ".txt", ".csv", ".html", ".htm"})

# utf-8-sig drops a byte-order mark, which would otherwise glue itself to
# the reference id on line 1; "replace" keeps a stray latin-1 byte from
# costing the whole cable.
_ENCODING = "utf-8-sig"
_ERRORS = "replace"

# Raised while opening or reading: I/O failures and damaged gzip streams.
_READ_ERRORS = (OSError, EOFError, zlib.error)

_Record = RawCable | BadRecord


def iter_raw(paths: Iterable[str | os.PathLike[str]]) -> Iterator[RawCable | BadRecord]:
    """Yield every record found under ``paths``, lazily and in a stable order.

    Directories are walked recursively in sorted name order (hidden entries,
    such as ``.git``, and files without a cable extension are skipped).  The
    form is chosen by extension, after removing ``.gz``: ``.csv`` is Cablegate
    CSV, ``.html``/``.htm`` a cable page, anything else a plain record if
    ``looks_plain`` agrees, otherwise bare telegram text.  Nothing about the
    content makes this raise.
    """
    for path in paths:
        yield from _iter_path(os.fspath(path), frozenset())


def _describe(exc: BaseException) -> str:
    # The OS reason alone ("Permission denied") reads best next to the path;
    # other errors (damaged gzip) need their type to make sense.
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _iter_path(path: str, ancestors: frozenset[tuple[int, int]]) -> Iterator[_Record]:
    try:
        info = os.stat(path)
    except OSError as exc:
        yield BadRecord(path, f"cannot read: {_describe(exc)}")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _iter_dir(path, info, ancestors)
    elif stat.S_ISREG(info.st_mode):
        yield from _iter_file(path)
    else:
        # A FIFO or device would block or never end.
        yield BadRecord(path, "not a regular file or directory")


def _iter_dir(
    path: str, info: os.stat_result, ancestors: frozenset[tuple[int, int]]
) -> Iterator[_Record]:
    key = (info.st_dev, info.st_ino)
    if key in ancestors:
        yield BadRecord(path, "directory loop (a link back to a parent directory)")
        return
    try:
        with os.scandir(path) as entries:
            names = sorted(entry.name for entry in entries if not entry.name.startswith("."))
    except OSError as exc:
        yield BadRecord(path, f"cannot list directory: {_describe(exc)}")
        return
    inside = ancestors | {key}
    for name in names:
        child = os.path.join(path, name)
        if os.path.isdir(child) or _cable_extension(name):
            yield from _iter_path(child, inside)


def _cable_extension(name: str) -> bool:
    """Inside a directory, only files that can hold cables are read.

    A mirrored Cablegate site also holds stylesheets, scripts and images;
    reading those as bare telegrams would bury real problems in noise.  A
    file named explicitly on the command line is always read.
    """
    stem = name.lower().removesuffix(".gz")
    return os.path.splitext(stem)[1] in CABLE_EXTENSIONS


def _open_binary(path: str, compressed: bool) -> gzip.GzipFile | io.BufferedReader:
    # Opened in binary so the NUL sniff sees bytes; the caller owns closing.
    if compressed:
        return gzip.open(path, "rb")
    return open(path, "rb")


def _iter_file(path: str) -> Iterator[_Record]:
    name = os.path.basename(path).lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name.removesuffix(".gz")
    extension = os.path.splitext(name)[1]
    try:
        raw = _open_binary(path, compressed)
    except _READ_ERRORS as exc:
        yield BadRecord(path, f"cannot read: {_describe(exc)}")
        return
    with raw:
        try:
            head = raw.read(SNIFF_BYTES)
            raw.seek(0)
        except _READ_ERRORS as exc:
            yield BadRecord(path, f"cannot read: {_describe(exc)}")
            return
        if _binary(head, extension):
            yield BadRecord(path, f"binary file (NUL bytes in the first {SNIFF_BYTES} bytes)")
            return
        if extension == ".csv":
            # The csv module needs the line ends untouched (newline="").
            text = io.TextIOWrapper(raw, encoding=_ENCODING, errors=_ERRORS, newline="")
            yield from read_csv(text, path)
        else:
            yield _read_single(raw, path, extension)


def _binary(head: bytes, extension: str) -> bool:
    """A NUL byte marks a one-cable file as binary.  A CSV dump holds 250,000 cables, and a
    NUL in one of them is a corrupt row, reported and skipped by the CSV reader; only a file
    whose head is full of NULs (UTF-16, a spreadsheet, an archive) is not a CSV at all."""
    if extension == ".csv":
        return head.count(b"\0") > len(head) // 16
    return b"\0" in head


def _read_single(raw: gzip.GzipFile | io.BufferedReader, path: str, extension: str) -> _Record:
    """Read a one-cable file (HTML page, plain record or bare telegram)."""
    stream = io.TextIOWrapper(raw, encoding=_ENCODING, errors=_ERRORS)
    try:
        text = stream.read(MAX_CABLE_CHARS + 1)
    except _READ_ERRORS as exc:
        return BadRecord(path, f"cannot read: {_describe(exc)}")
    if len(text) > MAX_CABLE_CHARS:
        return BadRecord(path, f"larger than {MAX_CABLE_CHARS} characters: not a single cable")
    if extension in (".html", ".htm"):
        return read_html(text, path)
    if looks_plain(text.split("\n", 3)[:3]):
        return read_plain(text, path)
    return read_bare(text, path)
