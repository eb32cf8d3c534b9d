"""Facts besides the name that move a score: country, date of birth, identifiers.

Each returns an ``Adjustment`` (or nothing when it has no evidence either
way), so the explanation lists exactly what moved the score and by how
much.  Mismatches weigh more than matches: two parties sharing a country
proves little, a listed person born twenty years apart is probably someone
else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

COUNTRY_MATCH = 0.05
COUNTRY_MISMATCH = -0.1
BIRTH_DATE_MATCH = 0.05
BIRTH_YEAR_NEAR = -0.05
BIRTH_DATE_MISMATCH = -0.2
IDENTIFIER_FLOOR = 0.95

_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


@dataclass(frozen=True, slots=True)
class Adjustment:
    feature: str
    effect: float
    detail: str


def country(query: Iterable[str], listed: Iterable[str]) -> Adjustment | None:
    asked, known = set(query), set(listed)
    if not asked or not known:
        return None
    if asked & known:
        shared = ", ".join(sorted(asked & known))
        return Adjustment("country", COUNTRY_MATCH, f"same country: {shared}")
    detail = f"query {', '.join(sorted(asked))}; listed {', '.join(sorted(known))}"
    return Adjustment("country", COUNTRY_MISMATCH, detail)


def birth_date(query: Iterable[str], listed: Iterable[str]) -> Adjustment | None:
    """Compare dates at the precision both sides have: ``1960`` agrees with ``1960-05-01``."""
    asked, known = [d for d in query if _year(d)], [d for d in listed if _year(d)]
    if not asked or not known:
        return None
    for q in asked:
        for k in known:
            common = min(len(q), len(k))
            if q[:common] == k[:common]:
                return Adjustment("birth_date", BIRTH_DATE_MATCH, f"born {k}, as queried")
    gaps = [abs(int(q[:4]) - int(k[:4])) for q in asked for k in known]
    if min(gaps) <= 1:
        return Adjustment("birth_date", BIRTH_YEAR_NEAR, f"listed born {', '.join(known)}")
    return Adjustment(
        "birth_date", BIRTH_DATE_MISMATCH, f"listed born {', '.join(known)}, not {', '.join(asked)}"
    )


def identifier(query: Iterable[str], listed: Iterable[str]) -> Adjustment | None:
    """An identical registration, passport or IMO number makes the name almost irrelevant."""
    wanted = [cleaned for cleaned in map(_clean_id, query) if len(cleaned) >= 4]
    if not wanted:
        return None  # most queries give no identifier: the listed ones need no cleaning
    known = {_clean_id(v): v for v in listed}
    for cleaned in wanted:
        if cleaned in known:
            return Adjustment("identifier", IDENTIFIER_FLOOR, f"same identifier: {known[cleaned]}")
    return None


def _clean_id(value: str) -> str:
    return _NOT_ALNUM.sub("", value.upper())


def _year(value: str) -> bool:
    return len(value) >= 4 and value[:4].isdigit()
