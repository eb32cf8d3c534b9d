"""Lists of entries that a rule book reads as a fact about the item (EU Annex IV).

Annex II of Regulation 2021/821 keeps every Annex IV item out of EU001, but no exporter
knows Annex IV by heart: asking "is it in Annex IV?" leaves EU001 undecided for every
machine.  Annex IV is a list of Annex I entries, some of them cut down to a part ("only
for 7A117", "except rocket systems below 500 kg / 300 km").  So the answer follows from
the classification: the entries the item is listed under, each looked up in the list, and
a cut-down row tested on the item's own parameters where the list's words map onto them.
Where they do not, the row's words go to the officer as the question.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, model_validator

from interdict.controls.classify import Classification
from interdict.controls.criteria import Comparison, Node
from interdict.controls.entries import ControlList, Jurisdiction
from interdict.controls.regimes import ENTRY_ID, is_under

Scope = Literal["whole", "only", "excluded"]


class ListedRow(BaseModel):
    """One row of the list: an entry (or a whole category, "0"), and how much of it is listed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entry: str = Field(description="an Annex I entry (9A106.c) or a category digit (0)")
    part: str = Field(description="the part of the list the row stands in")
    heading: str
    scope: Scope = Field(
        default="whole",
        description="whole: the entry and all under it; only: the part `only` says; excluded: "
        "carved out of a wider row",
    )
    only: str | None = Field(default=None, description="what the list keeps, in our words")
    when: dict[str, Any] | None = Field(
        default=None, description="criteria over the item's parameters that decide `only`"
    )

    @model_validator(mode="after")
    def _said(self) -> ListedRow:
        if not (ENTRY_ID.fullmatch(self.entry) or (len(self.entry) == 1 and self.entry.isdigit())):
            # A mistyped number would match nothing and so read as "not in the list".
            raise ValueError(
                f"{self.entry!r} is no Annex I entry number (e.g. 9A106.c) or category"
            )
        if (self.scope == "only") != (self.only is not None):
            raise ValueError("a row of scope `only` says what is kept, and only it does")
        if self.when is not None and self.scope != "only":
            raise ValueError("`when` decides an `only` row")
        return self


class ItemList(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    parameter: str = Field(description="the boolean item parameter the list answers")
    title: str
    instrument: str = Field(description="the rule book's instrument that holds the list")
    provision: str
    rows: tuple[ListedRow, ...] = Field(min_length=1)


@dataclass(frozen=True)
class Derived:
    """What the list says of one item: ``value`` None when a cut-down row cannot be decided.

    ``undecided`` holds the item parameters that would settle an open row; ``asks_itself``
    says that some open row has none (its words are no parameter), so the list's own
    parameter must be asked as well."""

    item_list: ItemList
    value: bool | None
    stated: bool | None
    because: tuple[str, ...]
    undecided: tuple[Comparison, ...] = ()
    asks_itself: bool = False

    @property
    def applied(self) -> bool | None:
        """The value the rules read: the item's own statement wins over the derivation."""
        return self.value if self.stated is None else self.stated

    @property
    def disputed(self) -> bool:
        """The item states the opposite of what the list reads."""
        return self.stated is not None and self.value is not None and self.stated != self.value


class _Answer(NamedTuple):
    truth: bool | None
    lines: list[str]
    comparisons: list[Comparison]
    asks_itself: bool = False


def derive(
    item_list: ItemList,
    conditions: tuple[Node | None, ...],
    result: Classification,
    controls: ControlList,
) -> Derived:
    """Look each entry the item is listed under up in ``item_list``; combine the answers.

    Only the entries the item was classified under are looked up: an item that also falls
    under an entry the catalogue does not encode is outside what this can read."""
    listed = _references(result.matches, controls, result.jurisdiction, also=True)
    open_entries = _references(result.undetermined, controls, result.jurisdiction, also=False)
    values = result.item.values
    stated_raw = values.get(item_list.parameter)
    stated = stated_raw if isinstance(stated_raw, bool) else None
    answers = [_look_up(item_list, conditions, ref, values) for ref in listed]
    value = _any_holds([a.truth for a in answers])
    if value is False:
        # An entry that may still apply would change the answer if it is in the list.
        for ref in open_entries:
            answer = _look_up(item_list, conditions, ref, values)
            if answer.truth is not False:
                value = None
                lines = [f"if {ref} applies (not decided): {line}" for line in answer.lines]
                answers.append(answer._replace(lines=lines))
    because = [line for a in answers for line in a.lines]
    if value is False:
        because.append(
            "looked up: the entries the item is classified under"
            if listed
            else "the item is classified under no entry"
        )
    derived = Derived(
        item_list,
        value,
        stated,
        tuple(because),
        tuple(c for a in answers if a.truth is None for c in a.comparisons),
        any(a.asks_itself for a in answers if a.truth is None),
    )
    if derived.disputed:
        derived = replace(
            derived,
            because=(
                *because,
                f"the item states {item_list.parameter} = {str(stated).lower()}, against the "
                f"list's {str(value).lower()}; the statement is applied",
            ),
        )
    return derived


def _references(
    decisions: tuple[Any, ...], controls: ControlList, jurisdiction: Jurisdiction, *, also: bool
) -> list[str]:
    """The entries as the jurisdiction's list numbers them, which is what the annex cites."""
    ids = [d.entry.id for d in decisions]
    if also:
        ids += [a for d in decisions for a in d.also_meets]
    refs = []
    for entry_id in dict.fromkeys(ids):
        spec = controls.entries[entry_id].spec.jurisdictions.get(jurisdiction)
        refs.append(spec.reference if spec is not None else entry_id)
    return list(dict.fromkeys(refs))


def _look_up(
    item_list: ItemList,
    conditions: tuple[Node | None, ...],
    reference: str,
    values: dict[str, Any],
) -> _Answer:
    """One entry against the list: the most specific rows that cover it decide.

    A technology entry may stand twice, each time for other goods (1E201 in Part I for
    1C239, in Part II for 1B226 ...): it is listed if either row holds."""
    covering = [
        (row, condition)
        for row, condition in zip(item_list.rows, conditions, strict=True)
        if is_under(reference, (row.entry,))
    ]
    if not covering:
        parts = sorted({r.entry for r in item_list.rows if is_under(r.entry, (reference,))})
        if parts:
            where = ", ".join(parts)
            return _Answer(
                None, [f"{reference}: only {where} of it are in {item_list.title}"], [], True
            )
        return _Answer(False, [f"{reference} is not in {item_list.title}"], [])
    longest = max(len(row.entry) for row, _ in covering)
    answers = [
        _row_answer(item_list, row, condition, reference, values)
        for row, condition in covering
        if len(row.entry) == longest
    ]
    return _Answer(
        _any_holds([a.truth for a in answers]),
        [line for a in answers for line in a.lines],
        [c for a in answers for c in a.comparisons],
        any(a.asks_itself for a in answers),
    )


def _row_answer(
    item_list: ItemList,
    row: ListedRow,
    condition: Node | None,
    reference: str,
    values: dict[str, Any],
) -> _Answer:
    place = f"{item_list.provision}, Part {row.part}, {row.heading}"
    if row.scope == "whole":
        named = row.entry if row.entry == reference else f"{row.entry} (all of it)"
        return _Answer(True, [f"{reference} is in {place}: {named}"], [])
    if row.scope == "excluded":
        return _Answer(False, [f"{reference} is carved out of {place}"], [])
    open_line = f"{reference}: {place} lists only {row.only}; not decided"
    if condition is None:
        return _Answer(None, [open_line], [], True)
    verdict = condition.evaluate(values, "", None)
    tests = ", ".join(f"{c.parameter} {c.op} {c.threshold}" for c in verdict.decisive)
    if verdict.truth is None:
        return _Answer(None, [open_line], list(verdict.undecided))
    where = "in" if verdict.truth else "outside"
    return _Answer(
        verdict.truth,
        [f"{reference} is {where} {place}, which lists only {row.only} ({tests})"],
        [],
    )


def _any_holds(truths: list[bool | None]) -> bool | None:
    """True if any answer holds, else undecided if any is, else False."""
    return True if True in truths else (None if None in truths else False)
