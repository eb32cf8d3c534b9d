"""Word likeness at its boundaries: how many typing slips, which sounds, which consonants.

Short words are where fuzzy matching raises most false alarms, so the exact
length at which one and then two slips are tolerated is pinned here, with
the sound and consonant rules that can accept a pair the spelling rule
rejects.
"""

from __future__ import annotations

import pytest

from interdict.parties.match.similarity import (
    CONSONANT_SIMILARITY,
    CONSONANTS,
    EXACT,
    MAX_TYPO_SIMILARITY,
    SOUND,
    SOUND_SIMILARITY,
    TYPO,
    allowed_edits,
    word_similarity,
)
from interdict.parties.names.keys import phonetic, skeleton

REJECTED = (0.0, "")


def typo(edits: int, longest: int) -> tuple[float, str]:
    """What the spelling rule gives for ``edits`` slips, the longer word being ``longest``."""
    return min(MAX_TYPO_SIMILARITY, 1.0 - edits / max(longest, 5)), TYPO


@pytest.mark.parametrize(
    ("length", "edits"),
    [(0, 0), (1, 0), (2, 0), (3, 1), (4, 1), (7, 1), (8, 2), (9, 2), (30, 2)],
)
def test_allowed_edits(length: int, edits: int) -> None:
    assert allowed_edits(length) == edits


@pytest.mark.parametrize("abjad", [False])
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Two letters: nothing tolerated, not even a swap.
        ("li", "lu", REJECTED),
        ("ab", "ax", REJECTED),
        ("ab", "ba", REJECTED),
        # Three letters: one slip.
        ("abc", "abx", typo(1, 3)),
        ("kim", "kin", typo(1, 3)),
        ("abc", "abcd", typo(1, 4)),
        # The shorter word sets the limit: two letters against three.
        ("ab", "abc", REJECTED),
        # Seven letters: one slip, not two.
        ("abcdefg", "abcdefx", typo(1, 7)),
        ("abcdefg", "abcdexy", REJECTED),
        # Eight letters: two slips, not three.
        ("abcdefgh", "abcdefxy", typo(2, 8)),
        ("abcdefgh", "abcdexyz", REJECTED),
        ("abcdefgh", "abcdefghij", typo(2, 10)),
    ],
)
def test_spelling_slips_at_the_length_boundaries(
    a: str, b: str, expected: tuple[float, str], abjad: bool
) -> None:
    assert word_similarity(a, b, abjad) == expected
    assert word_similarity(b, a, abjad) == expected


def test_transposition_is_one_edit() -> None:
    # Consonant-only words, so that no sound-alike rule can step in.
    assert word_similarity("bcd", "cbd", False) == typo(1, 3)
    assert word_similarity("bcdfghk", "bcdfgkh", False) == typo(1, 7)
    # Two transpositions are two edits, too many for seven letters.
    assert word_similarity("bcdfghk", "cbdfgkh", False) == REJECTED


def test_spelling_similarity_is_capped_below_a_certainty() -> None:
    long = "abcdefghijklmnopqrst"
    assert word_similarity(long, long[:-1] + "x", False) == (MAX_TYPO_SIMILARITY, TYPO)
    assert word_similarity(long * 2, long * 2 + "x", False) == (MAX_TYPO_SIMILARITY, TYPO)


def test_identical_words_are_exact() -> None:
    assert word_similarity("hemmat", "hemmat", False) == (1.0, EXACT)
    assert word_similarity("a", "a", True) == (1.0, EXACT)


@pytest.mark.parametrize(
    ("a", "b"),
    [("youssef", "yusuf"), ("mohammad", "muhammad"), ("hassan", "hasan"), ("smith", "smyth")],
)
def test_sound_alikes(a: str, b: str) -> None:
    assert phonetic(a) == phonetic(b)
    assert word_similarity(a, b, False) == (SOUND_SIMILARITY, SOUND)


def test_sound_beats_a_weaker_spelling_match() -> None:
    # One slip in eight letters is 0.875 as spelling; the same sound is worth more.
    assert typo(1, 8)[0] < SOUND_SIMILARITY
    assert word_similarity("mohammad", "muhammad", False) == (SOUND_SIMILARITY, SOUND)


def test_same_sound_needs_similar_letters() -> None:
    assert phonetic("tes") == phonetic("toaaus")
    assert word_similarity("tes", "toaaus", False) == REJECTED


@pytest.mark.parametrize(("a", "b"), [("hosseini", "hassan"), ("hassan", "hussein")])
def test_different_names_with_the_same_consonants_are_not_sound_alikes(a: str, b: str) -> None:
    assert word_similarity(a, b, False)[0] < SOUND_SIMILARITY


@pytest.mark.parametrize(
    ("latin", "abjad_form"),
    [
        ("shahid", "shhyd"),  # شهید
        ("hemmat", "hmt"),  # همت
        ("yosef", "ywsp"),  # יוסף: final pe read as f
        ("feres", "prs"),  # פרס: pe or fe
    ],
)
def test_consonant_skeleton_only_for_abjads(latin: str, abjad_form: str) -> None:
    assert skeleton(latin) == skeleton(abjad_form)
    assert word_similarity(latin, abjad_form, True) == (CONSONANT_SIMILARITY, CONSONANTS)
    assert word_similarity(abjad_form, latin, True) == (CONSONANT_SIMILARITY, CONSONANTS)
    assert word_similarity(latin, abjad_form, False) == REJECTED


def test_short_words_may_share_a_single_consonant_longer_ones_need_two() -> None:
    # علي gives "ly": for words of up to four letters one consonant is all there is.
    assert skeleton("ly") == skeleton("ali") == "l"
    assert word_similarity("ali", "ly", True) == (CONSONANT_SIMILARITY, CONSONANTS)
    assert word_similarity("li", "lu", True) == (CONSONANT_SIMILARITY, CONSONANTS)
    # Five letters and one consonant: too little to go on.
    assert skeleton("aliaa") == "l"
    assert word_similarity("aliaa", "ly", True) == REJECTED
    assert word_similarity("ali", "ly", False) == REJECTED


def test_skeleton_is_not_used_when_a_better_rule_applies() -> None:
    assert word_similarity("hemmat", "hemat", True) == (SOUND_SIMILARITY, SOUND)


@pytest.mark.parametrize("abjad", [False, True])
@pytest.mark.parametrize(
    ("a", "b"), [("7", "1"), ("1960", "1961"), ("12", "21"), ("7", "seven"), ("1", "i")]
)
def test_numbers_must_be_identical(a: str, b: str, abjad: bool) -> None:
    assert word_similarity(a, b, abjad) == REJECTED
    assert word_similarity(a, a, abjad) == (1.0, EXACT)


def test_digits_inside_a_word_must_be_identical() -> None:
    assert word_similarity("b747", "b737", False) == REJECTED
