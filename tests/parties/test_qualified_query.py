"""A bad qualifier is dropped with a warning naming its field; only a missing name stops a query."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.parties.query import QueryError, make_query, qualified_query


def test_good_qualifiers_are_kept_as_make_query_keeps_them() -> None:
    query, warnings = qualified_query(["Ali Rezaei"], "Person", ["Iran"], ["1960-05"], ["X1"])
    assert warnings == []
    assert query == make_query(["Ali Rezaei"], "Person", ["Iran"], ["1960-05"], ["X1"])


def test_each_bad_qualifier_is_named_and_the_good_ones_stay() -> None:
    query, warnings = qualified_query(
        ["Ali Rezaei"], "Ship", ["IR", "Atlantis"], ["1948-13-16", "1960"]
    )
    assert query.schema == "LegalEntity"
    assert query.countries == ("ir",) and query.birth_dates == ("1960",)
    assert [w.split(":")[0] for w in warnings] == ["schema", "country", "birth_date"]
    assert warnings[0].endswith("ignored, screened as LegalEntity")
    assert all(w.endswith("ignored, screened without it") for w in warnings[1:])


@pytest.mark.parametrize("names", [[], [""], ["   "]])
def test_no_name_still_stops_the_query(names: list[str]) -> None:
    with pytest.raises(QueryError, match="name: a non-empty name is required"):
        qualified_query(names, "Ship", ["Atlantis"], ["1948-13-16"])


@given(
    schema=st.one_of(st.none(), st.text(max_size=12)),
    countries=st.lists(st.text(max_size=12), max_size=3),
    dates=st.lists(st.text(max_size=12), max_size=3),
)
def test_any_qualifier_leaves_a_screenable_query(
    schema: str | None, countries: list[str], dates: list[str]
) -> None:
    query, warnings = qualified_query(["Shahid Hemmat"], schema, countries, dates)
    assert query.names == ("Shahid Hemmat",)
    assert len(query.countries) + len(query.birth_dates) + len(warnings) <= (
        len([c for c in countries if c]) + len([d for d in dates if d]) + 1
    )
