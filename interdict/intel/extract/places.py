"""Countries, nationality adjectives and cities, and the country code each stands for.

A party's country comes from what the text says around its name: "the
Spanish company", "Turkish-based", "Irans", "of China", "a Dubai-based
trading company".  Country names are rigour's territory names (the ones
FollowTheMoney uses, in Latin script); adjectives and cities come from the
tables under ``interdict/data/intel``, each row citing its source, plus the
capitals rigour lists.  The same words also mark what is *not* a party:
a name made of place words alone is a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from rigour._core import territories_jsonl
from rigour.data import iter_jsonl_text

from interdict.intel.extract.tokens import Token, words

COUNTRY = "country"
DEMONYM = "demonym"
CITY = "city"
# How a place word was written: as itself, as a possessive ("Irans", "Iran's"), or as
# the first part of a "-based" compound ("Turkish-based", "Hong Kong-based", "Singapore-
# registered"); the compounds are all BASED.
PLAIN = "plain"
POSSESSIVE = "possessive"
BASED = "based"

_SITED = ("-based", "-registered", "-headquartered", "-incorporated")
_LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z .'-]*$")
# Words that are a country's name or code but far more often something else in a cable.
_AMBIGUOUS = frozenset({"us", "in", "man", "chad", "jordan", "georgia", "guinea", "niger"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place phrase found at a token: how many tokens it takes and what it names."""

    length: int
    code: str
    kind: str  # COUNTRY, DEMONYM or CITY
    form: str  # PLAIN, POSSESSIVE or BASED


def _rows(name: str) -> list[list[str]]:
    text = (files("interdict.data") / "intel" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _table() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Place phrases by their first word, longest first: (words, code, kind)."""
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}

    def add(text: str, code: str, kind: str) -> None:
        if not _LATIN_NAME.match(text):
            return
        key = tuple(words(text))
        if key and key not in phrases and not (len(key) == 1 and key[0] in _AMBIGUOUS):
            phrases[key] = (code, kind)

    for row in _rows("demonyms.tsv"):
        add(row[0], row[1], DEMONYM)
    for data in iter_jsonl_text(territories_jsonl()):
        code = str(data["code"])
        if "-" in code or not data.get("is_ftm") or data.get("is_historical"):
            continue
        names = [data["name"], data.get("full_name", ""), *data.get("names_strong", [])]
        in_sentence = str(data.get("in_sentence", ""))
        if in_sentence.lower().startswith("the "):
            names.append(in_sentence[4:])
        for name in names:
            add(str(name), code, COUNTRY)
        for place in data.get("places", []):
            add(str(place), code, CITY)
    for row in _rows("places.tsv"):
        add(row[0], row[1], CITY)
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for key, (code, kind) in phrases.items():
        table.setdefault(key[0], []).append((key, code, kind))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


def place_at(tokens: list[Token], index: int, caps: bool) -> Place | None:
    """The place phrase that starts at ``tokens[index]``, if any.

    In mixed-case text a place is capitalised ("turkey" is a bird, "china"
    porcelain).  The last word may carry a possessive ("Irans", "Iran's")
    or "-based"; a possessive without the apostrophe is read only for
    country names, where Cablegate dropped it.
    """
    first = tokens[index]
    if not caps and not first.upper_initial:
        return None
    table = _table()
    entries = table.get(first.low)
    if entries is None:  # the common case: only a one-word place with an ending can start here
        base, form = _base(first.low)
        for phrase, code, kind in table.get(base, ()) if base else ():
            found = _checked(1, code, kind, form) if len(phrase) == 1 else None
            if found is not None:
                return found
        return None
    for phrase, code, kind in entries:
        size = len(phrase)
        if size == 1 or index + size > len(tokens):
            continue
        if any(tokens[index + k].low != phrase[k] for k in range(1, size - 1)):
            continue
        for last, form in _forms(tokens[index + size - 1].low):
            found = _checked(size, code, kind, form) if last == phrase[-1] else None
            if found is not None:
                return found
    for low, form in _forms(first.low):
        for phrase, code, kind in table.get(low, ()):
            found = _checked(1, code, kind, form) if len(phrase) == 1 else None
            if found is not None:
                return found
    return None


def _base(low: str) -> tuple[str | None, str]:
    """The word a possessive or a "-based" ending was added to, and the ending's form."""
    if low.endswith(_SITED):
        return low[: low.rindex("-")], BASED
    if low.endswith("'s"):
        return low[:-2], POSSESSIVE
    if low.endswith("s") and len(low) > 3:  # "Irans", not "its"
        return low[:-1], POSSESSIVE
    return None, PLAIN


def _forms(low: str) -> list[tuple[str, str]]:
    """The word itself, and the word a possessive or a "-based" ending was added to."""
    forms = [(low, PLAIN)]
    sited = next((ending for ending in _SITED if low.endswith(ending)), None)
    if sited is not None:
        forms.append((low[: -len(sited)], BASED))
    elif low.endswith("'s"):
        forms.append((low[:-2], POSSESSIVE))
    elif low.endswith("s") and len(low) > 3:
        forms.append((low[:-1], POSSESSIVE))
    return forms


def _checked(length: int, code: str, kind: str, form: str) -> Place | None:
    if form is POSSESSIVE and kind != COUNTRY:
        return None
    return Place(length, code, kind, form)


def is_place_word(low: str) -> bool:
    """Whether a lower-case word is by itself a country, nationality or city name."""
    return any(len(phrase) == 1 for phrase, _, _ in _table().get(low, ()))
