"""Whole-name comparison: word pairing, weights, legal forms, scripts, acronyms, weak aliases.

Whole names go through ``interdict.parties.compare.compare_names`` (the
"why did these match?" tool, every word weighing 1 and generic words their
cap); the pairing and weighting rules are tested on ``align``, ``weigh`` and
``idf_weight`` directly.
"""

from __future__ import annotations

import math

import pytest

from interdict.parties.compare import compare_names as compare
from interdict.parties.match.align import LOOSE_FACTOR, ROMANISATION, align_words
from interdict.parties.match.names import (
    ACRONYM,
    WEAK_ALIAS_MINIMUM,
    WORDS,
    WeightedName,
    acronym_score,
    compare_names,
)
from interdict.parties.match.similarity import (
    CONSONANT_SIMILARITY,
    CONSONANTS,
    EXACT,
    JOINED,
    SOUND_SIMILARITY,
)
from interdict.parties.match.weights import (
    GENERIC_CAP,
    MIN_WEIGHT,
    REFERENCE_SIZE,
    Weigher,
    Word,
    idf_weight,
    weigh,
    weigh_form,
)
from interdict.parties.names.analysis import Kind, analyse
from interdict.parties.names.keys import acronym_query
from interdict.parties.results import Explanation


def score_of(first: str, second: str, schema: str | None = None) -> float:
    return compare(first, second, schema)[0]


def explained(first: str, second: str, schema: str | None = None) -> Explanation:
    explanation = compare(first, second, schema)[1]
    assert explanation is not None
    return explanation


def word(text: str, weight: float = 1.0, kind: Kind = Kind.WORD) -> Word:
    return Word(text, kind, weight, "test")


def weighted(name: str, organisation: bool = True, weak: bool = False) -> WeightedName:
    form = analyse(name, organisation)
    return WeightedName(form, weigh_form(form, {}, 0), weak)


# -- word order, dropped and added words ---------------------------------------------------


@pytest.mark.parametrize("schema", ["Person", None])
def test_word_order_is_ignored(schema: str | None) -> None:
    assert score_of("Hemmat Shahid", "Shahid Hemmat", schema) == 1.0
    assert score_of("Industrial Group Shahid Hemmat", "Shahid Hemmat Industrial Group") == 1.0


@pytest.mark.parametrize("dropped", [GENERIC_CAP, 0.5, 1.0])
def test_a_dropped_word_costs_its_weight(dropped: float) -> None:
    query = [word("golden"), word("star"), word("extra", dropped)]
    total = sum(w.weight for w in query)
    alignment = align_words(query, query[:2], abjad=False)
    assert alignment.score == round(2 * (total - dropped) / (2 * total - dropped), 4)
    assert alignment.unmatched_query == (query[2],)
    assert alignment.unmatched_candidate == ()
    assert [(p.query, p.how, p.weight) for p in alignment.pairs] == [
        ("golden", EXACT, 2.0),
        ("star", EXACT, 2.0),
    ]


def test_dropping_a_generic_word_costs_little_and_a_distinctive_word_much() -> None:
    full = "Golden Star Trading"
    without_generic = score_of(full, "Golden Star")
    without_distinctive = score_of(full, "Star Trading")
    assert without_generic == round(4 / (4 + GENERIC_CAP), 4)  # 0.9412
    assert without_distinctive == round(2 * (1 + GENERIC_CAP) / (3 + 2 * GENERIC_CAP), 4)
    assert without_generic > 0.9
    assert without_distinctive < 0.75


def test_an_added_generic_word_costs_little() -> None:
    assert score_of("Golden Star", "Golden Star Trading") == round(4 / (4 + GENERIC_CAP), 4)
    assert score_of("Shahid Hemmat", "Shahid Hemmat Industrial Group") == round(
        4 / (4 + 2 * GENERIC_CAP), 4
    )


def test_a_common_word_costs_less_than_a_rare_one() -> None:
    frequencies = {"hosseini": 20_000, "zadeh": 40_000}
    form = analyse("Ali Reza Hosseini Zadeh", organisation=False)
    words = weigh_form(form, frequencies, REFERENCE_SIZE)
    by_text = {w.text: w for w in words}
    assert by_text["ali"].weight == by_text["reza"].weight == 1.0
    assert by_text["zadeh"].weight < by_text["hosseini"].weight < 1.0
    rare_dropped = align_words(
        words, [by_text["reza"], by_text["hosseini"], by_text["zadeh"]], False
    )
    common_dropped = align_words(
        words, [by_text["ali"], by_text["reza"], by_text["hosseini"]], False
    )
    assert rare_dropped.score < common_dropped.score < 1.0


# -- joined words --------------------------------------------------------------------------


def test_one_word_equals_two_written_together() -> None:
    assert score_of("Abdulrahman", "Abdul Rahman", "Person") == 1.0
    assert score_of("Abdul Rahman", "Abdulrahman", "Person") == 1.0
    pairs = explained("Abdulrahman Khalil", "Abdul Rahman Khalil", "Person").name.pairs
    joined = [p for p in pairs if p.how == JOINED]
    assert [(p.query, p.candidate, p.similarity) for p in joined] == [
        ("abdulrahman", "abdul rahman", 1.0)
    ]
    pairs = explained("Abdul Rahman", "Abdulrahman", "Person").name.pairs
    assert [(p.query, p.candidate, p.how) for p in pairs] == [
        ("abdul rahman", "abdulrahman", JOINED)
    ]


def test_joined_words_tolerate_a_slip_but_keep_their_order() -> None:
    assert 0.8 <= score_of("Abdulrahman", "Abdul Rahmen", "Person") < 1.0
    assert score_of("Abdulrahman", "Rahman Abdul", "Person") == 0.0


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Bin Song Yuan Industries Organization", "Binsongyuan Industries Organization"),
        ("Xue-jun-rui Precision Co., Ltd.", "Xuejunrui Precision Co., Ltd."),
        ("Jeong Soonda", "Jeong Soon Da"),
    ],
)
def test_three_syllables_meet_the_word_they_are_run_into(first: str, second: str) -> None:
    assert score_of(first, second) == 1.0
    assert score_of(second, first) == 1.0


@pytest.mark.parametrize(
    ("single", "apart"),
    [("Hakavbaian", "Oh Hakbin"), ("Shamladaawi", "Samy Walid")],
)
def test_words_run_together_must_be_spelled_alike_not_merely_sound_alike(
    single: str, apart: str
) -> None:
    # Same consonant skeleton, vowels in near classes: other names all the same.
    assert score_of(single, apart, "Person") < 0.7


def test_a_one_word_name_in_an_abjad_or_syllables_is_no_acronym() -> None:
    assert score_of("Junruijingxue Baominyong Development Co. Ltd", "جبد ذ.م.م") < 0.7
    assert score_of("Sky Omrinorex Helvosolex Industries Ltd", "ソヒ") < 0.7
    assert score_of("Jingdonglei Systems Logistics", "JSL") == acronym_score(3)


def test_four_words_are_not_run_into_one() -> None:
    assert score_of("Jeong Soon Da Mi", "Jeongsoondami", "Person") < 0.7


def test_han_syllables_join_into_a_romanised_given_name() -> None:
    assert score_of("Xi Jinping", "习近平", "Person") == 1.0


# -- near misses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "schema"),
    [
        ("Golden Star Trading Company Ltd", "Silver Star Trading Company Ltd", None),
        ("Ali Hosseini", "Mohammad Hosseini", "Person"),
        ("Unit 7", "Unit 1", None),
    ],
)
def test_near_misses_stay_below_the_threshold(first: str, second: str, schema: str | None) -> None:
    assert score_of(first, second, schema) < 0.7


# -- legal forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "ignored"),
    [
        ("Ardalan Machineries Co.", "ARDALAN MACHINERIES COMPANY", ["company"]),
        ("Romashka LLC", "ООО Ромашка", ["llc"]),
        ("Ardalan GmbH", "Ardalan Ltd", ["llc"]),
        ("Ardalan A.Ş.", "Ardalan S.A.", ["jsc"]),
        ("Ardalan Co.", "Ardalan Ltd", ["company", "llc"]),
    ],
)
def test_legal_forms_do_not_count(first: str, second: str, ignored: list[str]) -> None:
    explanation = explained(first, second)
    assert explanation.name.score == 1.0
    assert explanation.name.legal_forms_ignored == ignored


def test_legal_forms_count_in_person_names() -> None:
    explanation = explained("Romashka LLC", "ООО Ромашка", "Person")
    assert explanation.name.score < 0.7
    assert explanation.name.legal_forms_ignored == []


# -- other scripts -------------------------------------------------------------------------


def test_cyrillic_against_latin() -> None:
    assert score_of("Шахид Хеммат", "Shahid Hemmat") == 1.0
    assert score_of("Shahid Hemmat", "Шахид Хеммат", "Person") == 1.0


def test_persian_against_latin_by_consonants() -> None:
    explanation = explained("شهید همت", "Shahid Hemmat")
    assert explanation.name.score == CONSONANT_SIMILARITY
    assert explanation.name.score >= 0.7
    assert {p.how for p in explanation.name.pairs} == {CONSONANTS}
    assert score_of("Shahid Hemmat", "شهید همت", "Person") == CONSONANT_SIMILARITY


def test_hebrew_against_latin() -> None:
    assert score_of("Shimon Peres", "שמעון פרס", "Person") >= 0.7


def test_hangul_against_the_usual_romanisation() -> None:
    # ICU writes 김정은 in Revised Romanisation (gimjeong-eun); lists write "Kim Jong Un".
    pairs = explained("Kim Jong Un", "김정은", "Person").name.pairs
    assert [(p.query, p.candidate, p.similarity, p.how) for p in pairs] == [
        ("kimjongun", "gimjeongeun", LOOSE_FACTOR, ROMANISATION)
    ]


@pytest.mark.parametrize(
    ("latin", "native"),
    [("Wu Hengpin", "吴恒斌"), ("Yang Bo Chu", "朱阳博"), ("Ryu Hyejae", "류혜재")],
)
def test_other_romanisations_and_a_family_name_written_last(latin: str, native: str) -> None:
    # Wade-Giles p for pinyin b, the Latin side's family name last, McCune-Reischauer r for l.
    assert score_of(latin, native, "Person") >= 0.9
    assert score_of(native, latin, "Person") >= 0.9


def test_loose_romanisation_is_not_exactness() -> None:
    assert score_of("Zhu Yangbo", "朱阳博", "Person") == 1.0
    assert score_of("Chu Yangpo", "朱阳博", "Person") == LOOSE_FACTOR
    # Different syllables stay different however they are romanised.
    assert score_of("Li Jingzhi", "朱静丽", "Person") < 0.7


# -- acronyms ------------------------------------------------------------------------------


def test_acronym_scores() -> None:
    assert acronym_score(3) == 0.72
    assert acronym_score(4) == acronym_score(8) == 0.8
    assert acronym_score(3) < acronym_score(4) < 1.0


def test_query_acronym_of_the_listed_name() -> None:
    explanation = explained("SHIG", "Shahid Hemmat Industrial Group")
    assert explanation.name.score == acronym_score(4) == 0.8
    assert explanation.name.method == ACRONYM
    assert explanation.name.detail == (
        "query is an acronym of the listed name: SHIG = shahid hemmat industrial group"
    )


def test_listed_acronym_of_the_query() -> None:
    explanation = explained("Shahid Hemmat Industrial Group", "SHIG")
    assert explanation.name.score == acronym_score(4)
    assert explanation.name.method == ACRONYM
    assert explanation.name.detail.startswith("listed name is an acronym of the query: SHIG")


def test_three_letter_acronym() -> None:
    explanation = explained("SHI", "Shahid Hemmat Industrial")
    assert explanation.name.score == acronym_score(3) == 0.72
    assert explanation.name.method == ACRONYM


@pytest.mark.parametrize(("short", "long"), [("SH", "Shahid Hemmat"), ("S.H.", "Shahid Hemmat")])
def test_two_letters_are_never_an_acronym(short: str, long: str) -> None:
    for first, second in ((short, long), (long, short)):
        explanation = explained(first, second)
        assert explanation.name.score == 0.0
        assert explanation.name.method == WORDS


@pytest.mark.parametrize("dotted", ["S.H.I.G.", "S. H. I. G.", "s h i g"])
def test_dotted_acronym(dotted: str) -> None:
    explanation = explained(dotted, "Shahid Hemmat Industrial Group")
    assert explanation.name.score == acronym_score(4)
    assert explanation.name.method == ACRONYM


def test_acronym_with_and_without_stop_words() -> None:
    name = "Organisation of Defensive Innovation"
    assert set(analyse(name, organisation=True).initials) == {"odi", "oodi"}
    assert score_of("ODI", name) == acronym_score(3)
    assert score_of("OODI", name) == acronym_score(4)


def test_acronym_needs_a_distinctive_word() -> None:
    assert set(analyse("Trading Industrial Group", organisation=True).initials) == {"tig"}
    assert score_of("TIG", "Trading Industrial Group") == 0.0
    assert score_of("STG", "Star Trading Group") == acronym_score(3)


def test_acronyms_of_a_form() -> None:
    assert analyse("Shahid Hemmat", organisation=False).initials == ()
    # Numbers are not initials.
    assert analyse("Unit 7 Group", organisation=True).initials == ()
    assert set(analyse("Shahid Hemmat 7 Group", organisation=True).initials) == {"shg"}


def test_a_hyphenated_compound_gives_one_initial_or_one_per_word() -> None:
    initials = set(analyse("Al-Salla Waduda Manufacturing Electronics Co.", True).initials)
    assert {"awme", "aswme"} <= initials
    assert score_of("AWME", "Al-Salla Waduda Manufacturing Electronics Co.") == acronym_score(4)


def test_initials_of_words_before_they_were_translated() -> None:
    # "Sanayi" is read as "industries"; people abbreviate the name as written.
    form = analyse("Balcan İmalat Sanayi ve Ticaret Limited Şirketi", True)
    assert "industries" in form.tokens
    assert {"bist", "bisvt"} <= set(form.initials)
    assert score_of("BİST", "Balcan İmalat Sanayi ve Ticaret Limited Şirketi") == 0.8


def test_a_latin_company_may_be_abbreviated_with_its_company_word() -> None:
    assert {"sptt", "spttc"} <= set(analyse("Sino Paki Theki Thelola Company Ltd", True).initials)
    # Only a Latin "Company" or "Corporation" adds its C, not a form like شرکت or GmbH.
    assert "lyc" not in analyse("Linjun Yian GmbH", True).initials


def test_multi_word_legal_forms_go_whole_before_the_single_company_word() -> None:
    form = analyse("Pearl Pape Gorcher Aerospace Closed Joint Stock Company", True)
    assert form.tokens == ("pearl", "pape", "gorcher", "aerospace")
    assert form.legal_forms == ("jsc",)
    assert "ppga" in form.initials
    form = analyse("Marjabjar Rusadar Group Limited Liability Company", True)
    assert form.tokens == ("marjabjar", "rusadar", "group")
    assert form.legal_forms == ("llc",)


@pytest.mark.parametrize(
    ("name", "letters"),
    [
        ("SHIG", "shig"),
        ("S.H.I.G.", "shig"),
        ("Shahid", "shahid"),
        ("ABCDEFGH", "abcdefgh"),
        ("ABCDEFGHI", None),
        ("SH", None),
        ("S.H.", None),
        ("B747", None),
        ("Shahid Hemmat", None),
    ],
)
def test_acronym_query(name: str, letters: str | None) -> None:
    assert acronym_query(analyse(name, organisation=True)) == letters


def test_a_full_word_match_beats_an_acronym() -> None:
    explanation = explained("Shig", "SHIG")
    assert explanation.name.score == 1.0
    assert explanation.name.method == WORDS


# -- weak aliases --------------------------------------------------------------------------


def test_weak_alias_counts_when_exact() -> None:
    match = compare_names(weighted("Shahid Hemmat"), weighted("Shahid Hemmat", weak=True))
    assert match.score == 1.0


def test_weak_alias_at_the_minimum_counts() -> None:
    # One sound-alike word in two: (2 + 2 * 0.9) / 4 = 0.95, exactly the minimum.
    match = compare_names(weighted("Shahid Hemmat"), weighted("Shahid Hemat", weak=True))
    assert match.score == WEAK_ALIAS_MINIMUM == (2 + 2 * SOUND_SIMILARITY) / 4


def test_weak_alias_below_the_minimum_is_dropped() -> None:
    strong = compare_names(weighted("Shahid Hemmat"), weighted("Hemmat"))
    weak = compare_names(weighted("Shahid Hemmat"), weighted("Hemmat", weak=True))
    assert strong.score == round(2 / 3, 4)
    assert weak.score == 0.0
    assert weak.method == WORDS
    assert weak.detail == f"weak alias: needs {WEAK_ALIAS_MINIMUM} or more, had {strong.score}"


def test_acronym_of_a_weak_alias_is_dropped() -> None:
    query = weighted("SHIG")
    listed = "Shahid Hemmat Industrial Group"
    assert compare_names(query, weighted(listed)).score == acronym_score(4)
    weak = compare_names(query, weighted(listed, weak=True))
    assert weak.score == 0.0
    assert weak.method == ACRONYM


def test_a_weak_query_name_is_not_penalised() -> None:
    # Only the listed side's weakness matters.
    match = compare_names(weighted("Hemmat", weak=True), weighted("Shahid Hemmat"))
    assert match.score == round(2 / 3, 4)


# -- weights -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 150, REFERENCE_SIZE, 10 * REFERENCE_SIZE])
def test_unseen_and_unique_words_weigh_one(size: int) -> None:
    assert idf_weight(0, size) == 1.0
    assert idf_weight(1, size) == 1.0


def test_common_words_weigh_less_but_never_below_the_minimum() -> None:
    weights = [idf_weight(f, REFERENCE_SIZE) for f in (2, 10, 100, 1000, 10_000, REFERENCE_SIZE)]
    assert weights == sorted(weights, reverse=True)
    assert all(MIN_WEIGHT <= w < 1.0 for w in weights)
    assert idf_weight(10, REFERENCE_SIZE) == pytest.approx(
        math.log(REFERENCE_SIZE / 10) / math.log(REFERENCE_SIZE)
    )
    assert idf_weight(REFERENCE_SIZE, REFERENCE_SIZE) == MIN_WEIGHT
    assert idf_weight(5 * REFERENCE_SIZE, 5 * REFERENCE_SIZE) == MIN_WEIGHT


def test_small_lists_count_as_the_reference_size() -> None:
    # In a 150-name list a word in five names is still nearly as telling as a unique one.
    assert idf_weight(5, 150) == idf_weight(5, REFERENCE_SIZE) > 0.85
    assert idf_weight(150, 150) == idf_weight(150, REFERENCE_SIZE) > 0.5
    assert idf_weight(5, 10 * REFERENCE_SIZE) > idf_weight(5, REFERENCE_SIZE)


def test_weigh() -> None:
    assert weigh("trading", Kind.GENERIC, 0, 0) == Word(
        "trading", Kind.GENERIC, GENERIC_CAP, "generic trade word; no list statistics"
    )
    common = weigh("trading", Kind.GENERIC, 90_000, REFERENCE_SIZE)
    assert common.weight == idf_weight(90_000, REFERENCE_SIZE) < GENERIC_CAP
    assert weigh("7", Kind.NUMBER, 50_000, REFERENCE_SIZE).weight == 1.0
    rare = weigh("hemmat", Kind.WORD, 5, 150)
    assert rare.weight == round(idf_weight(5, 150), 4)
    assert rare.why == "in 5 of 150 listed names"


def test_weigh_form_gives_stop_words_no_weight_but_keeps_them() -> None:
    form = analyse("Bank of Iran Trading", organisation=True)
    words = weigh_form(form, {}, 0)
    assert [(w.text, w.kind, w.weight) for w in words] == [
        ("bank", Kind.GENERIC, GENERIC_CAP),  # rigour: DOMAIN:BANK
        ("of", Kind.STOP, 0.0),
        ("iran", Kind.WORD, 1.0),
        ("trading", Kind.GENERIC, GENERIC_CAP),
    ]


def test_a_stop_word_can_be_run_together_with_its_neighbour() -> None:
    # "de" and "al" are stop words, yet "Cheng De" is "Chengde" and "Al-Shami" is "Elshami".
    assert compare("Cheng De Engineering", "Chengde Engineering")[0] == 1.0
    score, explanation = compare("Nour AL-SHAMI", "Nour ELSHAMI")
    assert score > 0.9
    assert explanation is not None
    assert ("al shami", "elshami") in [(p.query, p.candidate) for p in explanation.name.pairs]
    # Stop words weigh nothing, so they never show among the unmatched words.
    _, plain = compare("Bank of Iran", "Bank Iran")
    assert plain is not None and plain.name.unmatched_query == []


def test_identifying_words_on_both_sides_are_a_conflict() -> None:
    score, explanation = compare("Golden Star Trading", "Silver Star Trading")
    assert explanation is not None
    assert "different identifying words golden vs silver" in explanation.name.detail
    one_sided, explained = compare("Star Trading", "Silver Star Trading")
    assert explained is not None and explained.name.detail == ""
    assert score < one_sided


def test_syllabic_names_are_compared_in_order_not_syllable_by_syllable() -> None:
    # Pairing syllables in any order would make Zhu Jingli and Li Jingzhi one person.
    assert compare("朱静丽", "李静志", "Person")[0] == 0.0
    for query in ("Zhu Jingli", "Jingli Zhu", "Zhu Jing Li"):
        score, explanation = compare(query, "朱静丽", "Person")
        assert score == 1.0, query
        assert explanation is not None and "syllabic" in explanation.name.detail


def test_a_short_one_word_name_matches_only_exactly() -> None:
    # "JCES" and "JCEF" are two codes, not one code with a typing slip.
    assert compare("JCES", "JCEF")[0] == 0.0
    assert compare("JCES", "EJCS")[0] == 0.0
    assert compare("KOMID", "KOMID")[0] == 1.0
    # Longer single words keep their spelling tolerance.
    assert compare("Ardalam", "Ardalan")[0] > 0.7


def test_a_weigher_looks_each_word_up_once_and_forgets_past_its_capacity() -> None:
    asked: list[list[str]] = []

    def frequencies(words: list[str]) -> list[int]:
        asked.append(words)
        return [1000] * len(words)

    weigher = Weigher(frequencies, 100_000, capacity=3)
    first = weigher.forms([analyse("Shahid Hemmat", True)])
    assert asked == [["hemmat", "shahid"]]
    assert weigher.forms([analyse("Hemmat Shahid", True)]) == [first[0][::-1]]
    assert len(asked) == 1  # remembered
    weigher.forms([analyse("Bank Melli Iran", True)])  # five words: more than it keeps
    again = weigher.forms([analyse("Shahid Hemmat", True)])
    assert again == first
    assert asked[-1] == ["hemmat", "shahid"]
