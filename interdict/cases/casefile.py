"""A case file: one export transaction, read from YAML or JSON and checked field by field.

The file is what an officer assembles from a licence application, so every
refusal names the field (``parties[1].role``) and what would be accepted.
Nothing about the transaction is guessed: a field left out stays unknown,
and the assessment asks about it rather than assuming the clean answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interdict.controls.entries import JURISDICTIONS, ControlList, Jurisdiction
from interdict.controls.items import Item, ItemError, load_item, read_item
from interdict.controls.requests import RequestError, country_code
from interdict.controls.rules import END_USES, TRANSACTIONS
from interdict.model.strict import UnreadableError, read_document

ROLES = ("consignee", "intermediary", "end_user", "freight_forwarder", "other")
SCHEMATA = ("LegalEntity", "Company", "Organization", "Person")
# Member states of the European Union, whose exporters fall under Regulation 2021/821.
EU_MEMBERS = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
_TOP = (
    "reference",
    "jurisdiction",
    "authority",
    "exporter",
    "parties",
    "item",
    "destination",
    "final_destination",
    "transit",
    "end_use",
    "end_use_flags",
    "value",
    "subject_to_ear",
    "transaction",
    "payment",
    "notes",
)
_PARTY = ("role", "name", "country", "address", "business", "aliases", "schema")
_EXPORTER = ("name", "country", "address")


class CaseError(ValueError):
    """A case file that cannot be assessed; ``field`` is the path of the offending value."""

    def __init__(self, source: str, field: str, reason: str) -> None:
        super().__init__(f"{source}: {field}: {reason}")
        self.source = source
        self.field = field
        self.reason = reason


@dataclass(frozen=True)
class Party:
    roles: tuple[str, ...]
    name: str
    country: str | None
    address: str | None = None
    business: str | None = None
    aliases: tuple[str, ...] = ()
    schema: str = "LegalEntity"

    @property
    def label(self) -> str:
        return f"{self.name} ({', '.join(self.roles)})"


@dataclass(frozen=True)
class Exporter:
    name: str
    country: str
    address: str | None = None


@dataclass(frozen=True)
class Value:
    amount: float
    currency: str


@dataclass(frozen=True)
class Case:
    """A checked case file; ``raw`` is the file as read, kept with every saved assessment."""

    reference: str | None
    jurisdictions: tuple[Jurisdiction, ...]
    authority: str
    exporter: Exporter
    parties: tuple[Party, ...]
    item: Item
    item_source: str
    destination: str
    final_destination: str
    transit: tuple[str, ...]
    end_use: str | None
    end_use_flags: frozenset[str]
    value: Value | None
    subject_to_ear: bool | None
    transaction: str
    payment: str | None
    source: str
    raw: dict[str, Any]

    def with_role(self, role: str) -> list[Party]:
        return [p for p in self.parties if role in p.roles]


def load_case(path: Path, controls: ControlList) -> Case:
    try:
        raw = read_document(path)
    except UnreadableError as error:
        raise CaseError(str(path), "(file)", str(error)) from error
    return read_case(raw, controls, str(path), path.parent)


def read_case(raw: Any, controls: ControlList, source: str, folder: Path | None) -> Case:
    """Check a parsed case file; ``folder`` resolves a relative item path (None: inline only)."""
    if not isinstance(raw, dict):
        raise CaseError(source, "(file)", "expected a mapping with exporter, parties and item")
    for key in raw:
        if key not in _TOP:
            raise CaseError(source, str(key), f"unknown field; use {', '.join(_TOP)}")
    reader = _Reader(source)
    exporter = reader.exporter(raw.get("exporter"))
    parties = tuple(reader.party(p, f"parties[{i}]") for i, p in enumerate(reader.parties(raw)))
    item, item_source, item_raw = reader.item(raw.get("item"), controls, folder)
    destination = reader.country("destination", raw.get("destination"), required=True)
    final = reader.country("final_destination", raw.get("final_destination"))
    transit = raw.get("transit") or []
    if not isinstance(transit, list):
        raise CaseError(source, "transit", "must be a list of ISO 3166-1 codes")
    flags = raw.get("end_use_flags") or []
    if not isinstance(flags, list) or any(f not in END_USES for f in flags):
        raise CaseError(source, "end_use_flags", f"must be a list of: {', '.join(END_USES)}")
    transaction = raw.get("transaction", "sale")
    if transaction not in TRANSACTIONS:
        raise CaseError(source, "transaction", f"unknown {transaction!r}; use {TRANSACTIONS}")
    ear = raw.get("subject_to_ear")
    if ear is not None and not isinstance(ear, bool):
        raise CaseError(source, "subject_to_ear", "must be true or false")
    return Case(
        reference=reader.text("reference", raw.get("reference")),
        jurisdictions=reader.jurisdictions(raw.get("jurisdiction"), exporter, ear),
        authority=reader.country("authority", raw.get("authority")) or exporter.country,
        exporter=exporter,
        parties=parties,
        item=item,
        item_source=item_source,
        destination=str(destination),
        final_destination=final or str(destination),
        transit=tuple(
            str(reader.country(f"transit[{i}]", c, required=True)) for i, c in enumerate(transit)
        ),
        end_use=reader.text("end_use", raw.get("end_use")),
        end_use_flags=frozenset(flags),
        value=reader.value(raw.get("value")),
        subject_to_ear=ear,
        transaction=str(transaction),
        payment=reader.text("payment", raw.get("payment")),
        source=source,
        raw={**raw, "item": item_raw},
    )


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, field: str, reason: str) -> CaseError:
        return CaseError(self.source, field, reason)

    def text(self, field: str, value: Any, required: bool = False) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise self.fail(field, "missing value")
            return None
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(field, "must be text")
        return str(value).strip()

    def country(self, field: str, value: Any, required: bool = False) -> str | None:
        if value is None and not required:
            return None
        try:
            return country_code(field, value)
        except RequestError as error:
            raise self.fail(field, str(error).split(": ", 1)[1]) from error

    def mapping(self, field: str, value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(field, f"must be a mapping with {', '.join(keys)}")
        for key in value:
            if key not in keys:
                raise self.fail(f"{field}.{key}", f"unknown field; use {', '.join(keys)}")
        return value

    def exporter(self, value: Any) -> Exporter:
        if value is None:
            raise self.fail("exporter", "missing value: give name and country")
        raw = self.mapping("exporter", value, _EXPORTER)
        return Exporter(
            name=str(self.text("exporter.name", raw.get("name"), required=True)),
            country=str(self.country("exporter.country", raw.get("country"), required=True)),
            address=self.text("exporter.address", raw.get("address")),
        )

    def parties(self, raw: dict[str, Any]) -> list[Any]:
        parties = raw.get("parties")
        if not isinstance(parties, list) or not parties:
            raise self.fail("parties", "missing value: a list of parties with role and name")
        return parties

    def party(self, value: Any, field: str) -> Party:
        raw = self.mapping(field, value, _PARTY)
        roles = raw.get("role")
        listed = roles if isinstance(roles, list) else [roles]
        if roles is None or not listed:
            raise self.fail(f"{field}.role", f"missing value; use {', '.join(ROLES)}")
        for role in listed:
            if role not in ROLES:
                raise self.fail(f"{field}.role", f"unknown role {role!r}; use {', '.join(ROLES)}")
        aliases = raw.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise self.fail(f"{field}.aliases", "must be a list of names")
        schema = raw.get("schema", "LegalEntity")
        if schema not in SCHEMATA:
            raise self.fail(f"{field}.schema", f"unknown {schema!r}; use {', '.join(SCHEMATA)}")
        return Party(
            roles=tuple(dict.fromkeys(str(r) for r in listed)),
            name=str(self.text(f"{field}.name", raw.get("name"), required=True)),
            country=self.country(f"{field}.country", raw.get("country")),
            address=self.text(f"{field}.address", raw.get("address")),
            business=self.text(f"{field}.business", raw.get("business")),
            aliases=tuple(a.strip() for a in aliases if a.strip()),
            schema=str(schema),
        )

    def item(self, value: Any, controls: ControlList, folder: Path | None) -> tuple[Item, str, Any]:
        """The item, where it came from, and its document (kept inline with a saved case, so
        the case can be assessed again wherever the item file has gone)."""
        if value is None:
            raise self.fail("item", "missing value: a path to an item file, or the item inline")
        try:
            if isinstance(value, dict):
                item = read_item(value, controls.vocabulary, f"{self.source}: item")
                return item, "inline", value
            if not isinstance(value, str) or folder is None:
                raise self.fail("item", "must be a path to an item file, or a mapping")
            path = (folder / value).resolve()
            if not path.is_file():
                raise self.fail("item", f"no item file at {value!r} (looked for {path})")
            return load_item(path, controls.vocabulary), value, read_document(path)
        except ItemError as error:
            raise self.fail(f"item.{error.field}", error.reason) from error

    def value(self, value: Any) -> Value | None:
        if value is None:
            return None
        raw = self.mapping("value", value, ("amount", "currency"))
        amount = raw.get("amount")
        if not isinstance(amount, int | float) or isinstance(amount, bool) or amount < 0:
            raise self.fail("value.amount", "must be a number, 0 or more")
        currency = raw.get("currency")
        if not isinstance(currency, str) or len(currency.strip()) != 3:
            raise self.fail("value.currency", "must be an ISO 4217 code such as EUR")
        return Value(float(amount), currency.strip().upper())

    def jurisdictions(
        self, value: Any, exporter: Exporter, subject_to_ear: bool | None
    ) -> tuple[Jurisdiction, ...]:
        """The rule books the case is assessed under: the one named, else the exporter's.

        An EU exporter's item falls under US rules as well when it is subject
        to the EAR, so that book is added when the file says so.
        """
        if value is not None:
            if value not in JURISDICTIONS:
                raise self.fail(
                    "jurisdiction", f"unknown {value!r}; use {', '.join(JURISDICTIONS)}"
                )
            chosen: list[Jurisdiction] = [value]
        elif exporter.country in EU_MEMBERS:
            chosen = ["EU"]
        elif exporter.country == "US":
            chosen = ["US"]
        else:
            raise self.fail(
                "jurisdiction",
                f"the exporter's country {exporter.country} has no rule book here; give EU or US",
            )
        if subject_to_ear and "US" not in chosen:
            chosen.append("US")
        return tuple(chosen)
