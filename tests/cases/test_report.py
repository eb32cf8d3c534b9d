"""Case reports: what the HTML page and the PDF hold, the route chart, and the atomic write."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markupsafe import escape

from interdict.cases.findings import CableEvidence, Finding, RuleEvidence
from interdict.cases.outputs import Assessment, CaseOut, DatasetVersion, Inputs, PartyOut
from interdict.cases.report import ReportError, html, pdf, write_report
from interdict.cases.report.route import FLAG_STROKES, PLAIN_STROKE, route, route_line, route_svg
from interdict.cases.report.view import banner
from interdict.controls.entries import Source
from interdict.controls.outputs import BasisOut, DeterminationOut, RuleOut
from interdict.model.markings import Level, Marking
from interdict.model.provenance import Provenance
from interdict.parties.results import EntityRef, LinkStep

SECRET = Marking(level=Level.S, rel_to=("ESP",))
CONFIDENTIAL = Marking(level=Level.C)
CABLE_TEXT = "ARDALAN MACHINERIES COMPANY ACTS AS A FRONT FOR SHAHID BAKERI INDUSTRIAL GROUP."
BLOCK_SUMMARY = "Ardalan Machineries Company acts for Shahid Bakeri Industrial Group (EU-listed)."
QUESTION = "Who owns Ak Makina, and does it sell on to Iran?"
REASONS = "Deny: the end user is a front for an entity under an EU asset freeze."
EUR_LEX = "https://eur-lex.europa.eu/eli/reg/2021/821/oj"


def _provenance(paragraph: str, marking: Marking | None) -> Provenance:
    return Provenance(
        cable="09ANKARA1234", paragraph=paragraph, portion=0, marking=marking, text=CABLE_TEXT
    )


def _assessment(
    end_user: str = "Ardalan Machineries Company",
    cable_marking: Marking | None = SECRET,
    chain_marking: Marking | None = CONFIDENTIAL,
    transit: tuple[str, ...] = (),
) -> Assessment:
    """A small case after the golden ES → TR → IR one, built by hand."""
    step = LinkStep.model_validate(
        {
            "role": "front_for",
            "from": EntityRef(id="kb-ardalan", caption=end_user, datasets=["intel"]),
            "to": EntityRef(
                id="eu-sbig", caption="Shahid Bakeri Industrial Group", datasets=["eu_fsf"]
            ),
            "provenance": [_provenance("3", chain_marking), _provenance("5", chain_marking)],
        }
    )
    source = Source(url=EUR_LEX, supports="Article 4 catch-all")
    rule = RuleEvidence(
        rule="eu-art4",
        instrument="Regulation (EU) 2021/821",
        provision="Article 4(1)",
        says="An authorisation is required where the exporter has been informed of a WMD use.",
        version_date="2021-05-20",
        sources=[source],
    )
    cable = CableEvidence(
        cable="09ANKARA1234", paragraph="3", portion=0, marking=cable_marking, text=CABLE_TEXT
    )
    findings = [
        Finding(
            kind="linked_party",
            severity="block",
            summary=BLOCK_SUMMARY,
            party=end_user,
            reach="acting_on_behalf",
            chain=[step],
            evidence=[cable, rule],
        ),
        Finding(
            kind="open_question",
            severity="info",
            summary="The consignee's owners are not stated.",
            question=QUESTION,
            evidence=[],
        ),
    ]
    determination = DeterminationOut(
        jurisdiction="EU",
        outcome="licence_required",
        general_authorisation=None,
        decided=True,
        otherwise=None,
        depends_on=[],
        legal_basis=[
            BasisOut(
                instrument="Regulation (EU) 2021/821",
                version_date="2021-05-20",
                provision="Article 3(1)",
                says="An authorisation is required for the export of dual-use items in Annex I.",
                sources=[source],
            )
        ],
        decided_by=[
            RuleOut(
                rule="eu-annex-i",
                outcome="licence_required",
                summary="The item is listed in Annex I.",
                because=["listed under 2B001"],
            )
        ],
        also_applies=[],
        caveats=[],
        destination_in=[],
        rules_checked_on="2024-01-15",
        entries=["2B001"],
        undetermined_entries=[],
    )
    case = CaseOut(
        reference="ES-2024-0173",
        jurisdictions=["EU"],
        authority="ES",
        exporter=PartyOut(role=["exporter"], name="Talleres Precisión Ibérica S.L.", country="ES"),
        parties=[
            PartyOut(role=["consignee"], name="Ak Makina", country="TR"),
            PartyOut(role=["end_user"], name=end_user, country="IR"),
        ],
        item="five-axis machining centre",
        item_source="examples/items/fs1.yaml",
        destination="TR",
        final_destination="IR",
        transit=list(transit),
        end_use="manufacture of pump parts",
        end_use_flags=[],
        value={"amount": 480000, "currency": "EUR"},
        subject_to_ear=False,
        transaction="sale",
    )
    return Assessment(
        outcome="licence_required",
        determinations=[determination],
        recommendation="deny",
        reasons=REASONS,
        findings=findings,
        case=case,
        assessed_at="2024-05-02T10:00:00Z",
        inputs=Inputs(
            interdict_version="0.1.0",
            lists=[DatasetVersion(name="eu_fsf", version="20240501")],
            control_list="EU Annex I (2023-09-08)",
            rules={"EU": "2024-01-15"},
            knowledge_base="generation 4, 212 cables",
            denials=3,
            assessed_by="officer",
            store=None,
        ),
    )


def _banners(page: str) -> list[str]:
    return re.findall(r'<div class="banner (?:top|bottom)">([^<]*)</div>', page)


def test_html_holds_the_verdict_findings_and_evidence() -> None:
    page = html.render_html(_assessment())
    assert "Licence required" in page
    assert "Deny" in page
    assert escape(REASONS) in page
    assert escape(BLOCK_SUMMARY) in page
    assert escape("The consignee's owners are not stated.") in page
    assert f'<span class="marking">({SECRET.label()})</span> {CABLE_TEXT}' in page
    assert SECRET.label() == "S/REL ESP"
    assert "Ardalan Machineries Company front_for Shahid Bakeri Industrial Group " in page
    assert "[09ANKARA1234 ¶3, ¶5]" in page
    assert f'<a href="{EUR_LEX}">' in page
    assert "eu-annex-i" in page and "Article 3(1)" in page
    assert re.search(r"<ol>\s*<li>" + re.escape(str(escape(QUESTION))) + "</li>", page)
    assert "480,000.00 EUR" in page
    assert "Decision:" in page and "Signature:" in page


def test_html_banner_is_the_highest_level_at_top_and_bottom() -> None:
    page = html.render_html(_assessment())
    assert _banners(page) == ["SECRET", "SECRET"]
    assert (
        page.index("banner top") < page.index("<h1>Case ES-2024-0173") < page.index("banner bottom")
    )


@pytest.mark.parametrize(
    ("cable", "chain", "expected"),
    [
        (None, None, "UNCLASSIFIED"),
        (CONFIDENTIAL, None, "CONFIDENTIAL"),
        (CONFIDENTIAL, Marking(level=Level.TS), "TOP SECRET"),
    ],
)
def test_banner_counts_cable_evidence_and_chain_portions(
    cable: Marking | None, chain: Marking | None, expected: str
) -> None:
    assert banner(_assessment(cable_marking=cable, chain_marking=chain)) == expected


def test_unmarked_cable_portion_says_so() -> None:
    page = html.render_html(_assessment(cable_marking=None))
    assert f'<span class="marking">(unmarked)</span> {CABLE_TEXT}' in page


def test_html_escapes_untrusted_names() -> None:
    hostile = "<script>alert(1)</script> Trading"
    page = html.render_html(_assessment(end_user=hostile))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Trading" in page


def _party_strokes(svg: str) -> dict[str, str]:
    root = ET.fromstring(svg)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    strokes = {}
    for group in root.iterfind("svg:g", ns):
        if "party" in group.get("class", "").split():
            title = group.find("svg:title", ns)
            rect = group.find("svg:rect", ns)
            assert title is not None and title.text is not None and rect is not None
            strokes[title.text] = rect.get("stroke", "")
    return strokes


def test_route_svg_has_a_box_per_party_and_red_on_the_blocked_one() -> None:
    svg = route_svg(route(_assessment()))
    assert _party_strokes(svg) == {
        "Talleres Precisión Ibérica S.L.": PLAIN_STROKE,
        "Ak Makina": PLAIN_STROKE,
        "Ardalan Machineries Company": FLAG_STROKES["block"],
    }
    assert svg.count("<line ") == 2


def test_route_draws_transit_between_exporter_and_consignee() -> None:
    chart = route(_assessment(transit=("BG",)))
    svg = route_svg(chart)
    assert svg.count('<rect class="transit"') == 1
    assert svg.count("<line ") == 3
    assert route_line(chart) == (
        "Talleres Precisión Ibérica S.L. (ES) → transit BG → Ak Makina (TR) → "
        "Ardalan Machineries Company (IR) [block]"
    )


def test_route_svg_escapes_names_and_is_the_same_every_time() -> None:
    svg = route_svg(route(_assessment(end_user="<b>A & B</b>")))
    assert "<b>" not in svg
    assert _party_strokes(svg)["<b>A & B</b>"] == FLAG_STROKES["block"]
    assert svg == route_svg(route(_assessment(end_user="<b>A & B</b>")))


@pytest.mark.parametrize("name", ["report.html", "REPORT.HTM", "report.PDF"])
def test_write_report_picks_the_format_by_suffix(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    write_report(_assessment(), target)
    data = target.read_bytes()
    if name.lower().endswith(".pdf"):
        assert data.startswith(b"%PDF-")
    else:
        assert data.startswith(b"<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize("name", ["report.docx", "report"])
def test_unknown_suffix_is_refused(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    with pytest.raises(ReportError, match=re.escape(str(target))) as error:
        write_report(_assessment(), target)
    assert ".html, .htm, .pdf" in str(error.value)
    assert not target.exists()


def test_failed_render_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(assessment: Assessment) -> str:
        raise RuntimeError("template broke")

    monkeypatch.setattr(html, "render_html", broken)
    with pytest.raises(RuntimeError):
        write_report(_assessment(), tmp_path / "report.html")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old report")

    def full_disk(source: object, destination: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError, match="no space"):
        write_report(_assessment(), target)
    assert target.read_bytes() == b"old report"
    assert list(tmp_path.iterdir()) == [target]


def test_pdf_with_core_font_prints_the_banner_on_every_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "FONT_FILES", {"": Path("/nonexistent/DejaVuSans.ttf")})
    document = pdf.build_document(_assessment())
    document.set_compression(False)
    data = bytes(document.output())
    assert document.text_family == pdf.FALLBACK_FAMILY
    assert document.pages_count > 0
    assert data.count(b"(SECRET) Tj") == 2 * document.pages_count
    assert b"(Licence required) Tj" in data


def test_core_font_prints_what_it_cannot_encode_as_question_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf, "FONT_FILES", {"": Path("/nonexistent/DejaVuSans.ttf")})
    document = pdf.build_document(_assessment(end_user="شرکت آردلان"))
    document.set_font(pdf.FALLBACK_FAMILY, "", 10)
    assert document.normalize_text("¶3 → Ibérica شرکت") == "¶3 ? Ibérica ????"
    assert bytes(document.output()).startswith(b"%PDF-")


@pytest.mark.skipif(
    not all(path.is_file() for path in pdf.FONT_FILES.values()), reason="DejaVu Sans not installed"
)
def test_pdf_embeds_dejavu_for_unicode_names() -> None:
    document = pdf.build_document(_assessment(end_user="شرکت ماشین‌سازی آردلان"))
    data = bytes(document.output())
    assert document.text_family == pdf.EMBEDDED_FAMILY
    assert data.startswith(b"%PDF-")
    assert b"DejaVuSans" in data
    assert document.pages_count > 0
