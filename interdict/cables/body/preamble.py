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
from interdict.cables.body.tags import opens_tags

# Keywords are found in two steps: a scan for their literal first letters
# (a regex that opens with literals is searched several times faster than
# one opening with ``\b`` or a case-insensitive group), then the full,
# case-insensitive pattern at each candidate.  Without its colon
# "Classified by" is only the field when it opens a line (checked in
# ``_keyword_hits``); mid-line it is prose ("DOCUMENTS CLASSIFIED BY IRAN").
_KEYWORD_PROBE = re.compile(
    r"E\.|EO|E O|TAG|Tag|tag|SUBJ|Subj|subj|REF|Ref|ref|CLASSIFIED|Classified|classified"
)
_KEYWORDS = re.compile(
    r"(?P<eo>E\.?\s?O\.?\s?(?=\d{5}))"
    r"|(?P<tags>TAGS?\s*:|TAGS(?P<tags_bare>\s)(?=\s*(?P<first_tag>[A-Z]{4,6})\b))"
    r"|(?P<subject>SUBJ(?:ECT)?\s*:)"
    r"|(?P<ref>(?:REF(?:\(S\)|TELS?|S)?|REFERENCES?)\s*:)"
    r"|(?P<classified_by>CLASSIFIED\s+BY(?:\s*:|(?P<bare>\b)))",
    re.IGNORECASE,
)
_BLANK = re.compile(r"\n[ \t]*\n")
# No leading look-behind, for the same speed reason: ``_caveat_words``
# checks that a hit does not continue a longer capitalised word.
_CAVEAT = re.compile(
    r"(?P<word>NOFORN|NOCONTRACT|ORCON|SENSITIVE|REL\s+TO\s+[A-Z]{2,3}(?:\s*,\s*[A-Z]{2,3})*|"
    + "|".join(CAPTIONS)
    + r")(?![A-Z])"
)


_ANY_CASE_CAPTION = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(CAPTIONS)})(?![A-Za-z])", re.IGNORECASE)


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
    hits = _keyword_hits(text)
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
        for word in _caveat_words(chunk):
            bucket = preamble.captions if word in CAPTIONS else preamble.caveats
            if word not in bucket:
                bucket.append(word)
    return preamble


def _caveat_words(chunk: str) -> list[str]:
    words: list[str] = []
    for match in _CAVEAT.finditer(chunk):
        start = match.start()
        if start and "A" <= chunk[start - 1] <= "Z":
            continue
        words.append(" ".join(match.group("word").split()))
    # Captions are no English words, so some copies' "Sipdis," is read whatever its case.
    words.extend(
        m.group(0).upper() for m in _ANY_CASE_CAPTION.finditer(chunk) if not m.group(0).isupper()
    )
    return words


def _keyword_hits(text: str) -> list[tuple[int, int, str]]:
    hits: list[tuple[int, int, str]] = []
    end = 0
    for probe in _KEYWORD_PROBE.finditer(text):
        position = probe.start()
        if position < end or (
            position and (text[position - 1].isalnum() or text[position - 1] == "_")
        ):
            continue
        match = _KEYWORDS.match(text, position)
        if match is None:
            continue
        name = match.lastgroup
        if name is None:
            continue
        if match.group("bare") is not None:
            line_start = text.rfind("\n", 0, match.start()) + 1
            if text[line_start : match.start()].strip():
                continue
        if match.group("tags_bare") is not None and not (
            text[position : position + 4] == "TAGS" and opens_tags(match.group("first_tag"))
        ):
            continue  # without its colon, only "TAGS" in capitals before a known tag opens it
        hits.append((match.start(), match.end(), name))
        end = match.end()
    return hits


def _field_end(text: str, start: int, limit: int, name: str) -> int:
    """A field runs to the next keyword, or to a blank line for fields that never span one.

    A REF list may have blank lines between its items; it runs on past each
    one that is followed by another item, and stops at the first that is not.
    """
    position = start
    while (blank := _BLANK.search(text, position, limit)) is not None:
        if name != "ref" or not _continues_ref(text, blank.end(), limit):
            return blank.start()
        position = blank.end()
    return limit


_REF_ITEM = re.compile(r"\s*(?:\(?[B-Z][.):]|(?:\d{2}|\d{4})\s+[A-Z]+\s+\d+)")


def _continues_ref(text: str, pos: int, limit: int) -> bool:
    """Some REF lists leave a blank line between lettered items; keep them together."""
    return pos < limit and _REF_ITEM.match(text, pos) is not None
