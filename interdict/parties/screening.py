"""Screen parties against every loaded dataset: retrieve, compare, explain, cite the listing.

Each dataset is searched with its own index and its own word statistics,
because "Industrial" is common in one list and rare in another.  Results
from all datasets are merged by score.  Every match carries its
explanation and the listings (sanctions, export-control entries) that the
dataset links to the entity, so the officer sees why it matched and why it
matters in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from interdict.parties.index.keys import query_keys, word_key
from interdict.parties.index.records import EntityRecord
from interdict.parties.index.search import MatchIndex
from interdict.parties.match.align import WordTable
from interdict.parties.match.names import WeightedName
from interdict.parties.match.score import Facts, score
from interdict.parties.match.score import ceilings as score_ceilings
from interdict.parties.match.weights import Weigher
from interdict.parties.names.analysis import NameForm
from interdict.parties.query import Query, can_match
from interdict.parties.results import DEFAULT_THRESHOLD, Listing, Match, explain
from interdict.parties.store.bundled import ensure_bundled
from interdict.parties.store.datasets import (
    DatasetError,
    DatasetInfo,
    check_format,
    current_version,
    read_info,
)
from interdict.parties.store.entities import EntityReader
from interdict.parties.store.home import data_home

CANDIDATES = 30
# Candidates whose retrieval vote is below this share of the best one are not compared:
# they share only a word or two that many other names have too.
RELATIVE_VOTE = 0.4


@dataclass(frozen=True, slots=True)
class Dataset:
    """One opened list; ``weigher`` remembers its word weights from query to query."""

    info: DatasetInfo
    index: MatchIndex
    entities: EntityReader
    weigher: Weigher

    @classmethod
    def open(cls, directory: Path) -> Dataset:
        info = read_info(directory)
        check_format(info)
        index = MatchIndex(directory)
        weigher = Weigher(_frequencies(index), index.names)
        return cls(info, index, EntityReader(directory), weigher)


def _frequencies(index: MatchIndex) -> Callable[[list[str]], list[int]]:
    """How many listed names contain each word."""
    return lambda words: index.frequencies([word_key(word) for word in words])


class Screens(Protocol):
    """Anything that screens a query: the lists alone, or the lists with the knowledge base."""

    def screen(
        self, query: Query, limit: int = 10, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Match]: ...


class Screener:
    """Opened datasets, ready to answer queries from any number of threads."""

    def __init__(self, datasets: list[Dataset]) -> None:
        self.datasets = datasets

    @classmethod
    def open(cls, home: Path | None = None, names: Iterable[str] | None = None) -> Screener:
        """Open the named datasets (default: all), loading the bundled one if it is missing."""
        home = home or data_home()
        available = ensure_bundled(home)
        wanted = list(names) if names else available
        opened = []
        for name in wanted:
            directory = current_version(home, name)
            if directory is None:
                known = ", ".join(available) or "none"
                raise DatasetError(f"dataset: no dataset named {name!r} (loaded: {known})")
            opened.append(Dataset.open(directory))
        return cls(opened)

    def screen(
        self, query: Query, limit: int = 10, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Match]:
        """Matches at or above ``threshold``, best first, at most ``limit``."""
        found: list[Match] = []
        forms = query.forms()
        if not forms:
            return []
        pool = max(CANDIDATES, 2 * limit)
        for dataset in self.datasets:
            found.extend(_screen_one(dataset, query, forms, threshold, pool))
        found.sort(key=lambda m: (-m.score, m.entity_id))
        return found[:limit]


def _screen_one(
    dataset: Dataset, query: Query, forms: list[NameForm], threshold: float, pool: int
) -> list[Match]:
    """Retrieve ``pool`` candidates, weigh every word once, compare all words in one matrix."""
    index = dataset.index
    groups = [group for form in forms for group in query_keys(form)]
    found = index.candidates(groups, pool)
    floor = found[0][1] * RELATIVE_VOTE if found else 0.0
    records = [index.record(entity) for entity, vote in found if vote >= floor]
    records = [r for r in records if can_match(query.schema, r.schema)]
    listed_forms = [name.form for record in records for name in record.names]
    weighed = iter(dataset.weigher.forms([*forms, *listed_forms]))
    query_names = tuple(WeightedName(f, next(weighed)) for f in forms)
    listed_names = [
        tuple(WeightedName(n.form, next(weighed), n.weak) for n in record.names)
        for record in records
    ]
    table = WordTable(
        [q.words for q in query_names], [n.words for names in listed_names for n in names]
    )
    candidates = [
        (listed, _facts(record)) for record, listed in zip(records, listed_names, strict=True)
    ]
    ceilings = score_ceilings(query_names, query.facts, candidates, table)
    matches = []
    for record, (listed, facts), ceiling in zip(records, candidates, ceilings, strict=True):
        if ceiling < threshold:
            continue  # cannot reach the threshold: not worth pairing its names
        scored = score(query_names, query.facts, listed, facts, table)
        if scored is None or scored.score < threshold:
            continue
        matches.append(
            Match(
                entity_id=record.entity_id,
                caption=record.caption,
                schema=record.schema,
                score=scored.score,
                match=True,
                datasets=sorted({dataset.info.name, *record.datasets}),
                explanation=explain(scored, threshold),
                listings=listings_of(dataset.entities.linked(record.entity_id)),
            )
        )
    return matches


def _facts(record: EntityRecord) -> Facts:
    return Facts(record.schema, record.countries, record.birth_dates, record.identifiers)


def listings_of(linked: list[dict[str, Any]]) -> list[Listing]:
    listings = []
    for entity in linked:
        if entity.get("schema") != "Sanction":
            continue
        props: dict[str, list[str]] = entity.get("properties", {})
        listings.append(
            Listing(
                authority=props.get("authority", []),
                program=props.get("program", []),
                listing_date=props.get("listingDate", []) or props.get("startDate", []),
                reference=props.get("unscId", []) + props.get("authorityId", []),
                source_url=props.get("sourceUrl", []),
                provisions=props.get("provisions", []),
            )
        )
    return listings
