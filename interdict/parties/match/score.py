"""One query against one listed entity: the best name pairing, then the qualifiers.

The name evidence decides; country, birth date and identifiers only move
it.  Qualifiers are not applied to a zero name score, so a shared country
can never create a match on its own.  An identical identifier is the
exception: it lifts the score to at least 0.95 whatever the names say,
because registries and passports outlive name changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.parties.match import qualifiers
from interdict.parties.match.names import NameMatch, WeightedName, WordTable, compare_names
from interdict.parties.match.qualifiers import Adjustment


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
    table = table or WordTable(query, candidate)
    alone = not any(len(c.form.content) > 1 for c in candidate)
    matches = [compare_names(q, c, table, alone) for q in query for c in candidate]
    if not matches:
        return None
    best = max(matches, key=lambda m: m.score)
    adjustments: list[Adjustment] = []
    total = best.score
    if best.score > 0:
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
    return Scored(round(max(0.0, min(1.0, total)), 4), best, tuple(adjustments))
