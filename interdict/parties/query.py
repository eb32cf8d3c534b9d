"""A screening query, checked: a known schema, real country codes, real dates.

``make_query`` refuses bad input with a message naming the field, for
callers that must be exact (comparing two names, a case file's parties).
``qualified_query`` is what screening uses: a name is all it needs, so a
bad qualifier (a birth date of 1948-13-16, a country that is no country,
an unknown schema) is dropped with a warning naming the field and the
name is screened without it.  A party left unscreened over a typo in a
date is a compliance hole; a noisy row is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from followthemoney import model, registry

from interdict.parties.match.score import Facts
from interdict.parties.names.analysis import NameForm, analyse
from interdict.parties.names.variants import name_variants

QUERY_SCHEMATA = ("LegalEntity", "Person", "Organization", "Company", "Vessel", "Airplane")


class QueryError(ValueError):
    """A query field that cannot be used, with a message naming it."""


@dataclass(frozen=True, slots=True)
class Query:
    names: tuple[str, ...]
    schema: str = "LegalEntity"
    countries: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()

    @property
    def facts(self) -> Facts:
        return Facts(self.schema, self.countries, self.birth_dates, self.identifiers)

    def forms(self) -> list[NameForm]:
        organisation = self.schema != "Person"
        return [
            form
            for name in self.names
            for variant in name_variants(name)
            if (form := analyse(variant, organisation)).content
        ]


def make_query(
    names: Iterable[str],
    schema: str | None = None,
    countries: Iterable[str] = (),
    birth_dates: Iterable[str] = (),
    identifiers: Iterable[str] = (),
) -> Query:
    """Validate and normalise the parts of a query; raises ``QueryError``."""
    cleaned_names = tuple(n.strip() for n in names if n and n.strip())
    if not cleaned_names:
        raise QueryError("name: a non-empty name is required")
    return Query(
        names=cleaned_names,
        schema=_schema(schema),
        countries=tuple(_country(c) for c in countries if c),
        birth_dates=tuple(_date(d) for d in birth_dates if d),
        identifiers=tuple(i for i in identifiers if i),
    )


def qualified_query(
    names: Iterable[str],
    schema: str | None = None,
    countries: Iterable[str] = (),
    birth_dates: Iterable[str] = (),
    identifiers: Iterable[str] = (),
) -> tuple[Query, list[str]]:
    """The query on what is valid, and a warning for each qualifier left out.

    Raises ``QueryError`` only when there is no name to screen.
    """
    warnings: list[str] = []

    def kept(clean: Callable[[str], str], values: Iterable[str]) -> tuple[str, ...]:
        good = []
        for value in values:
            if not value:
                continue
            try:
                good.append(clean(value))
            except QueryError as error:
                warnings.append(f"{error}; ignored, screened without it")
        return tuple(good)

    try:
        chosen = _schema(schema)
    except QueryError as error:
        warnings.append(f"{error}; ignored, screened as LegalEntity")
        chosen = "LegalEntity"
    cleaned_countries = kept(_country, countries)
    cleaned_dates = kept(_date, birth_dates)
    query = make_query(names, chosen, identifiers=identifiers)
    return replace(query, countries=cleaned_countries, birth_dates=cleaned_dates), warnings


def can_match(query_schema: str, listed_schema: str) -> bool:
    return bool(model.get(query_schema).can_match(model.get(listed_schema)))  # type: ignore[union-attr]


def _schema(value: str | None) -> str:
    schema = value or "LegalEntity"
    if schema not in QUERY_SCHEMATA:
        raise QueryError(
            f"schema: unknown schema {schema!r}; use one of {', '.join(QUERY_SCHEMATA)}"
        )
    return schema


def _country(value: str) -> str:
    code = registry.country.clean(value.strip())
    if code is None:
        raise QueryError(f"country: unknown country {value!r}; use an ISO 3166-1 code such as IR")
    return code


def _date(value: str) -> str:
    date = registry.date.clean(value.strip())
    if date is None:
        raise QueryError(f"birth_date: {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return date
