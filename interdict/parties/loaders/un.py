"""The UN Security Council Consolidated List (XML) as FtM entities.

Format verified against:

- the list's own schema ``sc-sanctions.xsd`` and a full copy of the list dated
  2018-08-24 (GitHub ``perchrh/sanction_list_search``, ``un_global/sc-sanctions.xsd``
  and ``un_global/consolidated.xml``): element names and order, the optional
  SECOND..FOURTH_NAME, ``INDIVIDUAL_DATE_OF_BIRTH`` as DATE | YEAR | FROM_YEAR+TO_YEAR,
  empty ``<ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>`` placeholders, and
  padded values such as ``<REFERENCE_NUMBER>KPi.034 </REFERENCE_NUMBER>``;
- OpenSanctions ``datasets/_global/un_sc_sanctions/crawler.py`` and its ``.yml``: alias
  qualities (Good, Low, a.k.a., f.k.a.), ``"; "``-joined ALIAS_NAME, LISTED_ON with a
  zone suffix (``2015-03-27-04:00``), and the download URL used as ``sourceUrl``;
- ``docs/research/restricted-parties-sources.md`` section 5.1.

FIRST_NAME..FOURTH_NAME are positions, not name parts: for Korean entries FIRST_NAME
holds the family name (``<FIRST_NAME>RI</FIRST_NAME><SECOND_NAME>WON HO``), so only
the full name is set and no ``firstName``/``lastName`` is guessed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from followthemoney import EntityProxy

from interdict.parties.loaders.common import (
    SANCTION_TOPIC,
    Record,
    child_text,
    child_texts,
    children,
    clean_country,
    clean_dates,
    collapse,
    iter_xml_records,
    join_address,
    local_name,
    make_id,
    make_sanction,
    new_entity,
    year_range,
)
from interdict.parties.loaders.problem import LoadProblem

AUTHORITY = "United Nations Security Council"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
RECORDS = frozenset({"INDIVIDUAL", "ENTITY"})

# An empty QUALITY with a name still names the target; treat it as an a.k.a.
_ALIAS_PROPS = {"good": "alias", "a.k.a.": "alias", "low": "weakAlias", "f.k.a.": "previousName"}


def read_un(path: Path, dataset: str) -> Iterator[EntityProxy | LoadProblem]:
    counts = dict.fromkeys(RECORDS, 0)
    for item in iter_xml_records(path, "CONSOLIDATED_LIST", RECORDS):
        if isinstance(item, LoadProblem):
            yield item
            continue
        tag = local_name(item.tag)
        counts[tag] += 1
        dataid = child_text(item, "DATAID")
        position = f"{tag} #{counts[tag]}" + (f" (DATAID {dataid})" if dataid else "")
        yield from _read_record(item, tag, dataid, position, dataset)


def _read_record(
    node: ET.Element, tag: str, dataid: str | None, position: str, dataset: str
) -> Iterator[Record]:
    entity_id = make_id("un", dataid)
    if entity_id is None:
        yield LoadProblem(position, "no DATAID, so the record has no stable id")
        return
    ordinals = ("FIRST", "SECOND", "THIRD", "FOURTH")
    parts = [child_text(node, f"{ordinal}_NAME") for ordinal in ordinals]
    name = collapse(" ".join(part for part in parts if part))
    if name is None:
        yield LoadProblem(position, "no name (FIRST_NAME is empty)")
        return
    entity = new_entity("Person" if tag == "INDIVIDUAL" else "Organization", entity_id, dataset)
    entity.add("name", name)
    entity.add("alias", child_text(node, "NAME_ORIGINAL_SCRIPT"))
    entity.add("notes", child_text(node, "COMMENTS1"))
    entity.add("program", child_text(node, "UN_LIST_TYPE"))
    entity.add("topics", SANCTION_TOPIC)
    entity.add("sourceUrl", SOURCE_URL)
    for alias in children(node, f"{tag}_ALIAS"):
        _add_alias(entity, alias)
    for address in children(node, f"{tag}_ADDRESS"):
        _add_address(entity, address)
    if tag == "INDIVIDUAL":
        _add_person_details(entity, node)
    yield entity
    yield _sanction(entity, node, dataset)


def _add_alias(entity: EntityProxy, alias: ET.Element) -> None:
    names = child_text(alias, "ALIAS_NAME")
    if names is None:
        return
    quality = (child_text(alias, "QUALITY") or "").lower()
    prop = next((p for key, p in _ALIAS_PROPS.items() if quality.startswith(key)), "alias")
    entity.add(prop, [name for name in names.split("; ") if name.strip()])


def _add_address(entity: EntityProxy, node: ET.Element) -> None:
    fields = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE")
    country = child_text(node, "COUNTRY")
    entity.add("address", join_address((child_text(node, f) for f in fields), country))
    entity.add("country", clean_country(country))


def _add_person_details(person: EntityProxy, node: ET.Element) -> None:
    person.add("title", child_texts(node, "TITLE"))
    person.add("position", child_texts(node, "DESIGNATION"))
    person.add("gender", child_text(node, "GENDER"))
    person.add("nationality", [clean_country(value) for value in child_texts(node, "NATIONALITY")])
    for dob in children(node, "INDIVIDUAL_DATE_OF_BIRTH"):
        person.add("birthDate", clean_dates(child_text(dob, "DATE")))
        person.add("birthDate", child_text(dob, "YEAR"))
        person.add(
            "birthDate", year_range(child_text(dob, "FROM_YEAR"), child_text(dob, "TO_YEAR"))
        )
    for pob in children(node, "INDIVIDUAL_PLACE_OF_BIRTH"):
        fields = ("CITY", "STATE_PROVINCE", "COUNTRY")
        person.add("birthPlace", join_address(child_text(pob, field) for field in fields))
        person.add("birthCountry", clean_country(child_text(pob, "COUNTRY")))
    for document in children(node, "INDIVIDUAL_DOCUMENT"):
        number = child_text(document, "NUMBER")
        kind = (child_text(document, "TYPE_OF_DOCUMENT") or "").lower()
        person.add("passportNumber" if "passport" in kind else "idNumber", number)


def _sanction(target: EntityProxy, node: ET.Element, dataset: str) -> EntityProxy:
    sanction = make_sanction(target, dataset, AUTHORITY)
    reference = child_text(node, "REFERENCE_NUMBER")
    sanction.add("program", child_text(node, "UN_LIST_TYPE"))
    sanction.add("unscId", reference)
    sanction.add("authorityId", reference)
    sanction.add("listingDate", clean_dates(child_text(node, "LISTED_ON")))
    for updated in child_texts(node, "LAST_DAY_UPDATED"):
        sanction.add("modifiedAt", clean_dates(updated))
    sanction.add("endDate", clean_dates(child_text(node, "DELISTED_ON")))
    sanction.add("sourceUrl", SOURCE_URL)
    return sanction
