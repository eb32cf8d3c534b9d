"""A determination request checked and carried out: countries, flags, every jurisdiction asked.

The command line and the batch file ask the same question in two shapes;
both come through here so that a bad country code or flag is refused with
the same words, and a jurisdiction that cannot be decided is reported beside
the ones that can.
"""

from __future__ import annotations

from collections.abc import Iterable

from rigour.territories import get_territory

from interdict.controls.classify import classify
from interdict.controls.determine import DeterminationError, Request, determine
from interdict.controls.entries import JURISDICTIONS, ControlList, Jurisdiction
from interdict.controls.items import Item
from interdict.controls.outputs import DetermineOutput, JurisdictionError, determination_out
from interdict.controls.rules import END_USERS, END_USES, TRANSACTIONS, Rules


class RequestError(ValueError):
    """A request that names an unknown country, flag or jurisdiction."""


def country_code(field: str, value: object) -> str:
    if value is None:
        raise RequestError(f"{field}: missing; give an ISO 3166-1 code, e.g. IR")
    code = value.strip().upper() if isinstance(value, str) else ""
    if code == "UK":
        raise RequestError(f"{field}: 'UK' is not an ISO 3166-1 code; the United Kingdom is GB")
    if code == "EL":
        raise RequestError(f"{field}: 'EL' is the EU's code for Greece; ISO 3166-1 is GR")
    territory = get_territory(code.lower()) if len(code) == 2 else None
    if territory is None or territory.is_historical or code in ("ZZ", "EU"):
        raise RequestError(f"{field}: unknown country code {value!r}; use ISO 3166-1, e.g. IR")
    return code


def make_request(
    destination: object,
    final_destination: object = None,
    end_uses: Iterable[object] = (),
    end_users: Iterable[object] = (),
    transaction: object = None,
) -> Request:
    for field, flags, known in (
        ("end_use", end_uses, END_USES),
        ("end_user", end_users, END_USERS),
    ):
        unknown = [f for f in flags if f not in known]
        if unknown:
            raise RequestError(f"{field}: unknown {unknown}; use {', '.join(known)}")
    kind = "sale" if transaction is None else transaction
    if kind not in TRANSACTIONS:
        raise RequestError(f"transaction: unknown {kind!r}; use {', '.join(TRANSACTIONS)}")
    final = (
        None if final_destination is None else country_code("final_destination", final_destination)
    )
    return Request(
        country_code("destination", destination),
        frozenset(str(f) for f in end_uses),
        frozenset(str(f) for f in end_users),
        final,
        str(kind),
    )


def jurisdictions(names: Iterable[object]) -> list[Jurisdiction]:
    chosen = list(dict.fromkeys(names))
    unknown = [n for n in chosen if n not in JURISDICTIONS]
    if unknown:
        raise RequestError(f"jurisdiction: unknown {unknown}; use {', '.join(JURISDICTIONS)}")
    return [j for j in JURISDICTIONS if j in chosen] if chosen else list(JURISDICTIONS)


def determine_item(
    item: Item,
    controls: ControlList,
    books: dict[Jurisdiction, Rules],
    request: Request,
    chosen: list[Jurisdiction],
) -> DetermineOutput:
    determinations, errors = [], []
    for name in chosen:
        if name not in books:
            errors.append(JurisdictionError(jurisdiction=name, reason="no rule book for it"))
            continue
        result = classify(item, controls, name)
        try:
            det = determine(result, controls, books[name], request)
        except DeterminationError as error:
            errors.append(JurisdictionError(jurisdiction=name, reason=str(error)))
            continue
        determinations.append(determination_out(det, books[name], result))
    return DetermineOutput(
        item=item.name,
        destination=request.destination,
        final_destination=request.final_destination,
        end_use=sorted(request.end_uses),
        end_user=sorted(request.end_users),
        transaction=request.transaction,
        determinations=determinations,
        errors=errors,
    )
