"""The diversion red flags that the case data can show, each with the fact that fired it.

Only flags whose facts are in the case file (or found by the other checks)
are checked here; the rest need the officer to ask, and docs/cases.md
lists them.  No country is ever flagged as a transshipment hub for being
itself: the route flag fires on the shape of the transaction (a consignee
in one country, the end user in another), which the file states.
"""

from __future__ import annotations

import re

from interdict.cases.casefile import Case
from interdict.cases.catalogue import flag_evidence
from interdict.cases.findings import Evidence, Finding, case_field

_FORWARDER = re.compile(r"\b(forward\w*|freight|logistics?|shipping|cargo|express)\b", re.I)
_TRADER = re.compile(r"\b(trad(e|ing|ers?)|import\w*|export\w*|distribut\w*|commerc\w*)\b", re.I)
_CIVIL = re.compile(r"\b(civil\w*|commercial|industr\w*|production|manufactur\w*|parts?)\b", re.I)


# Lines of business that have no use for controlled or industrial equipment: BIS's example is
# sophisticated computers ordered for a small bakery.  Interdict's own list, a heuristic.
_UNRELATED = re.compile(
    r"\b(bakery|bakeries|restaurants?|caf[eé]s?|catering|hotels?|hospitality|retail|shops?|"
    r"supermarkets?|tourism|travel agency|hairdress\w*|laundr\w*|florists?|real estate|"
    r"insurance|kindergartens?|schools?)\b",
    re.I,
)


def red_flags(
    case: Case, known_end_uses: dict[str, list[Evidence]], controlled: bool
) -> list[Finding]:
    return [
        *_route(case),
        *_receivers(case),
        *_end_use(case, known_end_uses),
        *_unfit(case, controlled),
        *_payment(case),
    ]


def _flag(key: str, summary: str, facts: list[Evidence], party: str | None = None) -> Finding:
    return Finding(
        kind="red_flag",
        severity="warn",
        summary=summary,
        evidence=[*facts, flag_evidence(key)],
        party=party,
        flag=key,
    )


def _route(case: Case) -> list[Finding]:
    found = []
    if case.final_destination != case.destination:
        via = ", then ".join([case.destination, *case.transit])
        found.append(
            _flag(
                "transit_consignee",
                f"The goods go to {via} for an end user in {case.final_destination}: the "
                "consignee is not in the country of final destination.",
                [
                    case_field("destination", case.destination),
                    case_field("final_destination", case.final_destination),
                ],
            )
        )
    for index, party in enumerate(case.parties):
        if "intermediary" in party.roles:
            found.append(
                _flag(
                    "intermediary",
                    f"{party.name} ({party.country or 'country not stated'}) is an intermediary "
                    "between the exporter and the end user.",
                    [case_field(f"parties[{index}].role", ", ".join(party.roles))],
                    party.name,
                )
            )
    return found


def _receivers(case: Case) -> list[Finding]:
    industrial = case.item.values.get("item_type") == "equipment" or bool(
        case.item.values.get("industrial_machinery")
    )
    found = []
    for index, party in enumerate(case.parties):
        receives = [r for r in party.roles if r in ("consignee", "end_user")]
        if not receives:
            continue
        forwarder = "freight_forwarder" in party.roles or _FORWARDER.search(party.name)
        trader = industrial and (
            _TRADER.search(party.name) or (party.business and _TRADER.search(party.business))
        )
        if not (forwarder or trader):
            continue
        what = "a freight forwarder" if forwarder else "a trading company"
        found.append(
            _flag(
                "forwarder_or_trader_receives",
                f"{party.name}, named {' and '.join(receives)}, appears to be {what} (from its "
                f"{'role' if 'freight_forwarder' in party.roles else 'name or business'}).",
                [
                    case_field(f"parties[{index}].name", party.name),
                    case_field(f"parties[{index}].role", ", ".join(party.roles)),
                ],
                party.name,
            )
        )
    return found


def _end_use(case: Case, known: dict[str, list[Evidence]]) -> list[Finding]:
    if case.end_use is None:
        return [
            _flag(
                "end_use_withheld",
                "The case file states no end use.",
                [case_field("end_use", "(not stated)")],
            )
        ]
    weapons = sorted(known)
    if weapons and _CIVIL.search(case.end_use) and not set(weapons) & set(case.end_use_flags):
        sources = [e for flag in weapons for e in known[flag]][:4]
        return [
            _flag(
                "end_use_mismatch",
                f"The stated end use '{case.end_use}' does not fit what is known of the end "
                f"user: ties to a {' and '.join(weapons)} programme.",
                [case_field("end_use", case.end_use), *sources],
            )
        ]
    return []


def _unfit(case: Case, controlled: bool) -> list[Finding]:
    """A controlled or industrial item for an end use or a business that has no use for it."""
    industrial = bool(case.item.values.get("industrial_machinery"))
    if not (controlled or industrial):
        return []
    stated: list[tuple[str, str]] = [("end_use", case.end_use or "")]
    stated += [
        (f"parties[{i}].business", p.business or "")
        for i, p in enumerate(case.parties)
        if "end_user" in p.roles
    ]
    for field, text in stated:
        found = _UNRELATED.search(text)
        if found:
            return [
                _flag(
                    "end_use_mismatch",
                    f"{case.item.name} does not fit the stated {field.split('.')[-1]} "
                    f"'{text}' ({found.group(0)}).",
                    [case_field(field, text), case_field("item", case.item.name)],
                )
            ]
    return []


def _payment(case: Case) -> list[Finding]:
    if case.payment and "cash" in case.payment.lower():
        return [
            _flag(
                "cash_payment",
                f"Payment is stated as '{case.payment}'.",
                [case_field("payment", case.payment)],
            )
        ]
    return []
