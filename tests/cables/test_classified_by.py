"""``Classified By:``: name, title and the normalised classification reasons."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.classified_by import parse_classified_by, split_name_title
from interdict.cables.notes import Notes
from interdict.cables.record import ClassifiedBy

_REASON = re.compile(r"1\.[45]\([a-h]\)")


def classified(text: str) -> tuple[ClassifiedBy, list[str]]:
    notes = Notes()
    result = parse_classified_by(text, notes, line=20)
    assert all(w.field == "classified_by" and w.line == 20 for w in notes.warnings)
    return result, [w.message for w in notes.warnings]


def test_seed() -> None:
    result, warnings = classified("ISN/MTR DIRECTOR PAM DURHAM REASONS 1.4 (B), (C) AND (D).")
    assert result == ClassifiedBy(
        name="PAM DURHAM",
        title="ISN/MTR DIRECTOR",
        reasons=["1.4(b)", "1.4(c)", "1.4(d)"],
        text="ISN/MTR DIRECTOR PAM DURHAM REASONS 1.4 (B), (C) AND (D).",
    )
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Amb Gene Cretz, Reason 1.4 (b) and (d)", "Gene Cretz", "Amb"),
        ("CDA J. Smith for reasons 1.4(b) and (d)", "J. Smith", "CDA"),
        ("CDA Joan Ostrander for reasons 1.4 (b) and (d).", "Joan Ostrander", "CDA"),
        ("Ambassador Eduardo Aguirre for reasons 1.4 (b/d)", "Eduardo Aguirre", "Ambassador"),
        (
            "POLITICAL COUNSELOR JOHN SMITH FOR REASONS 1.4 (B) AND (D)",
            "JOHN SMITH",
            "POLITICAL COUNSELOR",
        ),
        (
            "Deputy Chief of Mission Robert S. Connan, reasons 1.4 (b) and (d)",
            "Robert S. Connan",
            "Deputy Chief of Mission",
        ),
        ("PolOff Jane Doe, E.O. 12958, reasons 1.4(b,d)", "Jane Doe", "PolOff"),
        (
            "Charge d'Affaires a.i. William Smith for reason 1.4(d)",
            "William Smith",
            "Charge d'Affaires a.i.",
        ),
        ("A/S Jendayi Frazer, reasons 1.4 (b) and (d)", "Jendayi Frazer", "A/S"),
        (
            "EUR/CE Director Rob Bradtke, for reasons 1.4(b) and (d)",
            "Rob Bradtke",
            "EUR/CE Director",
        ),
        ("Acting DCM John Smith. Reason: 1.4 (d)", "John Smith", "Acting DCM"),
        ("John Smith, Political Officer, reason 1.4 (d)", "John Smith", "Political Officer"),
        (
            "ISN/NESS Acting Director Paul Ruiz for reasons 1.4 (b) and (d).",
            "Paul Ruiz",
            "ISN/NESS Acting Director",
        ),
        (
            "ECONOMIC COUNSELOR MARTIN GRAY. REASON: 1.5 (B) AND (D).",
            "MARTIN GRAY",
            "ECONOMIC COUNSELOR",
        ),
        ("Ambassador, reason 1.4(d)", None, "Ambassador"),
    ],
)
def test_name_and_title(text: str, name: str | None, title: str | None) -> None:
    result, warnings = classified(text)
    assert (result.name, result.title) == (name, title)
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Amb X, reasons 1.4 (b) and (d)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (b/d)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (b,d)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (b, d)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 b and d", ["1.4(b)", "1.4(d)"]),
        ("AMB X, REASONS 1.4 B AND D", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (b), (c) & (d)", ["1.4(b)", "1.4(c)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (b) (d)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4(B)(D)", ["1.4(b)", "1.4(d)"]),
        ("Amb X, reasons 1.4 (B, C AND D)", ["1.4(b)", "1.4(c)", "1.4(d)"]),
        ("Amb X for reason 1.4 d", ["1.4(d)"]),
        ("Amb X for reason 1.4(d).", ["1.4(d)"]),
        ("Amb X: 1.4 (b) and (d)", ["1.4(b)", "1.4(d)"]),
        ("AMBASSADOR X 1.4 B, D", ["1.4(b)", "1.4(d)"]),
        ("DCM William Smith, Reasons 1.5 (B) AND (D)", ["1.5(b)", "1.5(d)"]),
        ("Amb X, Reason 1.4 (h) 1.5 (d)", ["1.4(h)", "1.5(d)"]),
        ("Amb X. Reason: E.O. 12958 1.4 (d)", ["1.4(d)"]),
        ("Amb X, reasons 1.4 (b) and (b)", ["1.4(b)"]),
        ("Amb X, reasons 1.4 (a), (e), (f) and (g)", ["1.4(a)", "1.4(e)", "1.4(f)", "1.4(g)"]),
    ],
)
def test_reasons(text: str, reasons: list[str]) -> None:
    result, warnings = classified(text)
    assert result.reasons == reasons
    assert warnings == []


def test_reason_letters_beyond_h_are_not_reasons() -> None:
    result, warnings = classified("Amb X, reasons 1.4 (z)")
    assert result.reasons == []
    assert warnings == ["no classification reason found"]


@pytest.mark.parametrize(
    "text",
    ["Ambassador Smith", "", "Amb X, reasons classified", "Amb X 1.3 (b)", "Amb X, 14 (b)"],
)
def test_no_reason_warns(text: str) -> None:
    result, warnings = classified(text)
    assert result.reasons == []
    assert warnings == ["no classification reason found"]


def test_wrapped_text_is_joined() -> None:
    result, _ = classified("ISN/MTR DIRECTOR PAM\nDURHAM REASONS 1.4\n(B), (C) AND (D).")
    assert result.text == "ISN/MTR DIRECTOR PAM DURHAM REASONS 1.4 (B), (C) AND (D)."
    assert result.name == "PAM DURHAM"
    assert result.reasons == ["1.4(b)", "1.4(c)", "1.4(d)"]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("ISN/MTR DIRECTOR PAM DURHAM", "PAM DURHAM", "ISN/MTR DIRECTOR"),
        ("Smith", "Smith", None),
        ("Ambassador", None, "Ambassador"),
        ("", None, None),
        (" , . ", None, None),
        ("John Smith, Political Officer", "John Smith", "Political Officer"),
    ],
)
def test_split_name_title(text: str, name: str | None, title: str | None) -> None:
    assert split_name_title(text) == (name, title)


_TOKENS = st.sampled_from(
    [
        "Ambassador",
        "ISN/MTR",
        "DIRECTOR",
        "Pam",
        "DURHAM",
        ",",
        ".",
        "for",
        "reasons",
        "REASON:",
        "1.4",
        "1.5",
        "(b)",
        "(B)",
        "(b,d)",
        "(b/d)",
        "and",
        "AND",
        "&",
        "d",
        "E.O. 12958",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=150), st.lists(_TOKENS, max_size=15).map(" ".join)))
def test_never_raises_and_reasons_are_normalised(text: str) -> None:
    notes = Notes()
    result = parse_classified_by(text, notes)
    assert all(_REASON.fullmatch(reason) for reason in result.reasons)
    assert len(result.reasons) == len(set(result.reasons))
    assert (result.reasons == []) == (len(notes.warnings) == 1)
    for part in (result.name, result.title):
        assert part is None or (part and part == part.strip())
    assert result.text == " ".join(text.split())
