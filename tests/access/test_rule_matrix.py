"""The releasability rule, cell by cell: clearance x nationality x marking."""

from __future__ import annotations

import pytest

from interdict.access.banner import Banner
from interdict.access.readers import OPERATOR, Reader
from interdict.access.rule import may_read
from interdict.model.markings import Level, parse_marking

CLEARANCES = ("U", "C", "S", "TS")
COUNTRIES = {"originator national": "US", "REL country": "ES", "other country": "GB"}
# marking as written -> (lowest clearance that may read it, countries that may read it)
MARKINGS = {
    "U": ("U", {"US", "ES", "GB"}),
    "C": ("C", {"US"}),
    "S": ("S", {"US"}),
    "S//NF": ("S", {"US"}),
    "S//REL ESP": ("S", {"US", "ES"}),
    "SECRET REL SPAIN": ("S", {"US", "ES"}),
    "S//REL TO USA, GBR": ("S", {"US", "GB"}),
}


def _reader(clearance: str, country: str) -> Reader:
    return Reader(f"{country}-{clearance}", Level(clearance), country, frozenset({"analyst"}))


@pytest.mark.parametrize("clearance", CLEARANCES)
@pytest.mark.parametrize("who", COUNTRIES)
@pytest.mark.parametrize("written", MARKINGS)
def test_every_cell_follows_the_rule(clearance: str, who: str, written: str) -> None:
    country = COUNTRIES[who]
    lowest, countries = MARKINGS[written]
    expected = Level(clearance).rank >= Level(lowest).rank and country in countries
    verdict = may_read(_reader(clearance, country), parse_marking(written), "US")
    assert verdict.visible is expected, verdict.reason


@pytest.mark.parametrize("written", ["SBU", "LIMITED OFFICIAL USE", "U//FOUO"])
def test_sbu_and_lou_are_for_every_user(written: str) -> None:
    assert may_read(_reader("U", "GB"), parse_marking(written), "US").visible


@pytest.mark.parametrize("written", ["S//ORCON", "C//NOFORN", "SBU//NOFORN", "S//REL SPAIN//ORCON"])
def test_dissemination_controls_keep_a_portion_to_the_originators_nationals(written: str) -> None:
    assert not may_read(_reader("TS", "ES"), parse_marking(written), "US").visible
    assert may_read(_reader("TS", "US"), parse_marking(written), "US").visible


@pytest.mark.parametrize(
    ("written", "country", "visible"),
    [
        ("C/REL UAE", "AE", True),
        ("S//REL TO USA, GBR, AUS", "AU", True),
        ("SECRET REL TO USA, ESP", "ES", True),
        ("S//REL TO US, UK", "GB", True),
        ("S//REL TO UNITED KINGDOM", "GB", True),
        ("S//REL TO USA, GBR, AUS", "CA", False),
    ],
)
def test_release_lists_in_every_form(written: str, country: str, visible: bool) -> None:
    assert may_read(_reader("TS", country), parse_marking(written), "US").visible is visible


def test_an_unreadable_release_list_is_not_releasable_and_warns() -> None:
    verdict = may_read(_reader("TS", "ES"), parse_marking("S//REL TO USA, ESP, NATO"), "US")
    assert not verdict.visible
    assert verdict.warning is not None and "NATO" in verdict.warning
    assert may_read(_reader("TS", "US"), parse_marking("S//REL TO USA, NATO"), "US").visible


def test_the_local_operator_sees_everything() -> None:
    assert may_read(OPERATOR, parse_marking("TS//NF"), "US").visible


def test_an_unmarked_field_without_an_overall_marking_is_not_releasable() -> None:
    assert not may_read(_reader("TS", "US"), None, "US").visible


@pytest.mark.parametrize(
    ("shown", "banner"),
    [
        ([], "UNCLASSIFIED"),
        (["U", "SBU"], "UNCLASSIFIED//SBU"),
        (["U", "SECRET REL SPAIN"], "SECRET//REL TO USA, ESP"),
        (["S//REL TO USA, GBR, ESP", "C//REL TO USA, ESP"], "SECRET//REL TO USA, ESP"),
        (["S//REL ESP", "C"], "SECRET"),
        (["C//REL ESP", "S//NF"], "SECRET//NOFORN"),
        (["TS//REL TO USA, GBR", "S//REL TO USA, ESP"], "TOP SECRET"),
    ],
)
def test_the_banner_is_the_highest_level_and_the_shared_release(
    shown: list[str], banner: str
) -> None:
    built = Banner("US")
    for written in shown:
        built.add(parse_marking(written))
    assert built.text() == banner
