"""How alike two words are, and which kind of likeness it was.

Each rule is one piece of evidence an officer can check by eye: the same
word, a typing slip, the same sound (the same metaphone code or consonant
skeleton, with vowels that agree), or the same consonants alone when one
side was written in an abjad, whose transliteration has no vowels to agree.
Words with digits must be identical: "Unit 7" is not "Unit 1", and a "B747"
is not a "B737".

The rules are applied to whole matrices at once (every query word against
every word of every candidate), with the edit distances computed in C by
rapidfuzz, because a screening query compares hundreds of word pairs.  The
single-pair function is the same computation on a 1 x 1 matrix, so the
explanation can never disagree with the score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from interdict.parties.names.keys import phonetic, skeleton

EXACT = "exact"
INITIAL = "initial"
TYPO = "spelling"
SOUND = "sound"
CONSONANTS = "consonants"
JOINED = "joined"

SOUND_SIMILARITY = 0.9
INITIAL_SIMILARITY = 0.8
CONSONANT_SIMILARITY = 0.85
MAX_TYPO_SIMILARITY = 0.95
# Below this a word pair is not evidence of anything; the aligner ignores it.
MIN_SIMILARITY = 0.6
_MOST_EDITS = 2
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

Matrix = npt.NDArray[np.float64]


def allowed_edits(length: int) -> int:
    """Typing slips tolerated in a word of this length (insert, delete, swap or transpose).

    Two-letter words must match exactly; up to seven letters allow one slip,
    longer words two.  Short words are where fuzzy matching produces most
    false alarms, so they get the least room.
    """
    return int(_allowed(np.asarray(length)))


def _allowed(shortest: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    """``allowed_edits`` for a whole array of word lengths."""
    return np.where(shortest < 3, 0, np.where(shortest <= 7, 1, _MOST_EDITS))


def _typo_similarity(
    edits: npt.NDArray[np.int32], longest: npt.NDArray[np.int32]
) -> npt.NDArray[np.float64]:
    """Similarity of words a number of slips apart; arrays or single values alike."""
    return np.minimum(MAX_TYPO_SIMILARITY, 1.0 - edits / np.maximum(longest, 5))


@dataclass(frozen=True, slots=True)
class WordMatrix:
    """Similarities of every left word to every right word, with and without abjad rules.

    ``spelled`` holds the likeness by spelling alone (exact or typing slips):
    a run of words is one word written apart only if it is spelled alike, since
    sound and skeleton codes of long runs agree far too easily.
    """

    plain: Matrix
    abjad: Matrix
    spelled: Matrix

    def pick(self, abjad: bool) -> Matrix:
        return self.abjad if abjad else self.plain


def word_matrix(left: Sequence[str], right: Sequence[str]) -> WordMatrix:
    """Apply every rule to every pair; rows follow ``left``, columns ``right``."""
    if not left or not right:
        empty = np.zeros((len(left), len(right)))
        return WordMatrix(empty, empty, empty)
    edits = process.cdist(
        left, right, scorer=OSA.distance, score_cutoff=_MOST_EDITS, dtype=np.int32, workers=1
    )
    left_len = np.fromiter(map(len, left), np.int32, len(left))
    right_len = np.fromiter(map(len, right), np.int32, len(right))
    shortest = np.minimum.outer(left_len, right_len)
    longest = np.maximum.outer(left_len, right_len)
    typo = np.where(
        (edits > 0) & (edits <= _allowed(shortest)), _typo_similarity(edits, longest), 0.0
    )
    plain = np.where(edits == 0, 1.0, typo)
    spelled = plain.copy()
    numbers: dict[str, int] = {}
    left_sound, left_consonants, left_long, left_digits = _traits(left, numbers)
    right_sound, right_consonants, _, right_digits = _traits(right, numbers)
    same_consonants = _same(left_consonants, right_consonants)
    consonants = same_consonants & left_long[:, None]  # two letters or more in common
    sounds = _same(left_sound, right_sound) | consonants
    for i, j in zip(*np.nonzero(sounds & (plain < SOUND_SIMILARITY)), strict=True):
        if _same_vowels(left[i], right[j]):
            plain[i, j] = SOUND_SIMILARITY
    # An initial stands for any word it begins ("J" for John): likeness, not identity.
    initial = (left_len == 1)[:, None] & (right_len > 1) | (left_len > 1)[:, None] & (
        right_len == 1
    )
    if initial.any():
        same_first = np.equal.outer([w[:1] for w in left], [w[:1] for w in right])
        plain = np.where(initial & same_first, np.maximum(plain, INITIAL_SIMILARITY), plain)
    digits = left_digits[:, None] | right_digits
    unequal_digits = digits & (edits != 0)
    plain[unequal_digits] = 0.0
    spelled[unequal_digits] = 0.0
    # An abjad writes a short name with one or two letters (علی is "ly"): for words of
    # up to four letters a single shared consonant is all the evidence there can be.
    short = (longest <= 4) & same_consonants
    abjad = np.where((consonants | short) & ~digits, np.maximum(plain, CONSONANT_SIMILARITY), plain)
    return WordMatrix(plain, abjad, spelled)


@lru_cache(maxsize=100_000)
def word_similarity(a: str, b: str, abjad: bool) -> tuple[float, str]:
    """Similarity in [0, 1] of two ASCII words and the rule that gave it."""
    score = float(word_matrix([a], [b]).pick(abjad)[0, 0])
    return score, rule(a, b, score)


def rule(a: str, b: str, score: float) -> str:
    """Which rule produced ``score`` for the pair: the label the explanation shows."""
    if score == 0.0:
        return ""
    if a == b:
        return EXACT
    if score == INITIAL_SIMILARITY and min(len(a), len(b)) == 1:
        return INITIAL
    edits = OSA.distance(a, b)
    longest = np.asarray(max(len(a), len(b)))
    typo = float(_typo_similarity(np.asarray(edits), longest))
    if 0 < edits <= allowed_edits(min(len(a), len(b))) and score == typo:
        return TYPO
    return SOUND if score == SOUND_SIMILARITY else CONSONANTS


@lru_cache(maxsize=500_000)
def _word_traits(word: str) -> tuple[str, str, bool]:
    """What the rules read of a word besides its letters: sound code, consonants, digits."""
    return phonetic(word), skeleton(word), _has_digit(word)


Codes = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


def _traits(words: Sequence[str], numbers: dict[str, int]) -> tuple[Codes, Codes, Flags, Flags]:
    """Each word's sound code and consonant skeleton as numbers (-1 where empty), equal where
    the codes are equal (``numbers`` is shared by both sides); whether its skeleton has two
    letters or more; whether it has a digit."""
    traits = [_word_traits(word) for word in words]
    sound = [numbers.setdefault(code, len(numbers)) if code else -1 for code, _, _ in traits]
    consonants = [numbers.setdefault(code, len(numbers)) if code else -1 for _, code, _ in traits]
    long = [len(code) >= 2 for _, code, _ in traits]
    digits = [digit for _, _, digit in traits]
    return (
        np.array(sound, np.int64),
        np.array(consonants, np.int64),
        np.array(long, bool),
        np.array(digits, bool),
    )


def _same(left: Codes, right: Codes) -> Flags:
    """Pairs whose codes are equal and not empty."""
    same: Flags = np.equal.outer(left, right) & (left >= 0)[:, None]
    return same


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def vowel_classes(word: str) -> str:
    """Each vowel group of a word as a class: ``i`` (i, y, ei, ai), ``o`` (o, u, ou) or ``a``.

    Transliterations of one name swap vowels within a class (Mohammad,
    Muhammad; Hossein, Hussein) far more often than across classes, where
    different names live (Hassan, Hussein).  A leading ``y`` is a consonant.
    """
    body = word[1:] if word.startswith("y") else word
    classes = []
    for group in _VOWEL_GROUPS.findall(body):
        if "i" in group or "y" in group:
            classes.append("i")
        elif "o" in group or "u" in group:
            classes.append("o")
        else:
            classes.append("a")
    return "".join(classes)


def _same_vowels(a: str, b: str) -> bool:
    """Sound-alike words must agree on their vowel classes, group by group.

    One group may differ in words of five letters or more (Youssef, Yusuf;
    Трейдинг read as "treiding", trading); short words get no such room, and
    the number of groups must match (Hosseini is not Hussein).  Hassan and
    Hussein differ in both groups.
    """
    first, second = vowel_classes(a), vowel_classes(b)
    if len(first) != len(second) or not first:
        return False
    differences = sum(x != y for x, y in zip(first, second, strict=True))
    allowed = 1 if min(len(a), len(b)) >= 5 else 0
    return differences <= allowed and Indel.normalized_similarity(a, b) >= 0.5
