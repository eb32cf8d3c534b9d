"""One query against one listed entity: the best name pairing, then the qualifiers.

The name evidence decides; country, birth date and identifiers only move
it.  Qualifiers are not applied to a zero name score, so a shared country
can never create a match on its own.  An identical identifier is the
exception: it lifts the score to at least 0.95 whatever the names say,
because registries and passports outlive name changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from interdict.parties.match import names, qualifiers
from interdict.parties.match.align import WordTable
from interdict.parties.match.names import NameMatch, WeightedName, compare_names
from interdict.parties.match.qualifiers import Adjustment

# Name scores are rounded to four places, which may raise them by up to 0.00005 over the
# unrounded ceiling; the rest of the margin covers float summation order.
ROUNDING = 1e-4


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything about a party that is compared besides its names."""

    schema: str
    countries: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Scored:
    score: float
    name: NameMatch
    adjustments: tuple[Adjustment, ...]


def score(
    query: tuple[WeightedName, ...],
    query_facts: Facts,
    candidate: tuple[WeightedName, ...],
    candidate_facts: Facts,
    table: WordTable | None = None,
) -> Scored | None:
    """Score the pair; ``None`` when either side has no comparable name.

    ``table`` holds the word similarities; screening builds one for all the
    candidates of a query, a single comparison builds its own.
    """
    table = table or WordTable([q.words for q in query], [c.words for c in candidate])
    alone = _alone(candidate)
    matches = [compare_names(q, c, table, alone) for q in query for c in candidate]
    if not matches:
        return None
    best = max(matches, key=lambda m: m.score)
    total, adjustments = _qualify(best.score, query_facts, candidate_facts)
    return Scored(total, best, adjustments)


def ceilings(
    query: tuple[WeightedName, ...],
    query_facts: Facts,
    candidates: Sequence[tuple[tuple[WeightedName, ...], Facts]],
    table: WordTable,
) -> list[float]:
    """For each candidate, a score that ``score`` cannot exceed (-1.0 where it gives ``None``).

    Screening scores only the candidates whose ceiling reaches the
    threshold: most candidates share a word or two with the query and
    nothing more, and bounding them all takes a few array operations where
    scoring takes a pairing per pair of names.  The qualifiers are applied
    to the best name ceiling exactly as ``score`` applies them to the best
    name score (the final score never falls as the name score rises), with
    ``ROUNDING`` added for the name scores' rounding to four places.
    """
    listed = [name for candidate, _ in candidates for name in candidate]
    if not query or not listed:
        return [-1.0] * len(candidates)
    alone = [_alone(candidate) for candidate, _ in candidates for _ in candidate]
    by_name = names.ceilings(query, listed, alone, table).max(axis=0).tolist()
    found = []
    start = 0
    for candidate, facts in candidates:
        stop = start + len(candidate)
        if candidate:
            best = min(1.0, max(by_name[start:stop]) + ROUNDING)
            found.append(_qualify(best, query_facts, facts)[0])
        else:
            found.append(-1.0)
        start = stop
    return found


def _qualify(
    name_score: float, query_facts: Facts, candidate_facts: Facts
) -> tuple[float, tuple[Adjustment, ...]]:
    """The final score from the best name score, and the facts that moved it."""
    adjustments: list[Adjustment] = []
    total = name_score
    if name_score > 0:
        found = [
            qualifiers.country(query_facts.countries, candidate_facts.countries),
            qualifiers.birth_date(query_facts.birth_dates, candidate_facts.birth_dates)
            if query_facts.schema == "Person" or candidate_facts.schema == "Person"
            else None,
        ]
        adjustments = [a for a in found if a is not None]
        total += sum(a.effect for a in adjustments)
    same_id = qualifiers.identifier(query_facts.identifiers, candidate_facts.identifiers)
    if same_id is not None:
        lifted = max(total, same_id.effect)
        adjustments.append(Adjustment(same_id.feature, round(lifted - total, 4), same_id.detail))
        total = lifted
    return round(max(0.0, min(1.0, total)), 4), tuple(adjustments)


def _alone(candidate: Sequence[WeightedName]) -> bool:
    """Whether an entity is known by no name of more than one word (see ``compare_names``)."""
    return not any(len(c.form.content) > 1 for c in candidate)
