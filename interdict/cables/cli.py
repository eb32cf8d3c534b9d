"""``interdict cables …``: parse cables and measure a corpus."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.cables.archive import commands as archive
from interdict.cables.pipeline import Rendered, render_paths
from interdict.cables.record import cable_schema
from interdict.cables.stats import FIELDS, Coverage

app = typer.Typer(help="Parse diplomatic cables into typed records.", no_args_is_help=True)
err = Console(stderr=True)

# Diagnostics are printed with soft_wrap=True: one per line, never wrapped at
# the console width (80 when stderr is not a terminal), so that a path and its
# reason stay on one line for grep and for log collectors.  Paths and messages
# are escaped: they quote cable text, and "[/x]" in a header line must not be
# read as Rich markup (an unmatched closing tag raises MarkupError).


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Files or directories: plain records, cables.csv(.gz), cable HTML pages, bare text.",
        exists=True,
        metavar="PATH",
    ),
]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes to parse with.")]


@app.command("parse")
def parse_command(
    paths: PathsArg,
    output_format: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="jsonl: one object per line; json: an array."),
    ] = OutputFormat.jsonl,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit non-zero when any record has a warning.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write records here instead of stdout.")
    ] = None,
    workers: WorkersOpt = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not list warnings.")] = False,
) -> None:
    """Write one JSON object per cable; unreadable records are reported and skipped."""
    handle: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    bad = warned = written = 0
    try:
        for item in render_paths(paths, workers):
            if item.json is None:
                bad += 1
                err.print(
                    f"[red]error[/red] {escape(item.source)}: {escape(item.error or '')}",
                    highlight=False,
                    soft_wrap=True,
                )
                continue
            _write(handle, item, output_format, first=written == 0)
            written += 1
            if item.warnings:
                warned += 1
                if not quiet:
                    for warning in item.warnings:
                        err.print(
                            f"[yellow]warning[/yellow] {escape(item.source)}: {escape(warning)}",
                            highlight=False,
                            soft_wrap=True,
                        )
        if output_format is OutputFormat.json:
            handle.write("[]\n" if written == 0 else "\n]\n")
    finally:
        if out:
            handle.close()
    err.print(
        f"{written} records written, {warned} with warnings, {bad} unreadable",
        highlight=False,
        soft_wrap=True,
    )
    if bad or (strict and warned):
        raise typer.Exit(1)


def _write(handle: TextIO, item: Rendered, output_format: OutputFormat, *, first: bool) -> None:
    assert item.json is not None
    if output_format is OutputFormat.jsonl:
        handle.write(item.json + "\n")
    else:
        handle.write(("[\n" if first else ",\n") + item.json)


@app.command("stats")
def stats_command(
    paths: PathsArg,
    workers: WorkersOpt = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Per-field coverage: how many records had each field, and how many had warnings."""
    result = Coverage()
    for item in render_paths(paths, workers):
        result.add(item)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
        return
    console = Console()
    table = Table(title=f"{result.records} records, {result.bad} unreadable")
    table.add_column("field")
    table.add_column("records", justify="right")
    table.add_column("coverage", justify="right")
    table.add_column("warnings", justify="right")
    for name in FIELDS:
        share = result.present[name] / result.records if result.records else 0.0
        table.add_row(
            name,
            str(result.present[name]),
            f"{share:.1%}",
            str(result.warnings_by_field.get(name, "")),
        )
    console.print(table)
    console.print(f"records with warnings: {result.with_warnings}")
    if result.header_lines_total:
        share = result.header_lines_understood / result.header_lines_total
        console.print(
            f"header lines understood: {result.header_lines_understood} of "
            f"{result.header_lines_total} ({share:.1%})"
        )
    for source, reason in result.bad_examples:
        console.print(
            f"unreadable: {escape(source)}: {escape(reason)}", highlight=False, soft_wrap=True
        )


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of one output record (also in docs/schemas/cable.schema.json)."""
    typer.echo(json.dumps(cable_schema(), indent=2))


app.command("ingest")(archive.ingest_command)
app.command("search")(archive.search_command)
app.command("show")(archive.show_command)
