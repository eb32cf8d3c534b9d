"""The signature: the surname(s) alone at the very end of a telegram.

Wrapped copies put it on its own last line; the one-line-per-paragraph
renderings glue it after the final sentence (``... or xxxxxxxxxxxx. CLINTON``).
Only a short run of capitalised name words after the last sentence end is
taken, and end-of-message furniture (``BT``, ``NNNN``, ``#9395``) is ignored.
"""

from __future__ import annotations

import re

# The signature fits in the last few hundred characters; searching only
# there keeps long final paragraphs cheap.
_WINDOW = 300
# End-of-message furniture is peeled off word by word from the end: a regex
# anchored at "$" would still be tried at every position of the text.
_FURNITURE_WORDS = frozenset({"BT", "NNNN", "SIPDIS"})
_SERIAL = re.compile(r"#\d{3,4}$")
# A whole last line that is a classification banner or a page header, never a name.
_TRAILING_LINE = re.compile(
    r"(?:(?:TOP\s+)?SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED\s+OFFICIAL\s+USE|"
    r"S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|"
    r"NOFORN|NODIS|EXDIS|LIMDIS|SIPDIS|SENSITIVE|BUT|FOR\s+OFFICIAL\s+USE\s+ONLY|[/,\s-])+"
    r"|PAGE\s+\d+\b.*"
)
# A word of punctuation alone after the signature ("MURRAY" then a lone "." line).
_PUNCTUATION = re.compile(r"[.\-_=*]+")
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
    }
)
_SEPARATOR = re.compile(r"\s*(?:/|,|\bAND\b)\s*")
# Role words written after a name ("KUNDER, ACTING") are not signers themselves.
_ROLES = frozenset({"ACTING", "ACTG", "AMBASSADOR", "AMB", "CHARGE", "CDA", "DCM"})


def split_signers(text: str) -> tuple[str, list[str]]:
    """Return the text without its trailing signature, and the signer names."""
    stripped = _without_furniture(text)
    match = _TAIL.search(stripped, max(0, len(stripped) - _WINDOW))
    if match is None:
        return text, []
    names_text = match.group("names")
    names = [n.strip() for n in _SEPARATOR.split(names_text) if n.strip()]
    words = [w for name in names for w in name.split()]
    if not words or any(w in _NOT_NAMES for w in words) or names_text.strip() == stripped.strip():
        return text, []
    names = [n for n in names if n not in _ROLES]
    if not names:
        return text, []
    return stripped[: match.start("names")].rstrip(), names


def _without_furniture(text: str) -> str:
    """``text`` without trailing ``BT``, ``NNNN``, ``#9395`` or ``SIPDIS``, and without the
    classification lines and page headers that older copies repeat after the signature
    (``SPIERS`` / ``CONFIDENTIAL`` / ``NNNN``)."""
    end = text.rstrip()
    while end:
        words = end.rsplit(None, 1)
        last = words[-1]
        line_start = end.rfind("\n") + 1
        if last in _FURNITURE_WORDS or _PUNCTUATION.fullmatch(last):
            end = words[0].rstrip() if len(words) == 2 else ""
        elif (serial := _SERIAL.search(last)) is not None:
            end = end[: len(end) - len(serial.group(0))].rstrip()
        elif line_start and _TRAILING_LINE.fullmatch(end[line_start:].strip()):
            end = end[:line_start].rstrip()
        else:
            break
    return end
