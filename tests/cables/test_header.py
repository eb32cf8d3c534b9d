"""Tests for the ACP-127 transmission header parser, one format line at a time."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.header.addresses import (
    is_wrapped_tail,
    join_wrapped,
    parse_recipient,
    warn_glued_banner,
)
from interdict.cables.header.de_line import is_de_line, parse_de_line, valid_time
from interdict.cables.header.dtg import (
    expand_year,
    is_dtg_line,
    parse_dtg_line,
    parse_dtg_text,
)
from interdict.cables.header.parse import Header, parse_header
from interdict.cables.header.routing import (
    PROSIGN_WORDS,
    is_prosign_group,
    is_routing_indicator,
    parse_routing,
    parse_routing_continuation,
)
from interdict.cables.header.security_line import is_security_line, parse_security_line
from interdict.cables.header.transmission import is_transmission_line, parse_transmission
from interdict.cables.notes import Notes
from interdict.cables.record import Recipient


def numbered(text: str, start: int = 1) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start))


def run(text: str, start: int = 1) -> tuple[Header, Notes]:
    notes = Notes()
    return parse_header(numbered(text, start), notes), notes


SEED = """\
VZCZCXYZ0006
PP RUEHWEB

DE RUEHC #9395 0852103
ZNY SSSSS ZZH
P 262046Z MAR 09
FM SECSTATE WASHDC
TO AMEMBASSY MADRID PRIORITY 0000
INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITY"""

TRIPOLI = """\
VZCZCXRO0379
OO RUEHBC RUEHDE RUEHDIR RUEHKUK RUEHLO
RUEHROV RUEHTRO
DE RUEHTRO #0284/01 0041825
ZNY SSSSS ZZH
O P 041825Z JAN 10
FM AMEMBASSY TRIPOLI
TO RUEHC/SECSTATE WASHDC IMMEDIATE 5589
INFO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742
RUEHEG/AMEMBASSY CAIRO PRIORITY 0123
RHMFISS/CDR USAFRICOM STUTTGART GE PRIORITY
RUEKJCS/SECDEF WASHDC PRIORITY
RHEHNSC/NSC WASHDC PRIORITY"""

PRETORIA_1976 = """\
R 061520Z JAN 76
FM AMEMBASSY PRETORIA
TO SECSTATE WASHDC 4668
INFO AMEMBASSY LONDON
AMEMBASSY PARIS"""


# --------------------------------------------------------------------------- transmission


class TestTransmission:
    @pytest.mark.parametrize(
        ("text", "ti_text", "channel", "serial"),
        [
            ("VZCZCXYZ0006", "VZCZCXYZ0006", "XYZ", "0006"),
            ("VZCZCXRO0379", "VZCZCXRO0379", "XRO", "0379"),
            ("VZCZCABC027", "VZCZCABC027", "ABC", "027"),
            ("VZCZCFGA242 UU", "VZCZCFGA242", "FGA", "242"),
            ("VV ABC027", "VV ABC027", "ABC", "027"),
        ],
    )
    def test_valid(self, text: str, ti_text: str, channel: str, serial: str) -> None:
        notes = Notes()
        ti = parse_transmission(text, notes, 1)
        assert ti is not None
        assert (ti.text, ti.channel, ti.serial) == (ti_text, channel, serial)
        assert notes.warnings == []

    @pytest.mark.parametrize("text", ["VZCZCXYZ06", "VZCZCXY0006", "VZCZCXYZ00006", "VZCZC"])
    def test_malformed(self, text: str) -> None:
        notes = Notes()
        assert is_transmission_line(text)
        assert parse_transmission(text, notes, 7) is None
        assert [(w.field, w.line) for w in notes.warnings] == [("transmission_id", 7)]

    def test_not_a_ti(self) -> None:
        assert not is_transmission_line("PP RUEHWEB")

    def test_acp126_header_has_no_ti(self) -> None:
        header, notes = run(PRETORIA_1976)
        assert header.transmission_id is None
        assert notes.warnings == []


# --------------------------------------------------------------------------- routing


class TestRouting:
    @pytest.mark.parametrize(
        ("text", "precedence", "indicators"),
        [
            ("PP RUEHWEB", ["PRIORITY"], ["RUEHWEB"]),
            ("ZZ RUEHC", ["FLASH"], ["RUEHC"]),
            ("OO RUEHC RHMFISS RUEKJCS", ["IMMEDIATE"], ["RUEHC", "RHMFISS", "RUEKJCS"]),
            ("RR RUEHC", ["ROUTINE"], ["RUEHC"]),
            ("YY RUEHC", ["EMERGENCY COMMAND"], ["RUEHC"]),
            ("OO RR RUEHC", ["IMMEDIATE", "ROUTINE"], ["RUEHC"]),
            ("P RUEHC", ["PRIORITY"], ["RUEHC"]),
            ("PP PP RUEHC", ["PRIORITY"], ["RUEHC"]),
            ("PP", ["PRIORITY"], []),
        ],
    )
    def test_routing_line(self, text: str, precedence: list[str], indicators: list[str]) -> None:
        routing = parse_routing(text)
        assert routing is not None
        assert routing.precedence == precedence
        assert routing.routing_indicators == indicators

    @pytest.mark.parametrize(
        "text",
        [
            "P 262046Z MAR 09",  # A DTG line, not routing.
            "PP RUEHWEB 1234",
            "PP RUE",  # Too short for a routing indicator.
            "PP RUEHWEBX",  # Too long.
            "PP AUEHWEB",  # Does not start with R.
            "PR RUEHC",  # Mixed letters are no prosign.
            "RUEHC",
        ],
    )
    def test_not_routing(self, text: str) -> None:
        assert parse_routing(text) is None

    def test_prosign_table(self) -> None:
        assert PROSIGN_WORDS["Z"] == "FLASH"
        assert PROSIGN_WORDS["O"] == "IMMEDIATE"
        assert is_prosign_group("ZZ")
        assert is_prosign_group("R")
        assert not is_prosign_group("RP")

    @pytest.mark.parametrize(
        ("token", "ok"),
        [("RUEHC", True), ("RUEHWEB", True), ("RUEH", True), ("RUE", False), ("RUEHWEBX", False)],
    )
    def test_routing_indicator_shape(self, token: str, ok: bool) -> None:
        assert is_routing_indicator(token) is ok

    def test_continuation(self) -> None:
        assert parse_routing_continuation("RUEHROV RUEHTRO") == ["RUEHROV", "RUEHTRO"]
        assert parse_routing_continuation("DE RUEHC #9395 0852103") is None
        assert parse_routing_continuation("") is None

    def test_wrapped_indicators_in_header(self) -> None:
        header, notes = run(TRIPOLI)
        assert header.routing_indicators == [
            "RUEHBC",
            "RUEHDE",
            "RUEHDIR",
            "RUEHKUK",
            "RUEHLO",
            "RUEHROV",
            "RUEHTRO",
        ]
        assert header.precedence == ["IMMEDIATE"]
        assert notes.warnings == []

    def test_indicators_alone_after_de_are_not_routing(self) -> None:
        header, notes = run("PP RUEHWEB\nDE RUEHC #9395 0852103\nRUEHXYZ")
        assert header.routing_indicators == ["RUEHWEB"]
        assert [(w.field, w.line) for w in notes.warnings] == [("header", 3)]

    def test_wrap_over_several_lines_and_blank(self) -> None:
        header, _ = run("RR RUEHAA\nRUEHBB RUEHCC\n\nRUEHDD\nDE RUEHC #0001 0010000")
        assert header.routing_indicators == ["RUEHAA", "RUEHBB", "RUEHCC", "RUEHDD"]
        assert header.lines_total == 4
        assert header.lines_understood == 4


# --------------------------------------------------------------------------- DE line


class TestDeLine:
    def test_seed(self) -> None:
        notes = Notes()
        de = parse_de_line("DE RUEHC #9395 0852103", notes, 4)
        assert de is not None
        assert (de.station, de.serial, de.section, de.julian_day, de.time) == (
            "RUEHC",
            "9395",
            None,
            85,
            "2103",
        )
        assert notes.warnings == []

    def test_section(self) -> None:
        de = parse_de_line("DE RUEHTRO #0284/01 0041825", Notes())
        assert de is not None
        assert (de.station, de.serial, de.section, de.julian_day, de.time) == (
            "RUEHTRO",
            "0284",
            1,
            4,
            "1825",
        )

    def test_acp127_example_without_hash_and_calendar_time(self) -> None:
        notes = Notes()
        de = parse_de_line("DE RUECW 123 01/2355Z", notes)
        assert de is not None
        assert (de.serial, de.julian_day, de.time) == ("123", None, "2355")
        assert notes.warnings == []

    def test_serial_with_letter(self) -> None:
        de = parse_de_line("DE RXDB #107A 2151230", Notes())
        assert de is not None
        assert de.serial == "107A"

    def test_missing_time_warns(self) -> None:
        notes = Notes()
        de = parse_de_line("DE RUEHC #9395", notes, 3)
        assert de is not None
        assert de.julian_day is None and de.time is None
        assert [(w.field, w.line) for w in notes.warnings] == [("de", 3)]

    @pytest.mark.parametrize(
        ("day", "ok"), [("000", False), ("001", True), ("365", True), ("366", True), ("367", False)]
    )
    def test_julian_bounds(self, day: str, ok: bool) -> None:
        notes = Notes()
        de = parse_de_line(f"DE RUEHC #9395 {day}1200", notes, 9)
        assert de is not None
        assert de.time == "1200"
        if ok:
            assert de.julian_day == int(day)
            assert notes.warnings == []
        else:
            assert de.julian_day is None
            assert [(w.field, w.line) for w in notes.warnings] == [("de", 9)]
            assert day in notes.warnings[0].message

    @pytest.mark.parametrize(
        ("time", "ok"),
        [("0000", True), ("2359", True), ("2400", False), ("1260", False), ("9999", False)],
    )
    def test_time_bounds(self, time: str, ok: bool) -> None:
        notes = Notes()
        de = parse_de_line(f"DE RUEHC #9395 085{time}", notes)
        assert de is not None
        assert de.julian_day == 85
        assert (de.time == time) is ok
        assert (notes.warnings == []) is ok
        assert valid_time(time) is ok

    @pytest.mark.parametrize(
        "text", ["DE", "DE RUEHC", "DE RUEHC #ABCD 0852103", "DE RUEHC #9395 085"]
    )
    def test_malformed(self, text: str) -> None:
        notes = Notes()
        assert parse_de_line(text, notes, 2) is None
        assert [(w.field, w.line) for w in notes.warnings] == [("de", 2)]

    def test_claim(self) -> None:
        assert is_de_line("DE RUEHC #9395 0852103")
        assert not is_de_line("DEFENSE INTELLIGENCE AGENCY")

    def test_bad_julian_in_header_still_understood(self) -> None:
        header, notes = run("DE RUEHC #9395 4002103")
        assert header.de is not None and header.de.julian_day is None
        assert header.lines_understood == 1
        assert [w.field for w in notes.warnings] == ["de"]


# --------------------------------------------------------------------------- security line


class TestSecurityLine:
    @pytest.mark.parametrize(
        ("text", "level", "ops"),
        [
            ("ZNR UUUUU ZZH", "U", ["ZZH"]),
            ("ZNY SSSSS ZZH", "S", ["ZZH"]),
            ("ZNY CCCCC", "C", []),
            ("ZNY EEEEE", "EFTO", []),
            ("ZNY TTTTT", "TS", []),
            ("ZNY RRRRR", "R", []),
            ("ZNY UUUUU", "U", []),
            ("ZNR UUUAA ZZH", "U", ["ZZH"]),
            ("ZNY SSSSS/BBBBB ZZH", "S", ["ZZH"]),
            ("ZNR UUUUU ZFD ZZH", "U", ["ZFD", "ZZH"]),
        ],
    )
    def test_levels(self, text: str, level: str, ops: list[str]) -> None:
        notes = Notes()
        security = parse_security_line(text, notes)
        assert security is not None
        assert security.level == level
        assert security.operating_signals == ops
        assert security.text == text
        assert notes.warnings == []

    def test_whitespace_normalised(self) -> None:
        security = parse_security_line("ZNY  SSSSS   ZZH", Notes())
        assert security is not None and security.text == "ZNY SSSSS ZZH"

    def test_unknown_group_keeps_line(self) -> None:
        notes = Notes()
        security = parse_security_line("ZNY SSCCS ZZH", notes, 5)
        assert security is not None and security.level is None
        assert [(w.field, w.line) for w in notes.warnings] == [("security_line", 5)]

    def test_znr_with_classified_group_warns(self) -> None:
        notes = Notes()
        security = parse_security_line("ZNR SSSSS", notes)
        assert security is not None and security.level == "S"
        assert [w.field for w in notes.warnings] == ["security_line"]

    @pytest.mark.parametrize("text", ["ZNY", "ZNY SSSS", "ZNY SSSSS XYZ", "ZNRUUUUU"])
    def test_malformed(self, text: str) -> None:
        notes = Notes()
        assert is_security_line(text)
        assert parse_security_line(text, notes) is None
        assert [w.field for w in notes.warnings] == ["security_line"]

    def test_header_fields(self) -> None:
        header, _ = run("ZNY CCCCC ZZH")
        assert header.security_line == "ZNY CCCCC ZZH"
        assert header.security_level == "C"


# --------------------------------------------------------------------------- DTG


class TestDtg:
    @pytest.mark.parametrize(
        ("text", "dtg_text", "value", "precedence", "ops"),
        [
            (
                "P 262046Z MAR 09",
                "262046Z MAR 09",
                datetime(2009, 3, 26, 20, 46, tzinfo=UTC),
                ["PRIORITY"],
                [],
            ),
            (
                "P R 041820Z JAN 10",
                "041820Z JAN 10",
                datetime(2010, 1, 4, 18, 20, tzinfo=UTC),
                ["PRIORITY", "ROUTINE"],
                [],
            ),
            (
                "O P 180800Z MAR 08 ZDS",
                "180800Z MAR 08",
                datetime(2008, 3, 18, 8, 0, tzinfo=UTC),
                ["IMMEDIATE", "PRIORITY"],
                ["ZDS"],
            ),
            (
                "R 041820Z JAN 76",
                "041820Z JAN 76",
                datetime(1976, 1, 4, 18, 20, tzinfo=UTC),
                ["ROUTINE"],
                [],
            ),
            (
                "Z 101010Z DEC 99",
                "101010Z DEC 99",
                datetime(1999, 12, 10, 10, 10, tzinfo=UTC),
                ["FLASH"],
                [],
            ),
            (
                "R 011500Z JAN 2006",
                "011500Z JAN 2006",
                datetime(2006, 1, 1, 15, 0, tzinfo=UTC),
                ["ROUTINE"],
                [],
            ),
            (
                "O 291200Z FEB 08 ZFF4 ZDS",
                "291200Z FEB 08",
                datetime(2008, 2, 29, 12, 0, tzinfo=UTC),
                ["IMMEDIATE"],
                ["ZFF4", "ZDS"],
            ),
            (
                "Y 010000Z JAN 00",
                "010000Z JAN 00",
                datetime(2000, 1, 1, 0, 0, tzinfo=UTC),
                ["EMERGENCY COMMAND"],
                [],
            ),
        ],
    )
    def test_lines(
        self, text: str, dtg_text: str, value: datetime, precedence: list[str], ops: list[str]
    ) -> None:
        notes = Notes()
        assert is_dtg_line(text)
        dtg = parse_dtg_line(text, notes, 6)
        assert dtg is not None
        assert dtg.text == dtg_text
        assert dtg.value == value
        assert dtg.value.tzinfo is not None and dtg.value.utcoffset() is not None
        assert dtg.precedence == precedence
        assert dtg.operating_signals == ops
        assert notes.warnings == []

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("P 322046Z MAR 09", "invalid"),  # Day 32.
            ("P 262046Z XYZ 09", "month"),
            ("P 302046Z FEB 09", "invalid"),  # 30 February.
            ("P 292046Z FEB 09", "invalid"),  # 2009 is no leap year.
            ("P 262446Z MAR 09", "invalid"),  # Hour 24.
            ("P 262060Z MAR 09", "invalid"),  # Minute 60.
            ("P 262046Z MAR", "no year"),
        ],
    )
    def test_invalid_dates(self, text: str, fragment: str) -> None:
        notes = Notes()
        assert parse_dtg_line(text, notes, 6) is None
        assert [(w.field, w.line) for w in notes.warnings] == [("dtg", 6)]
        assert fragment in notes.warnings[0].message

    def test_unknown_prosign_dropped(self) -> None:
        notes = Notes()
        dtg = parse_dtg_line("X 262046Z MAR 09", notes)
        assert dtg is not None and dtg.precedence == []
        assert [w.field for w in notes.warnings] == ["dtg"]

    def test_malformed_line(self) -> None:
        notes = Notes()
        assert is_dtg_line("P 262046Z MAR 09 GARBAGE")
        assert parse_dtg_line("P 262046Z MAR 09 GARBAGE", notes) is None
        assert [w.field for w in notes.warnings] == ["dtg"]

    @pytest.mark.parametrize(
        ("year", "full"),
        [("65", 2065), ("66", 1966), ("00", 2000), ("99", 1999), ("09", 2009), ("1976", 1976)],
    )
    def test_year_pivot(self, year: str, full: int) -> None:
        assert expand_year(year) == full
        value = parse_dtg_text(f"010000Z JAN {year}")
        assert value is not None and value.year == full

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("262046Z MAR 09", datetime(2009, 3, 26, 20, 46, tzinfo=UTC)),
            ("262046ZMAR09", datetime(2009, 3, 26, 20, 46, tzinfo=UTC)),
            (" 262046z mar 09 ", datetime(2009, 3, 26, 20, 46, tzinfo=UTC)),
            ("262046Z MAR 2009", datetime(2009, 3, 26, 20, 46, tzinfo=UTC)),
            ("322046Z MAR 09", None),
            ("262046Z XYZ 09", None),
            ("262046Z MAR", None),
            ("P 262046Z MAR 09", None),
            ("", None),
        ],
    )
    def test_parse_dtg_text(self, text: str, expected: datetime | None) -> None:
        assert parse_dtg_text(text) == expected

    def test_bad_dtg_in_header_is_not_understood(self) -> None:
        header, notes = run("P 262046Z XYZ 09\nFM SECSTATE WASHDC")
        assert header.dtg is None
        assert (header.lines_understood, header.lines_total) == (1, 2)
        assert [(w.field, w.line) for w in notes.warnings] == [("dtg", 1)]


# --------------------------------------------------------------------------- addresses


class TestRecipient:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742",
                Recipient(
                    routing_indicator="RUEHTRO",
                    address="AMEMBASSY TRIPOLI",
                    precedence="PRIORITY",
                    mcn="1742",
                ),
            ),
            (
                "AMEMBASSY MADRID PRIORITY 0000",
                Recipient(address="AMEMBASSY MADRID", precedence="PRIORITY", mcn="0000"),
            ),
            (
                "MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITY",
                Recipient(
                    address="MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE",
                    precedence="PRIORITY",
                    collective=True,
                ),
            ),
            (
                "RUEHC/SECSTATE WASHDC NIACT IMMEDIATE 1234",
                Recipient(
                    routing_indicator="RUEHC",
                    address="SECSTATE WASHDC",
                    precedence="NIACT IMMEDIATE",
                    mcn="1234",
                ),
            ),
            ("SECSTATE WASHDC 4668", Recipient(address="SECSTATE WASHDC", mcn="4668")),
            ("SECSTATE WASHDC", Recipient(address="SECSTATE WASHDC")),
            (
                "RHMFISS/CDR USAFRICOM STUTTGART GE ROUTINE",
                Recipient(
                    routing_indicator="RHMFISS",
                    address="CDR USAFRICOM STUTTGART GE",
                    precedence="ROUTINE",
                ),
            ),
            (
                "RUEHZL/EUROPEAN POLITICAL COLLECTIVE",
                Recipient(
                    routing_indicator="RUEHZL",
                    address="EUROPEAN POLITICAL COLLECTIVE",
                    collective=True,
                ),
            ),
            ("AMEMBASSY PARIS FLASH", Recipient(address="AMEMBASSY PARIS", precedence="FLASH")),
            (
                "USMISSION USUN NEW YORK IMMEDIATE",
                Recipient(address="USMISSION USUN NEW YORK", precedence="IMMEDIATE"),
            ),
            # A slash whose head is no routing indicator stays in the address.
            ("ZEN/AMCONSUL JERUSALEM", Recipient(address="ZEN/AMCONSUL JERUSALEM")),
            (
                "RUEHC/ SECSTATE WASHDC",
                Recipient(routing_indicator="RUEHC", address="SECSTATE WASHDC"),
            ),
        ],
    )
    def test_recipients(self, text: str, expected: Recipient) -> None:
        assert parse_recipient(text) == expected

    @pytest.mark.parametrize(
        "text", ["", "PRIORITY 1234", "1234", "RUEHC/", "Amembassy Madrid", "AMEMBASSY ¶ MADRID"]
    )
    def test_not_recipients(self, text: str) -> None:
        assert parse_recipient(text) is None

    def test_glued_banner_is_reported(self) -> None:
        notes = Notes()
        recipient = parse_recipient("MTCR COLLECTIVE PRIORITYS E C R E T STATE 029395")
        assert recipient is not None
        assert warn_glued_banner(recipient, notes, 9, "info")
        assert [(w.field, w.line) for w in notes.warnings] == [("info", 9)]
        clean = parse_recipient("MTCR COLLECTIVE PRIORITY")
        assert clean is not None
        assert not warn_glued_banner(clean, notes, 9, "info")

    def test_glued_banner_in_header_only_checked_on_last_address(self) -> None:
        header, notes = run(
            "TO AMEMBASSY MADRID PRIORITY 0000\n"
            "INFO MTCR COLLECTIVE PRIORITYS E C R E T STATE 029395"
        )
        assert len(header.info) == 1
        assert [(w.field, w.line) for w in notes.warnings] == [("info", 2)]


class TestWrappedAddresses:
    def test_tail_is_joined(self) -> None:
        previous = parse_recipient("RUEHXX/AMEMBASSY SOME VERY LONG")
        assert previous is not None
        assert is_wrapped_tail(previous, "NAME PRIORITY 0001")
        joined = join_wrapped(previous, "NAME PRIORITY 0001")
        assert joined == Recipient(
            routing_indicator="RUEHXX",
            address="AMEMBASSY SOME VERY LONG NAME",
            precedence="PRIORITY",
            mcn="0001",
        )

    def test_precedence_only_tail(self) -> None:
        previous = parse_recipient("RUEHXX/AMEMBASSY PORT AU")
        assert previous is not None
        joined = join_wrapped(previous, "PRINCE IMMEDIATE")
        assert joined is not None
        assert (joined.address, joined.precedence) == ("AMEMBASSY PORT AU PRINCE", "IMMEDIATE")

    @pytest.mark.parametrize(
        ("previous", "line"),
        [
            ("AMEMBASSY LONDON", "AMEMBASSY PARIS 1234"),  # No RI: 1970s style, never merged.
            ("RUEHXX/AMEMBASSY X PRIORITY", "NAME 0001"),  # Previous line was complete.
            ("RUEHXX/AMEMBASSY X 1234", "NAME PRIORITY"),
            ("RUEHXX/ARAB COLLECTIVE", "NAME PRIORITY"),
            ("RUEHXX/AMEMBASSY X", "RUEHYY/AMEMBASSY Y PRIORITY"),  # Has its own RI.
            ("RUEHXX/AMEMBASSY X", "ZEN/AMCONSUL Y PRIORITY"),
            ("RUEHXX/AMEMBASSY X", "AMEMBASSY Y PRIORITY"),  # Starts an address.
            ("RUEHXX/AMEMBASSY X", "SOME NAME"),  # No precedence or MCN to finish it.
        ],
    )
    def test_not_a_tail(self, previous: str, line: str) -> None:
        recipient = parse_recipient(previous)
        assert recipient is not None
        assert not is_wrapped_tail(recipient, line)

    def test_wrapped_in_header(self) -> None:
        header, notes = run(
            "INFO RUEHAA/AMEMBASSY A PRIORITY 0001\n"
            "RUEHXX/AMEMBASSY SOME VERY LONG\n"
            "NAME PRIORITY 0002\n"
            "RUEHBB/AMEMBASSY B PRIORITY 0003"
        )
        assert [r.address for r in header.info] == [
            "AMEMBASSY A",
            "AMEMBASSY SOME VERY LONG NAME",
            "AMEMBASSY B",
        ]
        assert header.lines_understood == header.lines_total == 4
        assert notes.warnings == []


class TestAddressBlocks:
    def test_seed_addresses(self) -> None:
        header, _ = run(SEED)
        assert header.from_ == Recipient(address="SECSTATE WASHDC")
        assert header.to == [
            Recipient(address="AMEMBASSY MADRID", precedence="PRIORITY", mcn="0000")
        ]
        assert header.info == [
            Recipient(
                address="MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE",
                precedence="PRIORITY",
                collective=True,
            )
        ]

    def test_tripoli_addresses(self) -> None:
        header, _ = run(TRIPOLI)
        assert header.from_ == Recipient(address="AMEMBASSY TRIPOLI")
        assert header.to == [
            Recipient(
                routing_indicator="RUEHC",
                address="SECSTATE WASHDC",
                precedence="IMMEDIATE",
                mcn="5589",
            )
        ]
        assert [r.routing_indicator for r in header.info] == [
            "RUEHTRO",
            "RUEHEG",
            "RHMFISS",
            "RUEKJCS",
            "RHEHNSC",
        ]
        assert header.info[0] == Recipient(
            routing_indicator="RUEHTRO",
            address="AMEMBASSY TRIPOLI",
            precedence="PRIORITY",
            mcn="1742",
        )
        assert header.info[2].mcn is None

    def test_nara_1976(self) -> None:
        header, notes = run(PRETORIA_1976)
        assert header.dtg is not None
        assert header.dtg.value == datetime(1976, 1, 6, 15, 20, tzinfo=UTC)
        assert header.dtg.precedence == ["ROUTINE"]
        assert header.from_ == Recipient(address="AMEMBASSY PRETORIA")
        assert header.to == [Recipient(address="SECSTATE WASHDC", mcn="4668")]
        assert header.info == [
            Recipient(address="AMEMBASSY LONDON"),
            Recipient(address="AMEMBASSY PARIS"),
        ]
        assert header.lines_understood == header.lines_total == 5
        assert notes.warnings == []

    def test_xmt_block(self) -> None:
        header, notes = run(
            "TO ALL NATO CAPITALS COLLECTIVE PRIORITY\n"
            "XMT AMEMBASSY VALLETTA\n"
            "AMEMBASSY NICOSIA\n"
            "INFO AMEMBASSY ROME"
        )
        assert header.to[0].collective
        assert [r.address for r in header.xmt] == ["AMEMBASSY VALLETTA", "AMEMBASSY NICOSIA"]
        assert [r.address for r in header.info] == ["AMEMBASSY ROME"]
        assert notes.warnings == []

    def test_keyword_alone_opens_block(self) -> None:
        header, notes = run("TO\nAMEMBASSY MADRID\nAMEMBASSY ROME")
        assert [r.address for r in header.to] == ["AMEMBASSY MADRID", "AMEMBASSY ROME"]
        assert header.lines_understood == 3
        assert notes.warnings == []

    def test_fm_with_routing_indicator(self) -> None:
        header, _ = run("FM RUEHMD/AMEMBASSY MADRID")
        assert header.from_ == Recipient(routing_indicator="RUEHMD", address="AMEMBASSY MADRID")

    def test_unreadable_fm(self) -> None:
        header, notes = run("FM\nFM secstate")
        assert header.from_ is None
        assert [(w.field, w.line) for w in notes.warnings] == [("from", 1), ("from", 2)]
        assert header.lines_understood == 0

    def test_unreadable_recipient_line_in_block(self) -> None:
        header, notes = run("TO AMEMBASSY MADRID\nsome body text\nAMEMBASSY ROME")
        assert [r.address for r in header.to] == ["AMEMBASSY MADRID", "AMEMBASSY ROME"]
        assert [(w.field, w.line) for w in notes.warnings] == [("header", 2)]
        assert (header.lines_understood, header.lines_total) == (2, 3)

    def test_unreadable_keyword_line(self) -> None:
        header, notes = run("INFO Embassy Madrid")
        assert header.info == []
        assert [(w.field, w.line) for w in notes.warnings] == [("info", 1)]


# --------------------------------------------------------------------------- whole header


class TestParseHeader:
    def test_seed_header(self) -> None:
        header, notes = run(SEED, start=6)
        assert header.transmission_id == "VZCZCXYZ0006"
        assert header.precedence == ["PRIORITY"]
        assert header.routing_indicators == ["RUEHWEB"]
        assert header.de is not None
        assert (header.de.station, header.de.serial, header.de.julian_day, header.de.time) == (
            "RUEHC",
            "9395",
            85,
            "2103",
        )
        assert header.security_line == "ZNY SSSSS ZZH"
        assert header.security_level == "S"
        assert header.dtg is not None
        assert header.dtg.text == "262046Z MAR 09"
        assert header.dtg.value == datetime(2009, 3, 26, 20, 46, tzinfo=UTC)
        assert header.dtg.precedence == ["PRIORITY"]
        assert (header.lines_understood, header.lines_total) == (8, 8)
        assert notes.warnings == []

    def test_seed_file(self) -> None:
        """The seed as stored: header lines 6-14, banner split off the last one."""
        from pathlib import Path

        path = Path("/work/shared/seed/09STATE29395.txt")
        if not path.exists():
            pytest.skip("seed not available")
        raw = path.read_text().splitlines()
        lines = list(enumerate(raw, 1))[5:14]
        number, last = lines[-1]
        lines[-1] = (number, last[: last.index("S E C R E T")])
        notes = Notes()
        header = parse_header(lines, notes)
        assert header.info[0].precedence == "PRIORITY"
        assert header.de is not None and header.de.serial == "9395"
        assert header.lines_understood == header.lines_total == 8
        assert notes.warnings == []

    def test_tripoli_header(self) -> None:
        header, notes = run(TRIPOLI)
        assert header.transmission_id == "VZCZCXRO0379"
        assert header.de is not None and header.de.section == 1
        assert header.dtg is not None and header.dtg.precedence == ["IMMEDIATE", "PRIORITY"]
        assert header.lines_understood == header.lines_total == 13
        assert notes.warnings == []

    def test_empty(self) -> None:
        header, notes = run("")
        assert header == Header()
        assert notes.warnings == []

    def test_blank_lines_are_not_counted(self) -> None:
        header, _ = run("\n   \nBT\n\t\n")
        assert (header.lines_understood, header.lines_total) == (1, 1)

    def test_unknown_line_names_its_number(self) -> None:
        header, notes = run("VZCZCXYZ0006\nHELLO WORLD 12\nBT", start=20)
        assert [(w.field, w.line) for w in notes.warnings] == [("header", 21)]
        assert "HELLO WORLD" in notes.warnings[0].message
        assert (header.lines_understood, header.lines_total) == (2, 3)

    def test_old_cable_lines(self) -> None:
        header, notes = run(
            "PAGE 01 PRETOR 04668 061621Z\n"
            "ACTION AF-08\n"
            "\n"
            "INFO  OCT-01 ISO-00 EUR-12 CIAE-00 DODE-00 PM-04\n"
            "      H-02 INR-07 L-03 NSAE-00 /038 W\n"
            "------------------061728Z 034567 /43\n"
            "R 061520Z JAN 76\n"
            "FM AMEMBASSY PRETORIA\n"
            "TO SECSTATE WASHDC 4668\n"
            "INFO AMEMBASSY LONDON\n"
            "BT\n"
            "ZFF4\n"
            "ZEX\n"
            "NNNN"
        )
        assert header.info == [Recipient(address="AMEMBASSY LONDON")]
        assert header.to == [Recipient(address="SECSTATE WASHDC", mcn="4668")]
        assert header.lines_understood == header.lines_total == 13
        assert notes.warnings == []

    def test_bt_closes_a_block(self) -> None:
        header, notes = run("TO AMEMBASSY MADRID\nBT\nAMEMBASSY ROME")
        assert [r.address for r in header.to] == ["AMEMBASSY MADRID"]
        assert [(w.field, w.line) for w in notes.warnings] == [("header", 3)]

    def test_duplicates_keep_first(self) -> None:
        header, notes = run(
            "DE RUEHC #9395 0852103\nDE RUEHC #9396 0852104\n"
            "P 262046Z MAR 09\nO 272046Z MAR 09\n"
            "FM SECSTATE WASHDC\nFM AMEMBASSY MADRID\n"
            "ZNY SSSSS ZZH\nZNY CCCCC ZZH\n"
            "VZCZCXYZ0006\nVZCZCXYZ0007"
        )
        assert header.de is not None and header.de.serial == "9395"
        assert header.dtg is not None and header.dtg.text == "262046Z MAR 09"
        assert header.from_ is not None and header.from_.address == "SECSTATE WASHDC"
        assert header.security_level == "S"
        assert header.transmission_id == "VZCZCXYZ0006"
        assert sorted(w.field for w in notes.warnings) == [
            "de",
            "dtg",
            "from",
            "security_line",
            "transmission_id",
        ]
        assert header.lines_understood == header.lines_total == 10

    def test_dual_precedence_and_signal_in_header(self) -> None:
        header, _ = run("RR RUEHC\nDE RUEHXX #0001 0011200\nZNR UUUUU ZZH\nO P 180800Z MAR 08 ZDS")
        assert header.precedence == ["ROUTINE"]
        assert header.dtg is not None
        assert header.dtg.precedence == ["IMMEDIATE", "PRIORITY"]
        assert header.dtg.operating_signals == ["ZDS"]
        assert header.security_level == "U"

    def test_acp127_flash_example(self) -> None:
        header, notes = run("VZCZCFGA242 UU\nZZ RFBA\nDE RXDB 2151230\nZNR UUUUU")
        assert header.precedence == ["FLASH"]
        assert header.routing_indicators == ["RFBA"]
        assert header.transmission_id == "VZCZCFGA242"
        # The ACP-127 example's DE line has no station serial, which DeLine requires.
        assert header.de is None
        assert [(w.field, w.line) for w in notes.warnings] == [("de", 3)]
        assert (header.lines_understood, header.lines_total) == (3, 4)

    def test_lines_understood_never_exceeds_total(self) -> None:
        header, _ = run(TRIPOLI + "\nGARBAGE ¶\nBT")
        assert header.lines_understood == header.lines_total - 1


# --------------------------------------------------------------------------- properties

_header_like = st.sampled_from(
    [
        "VZCZCXYZ0006",
        "PP RUEHWEB",
        "DE RUEHC #9395 0852103",
        "ZNY SSSSS ZZH",
        "P 262046Z MAR 09",
        "FM SECSTATE WASHDC",
        "TO AMEMBASSY MADRID PRIORITY 0000",
        "INFO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742",
        "XMT AMEMBASSY VALLETTA",
        "INFO LOG-00 EEB-00",
        "BT",
        "RUEHROV RUEHTRO",
        "NAME PRIORITY 0001",
    ]
)
_line_text = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /#-", max_size=60),
    _header_like,
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=-5, max_value=10_000), _line_text), max_size=30))
def test_parse_header_never_raises(lines: list[tuple[int, str]]) -> None:
    notes = Notes()
    header = parse_header(lines, notes)
    assert 0 <= header.lines_understood <= header.lines_total <= len(lines)
    for warning in notes.warnings:
        assert warning.field
        assert warning.message
    if header.dtg is not None:
        assert header.dtg.value.utcoffset() is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_line_text, _header_like), max_size=25))
def test_every_line_not_understood_is_reported(texts: list[str]) -> None:
    notes = Notes()
    header = parse_header(list(enumerate(texts, 1)), notes)
    reported = {w.line for w in notes.warnings}
    assert header.lines_total == sum(1 for t in texts if t.strip())
    assert len(reported) >= header.lines_total - header.lines_understood


@settings(max_examples=200, deadline=None)
@given(st.lists(_header_like, min_size=1, max_size=20))
def test_well_formed_lines_never_raise_generic_warnings(texts: list[str]) -> None:
    """Any order of well-formed header lines: each line is read by some module."""
    notes = Notes()
    header = parse_header(list(enumerate(texts, 1)), notes)
    generic = {w.line for w in notes.warnings if w.field == "header"}
    # Only a wrapped-address tail or routing continuation out of its context
    # may go unclaimed.
    for number in generic:
        assert texts[number - 1] in ("RUEHROV RUEHTRO", "NAME PRIORITY 0001")
    assert header.lines_total == len(texts)


class TestWrappedPrecedenceAndMcn:
    """An address wrapped at the margin leaves its precedence and/or MCN on the next line."""

    def test_mcn_alone_completes_the_recipient_before(self) -> None:
        header, notes = run("TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY\n1742")
        assert header.to == [
            Recipient(
                routing_indicator="RUEHTRO",
                address="AMEMBASSY TRIPOLI",
                precedence="PRIORITY",
                mcn="1742",
            )
        ]
        assert notes.warnings == []
        assert (header.lines_understood, header.lines_total) == (2, 2)

    def test_precedence_and_mcn_complete_a_recipient_without_routing_indicator(self) -> None:
        header, notes = run("INFO AMEMBASSY LONDON\nNIACT IMMEDIATE 0001")
        assert header.info == [
            Recipient(address="AMEMBASSY LONDON", precedence="NIACT IMMEDIATE", mcn="0001")
        ]
        assert notes.warnings == []

    def test_a_finished_recipient_does_not_take_a_second_mcn(self) -> None:
        header, notes = run("TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742\n1743")
        assert header.to[0].mcn == "1742"
        assert len(header.to) == 1
        assert [w.field for w in notes.warnings] == ["header"]

    def test_a_precedence_never_follows_an_mcn(self) -> None:
        header, notes = run("TO AMEMBASSY MADRID 0001\nPRIORITY")
        assert header.to[0].precedence is None
        assert [w.field for w in notes.warnings] == ["header"]
