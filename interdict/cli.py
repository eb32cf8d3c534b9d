"""The ``interdict`` command: one Typer app, one command group per capability."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import typer

from interdict.access.cli import users_app
from interdict.audit.cli import audit_app
from interdict.cables.cli import app as cables_app
from interdict.cases.cli import case_app
from interdict.controls.cli import classify_command, controls_app, determine_command
from interdict.denials.cli import denials_app
from interdict.intel.cli import intel_app
from interdict.parties.cli import compare_command, lists_app, screen_command
from interdict.service.cli import serve_command
from interdict.store.cli import db_app

app = typer.Typer(
    help="Interdict: counter-proliferation and export-control platform.",
    no_args_is_help=True,
)
app.add_typer(cables_app, name="cables")
app.add_typer(lists_app, name="lists")
app.add_typer(controls_app, name="controls")
app.add_typer(intel_app, name="intel")
app.add_typer(db_app, name="db")
app.add_typer(case_app, name="case")
app.add_typer(denials_app, name="denials")
app.add_typer(audit_app, name="audit")
app.add_typer(users_app, name="users")
app.command("screen")(screen_command)
app.command("compare")(compare_command)
app.command("classify")(classify_command)
app.command("determine")(determine_command)
app.command("serve")(serve_command)


@app.command("demo")
def demo() -> None:
    """Run the golden scenario as far as it is built: parse the seed cable, store its facts,
    screen its parties through the links it states."""
    from rich.console import Console

    from interdict.access.demo import show_readers
    from interdict.cables.demo import show_seed
    from interdict.intel.kb.demo import ingest_seed
    from interdict.parties.demo import show_screening
    from interdict.parties.store.home import data_home

    console = Console()
    with as_file(files("interdict.data") / "cables" / "09STATE29395.txt") as path:
        show_seed(path)
        screener = ingest_seed(path, console)
    show_screening(console, screener)
    golden = Path(__file__).parents[1] / "examples" / "cases" / "fs1-ardalan.yaml"
    if golden.is_file():  # a source checkout: the golden case as two users read it
        show_readers(console, data_home(), golden)


if __name__ == "__main__":
    app()
