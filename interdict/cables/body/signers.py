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
# A name word, with up to two initials before it ("JOHN D. NEGROPONTE", "J. R. SMITH"); an
# initial is followed by a space, so "U.S." is never read as one.
_NAME = r"(?:[A-Z]\.[ \t]+){0,2}[A-Z][A-Z'\-]+"
_NAMES = rf"{_NAME}(?:[ \t]*(?:/|,|\bAND\b|[ \t])[ \t]*{_NAME}){{0,3}}"
_TAIL = re.compile(rf"(?:^|(?<=[.!?:;)\"'\]])|\n)\s*(?P<names>{_NAMES})\s*$")
# Signers of a joint message may stand one to a line ("SMITH" / "JONES"). A line of
# capitals above the last is taken as a signer too only when a sentence ends above the
# whole block, so that the last line of an all-capitals paragraph is never read as a name.
_NAME_LINE = re.compile(rf"[ \t]*({_NAMES})[ \t]*")
_SENTENCE_MARKS = frozenset(".!?\"'")
# A one-letter abbreviation ending the text before the names on their line ("THE U.S.
# NEXT WEEK"): its full stop ends no sentence, so what follows is no signature.
_ABBREVIATION_BEFORE = re.compile(r"(?:^|[^A-Za-z])[A-Z]\.[ \t]*\Z")
_MOST_SIGNER_LINES = 4
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
    start = match.start("names")
    if _ABBREVIATION_BEFORE.search(stripped, 0, start):
        return text, []
    lines = [match.group("names")]
    start = _lines_above(stripped, start, lines)
    names = [n.strip() for line in lines for n in _SEPARATOR.split(line) if n.strip()]
    words = [w for name in names for w in name.split()]
    if not words or any(w in _NOT_NAMES for w in words) or not stripped[:start].strip():
        return text, []
    names = [n for n in names if n not in _ROLES]
    if not names:
        return text, []
    return stripped[:start].rstrip(), names


def _lines_above(text: str, start: int, lines: list[str]) -> int:
    """Prepend to ``lines`` the signer lines standing above ``start``; return the new start.

    Candidate lines are gathered upwards, then dropped from the top until a sentence ends
    right above the topmost one kept."""
    found: list[tuple[int, str]] = []
    top = text.rfind("\n", 0, start) + 1 if start else 0
    while top and len(lines) + len(found) < _MOST_SIGNER_LINES:
        line_start = text.rfind("\n", 0, top - 1) + 1
        line = _NAME_LINE.fullmatch(text, line_start, top - 1)
        if line is None or any(w in _NOT_NAMES for w in line.group(1).split()):
            break
        found.insert(0, (line_start, line.group(1)))
        top = line_start
    while found and text[: found[0][0]].rstrip()[-1:] not in _SENTENCE_MARKS:
        found.pop(0)
    if not found:
        return start
    lines[:0] = [name for _, name in found]
    return found[0][0]


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
