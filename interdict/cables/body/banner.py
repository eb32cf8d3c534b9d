"""The classification banner that opens a telegram body.

The banner carries the overall classification (often spaced out letter by
letter), the section count, the originating station's message number and
any caveats or captions run onto the same line, as in
``C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284 NOFORN SIPDIS``.
It is also the boundary between header and body, which is why the splitter
uses ``find_banner`` to cut a banner glued onto the last address line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from interdict.cables.body.text import first_of
from interdict.model.markings import LEVEL_WORDS, Level

_SPACED_LEVELS = ["TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE"]
_PLAIN_LEVELS = [
    "TOP SECRET",
    "SECRET",
    "CONFIDENTIAL",
    "UNCLASSIFIED",
    "UNCLAS",
    "LIMITED OFFICIAL USE",
]

# Spaced banners are distinctive enough to find anywhere, even glued onto
# "PRIORITY"; plain words must be followed by a section or a message number.
_SPACED = "|".join(r"\s".join(re.escape(c) for c in w.replace(" ", "")) for w in _SPACED_LEVELS)
_PLAIN = "|".join(re.escape(w) for w in _PLAIN_LEVELS)
# A REL TO list is a run of country codes joined by commas or AND; matching it
# as a list (not as "anything up to the next word") keeps "REL TO USA, GBR" whole.
_COUNTRIES = r"[A-Z]{2,}(?:[ \t]*(?:,|\bAND\b)[ \t]*[A-Z]{2,}(?![A-Z]))*"
_CAVEAT_WORDS = (
    r"NOFORN|NOFORN\s*/\s*NOCONTRACT|SENSITIVE|NODIS|EXDIS|LIMDIS|STADIS|SIPDIS"
    rf"|E\s?F\s?T\s?O|FOR\s+OFFICIAL\s+USE\s+ONLY|REL\s+TO\s+{_COUNTRIES}|REL\s+[A-Z]+"
)
_SECTION = r"SECTION\s+(?P<section>\d{1,2})\s+OF\s+(?P<sections>\d{1,2})"
_STATION_NUMBER = r"(?P<station>[A-Z][A-Z' ]{0,40}?)[ \t]+(?P<number>\d{5,6})\b"

# A plain level must not be the tail of a longer word, except a precedence
# word or the ``BT`` prosign the banner was glued onto when a line break was
# lost ("ROUTINEUNCLAS", "BTUNCLAS").
_GLUE = r"(?:(?<![A-Z])|(?<=PRIORITY)|(?<=ROUTINE)|(?<=IMMEDIATE)|(?<=FLASH)|(?<=BT))"

BANNER = re.compile(
    rf"(?P<level>{_SPACED}|{_GLUE}(?:{_PLAIN})(?![A-Z]))"
    rf"(?P<pre>(?:\s*/{{0,2}}\s*(?:{_CAVEAT_WORDS})(?![A-Z]))*)"
    rf"\s+(?:{_SECTION}\s+)?{_STATION_NUMBER}",
)
_SPACED_ONLY = re.compile(rf"(?P<level>{_SPACED})")
_TRAILING = re.compile(rf"(?:[ \t]*/{{0,2}}[ \t]*(?P<word>{_CAVEAT_WORDS})(?![A-Z.]))")
_WORD = re.compile(rf"{_CAVEAT_WORDS}")

_LETTER_BY_LETTER = re.compile(r"(?:[A-Z] )+[A-Z]")

CAPTIONS = ("SIPDIS", "NODIS", "EXDIS", "LIMDIS", "STADIS")


@dataclass(slots=True)
class Banner:
    level: Level
    text: str
    level_text: str = ""
    station: str | None = None
    number: str | None = None
    section: int | None = None
    sections: int | None = None
    caveats: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


@lru_cache(maxsize=256)
def level_of(text: str) -> Level | None:
    """Map a banner's classification words, spaced or not, to a level."""
    squashed = "".join(text.upper().split())
    for words, level in LEVEL_WORDS.items():
        if squashed == words.replace(" ", ""):
            return level
    if squashed == "LIMITEDOFFICIALUSE":
        return Level.SBU
    return None


def find_banner(text: str, *, anywhere: bool = True) -> Banner | None:
    """Find the first classification banner in ``text``.

    With ``anywhere`` false the banner must start the text (after blanks),
    which is how the body parser confirms the banner it was handed.  A
    spaced level with no message number (``S E C R E T`` alone) still counts,
    and when it comes first it wins over a later complete banner, which
    would be a repeated section banner deeper in the text.
    """
    if anywhere:
        begin = _first_level_word(text)
        if begin < 0:
            return None
        match = BANNER.search(text, begin)
        spaced = _SPACED_ONLY.search(text, begin, match.start() if match else len(text))
    else:
        start = len(text) - len(text.lstrip())
        match = BANNER.match(text, start)
        spaced = None if match else _SPACED_ONLY.match(text, start)
    if spaced is not None:
        level = level_of(spaced.group("level"))
        if level is None:
            return None
        banner = Banner(
            level=level,
            text=spaced.group(0),
            level_text=_unspace(spaced.group("level")),
            start=spaced.start(),
            end=spaced.end(),
        )
        _absorb_trailing(text, banner)
        return banner
    if match is None:
        return None
    level = level_of(match.group("level"))
    if level is None:
        return None
    banner = Banner(
        level=level,
        text=match.group(0),
        level_text=_unspace(match.group("level")),
        station=" ".join(match.group("station").split()),
        number=match.group("number"),
        section=int(match.group("section")) if match.group("section") else None,
        sections=int(match.group("sections")) if match.group("sections") else None,
        start=match.start(),
        end=match.end(),
    )
    for word in _WORD.findall(match.group("pre") or ""):
        _file_word(banner, word)
    _absorb_trailing(text, banner)
    return banner


# Every banner contains one of these; finding them with ``str.find`` skips the
# costly regex scan of text (a whole header) that holds no banner at all.
_PROBES = (
    "SECRET",
    "CONFIDENTIAL",
    "UNCLAS",
    "LIMITED OFFICIAL",
    "S E C R E T",
    "C O N F",
    "U N C L",
    "L I M I T",
)


def _first_level_word(text: str) -> int:
    """Offset from which a banner search must start, or -1 when no level word occurs."""
    hit = first_of(text, _PROBES)
    # Back up over a "TOP " or "T O P " in front of the SECRET that was found.
    return max(0, hit - 6) if hit >= 0 else -1


def _unspace(words: str) -> str:
    """``S E C R E T`` -> ``SECRET``; words already written normally are kept as they are."""
    words = " ".join(words.split())
    if _LETTER_BY_LETTER.fullmatch(words):
        squashed = words.replace(" ", "")
        for level in _SPACED_LEVELS:
            if squashed == level.replace(" ", ""):
                return level
        return squashed
    return words


def caveats_end(text: str, pos: int) -> int:
    """End of the caveats and captions that run on from ``pos`` on the same line."""
    while (match := _TRAILING.match(text, pos)) is not None:
        pos = match.end()
    return pos


def _absorb_trailing(text: str, banner: Banner) -> None:
    """Caveats and captions often follow the message number on the same line."""
    pos = banner.end
    while (match := _TRAILING.match(text, pos)) is not None:
        _file_word(banner, match.group("word"))
        pos = match.end()
    banner.text = text[banner.start : pos]
    banner.end = pos


def _file_word(banner: Banner, word: str) -> None:
    word = " ".join(word.split())
    if word.replace(" ", "") == "EFTO":
        word = "EFTO"
    if word in CAPTIONS:
        if word not in banner.captions:
            banner.captions.append(word)
    elif word == "SENSITIVE" or word == "FOR OFFICIAL USE ONLY":
        if banner.level is Level.U:
            banner.level = Level.SBU
        if word not in banner.caveats:
            banner.caveats.append(word)
    elif word not in banner.caveats:
        banner.caveats.append(word)
