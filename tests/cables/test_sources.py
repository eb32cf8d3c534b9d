"""Source readers: each container form is undone faithfully and nothing raises."""

from __future__ import annotations

import csv
import gzip
import io
import os
import shutil
from collections.abc import Generator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interdict.cables.sources import csv_form
from interdict.cables.sources.bare import read_bare
from interdict.cables.sources.csv_form import parse_csv_date, read_csv
from interdict.cables.sources.html_form import read_html
from interdict.cables.sources.plain import looks_plain, parse_plain_date, read_plain
from interdict.cables.sources.raw import BadRecord, RawCable
from interdict.cables.sources.walk import iter_raw

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SEED = FIXTURES / "09STATE29395.txt"
CABLES_CSV = FIXTURES / "cables.csv"
HTML_PAGE = FIXTURES / "10STATE284.html"
BARE = FIXTURES / "bare_telegram.txt"
PARTIAL = FIXTURES / "partial_extract.txt"


def one(path: Path) -> RawCable | BadRecord:
    records = list(iter_raw([path]))
    assert len(records) == 1, records
    return records[0]


def cable(path: Path) -> RawCable:
    record = one(path)
    assert isinstance(record, RawCable), record
    return record


def bad(path: Path) -> BadRecord:
    record = one(path)
    assert isinstance(record, BadRecord), record
    return record


def csv_row(*fields: str) -> str:
    """One row quoted as the Cablegate dump does it: ``"`` around, ``\\`` escaping."""
    quoted = (f.replace("\\", "\\\\").replace('"', '\\"') for f in fields)
    return ",".join(f'"{f}"' for f in quoted) + "\n"


def good_row(number: int, body: str = "S E C R E T STATE 029395\nCLINTON") -> str:
    return csv_row(
        str(number),
        "3/26/2009 21:03",
        f"09STATE{number}",
        "Secretary of State",
        "SECRET",
        "",
        "H",
        body,
    )


# -- plain ---------------------------------------------------------------------


def test_plain_seed_metadata_and_text() -> None:
    record = cable(SEED)
    assert record.form == "plain"
    assert record.source == f"{SEED}:1"
    assert record.reference_id == "09STATE29395"
    # "Thu Mar 26 00:00:00 +0100 2009": midnight CET is 23:00 UTC the day before.
    assert record.created == datetime(2009, 3, 25, 23, 0, tzinfo=UTC)
    assert record.classification == "SECRET"
    assert record.origin == "Secretary of State"
    assert record.header is None and record.body is None
    assert record.text is not None
    assert record.text.startswith("VZCZCXYZ0006\nPP RUEHWEB\n\nDE RUEHC #9395 0852103\n")
    assert record.text.endswith("CLINTON")
    assert record.line_offset == 5


def test_plain_line_offset_maps_text_lines_to_file_lines() -> None:
    record = cable(SEED)
    assert record.text is not None
    file_lines = SEED.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(record.text.split("\n"), start=1):
        assert file_lines[n + record.line_offset - 1] == line
    de_line = record.text.split("\n").index("DE RUEHC #9395 0852103") + 1
    assert file_lines[de_line + record.line_offset - 1] == "DE RUEHC #9395 0852103"
    assert de_line + record.line_offset == 9


def test_looks_plain() -> None:
    seed_head = SEED.read_text(encoding="utf-8").split("\n")[:3]
    assert looks_plain(seed_head)
    assert looks_plain([line + "\r\n" for line in seed_head])
    assert not looks_plain(BARE.read_text(encoding="utf-8").split("\n")[:3])
    assert not looks_plain(PARTIAL.read_text(encoding="utf-8").split("\n")[:3])
    assert not looks_plain(seed_head[:2])
    assert not looks_plain(["09 STATE 29395", "", seed_head[2]])
    assert not looks_plain(["09STATE29395", "x", seed_head[2]])


def test_plain_dates() -> None:
    assert parse_plain_date("Wed Jul 15 00:00:00 +0200 2009") == datetime(
        2009, 7, 14, 22, 0, tzinfo=UTC
    )
    assert parse_plain_date("Mon Feb 30 00:00:00 +0100 2009") is None
    assert parse_plain_date("Thu Foo 26 00:00:00 +0100 2009") is None
    assert parse_plain_date("2009-03-26") is None


def test_plain_with_damaged_date_keeps_its_metadata() -> None:
    text = "08MADRID979\n\nMon Feb 30 00:00:00 +0100 2008\nSECRET\nEmbassy Madrid\nTELEGRAM"
    assert looks_plain(text.split("\n")[:3])
    record = read_plain(text, "x.txt")
    assert record.created is None
    assert record.reference_id == "08MADRID979"
    assert record.origin == "Embassy Madrid"
    assert record.text == "TELEGRAM"


def test_plain_cut_short_in_the_preamble() -> None:
    record = read_plain("08MADRID979\n\nThu Mar 26 00:00:00 +0100 2009\nSECRET", "x.txt")
    assert record.text == ""
    assert record.classification == "SECRET"
    assert record.origin is None
    assert record.line_offset == 4


# -- bare ----------------------------------------------------------------------


def test_bare_telegram_is_passed_through_unchanged() -> None:
    record = cable(BARE)
    assert record.form == "bare"
    assert record.source == f"{BARE}:1"
    assert record.text == BARE.read_text(encoding="utf-8")
    assert record.reference_id is None and record.created is None
    assert record.line_offset == 0


def test_headerless_partial_extract_is_bare() -> None:
    record = cable(PARTIAL)
    assert record.form == "bare"
    assert record.text is not None
    assert record.text.startswith("C O N F I D E N T I A L SECTION 01 OF 02 STATE 000284\n")


def test_read_bare_direct() -> None:
    assert read_bare("a\nb", "p") == RawCable(source="p:1", form="bare", text="a\nb")


# -- csv -----------------------------------------------------------------------


def test_csv_fixture_rows_and_bad_row_in_between() -> None:
    records = list(iter_raw([CABLES_CSV]))
    assert [type(r) for r in records] == [RawCable, BadRecord, RawCable, RawCable]
    first, wrong, third, fourth = records
    assert isinstance(first, RawCable)
    assert isinstance(wrong, BadRecord)
    assert isinstance(third, RawCable)
    assert isinstance(fourth, RawCable)

    assert first.source == f"{CABLES_CSV}:row 1 (line 1)"
    assert first.form == "csv"
    assert first.text is None
    assert first.reference_id == "09STATE29395"
    assert first.created == datetime(2009, 3, 26, 21, 3, tzinfo=UTC)
    assert first.origin == "Secretary of State"
    assert first.classification == "SECRET"
    assert first.references == ["09MADRID88", "08MADRID979", "08STATE81940"]
    assert first.header is not None and first.body is not None
    assert first.header.split("\n")[0] == "VZCZCXYZ0006"  # embedded newlines kept
    assert first.header.endswith("TO AMEMBASSY MADRID PRIORITY 0000")
    assert 'SUBJECT: MACHINE TOOLS FROM "MAQUINARIA CME"\n' in first.body  # \" unescaped
    assert first.body.endswith("CLINTON")

    assert wrong.source == f"{CABLES_CSV}:row 2 (line 15)"
    assert wrong.reason == "expected 8 fields, found 7"

    assert third.source == f"{CABLES_CSV}:row 3 (line 16)"
    assert third.reference_id == "10STATE284"
    assert third.references == []

    assert fourth.source == f"{CABLES_CSV}:row 4 (line 26)"
    assert fourth.reference_id == "10MADRID200"
    assert fourth.created == datetime(2010, 2, 28, 9, 5, tzinfo=UTC)
    assert fourth.header == ""  # partial extract: the dump has an empty header
    assert fourth.body is not None and fourth.body.startswith("UNCLAS MADRID 000200\n")


def test_csv_field_larger_than_the_default_limit(tmp_path: Path) -> None:
    # Python's own default limit is 128 KiB, so go well past it.
    body = "S E C R E T STATE 029395\n" + "\n".join(["X" * 99] * 3000)
    assert len(body) > 250_000
    path = tmp_path / "cables.csv"
    path.write_text(good_row(1) + good_row(2, body) + good_row(3), encoding="utf-8")
    records = list(iter_raw([path]))
    assert all(isinstance(r, RawCable) for r in records)
    assert [r.body for r in records if isinstance(r, RawCable)][1] == body
    # Row 1 takes lines 1-2 and row 2 starts on line 3.
    assert records[2].source == f"{path}:row 3 (line {4 + body.count(chr(10))})"


def test_csv_header_row_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    header = csv_row(
        "id", "date", "refid", "origin", "classification", "references", "header", "body"
    )
    path.write_text(header + good_row(1), encoding="utf-8")
    record = cable(path)
    assert record.reference_id == "09STATE1"
    assert record.source == f"{path}:row 2 (line 2)"


def test_csv_bom_does_not_hide_the_first_row(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_bytes(b"\xef\xbb\xbf" + good_row(1).encode())
    assert cable(path).reference_id == "09STATE1"


def test_csv_bad_date_keeps_the_row(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_text(
        csv_row("1", "13/45/2009 99:99", "09STATE1", "Secretary of State", "SECRET", "", "", "B"),
        encoding="utf-8",
    )
    record = cable(path)
    assert record.created is None
    assert record.reference_id == "09STATE1"
    assert parse_csv_date("12/28/1966 18:48") == datetime(1966, 12, 28, 18, 48, tzinfo=UTC)
    assert parse_csv_date("") is None
    assert parse_csv_date("2009-03-26 21:03") is None


def test_csv_crlf_inside_fields_becomes_lf(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_bytes(good_row(1, "LINE ONE\nLINE TWO").replace("\n", "\r\n").encode())
    assert cable(path).body == "LINE ONE\nLINE TWO"


def test_csv_error_is_reported_and_reading_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Shrink the limit so that an oversized field raises csv.Error in the middle.
    monkeypatch.setattr(csv_form, "FIELD_LIMIT", 1000)
    previous = csv.field_size_limit(1000)
    try:
        path = tmp_path / "cables.csv"
        path.write_text(good_row(1) + good_row(2, "Y" * 5000) + good_row(3), encoding="utf-8")
        records = list(iter_raw([path]))
    finally:
        csv.field_size_limit(previous)
    assert len(records) == 3
    assert isinstance(records[0], RawCable) and records[0].reference_id == "09STATE1"
    assert isinstance(records[1], BadRecord)
    assert records[1].source == f"{path}:row 2 (line 3)"
    assert records[1].reason.startswith("CSV error: field larger than field limit")
    assert isinstance(records[2], RawCable) and records[2].reference_id == "09STATE3"
    assert records[2].source == f"{path}:row 3 (line 4)"


def test_csv_nul_byte_in_a_row_costs_that_row_alone(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_text(good_row(1) + good_row(2, "BROKEN\0BODY") + good_row(3), encoding="utf-8")
    records = list(iter_raw([path]))
    assert [type(r) for r in records] == [RawCable, BadRecord, RawCable]
    assert isinstance(records[1], BadRecord)
    assert records[1].source == f"{path}:row 2 (line 3)"
    assert records[1].reason == "NUL byte inside the record: corrupt, skipped"


def test_a_csv_that_is_mostly_nul_is_still_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_bytes(good_row(1).encode("utf-16-le"))
    assert bad(path).reason.startswith("binary file")


def test_csv_row_without_its_closing_quote_costs_that_row_alone() -> None:
    broken = good_row(2, "NO CLOSING QUOTE").replace('QUOTE"\n', "QUOTE\n")
    text = good_row(1) + broken + good_row(3) + good_row(4)
    records = list(read_csv(io.StringIO(text, newline=""), "mem.csv"))
    assert [type(r) for r in records] == [RawCable, BadRecord, RawCable, RawCable]
    assert isinstance(records[1], BadRecord) and records[1].source == "mem.csv:row 2 (line 3)"
    assert "reading resumes at line 4" in records[1].reason
    assert [r.reference_id for r in records if isinstance(r, RawCable)] == [
        "09STATE1",
        "09STATE3",
        "09STATE4",
    ]
    third = records[2]
    assert isinstance(third, RawCable) and third.body == "S E C R E T STATE 029395\nCLINTON"


def test_a_truncated_last_record_is_reported() -> None:
    text = good_row(1) + good_row(2)[:30]
    records = list(read_csv(io.StringIO(text, newline=""), "mem.csv"))
    assert [type(r) for r in records] == [RawCable, BadRecord]


def test_csv_reader_is_lazy() -> None:
    lines = "".join(good_row(n) for n in range(1, 1001)).splitlines(keepends=True)
    pulled = 0

    def source() -> Iterator[str]:
        nonlocal pulled
        for line in lines:
            pulled += 1
            yield line

    records = read_csv(source(), "mem.csv")
    assert pulled == 0
    first = next(records)
    assert isinstance(first, RawCable) and first.reference_id == "09STATE1"
    assert pulled < 10 < len(lines)


# -- html ----------------------------------------------------------------------


def test_html_page() -> None:
    record = cable(HTML_PAGE)
    assert record.form == "html"
    assert record.source == f"{HTML_PAGE}:1"
    assert record.text is None
    assert record.reference_id == "10STATE284"
    assert record.created == datetime(2010, 1, 4, 18, 6, tzinfo=UTC)
    assert record.released == datetime(2011, 1, 31, 21, 9, tzinfo=UTC)
    # Link text, not the site's mismatched title attribute ('unclassified').
    assert record.classification == "CONFIDENTIAL"
    assert record.origin == "Secretary of State"
    assert record.subject is None  # the title has an empty subject after the comma
    assert record.header is not None and record.body is not None
    assert record.header.split("\n") == [
        "VZCZCXRO0379",
        "PP RUEHTRO",
        "DE RUEHC #0284/01 0041825",
        "ZNY CCCCC ZZH",
        "P R 041820Z JAN 10",
        "FM SECSTATE WASHDC",
        "TO RUEHTRO/AMEMBASSY TRIPOLI PRIORITY 1742",
        "INFO RHMFISS/JOINT STAFF WASHINGTON DC",
    ]
    assert "TAGS: MASS PARM\n\n¶1.(U) This is an action request;" in record.body
    assert 'para 5 & the "agenda" below.' in record.body
    assert "<a" not in record.body and "&#x" not in record.body
    assert record.body.endswith("\nCLINTON")


def test_html_single_pre_is_the_body() -> None:
    page = (
        "<h3>Viewing cable 08MADRID979, SPAIN: MACHINE TOOLS</h3>"
        "<pre>UNCLAS MADRID 000979&#x000A;&#x000A;1. (U) Text.</pre>"
    )
    record = read_html(page, "p.html")
    assert isinstance(record, RawCable)
    assert record.header is None
    assert record.body == "UNCLAS MADRID 000979\n\n1. (U) Text."
    assert record.reference_id == "08MADRID979"  # from the title, as there is no table
    assert record.subject == "SPAIN: MACHINE TOOLS"


def test_html_sloppy_table_without_end_tags() -> None:
    page = (
        "<table class='wide cable'><tr><td>09STATE1<td>2009-03-26 21:03<td><td>SECRET"
        "<td>Secretary of State</table><pre>H</pre><pre>B</pre>"
    )
    record = read_html(page, "p.html")
    assert isinstance(record, RawCable)
    assert (record.reference_id, record.classification, record.origin) == (
        "09STATE1",
        "SECRET",
        "Secretary of State",
    )
    assert record.created == datetime(2009, 3, 26, 21, 3, tzinfo=UTC)
    assert record.released is None
    assert (record.header, record.body) == ("H", "B")


def test_html_page_that_is_not_a_cable(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<html><h3>Browse by tag</h3><a href='/tag/MASS_0.html'>MASS</a></html>")
    record = bad(path)
    assert record.source == f"{path}:1"
    assert "no cable table" in record.reason


def test_html_parser_assertion_becomes_bad_record() -> None:
    record = read_html("<pre>x</pre><![ x", "p.html")
    assert isinstance(record, BadRecord)
    assert record.reason.startswith("malformed HTML")


# -- walk ----------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    record = bad(path)
    assert record.reason.startswith("binary file")
    assert record.source == str(path)


def test_missing_path_names_the_os_reason(tmp_path: Path) -> None:
    record = bad(tmp_path / "nope.csv")
    assert record.reason == "cannot read: No such file or directory"


def test_undecodable_bytes_are_replaced(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("UNCLAS MADRID 000200\nSE\xd1OR\n".encode("latin-1"))
    assert cable(path).text == "UNCLAS MADRID 000200\nSE\ufffdOR\n"


def test_gzip_files_are_read_transparently(tmp_path: Path) -> None:
    csv_gz = tmp_path / "cables.csv.gz"
    csv_gz.write_bytes(gzip.compress(CABLES_CSV.read_bytes()))
    plain_gz = tmp_path / "09STATE29395.txt.gz"
    plain_gz.write_bytes(gzip.compress(SEED.read_bytes()))

    records = list(iter_raw([csv_gz]))
    assert [type(r) for r in records] == [RawCable, BadRecord, RawCable, RawCable]
    assert records[1].source == f"{csv_gz}:row 2 (line 15)"
    expected = list(iter_raw([CABLES_CSV]))
    assert [getattr(r, "body", None) for r in records] == [
        getattr(r, "body", None) for r in expected
    ]
    plain = cable(plain_gz)
    assert plain.form == "plain" and plain.reference_id == "09STATE29395"


def test_truncated_gzip_csv_reports_the_cut_row(tmp_path: Path) -> None:
    rows = "".join(good_row(n, "BODY " * 200) for n in range(1, 301))
    data = gzip.compress(rows.encode())
    path = tmp_path / "cables.csv.gz"
    path.write_bytes(data[: len(data) // 2])
    records = list(iter_raw([path]))
    assert len(records) > 1
    assert all(isinstance(r, RawCable) for r in records[:-1])
    last = records[-1]
    assert isinstance(last, BadRecord)
    assert "read error" in last.reason
    assert last.source.startswith(f"{path}:row {len(records)} (line ")


def test_not_gzip_at_all(tmp_path: Path) -> None:
    path = tmp_path / "cable.txt.gz"
    path.write_bytes(b"plain text pretending")
    record = bad(path)
    assert "Not a gzipped file" in record.reason


def test_directory_walk_is_recursive_sorted_and_dispatches_by_extension(tmp_path: Path) -> None:
    (tmp_path / "b" / "cable" / "2010" / "01").mkdir(parents=True)
    shutil.copy(HTML_PAGE, tmp_path / "b" / "cable" / "2010" / "01" / "10STATE284.htm")
    shutil.copy(SEED, tmp_path / "a_seed")  # no extension: detected as plain
    shutil.copy(PARTIAL, tmp_path / "c.txt")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    records = list(iter_raw([tmp_path]))
    assert [(r.source, getattr(r, "form", None)) for r in records] == [
        (f"{tmp_path / 'a_seed'}:1", "plain"),
        (f"{tmp_path / 'b' / 'cable' / '2010' / '01' / '10STATE284.htm'}:1", "html"),
        (f"{tmp_path / 'c.txt'}:1", "bare"),
    ]


def test_directory_symlink_loop_is_reported(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    shutil.copy(BARE, tmp_path / "d" / "x.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    records = list(iter_raw([tmp_path / "d"]))
    assert len(records) == 2
    assert isinstance(records[0], BadRecord) and "loop" in records[0].reason
    assert isinstance(records[1], RawCable)


def test_iter_raw_is_lazy(tmp_path: Path) -> None:
    pulled: list[Path] = []

    def paths() -> Iterator[Path]:
        for path in (SEED, BARE, CABLES_CSV):
            pulled.append(path)
            yield path

    records = iter_raw(paths())
    assert pulled == []
    assert isinstance(next(records), RawCable)
    assert pulled == [SEED]
    big = tmp_path / "cables.csv"
    big.write_text("".join(good_row(n) for n in range(1, 5001)), encoding="utf-8")
    rows = iter_raw([big])
    first = next(rows)
    assert isinstance(first, RawCable) and first.reference_id == "09STATE1"
    assert isinstance(rows, Generator)
    rows.close()  # abandoning the reader half-way must be clean


# -- property ------------------------------------------------------------------


# Fragments that steer random input into the readers' interesting states.
FRAGMENTS = [
    '"',
    "\\",
    ",",
    "\n",
    "\r",
    "|",
    "1",
    "3/26/2009 21:03",
    '","',
    "<pre>",
    "</pre>",
    "<table class='cable'>",
    "<tr>",
    "<td>",
    "</td>",
    "<h3>Viewing cable ",
    "<![",
    "<!",
    "&#x000A;",
    "&para;",
    "&#",
    "<a href='x'>",
    "\ufeff",
    "\x85",
    "\u2028",
    "Thu Mar 26 00:00:00 +0100 2009",
    "09STATE29395",
]
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=4), max_size=60).map("".join)
inputs = st.binary(max_size=2048) | texts.map(lambda t: t.encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(data=inputs, suffix=st.sampled_from([".csv", ".html", ".htm", ".txt"]))
def test_arbitrary_bytes_never_raise(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    directory = tmp_path_factory.mktemp("fuzz", numbered=True)
    path = directory / f"input{suffix}"
    path.write_bytes(data)
    compressed = gzip.compress(data)
    whole = directory / f"whole{suffix}.gz"
    whole.write_bytes(compressed)
    cut = directory / f"cut{suffix}.gz"
    cut.write_bytes(compressed[: len(compressed) * 2 // 3])
    fake = directory / f"fake{suffix}.gz"
    fake.write_bytes(data)
    for record in iter_raw([path, whole, cut, fake, directory]):
        assert isinstance(record, RawCable | BadRecord)
        assert record.source.startswith(str(directory))
