"""Restricted-party list loaders: published sanctions and export-control lists as FtM entities.

Every loader is a generator of entities and ``LoadProblem`` values and never raises on
content, so one broken record never hides the rest of a list; the dataset builder
decides whether the problems it sees abort a load.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from followthemoney import EntityProxy

from interdict.parties.loaders.csl import read_csl
from interdict.parties.loaders.eu import read_eu
from interdict.parties.loaders.ftm import GZIP_MAGIC, read_ftm
from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.loaders.un import read_un

__all__ = ["FORMATS", "LoadProblem", "detect_format", "read_list"]

Loader = Callable[[Path, str], Iterator[EntityProxy | LoadProblem]]

_LOADERS: dict[str, Loader] = {"ftm": read_ftm, "csl": read_csl, "un": read_un, "eu": read_eu}
FORMATS = ("ftm", "csl", "un", "eu")

# Enough of the head to see the root element past an XML prolog, or a first JSON line.
_SNIFF_BYTES = 64 * 1024
_XML_ROOTS = {"CONSOLIDATED_LIST": "un", "export": "eu"}
_XML_SKIP = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.DOTALL)
_XML_ROOT = re.compile(rb"<(?:[\w.-]+:)?([\w.-]+)")
_JSON_KEY = re.compile(rb'"(schema|results)"\s*:')


def read_list(path: Path, fmt: str, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    """Entities and problems of the list at ``path`` read as ``fmt`` (one of ``FORMATS``)."""
    loader = _LOADERS.get(fmt)
    if loader is None:
        raise ValueError(f"unknown list format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    return loader(path, dataset)


def detect_format(path: Path) -> str:
    """The format of a list file, from its first bytes and, failing that, its name.

    Content decides first because names mislead: OpenSanctions' FtM export and the
    CSL are both ``.json``, and a downloaded UN list is often just ``consolidated.xml``.
    """
    try:
        head = _head(path)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"cannot read {path} to detect its list format: {exc}") from exc
    fmt = _sniff(head) or _by_name(path)
    if fmt is None:
        raise ValueError(
            f"cannot tell the list format of {path}: expected FtM JSON lines, a CSL JSON or "
            "CSV file, a UN consolidated list XML or an EU FSF XML file; name the format "
            f"explicitly ({', '.join(FORMATS)})"
        )
    return fmt


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(GZIP_MAGIC):
        with gzip.open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def _sniff(head: bytes) -> str | None:
    if head.startswith(b"<"):
        match = _XML_ROOT.search(_XML_SKIP.sub(b"", head))
        root = match.group(1).decode("ascii", "replace") if match else ""
        return _XML_ROOTS.get(root)
    if head.startswith(b"["):
        return "csl"
    if head.startswith(b"{"):
        # Whichever key comes first: an FtM line names its schema within its first
        # bytes, the CSL opens its one document with "results". A long first line
        # may be cut off at the sniff limit, so the JSON is not parsed.
        key = _JSON_KEY.search(head)
        return {b"schema": "ftm", b"results": "csl"}[key.group(1)] if key else None
    header = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
    columns = {column.strip().strip('"') for column in header.split(",")}
    return "csl" if "name" in columns and columns & {"_id", "source"} else None


def _by_name(path: Path) -> str | None:
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".ftm.json", ".jsonl", ".ndjson")) or path.name.lower().endswith(".gz"):
        return "ftm"
    if name.endswith(".csv"):
        return "csl"
    return None
