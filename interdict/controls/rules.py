"""Destination rules per jurisdiction, as written in ``interdict/data/controls/rules``.

A rule is data, not code: when it fires (destination, item, end use, end
user), what it decides, and on which provisions.  Keeping the law in files
with their own version dates and sources means an officer can read exactly
what the engine applied, and an update to a regulation is a reviewed data
change rather than a code change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from rigour.territories import get_territory

from interdict.controls.criteria import CriteriaError, Node, parse
from interdict.controls.entries import ControlListError, Jurisdiction, Source
from interdict.controls.item_lists import ItemList
from interdict.controls.parameters import Vocabulary
from interdict.model.strict import DuplicateKeyError, load_yaml

Outcome = Literal["prohibited", "licence_required", "general_authorisation", "no_licence_required"]
SEVERITY: dict[str, int] = {
    "prohibited": 3,
    "licence_required": 2,
    "general_authorisation": 1,
    "no_licence_required": 0,
}
EndUse = Literal["nuclear", "chemical_biological", "missile", "military"]
EndUser = Literal["military", "sanctioned", "entity_list"]
END_USES: tuple[str, ...] = ("nuclear", "chemical_biological", "missile", "military")
END_USERS: tuple[str, ...] = ("military", "sanctioned", "entity_list")
Transaction = Literal["sale", "return_after_repair", "temporary_exhibition", "intra_group"]
TRANSACTIONS: tuple[str, ...] = get_args(Transaction)
"""What kind of export it is: some general authorisations (EU003, EU004, EU007) cover only one."""


class Instrument(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    version_date: date | None = Field(
        description="the date of the text as encoded (adoption or last amendment); null when "
        "no source confirmed one, which the output says"
    )
    sources: tuple[Source, ...] = Field(min_length=1)


class CountrySet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    countries: tuple[str, ...] = Field(min_length=1)
    as_of: date
    sources: tuple[Source, ...] = Field(min_length=1)


class Basis(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    instrument: str
    provision: str = Field(description="article, section or paragraph, e.g. 'Art. 4(1)(a)'")
    says: str = Field(min_length=3, description="what the provision does, in our words")


class When(BaseModel):
    """All conditions must hold for the rule to fire; absent ones do not constrain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    destinations: tuple[str, ...] = ()
    destination_set: str | None = None
    outside_set: str | None = None
    items: Literal["listed", "unlisted", "any"] = "any"
    regimes: tuple[str, ...] = ()
    entries: tuple[str, ...] = Field(default=(), description="entry-id prefixes, e.g. 2B or 9A106")
    only_entries: tuple[str, ...] = Field(
        default=(),
        description="fires only if every entry the item is listed under starts with one of these "
        "(a general authorisation's item list)",
    )
    except_entries: tuple[str, ...] = Field(
        default=(),
        description="does not fire if any entry the item is listed under starts with one of these "
        "(a general authorisation's excluded items)",
    )
    transactions: tuple[Transaction, ...] = Field(
        default=(), description="fires only for these kinds of export (any when empty)"
    )
    item: dict[str, Any] | None = Field(
        default=None, description="criteria over the item's parameters"
    )
    end_use: tuple[EndUse, ...] = Field(default=(), description="fires if any of these is flagged")
    end_use_all: tuple[EndUse, ...] = Field(
        default=(), description="fires only if all of these are flagged as well"
    )
    end_user: tuple[EndUser, ...] = ()
    no_end_use_flags: bool = Field(
        default=False, description="only when no end-use or end-user flag is raised"
    )
    chart: bool = Field(
        default=False, description="US: fires for each reason of the item the Country Chart marks"
    )


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    outcome: Outcome
    authorisation: str | None = None
    summary: str = Field(min_length=3)
    when: When
    legal_basis: tuple[Basis, ...] = Field(min_length=1)
    caveats: tuple[str, ...] = ()
    satisfies: tuple[str, ...] = Field(
        default=(), description="licence rules a general authorisation stands in for"
    )

    @model_validator(mode="after")
    def _named(self) -> RuleSpec:
        if (self.outcome == "general_authorisation") != (self.authorisation is not None):
            raise ValueError("a general_authorisation names its authorisation, and only it does")
        return self


class ChartRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    columns: tuple[str, ...] = ()
    referral: str | None = Field(default=None, description="e.g. 'see part 746' for embargoes")
    footnotes: tuple[int, ...] = ()


class Chart(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    as_of: date
    columns: tuple[str, ...]
    footnotes: dict[int, str] = Field(default_factory=dict)
    rows: dict[str, ChartRow]
    sources: tuple[Source, ...] = Field(min_length=1)


class RuleBook(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    jurisdiction: Jurisdiction
    title: str
    checked_on: date
    home: str | None = Field(
        default=None, description="the country set that is the jurisdiction's own territory"
    )
    instruments: dict[str, Instrument]
    country_sets: dict[str, CountrySet] = Field(default_factory=dict)
    chart: Chart | None = None
    item_lists: tuple[ItemList, ...] = Field(
        default=(), description="lists of entries whose answer is an item fact (EU Annex IV)"
    )
    rules: tuple[RuleSpec, ...]


@dataclass(frozen=True)
class Rules:
    book: RuleBook
    item_criteria: dict[str, Node]
    list_conditions: dict[str, tuple[Node | None, ...]]


def load_rules(folder: Path, vocabulary: Vocabulary) -> dict[Jurisdiction, Rules]:
    books: dict[Jurisdiction, Rules] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            raw = load_yaml(path.read_text(encoding="utf-8"))
            # `x-` keys hold YAML anchors shared by several rows, as in the entry files.
            if isinstance(raw, dict):
                raw = {k: v for k, v in raw.items() if not str(k).startswith("x-")}
            book = RuleBook.model_validate(raw)
        except (OSError, yaml.YAMLError, DuplicateKeyError) as error:
            raise ControlListError(f"{path}: cannot be read as YAML: {error}") from error
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ControlListError(f"{path.name}: {where}: {first['msg']}") from error
        _check(book, path.name)
        criteria: dict[str, Node] = {}
        for rule in book.rules:
            if rule.when.item is not None:
                try:
                    criteria[rule.id] = parse(rule.when.item, vocabulary, f"{rule.id}.when.item")
                except CriteriaError as error:
                    raise ControlListError(f"{path.name}: {error}") from error
        conditions: dict[str, tuple[Node | None, ...]] = {}
        for item_list in book.item_lists:
            _check_list(item_list, book, vocabulary, path.name)
            try:
                conditions[item_list.parameter] = tuple(
                    None
                    if row.when is None
                    else parse(row.when, vocabulary, f"{item_list.parameter}.{row.entry}.when")
                    for row in item_list.rows
                )
            except CriteriaError as error:
                raise ControlListError(f"{path.name}: {error}") from error
        books[book.jurisdiction] = Rules(book, criteria, conditions)
    return books


def _check_list(item_list: ItemList, book: RuleBook, vocabulary: Vocabulary, name: str) -> None:
    where = f"{name}: item list {item_list.parameter}"
    if item_list.instrument not in book.instruments:
        raise ControlListError(f"{where}: unknown instrument {item_list.instrument!r}")
    spec = vocabulary.parameters.get(item_list.parameter)
    if spec is None or spec.kind != "boolean":
        raise ControlListError(f"{where}: the parameter must be a boolean of parameters.yaml")
    keys = [(row.entry, row.only) for row in item_list.rows]
    if len(set(keys)) != len(keys):
        raise ControlListError(f"{where}: a row is written twice")


def _check(book: RuleBook, name: str) -> None:
    """Cross-references and country codes, which pydantic alone cannot see."""
    ids = [r.id for r in book.rules]
    if len(set(ids)) != len(ids):
        raise ControlListError(f"{name}: two rules share an id")
    codes = [c for s in book.country_sets.values() for c in s.countries]
    codes += [c for r in book.rules for c in r.when.destinations]
    codes += list(book.chart.rows) if book.chart else []
    for code in codes:
        if get_territory(code.lower()) is None:
            raise ControlListError(f"{name}: {code!r} is not a country code")
    if book.chart is not None:
        for code, row in book.chart.rows.items():
            unknown = [c for c in row.columns if c not in book.chart.columns]
            unknown += [str(f) for f in row.footnotes if f not in book.chart.footnotes]
            if unknown:
                raise ControlListError(f"{name}: chart row {code}: unknown {', '.join(unknown)}")
    if book.home is not None and book.home not in book.country_sets:
        raise ControlListError(f"{name}: home {book.home!r} is not a country set")
    for rule in book.rules:
        for basis in rule.legal_basis:
            if basis.instrument not in book.instruments:
                raise ControlListError(
                    f"{name}: {rule.id}: unknown instrument {basis.instrument!r}"
                )
        for key in (rule.when.destination_set, rule.when.outside_set):
            if key is not None and key not in book.country_sets:
                raise ControlListError(f"{name}: {rule.id}: unknown country set {key!r}")
        if rule.when.chart and book.chart is None:
            raise ControlListError(f"{name}: {rule.id}: a chart rule needs a chart")
        for other in rule.satisfies:
            if other not in ids:
                raise ControlListError(f"{name}: {rule.id}: satisfies unknown rule {other!r}")
