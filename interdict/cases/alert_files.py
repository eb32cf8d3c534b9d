"""An alert written as Markdown, HTML or PDF, whole or not at all.

Markdown is the draft an officer edits; HTML and PDF carry the banner on
every page for filing.  Both are made from the Markdown, so the three can
never say different things.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from interdict.cases.alert import Alert
from interdict.cases.report import ReportError, replace_file
from interdict.cases.report.pdf import ReportDocument

SUFFIXES = (".md", ".html", ".htm", ".pdf")


def write_alert(alert: Alert, path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".md":
        data = alert.markdown.encode("utf-8")
    elif suffix in (".html", ".htm"):
        data = page(alert).encode("utf-8")
    elif suffix == ".pdf":
        data = _pdf(alert)
    else:
        raise ReportError(f"--out: {path}: write .md, .html, .htm or .pdf")
    replace_file(path, data)


def body(alert: Alert) -> str:
    """The Markdown's headings, bullets and footnotes as HTML, every text escaped."""
    parts: list[str] = []
    bullets: list[str] = []

    def close() -> None:
        if bullets:
            parts.append("<ul>" + "".join(f"<li>{b}</li>" for b in bullets) + "</ul>")
            bullets.clear()

    for line in alert.markdown.splitlines():
        if line.startswith("- "):
            bullets.append(escape(line[2:]))
            continue
        close()
        if line.startswith("## "):
            parts.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.startswith("# "):
            parts.append(f"<h1>{escape(line[2:])}</h1>")
        elif line == alert.banner:
            parts.append(f'<p align="center"><b>{escape(line)}</b></p>')
        elif line.strip():
            parts.append(f"<p>{escape(line)}</p>")
    close()
    return "\n".join(parts)


def page(alert: Alert) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(alert.banner)}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">'
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}</style>"
        f"</head><body>\n{body(alert)}\n</body></html>\n"
    )


def _pdf(alert: Alert) -> bytes:
    document = ReportDocument(alert.banner)
    document.alias_nb_pages()
    document.add_page()
    document.set_font(document.text_family, "", 10)
    document.write_html(body(alert))
    return bytes(document.output())
