"""Property: whatever the markings, facts and reader, no output holds text of a hidden portion."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.access.gate import Gate
from interdict.access.readers import Reader
from interdict.access.rule import may_read
from interdict.cables.record import Cable, Paragraph
from interdict.intel.records import Item
from interdict.model.markings import Level, Marking, parse_marking
from interdict.model.provenance import Provenance

MARKINGS = [
    "U",
    "SBU",
    "C",
    "S",
    "TS",
    "S//NF",
    "C//REL ESP",
    "SECRET REL SPAIN",
    "S//REL TO USA, GBR",
    "TS//REL TO USA, GBR, AUS",
    "S//ORCON",
    "C//REL TO USA, NATO",
    "LOU",
    "S//REL UAE",
]
markings = st.sampled_from([parse_marking(m) for m in MARKINGS] + [None])
readers = st.builds(
    Reader,
    name=st.just("reader"),
    clearance=st.sampled_from([Level.U, Level.C, Level.S, Level.TS]),
    country=st.sampled_from(["US", "ES", "GB", "AE", "AU", "FR"]),
    roles=st.just(frozenset({"analyst"})),
)
overall = st.sampled_from(
    [parse_marking(m) for m in ("U", "C", "S", "S//REL TO USA, ESP")] + [None]
)


def _token(index: int) -> str:
    return f"secret-token-{index:04d}"


@settings(max_examples=300, deadline=None)
@given(reader=readers, marked=st.lists(markings, min_size=1, max_size=8), banner=overall)
def test_a_cable_never_shows_a_hidden_portion(
    reader: Reader, marked: list[Marking | None], banner: Marking | None
) -> None:
    paragraphs = [
        Paragraph(number=str(i + 1), marking=m, text=f"Paragraph {_token(i)} says this.")
        for i, m in enumerate(marked)
    ]
    cable = Cable(
        reference_id="99TEST1",
        classification=banner.level if banner else None,
        classification_text=banner.label() if banner else None,
        subject=f"Subject {_token(999)}",
        paragraphs=paragraphs,
        body=" ".join(p.text for p in paragraphs),
    )
    shown = Gate(reader).cable(cable)
    text = "" if shown is None else shown.model_dump_json()
    for i, marking in enumerate(marked):
        effective = marking if marking is not None else banner
        visible = may_read(reader, effective, "US").visible
        assert (_token(i) in text) is visible
    header = may_read(reader, banner, "US").visible
    assert (_token(999) in text) is (header and shown is not None)


@settings(max_examples=300, deadline=None)
@given(reader=readers, marked=st.lists(markings, min_size=1, max_size=6))
def test_a_fact_keeps_only_visible_sources_and_vanishes_without_one(
    reader: Reader, marked: list[Marking | None]
) -> None:
    sources = [
        Provenance(cable="99TEST1", paragraph=str(i + 1), portion=0, marking=m, text=_token(i))
        for i, m in enumerate(marked)
    ]
    item = Item(
        id="item-1",
        description="a lathe",
        model=None,
        manufacturer=None,
        regimes=[],
        resolutions=[],
        provenance=sources,
    )
    gate = Gate(reader, overall=lambda reference: Marking(level=Level.S))
    kept = gate.fact(item)
    visible = [
        may_read(reader, m if m is not None else Marking(level=Level.S), "US").visible
        for m in marked
    ]
    if not any(visible):
        assert kept is None
        return
    assert kept is not None
    text = kept.model_dump_json()
    for i, seen in enumerate(visible):
        assert (_token(i) in text) is seen
