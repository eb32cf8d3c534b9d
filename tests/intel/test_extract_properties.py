"""The extractor's promises on any text: it never raises, and it cites only what states a fact.

Text is drawn from the pieces names and links are made of (legal forms, cue
words, titles, countries, verbs, brackets, "--" bullets) mixed with
arbitrary characters, so that generated paragraphs reach every rule.  Every
party must be named (by its name or one of its aliases) in each portion it
cites, every link must name both its parties in each portion it cites, and
every item its head noun, all compared without case or punctuation.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.cables.portions import portions
from interdict.cables.record import Cable, Paragraph
from interdict.intel.extract import Gazetteer, extract_cable
from interdict.intel.records import Extraction, Provenance
from interdict.model.markings import Level, Marking
from interdict.parties.names.analysis import normalise

PIECES = [
    "Ardalan",
    "Machineries",
    "Company",
    "Co.",
    "Ltd.",
    "S.A.",
    ",",
    "Sdn. Bhd.",
    "K.K.",
    "LLC",
    "GmbH",
    "Group",
    "Industries",
    "Organization",
    "Bank",
    "University of",
    "(SHIG)",
    "(AIO)",
    "SHIG",
    "the",
    "a",
    "an",
    "company",
    "firm",
    "intermediary",
    "front company",
    "for",
    "of",
    "and",
    "is",
    "was",
    "supplied",
    "sold",
    "bought",
    "from",
    "to",
    "on behalf of",
    "owned by",
    "a subsidiary of",
    "associated with",
    "managing director",
    "Mr.",
    "Dr.",
    "General",
    "Irans",
    "Iran's",
    "Turkish-based",
    "Spanish",
    "Dubai-based",
    "of China",
    "in Dubai",
    "Iranian",
    "national",
    "The company",
    "It",
    "also known as",
    "milling machine",
    "model FS-1",
    "gyroscopes",
    "produced by",
    "Wassenaar Arrangement",
    "NSG",
    "UNSCR 1803",
    "such a machine",
    ".",
    "--",
    "\n\n",
    "(",
    ")",
    "'s",
    "ARDALAN MACHINERIES CO.",
    "OF",
    "AND",
    "MR.",
    "İ",
    "Kaveh",
    "Sahand",
    "Pars",
    "Al",
    "bin",
    "Ali",
    "Reza",
    "Karimi",
    "D.",
    "Ltd. Sti.",
    "OOO",
]
words = st.one_of(st.sampled_from(PIECES), st.text(max_size=8))
paragraph_text = st.lists(words, max_size=40).map(" ".join)
markings = st.sampled_from(
    [
        None,
        Marking(level=Level.S),
        Marking(level=Level.C, rel_to=("SPAIN",)),
        Marking(level=Level.U),
    ]
)
paragraphs = st.lists(
    st.builds(
        Paragraph,
        number=st.sampled_from([None, "1", "2", "3"]),
        marking=markings,
        text=paragraph_text,
    ),
    max_size=6,
)
GAZETTEER = Gazetteer.of(
    [("Organization", ["SAHAND PARS", "KAVEH (KV)"]), ("Person", ["ALI REZA KARIMI"])]
)


def _portion_texts(cable: Cable) -> dict[tuple[str | None, int], str]:
    return {(p.paragraph, p.portion): normalise(p.text) for p in portions(cable)}


def _named(text: str, names: list[str]) -> bool:
    return any(normalise(name) and normalise(name) in text for name in names)


def _check(cable: Cable, extraction: Extraction) -> None:
    texts = _portion_texts(cable)
    names: dict[str, list[str]] = {}

    def where(source: Provenance) -> str:
        assert source.cable == (cable.reference_id or "")
        assert normalise(source.text) in texts[(source.paragraph, source.portion)]
        return texts[(source.paragraph, source.portion)]

    for party in extraction.parties:
        names[party.id] = [*party.properties["name"], *party.properties.get("alias", [])]
        assert party.provenance
        for source in party.provenance:
            assert _named(where(source), names[party.id]), (party, source)
    for link in extraction.links:
        subject, object_ = link.properties["subject"][0], link.properties["object"][0]
        assert subject != object_
        for source in link.provenance:
            text = where(source)
            assert _named(text, names[subject]) and _named(text, names[object_]), (link, source)
    for item in extraction.items:
        head = normalise(item.description).split()[-1]
        stem = head[:-2] if head.endswith("es") else head.rstrip("s")
        for source in item.provenance:
            assert stem in where(source), (item, source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=paragraphs, listed=st.booleans())
def test_never_raises_and_cites_only_what_names_the_fact(
    paragraphs: list[Paragraph], listed: bool
) -> None:
    cable = Cable(reference_id="09TEST1", paragraphs=paragraphs)
    extraction = extract_cable(cable, GAZETTEER if listed else None)
    _check(cable, extraction)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=300))
def test_any_characters_at_all(text: str) -> None:
    cable = Cable(reference_id=None, paragraphs=[Paragraph(number="1", text=text)])
    _check(cable, extract_cable(cable))
