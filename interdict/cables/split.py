"""Cut a telegram into its transmission header and its body.

The banner is the boundary.  When it has been glued onto the last address
line (``... COLLECTIVE PRIORITYS E C R E T STATE 029395``) the line is cut
inside, so the header keeps ``PRIORITY`` and the body starts with the banner.
Partial extracts have no header at all; a header with no banner ends at the
first line that no header module recognises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interdict.cables.body.banner import find_banner
from interdict.cables.header.de_line import is_de_line
from interdict.cables.header.dtg import is_dtg_line
from interdict.cables.header.routing import parse_routing
from interdict.cables.header.security_line import is_security_line
from interdict.cables.header.transmission import is_transmission_line

_ADDRESS = re.compile(r"^(?:FM|TO|INFO|XMT|BT|NNNN)\b")
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
        or parse_routing(text) is not None
    )


def _numbered(text: str, first_line: int) -> list[tuple[int, str]]:
    return [(first_line + i, line) for i, line in enumerate(text.split("\n"))]


def split_telegram(text: str, first_line: int = 1) -> Split:
    """Split a whole telegram; ``first_line`` is the number of its first line in the file."""
    lines = text.split("\n")
    head_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if head_index is None or not _is_header_line(lines[head_index]):
        return Split(header=[], body=text, body_first_line=first_line)
    banner = find_banner(text[:20000])
    if banner is not None:
        header_text = text[: banner.start]
        return Split(
            header=_numbered(header_text.rstrip("\n"), first_line),
            body=text[banner.start :],
            body_first_line=first_line + header_text.count("\n"),
        )
    end = head_index
    while end < len(lines):
        line = lines[end].strip()
        if line and not (_is_header_line(line) or _UPPER_LINE.match(line)):
            break
        if not line and end > head_index and _looks_body(lines, end):
            break
        end += 1
    return Split(
        header=[(first_line + i, lines[i]) for i in range(end)],
        body="\n".join(lines[end:]),
        body_first_line=first_line + end,
    )


def _looks_body(lines: list[str], blank: int) -> bool:
    """A blank line ends the header unless a header line follows it."""
    following = next((line for line in lines[blank + 1 :] if line.strip()), "")
    return not _is_header_line(following)


def split_container(header: str, body: str, first_line: int = 1) -> Split:
    """Forms that already separate header and body may still glue the banner to the header."""
    banner = find_banner(header)
    if banner is not None:
        body = header[banner.start :] + "\n" + body
        header = header[: banner.start]
    lines = _numbered(header.rstrip("\n"), first_line) if header.strip() else []
    return Split(header=lines, body=body, body_first_line=first_line + header.count("\n") + 1)
