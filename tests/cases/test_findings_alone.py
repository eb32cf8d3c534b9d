"""Each finding kind, raised alone by a case written for it, and what it does to the outcome."""

from __future__ import annotations

from datetime import date

import pytest
from case_helpers import UN_IRAN, cited, clean_case, kinds, match, run, step

from interdict.cases.casefile import read_case
from interdict.cases.checks.denials import matching, query_for
from interdict.controls.catalogue import bundled
from interdict.denials.entries import make_entry
from interdict.parties.results import Listing


def test_a_listed_end_user_is_a_block_with_the_freeze_cited() -> None:
    raw = clean_case(
        destination="IR", parties=[{"role": "end_user", "name": "SHIG", "country": "IR"}]
    )
    assessment = run(raw, {"SHIG": [match("SHAHID HEMMAT INDUSTRIAL GROUP", listings=[UN_IRAN])]})
    listed = next(f for f in assessment.findings if f.kind == "listed_party")
    assert listed.severity == "block"
    rules = {e.rule for e in listed.evidence if e.source == "rule"}
    assert {"un-1737-freeze", "eu-267-freeze"} <= rules
    assert any(
        e.source == "list" and e.listings[0].reference == ["IRe.067"] for e in listed.evidence
    )
    assert assessment.outcome == "prohibited"
    assert assessment.recommendation == "deny"


def test_a_travel_ban_alone_does_not_prohibit_supply() -> None:
    banned = Listing(
        authority=["United Nations Security Council"],
        program=["UNSCR 1970 (2011)"],
        listing_date=[],
        reference=["LYi.001"],
        source_url=[],
        provisions=["Travel ban"],
    )
    raw = clean_case(parties=[{"role": "end_user", "name": "A Person", "country": "JP"}])
    assessment = run(raw, {"A Person": [match("A PERSON", listings=[banned])]})
    listed = next(f for f in assessment.findings if f.kind == "listed_party")
    assert listed.severity == "warn"
    assert assessment.outcome == "no_licence_required"
    assert assessment.recommendation == "refer"


def test_a_front_is_not_designated_but_reached_by_indirect_making_available() -> None:
    chain = [
        step(
            "front_for",
            "Front Co",
            "SHAHID HEMMAT INDUSTRIAL GROUP",
            [cited("3", "Front Co is a front for SHIG.")],
        )
    ]
    raw = clean_case(
        parties=[{"role": "end_user", "name": "Front Co", "country": "AE"}], destination="AE"
    )
    found = match("Front Co", listings=[UN_IRAN], listed=False, links=chain)
    assessment = run(raw, {"Front Co": [found]})
    linked = next(f for f in assessment.findings if f.kind == "linked_party")
    assert linked.severity == "block"
    assert linked.reach == "indirect_making_available"
    assert "not itself designated" in linked.summary
    assert [s.role for s in linked.chain] == ["front_for"]
    assert any(e.source == "cable" and e.paragraph == "3" for e in linked.evidence)
    assert assessment.outcome == "prohibited"  # raised beyond the destination rules for AE


def test_ownership_under_us_rules_raises_only_to_a_licence() -> None:
    ofac = Listing(
        authority=["US Department of the Treasury, Office of Foreign Assets Control (OFAC)"],
        program=["NPWMD"],
        listing_date=[],
        reference=["9349"],
        source_url=[],
        provisions=[],
    )
    chain = [step("owned_by", "Sub Co", "PARENT", [cited("2", "Sub Co is owned by PARENT.")])]
    raw = clean_case(
        jurisdiction="US", parties=[{"role": "end_user", "name": "Sub Co", "country": "JP"}]
    )
    assessment = run(raw, {"Sub Co": [match("Sub Co", listings=[ofac], listed=False, links=chain)]})
    linked = next(f for f in assessment.findings if f.kind == "linked_party")
    assert linked.reach == "ownership_or_control"
    assert linked.severity == "block"
    assert assessment.outcome == "licence_required"
    assert any(e.source == "rule" and e.rule == "ofac-50-percent" for e in linked.evidence)


def test_intelligence_without_a_link_is_a_warning_with_its_portions() -> None:
    known = match(
        "Ak Makina",
        flagged=False,
        listed=False,
        provenance=[cited("5", "Ak Makina works to supply.")],
    )
    raw = clean_case(
        parties=[{"role": "consignee", "name": "Ak Makina", "country": "TR"}], destination="TR"
    )
    assessment = run(raw, {"Ak Makina": [known]})
    found = next(f for f in assessment.findings if f.kind == "intelligence")
    assert found.severity == "warn"
    assert found.evidence[-1].source == "cable"
    assert assessment.recommendation == "refer"


def test_a_name_just_below_the_threshold_is_a_red_flag_not_a_match() -> None:
    near = match("MESBAH ENERGY COMPANY", score=0.62, listings=[UN_IRAN])
    raw = clean_case(parties=[{"role": "end_user", "name": "Mesbah Trading", "country": "JP"}])
    assessment = run(raw, {"Mesbah Trading": [near]})
    assert "listed_party" not in kinds(assessment)
    flag = next(f for f in assessment.findings if f.flag == "near_listed_name")
    assert "0.62" in flag.summary
    assert assessment.outcome == "no_licence_required"


def test_a_controlled_item_cites_the_entry_and_its_thresholds() -> None:
    raw = clean_case(item="../items/fs1.yaml", destination="JP")
    assessment = run(raw)
    item = next(
        f for f in assessment.findings if f.kind == "controlled_item" and "2B201" in f.summary
    )
    entries = [e for e in item.evidence if e.source == "control_list"]
    assert entries and "Nuclear Suppliers Group" in entries[0].regime
    assert "Decided by:" in item.summary


def test_a_destination_measure_blocks_and_cites_the_un_resolutions() -> None:
    raw = clean_case(
        item="../items/fs1.yaml",
        destination="IR",
        parties=[{"role": "end_user", "name": "X", "country": "IR"}],
    )
    assessment = run(raw)
    measures = [
        f for f in assessment.findings if f.kind == "destination_measure" and f.severity == "block"
    ]
    assert measures
    instruments = " ".join(e.instrument for f in measures for e in f.evidence if e.source == "rule")
    assert "1737" in instruments and "1803" in instruments and "267/2012" in instruments
    assert assessment.outcome == "prohibited"


def test_a_missile_end_use_triggers_the_catch_all_for_an_unlisted_item() -> None:
    raw = clean_case(
        end_use_flags=["missile"],
        destination="IN",
        parties=[{"role": "end_user", "name": "X", "country": "IN"}],
    )
    assessment = run(raw)
    catch = next(f for f in assessment.findings if f.kind == "catch_all")
    assert "Art. 4(1)(a)" in " ".join(e.provision for e in catch.evidence if e.source == "rule")
    assert assessment.outcome == "licence_required"


def test_a_missing_parameter_is_an_open_question_that_refers() -> None:
    item = {
        "name": "five-axis mill",
        "parameters": {
            "item_type": "equipment",
            "component_kind": "machine_tool",
            "machining_functions": ["milling"],
            "numerical_control": True,
        },
    }
    assessment = run(clean_case(item=item))
    questions = [f for f in assessment.findings if f.kind == "open_question"]
    assert any(q.question for q in questions)
    assert assessment.recommendation == "refer"


def test_deny_wins_over_refer_and_still_lists_the_questions() -> None:
    raw = clean_case(
        destination="IR",
        subject_to_ear=None,
        parties=[{"role": "end_user", "name": "SHIG", "country": "IR"}],
    )
    assessment = run(raw, {"SHIG": [match("SHIG", listings=[UN_IRAN])]})
    assert assessment.recommendation == "deny"
    assert any(f.kind == "open_question" for f in assessment.findings)
    assert "do not change this recommendation" in assessment.reasons


@pytest.mark.parametrize(
    ("changes", "flag"),
    [
        ({"destination": "TR", "final_destination": "IR"}, "transit_consignee"),
        (
            {
                "parties": [
                    {"role": ["intermediary"], "name": "Broker", "country": "AE"},
                    {"role": "end_user", "name": "Yamada Seiki", "country": "JP"},
                ]
            },
            "intermediary",
        ),
        (
            {
                "parties": [
                    {"role": "consignee", "name": "Gulf Freight Forwarding LLC", "country": "AE"},
                    {"role": "end_user", "name": "Yamada Seiki", "country": "JP"},
                ]
            },
            "forwarder_or_trader_receives",
        ),
        (
            {"parties": [{"role": "end_user", "name": "Sun Trading Co", "country": "JP"}]},
            "forwarder_or_trader_receives",
        ),
        ({"end_use": None}, "end_use_withheld"),
        ({"payment": "cash on delivery"}, "cash_payment"),
        ({"end_use": "Kitchen equipment for a hotel"}, "end_use_mismatch"),
        (
            {
                "parties": [
                    {"role": "end_user", "name": "Yamada", "country": "JP", "business": "bakery"}
                ]
            },
            "end_use_mismatch",
        ),
    ],
)
def test_each_red_flag_alone(changes: dict[str, object], flag: str) -> None:
    base = run(clean_case())
    assert not any(f.kind == "red_flag" for f in base.findings)
    flags = [f.flag for f in run(clean_case(**changes)).findings if f.kind == "red_flag"]
    assert flags == [flag]


def test_a_civil_end_use_for_a_missile_programme_end_user_is_a_mismatch() -> None:
    chain = [step("front_for", "Front Co", "SHIG", [cited("3", "Front Co is a front for SHIG.")])]
    raw = clean_case(
        parties=[{"role": "end_user", "name": "Front Co", "country": "JP"}],
        end_use="Production of machine parts",
    )
    assessment = run(
        raw, {"Front Co": [match("Front Co", listings=[UN_IRAN], listed=False, links=chain)]}
    )
    assert "end_use_mismatch" in [f.flag for f in assessment.findings]


def _denial(date_text: str, **changes: object) -> object:
    fields: dict[str, object] = {
        "authority": "ES",
        "date": date_text,
        "item": "similar milling machine",
        "entries": [],
        "destination": "IR",
        "end_user": None,
        "reason": None,
        "source": "test",
        "marking": None,
        "origin": "manual",
    }
    fields.update(changes)
    return make_entry(**fields)  # type: ignore[arg-type]


def _query(within: int | None, today: date = date(2026, 12, 7)) -> object:
    controls, _ = bundled()
    raw = clean_case(item="../items/fs1.yaml", destination="TR", final_destination="IR")
    from case_helpers import EXAMPLES

    case = read_case(raw, controls, "case.yaml", EXAMPLES / "cases")
    return query_for(case, {"2B201"}, today, within)


@pytest.mark.parametrize(
    ("when", "within", "matches"),
    [
        ("2007-01", None, True),  # no period: every denial counts
        ("2021-12", 5, True),  # the latest day, 2021-12-31, is within five years of 2026-12-07
        ("2021-11", 5, False),  # ended 2021-11-30, before 2021-12-07
        ("2021-12-07", 5, True),  # the first day of the window
        ("2021-12-06", 5, False),  # the day before it
        ("2021", 5, True),  # a year alone counts as its last day
        ("2020", 5, False),
        ("2007-01", 2026, True),  # a window reaching back to year 0 holds every denial
        ("2007-01", 10**6, True),  # and so does one beyond any calendar (found by schemathesis)
    ],
)
def test_denial_period_boundaries(when: str, within: int | None, matches: bool) -> None:
    assert bool(matching(_query(within), _denial(when))) is matches  # type: ignore[arg-type]


def test_a_denial_for_another_destination_and_end_user_does_not_match() -> None:
    assert matching(_query(None), _denial("2007-01", destination="CN")) == []  # type: ignore[arg-type]


def test_a_denial_for_the_same_end_user_matches_wherever_it_went() -> None:
    raw = clean_case(
        item="../items/fs1.yaml",
        parties=[{"role": "end_user", "name": "Ardalan Machineries Co.", "country": "IR"}],
    )
    entry = _denial("2007", destination="CN", end_user="Ardalan Machineries Co")
    assessment = run(raw, denials=[entry])  # type: ignore[list-item]
    prior = next(f for f in assessment.findings if f.kind == "prior_denial")
    assert "same end user" in prior.summary


def test_unrelated_goods_do_not_match_even_at_the_same_destination() -> None:
    entry = _denial("2007", item="centrifuge rotor tubes")
    assert matching(_query(None), entry) == []  # type: ignore[arg-type]


def test_a_related_entry_matches_and_another_member_state_means_consultation() -> None:
    entry = _denial("2025-03", authority="DE", item="lathe", entries=["2B001"])
    raw = clean_case(item="../items/fs1.yaml", destination="TR", final_destination="IR")
    prior = next(f for f in run(raw, denials=[entry]).findings if f.kind == "prior_denial")  # type: ignore[list-item]
    assert "related control entry (2B001)" in prior.summary
    assert "must consult DE" in prior.summary and "Art. 16" in prior.summary
    assert any(e.source == "rule" and e.rule == "eu-821-art16" for e in prior.evidence)


def test_the_authoritys_own_denial_says_so() -> None:
    raw = clean_case(
        item="../items/fs1.yaml", destination="TR", final_destination="IR", authority="ES"
    )
    prior = next(
        f for f in run(raw, denials=[_denial("2007-01")]).findings if f.kind == "prior_denial"
    )  # type: ignore[list-item]
    assert "licensing authority itself (ES)" in prior.summary
    assert prior.evidence[0].source == "denial"
