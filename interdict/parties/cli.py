"""``interdict lists …``, ``interdict screen`` and ``interdict compare``.

Errors a user can fix (a bad argument, an unknown dataset, a refused load)
print one line naming the field or record and exit 2; a batch with bad rows
finishes, reports each, and exits 1.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, audit_reads, banner_line, envelope
from interdict.access.readers import OPERATOR
from interdict.access.session import match_sources, reader_named, showing
from interdict.access.users import UserError
from interdict.intel.kb.index import KB_DATASET
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.model.atomic import atomic_output
from interdict.model.batch import write_batch
from interdict.model.progress import progress_bar
from interdict.parties.batch import screen_batch
from interdict.parties.compare import compare_names
from interdict.parties.describe import chain_lines, listed_as
from interdict.parties.loaders import FORMATS, detect_format
from interdict.parties.outputs import CompareOutput, QueryEcho, ScreenOutput
from interdict.parties.query import QUERY_SCHEMATA, QueryError, qualified_query
from interdict.parties.results import DEFAULT_THRESHOLD, Explanation, Match, NameEvidence
from interdict.parties.rows import RowError, read_rows
from interdict.parties.store.bundled import ensure_bundled, note_loaded, remove_dataset
from interdict.parties.store.datasets import DatasetError, load_list, status
from interdict.parties.store.home import data_home
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

lists_app = typer.Typer(help="Load, list and remove restricted-party lists.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)

SchemaOpt = Annotated[
    str | None, typer.Option("--schema", help=f"One of: {', '.join(QUERY_SCHEMATA)}.")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
ThresholdOpt = Annotated[
    float,
    typer.Option("--threshold", min=0.0, max=1.0, help="Lowest score reported as a match."),
]


def _report(label: str, message: str) -> None:
    """One diagnostic per line on stderr, never wrapped, so it greps and logs cleanly."""
    err.print(f"[red]{label}[/red] {escape(message)}", highlight=False, soft_wrap=True)


def _fail(message: str) -> NoReturn:
    _report("error", message)
    raise typer.Exit(2)


@lists_app.command("load")
def load_command(
    file: Annotated[Path, typer.Argument(help="The list file.", metavar="FILE")],
    dataset: Annotated[str, typer.Option("--dataset", help="Name to load it under.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help=f"One of {', '.join(FORMATS)}; else detected.")
    ] = None,
    skip_invalid: Annotated[
        bool,
        typer.Option("--skip-invalid", help="Load the good records and report the bad ones."),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Processes that parse and analyse the entities "
            "(default: one per CPU, or 1 for a list under 1 MB).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Build a new version of a dataset aside and swap it in; a failed load changes nothing."""
    home = data_home()
    try:
        if fmt is not None and fmt not in FORMATS:
            raise DatasetError(f"--format: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if dataset == KB_DATASET:
            raise DatasetError(
                f"--dataset: {KB_DATASET!r} is the knowledge base's; choose another name"
            )
        chosen = fmt or detect_format(file)
        with progress_bar(f"loading {file.name}", err) as bar:
            task = bar.add_task("load", total=None)
            info = load_list(
                file,
                chosen,
                dataset,
                home,
                skip_invalid=skip_invalid,
                progress=lambda n: bar.update(task, completed=n),
                workers=workers,
            )
        note_loaded(home, dataset)
    except (DatasetError, ValueError, OSError) as error:
        _fail(str(error))
    for problem in info.problems:
        _report("skipped", problem)
    out.print(
        f"loaded {info.name}: {info.entities} entities ({info.screened} screened, "
        f"{info.names} names), {info.skipped} skipped, {info.seconds} s, version {info.version}",
        highlight=False,
    )


@lists_app.command("status")
def status_command(as_json: JsonOpt = False) -> None:
    """Show every loaded dataset with its version, source and counts."""
    home = data_home()
    try:
        ensure_bundled(home)
    except DatasetError as error:
        _fail(str(error))
    infos = status(home)
    if as_json:
        print(json.dumps([asdict(i) for i in infos], indent=2))
        return
    table = Table("dataset", "entities", "screened", "names", "loaded (UTC)", "format", "source")
    for info in infos:
        source = "bundled" if info.bundled else info.source
        table.add_row(
            info.name,
            str(info.entities),
            str(info.screened),
            str(info.names),
            info.loaded_at,
            info.format,
            escape(source),
        )
    out.print(table)
    out.print(f"data home: {home}", highlight=False)


@lists_app.command("remove")
def remove_command(name: Annotated[str, typer.Argument(help="Dataset name.")]) -> None:
    """Remove a dataset and its files."""
    try:
        remove_dataset(data_home(), name)
    except DatasetError as error:
        _fail(str(error))
    out.print(f"removed {name}", highlight=False)


def screen_command(
    name: Annotated[str | None, typer.Argument(help="The name to screen.")] = None,
    schema: SchemaOpt = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    birth_date: Annotated[str | None, typer.Option("--birth-date", help="YYYY[-MM[-DD]].")] = None,
    dataset: Annotated[
        list[str] | None,
        typer.Option("--dataset", help="Screen only these datasets (intel: the knowledge base)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Most matches to show.")] = 10,
    threshold: ThresholdOpt = DEFAULT_THRESHOLD,
    as_json: JsonOpt = False,
    batch: Annotated[
        Path | None, typer.Option("--batch", help="Screen every row of a .csv or .jsonl file.")
    ] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Batch output (.jsonl).")] = None,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Screen a name (or a batch file) against the loaded lists and the knowledge base."""
    if (name is None) == (batch is None):
        _fail("give either a NAME or --batch FILE")
    try:
        reader = reader_named(db, data_home(), as_user) if as_user else OPERATOR
        screener = KnowledgeScreener.open(data_home(), db, dataset, reader)
        if batch is not None:
            _run_batch(screener, batch, out_file, limit, threshold)
            audit_reads(screener.store, "screen --batch")
            return
        query, warnings = qualified_query([name or ""], schema, [country or ""], [birth_date or ""])
        for warning in warnings:
            _report("warning", warning)
        matches = screener.screen(query, limit=limit, threshold=threshold)
        shown = showing(screener.store, match_sources(matches)) if screener.store else None
        audit_reads(shown, "screen")
    except (QueryError, DatasetError, StoreError, UserError) as error:
        _fail(str(error))
    if as_json:
        echo = QueryEcho(
            name=query.names[0],
            schema=query.schema,
            countries=list(query.countries),
            birth_dates=list(query.birth_dates),
        )
        output = ScreenOutput(query=echo, matches=matches, warnings=warnings)
        print(envelope(shown, output.model_dump(mode="json", by_alias=True)))
        return
    banner_line(shown, out)
    _print_matches(matches)
    banner_line(shown, out)


def _run_batch(
    screener: KnowledgeScreener, batch: Path, out_file: Path | None, limit: int, threshold: float
) -> None:
    if out_file is None:
        _fail("--out FILE.jsonl is required with --batch")
    if not batch.is_file():
        _fail(f"--batch: {batch}: no such file")
    rows = screen_batch(screener, batch, limit, threshold)
    screened, problems = write_batch(
        rows,
        out_file,
        f"screening {batch.name}",
        err,
        lambda problem: _report("bad row", problem),
        lambda warning: _report("warning", warning),
    )
    out.print(f"screened {screened} rows, {problems} bad, written to {out_file}", highlight=False)
    if problems:
        raise typer.Exit(1)


def _print_matches(matches: list[Match]) -> None:
    if not matches:
        out.print("no match at or above the threshold")
        return
    table = Table("score", "party", "listed as", "why", show_lines=True)
    for match in matches:
        table.add_row(
            f"{match.score:.2f}",
            escape(f"{match.caption}\n{match.entity_id} ({match.schema_})"),
            escape(listed_as(match)),
            escape("\n".join([match.explanation.summary, *chain_lines(match)])),
        )
    out.print(table)


def compare_command(
    name1: Annotated[str | None, typer.Argument(help="The query name.")] = None,
    name2: Annotated[str | None, typer.Argument(help="The listed name.")] = None,
    schema: SchemaOpt = None,
    as_json: JsonOpt = False,
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="CSV with name1, name2[, schema] columns.")
    ] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="CSV to write with scores.")
    ] = None,
) -> None:
    """Score two names and explain why they match (or score every pair of a CSV)."""
    if pairs is not None:
        _compare_pairs(pairs, out_file)
        return
    if name1 is None or name2 is None:
        _fail("give NAME1 and NAME2, or --pairs FILE.csv --out FILE.csv")
    try:
        score, explanation = compare_names(name1, name2, schema)
    except QueryError as error:
        _fail(str(error))
    if as_json:
        print(CompareOutput(score=score, explanation=explanation).model_dump_json(indent=2))
        return
    _print_explanation(score, explanation)


def _compare_pairs(pairs: Path, out_file: Path | None) -> None:
    if out_file is None:
        _fail("--out FILE.csv is required with --pairs")
    if pairs.suffix.lower() != ".csv" or not pairs.is_file():
        _fail(f"--pairs: {pairs}: expected an existing .csv file")
    problems = 0
    with atomic_output(out_file, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name1", "name2", "schema", "score", "explanation"])
        for row in read_rows(pairs):
            if isinstance(row, RowError):
                problems += 1
                _report("bad row", f"{row.position}: {row.reason}")
                continue
            first, second = row.fields.get("name1", ""), row.fields.get("name2", "")
            schema = row.fields.get("schema") or None
            try:
                score, explanation = compare_names(first, second, schema)
            except QueryError as error:
                problems += 1
                _report("bad row", f"{row.position}: {error}")
                writer.writerow([first, second, schema or "", "", f"error: {error}"])
                continue
            summary = explanation.summary if explanation else "no comparable words"
            writer.writerow([first, second, schema or "", f"{score:.4f}", summary])
    if problems:
        raise typer.Exit(1)


def _print_explanation(score: float, explanation: Explanation | None) -> None:
    if explanation is None:
        out.print(f"score {score:.2f}: no comparable words (only stop words or legal forms)")
        return
    out.print(escape(explanation.summary), highlight=False)
    name = explanation.name
    if name.detail:
        out.print(escape(name.detail), highlight=False)
    if name.method == "words":
        out.print(_word_table(name))
    if name.legal_forms_ignored:
        out.print(f"legal forms ignored: {', '.join(name.legal_forms_ignored)}", highlight=False)
    if name.abbreviations_read:
        out.print(f"abbreviations read: {', '.join(name.abbreviations_read)}", highlight=False)
    for adjustment in explanation.adjustments:
        out.print(f"{adjustment.feature} {adjustment.effect:+.2f}: {escape(adjustment.detail)}")


def _word_table(name: NameEvidence) -> Table:
    table = Table("query word", "listed word", "similarity", "how", "weight")
    for pair in name.pairs:
        table.add_row(
            escape(pair.query),
            escape(pair.candidate),
            f"{pair.similarity:.2f}",
            pair.how,
            f"{pair.weight:.2f}",
        )
    for word in name.unmatched_query:
        table.add_row(escape(word.word), "-", "0.00", "unmatched", f"{word.weight:.2f}")
    for word in name.unmatched_candidate:
        table.add_row("-", escape(word.word), "0.00", "unmatched", f"{word.weight:.2f}")
    return table
