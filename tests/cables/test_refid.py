"""Canonical cable reference ids: repairs are explicit, garbage is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.refid import (
    CanonicalId,
    canonical_id,
    expand_year,
    make_id,
    station_key,
    year_of,
)


@pytest.mark.parametrize(
    "text",
    [
        "09STATE29395",
        "08MADRID979",
        "10STATE284",
        "09SAOPAULO335",
        "66ANKARA36",
        "99STATE1234",
        "1976PRETOR04668",  # NARA: four-digit year, padding kept
        "1976PRETOR4668",
        "1999STATE000123",
    ],
)
def test_canonical_ids_are_unchanged(text: str) -> None:
    assert canonical_id(text) == CanonicalId(text, repaired=False)


def test_surrounding_whitespace_is_not_a_repair() -> None:
    assert canonical_id(" 09STATE29395 \n") == CanonicalId("09STATE29395", repaired=False)


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [
        ("08SCTION02OF02SAOPAULO335", "08SAOPAULO335", "removed section fragment"),
        ("08SECTION02OF02SAOPAULO335", "08SAOPAULO335", "removed section fragment"),
        ("08ION01OF02ROME55", "08ROME55", "removed section fragment"),
        ("10SECTION1OF2STATE5", "10STATE5", "removed section fragment"),
        ("09STATE029395", "09STATE29395", "removed serial zero padding"),
        ("09STATE000000001", "09STATE1", "removed serial zero padding"),
        ("09state29395", "09STATE29395", "normalised case and separators"),
        ("09 STATE 29395", "09STATE29395", "normalised case and separators"),
        ("09-STATE-29395", "09STATE29395", "normalised case and separators"),
        ("09_STATE/29395", "09STATE29395", "normalised case and separators"),
        ("08SAO PAULO 335", "08SAOPAULO335", "normalised case and separators"),
        (
            "08 section 02 of 02 sao paulo 000335",
            "08SAOPAULO335",
            "normalised case and separators; removed section fragment; removed serial zero padding",
        ),
    ],
)
def test_repairs(text: str, value: str, reason: str) -> None:
    assert canonical_id(text) == CanonicalId(value, repaired=True, reason=reason)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "garbage",
        "09STATE",
        "STATE29395",
        "9STATE1",
        "0009STATE1",
        "09STATE0",
        "09STATE00000",
        "09STATE29395X",
        "1776PRETOR04668",  # not a NARA year
        "1976PRETOR0",
        "1976PRETOR00000",
        "09SECTION01OF02STATE",
        "09E1OF2STATE5",
        "\u0660\u0669STATE1",  # Arabic-Indic digits are not an id's digits
        "09STATE\u0661\u0662\u0663",
        "09ÉTAT12",
    ],
)
def test_garbage_is_none(text: str) -> None:
    assert canonical_id(text) is None


@pytest.mark.parametrize(
    ("reference_id", "year"),
    [
        ("09STATE29395", 2009),
        ("66ANKARA36", 1966),
        ("65X1", 2065),
        ("99STATE1", 1999),
        ("1976PRETOR04668", 1976),
        ("STATE1", None),
        ("", None),
        ("9X1", None),
    ],
)
def test_year_of(reference_id: str, year: int | None) -> None:
    assert year_of(reference_id) == year


def test_expand_year_pivots_at_1966() -> None:
    assert [expand_year(y) for y in ("66", "99", "00", "09", "65", "2008", "1976")] == [
        1966,
        1999,
        2000,
        2009,
        2065,
        2008,
        1976,
    ]


@pytest.mark.parametrize(
    ("year", "station", "serial", "reference_id"),
    [
        (2008, "MADRID", "000979", "08MADRID979"),
        (2009, "SAO PAULO", "000335", "09SAOPAULO335"),
        (2008, "THE HAGUE", "1234", "08THEHAGUE1234"),
        (1999, "STATE", "12", "99STATE12"),
        (1976, "PRETORIA", "04668", "76PRETORIA4668"),
        (2008, "", "1", None),
        (2008, "123", "1", None),
        (2008, "STATE", "0000", None),
        (2008, "STATE", "12a", None),
        (2008, "STATE", "²", None),
        (2008, "STATE", "\u0661\u0662", None),
    ],
)
def test_make_id(year: int, station: str, serial: str, reference_id: str | None) -> None:
    assert make_id(year, station, serial) == reference_id


def test_station_key() -> None:
    assert station_key("Sao Paulo") == "SAOPAULO"
    assert station_key("USUN NEW YORK") == "USUNNEWYORK"
    assert station_key("PORT-AU-PRINCE") == "PORTAUPRINCE"
    assert station_key("123") == ""


_ID_PARTS = st.tuples(
    st.sampled_from(["09", "08", "66", "99", "1976", "2009", "9", "0009"]),
    st.sampled_from(["STATE", "SAOPAULO", "SAO PAULO", "SECTION02OF02", "SCTION1OF2", "state", ""]),
    st.sampled_from(["29395", "029395", "0", "000", "1", "04668", ""]),
    st.sampled_from(["", " ", "-", "X", "/"]),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), _ID_PARTS.map(lambda p: p[0] + p[3] + p[1] + p[3] + p[2])))
def test_canonical_id_is_idempotent_and_never_raises(text: str) -> None:
    first = canonical_id(text)
    if first is None:
        return
    second = canonical_id(first.value)
    assert second is not None
    assert second.value == first.value
    assert second.repaired is False
    assert first.value.isascii()
    assert first.repaired == (first.reason is not None)
    assert year_of(first.value) is not None


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1966, max_value=2065),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ ", min_size=1, max_size=15),
    st.integers(min_value=1, max_value=9_999_999),
    st.integers(min_value=0, max_value=3),
)
def test_made_ids_are_canonical(year: int, station: str, serial: int, padding: int) -> None:
    made = make_id(year, station, "0" * padding + str(serial))
    if not station.strip():
        assert made is None
        return
    assert made is not None
    assert canonical_id(made) == CanonicalId(made, repaired=False)
    assert year_of(made) == year
