"""Remove the transmission furniture that repeats inside a body.

Multi-section cables repeat the banner at each section start, and printed
or OCR'd copies repeat a page header on every page
(``STATE 00000284 002 OF 002``, ``TRIPOLI 00000402 001.2 OF 003``,
``PAGE 02 ROME 01196 01 OF 02 082030Z``).  Left in, these split sentences
and paragraphs in half, so they are cut out before anything else reads the
body, and counted so the record can say how many sections it saw.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from interdict.cables.body.banner import BANNER

# A page header names the station and a zero-padded serial of 8 digits; the
# padding is what tells it apart from prose that happens to mention a post.
_PAGE_TAIL = r"[ \t]+\d{8}[ \t]+\d{3}(?:\.\d+)?[ \t]+OF[ \t]+\d{3}\b[ \t]*"
_PAGE_ANY = re.compile(r"(?:(?<=\s)|^)(?:[A-Z][A-Z']*[ \t]){0,2}[A-Z][A-Z']*" + _PAGE_TAIL)


@lru_cache(maxsize=512)
def _page_for(station: str) -> re.Pattern[str]:
    """Knowing the station lets the header be cut exactly, without eating prose before it."""
    words = r"[ \t]+".join(re.escape(w) for w in station.split())
    return re.compile(r"(?<![A-Z])" + words + _PAGE_TAIL)


_PAGE_NARA = re.compile(
    r"(?m)^[ \t]*PAGE[ \t]+\d{2,3}[ \t]+[A-Z][A-Z ]*?[ \t]+\d{4,6}[ \t]+\d{2}[ \t]+OF[ \t]+\d{2}"
    r"(?:[ \t]+\d{6}Z)?[ \t]*$\n?"
)


@dataclass(slots=True)
class Cleaned:
    text: str
    page_headers: int
    section_banners: int


def strip_furniture(body: str, station: str | None) -> Cleaned:
    """Drop repeated section banners and page headers, keeping everything else verbatim."""
    banners = 0

    def drop_banner(match: re.Match[str]) -> str:
        nonlocal banners
        if match.group("section") is None:
            return match.group(0)
        banners += 1
        return ""

    # Cheap substring probes first: most cables have no page headers and one
    # section, and a regex pass over a whole body costs far more than ``in``.
    # Page counts are zero-padded to three digits, so every header has "OF 0".
    text, pages, nara = body, 0, 0
    if "OF 0" in text:
        page = _page_for(station) if station else _PAGE_ANY
        text, pages = page.subn("", text)
    if "PAGE" in text:
        text, nara = _PAGE_NARA.subn("", text)
    if "SECTION" in text:
        text = BANNER.sub(drop_banner, text)
    return Cleaned(text=text, page_headers=pages + nara, section_banners=banners)
