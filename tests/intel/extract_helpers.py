"""Helpers for the extractor's tests: cables built from paragraphs, and facts looked up by name.

Most tests state what a cable says in a few sentences; building the record
directly keeps each test to the text it is about.  The lookups fail with
the names that were found, so a failing assertion says what came out.
"""

from __future__ import annotations

from pathlib import Path

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable, Paragraph
from interdict.intel.extract import Gazetteer, extract_cable
from interdict.intel.records import Extraction, Item, Link, Party
from interdict.model.markings import Level, Marking

FIXTURES = Path(__file__).parent / "fixtures"
SECRET = Marking(level=Level.S)


def cable_of(*texts: str, reference: str = "09TEST1") -> Cable:
    """A cable whose numbered paragraphs (from 1) are ``texts``, each marked SECRET."""
    paragraphs = [
        Paragraph(number=str(number), marking=SECRET, text=text)
        for number, text in enumerate(texts, start=1)
    ]
    return Cable(reference_id=reference, paragraphs=paragraphs)


def extract(*texts: str, gazetteer: Gazetteer | None = None) -> Extraction:
    return extract_cable(cable_of(*texts), gazetteer)


def read_fixture(name: str) -> Cable:
    [cable] = [record for record in parse_paths([FIXTURES / name]) if isinstance(record, Cable)]
    return cable


def names(extraction: Extraction) -> list[str]:
    return [party.properties["name"][0] for party in extraction.parties]


def party(extraction: Extraction, name: str) -> Party:
    """The party named ``name`` (its name or one of its aliases, case aside)."""
    wanted = name.lower()
    for found in extraction.parties:
        props = found.properties
        if wanted in (value.lower() for value in [*props["name"], *props.get("alias", [])]):
            return found
    raise AssertionError(f"no party {name!r} among {names(extraction)}")


def links(extraction: Extraction) -> set[tuple[str, str, str]]:
    """Every link as (subject name, role, object name)."""
    by_id = {found.id: found.properties["name"][0] for found in extraction.parties}
    return {
        (
            by_id[link.properties["subject"][0]],
            link.properties["role"][0],
            by_id[link.properties["object"][0]],
        )
        for link in extraction.links
    }


def link(extraction: Extraction, subject: str, role: str, object_: str) -> Link:
    subject_id, object_id = party(extraction, subject).id, party(extraction, object_).id
    for found in extraction.links:
        props = found.properties
        if (props["subject"], props["role"], props["object"]) == (
            [subject_id],
            [role],
            [object_id],
        ):
            return found
    raise AssertionError(f"no link {subject} {role} {object_} among {links(extraction)}")


def item(extraction: Extraction, word: str) -> Item:
    for found in extraction.items:
        if word.lower() in found.description.lower() or word == found.model:
            return found
    raise AssertionError(f"no item {word!r} among {[i.description for i in extraction.items]}")


def cited(fact: Party | Link | Item) -> list[tuple[str | None, int]]:
    return [(source.paragraph, source.portion) for source in fact.provenance]
