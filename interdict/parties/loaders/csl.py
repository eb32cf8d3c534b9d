"""The US Consolidated Screening List (trade.gov), JSON or CSV, as FtM entities.

Format verified against the International Trade Administration's own importers
(GitHub ``InternationalTradeAdministration/csl-importers``):

- ``shared/output.py``: the CSV columns, in order (``_id, source, entity_number, type,
  programs, name, title, addresses, ... source_information_url, ids``);
- ``StaticFileMaker/__init__.py``: ``consolidated.json`` is an object whose ``results``
  array holds the records (with ``sources_used``, ``total``); each per-source file is a
  bare array, which is accepted too;
- ``shared/treasury_importer.py``: in the JSON a record's key is ``id``, in the CSV
  ``_id``; CSV cells of lists are joined with ``"; "``, an address with ``", "``, and
  an id as its non-empty values (type, number, country ...) joined with ``", "``;
- ``shared/nested_fields.py``: JSON ``addresses`` objects have ``address, city, state,
  postal_code, country`` (an ISO code) and ``ids`` objects ``type, number, country,
  issue_date, expiration_date``;
- ``ElDataTimer/el_data.py``: Entity List rows carry no ``type``, no ``entity_number``
  and an ``_id`` that is a hash, so a missing type must not refuse the record;
- ``shared/convert_date.py``: dates of birth are ISO when ITA could parse them and
  the publisher's wording otherwise (e.g. ``circa 1960``).

The type enum (Individual, Entity, Vessel, Aircraft) and the thirteen source lists
come from the api-evangelist ``bureau-of-industry-and-security`` data model derived
from ITA's published API.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followthemoney import EntityProxy

from interdict.parties.loaders.common import (
    EXPORT_CONTROL_TOPIC,
    SANCTION_TOPIC,
    Record,
    clean_country,
    clean_dates,
    collapse,
    file_problem,
    join_address,
    make_id,
    make_sanction,
    new_entity,
    open_binary,
)
from interdict.parties.loaders.problem import LoadProblem

if TYPE_CHECKING:
    from _csv import Reader

# A missing type is the Entity List's norm and may be a person: LegalEntity
# promises neither.
_SCHEMAS = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
    "": "LegalEntity",
}
# The list code in a source's name, e.g. "Entity List (EL) - Bureau of Industry and Security".
_SOURCE_CODE = re.compile(r"\(([A-Z][A-Z-]*)")
_SANCTION_SOURCES = {"SDN", "FSE", "SSI", "CAP", "CMIC", "NS-MBS", "MBS", "PLC", "ISN"}
_EXPORT_CONTROL_SOURCES = {"EL", "MEU", "UVL", "DPL", "DTC"}
# Identifier types (OFAC's wording, kept by ITA) by the property that holds them.
_ID_KEYWORDS = (
    ("passport", "passportNumber"),
    ("imo", "imoNumber"),
    ("vessel registration", "imoNumber"),
    ("swift", "swiftBic"),
    ("tax", "taxNumber"),
    ("tail number", "registrationNumber"),
    ("serial number", "serialNumber"),
    ("registration", "registrationNumber"),
    ("website", "website"),
    ("email", "email"),
    ("phone", "phone"),
    ("gender", "gender"),
)
# Not identifiers: dropped where the schema lacks them rather than kept as an id.
_DESCRIPTIVE = {"website", "email", "phone", "gender"}
_LIST_FIELDS = (
    "programs",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
)
RawRecord = dict[str, Any]


def read_csl(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    """Either form of the list; the first byte that is not blank tells which."""
    handle = open_binary(path)
    if isinstance(handle, LoadProblem):
        yield handle
        return
    with handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        yield file_problem(path, "the file is empty")
    elif head[:1] in (b"{", b"["):
        yield from read_csl_json(path, dataset)
    else:
        yield from read_csl_csv(path, dataset)


def read_csl_json(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    """The JSON form is one document, so it is parsed whole (tens of MB at most)."""
    try:
        document = json.loads(path.read_bytes())
    except OSError as exc:
        yield file_problem(path, f"cannot read the file: {exc.strerror or exc}")
        return
    except (ValueError, RecursionError) as exc:
        yield file_problem(path, f"not valid JSON ({exc})")
        return
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        results, label = document["results"], "results"
    elif isinstance(document, list):
        results, label = document, ""
    else:
        yield file_problem(path, "not a CSL JSON file: expected a 'results' array")
        return
    for index, result in enumerate(results):
        position = f"{label}[{index}]"
        if not isinstance(result, dict):
            yield LoadProblem(position, "not a JSON object")
            continue
        number = _text(result.get("entity_number"))
        key = _text(result.get("id")) or _text(result.get("_id"))
        if number is not None:
            position += f" (entity_number {number})"
        elif key is not None:
            position += f" (id {key})"
        yield from _read_record(result, position, dataset)


def read_csl_csv(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    handle = open_binary(path)
    if isinstance(handle, LoadProblem):
        yield handle
        return
    with handle:
        undecodable: set[int] = set()

        def lines() -> Iterator[str]:
            # Decoded line by line so that one bad byte costs one row, not the file.
            for number, raw in enumerate(handle, start=1):
                try:
                    yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    undecodable.add(number)
                    yield raw.decode("utf-8", errors="replace")

        reader = csv.reader(lines())
        try:
            header = [column.strip() for column in next(reader)]
        except StopIteration:
            yield file_problem(path, "the file is empty")
            return
        except (csv.Error, OSError) as exc:
            yield file_problem(path, f"cannot read the header row ({exc})")
            return
        if "name" not in header:
            yield file_problem(path, "not a CSL CSV file: the header has no 'name' column")
            return
        yield from _read_rows(reader, header, undecodable, dataset)


def _read_rows(
    reader: Reader, header: list[str], undecodable: set[int], dataset: str
) -> Iterator[Record]:
    last_line = reader.line_num
    while True:
        first_line = last_line + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield LoadProblem(f"line {first_line}", f"not a valid CSV row ({exc})")
            if reader.line_num <= last_line:
                return  # the reader made no progress; it would fail the same way forever
            last_line = reader.line_num
            continue
        last_line = reader.line_num
        position = f"line {first_line}"
        if undecodable & set(range(first_line, last_line + 1)):
            yield LoadProblem(position, "not UTF-8 text")
        elif any(cell.strip() for cell in row):
            record: RawRecord = dict(zip(header, row, strict=False))
            for field in (*_LIST_FIELDS, "addresses", "ids"):
                record[field] = _split(record.get(field))
            yield from _read_record(record, position, dataset)


def _split(cell: Any) -> list[str]:
    text = collapse(cell) if isinstance(cell, str) else None
    return [part for part in (collapse(p) for p in text.split("; ")) if part] if text else []


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return collapse(str(value))


def _items(value: Any) -> list[Any]:
    """A JSON value that should be a list, as one; a lone object counts as one item."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _texts(value: Any) -> list[str]:
    """Strings of a JSON value that may be null, a string or a list of either."""
    return [text for item in _items(value) if (text := _text(item)) is not None]


def _read_record(record: RawRecord, position: str, dataset: str) -> Iterator[Record]:
    key = _text(record.get("_id")) or _text(record.get("id"))
    entity_id = make_id("csl", key or _text(record.get("entity_number")))
    if entity_id is None:
        yield LoadProblem(position, "no _id or entity_number, so the record has no stable id")
        return
    name = _text(record.get("name"))
    if name is None:
        yield LoadProblem(position, "no name")
        return
    kind = (_text(record.get("type")) or "").lower()
    schema = _SCHEMAS.get(kind)
    if schema is None:
        yield LoadProblem(position, f"unknown type {record.get('type')!r}")
        return
    source = _text(record.get("source")) or "Consolidated Screening List"
    entity = new_entity(schema, entity_id, dataset)
    entity.add("name", name)
    for alias in _texts(record.get("alt_names")):
        entity.add("alias", alias.split("; "))
    entity.add("notes", _text(record.get("remarks")))
    entity.add("program", _texts(record.get("programs")))
    entity.add("topics", _topic(source))
    entity.add("sourceUrl", _text(record.get("source_list_url")))
    _add_details(entity, record)
    yield entity
    yield _sanction(entity, record, source, dataset)


def _topic(source: str) -> str:
    """Sanctions programmes are ``sanction``; the Commerce and State export lists are not."""
    match = _SOURCE_CODE.search(source)
    code = match.group(1) if match else ""
    if code in _SANCTION_SOURCES:
        return SANCTION_TOPIC
    if code in _EXPORT_CONTROL_SOURCES:
        return EXPORT_CONTROL_TOPIC
    return SANCTION_TOPIC if "Treasury" in source else EXPORT_CONTROL_TOPIC


def _add_details(entity: EntityProxy, record: RawRecord) -> None:
    for address in _items(record.get("addresses")):
        _add_address(entity, address)
    for ident in _items(record.get("ids")):
        _add_identifier(entity, ident)
    if entity.schema.is_a("Person"):
        entity.add("position", _text(record.get("title")))
        entity.add("citizenship", [clean_country(c) for c in _texts(record.get("citizenships"))])
        entity.add("nationality", [clean_country(c) for c in _texts(record.get("nationalities"))])
        for date in _texts(record.get("dates_of_birth")):
            entity.add("birthDate", clean_dates(date))
        entity.add("birthPlace", _texts(record.get("places_of_birth")))
    if entity.schema.is_a("Vessel"):
        entity.add("callSign", _text(record.get("call_sign")))
        entity.add("type", _text(record.get("vessel_type")))
        entity.add("flag", clean_country(_text(record.get("vessel_flag"))))
        entity.add("tonnage", _text(record.get("gross_tonnage")))
        entity.add("grossRegisteredTonnage", _text(record.get("gross_registered_tonnage")))
        owner = _text(record.get("vessel_owner"))
        entity.add("notes", f"Vessel owner: {owner}" if owner else None)


def _add_address(entity: EntityProxy, address: Any) -> None:
    """A JSON address object, or one address of the CSV cell ("street, city, ..., CC")."""
    if isinstance(address, dict):
        fields = ("address", "city", "state", "postal_code")
        country = _text(address.get("country"))
        entity.add("address", join_address((_text(address.get(f)) for f in fields), country))
        entity.add("country", clean_country(country))
    elif isinstance(address, str):
        *parts, last = address.split(", ")
        country = clean_country(last) if len(last) == 2 else None
        entity.add("address", join_address(parts, last) if country else address)
        entity.add("country", country)


def _add_identifier(entity: EntityProxy, ident: Any) -> None:
    """A JSON ``ids`` object, or one id of the CSV cell ("Passport, A123, IR")."""
    if isinstance(ident, dict):
        kind, number = _text(ident.get("type")) or "", _text(ident.get("number"))
    elif isinstance(ident, str):
        parts = ident.split(", ")
        kind, number = (parts[0], parts[1]) if len(parts) > 1 else ("", parts[0])
    else:
        return
    lowered = kind.lower()
    prop = next((p for word, p in _ID_KEYWORDS if word in lowered), "idNumber")
    if entity.schema.get(prop) is None:
        if prop in _DESCRIPTIVE:
            return
        prop = "idNumber" if entity.schema.get("idNumber") else "registrationNumber"
    entity.add(prop, number)


def _sanction(target: EntityProxy, record: RawRecord, source: str, dataset: str) -> EntityProxy:
    sanction = make_sanction(target, dataset, source)
    sanction.add("program", _texts(record.get("programs")))
    sanction.add("authorityId", _text(record.get("entity_number")))
    sanction.add("summary", _text(record.get("federal_register_notice")))
    sanction.add("listingDate", clean_dates(_text(record.get("start_date"))))
    sanction.add("endDate", clean_dates(_text(record.get("end_date"))))
    sanction.add("provisions", _text(record.get("license_requirement")))
    sanction.add("provisions", _text(record.get("license_policy")))
    sanction.add("sourceUrl", _text(record.get("source_information_url")))
    sanction.add("sourceUrl", _text(record.get("source_list_url")))
    return sanction
