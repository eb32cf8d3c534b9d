"""Classify an item: which entries it falls under, which it nearly did, what is missing.

Only leaf entries are answers (2B001.b.2, not 2B001): a heading such as
2B001.b holds the shared test, and its sub-items say what is controlled.  A
leaf's criteria are the conjunction of its own and its ancestors', and the
notes of the leaf and its ancestors that exclude items are applied after.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from interdict.controls.criteria import Comparison, Verdict, combine
from interdict.controls.entries import ControlList, Entry, Exclusion, Jurisdiction
from interdict.controls.items import Item

NEAR_MISS_COST = 1.0
"""A near miss: one numeric comparison, within NEAR_FACTOR of its threshold, stands between
the entry and a match, and every other test holds (an unknown one counts against it)."""


@dataclass(frozen=True)
class Decision:
    entry: Entry
    verdict: Verdict
    excluded_by: Exclusion | None = None
    exclusion_verdict: Verdict | None = None
    also_meets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Classification:
    item: Item
    jurisdiction: Jurisdiction
    matches: tuple[Decision, ...]
    near_misses: tuple[Decision, ...]
    excluded: tuple[Decision, ...]
    undetermined: tuple[Decision, ...]


def classify(
    item: Item, controls: ControlList, jurisdiction: Jurisdiction = "EU"
) -> Classification:
    matches: list[Decision] = []
    near: list[Decision] = []
    excluded: list[Decision] = []
    undetermined: list[Decision] = []
    memo = _Memo(item, jurisdiction)
    for entry in controls.leaves():
        if jurisdiction not in entry.spec.jurisdictions:
            continue
        decision = _decide(memo, controls, entry)
        if decision is None:
            continue
        truth = decision.verdict.truth
        if decision.excluded_by is not None:
            excluded.append(decision)
        elif truth is True:
            matches.append(decision)
        elif truth is None:
            undetermined.append(decision)
        elif decision.verdict.cost <= NEAR_MISS_COST:
            near.append(decision)
    return Classification(
        item,
        jurisdiction,
        _precedence(matches, controls),
        tuple(near),
        tuple(excluded),
        tuple(undetermined),
    )


def _precedence(matches: list[Decision], controls: ControlList) -> tuple[Decision, ...]:
    """Fold an "other than those in 2B001" entry into the 2B001 match that takes precedence.

    The item is then listed once, under the entry the regulation puts it in,
    while ``also_meets`` keeps the fact that it meets the other entry too
    (which carries that entry's regime of origin into the destination rules).
    """
    kept: dict[str, Decision] = {d.entry.id: d for d in matches}
    for decision in matches:
        lineage = controls.lineage(decision.entry.id)
        for root in dict.fromkeys(r for a in lineage for r in a.spec.other_than):
            winners = [i for i in kept if i == root or i.startswith(root + ".")]
            if winners and decision.entry.id in kept:
                del kept[decision.entry.id]
                for i in winners:
                    kept[i] = replace(kept[i], also_meets=(*kept[i].also_meets, decision.entry.id))
    return tuple(kept.values())


class _Memo:
    """Each entry's own criteria and exclusions, evaluated once per item.

    Siblings share ancestors (every 2B001 leaf repeats the 2B001 chapeau), so
    without it the chapeau would be evaluated once per leaf.
    """

    def __init__(self, item: Item, jurisdiction: Jurisdiction) -> None:
        self.item = item
        self.jurisdiction = jurisdiction
        self._own: dict[str, Verdict | None] = {}
        self._excluded: dict[tuple[str, int], Verdict] = {}

    def own(self, entry: Entry) -> Verdict | None:
        if entry.id not in self._own:
            node = entry.criteria.get(self.jurisdiction, entry.criteria.get("EU"))
            self._own[entry.id] = (
                None if node is None else node.evaluate(self.item.values, "", entry.id)
            )
        return self._own[entry.id]

    def exclusion(self, entry: Entry, index: int) -> Verdict:
        key = (entry.id, index)
        if key not in self._excluded:
            exclusion = entry.exclusions[index]
            self._excluded[key] = exclusion.criteria.evaluate(self.item.values, "", exclusion.ref)
        return self._excluded[key]


def _decide(memo: _Memo, controls: ControlList, entry: Entry) -> Decision | None:
    """The entry's verdict after every note that can exclude the item.

    All exclusions are looked at, in any order: a true one wins; undecided
    ones become questions whenever the entry could still apply.  An entry the
    item fails anyway and a note excludes is no near miss; it is dropped.
    """
    lineage = controls.lineage(entry.id)
    verdicts = []
    for ancestor in lineage:  # root first: a chapeau the item can never meet ends it here
        own = memo.own(ancestor)
        if own is None:
            continue
        if own.truth is False and own.cost == math.inf:
            return Decision(entry, own)  # no near miss, no question, no note can change it
        verdicts.append(own)
    verdict = combine("all", verdicts) if verdicts else Verdict(None, (), ())
    outcomes = [
        (exclusion, memo.exclusion(ancestor, index))
        for ancestor in lineage
        for index, exclusion in enumerate(ancestor.exclusions)
    ]
    for exclusion, outcome in outcomes:
        if outcome.truth is True:
            return None if verdict.truth is False else Decision(entry, verdict, exclusion, outcome)
    if verdict.truth is False:
        return Decision(entry, verdict)
    questions = tuple(
        c for _, outcome in outcomes if outcome.truth is None for c in outcome.undecided
    )
    if not questions:
        return Decision(entry, verdict)
    # The entry holds or may hold, but a note that would take it out cannot be ruled out.
    return Decision(entry, Verdict(None, verdict.decisive, verdict.undecided + questions))


def missing_parameters(result: Classification) -> dict[str, list[tuple[str, Comparison]]]:
    """Parameter path -> the (entry, comparison) pairs it would decide."""
    found: dict[str, list[tuple[str, Comparison]]] = {}
    for decision in result.undetermined:
        for comparison in decision.verdict.undecided:
            found.setdefault(comparison.parameter, []).append((decision.entry.id, comparison))
    return found
