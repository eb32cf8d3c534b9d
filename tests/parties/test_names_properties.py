"""Properties of the name pipeline that must hold for any input whatever.

Screening input comes from users and from lists in every script; normalising
and analysing it must never fail, and must always give the same narrow
alphabet the index and the matcher rely on.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.parties.match.align import align_words
from interdict.parties.match.similarity import EXACT, word_similarity
from interdict.parties.match.weights import MIN_WEIGHT, Word
from interdict.parties.names.analysis import Kind, analyse, normalise
from interdict.parties.names.keys import acronym_query
from interdict.parties.names.spelling import letters_for_digits

NORMALISED = re.compile(r"(?:[a-z0-9]+(?: [a-z0-9]+)*)?")
TOKEN = re.compile(r"[a-z0-9]+")

# The whole of Unicode except surrogates, which cannot be encoded.
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
# Names as the lists write them: scripts mixed, combining marks, punctuation, odd spaces.
MIXED_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x41, max_codepoint=0x24F),  # Latin and extended Latin
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),  # Cyrillic
        st.characters(min_codepoint=0x600, max_codepoint=0x6FF),  # Arabic and Persian
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # Han
        st.characters(min_codepoint=0x300, max_codepoint=0x36F),  # combining marks
        st.sampled_from(list(".,;:-_'’ʻ`\"&()/«»")),
        st.sampled_from([" ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\u200b"]),
    ),
    max_size=40,
)
NAMES = st.one_of(ANY_TEXT, MIXED_TEXT)
ASCII_WORDS = st.from_regex(r"[a-z0-9]{0,12}", fullmatch=True)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(NAMES)
def test_normalise_gives_single_spaced_ascii_words_and_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert NORMALISED.fullmatch(once), once
    assert "  " not in once
    assert once == once.strip()
    assert normalise(once) == once


@FAST
@given(NAMES, st.booleans())
def test_analyse_never_raises_and_gives_ascii_tokens(text: str, organisation: bool) -> None:
    form = analyse(text, organisation)
    assert form.text == text
    assert len(form.tokens) == len(form.kinds)
    assert all(TOKEN.fullmatch(t) for t in form.tokens), form.tokens
    assert all(isinstance(k, Kind) for k in form.kinds)
    assert all(isinstance(f, str) and f for f in form.legal_forms)
    assert set(form.content) <= set(form.tokens)


@FAST
@given(NAMES)
def test_person_tokens_are_the_normalised_words(text: str) -> None:
    form = analyse(text, organisation=False)
    # the normalised words, with look-alike digits inside a word read as letters
    assert form.tokens == tuple(letters_for_digits(w) for w in normalise(text).split())
    assert form.legal_forms == ()


@FAST
@given(NAMES, st.booleans())
def test_acronyms_have_at_least_three_letters(text: str, organisation: bool) -> None:
    form = analyse(text, organisation)
    for initials in form.initials:
        assert len(initials) >= 3
        assert TOKEN.fullmatch(initials)
    letters = acronym_query(form)
    assert letters is None or len(letters) >= 3


@settings(max_examples=300, deadline=None)
@given(ASCII_WORDS, ASCII_WORDS, st.booleans())
def test_word_similarity_is_symmetric_bounded_and_exact_only_when_equal(
    a: str, b: str, abjad: bool
) -> None:
    forward = word_similarity(a, b, abjad)
    assert forward == word_similarity(b, a, abjad)
    similarity, how = forward
    assert 0.0 <= similarity <= 1.0
    assert (similarity == 1.0) == (a == b)
    assert (how == EXACT) == (a == b)


@settings(max_examples=100, deadline=None)
@given(ASCII_WORDS, st.booleans())
def test_word_similarity_of_a_word_with_itself(a: str, abjad: bool) -> None:
    assert word_similarity(a, a, abjad) == (1.0, EXACT)


WORDS = st.lists(
    st.builds(
        Word,
        text=st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True),
        kind=st.sampled_from([Kind.WORD, Kind.GENERIC, Kind.NUMBER]),
        weight=st.floats(min_value=MIN_WEIGHT, max_value=1.0),
        why=st.just("test"),
    ),
    max_size=6,
)


@FAST
@given(WORDS, WORDS, st.booleans())
def test_align_score_is_between_zero_and_one(
    query: list[Word], candidate: list[Word], abjad: bool
) -> None:
    alignment = align_words(query, candidate, abjad)
    assert 0.0 <= alignment.score <= 1.0
    # Every word is used once: in a pair (two if joined) or left over.
    used_query = sum(len(p.query.split()) for p in alignment.pairs)
    used_candidate = sum(len(p.candidate.split()) for p in alignment.pairs)
    assert used_query + len(alignment.unmatched_query) == len(query)
    assert used_candidate + len(alignment.unmatched_candidate) == len(candidate)


@FAST
@given(WORDS.filter(bool), st.booleans())
def test_align_of_identical_word_lists_is_one(words: list[Word], abjad: bool) -> None:
    alignment = align_words(words, words, abjad)
    assert alignment.score == 1.0
    assert alignment.unmatched_query == alignment.unmatched_candidate == ()
