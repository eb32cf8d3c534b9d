"""The CSL loader: the JSON and CSV forms of the same fictional records give the same entities."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney import EntityProxy

from interdict.parties.loaders.csl import read_csl
from interdict.parties.loaders.problem import LoadProblem

LISTS = Path(__file__).parent / "fixtures" / "lists"
JSON_FIXTURE = LISTS / "csl_consolidated.json"
CSV_FIXTURE = LISTS / "csl_consolidated.csv"
EL_ID = "csl-6147f9d30c1f9b0e2a9f0f6a1b2c3d4e5f60718293a4b5c6d7e8f901"


def load(path: Path) -> tuple[dict[str, EntityProxy], list[LoadProblem]]:
    records = list(read_csl(path, "us_csl"))
    entities = {r.id: r for r in records if isinstance(r, EntityProxy) and r.id}
    return entities, [r for r in records if isinstance(r, LoadProblem)]


def test_sdn_individual_becomes_a_sanctioned_person() -> None:
    person = load(JSON_FIXTURE)[0]["csl-9990001"]
    assert person.schema.name == "Person"
    assert person.get("name") == ["EXAMPLOV, Ivan"]
    assert person.get("alias") == ["EXAMPLOV, Vanya", "EKZAMPLOV, Ivan"]
    assert person.get("topics") == ["sanction"]
    assert person.get("program") == ["IRAN", "NPWMD"]
    assert person.get("position") == ["Fictional procurement agent"]
    assert person.get("citizenship") == ["ir"]
    assert person.get("nationality") == ["ir"]
    assert person.get("birthDate") == ["1961-04-12", "1962"]
    assert person.get("birthPlace") == ["Exampletown, Iran"]
    assert person.get("passportNumber") == ["X0000001"]
    assert person.get("idNumber") == ["000-000000-0"]
    assert person.get("gender") == ["male"]
    assert person.get("address") == ["1 Fictional Street, Exampletown, 00000, IR"]
    assert person.get("country") == ["ir"]
    assert person.get("sourceUrl") == ["https://example.invalid/sdn-list"]
    assert person.context["datasets"] == ["us_csl"]


def test_entity_list_record_without_type_is_an_export_controlled_legal_entity() -> None:
    entities = load(JSON_FIXTURE)[0]
    entity, sanction = entities[EL_ID], entities[f"{EL_ID}-sanction"]
    assert entity.schema.name == "LegalEntity"
    assert entity.get("topics") == ["export.control"]
    assert sanction.get("authority") == ["Entity List (EL) - Bureau of Industry and Security"]
    assert sanction.get("listingDate") == ["2010-06-09"]
    assert sanction.get("summary") == ["00 FR 00000"]
    assert sanction.get("provisions") == [
        "For all items subject to the EAR.",
        "Presumption of denial.",
    ]
    assert sanction.get("sourceUrl") == [
        "https://example.invalid/entity-list-info",
        "https://example.invalid/entity-list",
    ]


def test_vessels_and_aircraft_get_their_own_schemas() -> None:
    entities = load(JSON_FIXTURE)[0]
    vessel = entities["csl-9990003"]
    assert vessel.schema.name == "Vessel"
    assert vessel.get("imoNumber") == ["IMO1234567"]
    assert vessel.get("callSign") == ["9XXX0"]
    assert vessel.get("flag") == ["ir"]
    assert vessel.get("type") == ["Crude Oil Tanker"]
    assert vessel.get("tonnage") == ["150000"]
    aircraft = entities["csl-9990004"]
    assert aircraft.schema.name == "Airplane"
    assert aircraft.get("serialNumber") == ["0000"]


# The source names ITA's consolidated.json lists in its sources_used.
@pytest.mark.parametrize(
    ("source", "topic"),
    [
        ("Capta List (CAP) - Treasury Department", "sanction"),
        (
            "Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury "
            "Department",
            "sanction",
        ),
        ("Denied Persons List (DPL) - Bureau of Industry and Security", "export.control"),
        ("ITAR Debarred (DTC) - State Department", "export.control"),
        ("Entity List (EL) - Bureau of Industry and Security", "export.control"),
        ("Foreign Sanctions Evaders (FSE) - Treasury Department", "sanction"),
        ("Nonproliferation Sanctions (ISN) - State Department", "sanction"),
        ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", "sanction"),
        ("Military End User (MEU) List - Bureau of Industry and Security", "export.control"),
        ("Specially Designated Nationals (SDN) - Treasury Department", "sanction"),
        ("Sectoral Sanctions Identifications List (SSI) - Treasury Department", "sanction"),
        ("Unverified List (UVL) - Bureau of Industry and Security", "export.control"),
        ("A future list - Treasury Department", "sanction"),
        ("A future list - Bureau of Industry and Security", "export.control"),
    ],
)
def test_topic_follows_the_source_list(tmp_path: Path, source: str, topic: str) -> None:
    path = tmp_path / "one.json"
    record = {"id": "1", "type": "Entity", "name": "Fictional Co", "source": source}
    path.write_text(json.dumps({"results": [record]}), encoding="utf-8")
    entity = load(path)[0]["csl-1"]
    assert entity.get("topics") == [topic]
    assert entity.schema.name == "Organization"


def test_sanction_follows_target_and_carries_the_list_number() -> None:
    records = [r for r in read_csl(JSON_FIXTURE, "us_csl") if isinstance(r, EntityProxy)]
    assert [r.schema.name for r in records[1::2]] == ["Sanction"] * 4
    sanction = records[1]
    assert sanction.id == "csl-9990001-sanction"
    assert sanction.get("entity") == ["csl-9990001"]
    assert sanction.get("authorityId") == ["9990001"]
    assert sanction.get("program") == ["IRAN", "NPWMD"]


def test_json_problems_name_the_result_index_and_entity_number() -> None:
    problems = load(JSON_FIXTURE)[1]
    assert [str(p) for p in problems] == [
        "results[4] (entity_number 9990005): no name",
        "results[5] (entity_number 9990006): unknown type 'Submarine'",
        "results[6]: not a JSON object",
        "results[7]: no _id or entity_number, so the record has no stable id",
    ]


def test_bare_array_is_read_like_the_results_array(tmp_path: Path) -> None:
    path = tmp_path / "sdn.json"
    results = json.loads(JSON_FIXTURE.read_text(encoding="utf-8"))["results"]
    path.write_text(json.dumps(results[:1]), encoding="utf-8")
    entities, problems = load(path)
    assert list(entities) == ["csl-9990001", "csl-9990001-sanction"]
    assert not problems


def test_csv_form_gives_the_same_entities_as_the_json_form() -> None:
    from_csv, problems = load(CSV_FIXTURE)
    from_json = load(JSON_FIXTURE)[0]
    for entity_id in ("csl-9990001-sanction", "csl-9990003", f"{EL_ID}-sanction"):
        assert from_csv[entity_id].to_dict() == from_json[entity_id].to_dict()
    person = from_csv["csl-9990001"]
    assert person.get("alias") == ["EXAMPLOV, Vanya", "EKZAMPLOV, Ivan"]
    assert person.get("passportNumber") == ["X0000001"]
    assert person.get("birthDate") == ["1961-04-12", "1962"]
    assert from_csv[EL_ID].get("address") == [
        "P.O. Box 0000, Exampletown, IR",
        "Km 5 Fictional Road, Exampleshahr, IR",
    ]
    assert from_csv[EL_ID].get("notes") == ["FICTIONAL record spanning two lines"]
    # The EL record spans lines 3-4, so the nameless row starts on line 5.
    assert [str(p) for p in problems] == ["line 5: no name"]


def test_a_row_with_bad_bytes_is_refused_and_the_others_load(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(CSV_FIXTURE.read_bytes().replace(b"FICTIONAL STAR", b"FICTIONAL ST\xc4R"))
    entities, problems = load(path)
    assert "csl-9990003" not in entities
    assert "csl-9990001" in entities
    assert [str(p) for p in problems] == ["line 5: no name", "line 6: not UTF-8 text"]


def test_broken_files_are_one_problem_naming_the_file(tmp_path: Path) -> None:
    empty = LISTS / "empty.txt"
    assert list(read_csl(empty, "us_csl")) == [LoadProblem(str(empty), "the file is empty")]
    cases = {
        "broken.json": b'{"results": [{"id": "1", "name": "Cut',
        "object.json": b'{"total": 0}',
        "noname.csv": b"_id,source,title\n1,SDN,Dr.\n",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        [problem] = list(read_csl(path, "us_csl"))
        assert isinstance(problem, LoadProblem)
        assert problem.position == str(path)


def test_csv_with_only_a_header_is_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(CSV_FIXTURE.read_bytes().split(b"\n", 1)[0] + b"\n")
    assert list(read_csl(path, "us_csl")) == []


def test_records_without_an_entity_number_are_named_by_their_id(tmp_path: Path) -> None:
    path = tmp_path / "el.json"
    path.write_text(json.dumps([{"id": "abc123", "name": " "}]), encoding="utf-8")
    assert [str(p) for p in read_csl(path, "us_csl")] == ["[0] (id abc123): no name"]
