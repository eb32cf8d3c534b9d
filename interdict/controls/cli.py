"""``interdict classify`` and ``interdict determine``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.controls.batch import classify_batch, determine_batch
from interdict.controls.catalogue import bundled, load
from interdict.controls.classify import classify
from interdict.controls.entries import (
    JURISDICTIONS,
    ControlList,
    ControlListError,
    Jurisdiction,
    normalise_id,
)
from interdict.controls.items import ItemError, load_item
from interdict.controls.outputs import (
    ClassifyOutput,
    DetermineOutput,
    classify_output,
)
from interdict.controls.requests import RequestError, determine_item, jurisdictions, make_request
from interdict.controls.rules import Rules
from interdict.model.batch import BatchResult, write_batch


class JurisdictionChoice(StrEnum):
    EU = "EU"
    US = "US"


class EndUse(StrEnum):
    nuclear = "nuclear"
    chemical_biological = "chemical_biological"
    missile = "missile"
    military = "military"


class EndUser(StrEnum):
    military = "military"
    sanctioned = "sanctioned"
    entity_list = "entity_list"


class TransactionKind(StrEnum):
    sale = "sale"
    return_after_repair = "return_after_repair"
    temporary_exhibition = "temporary_exhibition"
    intra_group = "intra_group"


M = TypeVar("M", bound=BaseModel)
ItemArg = Annotated[Path, typer.Argument(help="item file, YAML or JSON (see examples/items)")]
ControlsOption = Annotated[
    Path | None,
    typer.Option(
        "--controls",
        envvar="INTERDICT_CONTROLS",
        help="a control-list folder of your own (parameters.yaml, lists.yaml, entries/, rules/); "
        "the bundled lists when not given",
    ),
]


def _catalogue(folder: Path | None) -> tuple[ControlList, dict[Jurisdiction, Rules]]:
    try:
        return bundled() if folder is None else load(folder)
    except ControlListError as error:
        raise _fail(str(error)) from error


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def classify_command(
    item: Annotated[
        Path | None, typer.Argument(help="item file, YAML or JSON (see examples/items)")
    ] = None,
    jurisdiction: Annotated[
        JurisdictionChoice, typer.Option(help="whose list to classify against")
    ] = JurisdictionChoice.EU,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    batch: Annotated[
        Path | None, typer.Option("--batch", help="classify every item of a .jsonl file")
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="the .jsonl file to write with --batch")
    ] = None,
    controls_folder: ControlsOption = None,
) -> None:
    """Classify an item (or a batch of items) against the control lists from its parameters."""
    if batch is not None and item is None:
        controls, _ = _catalogue(controls_folder)
        out = _batch_target(batch, out_file)
        _run_batch("classifying", batch, out, classify_batch(batch, controls, jurisdiction.value))
        return
    if item is None or batch is not None:
        raise _fail("give either an ITEM file or --batch FILE.jsonl")
    controls, _ = _catalogue(controls_folder)
    try:
        loaded = load_item(item, controls.vocabulary)
    except ItemError as error:
        raise _fail(str(error)) from error
    output = classify_output(classify(loaded, controls, jurisdiction.value), controls)
    if as_json:
        typer.echo(output.model_dump_json(indent=2))
    else:
        _print_classification(output, Console())


def _batch_target(batch: Path, out_file: Path | None) -> Path:
    if out_file is None:
        raise _fail("--out FILE.jsonl is required with --batch")
    if not batch.is_file():
        raise _fail(f"--batch: {batch}: no such file")
    if batch.suffix.lower() not in (".jsonl", ".ndjson"):
        raise _fail(f"--batch: {batch.name}: items have nested parameters; use JSON lines")
    if out_file.resolve() == batch.resolve():
        raise _fail("--out: must not be the --batch file, which it would overwrite")
    if not out_file.parent.is_dir():
        raise _fail(f"--out: {out_file.parent}: no such folder")
    return out_file


def _run_batch(verb: str, batch: Path, out_file: Path, rows: Iterator[BatchResult[M]]) -> None:
    """Write every line (bad ones with their error), report bad ones, exit 1 if there were any."""
    err = Console(stderr=True)

    def report(problem: str) -> None:
        err.print(f"[red]bad[/red] {escape(problem)}", soft_wrap=True)

    done, problems = write_batch(rows, out_file, f"{verb} {batch.name}", err, report)
    typer.echo(f"{done} lines done, {problems} bad, written to {out_file}")
    if problems:
        raise typer.Exit(1)


def determine_command(
    item: Annotated[Path | None, typer.Option("--item", help="item file, YAML or JSON")] = None,
    destination: Annotated[
        str | None, typer.Option("--destination", help="ISO 3166-1 code, e.g. IR")
    ] = None,
    final_destination: Annotated[
        str | None,
        typer.Option(
            "--final-destination",
            help="where the end user is, when the goods go there through --destination",
        ),
    ] = None,
    jurisdiction: Annotated[
        list[JurisdictionChoice] | None,
        typer.Option(help="EU, US, or both when not given; repeat for several"),
    ] = None,
    end_use: Annotated[
        list[EndUse] | None, typer.Option("--end-use", help="known or suspected end use")
    ] = None,
    end_user: Annotated[
        list[EndUser] | None, typer.Option("--end-user", help="what is known of the end user")
    ] = None,
    transaction: Annotated[
        TransactionKind,
        typer.Option(
            help="the kind of export: some general authorisations cover only a return after "
            "repair (EU003), a fair (EU004) or an intra-group transfer (EU007)"
        ),
    ] = TransactionKind.sale,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    batch: Annotated[
        Path | None,
        typer.Option(
            "--batch", help="decide every line (item, destination, flags) of a .jsonl file"
        ),
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="the .jsonl file to write with --batch")
    ] = None,
    controls_folder: ControlsOption = None,
) -> None:
    """Decide what exporting the item to a destination needs, with its legal basis."""
    controls, books = _catalogue(controls_folder)
    if batch is not None:
        if item is not None or destination is not None:
            raise _fail("give either --item and --destination, or --batch FILE.jsonl")
        out = _batch_target(batch, out_file)
        _run_batch("deciding", batch, out, determine_batch(batch, controls, books))
        return
    if item is None or destination is None:
        raise _fail("give --item and --destination (or --batch FILE.jsonl)")
    try:
        request = make_request(
            destination,
            final_destination,
            [e.value for e in end_use or []],
            [e.value for e in end_user or []],
            transaction.value,
        )
        loaded = load_item(item, controls.vocabulary)
    except (RequestError, ItemError) as error:
        raise _fail(str(error)) from error
    chosen = jurisdictions(j.value for j in jurisdiction or [])
    output = determine_item(loaded, controls, books, request, chosen)
    if as_json:
        typer.echo(output.model_dump_json(indent=2))
    else:
        _print_determination(output, Console())
    for failed in output.errors:
        typer.echo(f"error: {failed.jurisdiction}: {failed.reason}", err=True)
    if output.errors:
        raise typer.Exit(2)


def _print_classification(out: ClassifyOutput, console: Console) -> None:
    console.print(f"[bold]{out.item}[/] ({out.jurisdiction} list): {out.message}")
    for assumption in out.assumptions:
        console.print(f"  assumed: {assumption}", markup=False)
    for entry in out.entries:
        console.print(f"\n[bold green]{entry.id}[/] {entry.title} — origin {entry.regime_name}")
        if entry.also_meets:
            console.print(f"  also meets {', '.join(entry.also_meets)}")
        table = Table("parameter", "test", "item", "result", "sub-item")
        for c in entry.comparisons:
            table.add_row(
                c.parameter,
                f"{c.op} {c.threshold}",
                c.value or "—",
                _truth(c.result),
                c.label or "",
            )
        console.print(table)
        for gap in entry.gaps:
            console.print(f"  [yellow]not encoded:[/] {gap}")
    if out.near_misses:
        table = Table("near miss", "kept out by", "item", "threshold", title="Near misses")
        for near in out.near_misses:
            for c in near.kept_out_by:
                table.add_row(near.id, c.parameter, c.value or "—", f"{c.op} {c.threshold}")
        console.print(table)
    for excluded in out.excluded:
        console.print(f"[cyan]{excluded.id}[/] excluded by {excluded.note}: {excluded.says}")
    if out.missing_parameters:
        table = Table("missing parameter", "would decide", "ask", title="Ask the manufacturer")
        for m in out.missing_parameters:
            table.add_row(m.parameter, ", ".join(m.would_decide), m.ask)
        console.print(table)


def _print_determination(out: DetermineOutput, console: Console) -> None:
    via = f" for use in {out.final_destination}" if out.final_destination else ""
    kind = "" if out.transaction == "sale" else f" ({out.transaction.replace('_', ' ')})"
    console.print(f"[bold]{out.item}[/] to {out.destination}{via}{kind}")
    table = Table("jurisdiction", "outcome", "entries", "legal basis")
    for det in out.determinations:
        outcome = det.outcome + (
            f" ({det.general_authorisation})" if det.general_authorisation else ""
        )
        if not det.decided:
            named = f" {det.otherwise_authorisation}" if det.otherwise_authorisation else ""
            outcome += f" (undecided; could be {det.otherwise}{named})"
        basis = "\n".join(f"{b.provision} — {b.instrument}" for b in det.legal_basis)
        entries = ", ".join(det.entries) or "not listed"
        if det.undetermined_entries:
            entries += f"; undecided: {', '.join(det.undetermined_entries)}"
        table.add_row(det.jurisdiction, outcome, entries, basis)
    console.print(table)
    for det in out.determinations:
        for rule in det.decided_by + det.also_applies:
            because = f" ({'; '.join(rule.because)})" if rule.because else ""
            console.print(f"  {det.jurisdiction} {rule.rule}: {rule.summary}{because}")
        for caveat in det.caveats:
            console.print(f"  [yellow]{det.jurisdiction} caveat:[/] {caveat}")


def _truth(value: bool | None) -> str:
    return "undecided" if value is None else ("yes" if value else "no")


controls_app = typer.Typer(help="Browse the encoded control-list entries.", no_args_is_help=True)


@controls_app.command("list")
def list_command(
    prefix: Annotated[str, typer.Argument(help="entry-number prefix, e.g. 2B or 9A106")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    controls_folder: ControlsOption = None,
) -> None:
    """List the encoded entries, with their regime of origin and jurisdictions."""
    controls, _ = _catalogue(controls_folder)
    wanted = normalise_id(prefix)
    chosen = sorted(
        (e for i, e in controls.entries.items() if i.startswith(wanted)), key=lambda e: e.id
    )
    if not chosen:
        raise _fail(f"no encoded entry starts with {prefix!r}")
    if as_json:
        rows = [
            {
                "id": e.id,
                "title": e.spec.title,
                "regime": e.regime,
                "jurisdictions": sorted(e.spec.jurisdictions),
            }
            for e in chosen
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table("entry", "regime", "jurisdictions", "title")
    for e in chosen:
        table.add_row(e.id, e.regime, ", ".join(sorted(e.spec.jurisdictions)), e.spec.title)
    Console().print(table)


@controls_app.command("show")
def show_command(
    entry_id: Annotated[str, typer.Argument(help="entry number, e.g. 2B001.b.2")],
    controls_folder: ControlsOption = None,
) -> None:
    """Show one entry as encoded: criteria per jurisdiction, notes, gaps and sources."""
    controls, _ = _catalogue(controls_folder)
    entry = controls.entries.get(normalise_id(entry_id))
    if entry is None:
        raise _fail(f"{entry_id!r} is not encoded; see `interdict controls list`")
    console = Console()
    spec = entry.spec
    console.print(f"[bold]{spec.id}[/] {spec.title}")
    console.print(f"origin: {entry.regime_name}")
    shown: dict[int, str] = {}
    for name, version in spec.jurisdictions.items():
        listed = controls.lists[version.list]
        reasons = f", reasons {' '.join(version.reasons)}" if version.reasons else ""
        heading = f" — {version.title}" if version.title else ""
        console.print(
            f"{name}: {version.reference}{heading} in {listed.title} ({listed.version_date})"
            f"{reasons}"
        )
        for conditional in version.conditional_reasons:
            console.print(f"  {conditional.reason} where it applies: {conditional.says}")
        node = entry.criteria.get(name)
        if node is None:
            lines = ["  (no tests of its own)"]
        elif id(node) in shown:
            lines = [f"  (the same tests as {shown[id(node)]})"]
        else:
            shown[id(node)] = name
            lines = node.describe(1)
        for line in lines:
            console.print(line, markup=False)
    for ancestor in controls.lineage(spec.id)[:-1]:
        console.print(f"and the tests of {ancestor.id}", markup=False)
    for note in spec.notes:
        console.print(f"{note.ref}: {note.says}", markup=False)
    for gap in spec.gaps:
        console.print(f"not encoded: {gap}", markup=False)
    for source in spec.sources:
        console.print(f"source: {source.url} — {source.supports}", markup=False)


@controls_app.command("check")
def check_command(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    controls_folder: ControlsOption = None,
) -> None:
    """Validate a control-list folder and say what it covers and what it leaves out."""
    controls, books = _catalogue(controls_folder)
    entries = list(controls.entries.values())
    by_regime = dict(sorted(Counter(e.regime for e in entries).items()))
    by_jurisdiction = {j: sum(j in e.spec.jurisdictions for e in entries) for j in JURISDICTIONS}
    sources = len({s.url for e in entries for s in e.spec.sources})
    rule_books = {
        j: {
            "rules": len(r.book.rules),
            "checked_on": r.book.checked_on.isoformat(),
            "chart_rows": len(r.book.chart.rows) if r.book.chart else 0,
            "item_lists": {i.parameter: len(i.rows) for i in r.book.item_lists},
        }
        for j, r in books.items()
    }
    gaps = {e.id: list(e.spec.gaps) for e in entries if e.spec.gaps}
    if as_json:
        summary = {
            "entries": len(entries),
            "answerable_entries": len(controls.leaves()),
            "by_regime": by_regime,
            "by_jurisdiction": by_jurisdiction,
            "sources": sources,
            "lists": {v.id: v.version_date.isoformat() for v in controls.lists.values()},
            "rule_books": rule_books,
            "gaps": gaps,
        }
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False))
        return
    console = Console()
    console.print(
        f"valid: {len(entries)} entries ({len(controls.leaves())} answerable), {sources} sources"
    )
    console.print(f"by regime: {by_regime}; by jurisdiction: {by_jurisdiction}", markup=False)
    for name, book in rule_books.items():
        console.print(
            f"{name} rules: {book['rules']} (checked {book['checked_on']}), "
            f"chart rows: {book['chart_rows']}, item lists: {book['item_lists'] or 'none'}"
        )
    for entry_id, entry_gaps in gaps.items():
        for gap in entry_gaps:
            console.print(f"gap {entry_id}: {gap}", markup=False)
