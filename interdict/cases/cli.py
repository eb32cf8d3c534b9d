"""``interdict case assess | list | show | decide``: whole transactions, assessed and kept.

A case file that cannot be read is refused with the field named and
nothing is saved; a store problem is one line naming it.  Both exit 2.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.access.commands import AsOpt, RoleError, audit_reads, banner_line, envelope, require
from interdict.access.readers import OPERATOR
from interdict.access.session import open_as, reader_named
from interdict.access.users import UserError
from interdict.audit.trail import operator
from interdict.cases.alert_files import write_alert
from interdict.cases.alerting import alert_for
from interdict.cases.assess import assess
from interdict.cases.casefile import CaseError, load_case
from interdict.cases.context import context_for
from interdict.cases.outputs import Assessment
from interdict.cases.saved import (
    NoSuchCaseError,
    decide,
    listing,
    save,
    show,
)
from interdict.cases.terminal import print_assessment
from interdict.controls.catalogue import bundled
from interdict.controls.requests import RequestError, country_code
from interdict.model.failure import fail
from interdict.parties.store.datasets import DatasetError
from interdict.parties.store.home import data_home
from interdict.store.engine import Store
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
    as_user: AsOpt = None,
) -> None:
    """Assess a transaction: parties, item, destination, red flags, prior denials; cite it all.

    As a user (--as), the assessment uses only the facts that user may see."""
    from interdict.cases.report import ReportError, write_report

    home = data_home()
    controls, _ = bundled()
    try:
        case = load_case(case_file, controls)
        reader = reader_named(db, home, as_user) if as_user else OPERATOR
        require(reader, "analyst", "assessing a case")
        context = context_for(home, db, reader, create=save_it)
        assessment = assess(case, context, within)
        if save_it and context.store is not None:
            with context.store.begin() as connection:
                number = save(connection, assessment, case.raw, context.actor)
            assessment = assessment.model_copy(
                update={"case": assessment.case.model_copy(update={"version": number})}
            )
        if report is not None:
            write_report(assessment, report)
        audit_reads(context.store, "case assess")
    except (CaseError, StoreError, DatasetError, ReportError, UserError, RoleError) as error:
        fail(str(error))
    _emit(assessment, as_json, context.store)
    if save_it:
        err.print(f"saved {assessment.case.reference} version {assessment.case.version}")


@case_app.command("list")
def list_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Every saved case with its latest outcome, recommendation and decision."""
    try:
        store = open_as(db, data_home(), as_user)
        with store.read() as connection:
            rows = listing(connection)
        audit_reads(store, "case list")
    except (StoreError, UserError) as error:
        fail(str(error))
    if as_json:
        print(envelope(store, {"cases": rows}))
        return
    banner_line(store, out)
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
    as_user: AsOpt = None,
) -> None:
    """A saved case: its latest assessment, every version and every decision."""
    try:
        store = open_as(db, data_home(), as_user)
        with store.read() as connection:
            saved = show(connection, reference)
        audit_reads(store, "case show")
    except (StoreError, NoSuchCaseError, UserError) as error:
        fail(str(error.args[0]) if isinstance(error, NoSuchCaseError) else str(error))
    if as_json:
        print(envelope(store, saved.model_dump(mode="json", by_alias=True)))
        return
    banner_line(store, out)
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
    banner_line(store, out)


@case_app.command("decide")
def decide_command(
    reference: Annotated[str, typer.Argument(help="The case's reference.", metavar="ID")],
    decision: Annotated[DecisionChoice, typer.Option("--decision", help="deny or approve")],
    reason: Annotated[str, typer.Option("--reason", help="The officer's reason, in words.")],
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Record the officer's final decision on the latest assessment of a saved case."""
    if not reason.strip():
        fail("--reason: give the reason for the decision")
    try:
        store = open_as(db, data_home(), as_user)
        require(store.gate.reader, "officer", "deciding a case")
        actor = as_user or operator()
        with store.begin() as connection:
            made = decide(connection, reference, decision.value, reason.strip(), actor)
    except (StoreError, NoSuchCaseError, UserError, RoleError) as error:
        fail(str(error.args[0]) if isinstance(error, NoSuchCaseError) else str(error))
    out.print(
        f"{reference}: {made.decision} (on version {made.version}), recorded by {made.decided_by}"
    )


@case_app.command("alert")
def alert_command(
    reference: Annotated[str, typer.Argument(help="The saved case's reference.", metavar="ID")],
    to: Annotated[str, typer.Option("--to", help="The partner country, ISO alpha-2, e.g. ES.")],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write FILE.md, .html or .pdf (default: print).")
    ] = None,
    db: DbOpt = None,
    as_user: AsOpt = None,
) -> None:
    """Draft a non-paper for a partner government: only facts releasable to it, each cited.

    What was left out, and why, goes to the drafter on the error stream, never into the alert."""
    home = data_home()
    try:
        country = country_code("--to", to)
        store = open_as(db, home, as_user)
        require(store.gate.reader, "officer", "drafting an alert")
        with store.read() as connection:
            alert = alert_for(
                connection,
                reference,
                country,
                lambda reader: context_for(home, db, reader, create=False),
            )
        audit_reads(store, "case alert")
        if out_file is not None:
            write_alert(alert, out_file)
    except (StoreError, NoSuchCaseError, UserError, RoleError, RequestError, CaseError) as error:
        fail(str(error.args[0]) if isinstance(error, NoSuchCaseError) else str(error))
    if out_file is None:
        print(alert.markdown)
    else:
        out.print(f"wrote {out_file} ({alert.banner})", highlight=False)
    err.print(
        f"[bold]Note for the drafter[/bold] (not in the alert): {len(alert.left_out)} left out"
    )
    for line in alert.left_out:
        err.print(f"  - {escape(line)}", highlight=False, soft_wrap=True)


def _emit(assessment: Assessment, as_json: bool, store: Store | None) -> None:
    if as_json:
        print(envelope(store, assessment.model_dump(mode="json", by_alias=True)))
        return
    banner_line(store, out)
    print_assessment(assessment, out)
    banner_line(store, out)
