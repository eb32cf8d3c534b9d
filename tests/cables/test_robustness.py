"""The parser's promise: any input gives a record (with warnings), never an exception.

A corpus run over 250,000 cables must not stop on one broken record, so
``parse_raw`` is fed arbitrary text in every form, the seed is cut short at
many points, files of arbitrary bytes go through the whole pipeline, and a
CSV with a corrupt row must still yield every good row.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interdict.cables.parse import parse_raw
from interdict.cables.pipeline import parse_paths
from interdict.cables.record import Cable
from interdict.cables.sources.bare import read_bare
from interdict.cables.sources.csv_form import read_csv
from interdict.cables.sources.html_form import read_html
from interdict.cables.sources.plain import read_plain
from interdict.cables.sources.raw import BadRecord, RawCable

SEED_TEXT = (files("interdict.data") / "cables" / "09STATE29395.txt").read_text(encoding="utf-8")
ROUNDTRIP = Path(__file__).parent / "fixtures" / "roundtrip"

# Lines and pieces of real telegrams, so that generated text reaches the field
# parsers instead of being rejected at the first line.
FRAGMENTS = [
    "VZCZCXYZ0006",
    "VV XYZ001",
    "PP RUEHWEB",
    "OO RUEHBC RUEHDE",
    "RUEHROV RUEHTRO",
    "DE RUEHC #9395 0852103",
    "DE RUEHTRO #0284/01 0041825",
    "DE RUEHC #99 999",
    "ZNY SSSSS ZZH",
    "ZNR UUUUU",
    "ZNY QQQQQ",
    "P 262046Z MAR 09",
    "O P 180800Z MAR 08 ZDS",
    "R 061520Z JAN 76",
    "P 999999Z XYZ 09",
    "FM SECSTATE WASHDC",
    "TO AMEMBASSY MADRID PRIORITY 0000",
    "TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742",
    "INFO MISSILE TECHNOLOGY CONTROL REGIME COLLECTIVE PRIORITYS E C R E T STATE 029395",
    "INFO LOG-00 EEB-00 /038 W",
    "XMT AMEMBASSY BEIJING",
    "PAGE 01  PRETOR 04668  01 OF 02  061602Z",
    "CONFIDENTIAL",
    "LIMITED OFFICIAL USE",
    "S E C R E T STATE 029395",
    "C O N F I D E N T I A L SECTION 01 OF 02 TRIPOLI 000402",
    "UNCLAS SENSITIVE ROME 001234",
    "STATE 00000284 002 OF 002",
    "SIPDIS",
    "NOFORN",
    "E.O. 12958: DECL: 03/26/2034",
    "E.O. 12958: DECL: 02/30/2034",
    "E.O. 99999: DECL: OADR",
    "E.O.",
    "TAGS: PARM MTCRE PREL TW IR SP",
    "TAGS: PRELPGOVSP OVIP (CLINTON, HILLARY",
    "SUBJECT: MACHINE TOOLS",
    "REF: A. MADRID 000088 B. 08 MADRID 000979 C. EMAIL D. 231545Z MAR 09",
    "REF: A. B. C.",
    "Classified By: ISN/MTR DIRECTOR PAM DURHAM REASONS 1.4 (B), (C) AND (D).",
    "Classified By:",
    "¶1. (U) This is an action request.",
    "5. (S) Begin talking points:",
    "(SECRET REL SPAIN)",
    "(C/REL LIBYA)",
    "(S/NF)",
    "1. (",
    "999. (TS) x",
    "-- bullet",
    "End talking points",
    "CLINTON",
    "BT",
    "NNNN",
    "#9395",
    "",
    " ",
    "\t",
]

cable_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=30).map(
    "\n".join
)
any_text = st.one_of(st.text(max_size=400), cable_like)
maybe_text = st.one_of(st.none(), st.text(max_size=40), st.sampled_from(FRAGMENTS))
maybe_date = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
)
metadata_ids = st.one_of(
    maybe_text,
    st.sampled_from(
        ["09STATE29395", "08SCTION02OF02SAOPAULO335", "1976PRETOR04668", "00X0", "99Q", "0000"]
    ),
)
metadata_classes = st.one_of(
    maybe_text,
    st.sampled_from(["SECRET//NOFORN", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "//", "SECRET//"]),
)


def assert_sound(cable: Cable | BadRecord | object) -> None:
    """A record, JSON-serialisable and re-readable, whose warnings all say what and where."""
    assert isinstance(cable, Cable), cable
    for warning in cable.warnings:
        assert isinstance(warning.field, str) and warning.field
        assert isinstance(warning.message, str) and warning.message
        assert warning.line is None or warning.line >= 1
    assert Cable.model_validate_json(cable.to_json()) == cable


# -- parse_raw on every form ---------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    text=any_text,
    reference_id=metadata_ids,
    created=maybe_date,
    classification=metadata_classes,
    origin=maybe_text,
    line_offset=st.integers(min_value=0, max_value=5),
)
def test_plain_raw_cables_never_raise(
    text: str,
    reference_id: str | None,
    created: datetime | None,
    classification: str | None,
    origin: str | None,
    line_offset: int,
) -> None:
    raw = RawCable(
        source="gen:1",
        form="plain",
        text=text,
        reference_id=reference_id,
        created=created,
        classification=classification,
        origin=origin,
        line_offset=line_offset,
    )
    assert_sound(parse_raw(raw))


@settings(max_examples=300, deadline=None)
@given(
    header=st.one_of(st.none(), any_text),
    body=st.one_of(st.none(), any_text),
    reference_id=metadata_ids,
    created=maybe_date,
    classification=metadata_classes,
    form=st.sampled_from(["csv", "html"]),
    line_offset=st.integers(min_value=0, max_value=50),
    body_line_offset=st.one_of(st.none(), st.integers(min_value=0, max_value=50)),
)
def test_container_raw_cables_never_raise(
    header: str | None,
    body: str | None,
    reference_id: str | None,
    created: datetime | None,
    classification: str | None,
    form: str,
    line_offset: int,
    body_line_offset: int | None,
) -> None:
    raw = RawCable(
        source="gen:row 1 (line 1)",
        form=form,
        header=header,
        body=body,
        reference_id=reference_id,
        created=created,
        classification=classification,
        line_offset=line_offset,
        body_line_offset=body_line_offset,
    )
    assert_sound(parse_raw(raw))


@settings(max_examples=300, deadline=None)
@given(text=any_text)
def test_bare_raw_cables_never_raise(text: str) -> None:
    cable = parse_raw(read_bare(text, "gen"))
    assert_sound(cable)
    assert cable.form == "bare"


@settings(max_examples=200, deadline=None)
@given(text=any_text)
def test_reader_output_of_any_text_never_raises(text: str) -> None:
    """The readers' own output for arbitrary text, in each single-cable form."""
    assert_sound(parse_raw(read_plain(text, "gen")))
    page = read_html(text, "gen")
    if isinstance(page, RawCable):
        assert_sound(parse_raw(page))
    for record in read_csv(text.splitlines(keepends=True), "gen"):
        if isinstance(record, RawCable):
            assert_sound(parse_raw(record))
        else:
            assert record.reason


def test_empty_raw_cable_is_a_record_with_warnings() -> None:
    cable = parse_raw(RawCable(source="empty:1", form="bare", text=""))
    assert_sound(cable)
    assert cable.reference_id is None
    assert [w.field for w in cable.warnings] == ["created"]


# -- arbitrary bytes through the whole pipeline -----------------------------------


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        cable_like.map(lambda text: text.encode("utf-8")),
        st.text(max_size=300).map(lambda text: text.encode("utf-16")),
    ),
    name=st.sampled_from(["x.txt", "x.csv", "x.html", "x", "x.csv.gz"]),
)
def test_arbitrary_bytes_in_any_file_form_never_raise(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / name
        if name.endswith(".gz"):
            import gzip

            path.write_bytes(gzip.compress(data))
        else:
            path.write_bytes(data)
        for record in parse_paths([path]):
            if isinstance(record, BadRecord):
                assert record.source.startswith(str(path))
                assert record.reason
            else:
                assert_sound(record)


# -- the seed, cut short -------------------------------------------------------------


def test_truncated_seed_never_raises() -> None:
    cuts = range(0, len(SEED_TEXT) + 1, 97)
    assert len(cuts) > 40
    for cut in cuts:
        text = SEED_TEXT[:cut]
        for raw in (read_plain(text, "seed"), read_bare(text, "seed")):
            cable = parse_raw(raw)
            assert_sound(cable)


def test_truncated_seed_keeps_what_it_has() -> None:
    # Cut inside paragraph 3: the header and preamble are whole.
    cut = SEED_TEXT.index("Shahid Hemmat")
    cable = parse_raw(read_plain(SEED_TEXT[:cut], "seed"))
    assert cable.reference_id == "09STATE29395"
    assert cable.dtg is not None and cable.dtg.text == "262046Z MAR 09"
    assert cable.eo is not None and cable.eo.order == "12958"
    assert [p.number for p in cable.paragraphs] == ["1", "2", "3"]


def test_truncated_csv_never_raises() -> None:
    text = (ROUNDTRIP / "09BERLIN1500.csv").read_text(encoding="utf-8")
    for cut in range(0, len(text) + 1, 97):
        for record in read_csv(text[:cut].splitlines(keepends=True), "cut.csv"):
            if isinstance(record, RawCable):
                assert_sound(parse_raw(record))
            else:
                assert record.source.startswith("cut.csv:row ")


# -- CSV with a corrupt row between good rows -------------------------------------------


def csv_field(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def good_row(number: int) -> str:
    header = "\n".join(
        [
            "VZCZCXYZ0006",
            "PP RUEHWEB",
            f"DE RUEHC #{number:04d} 0852103",
            "ZNY SSSSS ZZH",
            "P 262046Z MAR 09",
            "FM SECSTATE WASHDC",
            "TO AMEMBASSY MADRID PRIORITY 0000",
        ]
    )
    body = f'S E C R E T STATE {number:06d}\n\n1. (S) Text with a "quote".\nCLINTON'
    fields = [
        str(number),
        "3/26/2009 20:46",
        f"09STATE{number}",
        "Secretary of State",
        "SECRET",
        "",
        header,
        body,
    ]
    return ",".join(csv_field(f) for f in fields) + "\n"


CORRUPT_ROW = '"99","3/26/2009 20:46","09STATE99","Secretary of State"\n'


@settings(max_examples=40, deadline=None)
@given(
    good=st.integers(min_value=2, max_value=6),
    data=st.data(),
)
def test_csv_with_one_corrupt_row_yields_all_good_records(good: int, data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=1, max_value=good - 1), label="corrupt after")
    numbers = list(range(101, 101 + good))
    rows = [good_row(n) for n in numbers]
    rows.insert(position, CORRUPT_ROW)
    corrupt_line = 1 + sum(row.count("\n") for row in rows[:position])
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "cables.csv"
        path.write_text("".join(rows), encoding="utf-8")
        records = list(parse_paths([path]))

    cables = [r for r in records if isinstance(r, Cable)]
    bad = [r for r in records if isinstance(r, BadRecord)]
    assert [c.reference_id for c in cables] == [f"09STATE{n}" for n in numbers]
    assert all(c.warnings == [] for c in cables)
    assert all(c.paragraphs[0].text == 'Text with a "quote".' for c in cables)
    assert len(bad) == 1
    assert bad[0].source == f"{path}:row {position + 1} (line {corrupt_line})"
    assert "8 fields" in bad[0].reason and "found 4" in bad[0].reason
    # Order is kept: the bad record sits where its row was.
    assert isinstance(records[position], BadRecord)
