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

# One pass finds both kinds of start: "1. (C) text" and a line opening with "(C)".
_LINE_START = (
    r"[ \t]*(?:"
    r"(?:¶|&para;|PARA(?:GRAPH)?\s+)?[ \t]*(?P<num>\d{1,3})[ \t]*[.)](?!\d)[ \t]*"
    r"(?:\((?P<mark>[^()\n]{1,60})\)[ \t]*)?"
    r"|\((?P<bare>[^()\n]{1,60})\)[ \t]*(?P<alone>$)?)"
)
# Lines are found by their newline rather than by "(?m)^": a pattern that
# opens with a literal is searched more than twice as fast, and this scan
# covers every line of every body.  The first line is matched on its own.
_FIRST_LINE = re.compile(_LINE_START, re.MULTILINE)
_NEXT_LINE = re.compile("\n" + _LINE_START, re.MULTILINE)
_SPELLED = re.compile(r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED)\b")


@dataclass(slots=True)
class _Start:
    offset: int
    end: int
    number: str | None
    marking: Marking | None
    banner: str | None


def _starts(text: str) -> list[_Start]:
    first = _FIRST_LINE.match(text)
    matches = ([first] if first else []) + list(_NEXT_LINE.finditer(text))
    # One groups() call per match instead of a group() call per name: this
    # loop runs over every candidate line of every body.
    groups = [match.groups() for match in matches]
    # A number that also appears with a marking belongs to the marked line
    # ("1. (Comment)" is prose in parentheses, not a marking, so it does not count).
    marked_numbers = {
        int(group[0]) for group in groups if group[0] and group[1] and parse_marking(group[1])
    }
    starts: list[_Start] = []
    previous: int | None = None
    letter: str | None = None
    for match, group in zip(matches, groups, strict=True):
        num, mark, bare, alone = group
        offset = match.start() + (text[match.start()] == "\n")
        if num is not None:
            marking = parse_marking(mark) if mark else None
            number = int(num)
            if marking is None and number in marked_numbers:
                continue
            in_sequence = previous is None or number == previous + 1
            if not in_sequence and not (marking and previous is not None and number > previous):
                continue
            previous = number
            end = match.end() if marking or not mark else match.start("mark") - 1
            starts.append(_Start(offset, end, str(number), marking, banner=None))
            continue
        # "(A) ... (B) ... (C) ..." is a lettered list, and "(c)" prose: a line
        # opening with a marking must be in capitals and not continue such a list.
        follows = letter is not None and len(bare) == 1 and ord(bare) == ord(letter) + 1
        letter = bare if len(bare) == 1 else letter
        if follows or not bare.isupper() or _continues_a_list(text, match.end(), bare):
            continue
        marking = parse_marking(bare)
        if marking is None:
            continue
        portion = alone is not None and bool(_SPELLED.search(bare.upper()))
        number_of_parent = starts[-1].number if starts and portion else None
        banner = " ".join(bare.split()) if portion else None
        starts.append(_Start(offset, match.end(), number_of_parent, marking, banner))
    return starts


_LIST_GLUE = re.compile(r"[ \t]*(?:[,;&.]|AND\b|and\b|OR\b|or\b)")


def _continues_a_list(text: str, end: int, raw_mark: str) -> bool:
    """``(C), (D) AND (E).`` wrapped onto its own line is a list of reasons, not a marking.

    A Classified By line that wraps before its letters would otherwise open a
    phantom paragraph marked CONFIDENTIAL and cut the reasons short.
    """
    return len(raw_mark) == 1 and _LIST_GLUE.match(text, end) is not None


def read_paragraphs(text: str) -> tuple[int | None, list[Paragraph]]:
    """Where the first paragraph starts (``None`` if none does), and every paragraph from there."""
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
    return (starts[0].offset if starts else None), paragraphs
