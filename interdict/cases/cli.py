"""``interdict case assess | list | show | decide``: whole transactions, assessed and kept.

A case file that cannot be read is refused with the field named and
nothing is saved; a store problem is one line naming it.  Both exit 2.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.audit.trail import operator
from interdict.cases.assess import assess
from interdict.cases.casefile import CaseError, load_case
from interdict.cases.context import Context
from interdict.cases.outputs import Assessment
from interdict.cases.saved import NoSuchCaseError, decide, listing, save, show
from interdict.cases.terminal import print_assessment
from interdict.controls.catalogue import bundled
from interdict.denials.register import read_all
from interdict.intel.kb.screening import KnowledgeScreener
from interdict.parties.store.datasets import DatasetError
from interdict.parties.store.home import data_home
from interdict.store.engine import open_default
from interdict.store.errors import StoreError
from interdict.store.options import DbOpt

case_app = typer.Typer(
    help="Assess whole export transactions and keep the decisions.", no_args_is_help=True
)
out = Console()
err = Console(stderr=True)


class DecisionChoice(StrEnum):
    deny = "deny"
    approve = "approve"


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@case_app.command("assess")
def assess_command(
    case_file: Annotated[Path, typer.Argument(help="The case file, YAML or JSON.", metavar="CASE")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    save_it: Annotated[
        bool, typer.Option("--save", help="Keep the case and this assessment as a new version.")
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Also write a report an officer can file (.html or .pdf)."),
    ] = None,
    within: Annotated[
        int | None,
        typer.Option(
            "--denials-within",
            min=1,
            help="Compare only with denials of the last N years (default: every denial).",
        ),
    ] = None,
    db: DbOpt = None,
) -> None:
    """Assess a transaction: parties, item, destination, red flags, prior denials; cite it all."""
    from interdict.cases.report import ReportError, write_report

    home = data_home()
    controls, books = bundled()
    try:
        case = load_case(case_file, controls)
        screener = KnowledgeScreener.open(home, db)
        store = screener.store
        if store is None and save_it:
            store = open_default(db, home, create=True)
        denials = []
        if store is not None:
            with store.read() as connection:
                denials = read_all(connection)
        lists = [dataset.info for dataset in screener.lists.datasets]
        context = Context(controls, books, screener, lists, denials, store, operator())
        assessment = assess(case, context, within)
        if save_it and store is not None:
            with store.begin() as connection:
                number = save(connection, assessment, case.raw, context.actor)
            assessment = assessment.model_copy(
                update={"case": assessment.case.model_copy(update={"version": number})}
            )
        if report is not None:
            write_report(assessment, report)
    except (CaseError, StoreError, DatasetError, ReportError) as error:
        _fail(str(error))
    _emit(assessment, as_json)
    if save_it:
        err.print(f"saved {assessment.case.reference} version {assessment.case.version}")


@case_app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
) -> None:
    """Every saved case with its latest outcome, recommendation and decision."""
    try:
        store = open_default(db, data_home(), create=False)
        with store.read() as connection:
            rows = listing(connection)
    except StoreError as error:
        _fail(str(error))
    if as_json:
        import orjson

        print(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
        return
    table = Table("reference", "versions", "assessed", "outcome", "recommendation", "decision")
    for row in rows:
        table.add_row(
            escape(row["reference"]),
            str(row["versions"]),
            row["assessed_at"],
            row["outcome"],
            row["recommendation"],
            row["decision"] or "-",
        )
    out.print(table)


@case_app.command("show")
def show_command(
    reference: Annotated[str, typer.Argument(help="The case's reference.", metavar="ID")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
) -> None:
    """A saved case: its latest assessment, every version and every decision."""
    try:
        store = open_default(db, data_home(), create=False)
        with store.read() as connection:
            saved = show(connection, reference)
    except (StoreError, NoSuchCaseError) as error:
        _fail(str(error.args[0]) if isinstance(error, NoSuchCaseError) else str(error))
    if as_json:
        print(saved.model_dump_json(by_alias=True, indent=2))
        return
    print_assessment(saved.assessment, out)
    out.print("\n[bold]Versions[/bold]")
    for version in saved.versions:
        out.print(
            f"  v{version['version']}  {version['assessed_at']}  {version['outcome']}  "
            f"{version['recommendation']}  by {escape(version['assessed_by'])}"
        )
    for decision in saved.decisions:
        out.print(
            f"[bold]Decision[/bold] {decision.decision} on v{decision.version} by "
            f"{escape(decision.decided_by)} at {decision.decided_at}: {escape(decision.reason)}"
        )


@case_app.command("decide")
def decide_command(
    reference: Annotated[str, typer.Argument(help="The case's reference.", metavar="ID")],
    decision: Annotated[DecisionChoice, typer.Option("--decision", help="deny or approve")],
    reason: Annotated[str, typer.Option("--reason", help="The officer's reason, in words.")],
    db: DbOpt = None,
) -> None:
    """Record the officer's final decision on the latest assessment of a saved case."""
    if not reason.strip():
        _fail("--reason: give the reason for the decision")
    try:
        store = open_default(db, data_home(), create=False)
        with store.begin() as connection:
            made = decide(connection, reference, decision.value, reason.strip(), operator())
    except (StoreError, NoSuchCaseError) as error:
        _fail(str(error.args[0]) if isinstance(error, NoSuchCaseError) else str(error))
    out.print(
        f"{reference}: {made.decision} (on version {made.version}), recorded by {made.decided_by}"
    )


def _emit(assessment: Assessment, as_json: bool) -> None:
    if as_json:
        print(assessment.model_dump_json(by_alias=True, indent=2))
    else:
        print_assessment(assessment, out)
