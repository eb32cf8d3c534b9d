"""``interdict intel …``: extract facts from cables, store them, show and draw them.

``extract`` follows the conventions of ``interdict cables parse``: records
go to stdout (or an atomically written ``--out``), every unreadable cable is
reported on stderr, one escaped line each, and skipped while the rest are
written; the exit status is 1 when any cable could not be read, 2 for a
usage error such as a missing path.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.cables.pipeline import parse_paths
from interdict.cables.sources.raw import BadRecord
from interdict.intel.extract import Gazetteer, extract_cable, gazetteer_from_datasets
from interdict.intel.kb import commands as kb
from interdict.intel.records import Denial, Extraction, Party, Provenance
from interdict.model.atomic import atomic_output
from interdict.parties.store.datasets import DatasetError

intel_app = typer.Typer(
    help="Cable intelligence: parties, items, links and licence denials, with provenance.",
    no_args_is_help=True,
)
err = Console(stderr=True)


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _report(label: str, message: str) -> None:
    """One diagnostic per line on stderr, never wrapped, escaped: it may quote cable text."""
    err.print(f"[red]{label}[/red] {escape(message)}", highlight=False, soft_wrap=True)


@intel_app.command("extract")
def extract_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories: plain records, cables.csv(.gz), cable HTML pages, "
            "bare text.",
            exists=True,
            metavar="PATH",
        ),
    ],
    output_format: Annotated[
        ExtractFormat,
        typer.Option(
            "--format",
            "-f",
            help="jsonl: one party, item, link or denial per line; table: for reading.",
        ),
    ] = ExtractFormat.jsonl,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write here instead of stdout.")
    ] = None,
    lists: Annotated[
        bool,
        typer.Option(
            "--lists",
            help="Also recognise the names of the loaded restricted-party lists.",
        ),
    ] = False,
) -> None:
    """Extract the parties, items, links and licence denials each cable states; nothing is
    stored."""
    gazetteer: Gazetteer | None = None
    if lists:
        try:
            gazetteer = gazetteer_from_datasets()
        except DatasetError as error:
            _report("error", str(error))
            raise typer.Exit(2) from error
    cables = bad = facts = 0
    with _output(out) as handle:
        console = Console(file=handle, width=160) if output_format is ExtractFormat.table else None
        for record in parse_paths(paths):
            if isinstance(record, BadRecord):
                bad += 1
                _report("error", f"{record.source}: {record.reason}")
                continue
            try:
                extraction = extract_cable(record, gazetteer)
            except Exception as error:  # a bug must not cost the rest of the corpus
                bad += 1
                _report("error", f"{record.source}: extraction failed: {error}")
                continue
            cables += 1
            facts += len(extraction.parties) + len(extraction.items) + len(extraction.links)
            facts += len(extraction.denials)
            if console is None:
                _write_jsonl(handle, extraction)
            else:
                console.print(_table(extraction))
    err.print(
        f"{cables} cables read, {facts} facts written, {bad} unreadable",
        highlight=False,
        soft_wrap=True,
    )
    if bad:
        raise typer.Exit(1)


@contextmanager
def _output(out: Path | None) -> Iterator[TextIO]:
    """``--out`` written atomically (readers see the old file or the whole new one), else stdout."""
    if out is None:
        yield sys.stdout
        return
    with atomic_output(out) as handle:
        yield handle


def _write_jsonl(handle: TextIO, extraction: Extraction) -> None:
    for record in (
        *extraction.parties,
        *extraction.items,
        *extraction.links,
        *extraction.denials,
    ):
        handle.write(record.model_dump_json(by_alias=True) + "\n")


def _table(extraction: Extraction) -> Table:
    """One row per fact: what it is, what it says, and the portions that state it."""
    names = {party.id: party.properties.get("name", [party.id])[0] for party in extraction.parties}
    table = Table(
        "kind", "fact", "details", "cited", title=escape(extraction.cable), show_lines=True
    )
    for party in extraction.parties:
        table.add_row(
            party.schema_,
            escape(names[party.id]),
            escape(_details(party)),
            _cited(party.provenance),
        )
    for item in extraction.items:
        details = [f"model {item.model}"] if item.model else []
        if item.manufacturer:
            details.append(f"made by {names.get(item.manufacturer, item.manufacturer)}")
        details += [", ".join(item.regimes)] if item.regimes else []
        details += [f"UNSCR {', '.join(item.resolutions)}"] if item.resolutions else []
        table.add_row(
            "item", escape(item.description), escape("; ".join(details)), _cited(item.provenance)
        )
    for link in extraction.links:
        props = link.properties
        subject = names.get(props["subject"][0], props["subject"][0])
        object_ = names.get(props["object"][0], props["object"][0])
        fact = f"{subject} {props['role'][0]} {object_}"
        table.add_row("link", escape(fact), "", _cited(link.provenance))
    for denial in extraction.denials:
        table.add_row(
            "denial",
            escape(denial.item or "(goods not named)"),
            escape(_denial_details(denial, names)),
            _cited(denial.provenance),
        )
    return table


def _denial_details(denial: Denial, names: dict[str, str]) -> str:
    """ "denied by ES, 2007-01; to IR": what the row's goods were refused, by whom, when."""
    when = f", {denial.date}" if denial.date else ""
    parts = [f"denied by {denial.authority or 'unknown'}{when}"]
    if denial.destination:
        parts.append(f"to {denial.destination}")
    if denial.end_user:
        parts.append(f"end user {names.get(denial.end_user, denial.end_user)}")
    if denial.entries:
        parts.append(", ".join(denial.entries))
    if denial.reason:
        parts.append(f"because {denial.reason}")
    return "; ".join(parts)


def _details(party: Party) -> str:
    props = party.properties
    parts = []
    for label, key in (("aka", "alias"), ("country", "country"), ("position", "position")):
        if props.get(key):
            parts.append(f"{label}: {', '.join(props[key])}")
    return "; ".join(parts)


def _cited(provenance: list[Provenance]) -> str:
    """ "¶3, ¶5.1 (S REL SPAIN)": paragraph, portion after a dot when not the first, marking."""
    cited = []
    for source in provenance:
        where = f"¶{source.paragraph or '?'}" + (f".{source.portion}" if source.portion else "")
        marking = source.marking
        if marking is not None:
            rel = f" REL {', '.join(marking.rel_to)}" if marking.rel_to else ""
            where += f" ({marking.level.value}{rel}{' NOFORN' if marking.noforn else ''})"
        cited.append(where)
    return escape(", ".join(cited))


# The knowledge-base commands live with the knowledge base.
intel_app.command("ingest")(kb.ingest_command)
intel_app.command("show")(kb.show_command)
intel_app.command("graph")(kb.graph_command)
