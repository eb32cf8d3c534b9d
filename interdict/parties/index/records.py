"""What the index keeps of each listed entity: its names, analysed, and the facts it compares.

A record is built once, when a list is loaded, and read back for every
candidate, so it holds the analysed words rather than the raw entity: the
expensive part of matching (transliteration, legal forms) is never redone at
query time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
from followthemoney import EntityProxy, registry

from interdict.parties.names.analysis import Kind, NameForm, analyse
from interdict.parties.names.scripts import Script
from interdict.parties.names.variants import name_variants

NAME_PROPERTIES = ("name", "alias", "previousName", "abbreviation")
WEAK_PROPERTIES = ("weakAlias",)
COUNTRY_PROPERTIES = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry")


@dataclass(frozen=True, slots=True)
class ListedName:
    form: NameForm
    weak: bool


@dataclass(frozen=True, slots=True)
class EntityRecord:
    entity_id: str
    schema: str
    caption: str
    names: tuple[ListedName, ...]
    countries: tuple[str, ...]
    birth_dates: tuple[str, ...]
    identifiers: tuple[str, ...]
    datasets: tuple[str, ...]

    def dumps(self) -> bytes:
        return orjson.dumps(
            [
                self.entity_id,
                self.schema,
                self.caption,
                [_name_row(n) for n in self.names],
                self.countries,
                self.birth_dates,
                self.identifiers,
                self.datasets,
            ]
        )

    @classmethod
    def loads(cls, data: bytes) -> EntityRecord:
        entity_id, schema, caption, names, countries, births, ids, datasets = orjson.loads(data)
        return cls(
            entity_id,
            schema,
            caption,
            tuple(_name_from_row(row) for row in names),
            tuple(countries),
            tuple(births),
            tuple(ids),
            tuple(datasets),
        )


def record_of(proxy: EntityProxy) -> EntityRecord:
    """Analyse an entity's names once; an entity without any name gives a record with none."""
    organisation = not proxy.schema.is_a("Person")
    seen: set[tuple[str, bool]] = set()
    names: list[ListedName] = []
    for properties, weak in ((NAME_PROPERTIES, False), (WEAK_PROPERTIES, True)):
        for prop in properties:
            if prop not in proxy.schema.properties:
                continue
            for value in proxy.get(prop, quiet=True):
                for variant in name_variants(value):
                    if (variant, weak) not in seen:
                        seen.add((variant, weak))
                        form = analyse(variant, organisation)
                        if form.content:
                            names.append(ListedName(form, weak))
    countries: set[str] = set()
    for prop in COUNTRY_PROPERTIES:
        if prop in proxy.schema.properties:
            countries.update(proxy.get(prop, quiet=True))
    births = proxy.get("birthDate", quiet=True) if "birthDate" in proxy.schema.properties else []
    datasets = proxy.context.get("datasets") or []
    return EntityRecord(
        entity_id=str(proxy.id),
        schema=proxy.schema.name,
        caption=proxy.caption,
        names=tuple(names),
        countries=tuple(sorted(countries)),
        birth_dates=tuple(sorted(births)),
        identifiers=tuple(sorted(proxy.get_type_values(registry.identifier))),
        datasets=tuple(datasets) if isinstance(datasets, list) else (str(datasets),),
    )


def _name_row(name: ListedName) -> list[Any]:
    form = name.form
    return [
        form.text,
        form.tokens,
        "".join([kind[0] for kind in form.kinds]),  # a Kind is a str: kind[0] is its letter
        form.legal_forms,
        form.script.value,
        name.weak,
        form.initials,
    ]


def _name_from_row(row: list[Any]) -> ListedName:
    text, tokens, kinds, legal, script, weak, initials = row
    form = NameForm(
        text, tuple(tokens), _kinds(kinds), tuple(legal), _SCRIPTS[script], tuple(initials)
    )
    return ListedName(form, bool(weak))


# Every candidate of every query is decoded: enum lookups by value are slow enough to show.
_SCRIPTS = {script.value: script for script in Script}


@lru_cache(maxsize=4096)
def _kinds(letters: str) -> tuple[Kind, ...]:
    """The kinds of a name's words from their letters; a few hundred patterns cover a list."""
    return tuple(map(Kind.from_letter, letters))
