"""Compare one query name with one listed name: by their words, or as an acronym.

Acronyms score below a full word match, because three or four letters
identify far less than the words they stand for.  The query may be the
acronym of a listed name ("SHIG" for "Shahid Hemmat Industrial Group").
The reverse, a full query name against a listed acronym, only counts for an
entity known by nothing longer: when the list also gives the full name,
that name is the better evidence, and comparing initials would let every
"T... Research Institute" match a listed "TRI".

When each side keeps an identifying word the other lacks ("Golden Star
Trading" and "Silver Star Trading"), the names are of different parties
that share their generic words, so the word score is cut by a fifth.  A
listed weak alias (a nickname or a low-quality a.k.a.) only counts when it
matches almost exactly, as the lists themselves advise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interdict.parties.match.align import Similarities, WordAlignment, align, align_joined
from interdict.parties.match.similarity import word_matrix
from interdict.parties.match.weights import Word
from interdict.parties.names.analysis import Kind, NameForm
from interdict.parties.names.keys import acronym_query

WORDS = "words"
ACRONYM = "acronym"
WEAK_ALIAS_MINIMUM = 0.95
CONFLICT_FACTOR = 0.8
CONFLICT_WEIGHT = 0.5
SHORT_CODE = 5


@dataclass(frozen=True, slots=True)
class WeightedName:
    """A name with its words weighed against the list it is compared with."""

    form: NameForm
    words: tuple[Word, ...]
    weak: bool = False


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The evidence from the best pairing of one query name and one listed name."""

    query: WeightedName
    candidate: WeightedName
    score: float
    method: str
    alignment: WordAlignment
    detail: str


class WordTable:
    """Every query word against every listed word of a candidate set, computed once."""

    def __init__(self, query: Sequence[WeightedName], listed: Sequence[WeightedName]) -> None:
        self._rows = _positions(query)
        self._cols = _positions(listed)
        matrix = word_matrix(list(self._rows), list(self._cols))
        # Names are a handful of words: plain lists beat NumPy indexing at that size.
        self._plain: list[list[float]] = matrix.plain.tolist()
        self._abjad: list[list[float]] = matrix.abjad.tolist()

    def between(self, query: WeightedName, listed: WeightedName, abjad: bool) -> Similarities:
        source = self._abjad if abjad else self._plain
        cols = [self._cols[w.text] for w in listed.words]
        return [[row[c] for c in cols] for row in (source[self._rows[w.text]] for w in query.words)]


def acronym_score(letters: int) -> float:
    """Three letters are weak evidence, four or more a little stronger; never a certainty."""
    return 0.72 if letters == 3 else 0.8


def compare_names(
    query: WeightedName,
    candidate: WeightedName,
    table: WordTable | None = None,
    alone: bool = True,
) -> NameMatch:
    """Best evidence for one pair of names; ``alone``: the entity has no multi-word name."""
    table = table or WordTable([query], [candidate])
    abjad = query.form.script.is_abjad or candidate.form.script.is_abjad
    detail = ""
    if query.form.script.is_syllabic or candidate.form.script.is_syllabic:
        rotate = not query.form.script.is_syllabic
        alignment = align_joined(query.words, candidate.words, rotate)
        detail = "syllabic script: names compared with their words run together"
    else:
        similarities = table.between(query, candidate, abjad)
        if _is_code(query.form) or _is_code(candidate.form):
            similarities = [[v if v == 1.0 else 0.0 for v in row] for row in similarities]
            detail = "a one-word name of five letters or fewer must match exactly"
        alignment = align(query.words, candidate.words, similarities, abjad)
    score = alignment.score
    conflict = _conflict(alignment)
    if conflict:
        score = round(score * CONFLICT_FACTOR, 4)
        detail = f"different identifying words {conflict}: word score x{CONFLICT_FACTOR}"
    best = NameMatch(query, candidate, score, WORDS, alignment, detail)
    directions = [(query, candidate, "query is an acronym of the listed name")]
    if alone:
        directions.append((candidate, query, "listed name is an acronym of the query"))
    for short, long, direction in directions:
        letters = acronym_query(short.form)
        if letters and _expands(long.form, letters):
            value = acronym_score(len(letters))
            if value > best.score:
                words = " ".join(long.form.content)
                detail = f"{direction}: {letters.upper()} = {words}"
                best = NameMatch(query, candidate, value, ACRONYM, alignment, detail)
    if candidate.weak and best.score < WEAK_ALIAS_MINIMUM:
        detail = f"weak alias: needs {WEAK_ALIAS_MINIMUM} or more, had {best.score}"
        return NameMatch(query, candidate, 0.0, best.method, alignment, detail)
    return best


def _conflict(alignment: WordAlignment) -> str:
    """The identifying words each side has and the other lacks, if both sides have one."""
    own = [w.text for w in alignment.unmatched_query if _identifying(w)]
    theirs = [w.text for w in alignment.unmatched_candidate if _identifying(w)]
    if own and theirs:
        return f"{'/'.join(own)} vs {'/'.join(theirs)}"
    return ""


def _is_code(form: NameForm) -> bool:
    """A name that is one short word (an acronym, a code): near spellings are other codes."""
    return len(form.content) == 1 and len(form.content[0]) <= SHORT_CODE


def _identifying(word: Word) -> bool:
    return word.kind is Kind.WORD and word.weight >= CONFLICT_WEIGHT


def _expands(form: NameForm, letters: str) -> bool:
    """Whether the name's initials spell ``letters`` and it has a word that identifies."""
    return Kind.WORD in form.kinds and letters in form.initials


def _positions(names: Sequence[WeightedName]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for name in names:
        for word in name.words:
            positions.setdefault(word.text, len(positions))
    return positions
