"""Country, birth date and identifier: how they move a name score, and how that is explained."""

from __future__ import annotations

import pytest

from interdict.parties.match.names import CONFLICT_FACTOR, WeightedName
from interdict.parties.match.qualifiers import (
    BIRTH_DATE_MATCH,
    BIRTH_DATE_MISMATCH,
    BIRTH_YEAR_NEAR,
    COUNTRY_MATCH,
    COUNTRY_MISMATCH,
    IDENTIFIER_FLOOR,
    Adjustment,
    birth_date,
    country,
    identifier,
)
from interdict.parties.match.score import Facts, score
from interdict.parties.match.weights import weigh_form
from interdict.parties.names.analysis import analyse
from interdict.parties.results import explain


def names(*values: str, organisation: bool = False) -> tuple[WeightedName, ...]:
    forms = [analyse(value, organisation) for value in values]
    return tuple(WeightedName(form, weigh_form(form, {}, 0)) for form in forms)


def person(
    countries: tuple[str, ...] = (),
    birth_dates: tuple[str, ...] = (),
    identifiers: tuple[str, ...] = (),
) -> Facts:
    return Facts("Person", countries, birth_dates, identifiers)


# -- country -------------------------------------------------------------------------------


def test_country_match() -> None:
    assert country(["ir"], ["ir", "ae"]) == Adjustment("country", COUNTRY_MATCH, "same country: ir")
    assert COUNTRY_MATCH > 0


def test_country_mismatch() -> None:
    assert country(["ir", "sy"], ["ae"]) == Adjustment(
        "country", COUNTRY_MISMATCH, "query ir, sy; listed ae"
    )
    assert COUNTRY_MISMATCH < 0
    # A mismatch weighs more than a match.
    assert abs(COUNTRY_MISMATCH) > COUNTRY_MATCH


@pytest.mark.parametrize(("query", "listed"), [([], ["ir"]), (["ir"], []), ([], [])])
def test_country_missing_on_either_side(query: list[str], listed: list[str]) -> None:
    assert country(query, listed) is None


# -- birth date ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (["1960"], ["1960-05-01"]),
        (["1960-05-01"], ["1960"]),
        (["1960-05"], ["1960-05-01"]),
        (["1960-05-01"], ["1960-05-01"]),
        (["1959", "1960"], ["1960-05-01"]),
    ],
)
def test_birth_date_match_at_the_common_precision(query: list[str], listed: list[str]) -> None:
    adjustment = birth_date(query, listed)
    assert adjustment is not None
    assert adjustment.feature == "birth_date"
    assert adjustment.effect == BIRTH_DATE_MATCH


def test_birth_date_match_names_the_listed_date() -> None:
    adjustment = birth_date(["1960"], ["1960-05-01"])
    assert adjustment is not None
    assert adjustment.detail == "born 1960-05-01, as queried"


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (["1961"], ["1960"]),
        (["1959"], ["1960-05-01"]),
        (["1960-05-01"], ["1960-06-01"]),  # same year, another day
        (["1961-01-01"], ["1960-12-31"]),
    ],
)
def test_birth_year_near(query: list[str], listed: list[str]) -> None:
    adjustment = birth_date(query, listed)
    assert adjustment is not None
    assert adjustment.effect == BIRTH_YEAR_NEAR


@pytest.mark.parametrize(
    ("query", "listed"), [(["1980"], ["1960"]), (["1962"], ["1960"]), (["1980-01-01"], ["1960"])]
)
def test_birth_date_mismatch(query: list[str], listed: list[str]) -> None:
    adjustment = birth_date(query, listed)
    assert adjustment is not None
    assert adjustment.effect == BIRTH_DATE_MISMATCH
    assert adjustment.detail == f"listed born {listed[0]}, not {query[0]}"
    assert BIRTH_DATE_MISMATCH < BIRTH_YEAR_NEAR < 0 < BIRTH_DATE_MATCH


@pytest.mark.parametrize(("query", "listed"), [([], ["1960"]), (["1960"], []), ([], [])])
def test_birth_date_missing_on_either_side(query: list[str], listed: list[str]) -> None:
    assert birth_date(query, listed) is None


def test_strings_without_a_year_are_left_out_of_the_year_comparison() -> None:
    near = birth_date(["1961", "unknown"], ["1960", "circa 1900"])
    assert near is not None
    assert near.effect == BIRTH_YEAR_NEAR


@pytest.mark.parametrize("value", ["unknown", ""])
def test_birth_date_without_a_year_is_no_evidence(value: str) -> None:
    assert birth_date([value], ["1960"]) is None


# -- identifier ----------------------------------------------------------------------------


def test_identifier_match_ignores_case_and_punctuation() -> None:
    adjustment = identifier(["a 1234-567"], ["X99", "A1234567"])
    assert adjustment == Adjustment("identifier", IDENTIFIER_FLOOR, "same identifier: A1234567")


@pytest.mark.parametrize(
    ("query", "listed"), [(["123"], ["123"]), (["A-12"], ["a12"]), (["A1234567"], ["A1234568"])]
)
def test_identifier_too_short_or_different(query: list[str], listed: list[str]) -> None:
    assert identifier(query, listed) is None


def test_identifier_of_four_characters_counts() -> None:
    assert identifier(["AB-12"], ["ab12"]) is not None


# -- score ---------------------------------------------------------------------------------


def test_qualifiers_move_the_name_score() -> None:
    scored = score(
        names("Hosseini"),
        person(("ir",), ("1960",)),
        names("Mohammad Ali Hosseini"),
        person(("ir",), ("1960-05-01",)),
    )
    assert scored is not None
    assert scored.name.score == 0.5
    assert [(a.feature, a.effect) for a in scored.adjustments] == [
        ("country", COUNTRY_MATCH),
        ("birth_date", BIRTH_DATE_MATCH),
    ]
    assert scored.score == round(0.5 + COUNTRY_MATCH + BIRTH_DATE_MATCH, 4)


def test_mismatches_lower_the_name_score() -> None:
    scored = score(
        names("Hosseini"),
        person(("ir",), ("1980",)),
        names("Mohammad Ali Hosseini"),
        person(("sy",), ("1960",)),
    )
    assert scored is not None
    assert scored.score == round(0.5 + COUNTRY_MISMATCH + BIRTH_DATE_MISMATCH, 4)


def test_birth_date_only_for_persons() -> None:
    organisation = Facts("Organization", ("ir",), ("1960",))
    scored = score(
        names("Ardalan", organisation=True),
        organisation,
        names("Ardalan", organisation=True),
        Facts("Organization", ("ir",), ("1980",)),
    )
    assert scored is not None
    assert [a.feature for a in scored.adjustments] == ["country"]


def test_the_best_name_pair_is_used() -> None:
    scored = score(
        names("Zzz Qqq", "Shahid Hemmat"), person(), names("Hemmat Shahid", "Xxx"), person()
    )
    assert scored is not None
    assert scored.score == 1.0
    assert scored.name.query.form.text == "Shahid Hemmat"
    assert scored.name.candidate.form.text == "Hemmat Shahid"


def test_no_comparable_name_gives_none() -> None:
    assert score((), person(), names("Shahid Hemmat"), person()) is None
    assert score(names("Shahid Hemmat"), person(), (), person()) is None


def test_qualifiers_are_not_applied_to_a_zero_name_score() -> None:
    scored = score(
        names("Zzz Qqq"),
        person(("ir",), ("1960",)),
        names("Shahid Hemmat"),
        person(("ir",), ("1960",)),
    )
    assert scored is not None
    assert scored.score == 0.0
    assert scored.adjustments == ()


def test_identifier_lifts_a_weak_name_score_to_the_floor() -> None:
    scored = score(
        names("Hosseini"),
        person(identifiers=("A1234567",)),
        names("Mohammad Ali Hosseini"),
        person(identifiers=("a 1234-567",)),
    )
    assert scored is not None
    assert scored.score == IDENTIFIER_FLOOR
    assert scored.adjustments == (
        Adjustment("identifier", round(IDENTIFIER_FLOOR - 0.5, 4), "same identifier: a 1234-567"),
    )


def test_identifier_lifts_even_a_zero_name_score() -> None:
    scored = score(
        names("Zzz Qqq"),
        person(("ir",), identifiers=("12345",)),
        names("Shahid Hemmat"),
        person(("ir",), identifiers=("12345",)),
    )
    assert scored is not None
    assert scored.score == IDENTIFIER_FLOOR
    assert [(a.feature, a.effect) for a in scored.adjustments] == [("identifier", IDENTIFIER_FLOOR)]


def test_identifier_does_not_lower_a_higher_score() -> None:
    scored = score(
        names("Shahid Hemmat"),
        person(identifiers=("12345",)),
        names("Shahid Hemmat"),
        person(identifiers=("12345",)),
    )
    assert scored is not None
    assert scored.score == 1.0
    assert scored.adjustments[-1].feature == "identifier"
    assert scored.adjustments[-1].effect == 0.0


def test_score_is_clamped_to_one() -> None:
    scored = score(
        names("Shahid Hemmat"),
        person(("ir",), ("1960",)),
        names("Shahid Hemmat"),
        person(("ir",), ("1960-05-01",)),
    )
    assert scored is not None
    assert scored.name.score == 1.0
    assert sum(a.effect for a in scored.adjustments) > 0
    assert scored.score == 1.0


def test_score_is_clamped_to_zero() -> None:
    scored = score(
        names("Hosseini Zzz Qqq Yyy"),
        person(("ir",), ("1960",)),
        names("Hosseini Aaa Bbb Ccc"),
        person(("de",), ("1990",)),
    )
    assert scored is not None
    # A quarter of the words pair up, and both sides keep identifying words of their own.
    assert scored.name.score == round(0.25 * CONFLICT_FACTOR, 4)
    assert scored.name.score + COUNTRY_MISMATCH + BIRTH_DATE_MISMATCH < 0
    assert scored.score == 0.0


# -- explanation ---------------------------------------------------------------------------


def test_explain_summary_names_the_method_and_each_adjustment() -> None:
    scored = score(
        names("Hosseini"),
        person(("ir",), ("1960",), ("A1234567",)),
        names("Mohammad Ali Hosseini"),
        person(("ir",), ("1960-05-01",), ("A1234567",)),
    )
    assert scored is not None
    explanation = explain(scored, 0.7)
    assert explanation.summary == (
        "0.95 (match at 0.70): name 0.50 by words ('Hosseini' ~ 'Mohammad Ali Hosseini'); "
        "country +0.05; birth_date +0.05; identifier +0.35"
    )
    assert [(f.feature, f.effect) for f in explanation.adjustments] == [
        ("country", COUNTRY_MATCH),
        ("birth_date", BIRTH_DATE_MATCH),
        ("identifier", 0.35),
    ]
    assert explanation.threshold == 0.7
    assert [(p.query, p.candidate, p.how) for p in explanation.name.pairs] == [
        ("hosseini", "hosseini", "exact")
    ]
    assert [w.word for w in explanation.name.unmatched_query] == []
    assert [w.word for w in explanation.name.unmatched_candidate] == ["mohammad", "ali"]


def test_explain_summary_for_an_acronym_below_threshold() -> None:
    scored = score(
        names("SHI", organisation=True),
        Facts("Organization", ("ir",)),
        names("Shahid Hemmat Industrial", organisation=True),
        Facts("Organization", ("sy",)),
    )
    assert scored is not None
    summary = explain(scored, 0.7).summary
    assert summary.startswith("0.62 (below threshold at 0.70): name 0.72 by acronym ")
    assert summary.endswith("; country -0.10")


def test_explain_without_adjustments() -> None:
    scored = score(names("Shahid Hemmat"), person(), names("Hemmat Shahid"), person())
    assert scored is not None
    explanation = explain(scored, 0.7)
    assert explanation.summary == (
        "1.00 (match at 0.70): name 1.00 by words ('Shahid Hemmat' ~ 'Hemmat Shahid')"
    )
    assert explanation.adjustments == []
