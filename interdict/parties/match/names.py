"""Compare one query name with one listed name: by their words, or as an acronym.

Acronyms are compared in both directions ("SHIG" against "Shahid Hemmat
Industrial Group" and the reverse) and score below a full word match,
because three or four letters identify far less than the words they stand
for.  A listed weak alias (a nickname or a low-quality a.k.a.) only counts
when it matches almost exactly, as the lists themselves advise.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.parties.match.align import WordAlignment, align
from interdict.parties.match.weights import Word
from interdict.parties.names.analysis import Kind, NameForm
from interdict.parties.names.keys import acronym_query, acronyms

WORDS = "words"
ACRONYM = "acronym"
WEAK_ALIAS_MINIMUM = 0.95


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


def acronym_score(letters: int) -> float:
    """Three letters are weak evidence, four or more a little stronger; never a certainty."""
    return 0.72 if letters == 3 else 0.8


def compare_names(query: WeightedName, candidate: WeightedName) -> NameMatch:
    abjad = query.form.script.is_abjad or candidate.form.script.is_abjad
    alignment = align(query.words, candidate.words, abjad)
    best = NameMatch(query, candidate, alignment.score, WORDS, alignment, "")
    for short, long, direction in (
        (query, candidate, "query is an acronym of the listed name"),
        (candidate, query, "listed name is an acronym of the query"),
    ):
        letters = acronym_query(short.form)
        if letters and _expands(long.form, letters):
            score = acronym_score(len(letters))
            if score > best.score:
                words = " ".join(long.form.content)
                detail = f"{direction}: {letters.upper()} = {words}"
                best = NameMatch(query, candidate, score, ACRONYM, alignment, detail)
    if candidate.weak and best.score < WEAK_ALIAS_MINIMUM:
        detail = f"weak alias: needs {WEAK_ALIAS_MINIMUM} or more, had {best.score}"
        return NameMatch(query, candidate, 0.0, best.method, alignment, detail)
    return best


def _expands(form: NameForm, letters: str) -> bool:
    """Whether the name's initials spell ``letters`` and it has a word that identifies."""
    return Kind.WORD in form.kinds and letters in acronyms(form)
