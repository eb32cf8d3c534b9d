"""``interdict intel …``: extract facts from cables, store them, show and draw them."""

from __future__ import annotations

import typer

intel_app = typer.Typer(
    help="Cable intelligence: parties, items and links, with provenance.", no_args_is_help=True
)

# The knowledge-base commands live with the knowledge base (interdict/intel/kb/commands.py).
from interdict.intel.kb import commands as kb  # noqa: E402

intel_app.command("ingest")(kb.ingest_command)
intel_app.command("show")(kb.show_command)
intel_app.command("graph")(kb.graph_command)
