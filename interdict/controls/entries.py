"""Control-list entries as they are written in ``interdict/data/controls``.

Entries are written flat, one per sub-item, with the hierarchy in the id
(``2B001.b.2`` sits under ``2B001.b`` under ``2B001``), because that is how
the regulation itself numbers them and how officers cite them.  A child's
criteria add to its ancestors': 2B001.b.2 holds only if the 2B001 chapeau
and the 2B001.b milling test hold too.  Everything is checked at load:
ids, parents, parameters, units, list references and sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interdict.controls.criteria import CriteriaError, Node, parse
from interdict.controls.parameters import Vocabulary
from interdict.controls.regimes import ENTRY_ID, parent_of, regime_of
from interdict.model.strict import DuplicateKeyError, load_yaml

M = TypeVar("M", bound=BaseModel)
Jurisdiction = Literal["EU", "US"]
JURISDICTIONS: tuple[Jurisdiction, ...] = ("EU", "US")


class ControlListError(ValueError):
    """A control-list file that does not validate: names the file, entry and field."""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(pattern=r"^https?://")
    supports: str = Field(min_length=3, description="which facts of the entry this source gives")


class ListVersion(BaseModel):
    """One published list (EU Annex I, the US CCL) at the version the entries encode."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    jurisdiction: Jurisdiction
    title: str
    version_date: date
    sources: tuple[Source, ...] = Field(min_length=1)


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    ref: str = Field(description="the note's own label, e.g. 'Note 2' or 'Technical Note 1'")
    says: str = Field(min_length=3, description="what it says, in our words")
    excludes: dict[str, Any] | None = Field(
        default=None, description="criteria that, when true, take the item out of the entry"
    )


class ConditionalReason(BaseModel):
    """A reason for control that applies to the entry except for the items ``unless`` holds for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str
    unless: dict[str, Any]
    says: str = Field(min_length=3, description="the exception, in our words")


class Version(BaseModel):
    """The entry in one jurisdiction: its list, its own number there, its reasons."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    list: str
    reference: str
    title: str | None = Field(
        default=None,
        description="the jurisdiction's own heading, where its item under this number differs",
    )
    reasons: tuple[str, ...] = Field(default=(), description="US reasons for control, e.g. NS2")
    conditional_reasons: tuple[ConditionalReason, ...] = ()
    criteria: dict[str, Any] | None = Field(
        default=None, description="replaces the entry's criteria where this jurisdiction differs"
    )


class Related(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    software: tuple[str, ...] = ()
    technology: tuple[str, ...] = ()


class EntrySpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str = Field(min_length=3)
    description: str | None = None
    criteria: dict[str, Any] | None = None
    notes: tuple[Note, ...] = ()
    see_also: tuple[str, ...] = ()
    other_than: tuple[str, ...] = Field(
        default=(), description="entries that take precedence: 'other than those in 2B001'"
    )
    gaps: tuple[str, ...] = Field(
        default=(), description="parts of the official entry not encoded, and why"
    )
    related: Related = Related()
    jurisdictions: dict[Jurisdiction, Version] = Field(default_factory=dict)
    sources: tuple[Source, ...] = Field(min_length=1)

    @field_validator("id", "see_also", "other_than")
    @classmethod
    def _numbered(cls, value: Any) -> Any:
        for one in [value] if isinstance(value, str) else value:
            if not ENTRY_ID.match(one):
                raise ValueError(f"{one!r} is not an Annex I number such as 2B001.b.2")
        return value


@dataclass(frozen=True)
class Exclusion:
    ref: str
    says: str
    owner: str
    criteria: Node


@dataclass(frozen=True)
class Entry:
    spec: EntrySpec
    regime: str
    regime_name: str
    criteria: dict[Jurisdiction, Node | None]
    exclusions: tuple[Exclusion, ...]
    reason_exceptions: dict[Jurisdiction, tuple[tuple[ConditionalReason, Node], ...]]

    @property
    def id(self) -> str:
        return self.spec.id

    def title_in(self, jurisdiction: Jurisdiction) -> str:
        """The heading in that jurisdiction: the US 9A120 is a different item from the EU's."""
        version = self.spec.jurisdictions.get(jurisdiction)
        return version.title if version is not None and version.title else self.spec.title


@dataclass(frozen=True)
class ControlList:
    entries: dict[str, Entry]
    lists: dict[str, ListVersion]
    vocabulary: Vocabulary

    def children(self, entry_id: str) -> list[Entry]:
        return [e for e in self.entries.values() if parent_of(e.id) == entry_id]

    def lineage(self, entry_id: str) -> list[Entry]:
        """The entry and its ancestors, root first."""
        chain: list[Entry] = []
        current: str | None = entry_id
        while current is not None:
            chain.append(self.entries[current])
            current = parent_of(current)
        return chain[::-1]

    def leaves(self) -> list[Entry]:
        parents = {parent_of(i) for i in self.entries}
        return [e for i, e in self.entries.items() if i not in parents]

    def version(self, entry_id: str, jurisdiction: Jurisdiction) -> ListVersion | None:
        version = self.entries[entry_id].spec.jurisdictions.get(jurisdiction)
        return None if version is None else self.lists[version.list]


def normalise_id(text: str) -> str:
    """ "2b001.B.2" -> "2B001.b.2": the list's own spelling, whatever the user typed."""
    head, dot, tail = text.strip().partition(".")
    return head.upper() + dot + tail.lower()


def load_control_list(folder: Path) -> ControlList:
    """Read parameters, lists and every ``entries/*.yaml`` file, refusing any invalid record."""
    vocabulary = _model(folder / "parameters.yaml", Vocabulary, "parameters")
    lists_raw = _yaml(folder / "lists.yaml")
    lists: dict[str, ListVersion] = {}
    for index, raw in enumerate(_as_list(lists_raw, "lists", folder / "lists.yaml")):
        version = _validated(ListVersion, raw, f"{folder / 'lists.yaml'}: lists[{index}]")
        lists[version.id] = version
    entries: dict[str, Entry] = {}
    files: dict[str, str] = {}
    for path in sorted((folder / "entries").glob("*.yaml")):
        for index, raw in enumerate(_as_list(_yaml(path), "entries", path)):
            where = f"{path.name}: entries[{index}]"
            spec = _validated(EntrySpec, raw, where)
            if spec.id in entries:
                raise ControlListError(f"{where}: duplicate entry id {spec.id}")
            entries[spec.id] = _entry(spec, vocabulary, lists, f"{path.name}: {spec.id}")
            files[spec.id] = path.name
    for entry_id, entry in entries.items():
        parent = parent_of(entry_id)
        if parent is None:
            continue
        if parent not in entries:
            raise ControlListError(
                f"{files[entry_id]}: {entry_id}: its parent {parent} is not encoded"
            )
        lacking = set(entry.spec.jurisdictions) - set(entries[parent].spec.jurisdictions)
        if lacking:
            # Its tests would silently lose the parent's: refuse instead.
            raise ControlListError(
                f"{files[entry_id]}: {entry_id}: its parent {parent} has no "
                f"{', '.join(sorted(lacking))} version"
            )
    return ControlList(entries, lists, vocabulary)


def _entry(
    spec: EntrySpec, vocabulary: Vocabulary, lists: dict[str, ListVersion], where: str
) -> Entry:
    for jurisdiction, version in spec.jurisdictions.items():
        known = lists.get(version.list)
        if known is None or known.jurisdiction != jurisdiction:
            raise ControlListError(
                f"{where}: jurisdictions.{jurisdiction}.list {version.list!r} is not a "
                f"{jurisdiction} list in lists.yaml"
            )
    try:
        base = None if spec.criteria is None else parse(spec.criteria, vocabulary, "criteria")
        criteria: dict[Jurisdiction, Node | None] = {
            j: base if v.criteria is None else parse(v.criteria, vocabulary, f"jurisdictions.{j}")
            for j, v in spec.jurisdictions.items()
        }
        exclusions = tuple(
            Exclusion(n.ref, n.says, spec.id, parse(n.excludes, vocabulary, f"notes[{i}].excludes"))
            for i, n in enumerate(spec.notes)
            if n.excludes is not None
        )
        reason_exceptions = {
            j: tuple(
                (c, parse(c.unless, vocabulary, f"jurisdictions.{j}.conditional_reasons[{i}]"))
                for i, c in enumerate(v.conditional_reasons)
            )
            for j, v in spec.jurisdictions.items()
        }
    except CriteriaError as error:
        raise ControlListError(f"{where}: {error}") from error
    try:
        regime, regime_name = regime_of(spec.id)
    except ValueError as error:
        raise ControlListError(f"{where}: {error}") from error
    return Entry(spec, regime, regime_name, criteria, exclusions, reason_exceptions)


def _yaml(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, DuplicateKeyError) as error:
        raise ControlListError(f"{path}: cannot be read as YAML: {error}") from error


def _as_list(raw: Any, key: str, path: Path) -> list[Any]:
    """The records under ``key``; other top-level keys must start with ``x-``.

    ``x-`` keys hold YAML anchors shared by several records (a source cited by
    every entry of a file); any other key is a typo that would be silently lost.
    """
    if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
        raise ControlListError(f"{path}: expected a mapping with a list under {key!r}")
    stray = sorted(str(k) for k in raw if k != key and not str(k).startswith("x-"))
    if stray:
        raise ControlListError(
            f"{path}: unknown top-level keys {stray}; only {key!r} and x- keys (for anchors)"
        )
    return list(raw[key])


def _model(path: Path, model: type[M], what: str) -> M:
    return _validated(model, _yaml(path), f"{path} ({what})")


def _validated(model: type[M], raw: Any, where: str) -> M:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(record)"
        label = f" {raw.get('id')}" if isinstance(raw, dict) and raw.get("id") else ""
        raise ControlListError(f"{where}{label}: {field}: {first['msg']}") from error
