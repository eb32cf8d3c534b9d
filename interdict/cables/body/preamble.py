"""The fields between the banner and the first paragraph.

E.O., TAGS, SUBJECT, REF and ``Classified By`` appear in a loose order, one
per line in wrapped copies but run together on one line in the WikiLeaks
renderings (``SIPDIS E.O. 12958: DECL: 01/04/2020 TAGS: MASS MARR``).  Each
field is therefore cut from its keyword to the next keyword or blank line,
never by line position, so both renderings give the same fields.  What lies
outside every field is scanned for captions and caveats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interdict.cables.body.banner import CAPTIONS

_KEYWORDS = re.compile(
    r"(?P<eo>\bE\.?\s?O\.?\s?(?=\d{5}))"
    r"|(?P<tags>\bTAGS?\s*:)"
    r"|(?P<subject>\bSUBJ(?:ECT)?\s*:)"
    r"|(?P<ref>\b(?:REF(?:TEL)?S?|REFERENCES?)\s*:)"
    r"|(?P<classified_by>\bCLASSIFIED\s+BY\s*:?)",
    re.IGNORECASE,
)
_BLANK = re.compile(r"\n[ \t]*\n")
_CAVEAT = re.compile(
    r"(?<![A-Z])(?P<word>NOFORN|NOCONTRACT|ORCON|SENSITIVE|REL\s+TO\s+[A-Z]{2,3}(?:\s*,\s*[A-Z]{2,3})*|"
    + "|".join(CAPTIONS)
    + r")(?![A-Z])"
)


@dataclass(slots=True)
class Field:
    name: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Preamble:
    fields: list[Field] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)

    def first(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def read_preamble(text: str) -> Preamble:
    """Cut ``text`` (banner already removed, paragraphs not included) into its fields."""
    preamble = Preamble()
    hits = [
        (m.start(), m.end(), m.lastgroup or "")
        for m in _KEYWORDS.finditer(text)
        if m.lastgroup is not None
    ]
    loose: list[str] = []
    cursor = 0
    for index, (start, end, name) in enumerate(hits):
        if start < cursor:
            continue
        loose.append(text[cursor:start])
        limit = hits[index + 1][0] if index + 1 < len(hits) else len(text)
        stop = _field_end(text, end, limit, name)
        value = text[end:stop] if name != "eo" else text[start:stop]
        preamble.fields.append(Field(name=name, text=value.strip(), start=start, end=stop))
        cursor = stop
    loose.append(text[cursor:])
    for chunk in loose:
        for match in _CAVEAT.finditer(chunk):
            word = " ".join(match.group("word").split())
            bucket = preamble.captions if word in CAPTIONS else preamble.caveats
            if word not in bucket:
                bucket.append(word)
    return preamble


def _field_end(text: str, start: int, limit: int, name: str) -> int:
    """A field runs to the next keyword, or to a blank line for fields that never span one."""
    blank = _BLANK.search(text, start, limit)
    if blank is None:
        return limit
    if name == "ref" and _continues_ref(text, blank.end(), limit):
        return limit
    return blank.start()


_REF_ITEM = re.compile(r"[ \t]*(?:\(?[B-Z][.):]|\d{2}\s+[A-Z]+\s+\d+)")


def _continues_ref(text: str, pos: int, limit: int) -> bool:
    """Some REF lists leave a blank line between lettered items; keep them together."""
    return pos < limit and _REF_ITEM.match(text, pos) is not None
