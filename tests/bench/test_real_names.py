"""The real-name pair builder (bench/real_names.py) and its evaluator (bench/bench_real_names.py),
on small invented lists and pairs: no list data, no network, no scoring by the matchers."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


build = _load("real_names")
bench = _load("bench_real_names")


def entity(list_name: str, number: int, *names: str, schema: str = "Organization") -> object:
    props = ["name"] + ["alias"] * (len(names) - 1)
    return build.ListEntity(
        list_name, f"{list_name}-{number}", schema, list(zip(names, props, strict=True))
    )


# --- the builder ---------------------------------------------------------------------------------


def test_words_fold_case_accents_and_punctuation() -> None:
    assert build.words("S.H.I.G. Co.,Ltd.") == ["shig", "co", "ltd"]
    assert build.words("Qal'at Sanayi-é CO.FOR") == ["qalat", "sanayi", "e", "co", "for"]


@pytest.mark.parametrize(
    ("alias", "primary", "kind"),
    [
        ("Zorvath-Energy Company", "ZORVATH ENERGY COMPANY", "punctuation"),
        ("Bank Quelmor", "Quelmor Bank", "reorder"),
        ("Quelmor Trading Co., Ltd.", "QUELMOR TRADING", "legal-form"),
        ("Quelmor Trading", "Quelmor Trading and Shipping Company", "dropped-words"),
        ("ZEMC", "Zorvath Energy Machinery Company", "acronym"),
        ("ZOREMA", "Zorvath Energy Machinery Company", "acronym"),
        (
            "Zorvath Eng & Constr Co",
            "Zorvath Engineering and Construction Company",
            "abbreviated-words",
        ),
        ("Zorvat Energi Company", "Zorvath Energy Company", "transliteration"),
        ("Zorvath Relief Fund", "Zorvath Medical Centre", "partial"),
        ("Blue Heron Foundation", "Zorvath Energy Company", "distinct"),
        ("\u0632\u0648\u0631\u0648\u0627\u062b", "Zorvath", "script"),
    ],
)
def test_relation_names_the_kind_of_positive(alias: str, primary: str, kind: str) -> None:
    assert build.relation(alias, primary) == kind


def test_acronym_starts_at_the_first_word_that_counts() -> None:
    assert build.is_acronym("zemc", ["the", "zorvath", "energy", "machinery", "co"])
    assert not build.is_acronym("emc", ["zorvath", "energy", "machinery", "co"])
    assert not build.is_acronym("z", ["zorvath", "energy"])  # two words at least


def test_positives_pair_each_alias_with_the_primary_name_of_the_same_entity() -> None:
    entities = [
        entity(
            "alpha", 1, "Zorvath Energy Company", "ZEC", "zorvath energy company", "Zorvat Energi"
        ),
        entity("alpha", 2, "Quelmor Shipping Line"),  # no alias, no pair
    ]
    pairs = build.positives(entities, "org", random.Random(1))
    assert [(p.left, p.right) for p in pairs] == [
        ("ZEC", "Zorvath Energy Company"),
        ("Zorvat Energi", "Zorvath Energy Company"),
    ]  # the case-only variant is the same string to a screener: skipped
    assert {(p.label, p.left_entity, p.right_entity, p.lists[0]) for p in pairs} == {
        (1, "alpha-1", "alpha-1", "alpha")
    }
    assert [p.kind for p in pairs] == ["acronym", "transliteration"]


def test_positives_take_at_most_a_few_aliases_of_one_entity() -> None:
    many = [f"Zorvath Variant {n}" for n in range(3 * build.MAX_ALIASES_PER_ENTITY)]
    pairs = build.positives([entity("alpha", 1, "Zorvath", *many)], "org", random.Random(1))
    assert len(pairs) == build.MAX_ALIASES_PER_ENTITY


NEAR_MISSES = [
    entity("alpha", 1, "Zorvath Energy Company"),
    entity("alpha", 2, "Zorvath Trading Company"),
    entity("alpha", 3, "ZORVATH ENERGY CO."),  # a namesake of alpha-1: never a negative with it
    entity("alpha", 4, "Quelmor Trading Company"),  # shares only a generic word with alpha-2
    entity("alpha", 5, "Quelmor Shipping Line", "Istravel Marine"),
    entity("beta", 1, "Istravel Holding Bank"),  # cross-list, a different party
    entity("beta", 2, "Zorvath Energy Company Limited"),  # the same party as alpha-1 or -3
]


def test_negatives_are_different_entities_sharing_a_distinctive_word() -> None:
    within, cross = build.negatives(NEAR_MISSES, "org", random.Random(1), max_df=20)
    assert within and cross
    for pair in within + cross:
        assert pair.label == 0
        assert pair.left_entity != pair.right_entity
        assert pair.shared
        assert set(pair.shared) <= build.distinctive(pair.left) & build.distinctive(pair.right)
        assert build.relation(pair.left, pair.right) not in build.NAMESAKE
    together = {frozenset((p.left_entity, p.right_entity)) for p in within + cross}
    assert frozenset(("alpha-1", "alpha-3")) not in together  # namesakes
    assert frozenset(("alpha-2", "alpha-4")) not in together  # "trading" is generic
    assert frozenset(("alpha-1", "alpha-2")) in together  # Mesbah Energy / Mesbah Trading
    assert frozenset(("alpha-1", "beta-2")) not in together  # perhaps the same party
    assert frozenset(("alpha-3", "beta-2")) not in together
    assert frozenset(("alpha-2", "beta-2")) in together  # not that one
    assert {p.kind for p in cross} == {"cross-list shared-word"}
    (istravel,) = [p for p in cross if "Istravel" in p.shared[0].title()]
    assert {istravel.left_entity, istravel.right_entity} == {"alpha-5", "beta-1"}
    assert {istravel.left, istravel.right} == {
        "Istravel Marine",  # the name that holds the shared word, not the primary name
        "Istravel Holding Bank",
    }
    assert {p.kind for p in within} == {"shared-word"}


def test_a_word_in_too_many_entities_is_not_distinctive() -> None:
    crowd = [entity("alpha", n, f"Zorvath {word} Company") for n, word in enumerate("ABCDEF")]
    within, cross = build.negatives(crowd, "org", random.Random(1), max_df=5)
    assert within == cross == []
    within, _ = build.negatives(crowd, "org", random.Random(1), max_df=6)
    assert len(within) == build.PAIRS_PER_WORD


def test_build_set_is_deterministic_and_capped() -> None:
    entities = [
        *NEAR_MISSES,
        entity("alpha", 9, "Zorvath Energy Company", "ZEC", "Zorvat Energi", "Zorvath Enrg Co"),
    ]

    def made(seed: int) -> list[dict[str, object]]:
        pairs = build.build_set(entities, "org", seed, 2, 3, 20, {})
        return [pair.to_json() for pair in pairs]

    assert made(7) == made(7)
    pairs = made(7)
    assert sum(p["label"] == 1 for p in pairs) == 2
    assert sum(p["label"] == 0 for p in pairs) <= 3


def test_ofac_legacy_csv_reader(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    alt = tmp_path / "alt.csv"
    sdn.write_bytes(
        b'101,"ZORVATH ENERGY COMPANY",-0- ,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        b'102,"QUELMOR, Ardash",individual,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        b'103,"ISTRAVEL",vessel,"IRAN",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        b"\x1a"
    )
    alt.write_bytes(
        b'101,1,"aka","ZEC",-0- \r\n101,2,"fka","ZORVATH POWER CO.",-0- \r\n'
        b'102,3,"aka","QUELMORI, Ardasch",-0- \r\n103,4,"aka","ISTRAVEL I",-0- \r\n\x1a'
    )
    entities = {e.id: e for e in build.read_ofac_csv(sdn, alt)}
    assert set(entities) == {"ofac-sdn-101", "ofac-sdn-102"}  # the vessel is left out
    company, person = entities["ofac-sdn-101"], entities["ofac-sdn-102"]
    assert company.schema.name == "Organization"
    assert company.get("alias") == ["ZEC"]
    assert company.get("previousName") == ["ZORVATH POWER CO."]
    assert person.schema.name == "Person"
    assert person.get("name") == ["Ardash QUELMOR"]
    assert person.get("alias") == ["Ardasch QUELMORI"]


def test_ofac_xml_reader_keeps_weak_aliases_apart(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_text(
        """<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML">
  <publshInformation><Publish_Date>01/02/2030</Publish_Date></publshInformation>
  <sdnEntry><uid>7</uid><lastName>ZORVATH ENERGY COMPANY</lastName><sdnType>Entity</sdnType>
    <akaList>
      <aka><uid>1</uid><type>a.k.a.</type><category>strong</category><lastName>ZEC</lastName></aka>
      <aka><uid>2</uid><type>a.k.a.</type><category>weak</category><lastName>ZORVA</lastName></aka>
      <aka><uid>3</uid><type>f.k.a.</type><category>strong</category><lastName>ZPC</lastName></aka>
    </akaList>
  </sdnEntry>
  <sdnEntry><uid>8</uid><firstName>Ardash</firstName><lastName>QUELMOR</lastName>
    <sdnType>Individual</sdnType></sdnEntry>
</sdnList>""",
        encoding="utf-8",
    )
    entities = {e.id: e for e in build.read_ofac_xml(path)}
    company = entities["ofac-cons-7"]
    assert company.get("alias") == ["ZEC"]
    assert company.get("weakAlias") == ["ZORVA"]
    assert company.get("previousName") == ["ZPC"]
    assert entities["ofac-cons-8"].get("name") == ["Ardash QUELMOR"]


# --- the evaluator -------------------------------------------------------------------------------


def test_confusion_arithmetic() -> None:
    labels = [1, 1, 1, 1, 0, 0, 0, 0, 0]
    scores = [0.9, 0.7, 0.69, 0.6, 0.95, 0.7, 0.5, 0.2, 0.0]
    tally = bench.confusion(labels, scores, 0.7)
    assert (tally.tp, tally.fn, tally.fp, tally.tn) == (2, 2, 2, 3)  # the threshold is a match
    assert tally.recall == 0.5
    assert tally.false_alarm_rate == 2 / 5
    assert tally.precision == 0.5
    assert tally.f1 == pytest.approx(0.5)
    assert bench.Confusion().f1 is None  # no positives: no F1
    assert bench.confusion([1], [0.0], 0.7).f1 == 0.0
    # All four positives and two negatives from 0.51 to 0.6; from 0.5 down, a third negative.
    assert bench.best_threshold(labels, scores) == {"threshold": 0.51, "f1": 0.8}


def test_section_report_by_kind_and_without_cover_names() -> None:
    cases = [
        bench.Case("p1", "Organization", "A", "A", 1, "transliteration", "alpha"),
        bench.Case("p2", "Organization", "B", "B", 1, "transliteration", "alpha"),
        bench.Case("p3", "Organization", "C", "C", 1, "distinct", "alpha"),
        bench.Case("p4", "Organization", "D", "D", 1, "partial", "beta"),
        bench.Case("n1", "Organization", "E", "F", 0, "shared-word", "alpha"),
        bench.Case("n2", "Organization", "G", "H", 0, "shared-word", "beta"),
    ]
    scored = bench.Scored(
        {"one": [0.8, 0.6, 0.0, 0.9, 0.75, 0.1]}, {"one": [0.001, 0.002, 0.003] * 2}
    )
    report = bench.section_report(cases, scored, {"one": 0.7})
    summary = report["scorers"]["one"]
    assert (summary["tp"], summary["fn"], summary["fp"], summary["tn"]) == (2, 2, 1, 1)
    assert summary["recall"] == 0.5
    assert summary["without_distinct"]["recall"] == round(2 / 3, 4)
    assert summary["variants_only"]["recall"] == 0.5  # p1, p2 only; all negatives kept
    assert summary["variants_only"]["false_alarm_rate"] == 0.5
    assert summary["median_ms"] == 2.0
    assert report["by_kind"]["+ transliteration"] == {"metric": "recall", "n": 2, "one": 0.5}
    assert report["by_kind"]["- shared-word"] == {"metric": "false_alarm_rate", "n": 2, "one": 0.5}
    assert report["by_list"]["F1 alpha"] == {"one": 0.4}  # tp 1, fn 2, fp 1
    assert report["by_list"]["F1 beta"] == {"one": 1.0}
    wrong = bench.misses(cases, scored, {"one": 0.7})
    assert {m["pair_id"] for m in wrong} == {"p2", "p3", "n1"}


def test_name_bench_csv_is_read_as_pairs(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "case_group,schema,name1,name2,is_match,quality,category,notes\n"
        "invented,Company,Zorvath Energy AG,Zorvath Energy Aktiengesellschaft,true,STRONG,legal,\n"
        'invented,Person,"QUELMOR, Ardash",Ardash Quelmor,TRUE,,,\n'
        "invented,Company,Zorvath Energy AG,Quelmor Energy AG,false,WEAK,,x\n",
        encoding="utf-8",
    )
    cases = bench.read_pairs(path)
    assert [(c.schema, c.label, c.kind) for c in cases] == [
        ("Company", 1, "legal"),
        ("Person", 1, "(none)"),
        ("Company", 0, "(none)"),
    ]
    assert cases[1].left == "QUELMOR, Ardash"
    assert [c.slices["quality"] for c in cases] == ["STRONG", "MEDIUM", "WEAK"]


def test_pair_set_lines_are_read_back(tmp_path: Path) -> None:
    pair = build.Pair(
        "org", "Organization", "ZEC", "Zorvath Energy Company", 1, "acronym", ["alpha"],
        "alpha-1", "alpha-1", "alias", "name",
    )  # fmt: skip
    path = tmp_path / "pairs-org.jsonl"
    path.write_text(json.dumps(pair.to_json()) + "\n", encoding="utf-8")
    (case,) = bench.read_pairs(path)
    assert (case.left, case.right, case.label, case.kind, case.lists) == (
        "ZEC",
        "Zorvath Energy Company",
        1,
        "acronym",
        "alpha",
    )
    assert case.slices == {"alias_prop": "alias"}
