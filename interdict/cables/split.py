"""Cut a telegram into its transmission header and its body.

The banner is the boundary.  When it has been glued onto the last address
line (``... COLLECTIVE PRIORITYS E C R E T STATE 029395``) the line is cut
inside, so the header keeps ``PRIORITY`` and the body starts with the banner.
Partial extracts have no header at all; a header with no banner ends at the
first line that no header module recognises.  NARA-style telegrams open with
a ``PAGE 01 ...`` page header (under a line with the page's classification)
instead of a transmission id; that counts as the start of a header too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.cables.body.banner import CAPTIONS, find_banner
from interdict.cables.header.de_line import is_de_line
from interdict.cables.header.dtg import is_dtg_line
from interdict.cables.header.routing import parse_routing
from interdict.cables.header.security_line import is_security_line
from interdict.cables.header.transmission import is_transmission_line

_ADDRESS = re.compile(r"^(?:FM|TO|INFO|XMT|BT|NNNN)\b")
# NARA-style telegrams (1970s) have no transmission id: the text opens with a
# page header such as ``PAGE 01  PRETOR 04668  01 OF 02  061602Z`` followed by
# the Department's distribution lines, and only then the DTG and addresses.
_PAGE_HEADER = re.compile(r"^PAGE\s+\d{1,3}\s+[A-Z]")
# ... and often print the page's classification on a line of its own above it.
_LONE_LEVEL = re.compile(
    r"(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|LIMITED OFFICIAL USE)(?://[A-Z /]+)?"
)
_UPPER_LINE = re.compile(r"^[A-Z0-9 /.,&'()#-]+$")


@dataclass(slots=True)
class Split:
    header: list[tuple[int, str]]
    body: str
    body_first_line: int


def _is_header_line(line: str) -> bool:
    text = line.strip()
    return bool(
        is_transmission_line(text)
        or is_de_line(text)
        or is_security_line(text)
        or is_dtg_line(text)
        or _ADDRESS.match(text)
        or _PAGE_HEADER.match(text)
        or parse_routing(text) is not None
    )


def _numbered(text: str, first_line: int) -> list[tuple[int, str]]:
    return [(first_line + i, line) for i, line in enumerate(text.split("\n"))]


def split_telegram(text: str, first_line: int = 1) -> Split:
    """Split a whole telegram; ``first_line`` is the number of its first line in the file."""
    lines = text.split("\n")
    head_index = _next_text_line(lines, 0)
    page_marking = None
    if head_index is not None and _LONE_LEVEL.fullmatch(lines[head_index].strip()):
        following = _next_text_line(lines, head_index + 1)
        if following is not None and _PAGE_HEADER.match(lines[following].strip()):
            page_marking, head_index = head_index, following
    if head_index is None or not _is_header_line(lines[head_index]):
        return Split(header=[], body=text, body_first_line=first_line)
    banner = find_banner(text[:20000])
    if banner is not None:
        header_text = text[: banner.start]
        header = _numbered(header_text.rstrip("\n"), first_line)
        if page_marking is not None and page_marking < len(header):
            # The page's classification line is page furniture, not a header line.
            header[page_marking] = (first_line + page_marking, "")
        return Split(
            header=header,
            body=text[banner.start :],
            body_first_line=first_line + header_text.count("\n"),
        )
    end = head_index
    while end < len(lines):
        line = lines[end].strip()
        if line and (line in CAPTIONS or not (_is_header_line(line) or _UPPER_LINE.match(line))):
            break
        if not line and end > head_index and _looks_body(lines, end):
            break
        end += 1
    return Split(
        header=[(first_line + i, "" if i == page_marking else lines[i]) for i in range(end)],
        body="\n".join(lines[end:]),
        body_first_line=first_line + end,
    )


def _next_text_line(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _looks_body(lines: list[str], blank: int) -> bool:
    """A blank line ends the header unless a header line follows it."""
    following = next((line for line in lines[blank + 1 :] if line.strip()), "")
    return not _is_header_line(following)


def split_container(
    header: str, body: str, first_line: int = 1, body_first_line: int | None = None
) -> Split:
    """Forms that already separate header and body may still glue the banner to the header.

    ``body_first_line`` is the file line of the body's first line when the
    container knows it (CSV); otherwise the body is numbered from the line
    after the header.  A banner moved out of the header starts the body on
    its own header line.
    """
    banner = find_banner(header)
    if banner is not None:
        body = header[banner.start :] + "\n" + body
        header = header[: banner.start]
        body_first_line = first_line + header.count("\n")
    lines = _numbered(header.rstrip("\n"), first_line) if header.strip() else []
    if body_first_line is None:
        body_first_line = first_line + header.count("\n") + 1
    return Split(header=lines, body=body, body_first_line=body_first_line)
