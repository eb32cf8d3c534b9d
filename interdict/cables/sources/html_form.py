"""Cablegate / WikiLeaks cable pages: one cable per HTML page.

A page (``cable/YYYY/MM/<ID>.html``) carries the cable three times over:
an ``<h3>Viewing cable <ID>, <SUBJECT></h3>`` title, a ``<table
class='cable'>`` with Reference ID | Created | Released | Classification |
Origin, and two ``<pre>`` blocks, header then body.  Inside the blocks
newlines are often written ``&#x000A;`` and TAGS and other words are
``<a>`` links; undoing that (text kept, markup dropped) is this reader's
whole job.

The stdlib ``html.parser`` is used instead of regular expressions because
the pages come from several mirrors whose quoting, attribute order and
whitespace differ, and it is tolerant of the broken markup some of them
have; it needs no new dependency.

Metadata is read from link *text*, never from attributes: on the original
site the ``title`` of the classification link does not match the level it
shows (``title='unclassified'`` on ``CONFIDENTIAL``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from interdict.cables.sources.raw import BadRecord, RawCable

_TITLE = re.compile(r"Viewing cable\s+(?P<id>[^\s,]+)\s*,?\s*(?P<subject>.*)")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\s+(\d{1,2}):(\d{2})")

# Column names of the metadata table, as the site prints them (lower-cased),
# and the order they have when a mirror leaves out the <th> row.
_COLUMNS = ("reference id", "created", "released", "classification", "origin")


def parse_html_date(value: str) -> datetime | None:
    """Read a table date (``YYYY-MM-DD HH:MM``, taken as UTC), or ``None``."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return None
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=UTC)
    except ValueError:
        return None


class _CablePage(HTMLParser):
    """Collects the title, the cells of the ``cable`` table and the ``<pre>`` texts.

    End tags that HTML lets authors omit (``</td>``, ``</tr>``) are closed
    implicitly, and a block left open at the end of the page still counts,
    so a sloppy or truncated mirror page still gives whole cells and text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.found_table = False
        self.rows: list[tuple[bool, list[str]]] = []  # (all <th>, cell texts)
        self.pres: list[str] = []
        self._h3: list[str] | None = None
        self._table_depth = 0
        self._row: list[str] | None = None
        self._row_header = True
        self._cell: list[str] | None = None
        self._pre: list[str] | None = None
        self._pre_depth = 0

    # -- table -------------------------------------------------------------
    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row:
            self.rows.append((self._row_header, self._row))
        self._row = None

    # -- pre ---------------------------------------------------------------
    def _end_pre(self) -> None:
        if self._pre is not None:
            text = "".join(self._pre)
            # HTML drops a newline that directly follows <pre>; so do we, so
            # that line 1 of the block is the first line a browser shows.
            self.pres.append(text.removeprefix("\n"))
        self._pre = None
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            if self._pre is None:
                self._pre = []
            self._pre_depth += 1
        elif tag == "br" and self._pre is not None:
            self._pre.append("\n")
        elif tag == "h3":
            self._h3 = []
        elif tag == "table":
            if self._table_depth:
                self._table_depth += 1
            elif not self.found_table and "cable" in (dict(attrs).get("class") or "").split():
                self.found_table = True
                self._table_depth = 1
        elif self._table_depth == 1:
            if tag == "tr":
                self._end_row()
                self._row, self._row_header = [], True
            elif tag in ("td", "th"):
                self._end_cell()
                if self._row is None:
                    self._row, self._row_header = [], True
                self._cell = []
                self._row_header = self._row_header and tag == "th"

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre is not None:
            self._pre_depth -= 1
            if self._pre_depth <= 0:
                self._end_pre()
        elif tag == "h3" and self._h3 is not None:
            text = " ".join("".join(self._h3).split())
            if self.title is None and _TITLE.match(text):
                self.title = text
            self._h3 = None
        elif tag == "table" and self._table_depth:
            self._table_depth -= 1
            if not self._table_depth:
                self._end_row()
        elif self._table_depth == 1:
            if tag in ("td", "th"):
                self._end_cell()
            elif tag == "tr":
                self._end_row()

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre.append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._h3 is not None:
            self._h3.append(data)

    def close(self) -> None:
        super().close()
        self._end_row()
        self._end_pre()


def _metadata(rows: list[tuple[bool, list[str]]]) -> dict[str, str]:
    names: list[str] | None = None
    for is_header, cells in rows:
        if is_header:
            names = names or [cell.lower() for cell in cells]
            continue
        return {name: value for name, value in zip(names or _COLUMNS, cells, strict=False) if value}
    return {}


def read_html(text: str, path: str) -> RawCable | BadRecord:
    """Read one cable page; a page without table and ``<pre>`` is a ``BadRecord``.

    The subject comes from the ``<h3>`` title, which Cablegate filled from
    the cable's SUBJECT line (often empty); the parser prefers the body's.

    With a single ``<pre>`` the page is a partial extract and the block is
    the body (``header`` stays ``None``).  Should a page hold more than two,
    the first is the header and the rest, joined, the body, so that no
    cable text is dropped silently.
    """
    source = f"{path}:1"
    page = _CablePage()
    try:
        page.feed(text)
        page.close()
    except AssertionError as exc:
        # html.parser signals some malformed declarations (``<![ x``) this
        # way; the page is damaged beyond a faithful reading.
        return BadRecord(source, f"malformed HTML: {exc}")
    if not page.found_table and not page.pres:
        return BadRecord(source, "no cable table and no <pre> block: not a cable page")
    meta = _metadata(page.rows)
    title = _TITLE.match(page.title) if page.title is not None else None
    reference_id = meta.get("reference id") or (title["id"] if title else None)
    header: str | None = None
    body: str | None = None
    if len(page.pres) == 1:
        body = page.pres[0]
    elif page.pres:
        header = page.pres[0]
        body = "\n".join(page.pres[1:])
    created = meta.get("created")
    released = meta.get("released")
    return RawCable(
        source=source,
        form="html",
        header=header,
        body=body,
        reference_id=reference_id,
        created=parse_html_date(created) if created else None,
        released=parse_html_date(released) if released else None,
        classification=meta.get("classification"),
        origin=meta.get("origin"),
        subject=(title["subject"] or None) if title else None,
    )
