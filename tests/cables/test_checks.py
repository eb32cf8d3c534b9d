"""Cross-checks between header fields and metadata: warnings, never corrections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.checks import check_created, check_julian_day, check_serial
from interdict.cables.notes import Notes
from interdict.cables.record import DeLine, Dtg


def de(serial: str = "9395", julian_day: int | None = None) -> DeLine:
    return DeLine(station="RUEHC", serial=serial, julian_day=julian_day)


def dtg(value: datetime) -> Dtg:
    return Dtg(text="x", value=value)


def serial_warnings(line: DeLine | None, number: str | None) -> list[str]:
    notes = Notes()
    check_serial(line, number, notes)
    assert all(w.field == "de" for w in notes.warnings)
    return [w.message for w in notes.warnings]


def julian_warnings(day: int | None, value: datetime) -> list[str]:
    notes = Notes()
    check_julian_day(de(julian_day=day), dtg(value), notes)
    assert all(w.field == "de" for w in notes.warnings)
    return [w.message for w in notes.warnings]


def created_warnings(meta: datetime | None, value: datetime | None) -> list[str]:
    notes = Notes()
    check_created(meta, dtg(value) if value else None, notes)
    assert all(w.field == "created" for w in notes.warnings)
    return [w.message for w in notes.warnings]


# --------------------------------------------------------------------------- DE serial


@pytest.mark.parametrize(
    ("serial", "number"),
    [
        ("9395", "029395"),  # the seed
        ("0284", "000284"),
        ("284", "000284"),
        ("0402", "000402"),
        ("12345", "012345"),
        ("4668", "04668"),
    ],
)
def test_serial_matches(serial: str, number: str) -> None:
    assert serial_warnings(de(serial), number) == []


def test_serial_mismatch() -> None:
    assert serial_warnings(de("9395"), "029396") == [
        "DE serial #9395 does not match message number 029396"
    ]
    assert serial_warnings(de("3100"), "023000") == [
        "DE serial #3100 does not match message number 023000"
    ]


@pytest.mark.parametrize(
    ("line", "number"),
    [
        (None, "029395"),
        (de("9395"), None),
        (de("93A5"), "029395"),
        (de(""), "029395"),
        (de("9395"), ""),
        (de("9395"), "02939A"),
        (de("9395"), "0293 95"),
        (de("²"), "029395"),
        (de("9395"), "0293²5"),
    ],
)
def test_serial_check_skips_what_it_cannot_compare(line: DeLine | None, number: str | None) -> None:
    assert serial_warnings(line, number) == []


# --------------------------------------------------------------------------- Julian day


@pytest.mark.parametrize(
    ("day", "value"),
    [
        (85, datetime(2009, 3, 26, 20, 46, tzinfo=UTC)),  # the seed: same day
        (86, datetime(2009, 3, 26, 23, 50, tzinfo=UTC)),  # filed after midnight
        (1, datetime(2009, 12, 31, 23, 46, tzinfo=UTC)),  # year wrap, common year
        (1, datetime(2008, 12, 31, 23, 46, tzinfo=UTC)),  # year wrap, leap year
        (366, datetime(2008, 12, 31, 20, 0, tzinfo=UTC)),  # day 366 exists in 2008
        (366, datetime(2008, 12, 30, 23, 0, tzinfo=UTC)),
        (365, datetime(2009, 12, 31, 12, 0, tzinfo=UTC)),
        (60, datetime(2008, 2, 29, 12, 0, tzinfo=UTC)),
    ],
)
def test_julian_day_matches(day: int, value: datetime) -> None:
    assert julian_warnings(day, value) == []


@pytest.mark.parametrize(
    ("day", "value", "dtg_day"),
    [
        (87, datetime(2009, 3, 26, 20, 46, tzinfo=UTC), 85),  # two days late
        (84, datetime(2009, 3, 26, 20, 46, tzinfo=UTC), 85),  # a day early
        (366, datetime(2009, 12, 31, 23, 0, tzinfo=UTC), 365),  # no day 366 in 2009
        (366, datetime(2009, 1, 1, 0, 0, tzinfo=UTC), 1),  # 366 is not 1 January
        (365, datetime(2009, 1, 1, 0, 0, tzinfo=UTC), 1),
        (0, datetime(2009, 1, 1, 0, 0, tzinfo=UTC), 1),
        (999, datetime(2009, 1, 1, 0, 0, tzinfo=UTC), 1),
    ],
)
def test_julian_day_mismatch(day: int, value: datetime, dtg_day: int) -> None:
    assert julian_warnings(day, value) == [
        f"DE Julian day {day:03d} does not match DTG day {dtg_day:03d}"
    ]


def test_julian_day_check_skips_missing_parts() -> None:
    notes = Notes()
    when = dtg(datetime(2009, 3, 26, tzinfo=UTC))
    check_julian_day(None, when, notes)
    check_julian_day(de(julian_day=None), when, notes)
    check_julian_day(de(julian_day=85), None, notes)
    assert notes.warnings == []


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(1966, 1, 1), max_value=datetime(2030, 12, 31)))
def test_julian_day_of_the_dtg_and_the_next_day_always_match(value: datetime) -> None:
    value = value.replace(tzinfo=UTC)
    for filed in (value, value + timedelta(days=1)):
        assert julian_warnings(filed.timetuple().tm_yday, value) == []
    later = value + timedelta(days=2)
    assert len(julian_warnings(later.timetuple().tm_yday, value)) == 1


# --------------------------------------------------------------------------- metadata date


def test_created_close_to_dtg() -> None:
    # The seed: a CET midnight date line against the real DTG time.
    cet = timezone(timedelta(hours=1))
    meta = datetime(2009, 3, 26, 0, 0, tzinfo=cet)
    assert created_warnings(meta, datetime(2009, 3, 26, 20, 46, tzinfo=UTC)) == []
    assert (
        created_warnings(
            datetime(2009, 3, 28, 20, 46, tzinfo=UTC), datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
        )
        == []
    )


def test_created_far_from_dtg() -> None:
    assert created_warnings(
        datetime(2009, 3, 20, 23, 0, tzinfo=UTC), datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
    ) == ["metadata date 2009-03-20T23:00:00+00:00 is far from DTG 2009-03-26T20:46:00+00:00"]
    assert (
        len(
            created_warnings(
                datetime(2009, 3, 28, 20, 47, tzinfo=UTC), datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
            )
        )
        == 1
    )


def test_created_naive_metadata_is_taken_as_utc() -> None:
    assert (
        created_warnings(datetime(2009, 3, 25, 23, 0), datetime(2009, 3, 26, 20, 46, tzinfo=UTC))
        == []
    )
    assert len(created_warnings(datetime(2009, 1, 1), datetime(2009, 3, 26, tzinfo=UTC))) == 1


def test_created_check_skips_missing_parts() -> None:
    assert created_warnings(None, datetime(2009, 3, 26, tzinfo=UTC)) == []
    assert created_warnings(datetime(2009, 3, 26, tzinfo=UTC), None) == []
