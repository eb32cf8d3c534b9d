"""Machine-evaluable criteria: a small tree of comparisons, read from the list's YAML.

Evaluation is three-valued (true, false, undecided) so that an item with a
missing or only bounded parameter still gets every answer that does not
depend on it, and the undecided comparisons become the questions to put to
the manufacturer.  Each verdict keeps the comparisons that decided it, which
is the explanation an officer quotes, and the cheapest set of numeric
comparisons that kept a false entry out, which is what a near miss is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from interdict.controls.parameters import Parameter, Vocabulary, text_problem
from interdict.controls.units import UnitError, parse_magnitude, to_unit
from interdict.controls.values import ORDER_OPS, Interval, Truth, compare

Quantifier = Literal["any", "all"]
FieldValue = Interval | bool | str | frozenset[str]
ItemValue = FieldValue | tuple["Record", ...]


@dataclass(frozen=True)
class Record:
    """One member of a collection, e.g. the X axis with its travel and repeatability."""

    name: str
    values: dict[str, FieldValue]


class CriteriaError(ValueError):
    """A criteria node that cannot be read; ``path`` says where in the entry it sits."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Comparison(NamedTuple):
    """One parameter tested against one threshold, with what the item said.

    Tuples rather than frozen dataclasses: an item makes about a hundred of
    these per classification, and a frozen dataclass's __init__ is several
    times slower.
    """

    parameter: str
    op: str
    threshold: str
    value: str | None
    result: Truth
    label: str | None
    numeric: bool


class Verdict(NamedTuple):
    truth: Truth
    decisive: tuple[Comparison, ...]
    undecided: tuple[Comparison, ...]
    cost: float = 0.0
    blockers: tuple[Comparison, ...] = ()


@dataclass(frozen=True)
class Scaled:
    """A threshold that grows with another parameter: ``base + rate x driver``.

    The list writes some limits as formulas of a length, e.g. "(1.25 + L/1000) µm
    where L is the measured length in mm"; the driver must be stated exactly, since
    a bound on it would make the threshold itself a range.
    """

    base: Decimal
    rate: Decimal
    driver: str

    def resolve(self, values: dict[str, Any]) -> Decimal | None:
        driver = values.get(self.driver)
        if not isinstance(driver, Interval) or not driver.is_exact or driver.low is None:
            return None
        return self.base + self.rate * driver.low


@dataclass(frozen=True)
class Test:
    """A leaf: ``parameter op threshold``."""

    parameter: str
    op: str
    threshold: Decimal | bool | str | frozenset[str] | Scaled
    shown: str
    spec: Parameter
    label: str | None = None

    def evaluate(self, values: dict[str, Any], prefix: str, label: str | None) -> Verdict:
        value = values.get(self.parameter)
        threshold = (
            self.threshold.resolve(values) if isinstance(self.threshold, Scaled) else self.threshold
        )
        truth: Truth = None if value is None or threshold is None else self._truth(value, threshold)
        path = prefix + self.parameter
        if value is not None and threshold is None and isinstance(self.threshold, Scaled):
            path = prefix + self.threshold.driver  # the formula's driver is what is missing
        far = _factor(value, self.op, threshold) if truth is False else None
        return _atom(self, path, value, truth, self.label or label, far)

    def describe(self, depth: int = 0) -> list[str]:
        tag = f"  [{self.label}]" if self.label else ""
        return [f"{'  ' * depth}{self.parameter} {self.op} {self.shown}{tag}"]

    def _truth(self, value: Any, threshold: Any) -> Truth:
        if self.op in ORDER_OPS and isinstance(threshold, Decimal):
            return compare(value, self.op, threshold)
        if self.op == "is":
            return bool(value == threshold)
        if self.op == "in":
            return bool(value in threshold)
        if self.op == "has":
            return bool(threshold in value)
        return bool(value & threshold)  # has_any


@dataclass(frozen=True)
class Group:
    """``all`` (conjunction) or ``any`` (disjunction) of child nodes."""

    mode: Quantifier
    children: tuple[Node, ...]
    label: str | None = None

    def evaluate(self, values: dict[str, Any], prefix: str, label: str | None) -> Verdict:
        inner = self.label or label
        verdicts = []
        for child in self.children:
            verdict = child.evaluate(values, prefix, inner)
            if self.mode == "all" and verdict.truth is False and verdict.cost == math.inf:
                # Out of scope for good (a turbopump is no machine tool): no near miss, no
                # question can change it, so the other tests need not run.
                return verdict
            verdicts.append(verdict)
        return combine(self.mode, verdicts)

    def describe(self, depth: int = 0) -> list[str]:
        tag = f"  [{self.label}]" if self.label else ""
        head = f"{'  ' * depth}{'all of' if self.mode == 'all' else 'any of'}:{tag}"
        return [head] + [line for c in self.children for line in c.describe(depth + 1)]


@dataclass(frozen=True)
class Negation:
    child: Node
    label: str | None = None

    def evaluate(self, values: dict[str, Any], prefix: str, label: str | None) -> Verdict:
        inner = self.child.evaluate(values, prefix, self.label or label)
        truth = None if inner.truth is None else not inner.truth
        cost = 0.0 if truth else (1.0 if truth is None else math.inf)
        return Verdict(truth, inner.decisive, inner.undecided, cost)

    def describe(self, depth: int = 0) -> list[str]:
        tag = f"  [{self.label}]" if self.label else ""
        return [f"{'  ' * depth}none of:{tag}", *self.child.describe(depth + 1)]


@dataclass(frozen=True)
class Each:
    """A quantifier over a collection: any or all of its records, at least n, or the one named.

    ``at_least`` exists because the list counts qualifying records ("at least two
    rotary axes having all of the following", 2B001.e.2): a plain any would let one
    good axis pass.
    """

    collection: str
    where: Node
    quantifier: Quantifier = "any"
    name: str | None = None
    label: str | None = None
    at_least: int | None = None

    def evaluate(self, values: dict[str, Any], prefix: str, label: str | None) -> Verdict:
        inner = self.label or label
        records: tuple[Record, ...] | None = values.get(self.collection)
        if self.name is not None and records is not None:
            records = tuple(r for r in records if r.name.casefold() == self.name.casefold())
        if not records:
            what = f"{self.collection}[{self.name}]" if self.name else self.collection
            missing = Comparison(what, "given", "present", None, None, inner, numeric=False)
            return Verdict(None, (missing,), (missing,), 1.0)
        verdicts = [
            self.where.evaluate(r.values, f"{prefix}{self.collection}[{r.name}].", inner)
            for r in records
        ]
        if self.at_least is not None:
            return _count(self.at_least, verdicts)
        return combine("all" if self.name else self.quantifier, verdicts)

    def describe(self, depth: int = 0) -> list[str]:
        tag = f"  [{self.label}]" if self.label else ""
        if self.name:
            which = f"axis {self.name} of"
        elif self.at_least is not None:
            which = f"at least {self.at_least} of the"
        else:
            which = f"{self.quantifier} of the"
        head = f"{'  ' * depth}for {which} {self.collection}:{tag}"
        return [head, *self.where.describe(depth + 1)]


Node = Test | Group | Negation | Each


NEAR_FACTOR = Decimal(4)
"""A failed numeric test is *near* when the value is within this factor of the threshold."""


def _factor(value: Any, op: str, threshold: Any) -> Decimal | None:
    """How many times too large (for <, <=) or too small (for >, >=) the value is."""
    if not isinstance(value, Interval) or not isinstance(threshold, Decimal):
        return None
    if op in ("<", "<=") and value.low is not None and threshold > 0:
        return value.low / threshold
    if op in (">", ">=") and value.high is not None and value.high > 0:
        return threshold / value.high
    return None


def _atom(
    test: Test, path: str, value: Any, truth: Truth, label: str | None, far: Decimal | None
) -> Verdict:
    numeric = test.op in ORDER_OPS
    shown = None if value is None else _show(value, test.spec)
    comparison = Comparison(path, test.op, test.shown, shown, truth, label, numeric)
    if truth is None:
        # Unknown may turn out false: it counts against calling a false entry "near".
        return Verdict(None, (comparison,), (comparison,), 1.0)
    if truth:
        return Verdict(True, (comparison,), ())
    near = numeric and far is not None and far <= NEAR_FACTOR
    return Verdict(False, (comparison,), (), 1.0 if near else math.inf, (comparison,))


def combine(mode: Quantifier, verdicts: list[Verdict]) -> Verdict:
    """Three-valued all/any, keeping the comparisons that decided the result."""
    truths = [v.truth for v in verdicts]
    decided_by: bool | None
    if mode == "all":
        truth: Truth = False if False in truths else (None if None in truths else True)
        decided_by = False if truth is False else (None if truth is None else True)
        cost = sum(v.cost for v in verdicts)
        blockers = tuple(c for v in verdicts for c in v.blockers)
    else:
        truth = True if True in truths else (None if None in truths else False)
        decided_by = True if truth else (None if truth is None else False)
        cheapest = min(verdicts, key=lambda v: v.cost)
        cost, blockers = cheapest.cost, cheapest.blockers
    chosen = [v for v in verdicts if v.truth is decided_by] or verdicts
    undecided = tuple(c for v in verdicts for c in v.undecided) if truth is None else ()
    decisive = tuple(c for v in chosen for c in v.decisive)
    return Verdict(truth, decisive, undecided, cost, blockers if truth is False else ())


def _count(needed: int, verdicts: list[Verdict]) -> Verdict:
    """At least ``needed`` records hold: true, false or undecided on the records' verdicts."""
    holding = [v for v in verdicts if v.truth is True]
    open_ = [v for v in verdicts if v.truth is None]
    failing = sorted((v for v in verdicts if v.truth is False), key=lambda v: v.cost)
    if len(holding) >= needed:
        return Verdict(True, tuple(c for v in holding[:needed] for c in v.decisive), ())
    undecided = tuple(c for v in open_ for c in v.undecided)
    short = needed - len(holding) - len(open_)
    if short <= 0:
        decisive = tuple(c for v in holding + open_ for c in v.decisive)
        return Verdict(None, decisive, undecided, sum(v.cost for v in open_))
    # Too few records can hold: the cheapest failures are what would have to change.
    cheapest = failing[:short]
    cost = sum(v.cost for v in cheapest) if len(cheapest) == short else math.inf
    blockers = tuple(c for v in cheapest for c in v.blockers)
    decisive = tuple(c for v in failing for c in v.decisive)
    return Verdict(False, decisive, (), cost + sum(v.cost for v in open_), blockers)


def _show(value: Any, spec: Parameter) -> str:
    if isinstance(value, Interval):
        return value.describe(spec.unit or "")
    if isinstance(value, frozenset):
        return ", ".join(sorted(value))
    return str(value).lower() if isinstance(value, bool) else str(value)


def parse(raw: Any, vocabulary: Vocabulary, path: str, within: str | None = None) -> Node:
    """Read one criteria node; every error names its path inside the entry."""
    if not isinstance(raw, dict):
        raise CriteriaError(path, "a criteria node must be a mapping")
    label = raw.get("label")
    if label is not None and not isinstance(label, str):
        raise CriteriaError(f"{path}.label", "must be text")
    keys = set(raw) - {"label"}
    if keys in ({"all"}, {"any"}):
        mode: Quantifier = "all" if "all" in keys else "any"
        children = raw[mode]
        if not isinstance(children, list) or not children:
            raise CriteriaError(f"{path}.{mode}", "must be a non-empty list")
        nodes = tuple(
            parse(c, vocabulary, f"{path}.{mode}[{i}]", within) for i, c in enumerate(children)
        )
        return Group(mode, nodes, label)
    if keys == {"not"}:
        return Negation(parse(raw["not"], vocabulary, f"{path}.not", within), label)
    if "each" in keys:
        return _parse_each(raw, vocabulary, path, within, label)
    if "param" in keys:
        return _parse_test(raw, vocabulary, path, within, label)
    known = "all, any, not, each or param"
    raise CriteriaError(path, f"unknown node with keys {sorted(keys)}; use {known}")


def _parse_each(
    raw: dict[str, Any], vocabulary: Vocabulary, path: str, within: str | None, label: str | None
) -> Each:
    extra = set(raw) - {"each", "where", "quantifier", "name", "label", "at_least"}
    if extra:
        raise CriteriaError(path, f"unknown keys {sorted(extra)}")
    at_least = raw.get("at_least")
    if at_least is not None and (
        isinstance(at_least, bool) or not isinstance(at_least, int) or at_least < 1
    ):
        raise CriteriaError(f"{path}.at_least", "must be a whole number of records, 1 or more")
    if at_least is not None and ("quantifier" in raw or "name" in raw):
        raise CriteriaError(path, "at_least replaces quantifier and name; give only one")
    collection = raw["each"]
    name = raw.get("name")
    if name is not None and not isinstance(name, str):
        raise CriteriaError(f"{path}.name", "must be the record's name as text, e.g. X")
    spec = vocabulary.get(collection) if within is None and isinstance(collection, str) else None
    if spec is None or spec.kind != "collection":
        raise CriteriaError(f"{path}.each", f"{collection!r} is not a collection parameter")
    quantifier = raw.get("quantifier", "any")
    if quantifier not in ("any", "all"):
        raise CriteriaError(f"{path}.quantifier", "must be any or all")
    if "where" not in raw:
        raise CriteriaError(path, "each needs a where")
    where = parse(raw["where"], vocabulary, f"{path}.where", collection)
    return Each(collection, where, quantifier, name, label, at_least)


def _parse_test(
    raw: dict[str, Any], vocabulary: Vocabulary, path: str, within: str | None, label: str | None
) -> Test:
    extra = set(raw) - {"param", "op", "value", "label"}
    if extra or "op" not in raw or "value" not in raw:
        raise CriteriaError(path, "a test has exactly param, op and value (and an optional label)")
    name, op, value = raw["param"], raw["op"], raw["value"]
    if not isinstance(name, str):
        raise CriteriaError(f"{path}.param", "must be a parameter name")
    spec = vocabulary.get(name, within)
    if spec is None:
        where = f" of {within}" if within else ""
        raise CriteriaError(f"{path}.param", f"unknown parameter {name!r}{where}")
    if isinstance(value, dict) and spec.kind == "quantity" and op in ORDER_OPS:
        scaled, shown = _scaled(spec, value, vocabulary, f"{path}.value", within)
        return Test(name, op, scaled, shown, spec, label)
    threshold, shown = _threshold(spec, op, value, f"{path}.value")
    return Test(name, op, threshold, shown, spec, label)


def _scaled(
    spec: Parameter, raw: dict[str, Any], vocabulary: Vocabulary, path: str, within: str | None
) -> tuple[Scaled, str]:
    """``{base: 1.25 µm, plus: 1 µm, per: 1000 mm, of: measured_length}``."""
    if set(raw) != {"base", "plus", "per", "of"}:
        raise CriteriaError(path, "a formula threshold has exactly base, plus, per and of")
    driver = vocabulary.get(str(raw["of"]), within)
    if driver is None or driver.kind != "quantity":
        raise CriteriaError(f"{path}.of", f"{raw['of']!r} is not a quantity parameter here")
    base = _quantity(raw["base"], spec.unit or "", f"{path}.base")
    plus = _quantity(raw["plus"], spec.unit or "", f"{path}.plus")
    per = _quantity(raw["per"], driver.unit or "", f"{path}.per")
    if per == 0:
        raise CriteriaError(f"{path}.per", "cannot be zero")
    shown = f"{raw['base']} + {raw['plus']} per {raw['per']} of {raw['of']}"
    return Scaled(base, plus / per, str(raw["of"])), shown


def _quantity(value: Any, unit: str, path: str) -> Decimal:
    if not isinstance(value, str):
        raise CriteriaError(path, f"write a quantity with its unit, e.g. '1 {unit}'")
    try:
        magnitude, given = parse_magnitude(value)
        return to_unit(magnitude, given, unit)
    except UnitError as error:
        raise CriteriaError(path, str(error)) from error


_OPS_BY_KIND: dict[str, tuple[str, ...]] = {
    "quantity": ORDER_OPS,
    "count": ORDER_OPS,
    "boolean": ("is",),
    "enum": ("is", "in"),
    "text": ("is", "in"),
    "set": ("has", "has_any"),
}


def _threshold(
    spec: Parameter, op: Any, value: Any, path: str
) -> tuple[Decimal | bool | str | frozenset[str], str]:
    allowed = _OPS_BY_KIND.get(spec.kind, ())
    if op not in allowed:
        where = path.rsplit(".", 1)[0] + ".op"
        uses = ", ".join(allowed)
        raise CriteriaError(where, f"{op!r} does not apply to a {spec.kind}; use {uses}")
    if spec.kind == "quantity":
        return _quantity(value, spec.unit or "", path), str(value)
    if spec.kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise CriteriaError(path, "a count is a whole number, zero or more")
        return Decimal(value), str(value)
    if spec.kind == "boolean":
        if not isinstance(value, bool):
            raise CriteriaError(path, "must be true or false")
        return value, str(value).lower()
    return _choice(spec, op, value, path)


def _choice(spec: Parameter, op: str, value: Any, path: str) -> tuple[str | frozenset[str], str]:
    many = op in ("in", "has_any")
    items = value if many else [value]
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise CriteriaError(path, "must be a list of values" if many else "must be one value")
    if spec.kind == "text":
        problems = [p for v in items if (p := text_problem(spec, v))]
        if problems:
            raise CriteriaError(path, problems[0])
    unknown = [v for v in items if spec.kind != "text" and v not in spec.values]
    if unknown:
        raise CriteriaError(path, f"unknown value(s) {unknown}; allowed: {', '.join(spec.values)}")
    if many:
        return frozenset(items), ", ".join(items)
    return items[0], items[0]
