"""Pair the words of two names and turn the pairing into a score.

Word order is ignored, so "Hemmat Shahid" pairs with "Shahid Hemmat"; the
best-scoring pairs are taken first and each word is used once.  Words left
over on either side cost their weight, which is how dropped and added
words lower a score in proportion to how much they identify.  A leftover
word may still equal two or three adjacent leftovers of the other name run
together ("Abdulrahman" and "Abdul Rahman", "Xuejunrui" and "Xue-jun-rui").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from interdict.parties.match.similarity import (
    JOINED,
    MIN_SIMILARITY,
    Matrix,
    rule,
    word_matrix,
    word_similarity,
)
from interdict.parties.match.weights import Word
from interdict.parties.names.analysis import Kind
from interdict.parties.names.keys import RUN_SIZES, loose_romanisation

JOIN_MINIMUM = 0.8
# Names alike only once romanisation differences are merged (Zhu/Chu) weigh a little less.
LOOSE_FACTOR = 0.95
ROMANISATION = "romanisation"
# A run is compared with a single word only when their lengths differ this little.
JOIN_LENGTH_GAP = 2
Grid = list[list[float]]
Likeness = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class Similarities:
    """Every word likeness one alignment may read, looked up rather than computed.

    ``words[i][j]``: query word ``i`` and candidate word ``j``.
    ``query_runs[j][k]``: candidate word ``j`` and the query's run ``k``, whose words
    ``query_spans[k]`` gives.  ``candidate_runs[i][k]``: query word ``i`` and the
    candidate's run ``k`` (``candidate_spans[k]``).  A run holds 0.0 where it cannot count
    as a join (lengths too far apart, or below ``JOIN_MINIMUM``).
    """

    words: Grid
    query_runs: Grid
    candidate_runs: Grid
    query_spans: list[range]
    candidate_spans: list[range]


class WordTable:
    """All the likenesses between the words of some query names and of some listed names.

    Screening compares a query with a few dozen candidates: one table for
    all of them computes every word pair, and every word against every two
    or three adjacent words of the other side (for joins), in one call to
    ``word_matrix`` instead of one call per pair of names and one per
    possible join.
    """

    def __init__(self, query: Sequence[Sequence[Word]], listed: Sequence[Sequence[Word]]) -> None:
        self._rows = _positions(query)
        self._cols = _positions(listed)
        self._row_runs = _run_positions(query)
        self._col_runs = _run_positions(listed)
        # One matrix holds every block: likeness is symmetric, so a query run against a
        # listed word is read from the query side.  A run is compared only if some word of
        # the other side is near its length: most runs are far longer than any single
        # word, and the rest of the table keeps 0.0 for them.
        rows, cols = list(self._rows), list(self._cols)
        row_runs = _near(list(self._row_runs), cols)
        col_runs = _near(list(self._col_runs), rows)
        left = rows + [run for _, run in row_runs]
        right = cols + [run for _, run in col_runs]
        both = word_matrix(left, right)
        near = np.abs(np.subtract.outer(_lengths(left), _lengths(right))) <= JOIN_LENGTH_GAP
        self._arrays: dict[bool, tuple[Matrix, Matrix, Matrix]] = {}
        for abjad in (False, True):
            values = both.pick(abjad)
            # Outside an abjad, a run joins a word only if spelled alike (see WordMatrix).
            joinable = both.abjad if abjad else both.spelled
            runs = np.where(near & (joinable >= JOIN_MINIMUM), joinable, 0.0)
            query_runs = np.zeros((len(cols), len(self._row_runs)))
            query_runs[:, [k for k, _ in row_runs]] = runs[len(rows) :, : len(cols)].T
            candidate_runs = np.zeros((len(rows), len(self._col_runs)))
            candidate_runs[:, [k for k, _ in col_runs]] = runs[: len(rows), len(cols) :]
            self._arrays[abjad] = (values[: len(rows), : len(cols)], query_runs, candidate_runs)
        # Names are a handful of words: plain lists beat NumPy indexing at that size.  They
        # are made when first needed: most candidates are never aligned (see ``ceilings``).
        self._lists: dict[bool, tuple[Grid, Grid, Grid]] = {}

    def between(
        self, query: Sequence[Word], candidate: Sequence[Word], abjad: bool
    ) -> Similarities:
        """The likenesses of one query name's words and one listed name's words."""
        if abjad not in self._lists:
            arrays = self._arrays[abjad]
            self._lists[abjad] = (arrays[0].tolist(), arrays[1].tolist(), arrays[2].tolist())
        words, query_runs, candidate_runs = self._lists[abjad]
        rows = [self._rows[w.text] for w in query]
        cols = [self._cols[w.text] for w in candidate]
        query_spans, candidate_spans = _spans(len(query)), _spans(len(candidate))
        row_runs = [self._row_runs[_run_text(query, span)] for span in query_spans]
        col_runs = [self._col_runs[_run_text(candidate, span)] for span in candidate_spans]
        return Similarities(
            [[words[r][c] for c in cols] for r in rows],
            [[query_runs[c][r] for r in row_runs] for c in cols],
            [[candidate_runs[r][c] for c in col_runs] for r in rows],
            query_spans,
            candidate_spans,
        )

    def ceilings(
        self,
        query: Sequence[Sequence[Word]],
        listed: Sequence[Sequence[Word]],
        abjad: npt.NDArray[np.bool_],
    ) -> Matrix:
        """For each query name (rows) and listed name (columns), a score ``align`` cannot exceed.

        However the greedy pairing turns out, each word earns at most its
        weight times its best likeness with any word of the other name, or
        with any run of two or three words that it might join (and each
        word of a run at most the run's likeness).  Summed over both names and divided
        by their total weight, that bounds the weighted Dice from above,
        for every pair of names in a few array operations.  ``abjad[q, c]``
        says whether the pair is compared by the abjad rules.  Not rounded.
        """
        flat = _Flattened(listed, self._cols, self._col_runs)
        result = np.zeros((len(query), len(listed)))
        for number, words in enumerate(query):
            rows = [self._rows[w.text] for w in words]
            spans = _spans(len(words))
            row_runs = [(self._row_runs[_run_text(words, span)], span) for span in spans]
            modes = abjad[number]
            best = self._best(rows, row_runs, flat, bool(modes.any()))
            if not modes.all():
                plain = self._best(rows, row_runs, flat, False)
                best = np.where(np.repeat(modes, flat.lengths)[None, :], best, plain)
            weights = np.fromiter((w.weight for w in words), np.float64, len(words))
            earned = weights @ np.maximum.reduceat(best, flat.starts, axis=1)
            earned += np.add.reduceat(flat.weights * best.max(axis=0), flat.starts)
            total = weights.sum() + flat.totals
            np.divide(earned, total, out=result[number], where=total > 0)
        return result

    def _best(
        self, rows: list[int], row_runs: list[tuple[int, range]], flat: _Flattened, abjad: bool
    ) -> Matrix:
        """Best likeness of each query word with each listed word occurrence, joins included."""
        words, query_runs, candidate_runs = self._arrays[abjad]
        best: Matrix = words[np.ix_(rows, flat.cols)]
        if len(flat.run_cols):
            runs = candidate_runs[np.ix_(rows, flat.run_cols)]
            # One size at a time: runs of one size start at distinct words, so no column
            # is written twice by one fancy assignment (where the last write would win).
            for size in RUN_SIZES:
                sized = flat.run_sizes == size
                for offset in range(size):
                    side = flat.run_firsts[sized] + offset
                    best[:, side] = np.maximum(best[:, side], runs[:, sized])
        if row_runs:
            runs = query_runs[np.ix_(flat.cols, [k for k, _ in row_runs])].T
            for values, (_, span) in zip(runs, row_runs, strict=True):
                best[span.start : span.stop] = np.maximum(best[span.start : span.stop], values)
        return best


class _Flattened:
    """The words of many listed names end to end, as ``WordTable.ceilings`` reads them."""

    def __init__(
        self, names: Sequence[Sequence[Word]], cols: dict[str, int], col_runs: dict[str, int]
    ) -> None:
        self.lengths = np.fromiter(map(len, names), np.int64, len(names))
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1]))
        words = [word for name in names for word in name]
        self.cols = [cols[w.text] for w in words]
        self.weights = np.fromiter((w.weight for w in words), np.float64, len(words))
        self.totals = np.add.reduceat(self.weights, self.starts)
        runs = [
            (start + span.start, len(span), col_runs[_run_text(name, span)])
            for start, name in zip(self.starts.tolist(), names, strict=True)
            for span in _spans(len(name))
        ]
        self.run_firsts = np.fromiter((first for first, _, _ in runs), np.int64, len(runs))
        self.run_sizes = np.fromiter((size for _, size, _ in runs), np.int64, len(runs))
        self.run_cols = [col for _, _, col in runs]


def _positions(names: Sequence[Sequence[Word]]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for words in names:
        for word in words:
            positions.setdefault(word.text, len(positions))
    return positions


def _run_positions(names: Sequence[Sequence[Word]]) -> dict[str, int]:
    """Every run of adjacent words of the names, run together ("abdul" "rahman": "abdulrahman")."""
    positions: dict[str, int] = {}
    for words in names:
        for span in _spans(len(words)):
            positions.setdefault(_run_text(words, span), len(positions))
    return positions


def _spans(length: int) -> list[range]:
    """The positions of every run of two or three adjacent words in a name of ``length`` words."""
    return [range(i, i + size) for size in RUN_SIZES for i in range(length - size + 1)]


def _run_text(words: Sequence[Word], span: range) -> str:
    return "".join([words[i].text for i in span])


def _near(runs: list[str], words: list[str]) -> list[tuple[int, str]]:
    """The runs (with their positions) within ``JOIN_LENGTH_GAP`` letters of some word's length."""
    gap = range(-JOIN_LENGTH_GAP, JOIN_LENGTH_GAP + 1)
    lengths = {length + step for length in set(map(len, words)) for step in gap}
    return [(k, run) for k, run in enumerate(runs) if len(run) in lengths]


def _lengths(words: Sequence[str]) -> npt.NDArray[np.int64]:
    return np.fromiter(map(len, words), np.int64, len(words))


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
    romanised: bool = False

    @property
    def how(self) -> str:
        if self.romanised:
            return ROMANISATION
        return JOINED if self.joined else rule(self.query, self.candidate, self.similarity)


@dataclass(frozen=True, slots=True)
class WordAlignment:
    score: float
    pairs: tuple[Pair, ...]
    unmatched_query: tuple[Word, ...]
    unmatched_candidate: tuple[Word, ...]


def align(
    query: Sequence[Word], candidate: Sequence[Word], similarity: Similarities
) -> WordAlignment:
    """Weighted Dice over greedily paired words: 1.0 when every word finds its twin.

    ``similarity`` holds the likenesses of the two names' words, from a ``WordTable``.
    """
    options = sorted(
        (-value, i, j)
        for i, row in enumerate(similarity.words)
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
        for single, double, flip, runs, spans in (
            (query, candidate, False, similarity.candidate_runs, similarity.candidate_spans),
            (candidate, query, True, similarity.query_runs, similarity.query_spans),
        ):
            free_single, free_double = (free_c, free_q) if flip else (free_q, free_c)
            for i, span, found in _joins(free_single, free_double, runs, spans):
                free_single.discard(i)
                free_double.difference_update(span)
                weight = single[i].weight + sum(double[j].weight for j in span)
                earned += found * weight
                apart = " ".join(double[j].text for j in span)
                q_text, c_text = (apart, single[i].text) if flip else (single[i].text, apart)
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
    """``align`` for one pair of names, computing their word similarities first.

    With no words on one side nothing can pair, and ``align`` would say so
    after building a table: syllabic names, whose generic words are aligned
    here, mostly have none.
    """
    if not query or not candidate:
        return WordAlignment(0.0, (), tuple(query), tuple(candidate))
    return align(query, candidate, WordTable([query], [candidate]).between(query, candidate, abjad))


def align_joined(
    query: Sequence[Word], candidate: Sequence[Word], syllabic: tuple[bool, bool]
) -> WordAlignment:
    """Compare two names with their identifying words run together; generic words one by one.

    Names written in Han, Hangul or Kana come out of transliteration as
    syllables whose grouping into words is arbitrary ("zhu jing li" for
    "Zhu Jingli"), and pairing syllables in any order would make "Zhu Jingli"
    and "Li Jingzhi" the same person.  Run together, they are compared in
    order; the words of the side in Latin letters may also start at any of
    them, for a family name written last (``syllabic`` says which side is
    written in a syllabic script).  Each reading is also compared with the
    letters that romanisation systems disagree on merged, at a little less
    than its likeness.  Generic words (already English, such as "group" for
    集团) are paired as usual.
    """
    own, theirs = _identifying(query), _identifying(candidate)
    reading, best = _run_together(joined_readings(query, candidate, syllabic), _likeness)
    generic = align_words(
        [w for w in query if w.kind is Kind.GENERIC],
        [w for w in candidate if w.kind is Kind.GENERIC],
        False,
    )
    weight = sum(w.weight for w in own) + sum(w.weight for w in theirs)
    total = sum(w.weight for w in query) + sum(w.weight for w in candidate)
    earned = generic.score * (total - weight)
    if best >= MIN_SIMILARITY:
        pair = Pair(reading.query, reading.listed, best, weight, romanised=reading.loose)
        score = (best * weight + earned) / total if total else 0.0
        return WordAlignment(
            round(score, 4),
            (pair, *generic.pairs),
            generic.unmatched_query,
            generic.unmatched_candidate,
        )
    score = earned / total if total else 0.0
    return WordAlignment(
        round(score, 4),
        generic.pairs,
        tuple(own) + generic.unmatched_query,
        tuple(theirs) + generic.unmatched_candidate,
    )


def joined_ceiling(
    query: Sequence[Word],
    candidate: Sequence[Word],
    readings: list[Reading],
    likeness: Likeness,
) -> float:
    """A score ``align_joined`` cannot exceed, before rounding: its generic words taken as
    perfectly paired, so that only the identifying words are compared.  ``readings`` are
    the pair's ``joined_readings`` and ``likeness`` gives the similarity of two texts, as
    ``word_similarity`` does (screening computes both for all its candidates at once)."""
    own, theirs = _identifying(query), _identifying(candidate)
    _, best = _run_together(readings, likeness)
    weight = sum(w.weight for w in own) + sum(w.weight for w in theirs)
    total = sum(w.weight for w in query) + sum(w.weight for w in candidate)
    earned = total - weight + (best * weight if best >= MIN_SIMILARITY else 0.0)
    return earned / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Reading:
    """One way ``align_joined`` lines two names up: both run together, perhaps loosely."""

    query: str
    listed: str
    compared: tuple[str, str]
    loose: bool


def joined_readings(
    query: Sequence[Word], candidate: Sequence[Word], syllabic: tuple[bool, bool]
) -> list[Reading]:
    """What ``align_joined`` compares: each side's identifying words run together, the
    Latin side's in every rotation, each pair as written and with romanisation merged."""
    query_syllabic, candidate_syllabic = syllabic
    own = _orders(_identifying(query), not query_syllabic)
    theirs = _orders(_identifying(candidate), query_syllabic and not candidate_syllabic)
    readings = []
    for mine in own:
        for other in theirs:
            readings.append(Reading(mine, other, (mine, other), False))
            loose = (loose_romanisation(mine), loose_romanisation(other))
            if loose != (mine, other):
                readings.append(Reading(mine, other, loose, True))
    return readings


def _orders(words: list[Word], rotate: bool) -> list[str]:
    orders = [words[i:] + words[:i] for i in range(len(words) if rotate else 1)] or [words]
    return ["".join(w.text for w in order) for order in orders]


def _run_together(readings: list[Reading], likeness: Likeness) -> tuple[Reading, float]:
    """The best of a pair's readings run together, and its likeness."""
    chosen, best = readings[0], 0.0
    for reading in readings:
        mine, other = reading.compared
        similarity = likeness(mine, other) if mine and other else 0.0
        if reading.loose:
            similarity = round(similarity * LOOSE_FACTOR, 4)
        if similarity > best:
            chosen, best = reading, similarity
    return chosen, best


def _identifying(words: Sequence[Word]) -> list[Word]:
    return [w for w in words if w.kind is not Kind.GENERIC]


def _likeness(a: str, b: str) -> float:
    return word_similarity(a, b, False)[0]


def _joins(
    free_single: set[int], free_double: set[int], runs: Grid, spans: list[range]
) -> list[tuple[int, range, float]]:
    """Leftover words that equal two or three adjacent leftovers of the other name run together.

    ``runs[i][k]`` is the likeness of single word ``i`` and the run of words
    ``spans[k]``, 0.0 where they may not join.  Each word takes its most
    alike run whose words are all still free.
    """
    found: list[tuple[int, range, float]] = []
    free = set(free_double)
    for i in sorted(free_single):
        row = runs[i]
        best: tuple[float, int] | None = None
        for k, span in enumerate(spans):
            similarity = row[k]
            better = best is None or similarity > best[0]
            if better and similarity >= JOIN_MINIMUM and all(j in free for j in span):
                best = (similarity, k)
        if best is not None:
            span = spans[best[1]]
            found.append((i, span, best[0]))
            free.difference_update(span)
    return found
