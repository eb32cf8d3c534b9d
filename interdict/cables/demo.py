"""A readable tour of one parsed cable, for the README's first command."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable


def show_seed(path: Path) -> None:
    console = Console()
    for cable in parse_paths([path]):
        if isinstance(cable, Cable):
            show_cable(console, cable)
        else:
            console.print(f"[red]unreadable[/red] {escape(cable.source)}: {escape(cable.reason)}")


def show_cable(console: Console, cable: Cable, *, full: bool = False) -> None:
    """Field by field; paragraphs cut to a line each unless ``full``."""
    facts = Table(show_header=False, title=f"Cable {cable.reference_id}")
    facts.add_column("field", style="bold")
    facts.add_column("value")
    rows = {
        "created (UTC, from DTG)": cable.created.isoformat() if cable.created else "",
        "classification": f"{cable.classification_text} ({cable.classification})",
        "subject": cable.subject or "",
        "origin": cable.origin or "",
        "DTG": cable.dtg.text if cable.dtg else "",
        "DE": cable.de.model_dump_json() if cable.de else "",
        "security line": cable.security_line or "",
        "from": cable.from_.address if cable.from_ else "",
        "to": "; ".join(r.address for r in cable.to),
        "info": "; ".join(r.address for r in cable.info),
        "captions": ", ".join(cable.captions),
        "caveats": ", ".join(cable.caveats),
        "E.O.": cable.eo.text if cable.eo else "",
        "tags": ", ".join(
            f"{t.tag} ({t.kind.value}{': ' + t.country if t.country else ''})" for t in cable.tags
        ),
        "references": "; ".join(
            f"{r.letter}. {r.reference_id or r.text} [{r.kind.value}]" for r in cable.references
        ),
        "classified by": _classified_by(cable),
        "signers": ", ".join(cable.signers),
    }
    for key, value in rows.items():
        facts.add_row(key, escape(value))
    console.print(facts)
    paragraphs = Table(title="Paragraphs")
    paragraphs.add_column("¶")
    paragraphs.add_column("marking")
    paragraphs.add_column("text")
    for paragraph in cable.paragraphs:
        label = paragraph.marking.label() if paragraph.marking else ""
        text = paragraph.text
        if not full and len(text) >= 160:
            text = text[:157] + "…"
        paragraphs.add_row(paragraph.number or "", escape(label), escape(text))
    console.print(paragraphs)
    for warning in cable.warnings:
        console.print(
            f"[yellow]warning[/yellow] {warning.field} (line {warning.line}): "
            + escape(warning.message)
        )


def _classified_by(cable: Cable) -> str:
    by = cable.classified_by
    if by is None:
        return ""
    return f"{by.name} ({by.title}), reasons {', '.join(by.reasons)}"
