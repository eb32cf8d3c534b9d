"""Build knowledge bases by hand for the tests: cables written here, facts written directly.

Writing facts directly, rather than through the extractor, tests resolution,
link following and screening on exactly the links a test needs, whatever the
extractor would make of the text.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from interdict.cli import app
from interdict.intel.ids import link_id, party_id
from interdict.intel.kb.facts import write_facts
from interdict.intel.records import Extraction, Link, Party
from interdict.model.markings import Level, Marking
from interdict.model.provenance import Provenance
from interdict.store.engine import open_store
from interdict.store.schema import cables
from interdict.store.url import parse_url

LISTS = Path(__file__).parent / "fixtures" / "kb" / "lists.ftm.json"
runner = CliRunner()

_CABLE = """{ref}

Thu Mar 26 00:00:00 +0100 2009
SECRET
Embassy Ankara

P 261200Z MAR 09
FM AMEMBASSY ANKARA
TO SECSTATE WASHDC PRIORITY 0001

S E C R E T ANKARA 000123

E.O. 12958: DECL: 03/26/2034
TAGS: PARM IR TU
SUBJECT: TEST CABLE

{paragraphs}

KEEFE
"""


def write_cable(folder: Path, ref: str, *paragraphs: str) -> Path:
    body = "\n\n".join(f"{n}. (S) {text}" for n, text in enumerate(paragraphs, start=1))
    path = folder / f"{ref}.txt"
    path.write_text(_CABLE.format(ref=ref, paragraphs=body), encoding="utf-8")
    return path


def cite(cable: str, paragraph: int, text: str) -> Provenance:
    return Provenance(
        cable=cable,
        paragraph=str(paragraph),
        portion=0,
        marking=Marking(level=Level.S),
        text=text,
    )


def party(
    name: str,
    cable: str,
    paragraph: int,
    *,
    schema: str = "Organization",
    alias: str = "",
    country: str = "",
) -> Party:
    properties = {"name": [name]}
    if alias:
        properties["alias"] = [alias]
    if country:
        properties["country"] = [country]
    return Party(
        id=party_id(name, schema),
        schema=schema,
        properties=properties,
        provenance=[cite(cable, paragraph, f"{name} is named here.")],
    )


def link(subject: Party, role: str, obj: Party, cable: str, paragraph: int) -> Link:
    return Link(
        id=link_id(subject.id, role, obj.id),
        properties={"subject": [subject.id], "object": [obj.id], "role": [role]},
        provenance=[cite(cable, paragraph, f"{subject.properties['name'][0]} {role} ...")],
    )


def store_facts(url: str, extractions: list[Extraction]) -> None:
    """Write facts for cables already ingested, in one transaction, as ``intel ingest`` does."""
    store = open_store(parse_url(url, "--db"), create=False)
    with store.begin() as connection:
        ids = dict(connection.execute(select(cables.c.reference_id, cables.c.id)).all())
        write_facts(connection, ids, extractions)
    store.engine.dispose()


def ingest(url: str, *paths: Path) -> None:
    result = runner.invoke(app, ["cables", "ingest", *map(str, paths), "--db", url])
    assert result.exit_code == 0, result.output


def load_lists() -> None:
    result = runner.invoke(app, ["lists", "load", str(LISTS), "--dataset", "testlist"])
    assert result.exit_code == 0, result.output
