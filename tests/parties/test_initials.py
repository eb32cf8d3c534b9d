"""An initial in a person's name stands for any given name it begins."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interdict.parties.compare import compare_names
from interdict.parties.match.similarity import (
    INITIAL,
    INITIAL_SIMILARITY,
    word_matrix,
    word_similarity,
)
from interdict.parties.names.analysis import Kind, analyse
from interdict.parties.results import DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("A. Khamenei", "Ali Khamenei"),
        ("N. Nazarbayev", "Nursultan Nazarbayev"),
        ("Hans J Friedrich", "Hans Joachim Friedrich"),
        ("Ali Khamenei", "A. Khamenei"),
    ],
)
def test_an_initial_meets_the_name_it_begins(query: str, listed: str) -> None:
    score, explanation = compare_names(query, listed, "Person")
    assert score >= DEFAULT_THRESHOLD
    assert explanation is not None
    assert INITIAL in {p.how for p in explanation.name.pairs}


def test_an_initial_of_another_name_is_a_conflict() -> None:
    score, _ = compare_names("J. Smith", "Mary Smith", "Person")
    assert score < DEFAULT_THRESHOLD


def test_the_initial_rule_and_its_label() -> None:
    assert word_similarity("j", "john", False) == (INITIAL_SIMILARITY, INITIAL)
    assert word_similarity("john", "j", False) == (INITIAL_SIMILARITY, INITIAL)
    assert word_similarity("j", "mary", False) == (0.0, "")
    assert word_similarity("j", "j", False)[1] == "exact"


def test_a_single_letter_is_an_initial_in_a_person_but_may_be_an_article_elsewhere() -> None:
    assert analyse("A Khamenei", organisation=False).kinds == (Kind.WORD, Kind.WORD)
    assert analyse("A Khamenei", organisation=True).kinds[0] is Kind.STOP


def test_empty_words_beside_an_initial_are_no_likeness() -> None:
    matrix = word_matrix(["j", ""], ["john", ""]).plain
    assert matrix.tolist() == [[INITIAL_SIMILARITY, 0.0], [0.0, 1.0]]


WORD = st.text(alphabet="abcdeghijklmnorstuyz0123456789", max_size=9)


@given(left=st.lists(WORD, max_size=5), right=st.lists(WORD, max_size=5))
def test_any_words_give_likenesses_between_0_and_1_and_one_letter_initials_only(
    left: list[str], right: list[str]
) -> None:
    matrix = word_matrix(left, right).plain
    assert matrix.shape == (len(left), len(right))
    assert ((matrix >= 0.0) & (matrix <= 1.0)).all()
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if matrix[i, j] == INITIAL_SIMILARITY and min(len(a), len(b)) == 1 and a != b:
                assert a[:1] == b[:1]
