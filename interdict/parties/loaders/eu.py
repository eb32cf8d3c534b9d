"""The EU Financial Sanctions Files (FSF) XML export as FtM entities.

Format verified against:

- the classes generateDS made from the FSF schema ``schema_1_1.xsd`` (GitHub
  ``perchrh/sanction_list_search``, ``eu/eu_global_subs.py``): every attribute of
  ``sanctionEntity`` (designationDate, delistingDate, unitedNationId,
  euReferenceNumber, logicalId), ``regulation`` (programme, numberTitle,
  publicationUrl, entryIntoForceDate ...), ``nameAlias`` (wholeName, firstName,
  middleName, lastName, function, gender, title, nameLanguage, strong),
  ``citizenship``, ``birthdate`` (birthdate, dayOfMonth, monthOfYear, year,
  yearRangeFrom/To, city, place, region, country...), ``identification`` (number,
  latinNumber, identificationTypeCode ...) and ``address`` (street, poBox, city,
  zipCode, region, place, country..., child ``contactInfo`` key/value);
- OpenSanctions ``zavod/zavod/shed/fsf.py`` and ``datasets/eu/fsf/eu_fsf.yml``: subject
  types ``person``/``enterprise``, the identification type codes (passport, swiftbic,
  imo, regnumber, fiscalcode, id, other ...), contact keys PHONE/FAX/EMAIL/WEB, and
  ``countryIso2Code="00"`` / ``countryDescription="UNKNOWN"`` for no country;
- published sample records with the namespace ``http://eu.europa.ec/fpi/fsd/export``
  (the schema's own ``xmlns:fsdexport``).  The namespace
  ``http://eu.europa.eu/fsd/schema/export`` was not found in any source, so elements
  are matched by local name and either namespace (or none) loads.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy

from interdict.parties.loaders.common import (
    SANCTION_TOPIC,
    Record,
    children,
    clean_country,
    clean_dates,
    collapse,
    is_latin,
    iter_xml_records,
    join_address,
    make_id,
    make_sanction,
    new_entity,
    year_range,
)
from interdict.parties.loaders.problem import LoadProblem

AUTHORITY = "European Union"
SOURCE_URL = "https://webgate.ec.europa.eu/fsd/fsf"
_SCHEMAS = {"person": "Person", "p": "Person", "enterprise": "Organization", "e": "Organization"}
_ID_PROPS = {
    "passport": "passportNumber",
    "swiftbic": "swiftBic",
    "imo": "imoNumber",
    "regnumber": "registrationNumber",
    "fiscalcode": "taxNumber",
}
_CONTACT_PROPS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}


def read_eu(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    count = 0
    for item in iter_xml_records(path, "export", frozenset({"sanctionEntity"})):
        if isinstance(item, LoadProblem):
            yield item
            continue
        count += 1
        logical_id = collapse(item.get("logicalId"))
        suffix = f" (logicalId {logical_id})" if logical_id else ""
        yield from _read_entry(item, logical_id, f"sanctionEntity #{count}{suffix}", dataset)


def _read_entry(
    node: ET.Element, logical_id: str | None, position: str, dataset: str
) -> Iterator[Record]:
    entity_id = make_id("eu", logical_id)
    if entity_id is None:
        yield LoadProblem(position, "no logicalId, so the record has no stable id")
        return
    subject = next(iter(children(node, "subjectType")), None)
    codes = [] if subject is None else [subject.get("code"), subject.get("classificationCode")]
    schema = next((_SCHEMAS[c.lower()] for c in codes if c and c.lower() in _SCHEMAS), None)
    if schema is None:
        given = "/".join(code for code in codes if code)
        yield LoadProblem(position, f"unknown subjectType {given!r}" if given else "no subjectType")
        return
    entity = new_entity(schema, entity_id, dataset)
    if not _add_names(entity, children(node, "nameAlias")):
        yield LoadProblem(position, "no name (no nameAlias has a wholeName or name parts)")
        return
    entity.add("topics", SANCTION_TOPIC)
    entity.add("sourceUrl", SOURCE_URL)
    entity.add("notes", [collapse(remark.text) for remark in children(node, "remark")])
    entity.add("program", [reg.get("programme") for reg in children(node, "regulation")])
    nationality = "nationality" if schema == "Person" else "country"
    for citizenship in children(node, "citizenship"):
        entity.add(nationality, _country(citizenship))
    for birth in children(node, "birthdate"):
        _add_birth(entity, birth)
    for identification in children(node, "identification"):
        _add_identification(entity, identification)
    for address in children(node, "address"):
        _add_address(entity, address)
    yield entity
    yield _sanction(entity, node, dataset)


def _add_names(entity: EntityProxy, aliases: list[ET.Element]) -> bool:
    """Pick one primary name; the rest become aliases by strength and script.

    The FSF marks no name as primary and lists every language version as strong,
    so the primary is the first strong Latin-script name in English or with no
    language, falling back to any strong name and then any name at all.
    """
    named = [(alias, name) for alias in aliases if (name := _whole_name(alias)) is not None]
    if not named:
        return False
    strong = [(a, n) for a, n in named if (a.get("strong") or "true").lower() != "false"]
    english = [(a, n) for a, n in strong if is_latin(n) and _language(a) in ("", "EN")]
    latin = [(a, n) for a, n in strong if is_latin(n)]
    primary, primary_name = (english or latin or strong or named)[0]
    entity.add("name", primary_name)
    if entity.schema.is_a("Person"):
        entity.add("firstName", collapse(primary.get("firstName")))
        entity.add("middleName", collapse(primary.get("middleName")))
        entity.add("lastName", collapse(primary.get("lastName")))
    strong_ids = {id(alias) for alias, _ in strong}
    for alias, name in named:
        if alias is not primary:
            entity.add("alias" if id(alias) in strong_ids else "weakAlias", name)
        _add_alias_details(entity, alias)
    return True


def _whole_name(alias: ET.Element) -> str | None:
    parts = (alias.get(part) for part in ("firstName", "middleName", "lastName"))
    return collapse(alias.get("wholeName")) or collapse(" ".join(p for p in parts if p))


def _language(alias: ET.Element) -> str:
    return (alias.get("nameLanguage") or "").strip().upper()


def _add_alias_details(entity: EntityProxy, alias: ET.Element) -> None:
    """Function, title and gender hang off each name in the FSF, not off the entity."""
    function = collapse(alias.get("function"))
    if entity.schema.is_a("Person"):
        entity.add("position", function)
        entity.add("title", collapse(alias.get("title")))
        entity.add("gender", collapse(alias.get("gender")))
    else:
        entity.add("notes", function)


def _country(node: ET.Element) -> str | None:
    return clean_country(node.get("countryIso2Code")) or clean_country(
        node.get("countryDescription")
    )


def _add_birth(entity: EntityProxy, birth: ET.Element) -> None:
    dates = clean_dates(birth.get("birthdate")) or clean_dates(_partial_birthdate(birth))
    dates.extend(year_range(birth.get("yearRangeFrom"), birth.get("yearRangeTo")))
    entity.add("birthDate", dates, quiet=True)
    fields = ("city", "place", "region", "countryDescription")
    entity.add("birthPlace", join_address(birth.get(f) for f in fields), quiet=True)
    entity.add("birthCountry", _country(birth), quiet=True)


def _partial_birthdate(birth: ET.Element) -> str | None:
    """``1952``, ``1952-10`` or ``1952-10-07`` from the split fields, as far as they go."""
    date = collapse(birth.get("year"))
    if date is None:
        return None
    for field in ("monthOfYear", "dayOfMonth"):
        value = collapse(birth.get(field))
        if value is None or not value.isdecimal():
            break
        date += "-" + value.zfill(2)
    return date


def _add_identification(entity: EntityProxy, node: ET.Element) -> None:
    code = (node.get("identificationTypeCode") or "").lower()
    prop = _ID_PROPS.get(code, "idNumber")
    if not entity.schema.get(prop):
        prop = "idNumber"
    entity.add(prop, [collapse(node.get("number")), collapse(node.get("latinNumber"))])


def _add_address(entity: EntityProxy, node: ET.Element) -> None:
    fields = ("street", "poBox", "zipCode", "city", "place", "region")
    country = node.get("countryDescription")
    entity.add("address", join_address((node.get(field) for field in fields), country))
    entity.add("country", _country(node))
    for contact in children(node, "contactInfo"):
        prop = _CONTACT_PROPS.get((contact.get("key") or "").upper())
        if prop is not None:
            entity.add(prop, collapse(contact.get("value")))


def _sanction(target: EntityProxy, node: ET.Element, dataset: str) -> EntityProxy:
    sanction = make_sanction(target, dataset, AUTHORITY)
    sanction.add("authorityId", collapse(node.get("euReferenceNumber")))
    sanction.add("unscId", collapse(node.get("unitedNationId")))
    sanction.add("listingDate", clean_dates(node.get("designationDate")))
    sanction.add("endDate", clean_dates(node.get("delistingDate")))
    sanction.add("reason", collapse(node.get("designationDetails")))
    sanction.add("sourceUrl", SOURCE_URL)
    for regulation in children(node, "regulation"):
        programme = collapse(regulation.get("programme"))
        sanction.add("program", programme)
        sanction.add("programId", programme)
        sanction.add("summary", collapse(regulation.get("numberTitle")))
        urls = [collapse(u.text) for u in children(regulation, "publicationUrl")]
        sanction.add("sourceUrl", [*urls, collapse(regulation.get("publicationUrl"))])
    return sanction
