"""Numbered, marked paragraphs and the portion banners inside them.

Portion markings are what access control runs on, so they are parsed
strictly: ``1. (C/REL LIBYA)`` gives paragraph 1 marked C releasable to
Libya.  A bare banner line such as ``(SECRET REL SPAIN)`` inside a
paragraph opens a new portion with the same number and the banner's
marking: in the seed cable the talking points of paragraph 5 are
``SECRET REL SPAIN`` while its opening line is plain ``SECRET``.

A number only starts a paragraph when it continues the sequence (or carries
a marking), so numbered lists inside a paragraph stay in its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.cables.body.text import flow
from interdict.cables.record import Paragraph
from interdict.model.markings import Marking, parse_marking

_NUMBERED = re.compile(
    r"(?m)^[ \t]*(?:¶|&para;|PARA(?:GRAPH)?\s+)?[ \t]*(?P<num>\d{1,3})[ \t]*[.)](?!\d)[ \t]*"
    r"(?:\((?P<mark>[^()\n]{1,60})\)[ \t]*)?"
)
_MARKED = re.compile(r"(?m)^[ \t]*\((?P<mark>[^()\n]{1,60})\)[ \t]*(?P<alone>$)?")
_SPELLED = re.compile(r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)\b")


@dataclass(slots=True)
class _Start:
    offset: int
    end: int
    number: str | None
    marking: Marking | None
    banner: str | None


def first_paragraph(text: str) -> int | None:
    """Offset where the first paragraph starts, or ``None`` if the body has none."""
    starts = _starts(text)
    return starts[0].offset if starts else None


def _starts(text: str) -> list[_Start]:
    candidates: list[tuple[int, re.Match[str], bool]] = [
        (m.start(), m, True) for m in _NUMBERED.finditer(text)
    ]
    candidates += [(m.start(), m, False) for m in _MARKED.finditer(text)]
    candidates.sort(key=lambda c: c[0])
    # A number that also appears with a marking belongs to the marked line.
    marked_numbers = {
        int(m.group("num")) for _, m, numbered in candidates if numbered and m.group("mark")
    }
    starts: list[_Start] = []
    previous: int | None = None
    for offset, match, numbered in candidates:
        raw_mark = match.group("mark")
        marking = parse_marking(raw_mark) if raw_mark else None
        if numbered:
            number = int(match.group("num"))
            if marking is None and number in marked_numbers:
                continue
            in_sequence = previous is None or number == previous + 1
            if not in_sequence and not (marking and previous is not None and number > previous):
                continue
            if starts and starts[-1].offset == offset:
                starts.pop()
            previous = number
            end = match.end() if marking or not raw_mark else match.start("mark") - 1
            starts.append(_Start(offset, end, str(number), marking, banner=None))
        elif marking is not None and not (starts and starts[-1].offset == offset):
            portion = match.group("alone") is not None and bool(_SPELLED.search(raw_mark.upper()))
            number_of_parent = starts[-1].number if starts and portion else None
            banner = " ".join(raw_mark.split()) if portion else None
            starts.append(_Start(offset, match.end(), number_of_parent, marking, banner))
    return starts


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split the body (from its first paragraph on) into paragraphs and portions."""
    starts = _starts(text)
    paragraphs: list[Paragraph] = []
    for index, start in enumerate(starts):
        stop = starts[index + 1].offset if index + 1 < len(starts) else len(text)
        body = flow(text[start.end : stop])
        if start.banner and not body:
            continue
        paragraphs.append(
            Paragraph(number=start.number, marking=start.marking, text=body, banner=start.banner)
        )
    return paragraphs
