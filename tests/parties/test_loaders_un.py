"""The UN consolidated list loader: real records map onto FtM, broken ones become problems.

``un_consolidated.xml`` holds records copied from a public 2018 copy of the list
plus clearly fictional ones for the shapes those records lack.
"""

from __future__ import annotations

import tracemalloc
import weakref
import xml.etree.ElementTree as ET
from pathlib import Path

from followthemoney import EntityProxy

from interdict.parties.loaders.common import iter_xml_records
from interdict.parties.loaders.problem import LoadProblem
from interdict.parties.loaders.un import RECORDS, read_un

LISTS = Path(__file__).parent / "fixtures" / "lists"
FIXTURE = LISTS / "un_consolidated.xml"


def load(path: Path = FIXTURE) -> dict[str, EntityProxy]:
    records = list(read_un(path, "un_sc"))
    assert not [r for r in records if isinstance(r, LoadProblem)]
    return {r.id: r for r in records if isinstance(r, EntityProxy) and r.id}


def test_individual_becomes_a_person_with_aliases_dates_and_passports() -> None:
    person = load()["un-6908558"]
    assert person.schema.name == "Person"
    assert person.get("name") == ["KIM SONG CHOL"]
    assert person.get("alias") == ["Kim Hak Song"]
    assert person.get("nationality") == ["kp"]
    assert person.get("birthDate") == ["1968-03-26", "1970-10-15"]
    assert person.get("passportNumber") == ["381420565", "654120219"]
    assert person.get("topics") == ["sanction"]
    assert person.get("program") == ["DPRK"]
    assert person.context["datasets"] == ["un_sc"]
    # FIRST_NAME is the family name here: no name parts are guessed.
    assert person.get("firstName") == []


def test_every_target_is_followed_by_its_sanction() -> None:
    records = [r for r in read_un(FIXTURE, "un_sc") if isinstance(r, EntityProxy)]
    targets, sanctions = records[0::2], records[1::2]
    assert all(s.schema.name == "Sanction" for s in sanctions)
    assert [s.get("entity") for s in sanctions] == [[t.id] for t in targets]
    assert [s.id for s in sanctions] == [f"{t.id}-sanction" for t in targets]


def test_sanction_carries_the_un_reference_listing_date_and_programme() -> None:
    sanction = load()["un-110329-sanction"]
    assert sanction.get("authority") == ["United Nations Security Council"]
    assert sanction.get("unscId") == ["IRe.075"]
    assert sanction.get("authorityId") == ["IRe.075"]
    assert sanction.get("listingDate") == ["2010-06-09"]
    assert sanction.get("program") == ["Iran"]
    assert sanction.get("sourceUrl") == [
        "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
    ]
    assert sanction.context["datasets"] == ["un_sc"]


def test_original_script_is_an_alias_and_low_quality_names_are_weak() -> None:
    person = load()["un-6908576"]
    assert person.get("name") == ["IYAD NAZMI SALIH KHALIL"]
    assert "إياد نظمي صالح خليل" in person.get("alias")
    assert "Eyad Nazmi Saleh Khalil" in person.get("alias")
    assert "Abu-Julaybib" in person.get("weakAlias")
    assert "Abu-Julaybib" not in person.get("alias")
    assert person.get("birthDate") == ["1974"]
    assert person.get("birthCountry") == ["sy"]
    # A country alone is kept as a country, not as an address line.
    assert person.get("country") == ["sy"]
    assert person.get("address") == []


def test_padding_zone_suffixes_ranges_and_joined_aliases() -> None:
    entities = load()
    person, sanction = entities["un-9990002"], entities["un-9990002-sanction"]
    assert sanction.get("unscId") == ["KPi.999"]
    assert sanction.get("listingDate") == ["2015-03-27"]
    assert sanction.get("modifiedAt") == ["2016-08-26", "2017-06-05"]
    assert person.get("birthDate") == ["1973", "1974", "1975"]
    assert person.get("alias") == ["Fictional Alias One", "Fictional Alias Two"]
    assert person.get("nationality") == ["ir"]
    assert person.get("gender") == ["male"]
    assert person.get("title") == ["Dr."]
    assert len(person.get("position")) == 2
    assert person.get("idNumber") == ["000-0000-00"]
    assert person.get("address") == ["P.O. Box 0000, Exampletown, Iran (Islamic Republic of)"]


def test_entity_is_an_organization_with_akas_fkas_and_addresses() -> None:
    entities = load()
    works = entities["un-9990001"]
    assert works.schema.name == "Organization"
    assert works.get("alias") == ["EPW Co."]
    assert works.get("previousName") == ["Old Example Works"]
    yazd = entities["un-110326"]
    assert "Directorate of Yazd Ammunition and Metallurgy Industries" in yazd.get("alias")
    assert len(yazd.get("address")) == 4
    assert yazd.get("country") == ["ir"]
    assert entities["un-110329"].get("country") == ["ir"]


def test_ids_are_stable_across_loads() -> None:
    assert list(load()) == list(load())


def test_unusable_records_are_named_and_the_rest_still_load() -> None:
    records = list(read_un(LISTS / "un_bad_records.xml", "un_sc"))
    problems = [r for r in records if isinstance(r, LoadProblem)]
    ids = [r.id for r in records if isinstance(r, EntityProxy)]
    assert ids == ["un-9990010", "un-9990010-sanction", "un-9990011", "un-9990011-sanction"]
    assert [p.position for p in problems] == ["ENTITY #2 (DATAID 9990012)", "ENTITY #3"]
    assert "no name" in problems[0].reason
    assert "DATAID" in problems[1].reason


def test_truncated_file_yields_its_good_records_then_one_problem() -> None:
    path = LISTS / "un_truncated.xml"
    records = list(read_un(path, "un_sc"))
    assert [r.id for r in records[:2] if isinstance(r, EntityProxy)] == [
        "un-6908558",
        "un-6908558-sanction",
    ]
    assert len(records) == 3
    last = records[-1]
    assert isinstance(last, LoadProblem)
    assert last.position == str(path)
    assert "breaks off" in last.reason


def test_a_bad_byte_stops_the_file_after_the_records_before_it(tmp_path: Path) -> None:
    text = FIXTURE.read_bytes()
    cut = text.index(b"<ENTITY>")
    path = tmp_path / "bad.xml"
    path.write_bytes(text[:cut] + b"\xff" + text[cut:])
    records = list(read_un(path, "un_sc"))
    assert sum(isinstance(r, EntityProxy) for r in records) == 6
    assert isinstance(records[-1], LoadProblem)
    assert "line" in records[-1].reason


def test_empty_missing_and_foreign_files_are_one_problem_each(tmp_path: Path) -> None:
    empty = LISTS / "empty.txt"
    assert list(read_un(empty, "un_sc")) == [LoadProblem(str(empty), "the file is empty")]
    missing = tmp_path / "missing.xml"
    [problem] = list(read_un(missing, "un_sc"))
    assert isinstance(problem, LoadProblem)
    assert problem.position == str(missing)
    assert "cannot read" in problem.reason
    [foreign] = list(read_un(LISTS / "eu_fsf.xml", "un_sc"))
    assert isinstance(foreign, LoadProblem)
    assert "<CONSOLIDATED_LIST>" in foreign.reason


def _write_list(path: Path, count: int) -> None:
    record = (
        "<ENTITY><DATAID>{n}</DATAID><FIRST_NAME>FICTIONAL ENTITY {n}</FIRST_NAME>"
        "<UN_LIST_TYPE>Iran</UN_LIST_TYPE><REFERENCE_NUMBER>IRe.{n}</REFERENCE_NUMBER>"
        "<LISTED_ON>2010-06-09</LISTED_ON><COMMENTS1>{pad}</COMMENTS1>"
        "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ALIAS {n}</ALIAS_NAME></ENTITY_ALIAS>"
        "</ENTITY>\n"
    )
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES>\n")
        for number in range(count):
            handle.write(record.format(n=number, pad="FICTIONAL " * 40))
        handle.write("</ENTITIES></CONSOLIDATED_LIST>\n")


def _peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        for _ in read_un(path, "un_sc"):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_records_are_released_as_soon_as_they_are_used(tmp_path: Path) -> None:
    path = tmp_path / "list.xml"
    _write_list(path, 300)
    refs: list[weakref.ref[ET.Element]] = []
    most_alive = 0
    for element in iter_xml_records(path, "CONSOLIDATED_LIST", RECORDS):
        assert isinstance(element, ET.Element)
        refs.append(weakref.ref(element))
        most_alive = max(most_alive, sum(ref() is not None for ref in refs))
    assert len(refs) == 300
    assert most_alive <= 2


def test_peak_memory_does_not_grow_with_the_length_of_the_list(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    _write_list(small, 150)
    _write_list(large, 1500)
    # FtM and its helpers keep bounded caches of cleaned values; fill them first so
    # that only the loader's own memory is compared.
    for _ in read_un(large, "un_sc"):
        pass
    # The least of three runs: a garbage collection at an unlucky moment raises one peak.
    peaks = {path: min(_peak_memory(path) for _ in range(3)) for path in (small, large)}
    assert peaks[large] < 1.5 * peaks[small]
