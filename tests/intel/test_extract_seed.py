"""The seed cable, 09STATE29395: every fact the golden scenario needs, with its citations."""

from __future__ import annotations

from importlib.resources import as_file, files

import pytest
from extract_helpers import cited, item, link, links, names, party

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable
from interdict.intel.extract import extract_cable
from interdict.intel.ids import party_id
from interdict.intel.records import Extraction
from interdict.model.markings import Level


@pytest.fixture(scope="module")
def seed() -> Extraction:
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        [cable] = [record for record in parse_paths([path]) if isinstance(record, Cable)]
    return extract_cable(cable)


def test_the_four_parties_and_nothing_else(seed: Extraction) -> None:
    assert names(seed) == [
        "Maquinaria CME, S.A.",
        "Ardalan Machineries Company",
        "Shahid Hemmat Industrial Group",
        "Ak Makina",
    ]


def test_ardalan_is_a_front_for_shig_in_paragraphs_3_and_5(seed: Extraction) -> None:
    front = link(seed, "Ardalan Machineries Company", "front_for", "Shahid Hemmat Industrial Group")
    assert cited(front) == [("3", 0), ("5", 1)]
    assert front.schema_ == "UnknownLink"
    assert front.provenance[0].text == (
        "Ardalan Machineries is a front company associated with Irans liquid propellant "
        "ballistic missile developer Shahid Hemmat Industrial Group (SHIG)."
    )
    assert front.provenance[1].text.startswith("Ardalan Machineries is associated with Irans")


def test_ak_makina_supplies_ardalan_in_paragraph_5(seed: Extraction) -> None:
    supply = link(seed, "Ak Makina", "supplies", "Ardalan Machineries Company")
    assert cited(supply) == [("5", 1)]
    assert "the Turkish-based intermediary Ak Makina" in supply.provenance[0].text
    assert len(seed.links) == 2


def test_the_fs1_made_by_maquinaria_cme(seed: Extraction) -> None:
    fs1 = item(seed, "FS-1")
    assert fs1.record == "item"
    assert fs1.description == "five-axis milling machine"
    assert fs1.manufacturer == party(seed, "Maquinaria CME").id
    assert fs1.regimes == ["wassenaar", "nsg"]
    assert fs1.resolutions == ["1803"]
    assert len(seed.items) == 1


def test_aliases_and_countries(seed: Extraction) -> None:
    shig = party(seed, "SHIG")
    assert shig.properties == {
        "name": ["Shahid Hemmat Industrial Group"],
        "alias": ["SHIG"],
        "country": ["ir"],
    }
    assert party(seed, "Ak Makina").properties["country"] == ["tr"]
    ardalan = party(seed, "Ardalan Machineries Company")
    assert ardalan.properties == {
        "name": ["Ardalan Machineries Company"],
        "alias": ["Ardalan Machineries"],
        "country": ["ir"],
    }
    maker = party(seed, "Maquinaria CME, S.A.")
    assert maker.properties["country"] == ["es"]
    assert maker.properties["alias"] == ["Maquinaria CME"]
    assert maker.schema_ == "Company"


def test_paragraph_5_portion_1_is_releasable_to_spain(seed: Extraction) -> None:
    ak = party(seed, "Ak Makina")
    [source] = ak.provenance
    assert (source.cable, source.paragraph, source.portion) == ("09STATE29395", "5", 1)
    assert source.marking is not None
    assert source.marking.level is Level.S and source.marking.rel_to == ("SPAIN",)


def test_a_party_cites_every_portion_that_names_it_and_no_other(seed: Extraction) -> None:
    assert cited(party(seed, "Maquinaria CME")) == [("2", 0), ("3", 0), ("5", 1)]
    assert cited(party(seed, "Ardalan Machineries")) == [("3", 0), ("5", 1)]


def test_ids_are_stable_and_follow_the_name(seed: Extraction) -> None:
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        [cable] = [record for record in parse_paths([path]) if isinstance(record, Cable)]
    again = extract_cable(cable)
    assert [p.id for p in again.parties] == [p.id for p in seed.parties]
    assert [link.id for link in again.links] == [link.id for link in seed.links]
    assert party(seed, "SHIG").id == party_id("Shahid Hemmat Industrial Group", "Organization")
    assert links(seed) == links(again)
