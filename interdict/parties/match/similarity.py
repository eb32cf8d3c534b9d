"""How alike two words are, and which kind of likeness it was.

Each rule is one piece of evidence an officer can check by eye: the same
word, a typing slip, the same sound, or the same consonants when one side
was written in an abjad.  Words with digits must be identical: "Unit 7" is
not "Unit 1", and a "B747" is not a "B737".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA, Indel

from interdict.parties.names.keys import phonetic, skeleton

EXACT = "exact"
TYPO = "spelling"
SOUND = "sound"
CONSONANTS = "consonants"
JOINED = "joined"

SOUND_SIMILARITY = 0.9
CONSONANT_SIMILARITY = 0.85
MAX_TYPO_SIMILARITY = 0.95
# Below this a word pair is not evidence of anything; the aligner ignores it.
MIN_SIMILARITY = 0.6
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def allowed_edits(length: int) -> int:
    """Typing slips tolerated in a word of this length (insert, delete, swap or transpose).

    Two-letter words must match exactly; up to seven letters allow one slip,
    longer words two.  Short words are where fuzzy matching produces most
    false alarms, so they get the least room.
    """
    if length < 3:
        return 0
    return 1 if length <= 7 else 2


@lru_cache(maxsize=200_000)
def word_similarity(a: str, b: str, abjad: bool) -> tuple[float, str]:
    """Similarity in [0, 1] of two ASCII words and the rule that gave it."""
    if a == b:
        return 1.0, EXACT
    if _has_digit(a) or _has_digit(b):
        return 0.0, ""
    best, how = 0.0, ""
    longest = max(len(a), len(b))
    limit = allowed_edits(min(len(a), len(b)))
    if limit:
        edits = OSA.distance(a, b, score_cutoff=limit)
        if edits <= limit:
            best, how = min(MAX_TYPO_SIMILARITY, 1.0 - edits / max(longest, 5)), TYPO
    if best < SOUND_SIMILARITY:
        code = phonetic(a)
        if code and code == phonetic(b) and _same_vowels(a, b):
            best, how = SOUND_SIMILARITY, SOUND
    if abjad and best < CONSONANT_SIMILARITY:
        consonants = skeleton(a)
        if len(consonants) >= 2 and consonants == skeleton(b):
            best, how = CONSONANT_SIMILARITY, CONSONANTS
    return best, how


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


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
