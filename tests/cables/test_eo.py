"""The E.O. line: executive order, declassification date and/or event."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.eo import KNOWN_ORDERS, parse_date, parse_eo
from interdict.cables.notes import Notes
from interdict.cables.record import Eo


def eo(text: str) -> tuple[Eo | None, list[str]]:
    notes = Notes()
    result = parse_eo(text, notes, line=7)
    assert all(w.field == "eo" and w.line == 7 for w in notes.warnings)
    return result, [w.message for w in notes.warnings]


@pytest.mark.parametrize(
    ("text", "order", "declassify_on", "event"),
    [
        # every order seen in the corpora
        ("E.O. 11652: GDS", "11652", None, "GDS"),
        ("E.O. 11652: XGDS-2", "11652", None, "XGDS-2"),
        ("E.O. 11652: XGDS-2 12/31/80", "11652", date(1980, 12, 31), "XGDS-2"),
        ("E.O. 12065: RDS-1 12/31/99", "12065", date(1999, 12, 31), "RDS-1"),
        ("E.O. 12065: GDS 6/1/85", "12065", date(1985, 6, 1), "GDS"),
        ("E.O. 12065: N/A", "12065", None, "N/A"),
        ("E.O. 12356: OADR", "12356", None, "OADR"),
        ("E.O. 12356: DECL: OADR", "12356", None, "OADR"),
        ("E.O. 12958: DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL: 1.6X1", "12958", None, "1.6X1"),
        ("E.O. 12958: DECL: 1.6X1, 1.6X6", "12958", None, "1.6X1, 1.6X6"),
        ("E.O. 12958: DECL: 25X1", "12958", None, "25X1"),
        ("E.O. 12958: N/A", "12958", None, "N/A"),
        ("E.O. 13526: DECL: 02/09/2035", "13526", date(2035, 2, 9), None),
        # date layouts
        ("E.O. 12958: DECL: 2034/03/26", "12958", date(2034, 3, 26), None),
        ("E.O. 13526: DECL: 2019-12-31", "13526", date(2019, 12, 31), None),
        ("E.O. 12958: DECL: 3/6/2034", "12958", date(2034, 3, 6), None),
        ("E.O. 12958: DECL: 5/21/2019 ", "12958", date(2019, 5, 21), None),
        # two-digit years pivot at 66, where the corpus starts
        ("E.O. 13526: DECL: 12/31/19", "13526", date(2019, 12, 31), None),
        ("E.O. 12958: DECL: 03/26/34", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL: 12/31/59", "12958", date(2059, 12, 31), None),
        ("E.O. 11652: XGDS-2 12/31/66", "11652", date(1966, 12, 31), "XGDS-2"),
        # keyword spellings
        ("E.O.12958: DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E. O. 12958: DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("EO 12958 DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958 AS AMENDED: DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL ON 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECLASSIFY ON: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL: DECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958:\nDECL: 03/26/2034", "12958", date(2034, 3, 26), None),
        ("E.O. 12958: DECL: 03/26/2034 (MR)", "12958", date(2034, 3, 26), "(MR)"),
    ],
)
def test_orders_dates_and_events(
    text: str, order: str, declassify_on: date | None, event: str | None
) -> None:
    result, warnings = eo(text)
    assert result is not None
    assert (result.order, result.declassify_on, result.event) == (order, declassify_on, event)
    assert result.text == " ".join(text.split())
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("E.O. 12958: DECL: 02/30/2034", "02/30/2034"),
        ("E.O. 12958: DECL: 13/01/2034", "13/01/2034"),
        ("E.O. 12958: DECL: 0/0/0000", "0/0/0000"),
        ("E.O. 12958: DECL: 2034/02/30", "2034/02/30"),
    ],
)
def test_impossible_date_warns(text: str, shown: str) -> None:
    result, warnings = eo(text)
    assert result is not None
    assert result.order == "12958"
    assert result.declassify_on is None
    assert result.event is None  # the bad date is not passed off as an event
    assert warnings == [f"impossible declassification date {shown!r}"]


def test_unknown_order_warns_but_keeps_the_date() -> None:
    result, warnings = eo("E.O. 99999: DECL: 03/26/2034")
    assert result is not None
    assert (result.order, result.declassify_on) == ("99999", date(2034, 3, 26))
    assert warnings == ["unknown executive order 99999"]


@pytest.mark.parametrize("text", ["TAGS: nothing", "", "E.O.: DECL: 03/26/2034", "E.O. 1295"])
def test_no_order_number(text: str) -> None:
    result, warnings = eo(text)
    assert result is None
    assert len(warnings) == 1
    assert warnings[0].startswith("no executive order number in ")


def test_known_orders() -> None:
    assert {"11652", "12065", "12356", "12958", "13526"} <= KNOWN_ORDERS
    for order in KNOWN_ORDERS:
        result, warnings = eo(f"E.O. {order}: N/A")
        assert result is not None
        assert warnings == []


def test_parse_date_reports_where_the_date_sat() -> None:
    assert parse_date("RDS-1 12/31/99") == (date(1999, 12, 31), (6, 14))
    assert parse_date("OADR") == (None, None)
    assert parse_date("2/30/2000") == (None, (0, 9))


_TOKENS = st.sampled_from(
    [
        "E.O.",
        "EO",
        "12958",
        "11652",
        "99999",
        ":",
        "DECL",
        "DECL:",
        "03/26/2034",
        "2034/03/26",
        "12/31/99",
        "02/30/2034",
        "2019-12-31",
        "OADR",
        "1.6X1",
        "N/A",
        "GDS",
        "XGDS-2",
        "RDS-1",
        "AS AMENDED",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(_TOKENS, max_size=10).map(" ".join)))
def test_never_raises_and_is_well_formed(text: str) -> None:
    notes = Notes()
    result = parse_eo(text, notes)
    if result is None:
        assert len(notes.warnings) == 1
        return
    assert re.fullmatch(r"\d{5}", result.order)
    assert result.text == " ".join(text.split())
    if result.event is not None:
        assert result.event == result.event.strip()
        assert result.event
