"""Decide, per jurisdiction, what an export of a classified item to a destination needs.

Every rule whose conditions hold fires and is reported; the outcome is the
most severe of them, except that a general authorisation stands in for the
licence rules it names in ``satisfies`` when nothing else fired.  So a
denial lists every basis at once (the UN ban and the EU regulation and the
catch-all), which is what a written refusal has to cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from interdict.controls.classify import Classification
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.rules import SEVERITY, Outcome, Rules, RuleSpec


class DeterminationError(ValueError):
    """A determination the bundled rules cannot make, with the reason."""


@dataclass(frozen=True)
class Request:
    destination: str
    end_uses: frozenset[str] = frozenset()
    end_users: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Firing:
    rule: RuleSpec
    because: tuple[str, ...]


@dataclass(frozen=True)
class Determination:
    jurisdiction: Jurisdiction
    outcome: Outcome
    authorisation: str | None
    decisive: tuple[Firing, ...]
    also_fired: tuple[Firing, ...]
    caveats: tuple[str, ...] = field(default=())
    memberships: tuple[str, ...] = field(default=())


def determine(
    result: Classification, controls: ControlList, rules: Rules, request: Request
) -> Determination:
    fired = [
        f for rule in rules.book.rules if (f := _fires(rule, result, controls, rules, request))
    ]
    prohibitions = [f for f in fired if f.rule.outcome == "prohibited"]
    licences = [f for f in fired if f.rule.outcome == "licence_required"]
    generals = [f for f in fired if f.rule.outcome == "general_authorisation"]
    clear = [f for f in fired if f.rule.outcome == "no_licence_required"]
    caveats = tuple(
        dict.fromkeys([*(c for f in fired for c in f.rule.caveats), *_footnotes(rules, request)])
    )
    memberships = tuple(
        s.title for s in rules.book.country_sets.values() if request.destination in s.countries
    )
    made = partial(_made, result, fired=fired, caveats=caveats, memberships=memberships)
    if prohibitions:
        return made("prohibited", None, prohibitions)
    if licences:
        needed = {f.rule.id for f in licences}
        for general in generals:
            if needed <= set(general.rule.satisfies):
                decisive = [general, *licences]
                auth = general.rule.authorisation
                return made("general_authorisation", auth, decisive)
        return made("licence_required", None, licences)
    if not clear:
        raise DeterminationError(
            f"{result.jurisdiction}: no bundled rule decides an export to {request.destination}"
        )
    return made("no_licence_required", None, clear)


def _made(
    result: Classification,
    outcome: Outcome,
    authorisation: str | None,
    decisive: list[Firing],
    *,
    fired: list[Firing],
    caveats: tuple[str, ...],
    memberships: tuple[str, ...],
) -> Determination:
    ids = {f.rule.id for f in decisive}
    others = tuple(f for f in fired if f.rule.id not in ids and SEVERITY[f.rule.outcome] > 0)
    return Determination(
        result.jurisdiction, outcome, authorisation, tuple(decisive), others, caveats, memberships
    )


def _fires(
    rule: RuleSpec, result: Classification, controls: ControlList, rules: Rules, request: Request
) -> Firing | None:
    when, book = rule.when, rules.book
    because: list[str] = []
    dest = request.destination
    if when.destinations and dest not in when.destinations:
        return None
    if when.destinations:
        because.append(f"destination {dest}")
    if when.destination_set is not None:
        members = book.country_sets[when.destination_set]
        if dest not in members.countries:
            return None
        because.append(f"{dest} is in {members.title}")
    if when.outside_set is not None and dest in book.country_sets[when.outside_set].countries:
        return None
    matched = [d.entry for d in result.matches]
    listed_ids = [e.id for e in matched] + [a for d in result.matches for a in d.also_meets]
    if when.items == "listed" and not matched:
        return None
    if when.items == "unlisted" and matched:
        return None
    if when.items == "listed":
        because.append(f"listed: {', '.join(listed_ids)}")
    if when.regimes:
        regimes = {controls.entries[i].regime for i in listed_ids}
        hit = sorted(regimes & set(when.regimes))
        if not hit:
            return None
        because.append(f"regime of origin {', '.join(hit)}")
    if when.entries:
        hits = [i for i in listed_ids if i.startswith(when.entries)]
        if not hits:
            return None
        because.append(f"entries {', '.join(hits)}")
    if when.item is not None:
        verdict = rules.item_criteria[rule.id].evaluate(result.item.values, "", rule.id)
        if verdict.truth is not True:
            return None
        because += [f"{c.parameter} {c.op} {c.threshold}" for c in verdict.decisive]
    if when.end_use or when.end_user:
        flags = sorted(request.end_uses & set(when.end_use)) + sorted(
            request.end_users & set(when.end_user)
        )
        if not flags:
            return None
        because.append(f"flagged: {', '.join(flags)}")
    if when.no_end_use_flags and (request.end_uses or request.end_users):
        return None
    if when.chart:
        marks = _chart_marks(result, controls, rules, dest)
        if not marks:
            return None
        because.append(f"Country Chart marks {dest} for {', '.join(marks)}")
    return Firing(rule, tuple(because))


def _footnotes(rules: Rules, request: Request) -> list[str]:
    """The chart's footnotes on the destination's row: requirements the grid does not show."""
    chart = rules.book.chart
    row = None if chart is None else chart.rows.get(request.destination)
    if chart is None or row is None:
        return []
    return [
        f"Country Chart footnote {n} ({request.destination}): {chart.footnotes[n]}"
        for n in row.footnotes
    ]


def _chart_marks(
    result: Classification, controls: ControlList, rules: Rules, dest: str
) -> list[str]:
    chart = rules.book.chart
    assert chart is not None  # checked at load
    row = chart.rows.get(dest)
    if row is None:
        raise DeterminationError(
            f"US: the bundled Commerce Country Chart has no row for {dest}; "
            f"rows encoded: {', '.join(sorted(chart.rows))}"
        )
    reasons = {
        r
        for d in result.matches
        if (v := d.entry.spec.jurisdictions.get("US")) is not None
        for r in v.reasons
    }
    return sorted(r for r in reasons if r in row.columns)
