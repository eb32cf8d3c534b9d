"""Pair the words of two names and turn the pairing into a score.

Word order is ignored, so "Hemmat Shahid" pairs with "Shahid Hemmat"; the
best-scoring pairs are taken first and each word is used once.  Words left
over on either side cost their weight, which is how dropped and added
words lower a score in proportion to how much they identify.  A leftover
word may still equal two or three adjacent leftovers of the other name run
together ("Abdulrahman" and "Abdul Rahman").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interdict.parties.match.similarity import (
    JOINED,
    MIN_SIMILARITY,
    rule,
    word_matrix,
    word_similarity,
)
from interdict.parties.match.weights import Word
from interdict.parties.names.analysis import Kind

JOIN_MINIMUM = 0.8
MAX_JOINED = 3
# Rows are query words, columns candidate words.
Similarities = list[list[float]]


@dataclass(frozen=True, slots=True)
class Pair:
    """Words of the query and of the candidate taken for the same word, and why.

    ``how`` is worked out when asked for: only the explanations of reported
    matches need it, and most pairs belong to candidates that are not reported.
    """

    query: str
    candidate: str
    similarity: float
    weight: float
    joined: bool = False

    @property
    def how(self) -> str:
        return JOINED if self.joined else rule(self.query, self.candidate, self.similarity)


@dataclass(frozen=True, slots=True)
class WordAlignment:
    score: float
    pairs: tuple[Pair, ...]
    unmatched_query: tuple[Word, ...]
    unmatched_candidate: tuple[Word, ...]


def align(
    query: Sequence[Word], candidate: Sequence[Word], similarity: Similarities, abjad: bool
) -> WordAlignment:
    """Weighted Dice over greedily paired words: 1.0 when every word finds its twin.

    ``similarity[i][j]`` is the likeness of query word ``i`` and candidate
    word ``j``, from ``word_matrix``.
    """
    options = sorted(
        (-value, i, j)
        for i, row in enumerate(similarity)
        for j, value in enumerate(row)
        if value >= MIN_SIMILARITY
    )
    free_q = set(range(len(query)))
    free_c = set(range(len(candidate)))
    pairs: list[Pair] = []
    earned = 0.0
    for negative, i, j in options:
        if i in free_q and j in free_c:
            free_q.discard(i)
            free_c.discard(j)
            weight = query[i].weight + candidate[j].weight
            earned -= negative * weight
            q_text, c_text = query[i].text, candidate[j].text
            pairs.append(Pair(q_text, c_text, -negative, weight))
    if (free_q and len(free_c) >= 2) or (free_c and len(free_q) >= 2):
        for single, double, flip in ((query, candidate, False), (candidate, query, True)):
            free_single, free_double = (free_c, free_q) if flip else (free_q, free_c)
            for i, run, found in _joins(single, free_single, double, free_double, abjad):
                free_single.discard(i)
                free_double.difference_update(run)
                weight = single[i].weight + sum(double[j].weight for j in run)
                earned += found * weight
                together = " ".join(double[j].text for j in run)
                q_text, c_text = (together, single[i].text) if flip else (single[i].text, together)
                pairs.append(Pair(q_text, c_text, found, weight, joined=True))
    total = sum(w.weight for w in query) + sum(w.weight for w in candidate)
    score = earned / total if total else 0.0
    return WordAlignment(
        round(min(1.0, score), 4),
        tuple(pairs),
        tuple(query[i] for i in sorted(free_q)),
        tuple(candidate[j] for j in sorted(free_c)),
    )


def align_words(query: Sequence[Word], candidate: Sequence[Word], abjad: bool) -> WordAlignment:
    """``align`` for one pair of names, computing their word similarities first."""
    matrix = word_matrix([w.text for w in query], [w.text for w in candidate])
    return align(query, candidate, matrix.pick(abjad).tolist(), abjad)


def align_joined(query: Sequence[Word], candidate: Sequence[Word], rotate: bool) -> WordAlignment:
    """Compare two names with their identifying words run together; generic words one by one.

    Names written in Han, Hangul or Kana come out of transliteration as
    syllables whose grouping into words is arbitrary ("zhu jing li" for
    "Zhu Jingli"), and pairing syllables in any order would make "Zhu Jingli"
    and "Li Jingzhi" the same person.  Run together, they are compared in
    order; with ``rotate`` the query's words may also start at any of them,
    for a family name written last.  Generic words (already English, such as
    "group" for 集团) are paired as usual.
    """
    own = [w for w in query if w.kind is not Kind.GENERIC]
    theirs = [w for w in candidate if w.kind is not Kind.GENERIC]
    generic = align_words(
        [w for w in query if w.kind is Kind.GENERIC],
        [w for w in candidate if w.kind is Kind.GENERIC],
        False,
    )
    listed = "".join(w.text for w in theirs)
    orders = [own[i:] + own[:i] for i in range(len(own) if rotate else 1)] or [own]
    best_text, best = "".join(w.text for w in own), 0.0
    for order in orders:
        text = "".join(w.text for w in order)
        similarity = word_similarity(text, listed, False)[0] if text and listed else 0.0
        if similarity > best:
            best_text, best = text, similarity
    weight = sum(w.weight for w in own) + sum(w.weight for w in theirs)
    total = sum(w.weight for w in query) + sum(w.weight for w in candidate)
    earned = generic.score * (total - weight)
    if best >= MIN_SIMILARITY:
        pairs = (Pair(best_text, listed, best, weight), *generic.pairs)
        score = (best * weight + earned) / total if total else 0.0
        return WordAlignment(
            round(score, 4), pairs, generic.unmatched_query, generic.unmatched_candidate
        )
    score = earned / total if total else 0.0
    return WordAlignment(
        round(score, 4),
        generic.pairs,
        tuple(own) + generic.unmatched_query,
        tuple(theirs) + generic.unmatched_candidate,
    )


def _joins(
    single: Sequence[Word],
    free_single: set[int],
    double: Sequence[Word],
    free_double: set[int],
    abjad: bool,
) -> list[tuple[int, tuple[int, ...], float]]:
    """Leftover words that equal two or three adjacent leftovers of the other name run together.

    Romanised Chinese and Korean names are spaced, hyphenated or run
    together at the writer's whim ("Xue-jun-rui", "Xue Jun Rui", "Xuejunrui"),
    so a given name of three syllables must meet itself written as one word.
    """
    found: list[tuple[int, tuple[int, ...], float]] = []
    used: set[int] = set()
    for i in sorted(free_single):
        word = single[i].text
        best: tuple[tuple[int, ...], float] | None = None
        for j in sorted(free_double):
            for size in range(2, MAX_JOINED + 1):
                run = tuple(range(j, j + size))
                if any(k not in free_double or k in used for k in run):
                    break
                joined = "".join(double[k].text for k in run)
                if abs(len(joined) - len(word)) > 2:
                    continue
                similarity, _ = word_similarity(word, joined, abjad)
                if similarity >= JOIN_MINIMUM and (best is None or similarity > best[1]):
                    best = (run, similarity)
        if best is not None:
            found.append((i, best[0], best[1]))
            used.update(best[0])
    return found
