"""Compare a case with the denial register: the no-undercut check.

A denial matches when the goods are related (the same control entry, one
of the same category and group, or a similar description) and it was for
the same destination or the same end user, within the period asked for.
A partly known date counts as the latest day it could be, and an unknown
one counts, so that a vague register entry is shown rather than dropped.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from interdict.cases.casefile import EU_MEMBERS, Case
from interdict.cases.catalogue import cite
from interdict.cases.findings import DenialEvidence, Evidence, Finding, from_cable
from interdict.denials.entries import DenialEntry, originator_of
from interdict.parties.names.analysis import normalise

DESCRIPTION_SIMILARITY = 80  # rapidfuzz token-set ratio, 0-100
END_USER_SIMILARITY = 90
_FILLER = frozenset({"a", "an", "the", "similar", "of", "for", "and", "with", "model"})


@dataclass(frozen=True)
class DenialQuery:
    """The case's side of the comparison: its entries, words, countries and end users."""

    entries: frozenset[str]
    description: str
    countries: frozenset[str]
    end_users: tuple[str, ...]
    today: date
    within_years: int | None


def query_for(case: Case, entries: set[str], today: date, within_years: int | None) -> DenialQuery:
    details = case.item.details
    text = " ".join([case.item.name, details.get("description", ""), details.get("model", "")])
    return DenialQuery(
        entries=frozenset(entries),
        description=_words(text),
        countries=frozenset({case.destination, case.final_destination}),
        end_users=tuple(_words(p.name) for p in case.parties if "end_user" in p.roles),
        today=today,
        within_years=within_years,
    )


def matching(query: DenialQuery, entry: DenialEntry) -> list[str]:
    """Why the entry matches (the goods, then the destination or end user), or [] if it does not."""
    if not _recent(query, entry.date):
        return []
    goods = _goods(query, entry)
    if goods is None:
        return []
    where = []
    if entry.destination and entry.destination in query.countries:
        where.append(f"the same destination ({entry.destination})")
    if entry.end_user:
        name = _words(entry.end_user)
        if any(fuzz.ratio(name, user) >= END_USER_SIMILARITY for user in query.end_users):
            where.append(f"the same end user ({entry.end_user})")
    return [goods, *where] if where else []


def denial_findings(case: Case, query: DenialQuery, register: list[DenialEntry]) -> list[Finding]:
    return [
        _finding(case, entry, reasons) for entry in register if (reasons := matching(query, entry))
    ]


def _finding(case: Case, entry: DenialEntry, reasons: list[str]) -> Finding:
    who = entry.authority or "an authority not named"
    when = entry.date or "on a date not stated"
    summary = (
        f"{who} denied a licence for {entry.item} in {when} ({entry.source}); it matches this "
        f"case by {' and by '.join(reasons)}."
    )
    evidence: list[Evidence] = [
        DenialEvidence(
            denial=entry.id,
            authority=entry.authority,
            date=entry.date,
            item=entry.item,
            destination=entry.destination,
            end_user=entry.end_user,
            reason=entry.reason,
            origin=entry.source,
            originator=originator_of(entry),
            marking=entry.marking,
        ),
        *(from_cable(p) for p in entry.provenance),
    ]
    if entry.authority == case.authority:
        summary += f" The licensing authority itself ({case.authority}) issued this denial."
    elif entry.authority in EU_MEMBERS and "EU" in case.jurisdictions:
        summary += (
            f" Another member state denied it: before granting, {case.authority} must consult "
            f"{entry.authority} (Art. 16 of Regulation 2021/821)."
        )
        evidence.append(cite("eu-821-art16"))
    return Finding(kind="prior_denial", severity="warn", summary=summary, evidence=evidence)


def _goods(query: DenialQuery, entry: DenialEntry) -> str | None:
    same = sorted(query.entries & set(entry.entries))
    if same:
        return f"the same control entry ({', '.join(same)})"
    related = sorted({e for e in entry.entries for q in query.entries if e[:2] == q[:2]})
    if related:
        return f"a related control entry ({', '.join(related)})"
    denied = _words(entry.item)
    if denied and fuzz.token_set_ratio(denied, query.description) >= DESCRIPTION_SIMILARITY:
        return f"a similar item ('{entry.item}')"
    return None


def _recent(query: DenialQuery, when: str | None) -> bool:
    if query.within_years is None or when is None:
        return True
    year, _, rest = when.partition("-")
    month, _, day = rest.partition("-")
    last_month = int(month) if month else 12
    last_day = int(day) if day else calendar.monthrange(int(year), last_month)[1]
    latest = date(int(year), last_month, last_day)
    year_then = query.today.year - query.within_years
    if year_then < date.min.year:  # a window reaching before year 1 holds every denial
        return True
    day_then = min(query.today.day, calendar.monthrange(year_then, query.today.month)[1])
    return latest >= query.today.replace(year=year_then, day=day_then)


def _words(text: str) -> str:
    return " ".join(w for w in normalise(text).split() if w not in _FILLER)
