"""Page-break headers and repeated section banners are cut out, and the text rejoined."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.structure import Cleaned, strip_furniture
from interdict.cables.body.text import flow


def clean(text: str, station: str | None = "STATE") -> Cleaned:
    return strip_furniture(text, station)


# --------------------------------------------------------------------------- page headers


@pytest.mark.parametrize("station", ["STATE", None])
def test_page_header_mid_sentence_on_one_line(station: str | None) -> None:
    result = clean("the meeting was held STATE 00000284  002 OF 002 in the afternoon", station)
    assert result.text == "the meeting was held in the afternoon"
    assert (result.page_headers, result.section_banners) == (1, 0)


@pytest.mark.parametrize("station", ["TRIPOLI", None])
def test_page_header_on_its_own_line_inside_a_wrapped_paragraph(station: str | None) -> None:
    # The TRIPOLI form: no blank lines around the header. Removing it must not
    # leave a blank line, which flow() would read as a paragraph break.
    text = (
        "that the ministry would ask customs to share them with the \n"
        "TRIPOLI 00000402  002 OF 002 \n"
        "licensing office before the end of June. \n"
    )
    result = clean(text, station)
    assert result.page_headers == 1
    assert "TRIPOLI" not in result.text
    assert flow(result.text) == (
        "that the ministry would ask customs to share them with the "
        "licensing office before the end of June."
    )


def test_sub_page_number() -> None:
    result = clean(
        "SUBJECT: LIBYA\n \nTRIPOLI 00000402  001.2 OF 003 \n \n \nClassified By: x", "TRIPOLI"
    )
    assert result.page_headers == 1
    # The break falls between two fields: the blank line is kept.
    assert result.text == "SUBJECT: LIBYA\n\nClassified By: x"


def test_page_header_between_blank_lines_mid_sentence_is_joined() -> None:
    text = "talks with the\n \nSTATE 00000284  002 OF 002 \n \n \nMinistry continued."
    assert flow(clean(text).text) == "talks with the Ministry continued."


def test_page_header_between_paragraphs_keeps_the_break() -> None:
    text = "1. (C) First.\n \nSTATE 00000284  002 OF 002 \n \n \n2. (C) Second."
    assert flow(clean(text).text) == "1. (C) First.\n\n2. (C) Second."


def test_page_header_at_start_and_end() -> None:
    assert clean("STATE 00000284  001.2 OF 002\n\nfoo").text == "foo"
    assert clean("foo\nSTATE 00000284  002 OF 002").text == "foo\n"
    assert clean("foo\n\nSTATE 00000284  002 OF 002\n\n").text == "foo\n"


@pytest.mark.parametrize("station", ["ROME", "STATE", None])
def test_nara_page_header(station: str | None) -> None:
    result = clean("line one\nPAGE 02 ROME 01196 01 OF 02 082030Z\nline two", station)
    assert result.text == "line one\nline two"
    assert result.page_headers == 1


def test_nara_page_header_of_a_single_section_telegram() -> None:
    text = "PLENARY.\n \nBROWN \n \nPAGE 03 MADRID 00010 030104Z \n \n \n \nNNNN"
    result = clean(text, "MADRID")
    assert result.page_headers == 1
    assert flow(result.text) == "PLENARY.\n\nBROWN\n\nNNNN"


def test_nara_page_break_with_classification_lines() -> None:
    text = (
        "2. THE SECRETARY SAID THAT ANY FUTURE\n\nCONFIDENTIAL\n\n"
        "PAGE 02  PRETOR 04668  01 OF 02  061602Z\n"
        "COOPERATION WOULD BE DISCUSSED WITH WASHINGTON FIRST.\n\n"
        "CONFIDENTIAL\n\n"
        "PAGE 01  PRETOR 04668  02 OF 02  061602Z\n"
        "C O N F I D E N T I A L SECTION 02 OF 02 PRETORIA 04668\n\n"
        "3. EMBASSY WILL REPORT FURTHER.\n"
    )
    result = clean(text, "PRETORIA")
    assert (result.page_headers, result.section_banners) == (2, 1)
    assert "CONFIDENTIAL" not in result.text
    assert flow(result.text) == (
        "2. THE SECRETARY SAID THAT ANY FUTURE COOPERATION WOULD BE DISCUSSED WITH "
        "WASHINGTON FIRST.\n\n3. EMBASSY WILL REPORT FURTHER."
    )


def test_one_classification_line_on_each_side_at_most() -> None:
    text = "x\n\nSECRET\n\nSTATE 00000284  002 OF 002\n\nSECRET\n\nSECRET\ny"
    assert clean(text).text == "x\nSECRET\ny"


def test_a_lone_classification_line_without_a_page_header_stays() -> None:
    assert clean("a\nCONFIDENTIAL\nb").text == "a\nCONFIDENTIAL\nb"


@pytest.mark.parametrize(
    ("text", "station", "expected"),
    [
        ("the end of para.\nSAO PAULO 00000335  002 OF 003\nmore text", "SAO PAULO", None),
        ("the end of para.\nSAO PAULO 00000335  002 OF 003\nmore text", None, None),
        ("met in SAO PAULO 00000335  002 OF 003 on Monday", "SAO PAULO", "met in on Monday"),
        ("met in SAO PAULO 00000335  002 OF 003 on Monday", None, "met in on Monday"),
        ("at THE HAGUE 00001234  002 OF 002 today", "THE HAGUE", "at today"),
    ],
)
def test_stations_with_spaces(text: str, station: str | None, expected: str | None) -> None:
    result = clean(text, station)
    assert result.page_headers == 1
    assert result.text == (expected or "the end of para.\nmore text")


def test_unknown_station_in_all_capitals_prose_takes_one_word() -> None:
    # Without the banner's station only the word before the serial can be
    # trusted to be the station: the sentence around it is kept.
    result = clean("THE MINISTER SAID THAT ROME 00001196  002 OF 002 WOULD AGREE", None)
    assert result.text == "THE MINISTER SAID THAT WOULD AGREE"


def test_known_station_is_cut_exactly() -> None:
    result = clean("THE MINISTER SAID THAT ROME 00001196  002 OF 002 WOULD AGREE", "ROME")
    assert result.text == "THE MINISTER SAID THAT WOULD AGREE"


def test_several_page_headers_are_all_counted() -> None:
    text = "a\nSTATE 00000284  002 OF 003\nb\nSTATE 00000284  003 OF 003\nc"
    result = clean(text)
    assert (result.text, result.page_headers) == ("a\nb\nc", 2)


# --------------------------------------------------------------------------- section banners


@pytest.mark.parametrize(
    "banner",
    [
        "C O N F I D E N T I A L SECTION 02 OF 02 STATE 000284",
        "CONFIDENTIAL SECTION 02 OF 02 STATE 000284",
        "UNCLAS SECTION 02 OF 03 SAO PAULO 000335",
        "S E C R E T SECTION 02 OF 02 STATE 000284 NOFORN SIPDIS",
    ],
)
def test_repeated_section_banner(banner: str) -> None:
    result = clean(f"text\n{banner}\nmore")
    assert result.text == "text\nmore"
    assert (result.section_banners, result.page_headers) == (1, 0)


def test_caveats_and_captions_of_removed_section_banners_are_kept() -> None:
    text = (
        "a\n\nUNCLAS SECTION 02 OF 07 ANKARA 000092 SENSITIVE SIPDIS\n\nb\n\n"
        "UNCLAS SECTION 03 OF 07 ANKARA 000092 SENSITIVE NOFORN\n\nc"
    )
    result = clean(text, "ANKARA")
    assert result.section_banners == 2
    assert result.caveats == ["SENSITIVE", "NOFORN"]
    assert result.captions == ["SIPDIS"]
    assert "SENSITIVE" not in result.text


def test_section_banner_between_paragraphs() -> None:
    text = (
        "2. (C) Poloff delivered points.\n \n"
        "C O N F I D E N T I A L SECTION 02 OF 02 TRIPOLI 000402 \n \n"
        "3. (C/REL LIBYA) Post left a non-paper."
    )
    result = clean(text, "TRIPOLI")
    assert result.section_banners == 1
    assert (
        flow(result.text)
        == "2. (C) Poloff delivered points.\n\n3. (C/REL LIBYA) Post left a non-paper."
    )


def test_section_banner_inside_a_line() -> None:
    result = clean("the talks CONFIDENTIAL SECTION 02 OF 02 STATE 000284 continued")
    assert result.section_banners == 1
    assert result.text == "the talks  continued"


def test_banner_without_section_is_kept() -> None:
    text = "text\nS E C R E T STATE 000284\nmore"
    assert clean(text).text == text


# --------------------------------------------------------------------------- not furniture


@pytest.mark.parametrize(
    "text",
    [
        "Embassy Madrid received STATE 12345 and MADRID 000088 yesterday.",
        "The Embassy saw STATE 00000284 last week.",
        "We note 12345678 001 OF 002 items.",
        "REF: A. MADRID 000088 B. 08 MADRID 000979",
        "See paragraph 2 of section 1 of 2.",
        "The SECTION 1 OF 2 text",
        "PAGE 2 OF THE REPORT",
        "2 OF 002 and 00000284 002 OF",
    ],
)
def test_prose_mentioning_posts_and_numbers_is_kept(text: str) -> None:
    for station in ("STATE", "MADRID", None):
        result = clean(text, station)
        assert result.text == text
        assert (result.page_headers, result.section_banners) == (0, 0)


# --------------------------------------------------------------------------- properties

_TOKENS = st.sampled_from(
    [
        "STATE",
        "SAO PAULO",
        "00000284",
        "002",
        "001.2",
        "OF",
        "003",
        "PAGE",
        "02",
        "ROME",
        "01196",
        "082030Z",
        "C O N F I D E N T I A L",
        "SECRET",
        "SECTION",
        "01",
        "000284",
        "CONFIDENTIAL",
        "text",
        "the",
        "NOFORN",
        ".",
    ]
)
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n \n", "\n\n\n", ""])
_CABLEISH = st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=40).map(
    lambda parts: "".join(token + sep for token, sep in parts)
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(max_size=300), _CABLEISH),
    st.sampled_from([None, "STATE", "SAO PAULO", "ROME"]),
)
def test_never_raises_and_only_removes(text: str, station: str | None) -> None:
    result = strip_furniture(text, station)
    assert len(result.text) <= len(text)
    assert result.page_headers >= 0
    assert result.section_banners >= 0
    if result.page_headers == result.section_banners == 0:
        assert result.text == text
    # What is left is a subsequence of the input: nothing is invented.
    remaining = iter(text)
    assert all(char in remaining for char in result.text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="OFPAGESCTIN"), max_size=200))
def test_text_without_markers_is_untouched(text: str) -> None:
    assert strip_furniture(text, "STATE") == Cleaned(text=text, page_headers=0, section_banners=0)
