"""Evaluate cable intelligence extraction against hand-annotated gold files.

Each cable ``NAME.txt`` (or ``NAME.html``) in a set directory has a gold file
``NAME.gold.json`` next to it (format and annotation guidelines:
``bench/intel_eval/README.md``).  The script parses every cable with
``interdict.cables.pipeline.parse_paths``, runs the extractor on it and
compares the result with the gold file:

* parties: a predicted party matches a gold party when one of its names
  (``name`` and ``alias`` properties), keyed with
  ``interdict.intel.ids.name_key(name, predicted schema)``, equals the key of
  the gold name or of one of the gold aliases (``name_key(..., gold schema)``);
  pairs are made one-to-one, greedily, preferring name-to-name matches;
* links: a predicted link matches a gold link when its subject and object are
  predicted parties matched to the gold link's subject and object and the
  roles are equal (``associated_with`` is matched in either direction);
* countries: on matched parties whose gold country is not null, the first
  predicted ``country`` must equal it;
* items: recall of gold items (one-to-one, greedy) by model designation or by
  the words of the description (see ``_item_score``); the manufacturer is
  checked on matched items that have one in the gold file.

    python bench/bench_intel.py bench/intel_eval/holdout [--json] [--verbose]
    python bench/bench_intel.py bench/intel_eval/tune --extractor mypkg.mod:func

Exit status: 0 after a run, 2 when the extractor cannot be imported or a
cable or gold file cannot be read.
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable
from interdict.intel.ids import name_key
from interdict.intel.records import Extraction

DEFAULT_EXTRACTOR = "interdict.intel.extract:extract_cable"
CABLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ""})
GOLD_SUFFIX = ".gold.json"
SYMMETRIC_ROLES = frozenset({"associated_with"})

# Words that carry no meaning for telling goods apart, and head nouns too
# vague to identify a kind of goods on their own.
_STOPWORDS = frozenset(
    {"a", "an", "and", "or", "of", "the", "for", "with", "type", "model", "grade", "mm", "kg"}
)
_GENERIC_HEADS = frozenset(
    {"machine", "equipment", "system", "component", "part", "material", "item", "good"}
    | {"tool", "unit", "device", "product", "article"}
)

Extractor = Callable[[Cable], Extraction]


# -- gold ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldParty:
    name: str
    aliases: tuple[str, ...]
    schema: str
    country: str | None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldLink:
    subject: int  # index into Gold.parties
    role: str
    object: int


@dataclass(frozen=True, slots=True)
class GoldItem:
    description: str
    model: str | None
    manufacturer: int | None  # index into Gold.parties


@dataclass(frozen=True, slots=True)
class Gold:
    cable: str
    source: str
    parties: tuple[GoldParty, ...]
    links: tuple[GoldLink, ...]
    items: tuple[GoldItem, ...]


class GoldError(ValueError):
    """A gold file that does not follow the format."""


def load_gold(path: Path) -> Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    parties = tuple(
        GoldParty(
            name=p["name"],
            aliases=tuple(p.get("aliases") or ()),
            schema=p["schema"],
            country=(p.get("country") or None),
        )
        for p in data["parties"]
    )
    index = {party.name: i for i, party in enumerate(parties)}

    def ref(name: str) -> int:
        if name not in index:
            raise GoldError(f"{path}: {name!r} is not a party name")
        return index[name]

    links = tuple(
        GoldLink(ref(link["subject"]), link["role"], ref(link["object"])) for link in data["links"]
    )
    items = tuple(
        GoldItem(
            description=item["description"],
            model=item.get("model") or None,
            manufacturer=ref(item["manufacturer"]) if item.get("manufacturer") else None,
        )
        for item in data["items"]
    )
    return Gold(data["cable"], data.get("source", ""), parties, links, items)


# -- matching --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredParty:
    id: str
    names: tuple[str, ...]
    schema: str
    country: str | None

    @property
    def label(self) -> str:
        return self.names[0] if self.names else self.id


def _pred_parties(extraction: Extraction) -> list[PredParty]:
    parties = []
    for party in extraction.parties:
        props = party.properties
        names = tuple(dict.fromkeys([*props.get("name", []), *props.get("alias", [])]))
        countries = props.get("country", [])
        country = countries[0].strip().lower() if countries else None
        parties.append(PredParty(party.id, names, party.schema_, country or None))
    return parties


def _keys(names: Iterable[str], schema: str) -> list[str]:
    return [key for key in (name_key(name, schema) for name in names) if key]


def match_parties(gold: Sequence[GoldParty], pred: Sequence[PredParty]) -> dict[int, int]:
    """Pair predicted parties with gold parties one-to-one; returns pred index -> gold index.

    Candidate pairs share at least one key; a pair whose primary names agree
    is taken before one that agrees only through an alias, and ties go to the
    earlier gold party, then the earlier prediction.
    """
    gold_keys = [_keys(g.names, g.schema) for g in gold]
    pred_keys = [_keys(p.names, p.schema) for p in pred]
    candidates: list[tuple[int, int, int]] = []
    for pi, pkeys in enumerate(pred_keys):
        for gi, gkeys in enumerate(gold_keys):
            if not set(pkeys) & set(gkeys):
                continue
            primary = bool(pkeys and gkeys and pkeys[0] == gkeys[0])
            candidates.append((0 if primary else 1, gi, pi))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _rank, gi, pi in sorted(candidates):
        if pi in pairs or gi in taken:
            continue
        pairs[pi] = gi
        taken.add(gi)
    return pairs


def _tokens(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = []
    for word in words:
        if word in _STOPWORDS or word.isdigit():
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


def _model_key(model: str | None) -> str:
    return re.sub(r"[^A-Z0-9]", "", (model or "").upper())


def _item_score(gold: GoldItem, description: str, model: str | None) -> int:
    """How well a predicted item fits a gold item: 0 (no match) to 3 (same model).

    3: the model designations agree.  2: every content word of the gold
    description is in the predicted one.  1: the predicted words are a
    subset covering at least half of the gold words, or both descriptions end
    in the same head noun and that noun is specific (not "machine",
    "equipment" ...).  Plural "s" is ignored.
    """
    if gold.model and _model_key(gold.model) and _model_key(gold.model) == _model_key(model):
        return 3
    gold_words, pred_words = _tokens(gold.description), _tokens(description)
    if not gold_words or not pred_words:
        return 0
    gset, pset = set(gold_words), set(pred_words)
    if gset <= pset:
        return 2
    if pset <= gset and len(pset) >= math.ceil(len(gset) / 2):
        return 1
    if gold_words[-1] == pred_words[-1] and gold_words[-1] not in _GENERIC_HEADS:
        return 1
    return 0


# -- scoring ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if not self.tp:
            return 0.0 if self.fp + self.fn else None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(slots=True)
class Ratio:
    hits: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.hits += other.hits
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.hits, "total": self.total, "value": self.value}


@dataclass(slots=True)
class CableScore:
    cable: str
    path: str
    parties: Counts = field(default_factory=Counts)
    links: Counts = field(default_factory=Counts)
    country: Ratio = field(default_factory=Ratio)
    items: Counts = field(default_factory=Counts)
    manufacturer: Ratio = field(default_factory=Ratio)
    errors: list[str] = field(default_factory=list)  # false positives and negatives, as text

    def as_dict(self, verbose: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "cable": self.cable,
            "path": self.path,
            "parties": self.parties.as_dict(),
            "links": self.links.as_dict(),
            "country_accuracy": self.country.as_dict(),
            "items": self.items.as_dict(),
            "item_recall": self.items.recall,
            "manufacturer_accuracy": self.manufacturer.as_dict(),
        }
        if verbose:
            out["errors"] = self.errors
        return out


def score_cable(gold: Gold, extraction: Extraction, path: str) -> CableScore:
    score = CableScore(gold.cable, path)
    pred = _pred_parties(extraction)
    pairs = match_parties(gold.parties, pred)
    matched_gold = set(pairs.values())

    # parties and countries
    score.parties.tp = len(pairs)
    score.parties.fp = len(pred) - len(pairs)
    score.parties.fn = len(gold.parties) - len(pairs)
    for pi, party in enumerate(pred):
        if pi not in pairs:
            score.errors.append(f"party FP: {party.label!r} ({party.schema})")
    for gi, gparty in enumerate(gold.parties):
        if gi not in matched_gold:
            score.errors.append(f"party FN: {gparty.name!r} ({gparty.schema})")
    for pi, gi in pairs.items():
        expected = gold.parties[gi].country
        if expected is None:
            continue
        score.country.total += 1
        if pred[pi].country == expected:
            score.country.hits += 1
        else:
            score.errors.append(
                f"country: {gold.parties[gi].name!r} predicted {pred[pi].country}, gold {expected}"
            )

    # links
    to_gold = {pred[pi].id: gi for pi, gi in pairs.items()}
    labels = {p.id: p.label for p in pred}
    gold_links = {(link.subject, link.role, link.object) for link in gold.links}
    found: set[tuple[int, str, int]] = set()
    for link in extraction.links:
        props = link.properties
        subject = (props.get("subject") or [""])[0]
        object_ = (props.get("object") or [""])[0]
        role = (props.get("role") or [""])[0]
        text = f"{labels.get(subject, subject)!r} {role} {labels.get(object_, object_)!r}"
        gs, go = to_gold.get(subject), to_gold.get(object_)
        hit: tuple[int, str, int] | None = None
        if gs is not None and go is not None:
            options = [(gs, role, go)]
            if role in SYMMETRIC_ROLES:
                options.append((go, role, gs))
            hit = next((t for t in options if t in gold_links and t not in found), None)
        if hit is None:
            score.links.fp += 1
            score.errors.append(f"link FP: {text}")
        else:
            score.links.tp += 1
            found.add(hit)
    for gs, role, go in sorted(gold_links - found):
        score.links.fn += 1
        s, o = gold.parties[gs].name, gold.parties[go].name
        score.errors.append(f"link FN: {s!r} {role} {o!r}")

    # items and manufacturers
    candidates: list[tuple[int, int, int]] = []
    for ii, item in enumerate(extraction.items):
        for gi, gitem in enumerate(gold.items):
            value = _item_score(gitem, item.description, item.model)
            if value:
                candidates.append((-value, gi, ii))
    item_pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _value, gi, ii in sorted(candidates):
        if ii in item_pairs or gi in taken:
            continue
        item_pairs[ii] = gi
        taken.add(gi)
    score.items.tp = len(item_pairs)
    score.items.fp = len(extraction.items) - len(item_pairs)
    score.items.fn = len(gold.items) - len(item_pairs)
    for ii, item in enumerate(extraction.items):
        if ii not in item_pairs:
            score.errors.append(f"item FP: {item.description!r} model={item.model}")
    for gi, gitem in enumerate(gold.items):
        if gi not in taken:
            score.errors.append(f"item FN: {gitem.description!r} model={gitem.model}")
    for ii, gi in item_pairs.items():
        maker = gold.items[gi].manufacturer
        if maker is None:
            continue
        score.manufacturer.total += 1
        predicted = extraction.items[ii].manufacturer
        if predicted is not None and to_gold.get(predicted) == maker:
            score.manufacturer.hits += 1
        else:
            shown = labels.get(predicted, predicted) if predicted else None
            score.errors.append(
                f"manufacturer: {gold.items[gi].description!r} predicted {shown!r}, "
                f"gold {gold.parties[maker].name!r}"
            )
    return score


# -- running ---------------------------------------------------------------------------------


class SetupError(RuntimeError):
    """Something that stops the run before any score means anything."""


def load_extractor(spec: str) -> Extractor:
    module_name, _, attr = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except Exception as error:  # ImportError, or the module failing while it loads
        raise SetupError(
            f"cannot import the extractor module {module_name!r} ({error}); "
            f"the benchmark needs `from {module_name} import {attr or 'extract_cable'}` "
            "with the signature extract_cable(cable: Cable) -> Extraction"
        ) from error
    function = getattr(module, attr or "extract_cable", None)
    if not callable(function):
        raise SetupError(f"{module_name!r} has no callable {attr or 'extract_cable'!r}")
    return cast(Extractor, function)


def cable_files(paths: Iterable[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                child
                for child in sorted(path.iterdir())
                if child.is_file()
                and not child.name.startswith(".")
                and child.suffix.lower() in CABLE_SUFFIXES
            )
        elif path.is_file():
            files.append(path)
        else:
            raise SetupError(f"no such file or directory: {raw}")
    if not files:
        raise SetupError("no cable files found")
    return files


def gold_path(cable_path: Path) -> Path:
    stem = cable_path.name[: -len(cable_path.suffix)] if cable_path.suffix else cable_path.name
    return cable_path.with_name(stem + GOLD_SUFFIX)


def read_cable(path: Path) -> Cable:
    records = list(parse_paths([path]))
    if len(records) != 1 or not isinstance(records[0], Cable):
        raise SetupError(f"{path}: expected one readable cable, got {records!r}")
    return records[0]


def evaluate(paths: Sequence[str], extractor: Extractor) -> list[CableScore]:
    scores = []
    for path in cable_files(paths):
        gpath = gold_path(path)
        if not gpath.exists():
            raise SetupError(f"{path}: no gold file {gpath.name}")
        try:
            gold = load_gold(gpath)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise SetupError(f"{gpath}: unreadable gold file: {error}") from error
        cable = read_cable(path)
        if cable.reference_id != gold.cable:
            raise SetupError(f"{path}: parsed id {cable.reference_id}, gold says {gold.cable}")
        try:
            extraction = extractor(cable)
        except Exception as error:  # one failing cable must not hide the others' scores
            message = f"extractor failed: {type(error).__name__}: {error}"
            print(f"bench_intel: {path}: {message}", file=sys.stderr)
            extraction = Extraction(cable=gold.cable, parties=[], items=[], links=[])
            score = score_cable(gold, extraction, str(path))
            score.errors.insert(0, message)
        else:
            score = score_cable(gold, extraction, str(path))
        scores.append(score)
    return scores


def totals(scores: Sequence[CableScore]) -> CableScore:
    total = CableScore("TOTAL", "")
    for score in scores:
        total.parties.add(score.parties)
        total.links.add(score.links)
        total.country.add(score.country)
        total.items.add(score.items)
        total.manufacturer.add(score.manufacturer)
    return total


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def render_text(scores: Sequence[CableScore], verbose: bool) -> str:
    head = (
        f"{'cable':<18} {'party P':>7} {'R':>6} {'F1':>6}  {'link P':>7} {'R':>6} {'F1':>6}"
        f"  {'country':>7}  {'item R':>7}"
    )
    lines = [head, "-" * len(head)]
    rows = [*scores, totals(scores)]
    for i, s in enumerate(rows):
        if i == len(scores):
            lines.append("-" * len(head))
        lines.append(
            f"{s.cable:<18} {_pct(s.parties.precision):>7} {_pct(s.parties.recall):>6} "
            f"{_pct(s.parties.f1):>6}  {_pct(s.links.precision):>7} {_pct(s.links.recall):>6} "
            f"{_pct(s.links.f1):>6}  {_pct(s.country.value):>7}  {_pct(s.items.recall):>7}"
        )
    total = rows[-1]
    lines.append("")
    lines.append(
        f"{len(scores)} cables; parties tp/fp/fn {total.parties.tp}/{total.parties.fp}/"
        f"{total.parties.fn}; links {total.links.tp}/{total.links.fp}/{total.links.fn}; "
        f"countries {total.country.hits}/{total.country.total}; "
        f"items recalled {total.items.tp}/{total.items.tp + total.items.fn}; "
        f"manufacturers {total.manufacturer.hits}/{total.manufacturer.total} (micro-averaged)"
    )
    if verbose:
        for s in scores:
            if s.errors:
                lines.append("")
                lines.append(f"== {s.cable} ({s.path})")
                lines.extend(f"   {error}" for error in s.errors)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", help="set directories or single cable files")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--verbose", action="store_true", help="list false positives/negatives")
    parser.add_argument(
        "--extractor",
        default=DEFAULT_EXTRACTOR,
        help=f"MODULE:FUNCTION to evaluate (default {DEFAULT_EXTRACTOR})",
    )
    args = parser.parse_args(argv)
    try:
        extractor = load_extractor(args.extractor)
        scores = evaluate(args.paths, extractor)
    except SetupError as error:
        print(f"bench_intel: {error}", file=sys.stderr)
        return 2
    if args.json:
        report = {
            "extractor": args.extractor,
            "cables": [s.as_dict(args.verbose) for s in scores],
            "total": totals(scores).as_dict(verbose=False),
        }
        print(json.dumps(report, indent=2))
    else:
        print(render_text(scores, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
