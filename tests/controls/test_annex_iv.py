"""Annex IV of Regulation 2021/821, read from the classification: EU001 decided without asking."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from control_items import FS1, decide, part
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from interdict.cli import app
from interdict.controls.catalogue import bundled, load
from interdict.controls.entries import ControlListError
from interdict.controls.item_lists import ItemList, ListedRow

runner = CliRunner()
DATA = Path(__file__).resolve().parents[2] / "interdict" / "data" / "controls"


def nozzle(**params: Any) -> dict[str, Any]:
    """A 9A106.c thrust vector control sub-system; Annex IV keeps it for 500 kg / 300 km rockets."""
    return part("thrust_vector_control_subsystem", usable_in_missiles=True, **params)


def guidance(**params: Any) -> dict[str, Any]:
    return part("guidance_set", usable_in_missiles=True, guidance_accuracy="1 percent", **params)


def annex_iv(det: Any) -> Any:
    (found,) = [d for d in det.derived if d.item_list.parameter == "listed_in_annex_iv"]
    return found


@pytest.mark.parametrize("destination", ["US", "JP"])
def test_the_fs1_goes_to_eu001_destinations_under_eu001(destination: str) -> None:
    det = decide(FS1, destination, "EU")
    assert (det.outcome, det.authorisation, det.decided) == ("general_authorisation", "EU001", True)
    read = annex_iv(det)
    assert (read.value, read.stated, read.applied) == (False, None, False)
    assert read.because == (
        "2B201 is not in Annex IV of Regulation 2021/821",
        "looked up: the entries the item is classified under",
    )
    because = det.decisive[0].because
    assert any("listed_in_annex_iv is false (read from Annex IV" in b for b in because)


@pytest.mark.parametrize("destination", ["US", "JP"])
def test_an_annex_iv_entry_to_the_same_destinations_needs_a_licence(destination: str) -> None:
    det = decide(nozzle(system_payload="1000 kg", system_range="2000 km"), destination, "EU")
    assert (det.outcome, det.authorisation, det.decided) == ("licence_required", None, True)
    read = annex_iv(det)
    assert read.value is True
    assert read.because == (
        "9A106.c is in Annex IV, Part I, Items of the MTCR technology, which lists only "
        "sub-systems other than those designed for rocket systems unable to deliver 500 kg to "
        "300 km (system_payload >= 500 kg, system_range >= 300 km)",
    )


def test_a_cut_down_row_decided_by_the_items_figures() -> None:
    small = decide(nozzle(system_payload="100 kg", system_range="2000 km"), "US", "EU")
    assert (small.outcome, small.authorisation) == ("general_authorisation", "EU001")
    assert "is outside Annex IV" in annex_iv(small).because[0]
    # At exactly 500 kg and 300 km the row holds ("at least").
    edge = decide(nozzle(system_payload="500 kg", system_range="300 km"), "US", "EU")
    assert edge.outcome == "licence_required"
    below = decide(nozzle(system_payload="499.9 kg", system_range="300 km"), "US", "EU")
    assert below.authorisation == "EU001"


def test_an_open_row_asks_for_the_figures_that_settle_it() -> None:
    det = decide(nozzle(), "US", "EU")
    assert (det.outcome, det.decided, det.otherwise_authorisation) == (
        "licence_required",
        False,
        "EU001",
    )
    assert set(det.depends_on) == {"system_payload", "system_range"}
    assert annex_iv(det).value is None
    assert any(c.startswith("Annex IV of Regulation 2021/821: 9A106.c:") for c in det.caveats)


def test_a_row_no_parameter_decides_is_asked_as_annex_iv_itself() -> None:
    """The apogee-engine exception of 9A105.a has no item parameters to test."""
    engine = part("liquid_rocket_engine", usable_in_missiles=True, total_impulse_capacity="2 MN*s")
    det = decide(engine, "JP", "EU")
    assert (det.outcome, det.decided) == ("licence_required", False)
    assert "listed_in_annex_iv" in det.depends_on
    assert any("apogee engines" in c for c in det.caveats)


def test_7a117_leaves_out_guidance_for_short_range_missiles_and_manned_aircraft() -> None:
    listed = decide(
        guidance(system_range="1000 km", designed_for_manned_aircraft=False), "NO", "EU"
    )
    assert annex_iv(listed).value is True and listed.outcome == "licence_required"
    for params in (
        {"system_range": "1000 km", "designed_for_manned_aircraft": True},
        {"system_range": "299 km", "designed_for_manned_aircraft": False},
    ):
        det = decide(guidance(**params), "NO", "EU")
        assert annex_iv(det).value is False
        assert det.authorisation == "EU001"


@settings(max_examples=20, deadline=None)
@given(stated=st.booleans(), payload=st.sampled_from(["100 kg", "1000 kg"]))
def test_the_items_own_statement_always_wins(stated: bool, payload: str) -> None:
    det = decide(
        nozzle(system_payload=payload, system_range="2000 km", listed_in_annex_iv=stated),
        "US",
        "EU",
    )
    read = annex_iv(det)
    assert read.applied is stated
    assert (det.authorisation == "EU001") is (not stated)
    disagrees = read.value != stated
    assert read.disputed is disagrees
    assert any("the statement is applied" in b for b in read.because) is disagrees
    # a statement against the list is said where it decides, and in the caveats
    cited = [b for f in det.decisive for b in f.because if b.startswith("listed_in_annex_iv")]
    assert all("stated by the item" in b for b in cited)
    assert bool(cited) is (not stated)  # EU001 tests it; no licence rule does
    assert any("against the list's" in c for c in det.caveats) is disagrees


def test_a_transfer_within_the_union_of_an_annex_iv_item_needs_an_authorisation() -> None:
    heavy = decide(nozzle(system_payload="1000 kg", system_range="2000 km"), "DE", "EU")
    assert (heavy.outcome, heavy.decided) == ("licence_required", True)
    assert [f.rule.id for f in heavy.decisive] == ["eu-annex-iv-transfer"]
    assert "Art. 11(1)" in [b.provision for b in heavy.decisive[0].rule.legal_basis]
    light = decide(nozzle(system_payload="100 kg", system_range="2000 km"), "DE", "EU")
    assert light.outcome == "no_licence_required"
    assert decide(FS1, "DE", "EU").outcome == "no_licence_required"  # 2B201: not in Annex IV
    unknown = decide(nozzle(), "DE", "EU")
    assert (unknown.outcome, unknown.decided, unknown.otherwise) == (
        "licence_required",
        False,
        "no_licence_required",
    )


def test_the_annex_is_mentioned_only_where_it_matters() -> None:
    assert not any("Annex IV" in c for c in decide(FS1, "CN", "EU").caveats)
    assert not any("Annex IV of Regulation" in c for c in decide(nozzle(), "CN", "EU").caveats)


def test_the_output_cites_the_lookup_and_its_source() -> None:
    out = json.loads(
        runner.invoke(
            app,
            [
                "determine",
                "--item",
                str(FS1),
                "--destination",
                "JP",
                "--jurisdiction",
                "EU",
                "--json",
            ],
        ).output
    )
    (derived,) = out["determinations"][0]["derived"]
    assert derived["parameter"] == "listed_in_annex_iv"
    assert derived["applied"] is False
    assert "Delegated Regulation (EU) 2022/1" in derived["instrument"]
    assert any("32022R0001" in s["url"] for s in derived["sources"])


def row(entry: str, scope: str = "whole", only: str | None = None) -> ListedRow:
    return ListedRow(entry=entry, part="II", heading="h", scope=scope, only=only)  # type: ignore[arg-type]


def test_the_most_specific_row_decides() -> None:
    """The category row of Annex IV Part II, with 0C001 carved out and 0C002 cut down."""
    from interdict.controls.item_lists import _look_up

    listing = ItemList(
        parameter="listed_in_annex_iv",
        title="T",
        instrument="i",
        provision="Annex IV",
        rows=(
            row("0"),
            row("0C001", "excluded"),
            row("0C002", "only", "plutonium"),
            row("1E201", "only", "for 1C239"),
            row("1E201", "only", "for 1B226"),
            row("6A001.a.2.b"),
        ),
    )
    conditions = (None,) * len(listing.rows)

    def truth(reference: str) -> bool | None:
        return _look_up(listing, conditions, reference, {})[0]

    assert truth("0A001.a") is True  # the whole category
    assert truth("0C001") is False and truth("0C001.a") is False  # carved out
    assert truth("0C002") is None  # cut down, with nothing to test
    assert truth("1E201") is None  # stands twice, neither decided
    assert truth("6A001.a.2.b.1") is True  # under a listed row
    assert truth("6A001") is None  # only a part of it is listed
    assert truth("6A001.a.2.bb") is False  # not a sub-entry of 6A001.a.2.b
    assert truth("2B201") is False


def test_an_open_row_without_parameters_asks_for_the_list_itself() -> None:
    from interdict.controls.item_lists import _look_up

    _, books = bundled()
    (listing,) = books["EU"].book.item_lists
    conditions = books["EU"].list_conditions["listed_in_annex_iv"]
    heading_only = _look_up(listing, conditions, "9A106", {})  # only 9A106.c is listed
    assert (heading_only.truth, heading_only.asks_itself) == (None, True)
    apogee = _look_up(listing, conditions, "9A105.a", {})  # its exception has no parameter
    assert (apogee.truth, apogee.asks_itself, apogee.comparisons) == (None, True, [])
    figures = _look_up(listing, conditions, "9A106.c", {})  # payload and range would settle it
    assert figures.truth is None and not figures.asks_itself
    assert {c.parameter for c in figures.comparisons} == {"system_payload", "system_range"}


def test_a_bad_row_is_refused() -> None:
    with pytest.raises(ValueError, match="scope `only`"):
        row("9A004", "only")
    with pytest.raises(ValueError, match="scope `only`"):
        row("9A004", "whole", "sounding rockets")
    for mistyped in ("9A106.C", "9a106", "6A001.a.2.a6 ", "9A1060", "X"):
        with pytest.raises(ValueError, match="no Annex I entry number"):
            row(mistyped)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  - parameter: listed_in_annex_iv\n",
            "  - parameter: system_range\n",
            "must be a boolean",
        ),
        (
            "    instrument: reg-2021-821-annex-iv\n    provision",
            "    instrument: no-such-law\n    provision",
            "unknown instrument 'no-such-law'",
        ),
        (
            "      - {entry: 6A225, part: II, heading: *nsg}\n",
            "      - {entry: 6A225, part: II, heading: *nsg}\n"
            "      - {entry: 6A225, part: II, heading: *nsg}\n",
            "a row is written twice",
        ),
        (
            "            - {param: designed_for_manned_aircraft,",
            "            - {param: no_such_parameter,",
            "no_such_parameter",
        ),
    ],
)
def test_a_broken_annex_in_a_rule_book_is_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = tmp_path / "controls"
    shutil.copytree(DATA, folder)
    rules = folder / "rules" / "eu.yaml"
    text = rules.read_text(encoding="utf-8")
    assert old in text
    rules.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ControlListError, match=message):
        load(folder)


def test_the_bundled_annex_iv_holds_every_row_of_the_official_text() -> None:
    """Every entry per heading, as Annex II of Delegated Regulation 2022/1 lists them."""
    _, books = bundled()
    (listing,) = books["EU"].book.item_lists
    by_heading: dict[str, list[str]] = {}
    for one in listing.rows:
        by_heading.setdefault(one.heading, []).append(one.entry)
    assert by_heading == {
        "Items of stealth technology": [
            "1C001",
            "1C101",
            "1D103",
            "1E101",
            "1E102",
            "6B008",
            "6B108",
        ],
        "Items of the Community strategic control": [
            "1A007.a",
            "1A007.b",
            "1C239",
            "1E201",
            "3A229",
            "3A232",
            "3E201",
            "6A001.a.1.b.1",
            "6A001.a.1.b.6",
            "6A001.a.2.a.2",
            "6A001.a.2.a.3",
            "6A001.a.2.a.6",
            "6A001.a.2.b",
            "6A001.a.2.c",
            "6A001.a.2.e.1",
            "6A001.a.2.e.2",
            "6A001.a.2.f",
            "6D003.a",
            "8A002.o.3.b",
            "8E002.a",
        ],
        "Items of the Community strategic control, cryptanalysis (Category 5 Part 2)": (
            ["5A004.a", "5D002.a.3.a", "5D002.c.3.a", "5E002.a"]
        ),
        "Items of the MTCR technology": [
            "7A117",
            "7B001",
            "7B003",
            "7B103",
            "7D101",
            "7E001",
            "7E002",
            "7E101",
            "9A004",
            "9A005",
            "9A007.a",
            "9A008.d",
            "9A104",
            "9A105.a",
            "9A106.c",
            "9A108.c",
            "9A116",
            "9A119",
            "9B115",
            "9B116",
            "9D101",
            "9E001",
            "9E002",
            "9E101",
            "9E102",
        ],
        "Items of the CWC (Chemical Weapons Convention)": ["1C351.d.4", "1C351.d.5"],
        "Items of the NSG technology": [
            "0",
            "0C001",
            "0C002",
            "0C003",
            "0D001",
            "0E001",
            "1B226",
            "1B231",
            "1B233",
            "1C012.b",
            "1C233",
            "1C235",
            "1E001",
            "1E201",
            "3A228",
            "3A231",
            "3E201",
            "6A203.a",
            "6A203.b",
            "6A225",
            "6A226",
        ],
    }
    excluded = {r.entry for r in listing.rows if r.scope == "excluded"}
    assert excluded == {"0C001"}
    raw = yaml.safe_load((DATA / "rules" / "eu.yaml").read_text())["item_lists"][0]["rows"]
    assert len(raw) == len(listing.rows) == 79
