"""The EU FSF loader: fictional records in the real export layout map onto FtM."""

from __future__ import annotations

from pathlib import Path

import pytest
from followthemoney import EntityProxy

from interdict.parties.loaders.eu import read_eu
from interdict.parties.loaders.problem import LoadProblem

LISTS = Path(__file__).parent / "fixtures" / "lists"
FIXTURE = LISTS / "eu_fsf.xml"
NAMESPACE = 'xmlns="http://eu.europa.ec/fpi/fsd/export"'


def load(path: Path = FIXTURE) -> tuple[dict[str, EntityProxy], list[LoadProblem]]:
    records = list(read_eu(path, "eu_fsf"))
    entities = {r.id: r for r in records if isinstance(r, EntityProxy) and r.id}
    return entities, [r for r in records if isinstance(r, LoadProblem)]


def test_person_gets_one_primary_name_and_the_rest_as_aliases() -> None:
    person = load()[0]["eu-990101"]
    assert person.schema.name == "Person"
    # The name with no language wins over the Swedish spelling listed first.
    assert person.get("name") == ["Ivan Fiktivovich Examplov"]
    assert person.get("firstName") == ["Ivan"]
    assert person.get("middleName") == ["Fiktivovich"]
    assert person.get("lastName") == ["Examplov"]
    assert set(person.get("alias")) == {"Ivan Fiktivovich EXAMPLOV", "Иван Фиктивович Экзамплов"}
    assert person.get("weakAlias") == ["Vanya Examplov"]
    assert person.get("position") == ["Fictional deputy minister"]
    assert person.get("gender") == ["male"]


def test_person_details_come_from_citizenship_birthdate_identification_and_address() -> None:
    person = load()[0]["eu-990101"]
    assert person.get("nationality") == ["ru"]
    assert person.get("birthDate") == ["1961-04-12", "1962-05"]
    assert person.get("birthPlace") == ["Exampleburg, RUSSIAN FEDERATION"]
    assert person.get("passportNumber") == ["990000001"]
    assert person.get("address") == ["1 Fictional Street, 000000, Exampleburg, RUSSIAN FEDERATION"]
    assert person.get("email") == ["office@example.org"]
    assert person.get("notes") == ["FICTIONAL record for parser tests."]
    assert person.get("topics") == ["sanction"]
    assert person.context["datasets"] == ["eu_fsf"]


def test_enterprise_is_an_organization_with_its_identifiers() -> None:
    org = load()[0]["eu-990201"]
    assert org.schema.name == "Organization"
    assert org.get("name") == ["Example Precision Works"]
    assert org.get("alias") == ["شركة المثال"]
    assert org.get("weakAlias") == ["EPW"]
    assert org.get("registrationNumber") == ["EX-12345"]
    assert org.get("swiftBic") == ["EXMPIRTH"]
    # "UNKNOWN" is no country; a country alone is no address.
    assert org.get("address") == ["P.O. Box 0000, Exampletown"]
    assert org.get("country") == ["ir"]


def test_sanction_records_references_dates_programme_and_regulation() -> None:
    entities = load()[0]
    sanction = entities["eu-990201-sanction"]
    assert sanction.get("entity") == ["eu-990201"]
    assert sanction.get("authority") == ["European Union"]
    assert sanction.get("authorityId") == ["EU.9990.02"]
    assert sanction.get("unscId") == ["IRe.999"]
    assert sanction.get("listingDate") == ["2010-07-27"]
    assert sanction.get("program") == ["TAQA"]
    assert sanction.get("programId") == ["TAQA"]
    assert sanction.get("summary") == ["0000/02 (OJ L0)"]
    assert "FICTIONAL" in sanction.get("reason")[0]
    assert "https://eur-lex.europa.eu/example-0002" in sanction.get("sourceUrl")
    # An empty unitedNationId is no reference.
    assert entities["eu-990101-sanction"].get("unscId") == []


def test_sanction_follows_its_target() -> None:
    ids = [r.id for r in read_eu(FIXTURE, "eu_fsf") if isinstance(r, EntityProxy)]
    assert ids == ["eu-990101", "eu-990101-sanction", "eu-990201", "eu-990201-sanction"]


def test_unusable_entries_are_named_by_position_and_logical_id() -> None:
    problems = load()[1]
    assert [p.position for p in problems] == [
        "sanctionEntity #3 (logicalId 990301)",
        "sanctionEntity #4 (logicalId 990401)",
        "sanctionEntity #5",
    ]
    assert "no name" in problems[0].reason
    assert "vessel" in problems[1].reason
    assert "logicalId" in problems[2].reason


@pytest.mark.parametrize(
    "namespace", ["", 'xmlns="http://eu.europa.eu/fsd/schema/export"', 'xmlns="urn:other"']
)
def test_any_namespace_loads_the_same(tmp_path: Path, namespace: str) -> None:
    path = tmp_path / "fsf.xml"
    path.write_text(FIXTURE.read_text(encoding="utf-8").replace(NAMESPACE, namespace))
    entities, problems = load(path)
    expected, expected_problems = load()
    assert {k: v.to_dict() for k, v in entities.items()} == {
        k: v.to_dict() for k, v in expected.items()
    }
    assert problems == expected_problems


def test_truncated_export_yields_good_entries_then_a_problem(tmp_path: Path) -> None:
    text = FIXTURE.read_bytes()
    path = tmp_path / "cut.xml"
    path.write_bytes(text[: text.index(b'<nameAlias wholeName="Example Precision')])
    records = list(read_eu(path, "eu_fsf"))
    assert [r.id for r in records if isinstance(r, EntityProxy)] == [
        "eu-990101",
        "eu-990101-sanction",
    ]
    assert records[-1] == LoadProblem(str(path), records[-1].reason)
    assert "breaks off" in records[-1].reason


def test_non_utf8_bytes_stop_the_export_with_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.xml"
    path.write_bytes(FIXTURE.read_bytes().replace(b"Exampletown", b"Exampl\xe9town"))
    records = list(read_eu(path, "eu_fsf"))
    assert [r.id for r in records if isinstance(r, EntityProxy)][:2] == [
        "eu-990101",
        "eu-990101-sanction",
    ]
    assert isinstance(records[-1], LoadProblem)


def test_empty_and_foreign_files_are_one_problem_each() -> None:
    empty = LISTS / "empty.txt"
    assert list(read_eu(empty, "eu_fsf")) == [LoadProblem(str(empty), "the file is empty")]
    [foreign] = list(read_eu(LISTS / "un_consolidated.xml", "eu_fsf"))
    assert isinstance(foreign, LoadProblem)
    assert "<export>" in foreign.reason
