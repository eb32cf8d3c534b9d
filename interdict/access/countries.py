"""Countries as release markings write them, read into ISO alpha-2 codes, and back to trigraphs.

Cables write releasability every way: ``REL SPAIN``, ``REL TO USA, ESP``,
``REL UAE``, ``REL TO USA, GBR, AUS``.  Inside Interdict a country is its
ISO 3166-1 alpha-2 code; banners are written in the trigraph form of the
US marking system (ISO alpha-3).  A word that names no country is reported
back, so that the rule can refuse the whole marking rather than guess.
"""

from __future__ import annotations

import re
from functools import cache

from rigour.territories import get_territories

# Short forms the cables use that are neither a code nor a territory's name.
_SHORT = {
    "UAE": "AE",
    "UK": "GB",
    "US": "US",
    "USA": "US",
    "ROK": "KR",
    "PRC": "CN",
    "TURKEY": "TR",
    "IVORY COAST": "CI",
    "MACEDONIA": "MK",
}
_NOT_WORD = re.compile(r"[^A-Z0-9]+")


@cache
def _index() -> dict[str, str]:
    """Every alpha-2, alpha-3, name and full name of a current country, upper case, to alpha-2."""
    found: dict[str, str] = {}
    for territory in get_territories():
        if territory.is_historical or not territory.is_country:
            continue
        code = territory.code.upper()
        if len(code) != 2:
            continue
        keys = [code, territory.name, territory.full_name]
        if territory.alpha3:
            keys.append(territory.alpha3)
        for key in keys:
            if key:
                found.setdefault(_key(key), code)
    for short, code in _SHORT.items():
        found[short] = code
    return found


def _key(text: str) -> str:
    return _NOT_WORD.sub(" ", text.upper()).strip()


def country_code(word: str) -> str | None:
    """``SPAIN``, ``ESP``, ``ES`` -> ``ES``; None when the word names no country."""
    return _index().get(_key(word))


def trigraph(code: str) -> str:
    """``ES`` -> ``ESP``; the code itself when no alpha-3 is known."""
    return _trigraphs().get(code.upper(), code.upper())


@cache
def _trigraphs() -> dict[str, str]:
    return {
        t.code.upper(): t.alpha3.upper()
        for t in get_territories()
        if t.alpha3 and len(t.code) == 2 and not t.is_historical
    }


def release_countries(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """The alpha-2 codes a REL TO list names, and the words that name no country."""
    codes, unknown = set(), []
    for word in words:
        code = country_code(word)
        if code is None:
            unknown.append(word)
        else:
            codes.add(code)
    return frozenset(codes), tuple(unknown)
