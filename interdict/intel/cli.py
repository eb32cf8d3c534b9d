"""``interdict intel …``: extract facts from cables, store them, show and draw them."""

from __future__ import annotations

import typer

intel_app = typer.Typer(
    help="Cable intelligence: parties, items and links, with provenance.", no_args_is_help=True
)
