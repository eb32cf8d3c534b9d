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
that share their generic words, so the word score is cut by a fifth.  When
the identifying words agree but each side keeps a describing word the other
lacks ("Mesbah Trading" and "Mesbah Energy"), the names are most often of
sister companies, not of one party, and the score is cut the same way; a
side that simply lacks the describing word ("Mesbah" against "Mesbah
Energy") is not cut.  A
listed weak alias (a nickname or a low-quality a.k.a.) only counts when it
matches almost exactly, as the lists themselves advise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np

from interdict.parties.match.align import (
    Likeness,
    Reading,
    WordAlignment,
    WordTable,
    align,
    align_joined,
    joined_ceiling,
    joined_readings,
)
from interdict.parties.match.similarity import Matrix, word_matrix
from interdict.parties.match.weights import Word
from interdict.parties.names.analysis import Kind, NameForm
from interdict.parties.names.keys import acronym_query

WORDS = "words"
ACRONYM = "acronym"
WEAK_ALIAS_MINIMUM = 0.95
CONFLICT_FACTOR = 0.8
# Describing words that differ on both sides ("Trading" against "Energy"); calibrated on real
# list names (docs/benchmarks.md, "Real names").
DESCRIBING_FACTOR = 0.8
CONFLICT_WEIGHT = 0.5
SHORT_CODE = 5
_VOWELS = re.compile(r"[aeiouy]+")
# How a word, not a code, begins: a vowel, one consonant and a vowel, or a consonant
# cluster that starts words ("Shell", "Strip", "Plant"); "DPRKT" and "NPCJC" begin otherwise.
_SPOKEN_START = re.compile(
    r"[aeiouy]|[b-df-hj-np-tv-xz][aeiouy]"
    r"|(?:s(?:tr|pr|cr|pl|ch)|thr|shr|[bcfgkp][lr]|[dt][rw]|[cgkpstwz]h|s[cklmnptw]|wr)[aeiouy]"
)


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


def compare_names(
    query: WeightedName,
    candidate: WeightedName,
    table: WordTable | None = None,
    alone: bool = True,
) -> NameMatch:
    """Best evidence for one pair of names; ``alone``: the entity has no multi-word name."""
    table = table or WordTable([query.words], [candidate.words])
    abjad = query.form.script.is_abjad or candidate.form.script.is_abjad
    detail = ""
    if query.form.script.is_syllabic or candidate.form.script.is_syllabic:
        syllabic = (query.form.script.is_syllabic, candidate.form.script.is_syllabic)
        alignment = align_joined(query.words, candidate.words, syllabic)
        detail = "syllabic script: names compared with their words run together"
    else:
        similarities = table.between(query.words, candidate.words, abjad)
        if _all_letters(query.form) or _all_letters(candidate.form):
            # Letters alone ("S.H.I.G.") are an acronym, read by the acronym rule below, not
            # initials standing for the other name's words one by one.
            similarities = replace(
                similarities, words=_without_initials(similarities.words, query, candidate)
            )
        if _is_code(query.form) or _is_code(candidate.form):
            exact = [[v if v == 1.0 else 0.0 for v in row] for row in similarities.words]
            similarities = replace(similarities, words=exact)
            detail = "a one-word name of five letters or fewer must match exactly"
        alignment = align(query.words, candidate.words, similarities)
    score = alignment.score
    conflict = _conflict(alignment, _identifying)
    describing = "" if conflict else _conflict(alignment, _describing)
    if conflict:
        score = round(score * CONFLICT_FACTOR, 4)
        detail = f"different identifying words {conflict}: word score x{CONFLICT_FACTOR}"
    elif describing:
        score = round(score * DESCRIBING_FACTOR, 4)
        detail = f"different describing words {describing}: word score x{DESCRIBING_FACTOR}"
    best = NameMatch(query, candidate, score, WORDS, alignment, detail)
    for value, detail in _acronym_readings(query, candidate, alone):
        if value > best.score:
            best = NameMatch(query, candidate, value, ACRONYM, alignment, detail)
    if candidate.weak and best.score < WEAK_ALIAS_MINIMUM:
        detail = f"weak alias: needs {WEAK_ALIAS_MINIMUM} or more, had {best.score}"
        return NameMatch(query, candidate, 0.0, best.method, alignment, detail)
    return best


def ceilings(
    query: Sequence[WeightedName],
    listed: Sequence[WeightedName],
    alone: Sequence[bool],
    table: WordTable,
) -> Matrix:
    """For each query name (rows) and listed name (columns), a score ``compare_names`` cannot
    exceed, before rounding; ``alone`` as there, for each listed name.

    The word score is bounded by ``WordTable.ceilings`` (the conflict cut and
    the exact-match rule for codes only lower it), or for names in a
    syllabic script by ``joined_ceiling``.  Acronym
    readings are taken at their exact value and weak aliases follow their
    rule, so the bound is as tight as ``compare_names`` itself there.
    """
    abjad = np.array([q.form.script.is_abjad for q in query])[:, None] | np.array(
        [c.form.script.is_abjad for c in listed]
    )
    values = table.ceilings([q.words for q in query], [c.words for c in listed], abjad)
    syllabic = [q.form.script.is_syllabic for q in query]
    listed_syllabic = [c.form.script.is_syllabic for c in listed]
    pairs = [
        (i, j)
        for i, own in enumerate(syllabic)
        for j, theirs in enumerate(listed_syllabic)
        if own or theirs
    ]
    if pairs:
        readings = {
            (i, j): joined_readings(
                query[i].words, listed[j].words, (syllabic[i], listed_syllabic[j])
            )
            for i, j in pairs
        }
        likeness = _joined_likeness(list(readings.values()))
        for (i, j), pair_readings in readings.items():
            values[i, j] = joined_ceiling(query[i].words, listed[j].words, pair_readings, likeness)
    maybe_acronym = [acronym_query(q.form) is not None for q in query]
    for j, (name, single) in enumerate(zip(listed, alone, strict=True)):
        reverse = single and acronym_query(name.form) is not None
        for i, own in enumerate(query):
            if reverse or maybe_acronym[i]:
                for value, _ in _acronym_readings(own, name, single):
                    values[i, j] = max(values[i, j], value)
    weak = np.fromiter((c.weak for c in listed), bool, len(listed))
    values[:, weak] = np.where(values[:, weak] < WEAK_ALIAS_MINIMUM, 0.0, values[:, weak])
    return values


def _joined_likeness(readings: list[list[Reading]]) -> Likeness:
    """The likeness of every reading's two texts, from one ``word_matrix``."""
    compared = [reading.compared for options in readings for reading in options]
    texts = sorted({mine for mine, _ in compared})
    listed = sorted({other for _, other in compared})
    rows = {text: i for i, text in enumerate(texts)}
    cols = {text: j for j, text in enumerate(listed)}
    matrix = word_matrix(texts, listed).plain.tolist()
    return lambda text, other: matrix[rows[text]][cols[other]]


def _acronym_readings(
    query: WeightedName, candidate: WeightedName, alone: bool
) -> Iterator[tuple[float, str]]:
    """The acronym evidence for a pair of names, with its explanation: the query as an
    acronym of the listed name, then (for an entity without a longer name) the reverse."""
    directions = [(query, candidate, "query is an acronym of the listed name")]
    if alone:
        directions.append((candidate, query, "listed name is an acronym of the query"))
    for short, long, direction in directions:
        letters = acronym_query(short.form)
        if letters and _expands(long.form, letters):
            words = " ".join(long.form.content)
            yield acronym_score(len(letters)), f"{direction}: {letters.upper()} = {words}"


def _conflict(alignment: WordAlignment, counts: Callable[[Word], bool]) -> str:
    """The words each side has and the other lacks, of those ``counts`` accepts, if both
    sides have one ("golden vs silver", or "trading vs energy")."""
    own = [w.text for w in alignment.unmatched_query if counts(w)]
    theirs = [w.text for w in alignment.unmatched_candidate if counts(w)]
    if own and theirs:
        return f"{'/'.join(own)} vs {'/'.join(theirs)}"
    return ""


def _describing(word: Word) -> bool:
    """A describing word that weighs anything: "Mesbah Trading" and "Mesbah Energy" share
    their identifying word, not what they do."""
    return word.kind is Kind.GENERIC and word.weight > 0


def _all_letters(form: NameForm) -> bool:
    return len(form.content) > 1 and all(len(word) == 1 for word in form.content)


def _without_initials(
    words: list[list[float]], query: WeightedName, candidate: WeightedName
) -> list[list[float]]:
    """The likenesses with those the initial rule gave (one letter against a longer word)
    set to nothing."""
    return [
        [
            0.0 if (len(q.text) == 1) != (len(c.text) == 1) else value
            for c, value in zip(candidate.words, row, strict=True)
        ]
        for q, row in zip(query.words, words, strict=True)
    ]


def _is_code(form: NameForm) -> bool:
    """A name that is one short word that reads as a code, not as a word: near spellings of
    "JCES" or "DCB" are other codes, but "Litia", "Aliaf" and "Shell" are words, spelt
    variously.  Four letters or fewer always count; five only with fewer than two vowel
    sounds and a start no word has."""
    if len(form.content) != 1:
        return False
    word = form.content[0]
    if len(word) <= SHORT_CODE - 1:
        return True
    return (
        len(word) == SHORT_CODE and len(_VOWELS.findall(word)) < 2 and not _SPOKEN_START.match(word)
    )


def _identifying(word: Word) -> bool:
    return word.kind is Kind.WORD and word.weight >= CONFLICT_WEIGHT


def _expands(form: NameForm, letters: str) -> bool:
    """Whether the name's initials spell ``letters`` and it has a word that identifies."""
    return Kind.WORD in form.kinds and letters in form.initials
