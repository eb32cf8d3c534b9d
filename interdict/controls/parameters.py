"""The vocabulary of technical parameters an item may state and an entry may test.

One shared vocabulary keeps items and entries speaking the same language:
an entry that tests a parameter the vocabulary lacks, or in a unit of the
wrong kind, is refused when the list loads, not when an officer's item
happens to reach it.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from interdict.controls.units import check_unit

Kind = Literal["quantity", "count", "boolean", "enum", "set", "text", "collection"]


class Parameter(BaseModel):
    """One parameter; a ``collection`` is a list of records (the linear axes of a machine)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Kind
    description: str = Field(min_length=3)
    unit: str | None = Field(
        default=None, description="canonical unit of a quantity; values convert to it"
    )
    values: tuple[str, ...] = Field(default=(), description="allowed values of an enum or set")
    pattern: str | None = Field(
        default=None, description="for text: the form every value takes, e.g. a CAS number"
    )
    fields: dict[str, Parameter] = Field(default_factory=dict)
    ask: str | None = Field(
        default=None, description="how to ask the manufacturer for it, shown when it is missing"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Parameter:
        if self.kind == "quantity":
            if not self.unit:
                raise ValueError("a quantity needs its canonical unit")
            check_unit(self.unit)
        elif self.unit:
            raise ValueError(f"a {self.kind} has no unit")
        if self.kind in ("enum", "set") and not self.values:
            raise ValueError(f"a {self.kind} needs its list of values")
        if self.pattern is not None:
            if self.kind != "text":
                raise ValueError("only a text parameter has a pattern")
            try:
                re.compile(self.pattern)
            except re.error as error:
                raise ValueError(f"pattern {self.pattern!r} is not a regular expression") from error
        if self.kind == "collection":
            if not self.fields:
                raise ValueError("a collection needs its fields")
            if any(field.kind == "collection" for field in self.fields.values()):
                raise ValueError("a collection cannot hold another collection")
        elif self.fields:
            raise ValueError(f"a {self.kind} has no fields")
        return self


def text_problem(spec: Parameter, value: object) -> str | None:
    """Why ``value`` is not a valid value of the text parameter ``spec``, if it is not."""
    if not isinstance(value, str) or not value.strip():
        return "must be text"
    if spec.pattern is not None and re.fullmatch(spec.pattern, value) is None:
        return f"{value!r} does not have the form {spec.pattern}"
    return None


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    parameters: dict[str, Parameter]

    def get(self, name: str, within: str | None = None) -> Parameter | None:
        """The parameter ``name``, or the field ``name`` of the collection ``within``."""
        if within is None:
            return self.parameters.get(name)
        collection = self.parameters.get(within)
        return None if collection is None else collection.fields.get(name)
