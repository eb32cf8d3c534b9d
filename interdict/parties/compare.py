"""Compare two names directly: the "why did these two match?" tool.

With no list to learn word frequencies from, every word weighs 1 except
generic trade words, which keep their cap; the explanation says so.
"""

from __future__ import annotations

from interdict.parties.match.names import WeightedName
from interdict.parties.match.score import Facts, Scored, score
from interdict.parties.match.weights import weigh_form
from interdict.parties.query import make_query
from interdict.parties.results import DEFAULT_THRESHOLD, Explanation, explain


def compare_names(
    first: str, second: str, schema: str | None = None, threshold: float = DEFAULT_THRESHOLD
) -> tuple[float, Explanation | None]:
    """Score of ``second`` as a listed name for the query ``first``; raises ``QueryError``."""
    query = make_query([first], schema)
    scored = compare_prepared(
        prepare(first, query.schema), prepare(second, query.schema), query.schema
    )
    if scored is None:
        return 0.0, None
    return scored.score, explain(scored, threshold)


def prepare(name: str, schema: str) -> tuple[WeightedName, ...]:
    """A name analysed and weighed once, for comparing with many others; raises ``QueryError``."""
    return tuple(WeightedName(f, weigh_form(f, {}, 0)) for f in make_query([name], schema).forms())


def compare_prepared(
    left: tuple[WeightedName, ...], right: tuple[WeightedName, ...], schema: str
) -> Scored | None:
    return score(left, Facts(schema), right, Facts(schema))
