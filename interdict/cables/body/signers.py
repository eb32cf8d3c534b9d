"""The signature: the surname(s) alone at the very end of a telegram.

Wrapped copies put it on its own last line; the one-line-per-paragraph
renderings glue it after the final sentence (``... or xxxxxxxxxxxx. CLINTON``).
Only a short run of capitalised name words after the last sentence end is
taken, and end-of-message furniture (``BT``, ``NNNN``, ``#9395``) is ignored.
"""

from __future__ import annotations

import re

_FURNITURE = re.compile(r"(?:\s*(?:\bBT\b|\bNNNN\b|#\d{3,4}|\bSIPDIS\b))+\s*$")
_TAIL = re.compile(
    r"(?:^|(?<=[.!?:;)\"'\]])|\n)\s*"
    r"(?P<names>[A-Z][A-Z'\-]+(?:[ \t]*(?:/|,|\bAND\b|[ \t])[ \t]*[A-Z][A-Z'\-]+){0,3})\s*$"
)
_NOT_NAMES = frozenset(
    {
        "END",
        "SUMMARY",
        "COMMENT",
        "TEXT",
        "BT",
        "NNNN",
        "SIPDIS",
        "NOFORN",
        "UNCLASSIFIED",
        "SECRET",
        "CONFIDENTIAL",
        "ACTION",
        "REQUEST",
        "INFO",
        "THANKS",
        "NOTE",
        "MESSAGE",
        "ENDS",
        "QUOTE",
        "UNQUOTE",
        "SENSITIVE",
        "MINIMIZE",
        "CONSIDERED",
        "OK",
        "AND",
    }
)


def split_signers(text: str) -> tuple[str, list[str]]:
    """Return the text without its trailing signature, and the signer names."""
    stripped = _FURNITURE.sub("", text)
    match = _TAIL.search(stripped)
    if match is None:
        return text, []
    names_text = match.group("names")
    words = re.findall(r"[A-Z][A-Z'\-]+", names_text)
    if not words or any(w in _NOT_NAMES for w in words) or names_text.strip() == stripped.strip():
        return text, []
    names = [n.strip() for n in re.split(r"\s*(?:/|,|\bAND\b)\s*", names_text) if n.strip()]
    return stripped[: match.start("names")].rstrip(), names
