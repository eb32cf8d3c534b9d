"""The provisions and red flags that case assessment cites, read once from the bundled data.

They are data for the same reason the rule books are: an officer can read
exactly what was applied and where it comes from, and a correction is a
reviewed change to a file rather than to code.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict, Field

from interdict.cases.findings import RuleEvidence
from interdict.controls.entries import Source
from interdict.model.strict import load_yaml


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Provision(_Spec):
    instrument: str
    provision: str
    says: str
    version_date: date | None
    sources: tuple[Source, ...] = Field(min_length=1)


class Provisions(_Spec):
    checked_on: date
    provisions: dict[str, Provision]


class FlagSource(_Spec):
    title: str
    url: str


class Flag(_Spec):
    title: str
    says: str
    sources: tuple[str, ...] = Field(min_length=1)


class RedFlags(_Spec):
    checked_on: date
    sources: dict[str, FlagSource]
    flags: dict[str, Flag]


def _read(name: str) -> object:
    return load_yaml((files("interdict.data") / "cases" / name).read_text(encoding="utf-8"))


@cache
def provisions() -> Provisions:
    return Provisions.model_validate(_read("provisions.yaml"))


@cache
def red_flags() -> RedFlags:
    catalogue = RedFlags.model_validate(_read("red_flags.yaml"))
    for key, flag in catalogue.flags.items():
        unknown = [s for s in flag.sources if s not in catalogue.sources]
        if unknown:
            raise ValueError(f"red_flags.yaml: flags.{key}.sources: unknown {unknown}")
    return catalogue


def cite(key: str) -> RuleEvidence:
    """A provision of ``provisions.yaml`` as rule evidence."""
    spec = provisions().provisions[key]
    return RuleEvidence(
        rule=key,
        instrument=spec.instrument,
        provision=spec.provision,
        says=spec.says,
        version_date=spec.version_date.isoformat() if spec.version_date else "not confirmed",
        sources=list(spec.sources),
    )


def flag_evidence(key: str) -> RuleEvidence:
    """A red flag's source, cited like a rule so that the report lists it with the others."""
    catalogue = red_flags()
    flag = catalogue.flags[key]
    return RuleEvidence(
        rule=f"red-flag:{key}",
        instrument="; ".join(catalogue.sources[s].title for s in flag.sources),
        provision=flag.title,
        says=flag.says,
        version_date=catalogue.checked_on.isoformat(),
        sources=[Source(url=catalogue.sources[s].url, supports=flag.title) for s in flag.sources],
    )
