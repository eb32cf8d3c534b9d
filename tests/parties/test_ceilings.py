"""Score ceilings: screening skips a candidate only if it could never reach the threshold.

``score.ceilings`` bounds every candidate's score from above, and screening
does not score a candidate whose ceiling is below the threshold.  The
properties below generate names built to exercise every rule that can raise
a score (exact words, typing slips, sound-alikes, abjad consonants, words
run together, acronyms, codes, weak aliases, identifiers, countries, birth
dates) and check that no score ever exceeds its ceiling, so pruning can
never change a result.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.parties.match.align import WordTable
from interdict.parties.match.names import WeightedName
from interdict.parties.match.score import Facts, ceilings, score
from interdict.parties.match.similarity import word_matrix
from interdict.parties.match.weights import Weigher
from interdict.parties.names.analysis import analyse

# Words that meet each other in many ways: slips, sounds, runs, abjad spellings, digits.
STEMS = [
    "abdul",
    "rahman",
    "abdulrahman",
    "rahmen",
    "mohammad",
    "muhammad",
    "mohamed",
    "hossein",
    "hussein",
    "hosseini",
    "ali",
    "yusuf",
    "youssef",
    "shahid",
    "hemmat",
    "shhyd",
    "hmt",
    "golden",
    "silver",
    "star",
    "trading",
    "industrial",
    "group",
    "company",
    "bank",
    "iran",
    "of",
    "al",
    "de",
    "el",
    "shami",
    "elshami",
    "cheng",
    "chengde",
    "jces",
    "jcef",
    "komid",
    "shig",
    "unit",
    "7",
    "1",
    "b747",
    "b737",
    "ardalan",
    "ardalam",
    "tri",
    "ltd",
]
# Names in other scripts, with a Latin reading that a query may give instead.
READINGS = {
    "شهید همت": "shahid hemmat",
    "علی": "ali",
    "محمد حسینی": "mohammad hosseini",
    "習近平": "xi jinping",
    "朱静丽": "zhu jingli",
    "李静志": "li jingzhi",
    "中兴集团": "zhong xing group",
    "中兴通讯集团有限公司": "zhongxing tongxun group",
    "Шахид Хеммат": "shahid hemmat",
    "עבדול רחמן": "abdul rahman",
}


@st.composite
def variant(draw: st.DrawFn, words: list[str]) -> str:
    """``words`` as another list might write them: reordered, mistyped, joined, split, cut."""
    words = list(draw(st.permutations(words)) if draw(st.booleans()) else words)
    for _ in range(draw(st.integers(0, 2))):
        index = draw(st.integers(0, len(words) - 1))
        word, how = words[index], draw(st.sampled_from(["slip", "join", "split", "drop", "add"]))
        cut = draw(st.integers(0, len(word)))
        if how == "slip":
            words[index] = word[:cut] + draw(st.sampled_from(["", "x", "a", "u"])) + word[cut + 1 :]
        elif how == "join" and index + 1 < len(words):
            words[index : index + 2] = [word + words[index + 1]]
        elif how == "split" and 0 < cut < len(word):
            words[index : index + 1] = [word[:cut], word[cut:]]
        elif how == "drop" and len(words) > 1:
            del words[index]
        elif how == "add":
            words.insert(index, draw(st.sampled_from(STEMS)))
    if draw(st.integers(0, 5)) == 0:
        return ".".join(word[0] for word in words if word) + "."
    return " ".join(words)


@st.composite
def names(draw: st.DrawFn, base: list[str], native: str | None) -> str:
    """Mostly a variant of ``base`` or its native writing; sometimes an unrelated name."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.sampled_from(list(READINGS)))
    if choice <= 2 and native:
        return native
    if choice <= 3:
        return draw(variant(draw(st.lists(st.sampled_from(STEMS), min_size=1, max_size=5))))
    return draw(variant(base))


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[str], list[tuple[list[tuple[str, bool]], Facts]]]:
    """Query names and candidates (names with a weak flag, facts), all around one base name."""
    native = draw(st.sampled_from([None, None, *READINGS]))
    if native:
        base = READINGS[native].split()
    else:
        base = draw(st.lists(st.sampled_from(STEMS), min_size=1, max_size=5))
    query = draw(st.lists(names(base, native), min_size=1, max_size=2))
    candidate = st.tuples(
        st.lists(st.tuples(names(base, native), st.booleans()), max_size=4), FACTS
    )
    return query, draw(st.lists(candidate, min_size=1, max_size=6))


FACTS = st.builds(
    Facts,
    schema=st.sampled_from(["Person", "Organization", "LegalEntity"]),
    countries=st.lists(st.sampled_from(["ir", "ru", "cn"]), max_size=2).map(tuple),
    birth_dates=st.lists(st.sampled_from(["1960", "1961-05-01", "1975"]), max_size=2).map(tuple),
    identifiers=st.lists(st.sampled_from(["IMO 1234567", "A-99"]), max_size=1).map(tuple),
)


def weighed(
    texts: list[str], weak: list[bool], weigher: Weigher, organisation: bool
) -> tuple[WeightedName, ...]:
    forms = [analyse(text, organisation) for text in texts]
    kept = [(form, flag) for form, flag in zip(forms, weak, strict=True) if form.content]
    weighed = weigher.forms([form for form, _ in kept])
    return tuple(
        WeightedName(form, words, flag) for (form, flag), words in zip(kept, weighed, strict=True)
    )


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), query_facts=FACTS, seed=st.integers(0, 2**32 - 1))
def test_no_score_exceeds_its_ceiling(
    case: tuple[list[str], list[tuple[list[tuple[str, bool]], Facts]]],
    query_facts: Facts,
    seed: int,
) -> None:
    query, candidates = case
    rng = random.Random(seed)
    frequencies = {word: rng.choice([0, 1, 3, 40, 900, 30_000]) for word in STEMS}
    weigher = Weigher(
        lambda words: [frequencies.get(w, 0) for w in words], rng.choice([150, 137_774])
    )
    organisation = query_facts.schema != "Person"
    query_names = weighed(query, [False] * len(query), weigher, organisation)
    listed = [
        (weighed([n for n, _ in rows], [w for _, w in rows], weigher, organisation), facts)
        for rows, facts in candidates
    ]
    table = WordTable([q.words for q in query_names], [n.words for c, _ in listed for n in c])
    bounds = ceilings(query_names, query_facts, listed, table)
    for (candidate, facts), ceiling in zip(listed, bounds, strict=True):
        scored = score(query_names, query_facts, candidate, facts, table)
        if scored is None:
            assert ceiling < 0
        else:
            assert scored.score <= ceiling, (query, candidate, scored.score, ceiling)


@given(case=cases())
def test_word_likeness_is_symmetric(
    case: tuple[list[str], list[tuple[list[tuple[str, bool]], Facts]]],
) -> None:
    left, candidates = case
    right = [name for names, _ in candidates for name, _ in names] or left
    # WordTable reads a query run against a listed word from the query's side.
    words = [w for text in left for w in analyse(text, True).tokens]
    others = [w for text in right for w in analyse(text, True).tokens]
    forward, backward = word_matrix(words, others), word_matrix(others, words)
    assert (forward.plain == backward.plain.T).all()
    assert (forward.abjad == backward.abjad.T).all()


def test_a_candidate_without_names_has_no_ceiling() -> None:
    weigher = Weigher(lambda words: [0] * len(words), 0)
    query = weighed(["Shahid Hemmat"], [False], weigher, True)
    table = WordTable([q.words for q in query], [])
    assert ceilings(query, Facts("Organization"), [((), Facts("Organization"))], table) == [-1.0]


def test_the_ceiling_of_an_exact_match_is_its_score() -> None:
    weigher = Weigher(lambda words: [0] * len(words), 0)
    query = weighed(["Shahid Hemmat Industrial Group"], [False], weigher, True)
    listed = [
        (query, Facts("Organization")),
        (weighed(["Silver Star"], [False], weigher, True), Facts("Organization")),
    ]
    table = WordTable([q.words for q in query], [n.words for c, _ in listed for n in c])
    exact, other = ceilings(query, Facts("Organization"), listed, table)
    assert exact == 1.0
    assert other < 0.1
