"""One cable, two containers: Cablegate CSV and a Cablegate HTML page must give the same record.

``fixtures/roundtrip/09BERLIN1500.csv`` and ``.html`` hold the same invented
cable.  The CSV copy is hard-wrapped at 69 columns, separates header and body
into two columns, escapes quotes as ``\\"`` and keeps its page-break header
and second-section banner on lines of their own.  The HTML copy writes one
line per paragraph, newlines as ``&#x000A;``, TAGS as ``<a>`` links, ``&para;``
before paragraph numbers and runs the preamble fields together on one line.

Everything but ``source`` and ``form`` must be identical; ``body`` is the
cable text as written, so it is compared after normalising what the two
renderings legitimately write differently (see ``normalised_body``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable

ROUNDTRIP = Path(__file__).parent / "fixtures" / "roundtrip"
CSV = ROUNDTRIP / "09BERLIN1500.csv"
HTML = ROUNDTRIP / "09BERLIN1500.html"

#: Fields that say where a record came from rather than what it is.
PROVENANCE = {"source", "form"}


def parse(path: Path) -> Cable:
    records = list(parse_paths([path]))
    assert len(records) == 1, records
    record = records[0]
    assert isinstance(record, Cable), record
    return record


@pytest.fixture(scope="module")
def csv_cable() -> Cable:
    return parse(CSV)


@pytest.fixture(scope="module")
def html_cable() -> Cable:
    return parse(HTML)


def comparable(cable: Cable) -> dict[str, Any]:
    dumped = cable.model_dump(mode="json", by_alias=True)
    for name in PROVENANCE | {"body"}:
        dumped.pop(name)
    return dumped


def normalised_body(body: str) -> list[str]:
    """The body's words, without the HTML ``¶`` artefact and without leading captions.

    Captions on the banner's own line are absorbed into the banner (the HTML
    copy runs ``... BERLIN 001500 SIPDIS E.O. ...`` together), while the CSV
    copy has ``SIPDIS`` on a line of its own, which stays in the body.  Both
    records still report ``captions == ["SIPDIS"]``, which is compared exactly.
    """
    words = body.replace("¶", " ").split()
    while words and words[0] in {"SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS"}:
        words.pop(0)
    return words


def test_forms_are_what_the_files_say(csv_cable: Cable, html_cable: Cable) -> None:
    assert csv_cable.form == "csv"
    assert html_cable.form == "html"
    assert csv_cable.source is not None and csv_cable.source.startswith(str(CSV))
    assert html_cable.source is not None and html_cable.source.startswith(str(HTML))


def test_records_are_identical_but_for_provenance(csv_cable: Cable, html_cable: Cable) -> None:
    left, right = comparable(csv_cable), comparable(html_cable)
    differing = sorted(name for name in left if left[name] != right[name])
    assert differing == []
    assert left == right


def test_body_text_is_the_same_words(csv_cable: Cable, html_cable: Cable) -> None:
    assert normalised_body(csv_cable.body) == normalised_body(html_cable.body)


def test_shared_record_is_fully_parsed(csv_cable: Cable) -> None:
    """Guard against a vacuous pass: identical but empty records would also compare equal."""
    cable = csv_cable
    assert cable.reference_id == "09BERLIN1500"
    assert cable.warnings == []
    assert cable.transmission_id == "VZCZCXRO6620"
    assert cable.de is not None and cable.de.section == 1
    assert [r.address for r in cable.info] == ["EU MEMBER STATES COLLECTIVE", "AMEMBASSY ATHENS"]
    assert cable.info[0].collective is True
    assert (cable.section, cable.sections) == (1, 2)
    assert cable.captions == ["SIPDIS"]
    assert [t.tag for t in cable.tags] == ["ETTC", "PARM", "KNNP", "GM", "IR"]
    # `\"` in CSV and `&quot;` in HTML both become a plain quote.
    assert cable.subject == 'GERMANY STOPS "DUAL-USE" PUMP EXPORT TO IRAN'
    assert [r.reference_id for r in cable.references] == ["09STATE104210", "09BERLIN1420"]
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ["1.4(b)", "1.4(d)"]
    assert cable.summary is not None and cable.summary.startswith("German customs stopped")
    assert [p.number for p in cable.paragraphs] == ["1", "2", "3", "4"]
    assert cable.paragraphs[2].marking is not None
    assert cable.paragraphs[2].marking.rel_to == ("GERMANY",)
    # The HTML entity and the raw ampersand agree.
    assert "R&D contacts" in cable.paragraphs[2].text
    assert cable.signers == ["KOENIG"]


def test_no_furniture_in_either_form(csv_cable: Cable, html_cable: Cable) -> None:
    for cable in (csv_cable, html_cable):
        for paragraph in cable.paragraphs:
            assert "¶" not in paragraph.text
            assert "00001500" not in paragraph.text
            assert "SECTION 02 OF 02" not in paragraph.text
            assert not re.search(r"\bKOENIG\b", paragraph.text)
