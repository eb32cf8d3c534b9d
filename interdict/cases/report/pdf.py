"""The assessment as a PDF, with the content of the HTML page, laid out with fpdf2.

Names and cable text may hold ¶, →, Persian or accented letters, so the
PDF embeds DejaVu Sans when the system has it (Debian's fonts-dejavu-core).
Without it the PDF falls back to fpdf2's core Helvetica, which encodes
Latin-1 only: every other character is printed as '?' rather than failing
the report on one name.  Persian and Arabic letters are printed unjoined,
left to right (joining them would need a text shaper), so the HTML report
is the one to read for names in those scripts.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from interdict.cases.outputs import Assessment
from interdict.cases.report.route import route_line
from interdict.cases.report.view import EvidenceView, FindingView, Link, Report, report

# Style to font file; both must exist for the embedded font to be used.
FONT_FILES = {
    "": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "B": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
}
EMBEDDED_FAMILY = "DejaVu"
FALLBACK_FAMILY = "Helvetica"

_LINE = 5.0
_INDENT = 6.0
_LINK_COLOUR = (0, 51, 153)
_MUTED_COLOUR = (85, 85, 85)


class ReportDocument(FPDF):
    """A4 pages with the classification banner in the header and footer of every page."""

    def __init__(self, banner: str) -> None:
        super().__init__(format="A4")
        self.banner = banner
        self.text_family = _load_fonts(self)
        self.set_margins(15, 18, 15)
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        self.set_y(7)
        self.set_font(self.text_family, "B", 10)
        self.cell(0, 6, self.banner, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(self.text_family, "B", 10)
        self.cell(0, 5, self.banner, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.text_family, "", 8)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")

    def normalize_text(self, text: str) -> str:
        """With the core font, characters outside its encoding become '?' instead of raising.

        fpdf2 passes every string it prints through here, headers and footers
        included, so the fallback needs no care at each call.
        """
        if not self.is_ttf_font:
            encoding = self.core_fonts_encoding
            text = text.encode(encoding, errors="replace").decode(encoding)
        return super().normalize_text(text)


def render_pdf(assessment: Assessment) -> bytes:
    return bytes(build_document(assessment).output())


def build_document(assessment: Assessment) -> ReportDocument:
    """The laid-out document, not yet written, so that a caller can still set output options."""
    content = report(assessment)
    pdf = ReportDocument(content.banner)
    pdf.set_title(f"Case {content.reference}")
    pdf.add_page()
    _verdict(pdf, content)
    _heading(pdf, "Transaction")
    _table(pdf, content.summary)
    _heading(pdf, "Route")
    _text(pdf, route_line(content.route))
    _determinations(pdf, content)
    _findings(pdf, content)
    _heading(pdf, "Open questions")
    for number, question in enumerate(content.questions, start=1):
        _text(pdf, f"{number}. {question}")
    if not content.questions:
        _text(pdf, "None.", muted=True)
    _heading(pdf, "Inputs")
    _table(pdf, content.inputs)
    _signature(pdf)
    return pdf


def _load_fonts(pdf: FPDF) -> str:
    if not all(path.is_file() for path in FONT_FILES.values()):
        return FALLBACK_FAMILY
    for style, path in FONT_FILES.items():
        pdf.add_font(EMBEDDED_FAMILY, style, path)
    return EMBEDDED_FAMILY


def _verdict(pdf: ReportDocument, content: Report) -> None:
    pdf.set_font(pdf.text_family, "B", 18)
    pdf.multi_cell(
        0, 9, f"Case {content.reference}", align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(2)
    for label, value in (("Outcome", content.outcome), ("Recommendation", content.recommendation)):
        pdf.set_font(pdf.text_family, "", 11)
        pdf.cell(38, 10, label)
        pdf.set_font(pdf.text_family, "B", 18)
        pdf.cell(0, 10, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    _text(pdf, content.reasons, size=11)


def _determinations(pdf: ReportDocument, content: Report) -> None:
    _heading(pdf, "Determinations")
    for d in content.determinations:
        _subheading(pdf, f"{d.jurisdiction}: {d.outcome}")
        _text(pdf, d.status, muted=True)
        for title, rules in (("Decided by", d.decided_by), ("Also applies", d.also_applies)):
            if rules:
                _text(pdf, f"{title}:")
            for r in rules:
                because = f" (because {'; '.join(r.because)})" if r.because else ""
                _text(pdf, f"{r.rule} ({r.outcome}): {r.summary}{because}", indent=_INDENT)
        if d.legal_basis:
            _text(pdf, "Legal basis:")
        for b in d.legal_basis:
            _text(pdf, f"{b.instrument} ({b.version_date}), {b.provision}: {b.says}", _INDENT)
            for link in b.links:
                _link(pdf, link, indent=2 * _INDENT)
        if d.caveats:
            _text(pdf, "Caveats:")
        for caveat in d.caveats:
            _text(pdf, f"- {caveat}", indent=_INDENT)
    if not content.determinations:
        _text(pdf, "No determination.", muted=True)


def _findings(pdf: ReportDocument, content: Report) -> None:
    _heading(pdf, "Findings")
    for group in content.groups:
        _subheading(pdf, group.heading)
        for finding in group.findings:
            _finding(pdf, finding)
        if not group.findings:
            _text(pdf, "None.", muted=True)


def _finding(pdf: ReportDocument, finding: FindingView) -> None:
    _keep_room(pdf, 20)
    _text(pdf, finding.kind.upper(), size=8, muted=True)
    _text(pdf, finding.summary, bold=True)
    for note in finding.notes:
        _text(pdf, note, muted=True)
    if finding.chain:
        _text(pdf, "Chain:")
    for number, step in enumerate(finding.chain, start=1):
        _text(pdf, f"{number}. {step}", indent=_INDENT)
    for evidence in finding.evidence:
        _evidence(pdf, evidence)
    pdf.ln(2)


def _evidence(pdf: ReportDocument, evidence: EvidenceView) -> None:
    _text(pdf, evidence.heading, indent=_INDENT, size=9, bold=True)
    marking = f"({evidence.marking})" if evidence.marking is not None else None
    body = " ".join(part for part in (marking, evidence.text) if part is not None)
    if body:
        _text(pdf, body, indent=_INDENT, size=9)
    for detail in evidence.details:
        _text(pdf, detail, indent=_INDENT, size=9, muted=True)
    for link in evidence.links:
        _link(pdf, link, indent=_INDENT)


def _signature(pdf: ReportDocument) -> None:
    _keep_room(pdf, 70)
    _heading(pdf, "Decision")
    pdf.set_font(pdf.text_family, "", 11)
    for label in ("Decision", "Name", "Date", "Signature"):
        pdf.ln(4)
        pdf.cell(30, 8, f"{label}:")
        pdf.cell(100, 8, "", border="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(pdf: ReportDocument, text: str) -> None:
    _keep_room(pdf, 30)
    pdf.ln(4)
    pdf.set_font(pdf.text_family, "B", 14)
    pdf.cell(0, 8, text, border="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _subheading(pdf: ReportDocument, text: str) -> None:
    _keep_room(pdf, 20)
    pdf.ln(2)
    _text(pdf, text, size=11, bold=True)


def _text(
    pdf: ReportDocument,
    text: str,
    indent: float = 0,
    size: float = 10,
    bold: bool = False,
    muted: bool = False,
) -> None:
    pdf.set_font(pdf.text_family, "B" if bold else "", size)
    pdf.set_text_color(*(_MUTED_COLOUR if muted else (0, 0, 0)))
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(0, _LINE, text, align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)


def _link(pdf: ReportDocument, link: Link, indent: float) -> None:
    pdf.set_font(pdf.text_family, "", 9)
    pdf.set_text_color(*_LINK_COLOUR)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        0, _LINE, link.label, align=Align.L, link=link.url, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_text_color(0, 0, 0)


def _keep_room(pdf: ReportDocument, height: float) -> None:
    """Start a new page rather than leave a heading or a finding's first line at a page foot."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _table(pdf: ReportDocument, rows: tuple[tuple[str, str], ...]) -> None:
    pdf.set_font(pdf.text_family, "", 10)
    with pdf.table(
        col_widths=(45, 135),
        first_row_as_headings=False,
        text_align="LEFT",
        line_height=_LINE,
        padding=1,
    ) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label)
            row.cell(value)
