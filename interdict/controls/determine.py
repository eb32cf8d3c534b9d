"""Decide, per jurisdiction, what an export of a classified item to a destination needs.

Every rule whose conditions hold fires and is reported; the outcome is the
most severe of them, except that a general authorisation stands in for the
licence rules it names in ``satisfies`` when nothing else fired.  So a
denial lists every basis at once (the UN ban and the EU regulation and the
catch-all), which is what a written refusal has to cite.

Missing facts never make an export look freer than it may be.  When an
entry or a rule's test is undecided, the rules run twice: once as if every
undecided test failed, once as if it held.  If the two agree, that is the
answer; if not, the stricter outcome is given, marked undecided, with the
parameters that would settle it and the outcome they could lead to.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from interdict.controls.classify import Classification, missing_parameters
from interdict.controls.criteria import Comparison
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.item_lists import Derived, derive
from interdict.controls.regimes import is_under
from interdict.controls.rules import SEVERITY, Outcome, Rules, RuleSpec


class DeterminationError(ValueError):
    """A determination the bundled rules cannot make, with the reason."""


@dataclass(frozen=True)
class Request:
    """An export to ``destination``; ``final_destination`` is where the end user is, if elsewhere.

    Embargoes reach goods supplied "directly or indirectly" or "for use in"
    a country, and the US chart and catch-alls look at the ultimate
    destination, so every rule is tried against both countries.
    """

    destination: str
    end_uses: frozenset[str] = frozenset()
    end_users: frozenset[str] = frozenset()
    final_destination: str | None = None
    transaction: str = "sale"

    @property
    def countries(self) -> tuple[str, ...]:
        final = self.final_destination
        return (
            (self.destination,) if final in (None, self.destination) else (self.destination, final)
        )


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
    decided: bool = True
    depends_on: tuple[str, ...] = ()
    otherwise: Outcome | None = None
    otherwise_authorisation: str | None = None
    derived: tuple[Derived, ...] = ()


def determine(
    result: Classification, controls: ControlList, rules: Rules, request: Request
) -> Determination:
    derived = tuple(
        derive(listing, rules.list_conditions[listing.parameter], result, controls)
        for listing in rules.book.item_lists
    )
    questions = {
        d.item_list.parameter: (d.undecided, d.asks_itself)
        for d in derived
        if d.applied is None and d.undecided
    }
    det = _determine(_with_derived(result, derived), controls, rules, request, questions)
    asked = set(det.depends_on)
    notes = [
        f"{d.item_list.title}: {'; '.join(d.because)}."
        for d in derived
        if (
            d.applied is None
            and asked & {d.item_list.parameter, *(c.parameter for c in d.undecided)}
        )
        or d.disputed
    ]
    return replace(
        det,
        decisive=_explained(det.decisive, derived),
        also_fired=_explained(det.also_fired, derived),
        derived=derived,
        caveats=(*det.caveats, *notes),
    )


def _explained(firings: tuple[Firing, ...], derived: tuple[Derived, ...]) -> tuple[Firing, ...]:
    """Each test on a fact read from a list carries the lookup that gave it, or, where the
    item's own statement was applied, says so and what the list reads."""
    said: dict[str, str] = {}
    for d in derived:
        title, lookup = d.item_list.title, "; ".join(d.because)
        if d.disputed:
            said[d.item_list.parameter] = f"stated by the item, against {title}: {lookup}"
        elif d.stated is not None:
            said[d.item_list.parameter] = "stated by the item"
        elif d.value is not None:
            said[d.item_list.parameter] = f"read from {title}: {lookup}"

    def told(line: str) -> str:
        parameter = line.split(" ", 1)[0]
        return f"{line} ({said[parameter]})" if parameter in said else line

    return tuple(replace(f, because=tuple(told(b) for b in f.because)) for f in firings)


def _with_derived(result: Classification, derived: tuple[Derived, ...]) -> Classification:
    """The classification with each list's answer written into the item, unless it states one."""
    facts = {d.item_list.parameter: d.applied for d in derived if d.applied is not None}
    if not facts:
        return result
    item = replace(result.item, values={**result.item.values, **facts})
    return replace(result, item=item)


def _determine(
    result: Classification,
    controls: ControlList,
    rules: Rules,
    request: Request,
    questions: dict[str, tuple[tuple[Comparison, ...], bool]],
) -> Determination:
    settled = _Pass(result, controls, rules, request, questions, assume=False)
    first = settled.decide()
    if not settled.undecided and not result.undetermined:
        return first
    pessimistic = replace(result, matches=result.matches + result.undetermined, undetermined=())
    strict = _Pass(pessimistic, controls, rules, request, questions, assume=True)
    worst = strict.decide()
    # An undecided test on a general authorisation fails in both runs above; a third run lets
    # it hold, so that the officer learns which fact would open the authorisation.
    lenient = _Pass(result, controls, rules, request, questions, assume=False, relieve=True)
    best = lenient.decide()
    extra = sorted(_rule_ids(worst) - _rule_ids(first))
    if SEVERITY[worst.outcome] <= SEVERITY[best.outcome] and not extra:
        return first
    # The undetermined entries' questions matter only if counting those entries as listed
    # changes the strict answer; otherwise they would bury the one question that does.
    listed_only = _Pass(result, controls, rules, request, questions, assume=True)
    narrow = listed_only.decide()
    entries_matter = narrow.outcome != worst.outcome or _rule_ids(narrow) != _rule_ids(worst)
    asked = settled.undecided + lenient.undecided
    asked += strict.undecided if entries_matter else listed_only.undecided
    missing = sorted(
        {
            *(missing_parameters(result) if entries_matter else ()),
            *(c.parameter for c in asked),
        }
    )
    if SEVERITY[worst.outcome] > SEVERITY[best.outcome]:
        named = f" ({best.authorisation})" if best.authorisation else ""
        note = (
            f"Undecided: the parameters {', '.join(missing)} are not stated; this is the "
            f"strictest outcome they could lead to, and with them it could be "
            f"{best.outcome}{named}."
        )
    else:
        note = (
            f"Undecided: the outcome stands, but with the parameters {', '.join(missing)} "
            f"not stated these rules may also apply: {', '.join(extra)}."
        )
    other = best if best.outcome != worst.outcome else None
    return replace(
        worst,
        decided=False,
        depends_on=tuple(missing),
        otherwise=other.outcome if other else None,
        otherwise_authorisation=other.authorisation if other else None,
        caveats=(note, *worst.caveats),
    )


def _rule_ids(det: Determination) -> set[str]:
    return {f.rule.id for f in (*det.decisive, *det.also_fired)}


class _Pass:
    """One run of the rule book over a classification, collecting undecided tests on the way."""

    def __init__(
        self,
        result: Classification,
        controls: ControlList,
        rules: Rules,
        request: Request,
        questions: dict[str, tuple[tuple[Comparison, ...], bool]],
        *,
        assume: bool,
        relieve: bool = False,
    ) -> None:
        self.result, self.controls, self.rules, self.request = result, controls, rules, request
        # A list fact the item leaves open is asked as the item parameters that decide it.
        self.questions = questions
        self.assume = assume
        self.relieve = relieve
        self.undecided: list[Comparison] = []

    def decide(self) -> Determination:
        book = self.rules.book
        home = set(book.country_sets[book.home].countries) if book.home else set()
        abroad = [c for c in self.request.countries if c not in home] or self.request.countries
        merged: dict[str, Firing] = {}
        for rule in book.rules:
            firings = [self._fires(rule, country) for country in self.request.countries]
            hits = [f for f in firings if f is not None]
            # A general authorisation must cover every country abroad the goods go to (a leg
            # inside the jurisdiction's own territory is no export); any other rule applies
            # if it applies to either country.
            if rule.outcome == "general_authorisation":
                covered = {c for c, f in zip(self.request.countries, firings, strict=True) if f}
                if not set(abroad) <= covered:
                    continue
            if hits:
                because = tuple(dict.fromkeys(b for f in hits for b in f.because))
                merged[rule.id] = Firing(rule, because)
        fired = list(merged.values())
        by = {o: [f for f in fired if f.rule.outcome == o] for o in SEVERITY}
        caveats = [c for f in fired for c in f.rule.caveats]
        caveats += self._footnotes() + self._unused_flags(fired)
        dest = self.request.destination
        memberships = tuple(
            (s.title if country == dest else f"final destination {country}: {s.title}")
            for country in self.request.countries
            for s in book.country_sets.values()
            if country in s.countries
        )

        def made(outcome: Outcome, auth: str | None, decisive: list[Firing]) -> Determination:
            ids = {f.rule.id for f in decisive}
            others = tuple(
                f for f in fired if f.rule.id not in ids and SEVERITY[f.rule.outcome] > 0
            )
            return Determination(
                self.result.jurisdiction,
                outcome,
                auth,
                tuple(decisive),
                others,
                tuple(dict.fromkeys(caveats)),
                memberships,
            )

        if by["prohibited"]:
            return made("prohibited", None, by["prohibited"])
        licences = by["licence_required"]
        if licences:
            needed = {f.rule.id for f in licences}
            for general in by["general_authorisation"]:
                if needed <= set(general.rule.satisfies):
                    return made(
                        "general_authorisation", general.rule.authorisation, [general, *licences]
                    )
            return made("licence_required", None, licences)
        if not by["no_licence_required"]:
            raise DeterminationError(f"no bundled rule decides an export to {dest}")
        return made("no_licence_required", None, by["no_licence_required"])

    def _fires(self, rule: RuleSpec, dest: str) -> Firing | None:
        when, book, request = rule.when, self.rules.book, self.request
        because: list[str] = []
        role = "destination" if dest == request.destination else "final destination"
        if when.destinations and dest not in when.destinations:
            return None
        if when.destinations:
            because.append(f"{role} {dest}")
        if when.destination_set is not None:
            members = book.country_sets[when.destination_set]
            if dest not in members.countries:
                return None
            because.append(f"{role} {dest} is in {members.title}")
        if when.outside_set is not None and dest in book.country_sets[when.outside_set].countries:
            return None
        listed_ids = self._listed()
        if when.items == "listed" and not listed_ids:
            return None
        if when.items == "unlisted" and listed_ids:
            return None
        if when.items == "listed":
            # The strict pass counts undecided entries as listed; say so.
            how = "listed or undecided" if self.assume else "listed"
            because.append(f"{how}: {', '.join(listed_ids)} ({role} {dest})")
        if when.regimes:
            regimes = {self.controls.entries[i].regime for i in listed_ids}
            hit = sorted(regimes & set(when.regimes))
            if not hit:
                return None
            because.append(f"regime of origin {', '.join(hit)}")
        if when.entries:
            hits = [i for i in listed_ids if is_under(i, when.entries)]
            if not hits:
                return None
            because.append(f"entries {', '.join(hits)}")
        if when.only_entries:
            if not listed_ids or not all(is_under(i, when.only_entries) for i in listed_ids):
                return None
            because.append(f"every entry ({', '.join(listed_ids)}) is in its item list")
        if when.except_entries and any(is_under(i, when.except_entries) for i in listed_ids):
            return None
        if when.transactions:
            if request.transaction not in when.transactions:
                return None
            because.append(f"the export is a {request.transaction.replace('_', ' ')}")
        if when.item is not None:
            verdict = self.rules.item_criteria[rule.id].evaluate(
                self.result.item.values, "", rule.id
            )
            if verdict.truth is None:
                for comparison in verdict.undecided:
                    instead, itself = self.questions.get(comparison.parameter, ((), True))
                    self.undecided.extend((*instead, comparison) if itself else instead)
                # The strict pass assumes what restricts, never what relieves; the lenient pass,
                # which only ever supplies "otherwise", assumes what relieves.
                restricts = SEVERITY[rule.outcome] >= SEVERITY["licence_required"]
                if not ((self.assume and restricts) or (self.relieve and not restricts)):
                    return None
                because += [
                    f"if {c.parameter} {c.op} {c.threshold} (not stated)" for c in verdict.undecided
                ]
            elif not verdict.truth:
                return None
            else:
                because += [f"{c.parameter} {c.op} {c.threshold}" for c in verdict.decisive]
        flags = request.end_uses | request.end_users
        if when.end_use_all and not set(when.end_use_all) <= request.end_uses:
            return None
        if when.end_use or when.end_user:
            raised = sorted(flags & (set(when.end_use) | set(when.end_user)))
            if not raised:
                return None
            because.append(f"flagged: {', '.join(sorted({*raised, *when.end_use_all}))}")
        if when.no_end_use_flags and flags:
            return None
        if when.chart:
            marks = self._chart_marks(dest)
            if not marks:
                return None
            because.append(f"Country Chart for {dest}: {', '.join(marks)}")
        return Firing(rule, tuple(because))

    def _listed(self) -> list[str]:
        matches = self.result.matches
        return [d.entry.id for d in matches] + [a for d in matches for a in d.also_meets]

    def _chart_marks(self, dest: str) -> list[str]:
        chart = self.rules.book.chart
        assert chart is not None  # checked at load
        row = chart.rows.get(dest)
        if row is None:
            raise DeterminationError(
                f"the bundled Commerce Country Chart has no row for {dest} "
                f"({len(chart.rows)} rows are encoded; `interdict controls check` counts them)"
            )
        if row.referral:
            return [f"no grid, the chart refers to {row.referral}"]
        return sorted(r for r in self._reasons() if r in row.columns)

    def _reasons(self) -> set[str]:
        """The item's reasons for control here, with conditional ones unless excepted."""
        reasons: set[str] = set()
        jurisdiction = self.result.jurisdiction
        # Only the entries the item is listed under: one folded into another (2B201 into
        # 2B001) lends its regime of origin, not its reasons, which the winner's replace.
        for entry_id in (d.entry.id for d in self.result.matches):
            entry = self.controls.entries[entry_id]
            version = entry.spec.jurisdictions.get(jurisdiction)
            if version is None:
                continue
            reasons.update(version.reasons)
            for conditional, unless in entry.reason_exceptions.get(jurisdiction, ()):
                verdict = unless.evaluate(self.result.item.values, "", conditional.reason)
                if verdict.truth is None:
                    self.undecided.extend(verdict.undecided)
                if verdict.truth is False or (verdict.truth is None and self.assume):
                    reasons.add(conditional.reason)
        return reasons

    def _footnotes(self) -> list[str]:
        """The chart's footnotes on the destination's row: requirements the grid does not show."""
        chart = self.rules.book.chart
        if chart is None:
            return []
        return [
            f"Country Chart footnote {n} ({dest}): {chart.footnotes[n]}"
            for dest in self.request.countries
            if (row := chart.rows.get(dest)) is not None
            for n in row.footnotes
        ]

    def _unused_flags(self, fired: list[Firing]) -> list[str]:
        """A raised flag no fired rule used must not pass in silence."""
        flags = self.request.end_uses | self.request.end_users
        if not flags:
            return []
        used: set[str] = {
            flag
            for f in fired
            for flag in (*f.rule.when.end_use, *f.rule.when.end_user, *f.rule.when.end_use_all)
        }
        notes = []
        withheld = self._withheld()
        if withheld:
            # Withholding an authorisation is a use of the flags too.
            used |= flags
            notes.append(
                f"{', '.join(withheld)} would apply but for the flags "
                f"({', '.join(sorted(flags))}): no general authorisation is used while an end-use "
                "or end-user concern is known."
            )
        jurisdiction = self.result.jurisdiction
        return notes + [
            f"{flag} was flagged, but no encoded {jurisdiction} rule applies it to an export to "
            f"{' for use in '.join(self.request.countries)}; check the end-use and end-user "
            "controls by hand."
            for flag in sorted(flags - used)
        ]

    def _withheld(self) -> list[str]:
        """The general authorisations that only the raised flags keep from applying."""
        calm = replace(self.request, end_uses=frozenset(), end_users=frozenset())
        probe = _Pass(
            self.result, self.controls, self.rules, calm, self.questions, assume=self.assume
        )
        return sorted(
            {
                rule.authorisation
                for rule in self.rules.book.rules
                if rule.when.no_end_use_flags and rule.authorisation
                for country in calm.countries
                if probe._fires(rule, country) is not None
            }
        )
