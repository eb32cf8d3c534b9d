"""Cutting a telegram into its header and body, with the banner as the boundary."""

from __future__ import annotations

from importlib.resources import files

from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.split import split_container, split_telegram

HEADER = (
    "VZCZCXYZ0006\n"
    "PP RUEHWEB\n"
    "\n"
    "DE RUEHC #9395 0852103\n"
    "ZNY SSSSS ZZH\n"
    "P 262046Z MAR 09\n"
    "FM SECSTATE WASHDC\n"
    "TO AMEMBASSY MADRID PRIORITY 0000\n"
)


def seed_telegram() -> str:
    text = (files("interdict.data") / "cables" / "09STATE29395.txt").read_text(encoding="utf-8")
    return text.split("\n", 5)[5]  # the five-line record preamble is the source's business


def test_seed_telegram() -> None:
    telegram = seed_telegram()
    split = split_telegram(telegram, first_line=6)
    assert split.header[0] == (6, "VZCZCXYZ0006")
    assert split.header[-1] == (
        14,
        "INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITY",
    )
    assert [number for number, _ in split.header] == list(range(6, 15))
    assert split.body.startswith("S E C R E T STATE 029395\n\nSIPDIS\n")
    assert split.body.endswith("CLINTON")
    # The banner sat on line 14, glued to PRIORITY: the body's first line is 14.
    assert split.body_first_line == 14
    assert (
        "".join(line + "\n" for _, line in split.header[:-1]) + split.header[-1][1] + (split.body)
        == telegram
    )


def test_headerless_partial_extract() -> None:
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284\n\nSIPDIS\n\n"
        "E.O. 12958: DECL: 01/04/2020\n\n1.(U) This is an action request.\nCLINTON\n"
    )
    split = split_telegram(text, first_line=3)
    assert split.header == []
    assert split.body == text
    assert split.body_first_line == 3


def test_headerless_extract_without_banner() -> None:
    text = "E.O. 12958: N/A\nTAGS: ETTC\n\n1. (U) Text.\n"
    assert split_telegram(text).header == []


def test_header_with_banner_on_its_own_line() -> None:
    text = HEADER + "S E C R E T STATE 029395\n\n1. (S) Text.\nCLINTON"
    split = split_telegram(text)
    assert split.header[-1] == (8, "TO AMEMBASSY MADRID PRIORITY 0000")
    assert split.body.startswith("S E C R E T STATE 029395")
    assert split.body_first_line == 9


def test_header_without_banner_ends_at_the_blank_line() -> None:
    text = HEADER + "\nSIPDIS\n\nE.O. 12958: DECL: 03/26/2034\n\n1. (U) Text here.\nCLINTON"
    split = split_telegram(text)
    assert split.header[-1] == (8, "TO AMEMBASSY MADRID PRIORITY 0000")
    assert split.body == "\nSIPDIS\n\nE.O. 12958: DECL: 03/26/2034\n\n1. (U) Text here.\nCLINTON"
    assert split.body_first_line == 9


def test_header_without_banner_ends_at_the_first_body_line() -> None:
    text = HEADER + "E.O. 12958: DECL: 03/26/2034\n1. (U) Text here.\nCLINTON"
    split = split_telegram(text)
    assert split.header[-1] == (8, "TO AMEMBASSY MADRID PRIORITY 0000")
    assert split.body.startswith("E.O. 12958")
    assert split.body_first_line == 9


def test_blank_line_inside_the_header_does_not_end_it() -> None:
    # The seed has a blank line after the routing line; DE follows, so it is header.
    split = split_telegram(HEADER + "\n1. (U) Text.")
    assert [line for _, line in split.header][3] == "DE RUEHC #9395 0852103"


def test_empty_telegram() -> None:
    for text in ("", "\n\n\n"):
        split = split_telegram(text, first_line=4)
        assert (split.header, split.body, split.body_first_line) == ([], text, 4)


def test_container_with_banner_glued_into_the_header() -> None:
    header = HEADER.rstrip("\n") + "\nINFO X COLLECTIVE PRIORITYS E C R E T STATE 029395"
    split = split_container(header, "\nSIPDIS\n\n1. (U) x", first_line=2)
    assert split.header[-1] == (10, "INFO X COLLECTIVE PRIORITY")
    assert split.body == "S E C R E T STATE 029395\n\nSIPDIS\n\n1. (U) x"


def test_container_with_banner_in_the_body() -> None:
    split = split_container(HEADER, "S E C R E T STATE 029395\n\n1. (U) x", first_line=2)
    assert split.header[0] == (2, "VZCZCXYZ0006")
    assert split.header[-1] == (9, "TO AMEMBASSY MADRID PRIORITY 0000")
    assert split.body == "S E C R E T STATE 029395\n\n1. (U) x"


def test_container_with_empty_header() -> None:
    split = split_container("", "UNCLAS MADRID 000200\n\n1. (U) x", first_line=2)
    assert split.header == []
    assert split.body == "UNCLAS MADRID 000200\n\n1. (U) x"


_LINES = st.sampled_from(
    [
        "VZCZCXYZ0006",
        "PP RUEHWEB",
        "DE RUEHC #9395 0852103",
        "ZNY SSSSS ZZH",
        "P 262046Z MAR 09",
        "FM SECSTATE WASHDC",
        "TO AMEMBASSY MADRID PRIORITY 0000",
        "INFO X COLLECTIVE PRIORITYS E C R E T STATE 029395",
        "S E C R E T STATE 029395",
        "UNCLAS MADRID 000200",
        "SIPDIS",
        "E.O. 12958: N/A",
        "1. (U) Text.",
        "",
        "CLINTON",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=200), st.lists(_LINES, max_size=20).map("\n".join)),
    st.integers(min_value=1, max_value=50),
)
def test_split_telegram_never_raises_and_loses_nothing(text: str, first_line: int) -> None:
    split = split_telegram(text, first_line)
    assert text.endswith(split.body)
    numbers = [number for number, _ in split.header]
    assert numbers == list(range(first_line, first_line + len(numbers)))
    head = text[: len(text) - len(split.body)]
    for _, line in split.header:
        assert line in head
    if split.body:
        assert split.body_first_line == first_line + head.count("\n")


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.text(max_size=120), st.lists(_LINES, max_size=10).map("\n".join)),
    st.one_of(st.text(max_size=120), st.lists(_LINES, max_size=10).map("\n".join)),
)
def test_split_container_never_raises_and_loses_nothing(header: str, body: str) -> None:
    split = split_container(header, body)
    assert split.body.endswith(body)
    kept = "\n".join(line for _, line in split.header)
    assert (header.rstrip("\n") if header.strip() else "").startswith(kept)


def test_caption_under_the_addresses_starts_the_body_when_there_is_no_banner() -> None:
    telegram = (
        "VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHC #0001 0010101\nZNY CCCCC ZZH\n"
        "P 010101Z JAN 09\nFM SECSTATE WASHDC\nTO AMEMBASSY MADRID PRIORITY 0001\n"
        "SIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL\n\n1. (C) Text.\n"
    )
    split = split_telegram(telegram)
    assert split.header[-1] == (7, "TO AMEMBASSY MADRID PRIORITY 0001")
    assert split.body.startswith("SIPDIS\n")
    assert split.body_first_line == 8
