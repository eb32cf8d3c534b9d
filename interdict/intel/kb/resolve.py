"""Resolve extracted parties into entities, across cables and against the loaded lists.

Three kinds of evidence join party ids (each id is one name key, so
"Ardalan Machineries" and "ARDALAN MACHINERIES CO." are already one):

* ``alias``: a cable gives a short form or acronym of a name ("SHIG" for
  Shahid Hemmat Industrial Group) and another party is known by exactly
  that; used only when the alias belongs to one name, since acronyms clash;
* ``name``: two names the screening matcher scores at ``SAME_THRESHOLD`` or
  more with every word of each paired to a word of the other (spelling
  variants, transliterations: not two firms that differ by a trade word), and
  no conflicting country;
* the lists: a party whose names screen at ``LISTED_THRESHOLD`` or more
  against a loaded list entity is recorded as that entity (``intel_listed``).

Resolution is incremental: name comparisons and list screening are done for
party ids not seen before (and for all of them when the lists changed), and
their results are kept, so ingesting one more cable costs one more cable's
worth of comparisons.  The clusters are then recomputed from every edge whose
two ends are still mentioned somewhere, which keeps re-ingest idempotent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from interdict.intel.ids import name_key
from interdict.intel.kb import state
from interdict.intel.kb.parties import PartyView, party_views
from interdict.parties.compare import compare_prepared, prepare
from interdict.parties.match.names import WeightedName
from interdict.parties.match.score import Scored
from interdict.parties.names.analysis import Kind, analyse
from interdict.parties.query import QueryError, make_query
from interdict.parties.results import explain
from interdict.parties.screening import Screener
from interdict.store.chunks import chunks
from interdict.store.schema import intel_listed, intel_members, intel_same, list_versions

SAME_THRESHOLD = 0.92
LISTED_THRESHOLD = 0.9
# A word in more party names than this is no evidence that two names are one.
_BLOCK_LIMIT = 50


@dataclass(frozen=True, slots=True)
class Resolution:
    parties: int
    entities: int
    compared: int  # party ids compared by name and screened against the lists this time
    listed: int  # party ids resolved to a listed entity


def resolve(
    connection: Connection,
    lists: Screener,
    list_state: list[tuple[str, str, str, str, int]],
    progress: Callable[[int], None] | None = None,
) -> Resolution:
    """Bring resolution up to date with the facts and the lists, in the caller's transaction."""
    views = party_views(connection)
    known = {row[0] for row in connection.execute(select(intel_members.c.party_id))}
    lists_changed = _lists_changed(connection, list_state)
    new = sorted(set(views) - known)
    rescreen = sorted(views) if lists_changed else new
    _name_edges(connection, views, new)
    if lists_changed:
        connection.execute(delete(intel_listed))
    listed = _screen_against_lists(connection, lists, [views[i] for i in rescreen], progress)
    clusters = _clusters(connection, views)
    connection.execute(delete(intel_members))
    rows = [{"party_id": p, "entity_id": e} for p, e in sorted(clusters.items())]
    if rows:
        connection.execute(insert(intel_members), rows)
    state.write(connection, state.RESOLVED, state.read(connection, state.GENERATION))
    return Resolution(len(views), len(set(clusters.values())), len(rescreen), listed)


def stored_list_state(connection: Connection) -> list[tuple[str, str, str, str, int]]:
    """The list versions resolution last ran against, as ``refresh.list_state`` gives them."""
    rows = connection.execute(
        select(
            list_versions.c.name,
            list_versions.c.version,
            list_versions.c.loaded_at,
            list_versions.c.source_sha256,
            list_versions.c.entities,
        )
    )
    return sorted((str(n), str(v), str(at), str(sha), int(e)) for n, v, at, sha, e in rows)


def _lists_changed(connection: Connection, current: list[tuple[str, str, str, str, int]]) -> bool:
    if stored_list_state(connection) == sorted(current):
        return False
    connection.execute(delete(list_versions))
    if current:
        connection.execute(
            insert(list_versions),
            [
                {"name": n, "version": v, "loaded_at": at, "source_sha256": sha, "entities": e}
                for n, v, at, sha, e in current
            ],
        )
    return True


def _name_edges(connection: Connection, views: dict[str, PartyView], new: list[str]) -> None:
    """Compare each new party with the others that share a distinctive word with it.

    Only identifying words block (not generic trade words, stop words or
    numbers): "Trading" or "General" in two names is no reason to compare them.
    """
    prepared = _Prepared()
    by_word: dict[str, set[str]] = defaultdict(set)
    for party_id, view in views.items():
        for word in _distinctive(view):
            by_word[word].add(party_id)
    edges = []
    for party_id in new:
        view = views[party_id]
        candidates: set[str] = set()
        for word in _distinctive(view):
            ids = by_word[word]
            if len(ids) <= _BLOCK_LIMIT:
                candidates |= ids
        for other_id in sorted(candidates - {party_id}):
            other = views[other_id]
            if (other.schema == "Person") != (view.schema == "Person"):
                continue
            if view.countries and other.countries and not view.countries & other.countries:
                continue
            found = _same(prepared, view, other)
            if found is not None:
                a, b = sorted((party_id, other_id))
                edges.append(
                    {"a": a, "b": b, "method": "name", "score": found[0], "detail": found[1]}
                )
    for part in chunks(new):  # edges of a party seen before, then dropped, are recomputed with it
        connection.execute(
            delete(intel_same).where(intel_same.c.a.in_(part) | intel_same.c.b.in_(part))
        )
    unique = {(edge["a"], edge["b"]): edge for edge in edges}
    if unique:
        connection.execute(insert(intel_same), list(unique.values()))


def _distinctive(view: PartyView) -> set[str]:
    return {
        word
        for name in view.names
        for word, kind in zip(*_words_and_kinds(name, view.schema), strict=True)
        if kind is Kind.WORD
    }


def _words_and_kinds(name: str, schema: str) -> tuple[tuple[str, ...], tuple[Kind, ...]]:
    form = analyse(name, organisation=schema != "Person")
    return form.tokens, form.kinds


class _Prepared:
    """Each name analysed once, however many names it is compared with."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[WeightedName, ...]] = {}

    def __call__(self, name: str, schema: str) -> tuple[WeightedName, ...]:
        key = (name, schema)
        if key not in self._cache:
            try:
                self._cache[key] = prepare(name, schema)
            except QueryError:
                self._cache[key] = ()
        return self._cache[key]


def _same(prepared: _Prepared, view: PartyView, other: PartyView) -> tuple[float, str] | None:
    best: Scored | None = None
    for name in view.names:
        for other_name in other.names:
            left, right = prepared(name, view.schema), prepared(other_name, view.schema)
            if not left or not right:
                continue
            scored = compare_prepared(left, right, view.schema)
            if scored is None or scored.score < SAME_THRESHOLD or _words_left_over(scored):
                continue
            if best is None or scored.score > best.score:
                best = scored
    if best is None:
        return None
    return best.score, explain(best, SAME_THRESHOLD).summary


def _words_left_over(scored: Scored) -> bool:
    """Whether a word of either name found no partner: "Hyuk Chang Technology Corp." and "Hyuk
    Chang Construction Corp." score high, but a screening hit is not an identity.  Spelling
    variants ("Hemat", "Hemmat") pair every word; only stop words and legal forms may be left."""
    alignment = scored.name.alignment
    if scored.name.method != "words":
        return True  # an acronym against a name is resolved by the alias rule, not here
    return any(w.weight > 0 for w in (*alignment.unmatched_query, *alignment.unmatched_candidate))


def _screen_against_lists(
    connection: Connection,
    lists: Screener,
    views: list[PartyView],
    progress: Callable[[int], None] | None,
) -> int:
    for part in chunks([view.party_id for view in views]):
        connection.execute(delete(intel_listed).where(intel_listed.c.party_id.in_(part)))
    rows = []
    for done, view in enumerate(views, start=1):
        try:
            query = make_query(view.all_names(), view.schema, sorted(view.countries))
        except QueryError:
            continue
        matches = lists.screen(query, limit=1, threshold=LISTED_THRESHOLD)
        if matches:
            best = matches[0]
            rows.append(
                {
                    "party_id": view.party_id,
                    "dataset": best.datasets[0],
                    "entity_id": best.entity_id,
                    "caption": best.caption,
                    "score": best.score,
                    "detail": best.explanation.summary,
                }
            )
        if progress is not None and done % 100 == 0:
            progress(done)
    if rows:
        connection.execute(insert(intel_listed), rows)
    return len(rows)


def _clusters(connection: Connection, views: dict[str, PartyView]) -> dict[str, str]:
    """Party id to entity id: union of every edge between two parties still mentioned."""
    parent = {party_id: party_id for party_id in views}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: str, b: str) -> None:
        first, second = sorted((root(a), root(b)))
        parent[second] = first  # the smaller id names the entity, whatever the order of evidence

    for a, b in _edges(connection, views):
        if a in parent and b in parent:
            join(a, b)
    return {party_id: root(party_id) for party_id in views}


def _edges(connection: Connection, views: dict[str, PartyView]) -> Iterable[tuple[str, str]]:
    for a, b in connection.execute(select(intel_same.c.a, intel_same.c.b)):
        yield str(a), str(b)
    yield from _alias_edges(views)


def _alias_edges(views: dict[str, PartyView]) -> Iterable[tuple[str, str]]:
    """A party known by another's alias is that party, unless the alias names several."""
    by_key = {
        (view.schema == "Person", name_key(next(iter(view.names)), view.schema)): pid
        for pid, view in views.items()
    }
    owners: dict[tuple[bool, str], set[str]] = defaultdict(set)
    for party_id, view in views.items():
        for alias in view.aliases:
            owners[(view.schema == "Person", name_key(alias, view.schema))].add(party_id)
    for key, holders in owners.items():
        target = by_key.get(key)
        if target is not None and len(holders) == 1:
            (holder,) = holders
            if holder != target:
                yield holder, target
