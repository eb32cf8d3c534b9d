"""Remove the transmission furniture that repeats inside a body.

Multi-section cables repeat the banner at each section start, and printed
or OCR'd copies repeat a page header on every page
(``STATE 00000284 002 OF 002``, ``TRIPOLI 00000402 001.2 OF 003``,
``PAGE 02 ROME 01196 01 OF 02 082030Z``), NARA copies with the page's
classification on a line of its own next to it.  Left in, these split
sentences and paragraphs in half, so they are cut out before anything else
reads the body, and counted so the record can say how many sections it saw.

How the text is rejoined matters as much as what is cut: a header that sat
on its own line inside a wrapped paragraph must leave that paragraph whole,
not a blank line that ``flow`` would read as a paragraph break.  A blank line
is kept only when there was one on both sides of the header and the text
before it does not stop mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from interdict.cables.body.banner import BANNER, caveats_end, find_banner

# A page header names the station and a zero-padded serial of 8 digits; the
# padding is what tells it apart from prose that happens to mention a post.
# The scan looks for the literal "OF nnn" (a regex opening with a literal is
# searched many times faster than one opening with a class), then reads the
# serial and page number, and then the station, backwards from it.
_PAGE_OF = re.compile(r"OF[ \t]+\d{3}\b[ \t]*")
_PAGE_NUMBERS = re.compile(r"[ \t]+\d{8}[ \t]+\d{3}(?:\.\d+)?[ \t]+$")
# Unknown station: up to three capitalised words, but only when they follow
# lower-case prose, punctuation or a line start; in all-capitals prose only
# the last word is taken, so words of the sentence are never eaten.
_STATION_RUN = re.compile(r"(?:^|(?<=[^A-Z' \t]))[ \t]*((?:[A-Z][A-Z']*[ \t]+){0,2}[A-Z][A-Z']*)$")
_STATION_WORD = re.compile(r"(?<![A-Z'])[A-Z][A-Z']*$")
# NARA's printed page header fills its line; the "01 OF 02" section part is
# only there when the telegram was sent in sections.
_PAGE_NARA = re.compile(
    r"(?m)^[ \t]*PAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z ]*?[ \t]+\d{4,6}"
    r"(?:[ \t]+\d{2}[ \t]+OF[ \t]+\d{2})?(?:[ \t]+\d{6}Z)?[ \t]*$"
)
_SECTION = re.compile(r"SECTION\s+\d{1,2}\s+OF\s+\d{1,2}\s")
# A classification alone on a line next to a page header is the page's own marking.
_LONE_LEVEL = re.compile(
    r"[ \t]*(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS|LIMITED OFFICIAL USE)[ \t]*"
)
_MID_SENTENCE_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz,;-")


@lru_cache(maxsize=512)
def _station_before(station: str) -> re.Pattern[str]:
    """Knowing the station lets the header be cut exactly, without eating prose before it."""
    words = r"[ \t]+".join(re.escape(w) for w in station.split())
    return re.compile(r"(?<![A-Z'])" + words + "$")


@dataclass(slots=True)
class Cleaned:
    text: str
    page_headers: int
    section_banners: int
    # What the removed section banners said ("UNCLAS SECTION 02 OF 07 ANKARA
    # 000092 SENSITIVE"): cutting the banner must not lose its caveats.
    caveats: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Cut:
    start: int
    end: int
    blank_before: bool = False
    blank_after: bool = False
    whole_lines: bool = False


def strip_furniture(body: str, station: str | None) -> Cleaned:
    """Drop repeated section banners and page headers, keeping everything else verbatim."""
    # Cheap substring probes first: most cables have no page headers and one
    # section, and a regex pass over a whole body costs far more than ``in``.
    cuts: list[_Cut] = []
    pages = sections = 0
    caveats: list[str] = []
    captions: list[str] = []
    if "OF 0" in body:
        for page_of in _PAGE_OF.finditer(body):
            numbers = _PAGE_NUMBERS.search(body, max(0, page_of.start() - 60), page_of.start())
            start = _page_start(body, numbers.start(), station) if numbers else None
            if start is not None:
                cuts.append(_cut(body, start, page_of.end()))
                pages += 1
    if "PAGE" in body:
        for match in _PAGE_NARA.finditer(body):
            cuts.append(_cut(body, match.start(), match.end()))
            pages += 1
    if "SECTION" in body:
        for marker in _SECTION.finditer(body):
            found = _section_banner(body, marker.start())
            if found is not None:
                cuts.append(_cut(body, *found))
                sections += 1
                banner = find_banner(body[found[0] : found[1]], anywhere=False)
                if banner is not None:
                    caveats += [w for w in banner.caveats if w not in caveats]
                    captions += [w for w in banner.captions if w not in captions]
    if not cuts:
        return Cleaned(text=body, page_headers=0, section_banners=0)
    text = _apply(body, cuts)
    return Cleaned(text, pages, sections, caveats, captions)


def _page_start(body: str, numbers: int, station: str | None) -> int | None:
    """Where the station words in front of a page header's numbers begin, if there are any."""
    low = max(0, numbers - 60)
    if station:
        known = _station_before(station).search(body, low, numbers)
        if known is not None:
            return known.start()
    run = _STATION_RUN.search(body, low, numbers)
    if run is not None:
        return run.start(1)
    word = _STATION_WORD.search(body, low, numbers)
    return word.start() if word is not None else None


def _section_banner(body: str, marker: int) -> tuple[int, int] | None:
    """The repeated banner around a ``SECTION n OF m`` marker, with its trailing captions."""
    for match in BANNER.finditer(body, max(0, marker - 120), marker + 80):
        if match.start() > marker:
            break
        if match.group("section") is not None and match.end() > marker:
            return match.start(), caveats_end(body, match.end())
    return None


def _cut(body: str, start: int, end: int) -> _Cut:
    """Widen a header that fills its line(s) to the blank lines and page marking around it.

    A widened cut runs from the start of its first line to just after the
    newline that ends its last, so the kept text on both sides stays whole.
    """
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    if body[line_start:start].strip() or body[end:line_end].strip():
        return _Cut(start, end)
    cut = _Cut(line_start, min(line_end + 1, len(body)), whole_lines=True)
    # At most one classification line on each side: the bottom marking of
    # the page before and the top marking of the page after.
    marked = False
    while cut.start > 0:
        previous = body.rfind("\n", 0, cut.start - 1) + 1
        line = body[previous : cut.start - 1]
        if line.strip():
            if marked or not _LONE_LEVEL.fullmatch(line):
                break
            marked = True
        else:
            cut.blank_before = True
        cut.start = previous
    marked = False
    while cut.end < len(body):
        following = body.find("\n", cut.end)
        following = len(body) if following < 0 else following
        line = body[cut.end : following]
        if line.strip():
            if marked or not _LONE_LEVEL.fullmatch(line):
                break
            marked = True
        else:
            cut.blank_after = True
        cut.end = min(following + 1, len(body))
    return cut


def _apply(body: str, cuts: list[_Cut]) -> str:
    cuts.sort(key=lambda c: c.start)
    merged: list[_Cut] = []
    for cut in cuts:
        last = merged[-1] if merged else None
        if last is not None and cut.start <= last.end:
            if cut.end > last.end:
                last.end, last.blank_after = cut.end, cut.blank_after
            last.whole_lines = last.whole_lines and cut.whole_lines
            continue
        merged.append(cut)
    pieces: list[str] = []
    position = 0
    for cut in merged:
        pieces.append(body[position : cut.start])
        pieces.append(_joint(body, cut))
        position = cut.end
    pieces.append(body[position:])
    return "".join(pieces)


def _joint(body: str, cut: _Cut) -> str:
    """What replaces a cut: nothing, or one blank line where a paragraph really broke."""
    if not cut.whole_lines or cut.start == 0 or cut.end >= len(body):
        return ""
    if not (cut.blank_before and cut.blank_after):
        return ""
    before = body[max(0, cut.start - 200) : cut.start].rstrip()[-1:]
    after = body[cut.end : cut.end + 200].lstrip()[:1]
    if before in _MID_SENTENCE_BEFORE or after.islower():
        return ""
    return "\n"
