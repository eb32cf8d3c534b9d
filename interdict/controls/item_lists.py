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

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from interdict.controls.classify import Classification
from interdict.controls.criteria import Comparison, Node
from interdict.controls.entries import ControlList, Jurisdiction

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
    """What the list says of one item: ``value`` None when a cut-down row cannot be decided."""

    item_list: ItemList
    value: bool | None
    stated: bool | None
    because: tuple[str, ...]
    undecided: tuple[Comparison, ...] = ()

    @property
    def applied(self) -> bool | None:
        """The value the rules read: the item's own statement wins over the derivation."""
        return self.value if self.stated is None else self.stated


def derive(
    item_list: ItemList,
    conditions: tuple[Node | None, ...],
    result: Classification,
    controls: ControlList,
) -> Derived:
    """Look each entry the item is listed under up in ``item_list``; combine the answers."""
    listed = _references(result.matches, controls, result.jurisdiction, also=True)
    open_entries = _references(result.undetermined, controls, result.jurisdiction, also=False)
    values = result.item.values
    stated_raw = values.get(item_list.parameter)
    stated = stated_raw if isinstance(stated_raw, bool) else None
    answers = [_look_up(item_list, conditions, ref, values) for ref in listed]
    because = [line for _, lines, _ in answers for line in lines]
    undecided = [c for _, _, comparisons in answers for c in comparisons]
    truths = [truth for truth, _, _ in answers]
    value: bool | None
    if True in truths:
        value = True
    elif None in truths:
        value = None
    else:
        value = False
        # An entry that may still apply would change the answer if it is in the list.
        for ref in open_entries:
            truth, lines, comparisons = _look_up(item_list, conditions, ref, values)
            if truth is not False:
                value = None
                because += [f"if {ref} applies (not decided): {line}" for line in lines]
                undecided += comparisons
        if not listed and value is False:
            because.append("listed under no entry")
    if stated is not None and value is not None and stated != value:
        because.append(
            f"the item states {item_list.parameter} = {str(stated).lower()}, which stands "
            f"against the list's {str(value).lower()}"
        )
    return Derived(item_list, value, stated, tuple(because), tuple(undecided))


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
) -> tuple[bool | None, list[str], list[Comparison]]:
    """One entry against the list: the most specific rows that cover it decide.

    A technology entry may stand twice, each time for other goods (1E201 in Part I for
    1C239, in Part II for 1B226 ...): it is listed if either row holds."""
    covering = [
        (row, condition)
        for row, condition in zip(item_list.rows, conditions, strict=True)
        if _covers(row.entry, reference)
    ]
    if not covering:
        parts = sorted({r.entry for r in item_list.rows if r.entry.startswith(f"{reference}.")})
        if parts:
            where = ", ".join(parts)
            return None, [f"{reference}: only {where} of it are in {item_list.title}"], []
        return False, [f"{reference} is not in {item_list.title}"], []
    longest = max(len(row.entry) for row, _ in covering)
    answers = [
        _row_answer(item_list, row, condition, reference, values)
        for row, condition in covering
        if len(row.entry) == longest
    ]
    truths = [truth for truth, _, _ in answers]
    truth = True if True in truths else (None if None in truths else False)
    return (
        truth,
        [line for _, lines, _ in answers for line in lines],
        [c for _, _, comparisons in answers for c in comparisons],
    )


def _row_answer(
    item_list: ItemList,
    row: ListedRow,
    condition: Node | None,
    reference: str,
    values: dict[str, Any],
) -> tuple[bool | None, list[str], list[Comparison]]:
    place = f"{item_list.provision}, Part {row.part}, {row.heading}"
    if row.scope == "whole":
        named = row.entry if row.entry == reference else f"{row.entry} (all of it)"
        return True, [f"{reference} is in {place}: {named}"], []
    if row.scope == "excluded":
        return False, [f"{reference} is carved out of {place}"], []
    if condition is None:
        return None, [f"{reference}: {place} lists only {row.only}; not decided"], []
    verdict = condition.evaluate(values, "", None)
    tests = ", ".join(f"{c.parameter} {c.op} {c.threshold}" for c in verdict.decisive)
    if verdict.truth is None:
        undecided = list(verdict.undecided)
        return None, [f"{reference}: {place} lists only {row.only}; not decided"], undecided
    if verdict.truth:
        return True, [f"{reference} is in {place}, which lists only {row.only} ({tests})"], []
    return False, [f"{reference} is outside {place}, which lists only {row.only} ({tests})"], []


def _covers(row_entry: str, reference: str) -> bool:
    if len(row_entry) == 1:  # a whole category
        return reference.startswith(row_entry)
    return reference == row_entry or reference.startswith(f"{row_entry}.")
