"""TAGS line parsing and the code tables behind it."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.body.tags import fips_name, fips_to_iso2, parse_tags
from interdict.cables.notes import Notes
from interdict.cables.record import Tag, TagKind

S, P, ORG, G, PERSON, U = (
    TagKind.SUBJECT,
    TagKind.PROGRAM,
    TagKind.ORGANIZATION,
    TagKind.GEOGRAPHIC,
    TagKind.PERSON,
    TagKind.UNKNOWN,
)


def parse(text: str) -> tuple[list[Tag], list[str]]:
    notes = Notes()
    tags = parse_tags(text, notes)
    assert all(w.field == "tags" for w in notes.warnings)
    return tags, [w.message for w in notes.warnings]


def pairs(tags: list[Tag]) -> list[tuple[str, TagKind]]:
    return [(t.tag, t.kind) for t in tags]


# --------------------------------------------------------------------------- the seed


def test_seed_line() -> None:
    tags, warnings = parse("PARM MTCRE PREL TW IR SP")
    assert tags == [
        Tag(tag="PARM", kind=S),
        Tag(tag="MTCRE", kind=ORG),
        Tag(tag="PREL", kind=S),
        Tag(tag="TW", kind=G, country="Taiwan"),
        Tag(tag="IR", kind=G, country="Iran"),
        Tag(tag="SP", kind=G, country="Spain"),
    ]
    assert warnings == []


def test_seed_line_with_sloppy_cut_stops_at_next_field() -> None:
    text = "PARM MTCRE PREL TW IR SP\n\nREF: A. MADRID 000088 B. 08 MADRID 000979"
    tags, warnings = parse(text)
    assert [t.tag for t in tags] == ["PARM", "MTCRE", "PREL", "TW", "IR", "SP"]
    assert warnings == []


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PGOV", (S, None)),
        ("ECON", (S, None)),
        ("KNNP", (P, None)),
        ("KQQQ", (P, None)),  # any K + three letters is a program tag, listed or not
        ("NATO", (ORG, None)),
        ("IAEA", (ORG, None)),
        ("UNSC", (ORG, None)),
        ("GM", (G, "Germany")),
        ("TU", (G, "Turkey")),
        ("RS", (G, "Russia")),
        ("UK", (G, "United Kingdom")),
        ("CH", (G, "China")),
        ("KN", (G, "Korea, North")),
        ("KS", (G, "Korea, South")),
        ("SY", (G, "Syria")),
    ],
)
def test_each_kind(text: str, expected: tuple[TagKind, str | None]) -> None:
    (tag,), warnings = parse(text)
    assert (tag.kind, tag.country) == expected
    assert tag.original is None
    assert warnings == []


def test_unknown_tag_is_kept_and_warned_once() -> None:
    tags, warnings = parse("PREL FOOBAR FOOBAR, FOOBAR")
    assert pairs(tags) == [("PREL", S), ("FOOBAR", U)]
    assert warnings == ["unknown tag 'FOOBAR'"]


def test_duplicates_are_dropped() -> None:
    tags, _ = parse("PHUM, OPRC, OPRC, OPRC, IT")
    assert pairs(tags) == [("PHUM", S), ("OPRC", S), ("IT", G)]


def test_warnings_carry_the_line_number() -> None:
    notes = Notes()
    parse_tags("PREL FOOBAR", notes, line=12)
    assert [(w.field, w.line) for w in notes.warnings] == [("tags", 12)]


# --------------------------------------------------------------------------- separators


@pytest.mark.parametrize(
    "text",
    ["PREL, PGOV, ECON, IR", "PREL,PGOV,ECON,IR", "PREL; PGOV;ECON ,IR", "PREL\nPGOV, ECON\n IR"],
)
def test_separators(text: str) -> None:
    tags, warnings = parse(text)
    assert pairs(tags) == [("PREL", S), ("PGOV", S), ("ECON", S), ("IR", G)]
    assert warnings == []


@pytest.mark.parametrize("text", ["", "   ", "\n\n", ", ,;", "()"])
def test_empty(text: str) -> None:
    assert parse(text) == ([], [])


# --------------------------------------------------------------------------- repairs


@pytest.mark.parametrize(
    ("glued", "pieces"),
    [
        ("PRELPGOV", [("PREL", S), ("PGOV", S)]),
        ("PGOVPRELIR", [("PGOV", S), ("PREL", S), ("IR", G)]),
        ("KNNPMNUC", [("KNNP", P), ("MNUC", S)]),
        ("PHUMBA", [("PHUM", S), ("BA", G)]),
        ("IZPREL", [("IZ", G), ("PREL", S)]),
        (
            "KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG",  # 09CAIRO2205
            [
                ("KFRD", P),
                ("KIRF", P),
                ("CVIS", S),
                ("CMGT", S),
                ("KOCI", P),
                ("ASEC", S),
                ("PHUM", S),
                ("SMIG", S),
                ("EG", G),
            ],
        ),
    ],
)
def test_glued(glued: str, pieces: list[tuple[str, TagKind]]) -> None:
    tags, warnings = parse(glued)
    assert pairs(tags) == pieces
    assert all(t.original == glued for t in tags)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"repaired glued tag {glued!r}")


def test_glued_country_of_a_glued_piece() -> None:
    tags, _ = parse("PGOVPRELIR")
    assert tags[-1].country == "Iran"


@pytest.mark.parametrize("word", ["RIGHTS", "POLITICS", "HUMAN", "COUNTERTERRORISM"])
def test_words_are_not_split_into_codes(word: str) -> None:
    """A split made only of country codes is refused: RIGHTS is not Serbia+Ghana+Tunisia."""
    tags, warnings = parse(word)
    assert pairs(tags) == [(word, U)]
    assert warnings == [f"unknown tag {word!r}"]


@pytest.mark.parametrize(
    ("written", "fixed", "warning"),
    [
        ("Prel", "PREL", "upper-cased lower-case tags: Prel"),
        ("MOPPS", "MOPS", "repaired misspelled tag 'MOPPS' -> MOPS"),  # an extra letter
        ("PERL", "PREL", "repaired misspelled tag 'PERL' -> PREL"),  # swapped letters
        ("PGVO", "PGOV", "repaired misspelled tag 'PGVO' -> PGOV"),
        ("PREL.", "PREL", "repaired tag 'PREL.' -> PREL: stray punctuation"),
        ("*PGOV", "PGOV", "repaired tag '*PGOV' -> PGOV: stray punctuation"),
    ],
)
def test_misspelled(written: str, fixed: str, warning: str) -> None:
    tags, warnings = parse(f"ECON {written} IR")
    assert [t.tag for t in tags] == ["ECON", fixed, "IR"]
    assert (tags[1].kind, tags[1].original) == (S, written)
    assert warnings == [warning]


@pytest.mark.parametrize("word", ["PINX", "EFIX", "ETRA"])
def test_ambiguous_typo_left_alone(word: str) -> None:
    """PINX is one edit from PINR and PINS; ETRA from ETRD and OTRA: no guessing."""
    tags, warnings = parse(f"PREL {word}")
    assert pairs(tags) == [("PREL", S), (word, U)]
    assert tags[1].original is None
    assert warnings == [f"unknown tag {word!r}"]


@pytest.mark.parametrize("text", ["PREL ARMS CONTROL", "PREL GLOBAL ARMS"])
def test_no_typo_repair_inside_free_text(text: str) -> None:
    """ARMS is one edit from AOMS, but next to another unknown word it is free text."""
    tags, warnings = parse(text)
    assert all(t.kind is U for t in tags[1:])
    assert not any("misspelled" in w for w in warnings)


def test_program_shaped_token_is_not_a_typo() -> None:
    """A K + three-letter token is a program tag by definition, never a mistyped subject."""
    tags, warnings = parse("KREL")
    assert pairs(tags) == [("KREL", P)]
    assert warnings == []


# --------------------------------------------------------------------------- persons


def test_person_in_brackets_after_ovip() -> None:
    tags, warnings = parse("OVIP (CLINTON, HILLARY) PREL")
    assert tags == [
        Tag(tag="OVIP", kind=S),
        Tag(tag="CLINTON, HILLARY", kind=PERSON),
        Tag(tag="PREL", kind=S),
    ]
    assert warnings == []


def test_person_without_brackets_after_ovip() -> None:
    """09STATE11937 writes "OVIP CLINTON HILLARY PREL"."""
    tags, warnings = parse("OVIP CLINTON HILLARY PREL KPAL FR IR RS\nNATO, UK")
    assert pairs(tags)[:3] == [("OVIP", S), ("CLINTON, HILLARY", PERSON), ("PREL", S)]
    assert tags[1].original == "CLINTON HILLARY"
    assert pairs(tags)[-2:] == [("NATO", ORG), ("UK", G)]
    assert warnings == []


def test_surname_in_brackets_without_ovip() -> None:
    tags, _ = parse("PREL (STEINBERG) CH")
    assert pairs(tags) == [("PREL", S), ("STEINBERG", PERSON), ("CH", G)]


def test_lower_case_line() -> None:
    """04ANKARA348 and others type the whole line in lower case."""
    text = "ovip (steinberg, james b.), prel, parm, etra, mnuc, ch, kn\nsubject: deputy secretary"
    tags, warnings = parse(text)
    assert pairs(tags) == [
        ("OVIP", S),
        ("STEINBERG, JAMES B.", PERSON),
        ("PREL", S),
        ("PARM", S),
        ("ETRA", U),  # ambiguous, but followed by tags: kept as unknown
        ("MNUC", S),
        ("CH", G),
        ("KN", G),
    ]
    assert tags[2].original == "prel"
    assert warnings == [
        "unknown tag 'ETRA'",
        "upper-cased lower-case tags: ovip, prel, parm, mnuc, ch, kn",
    ]


# --------------------------------------------------------------------------- stopping


@pytest.mark.parametrize(
    "text",
    [
        "PREL PGOV SUBJECT: FOO BAR",
        "PREL PGOV\nSUBJECT: FOO BAR",
        "PREL PGOV Subject: the visit",
        "PREL PGOV CLASSIFIED BY: ISN/MTR DIRECTOR",
        "PREL PGOV\n\n1. (U) This is an action request.",
        "PREL PGOV (U) This is an action request.",
        "PREL PGOV (SECRET REL SPAIN)",
        "PREL PGOV SIPDIS",
    ],
)
def test_stops_at_next_field(text: str) -> None:
    tags, warnings = parse(text)
    assert pairs(tags) == [("PREL", S), ("PGOV", S)]
    assert warnings == []


def test_stops_at_lower_case_prose_with_a_warning() -> None:
    """In an upper-case line "in" is prose, not India."""
    tags, warnings = parse("PREL PGOV in the embassy")
    assert pairs(tags) == [("PREL", S), ("PGOV", S)]
    assert warnings == ["TAGS end before 'in': not a tag"]


# --------------------------------------------------------------------------- FIPS


@pytest.mark.parametrize(
    ("fips", "name", "iso2"),
    [
        ("SP", "Spain", "ES"),
        ("TU", "Turkey", "TR"),
        ("RS", "Russia", "RU"),
        ("IR", "Iran", "IR"),
        ("TW", "Taiwan", "TW"),
        ("GM", "Germany", "DE"),
        ("UK", "United Kingdom", "GB"),
        ("KN", "Korea, North", "KP"),
        ("KS", "Korea, South", "KR"),
        ("SY", "Syria", "SY"),
        ("CH", "China", "CN"),
        ("sp", "Spain", "ES"),
    ],
)
def test_fips_is_not_iso(fips: str, name: str, iso2: str) -> None:
    assert fips_name(fips) == name
    assert fips_to_iso2(fips) == iso2


def test_fips_unknown_or_unconfirmed() -> None:
    assert fips_name("XX") is None
    assert fips_to_iso2("XX") is None
    assert fips_name("GK") == "Guernsey"
    assert fips_to_iso2("GK") is None  # the sources disagree (GB or GG): no answer
    assert fips_to_iso2("KV") is None  # Kosovo has no ISO 3166-1 code in either source


# --------------------------------------------------------------------------- property

_TAGGY = st.sampled_from(
    [
        "PREL",
        "PGOV",
        "prel",
        "Pgov",
        "KNNP",
        "MTCRE",
        "SP",
        "ir",
        "OVIP",
        "(CLINTON, HILLARY)",
        "(U)",
        "(",
        ")",
        "PRELPGOV",
        "MOPPS",
        "PINX",
        "SUBJECT:",
        "REF:",
        "1.",
        "-",
        "ADB-1",
        "UNGA/C-1",
        "AT&T",
        "\u00b6",
        "Stra\u00dfe",
        "",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=200),
        st.lists(_TAGGY, max_size=20).map(" ".join),
        st.lists(st.one_of(_TAGGY, st.text(max_size=8)), max_size=12).map(", ".join),
    )
)
def test_never_raises_and_tags_are_well_formed(text: str) -> None:
    notes = Notes()
    tags = parse_tags(text, notes)
    for tag in tags:
        assert tag.tag
        assert tag.tag == tag.tag.strip()
        assert tag.kind is TagKind.PERSON or tag.tag == tag.tag.upper()
        if tag.kind is TagKind.GEOGRAPHIC:
            assert tag.country
    assert len({(t.tag, t.kind) for t in tags}) == len(tags)
    assert len({w.message for w in notes.warnings}) == len(notes.warnings)


# --------------------------------------------------------------------------- tables


def _table(name: str) -> tuple[list[str], list[str], list[dict[str, str]]]:
    """(preamble lines, header, rows) of a packaged TSV."""
    text = (
        resources.files("interdict")
        .joinpath("data")
        .joinpath("cables")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )
    lines = text.splitlines()
    preamble = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    header = body[0].split("\t")
    rows = []
    for line in body[1:]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        assert all(c == c.strip() for c in cells), line
        rows.append(dict(zip(header, cells, strict=True)))
    return preamble, header, rows


def _check_sources(preamble: list[str], rows: list[dict[str, str]]) -> None:
    defined = set(re.findall(r"^# Source ([\w-]+):", "\n".join(preamble), re.MULTILINE))
    assert defined, "the preamble must name its public sources"
    for row in rows:
        keys = row["source"].split()
        assert keys, row
        for key in keys:
            assert key.split(":", 1)[0] in defined, row


def test_fips_table_is_well_formed() -> None:
    preamble, header, rows = _table("fips10_4.tsv")
    assert header == ["code", "name", "iso2", "source"]
    _check_sources(preamble, rows)
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert len(rows) > 250
    for row in rows:
        assert re.fullmatch(r"[A-Z]{2}", row["code"]), row
        assert row["name"], row
        assert row["iso2"] == "" or re.fullmatch(r"[A-Z]{2}", row["iso2"]), row
        if row["iso2"]:  # an ISO code is given only where two sources agree
            assert set(row["source"].split()) >= {"factbook", "opengeocode"}, row


def test_tag_table_is_well_formed() -> None:
    preamble, header, rows = _table("tags.tsv")
    assert header == ["tag", "kind", "description", "source"]
    _check_sources(preamble, rows)
    tags = [r["tag"] for r in rows]
    assert len(tags) == len(set(tags))
    fips = {r["code"] for r in _table("fips10_4.tsv")[2]}
    assert not set(tags) & fips, "a two-letter tag is geographic: no clash with FIPS 10-4"
    pattern = {
        "subject": r"[A-JL-Z][A-Z]{3}",  # K-prefixed four-letter tags are program tags
        "program": r"K[A-Z]{3}",
        "organization": r"[A-Z0-9][A-Z0-9&/-]*",
    }
    for row in rows:
        assert row["kind"] in pattern, row
        assert re.fullmatch(pattern[row["kind"]], row["tag"]), row
    kinds = {r["tag"]: r["kind"] for r in rows}
    for tag in ("PREL", "PGOV", "PARM", "PTER", "ECON", "ETRD", "MARR", "MASS", "MCAP", "MOPS"):
        assert kinds[tag] == "subject"
    for tag in ("MTCRE", "NATO", "UN", "UNSC", "IAEA", "EUN", "OSCE"):
        assert kinds[tag] == "organization"
    assert kinds["KNNP"] == "program"
    assert kinds["AORC"] == "subject"  # International Organizations and Conferences


@pytest.mark.parametrize("tag", ["OCON", "OEXC", "OREP", "OTRA", "OVIP"])
def test_operational_tags_carry_the_name_of_the_person(tag: str) -> None:
    notes = Notes()
    tags = parse_tags(f"{tag} SMITH JOHN PREL SP", notes)
    assert [(t.tag, t.kind) for t in tags] == [
        (tag, TagKind.SUBJECT),
        ("SMITH, JOHN", TagKind.PERSON),
        ("PREL", TagKind.SUBJECT),
        ("SP", TagKind.GEOGRAPHIC),
    ]
    assert notes.warnings == []


def test_person_tag_wrapped_inside_its_brackets_is_one_person() -> None:
    notes = Notes()
    tags = parse_tags("PREL OVIP (CLINTON,\n HILLARY) SP", notes)
    assert [(t.tag, t.kind) for t in tags] == [
        ("PREL", TagKind.SUBJECT),
        ("OVIP", TagKind.SUBJECT),
        ("CLINTON, HILLARY", TagKind.PERSON),
        ("SP", TagKind.GEOGRAPHIC),
    ]
    assert notes.warnings == []


def test_unclosed_bracket_does_not_swallow_the_next_line() -> None:
    tags = parse_tags("PREL (CLINTON PGOV\nSP", Notes())
    assert "SP" not in {t.tag for t in tags if t.kind is TagKind.PERSON}
