"""Case assessment reports an export-licensing officer can attach to a file: HTML or PDF.

``write_report`` picks the format from the file name and writes the whole
report or nothing: the report is rendered in memory first, then written to a
hidden file beside the target and moved over it, so a failed render or a
full disk never leaves a half report where a finished one is expected.
``interdict.model.atomic.atomic_output`` does the same for text but opens
the file in text mode, and a PDF is bytes, so both formats go through the
bytes writer here.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from interdict.cases.outputs import Assessment
from interdict.cases.report import html, pdf

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)


class ReportError(ValueError):
    """A report that cannot be written in the format asked for."""


def write_report(assessment: Assessment, path: Path) -> None:
    """Write ``assessment`` to ``path`` as HTML (.html, .htm) or PDF (.pdf), any case."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        data = html.render_html(assessment).encode("utf-8")
    elif suffix in PDF_SUFFIXES:
        data = pdf.render_pdf(assessment)
    else:
        accepted = ", ".join((*HTML_SUFFIXES, *PDF_SUFFIXES))
        found = f"suffix {path.suffix!r}" if path.suffix else "no suffix"
        raise ReportError(f"{path}: cannot write a report with {found}; use {accepted}")
    replace_file(path, data)


def replace_file(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
