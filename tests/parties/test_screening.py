"""Screening end to end on a small list written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from interdict.parties.query import QueryError, make_query
from interdict.parties.screening import Screener
from interdict.parties.store.datasets import DatasetError, load_list


def _top(screener: Screener, name: str) -> tuple[str, float, str] | None:
    found = screener.screen(make_query([name]))
    if not found:
        return None
    return found[0].entity_id, found[0].score, found[0].explanation.name.method


def test_exact_acronym_and_bracketed_alias(mini: Screener) -> None:
    assert _top(mini, "Shahid Hemmat Industrial Group") == ("mini-shig", 1.0, "words")
    assert _top(mini, "SHIG") == ("mini-shig", 1.0, "words")  # the "(SHIG)" in the listed name


def test_acronym_of_a_listed_name_without_the_alias(mini: Screener) -> None:
    assert _top(mini, "QXZV") is None  # not an acronym of anything listed
    hit = mini.screen(make_query(["S.B.I.G."]))
    assert hit and hit[0].entity_id == "mini-sbig"


def test_misses_that_engines_usually_make_are_caught(mini: Screener) -> None:
    cases = {
        "Shahid Hemat Industries Group": "mini-shig",  # typo + inflection
        "Hemmat Shahid Industrial Group": "mini-shig",  # reordering
        "Shahid Bakeri Industrial Group": "mini-sbig",  # transliteration variant
        "Hosseini, Muhammad": "mini-person",  # reordering + transliteration
        "Romashka LLC": "mini-romashka",  # legal form across scripts
        "ООО Ромашка Трейдинг": "mini-romashka",  # Cyrillic query of a Latin alias
    }
    for name, expected in cases.items():
        found = mini.screen(make_query([name]))
        assert found, name
        assert found[0].entity_id == expected, name


def test_generic_words_do_not_make_a_match(mini: Screener) -> None:
    assert mini.screen(make_query(["Golden Star Trading Company Ltd"])) == []
    assert mini.screen(make_query(["Industrial Group Trading"])) == []


def test_schema_filters_candidates(mini: Screener) -> None:
    assert mini.screen(make_query(["Mohammad Hosseini"], "Organization")) == []
    assert mini.screen(make_query(["Ocean Harmony"], "Person")) == []
    vessel = mini.screen(make_query(["Ocean Harmony"], "Vessel"))
    assert [m.entity_id for m in vessel] == ["mini-vessel"]


def test_birth_date_and_country_move_the_score(mini: Screener) -> None:
    plain = mini.screen(make_query(["Mohammad Hoseini"], "Person"))[0].score
    born = mini.screen(make_query(["Mohammad Hoseini"], "Person", birth_dates=["1960"]))[0]
    assert born.score > plain
    assert [a.feature for a in born.explanation.adjustments] == ["birth_date"]
    elsewhere = mini.screen(
        make_query(["Mohammad Hoseini"], "Person", birth_dates=["1985"], countries=["fr"]),
        threshold=0.0,
    )[0]
    assert elsewhere.score < plain
    assert {a.feature for a in elsewhere.explanation.adjustments} == {"birth_date", "country"}


def test_identifier_lifts_a_weak_name(mini: Screener) -> None:
    query = make_query(["M. Hosseyni"], "Person", identifiers=["x 1234567"])
    found = mini.screen(query)
    assert found[0].entity_id == "mini-person"
    assert found[0].score >= 0.95


def test_weak_alias_needs_a_near_exact_match(mini: Screener) -> None:
    assert _top(mini, "Daisy") == ("mini-romashka", 1.0, "words")
    assert mini.screen(make_query(["Daisy Holdings International"])) == []


def test_every_match_carries_its_listing_and_explanation(mini: Screener) -> None:
    match = mini.screen(make_query(["Shahid Hemmat Industrial Group"]))[0]
    assert match.datasets == ["mini"]
    assert match.listings[0].reference == ["T.001"]
    assert match.listings[0].listing_date == ["2006-12-23"]
    assert match.listings[0].source_url == ["https://example.org/list"]
    evidence = match.explanation.name
    assert [p.how for p in evidence.pairs] == ["exact"] * 4
    assert "match at 0.70" in match.explanation.summary
    payload = match.model_dump(mode="json", by_alias=True)
    assert {"entity_id", "caption", "score", "match", "datasets", "explanation"} <= set(payload)


def test_threshold_and_limit(mini: Screener) -> None:
    loose = mini.screen(make_query(["Shahid Industrial Group"]), threshold=0.3)
    assert len(loose) >= 2
    assert all(m.score >= 0.3 for m in loose)
    assert loose == sorted(loose, key=lambda m: -m.score)
    assert len(mini.screen(make_query(["Shahid Industrial Group"]), threshold=0.3, limit=1)) == 1


def test_bad_queries_are_refused_naming_the_field() -> None:
    with pytest.raises(QueryError, match=r"^name:"):
        make_query(["  "])
    with pytest.raises(QueryError, match=r"^schema: unknown schema 'Ship'"):
        make_query(["x"], "Ship")
    with pytest.raises(QueryError, match=r"^country: unknown country 'Atlantis'"):
        make_query(["x"], countries=["Atlantis"])
    with pytest.raises(QueryError, match=r"^birth_date:"):
        make_query(["x"], birth_dates=["last tuesday"])
    assert make_query(["x"], countries=["Iran"]).countries == ("ir",)


def test_unknown_dataset_is_reported(home: Path) -> None:
    with pytest.raises(DatasetError, match="no dataset named 'nope'"):
        Screener.open(home, ["nope"])


def test_several_datasets_merge_by_score(home: Path) -> None:
    mini = Path(__file__).parent / "fixtures" / "screening" / "mini.ftm.json"
    load_list(mini, "ftm", "one", home)
    load_list(mini, "ftm", "two", home)
    screener = Screener.open(home)
    found = screener.screen(make_query(["Shahid Hemmat Industrial Group"]))
    assert [m.datasets for m in found[:2]] == [["mini", "one"], ["mini", "two"]]


@pytest.mark.parametrize(
    "name",
    [
        "Shahid Hemat Industries Group",
        "SHIG",
        "S.B.I.G.",
        "Hosseini, Muhammad",
        "ООО Ромашка Трейдинг",
        "Golden Star Trading Company Ltd",
        "Ocean Harmony",
    ],
)
def test_skipping_hopeless_candidates_changes_no_result(mini: Screener, name: str) -> None:
    # At threshold 0 nothing is skipped; above it, only candidates that could not reach it.
    query = make_query([name])
    everything = mini.screen(query, limit=100, threshold=0.0)
    for threshold in (0.5, 0.7, 0.9):
        kept = [(m.entity_id, m.score) for m in everything if m.score >= threshold]
        assert [(m.entity_id, m.score) for m in mini.screen(query, 100, threshold)] == kept
