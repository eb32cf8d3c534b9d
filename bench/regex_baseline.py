"""A plain regex baseline for cable parsing, to read Interdict's speed against.

``extract(raw)`` takes the raw record Interdict's readers hand its parser
(``interdict.cables.sources``: ``header`` and ``body`` for CSV and HTML,
``text`` for plain and bare files) and returns a dict with the fields of
Interdict's record, each found by one compiled ``re`` pattern run once over
the text, the way one would write it in an afternoon:

* no repair logic: a glued, misspelt or wrapped-at-the-wrong-place field is
  taken as written; page headers and repeated section banners stay in the
  text; nothing is checked against a table of stations, TAGS or dates;
* no warnings: what a pattern does not match is ``None`` or ``[]``.

It is plain, not careless: the preamble fields (E.O., TAGS, SUBJECT, REF,
Classified By, captions) are searched only before the second numbered
paragraph, the summary's start before the third, and the signer in the last
600 characters, as anyone who knows the layout of a cable would write it.  (A
first version searched the whole body for each and was about 30 % slower,
as slow as Interdict; its agreement with Interdict was the same.)

Fields: reference id, container metadata, the transmission header
(transmission id, precedence and routing indicators, DE line, security
line, DTG, FM/TO/INFO/XMT lines), the classification banner (level,
section, station, message number), captions, caveats, E.O. line (order,
declassification date or event), TAGS (split tokens), SUBJECT, REF items
(lettered split, with a cable id where the item reads ``[YY] STATION
NNNN``), Summary, Classified By (name, reasons), numbered paragraphs with
their markings, the signer (the last capitalised line) and the body.  Not
produced: TAGS kinds and countries, reference kinds other than cable, and
the header-line accounting, which need tables or a line-by-line walk.

Run as a script it reports how often its fields agree with Interdict's on a
file, so that the speed ratio of ``bench_cables.py`` can be read beside the
quality difference::

    python bench/regex_baseline.py bench/out/sample2k.csv
    python bench/regex_baseline.py bench/out/cables.csv --limit 5000 --json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import Any

from interdict.cables.sources.raw import BadRecord, RawCable
from interdict.cables.sources.walk import iter_raw

# -- patterns ------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}
_PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

# The classification banner: spaced or not, at a line start or glued to the word before
# it (``PRIORITYS E C R E T STATE 029395``, ``BTUNCLAS ...``).
_BANNER = re.compile(
    r"(?:^|(?<=[A-Za-z0-9]))[ \t]*"
    r"(?P<level>T ?O ?P S ?E ?C ?R ?E ?T|S ?E ?C ?R ?E ?T|C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L"
    r"|U ?N ?C ?L ?A ?S ?S ?I ?F ?I ?E ?D|UNCLAS|LIMITED OFFICIAL USE)"
    r"(?:[ \t]+SECTION[ \t]+(?P<section>\d+)[ \t]+OF[ \t]+(?P<sections>\d+))?"
    r"[ \t]+(?P<station>[A-Z][A-Z ]*?)[ \t]+(?P<number>\d{3,6})\b(?P<tail>[^\n]*)",
    re.MULTILINE | re.IGNORECASE,
)
_LEVELS = {
    "TOPSECRET": "TS",
    "SECRET": "S",
    "CONFIDENTIAL": "C",
    "UNCLASSIFIED": "U",
    "UNCLAS": "U",
    "LIMITEDOFFICIALUSE": "SBU",
    "TS": "TS",
    "S": "S",
    "C": "C",
    "U": "U",
    "SBU": "SBU",
    "LOU": "SBU",
}
_CONTAINER_LEVEL = re.compile(
    r"\s*(TOP SECRET|SECRET|CONFIDENTIAL|LIMITED OFFICIAL USE"
    r"|UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED)(?://(.*))?",
    re.IGNORECASE,
)
_CAVEAT = re.compile(r"\b(NOFORN|REL TO [A-Z, ]+[A-Z]|SENSITIVE)\b")

_TRANSMISSION = re.compile(r"^[ \t]*(VZCZC[A-Z0-9]+)", re.MULTILINE)
_ROUTING = re.compile(r"^[ \t]*([ZOPR]{1,2})[ \t]+(R[A-Z]{4,6}(?:[ \t]+R[A-Z]{4,6})*)[ \t]*$", re.M)
_DE = re.compile(
    r"^[ \t]*DE[ \t]+(R[A-Z]{3,6})[ \t]+#(\d{3,5})(?:/(\d{2}))?[ \t]+(\d{3})(\d{4})", re.M
)
_SECURITY = re.compile(r"^[ \t]*(ZN[RY][ \t]+[UCSTE]{5}(?:[ \t]+ZZH)?)", re.MULTILINE)
_DTG = re.compile(
    r"^[ \t]*((?:[ZOPR][ \t]+){1,2})((\d{2})(\d{2})(\d{2})Z[ \t]+"
    r"(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[ \t]+(\d{2}))\b[ \t]*([A-Z ]*)",
    re.MULTILINE,
)
_FM = re.compile(r"^[ \t]*FM[ \t]+([^\n]+)", re.MULTILINE)
# An address block runs from its keyword to the next keyword or the end of the header.
_BLOCK = re.compile(
    r"^[ \t]*(TO|INFO|XMT)[ \t]+([\s\S]*?)(?=^[ \t]*(?:TO|INFO|XMT|BT|NNNN)\b|\Z)", re.M
)
_ADDRESS = re.compile(
    r"^(?:(R[A-Z]{3,6})/)?(.*?)(?:[ \t]+(FLASH|IMMEDIATE|PRIORITY|ROUTINE))?(?:[ \t]+(\d{4}))?$"
)

# A preamble field runs to a blank line, the next field's label or the first paragraph.
_NEXT = (
    r"(?=\n[ \t]*\n|\n[ \t]*(?:SUBJ|REF|CLASSIFIED BY|E\.?[ \t]?O\.?[ \t]*\d{5}|TAGS)"
    r"|\n[ \t]*\u00b6?\d{1,3}\.[ \t]|\Z)"
)
_CAPTIONS = re.compile(r"^[ \t]*(SIPDIS|NODIS|EXDIS|LIMDIS|STADIS)\b", re.M | re.I)
_EO = re.compile(
    r"\bE\.?[ \t]?O\.?[ \t]*(\d{5})[ \t]*:?[ \t]*(.*?)[ \t]*(?=\bTAGS?\b|$)", re.M | re.I
)
_DECL_DATE = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})|(\d{1,2})/(\d{1,2})/(\d{2,4})")
_DECL_EVENT = re.compile(r"(?:DECL:?[ \t]*)?(OADR|N/A|X?GDS(?:-\d)?|RDS-\d|1\.6X\d|X\d)", re.I)
_TAGS = re.compile(r"\bTAGS?[ \t]*:?[ \t]*([\s\S]*?)[ \t]*" + _NEXT, re.I)
_TAG_SPLIT = re.compile(r"[\s,;]+")
_SUBJECT = re.compile(r"^[ \t]*SUBJ(?:ECT)?[ \t]*:[ \t]*([\s\S]+?)[ \t]*" + _NEXT, re.M | re.I)
_REF = re.compile(
    r"^[ \t]*REF(?:S|TEL|TELS|ERENCES?|\(S\))?[ \t]*:[ \t]*([\s\S]+?)" + _NEXT, re.M | re.I
)
_REF_LETTER = re.compile(r"(?:^|(?<=\s))\u00b6?\(?([A-Za-z])[.):]\s+")
_REF_CABLE = re.compile(r"^(?:(\d{2}|\d{4})[ \t]+)?([A-Za-z][A-Za-z ]*?)[ \t]+0*(\d{1,6})(?!\S)")
_SUMMARY = re.compile(r"\bSUMMARY[ \t]*:[ \t]*", re.I)
_END_SUMMARY = re.compile(r"\s*\bEND\s+SUMMARY\b", re.I)
_CLASSIFIED_BY = re.compile(r"\bCLASSIFIED[ \t]+BY[ \t]*:?[ \t]*([\s\S]+?)" + _NEXT, re.I)
# ``1.4 (b), (d) and (e)``, ``1.5 (D)``, ``1.4(b/d)``, ``1.4 b and d``: the list after 1.4/1.5.
_REASONS = re.compile(
    r"\b(1\.[45])[ \t]*(\(?[a-hA-H]\b\)?(?:[ \t]*(?:,|/|&|(?i:and))?[ \t]*\(?[a-hA-H]\b\)?)*)"
)
_REASON_LETTER = re.compile(r"\b[a-hA-H]\b")
_WHO = re.compile(r"^(.*?)[ \t,;]*(?:\bFOR\b|\bREASONS?\b|\bE\.O\.|\b1\.[45]\b|$)", re.I)
_PARAGRAPH = re.compile(
    r"^[ \t]*\u00b6?(\d{1,3})\.[ \t]+(?:\(([A-Za-z]{1,3}(?:/{1,2}[A-Za-z ]+)*)\)[ \t]*)?", re.M
)
_SIGNER = re.compile(r"^[ \t]*([A-Z][A-Z.' /-]{1,40}[A-Z.])[ \t]*$", re.M)
_NOT_SIGNER = re.compile(
    r"(?:BT|NNNN?|SIPDIS|NOFORN|END TEXT|(?:TOP )?SECRET\b.*|CONFIDENTIAL\b.*|UNCLAS\b.*"
    r"|UNCLASSIFIED\b.*|LIMITED OFFICIAL USE\b.*|[A-Z] [A-Z] [A-Z] .*)"
)


# -- extraction ----------------------------------------------------------------


def _flow(text: str) -> str:
    """Wrapped lines joined, runs of white space made one space."""
    return " ".join(text.split())


def _year(two: str) -> int:
    value = int(two)
    return value if value > 99 else (2000 + value if value < 50 else 1900 + value)


def _level(text: str) -> str:
    key = text.replace(" ", "").upper()
    return _LEVELS.get(key, key)


def _addresses(lines: str) -> list[dict[str, Any]]:
    out = []
    for line in lines.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _ADDRESS.match(line)
        if m is None:  # pragma: no cover - the pattern matches every line
            continue
        out.append(
            {
                "routing_indicator": m.group(1),
                "address": m.group(2),
                "precedence": m.group(3),
                "mcn": m.group(4),
                "collective": "COLLECTIVE" in m.group(2),
            }
        )
    return out


def extract(raw: RawCable) -> dict[str, Any]:
    """Every field of one raw cable, by plain patterns; never raises on content."""
    if raw.header is not None or raw.body is not None:
        text = f"{raw.header or ''}\n{raw.body or ''}"
    else:
        text = raw.text or ""

    # Header and body: the banner is the boundary; without one, both are searched whole.
    banner = _BANNER.search(text)
    head = text[: banner.start("level")] if banner else text
    body = text[banner.start("level") :] if banner else text

    dtg: dict[str, Any] | None = None
    created = raw.created
    m = _DTG.search(head)
    if m:
        day, hour, minute, month, yy = m.group(3, 4, 5, 6, 7)
        try:
            created = datetime(
                _year(yy), _MONTHS[month], int(day), int(hour), int(minute), tzinfo=UTC
            )
        except ValueError:
            created = raw.created
        dtg = {
            "text": m.group(2),
            "value": created,
            "precedence": [_PRECEDENCE[p] for p in m.group(1).split()],
            "operating_signals": m.group(8).split(),
        }

    routing = _ROUTING.search(head)
    de = _DE.search(head)
    fm = _FM.search(head)
    from_ = _addresses(fm.group(1))[0] if fm and fm.group(1).strip() else None
    blocks: dict[str, list[dict[str, Any]]] = {"TO": [], "INFO": [], "XMT": []}
    for block in _BLOCK.finditer(head):
        blocks[block.group(1)].extend(_addresses(block.group(2)))

    level_text = banner.group("level") if banner else None
    banner_level = _level(level_text) if level_text else None
    tail = banner.group("tail") if banner else ""
    if banner_level == "U" and "SENSITIVE" in tail:
        banner_level = "SBU"
    classification = classification_text = None
    caveats: list[str] = []
    if raw.classification:
        cm = _CONTAINER_LEVEL.match(raw.classification)
        if cm:
            word = cm.group(1).upper()
            classification = "SBU" if "OFFICIAL USE" in word else _level(word)
            if cm.group(2):
                caveats.append(cm.group(2).strip())
        classification_text = raw.classification.strip()
    if classification is None and banner_level:
        classification, classification_text = banner_level, level_text
    caveats += [c for c in _CAVEAT.findall(tail) if c not in caveats]

    reference_id = raw.reference_id.strip() if raw.reference_id else None
    if reference_id is None and banner and dtg:
        station = banner.group("station").replace(" ", "")
        reference_id = f"{dtg['text'][-2:]}{station}{int(banner.group('number'))}"
    year = created.year if created else None

    # The signer is the last capitalised line near the end; the last paragraph ends there.
    signers: list[str] = []
    text_end = len(body)
    for s in _SIGNER.finditer(body, max(0, len(body) - 600)):
        if not _NOT_SIGNER.fullmatch(s.group(1)):
            signers, text_end = s.group(1).split("/"), s.start()

    paragraphs = []
    starts = list(_PARAGRAPH.finditer(body, 0, text_end))
    for i, p in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else text_end
        marking = p.group(2)
        paragraphs.append(
            {
                "number": p.group(1),
                "marking": _level(marking.split("/")[0]) if marking else None,
                "marking_text": marking,
                "text": _flow(body[p.end() : end]),
            }
        )

    # E.O., TAGS, SUBJECT, REF, Classified By and captions come before the second paragraph
    # (Classified By opens the first one in older cables): they are searched there only.  A
    # summary opens paragraph 1, or 2 after an "action request" paragraph.
    pre = starts[1].start() if len(starts) > 1 else len(body)
    pre_summary = starts[2].start() if len(starts) > 2 else len(body)

    eo = None
    m = _EO.search(body, 0, pre)
    if m:
        rest = m.group(2)
        declassify_on = None
        d = _DECL_DATE.search(rest)
        if d:
            try:
                if d.group(1):
                    declassify_on = date(int(d.group(1)), int(d.group(2)), int(d.group(3)))
                else:
                    declassify_on = date(_year(d.group(6)), int(d.group(4)), int(d.group(5)))
            except ValueError:
                declassify_on = None
        event = _DECL_EVENT.search(rest)
        eo = {
            "order": m.group(1),
            "declassify_on": declassify_on,
            "event": event.group(1).upper() if event else None,
            "text": m.group(0).strip(),
        }

    m = _TAGS.search(body, 0, pre)
    tags = [t.upper() for t in _TAG_SPLIT.split(m.group(1)) if t] if m else []
    m = _SUBJECT.search(body, 0, pre)
    subject = _flow(m.group(1)) if m else raw.subject

    references = []
    m = _REF.search(body, 0, pre)
    if m:
        parts = _REF_LETTER.split(m.group(1).strip())
        items = [(None, parts[0])] if parts[0].strip() else []
        items += [(parts[i].upper(), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]
        for letter, item in items:
            item = _flow(item)
            if not item:
                continue
            c = _REF_CABLE.match(item)
            ref_id = None
            if c and (c.group(1) or year):
                ref_year = _year(c.group(1)) if c.group(1) else year
                station = c.group(2).replace(" ", "").upper()
                ref_id = f"{ref_year % 100:02d}{station}{int(c.group(3))}"
            references.append(
                {
                    "letter": letter,
                    "kind": "cable" if ref_id else "other",
                    "reference_id": ref_id,
                    "text": item,
                }
            )

    summary = None
    m = _SUMMARY.search(body, 0, pre_summary)
    if m:
        end_summary = _END_SUMMARY.search(body, m.end())
        summary = _flow(body[m.end() : end_summary.start()]) if end_summary else None

    classified_by = None
    m = _CLASSIFIED_BY.search(body, 0, pre)
    if m:
        who_text = _flow(m.group(1))
        r = _REASONS.search(who_text)
        reasons = (
            [f"{r.group(1)}({x.lower()})" for x in _REASON_LETTER.findall(r.group(2))] if r else []
        )
        who = _WHO.match(who_text)
        classified_by = {
            "name": (who.group(1).strip() or None) if who else None,
            "reasons": reasons,
            "text": who_text,
        }

    return {
        "reference_id": reference_id,
        "origin": raw.origin or (from_["address"] if from_ else None),
        "classification": classification,
        "classification_text": classification_text,
        "created": created,
        "source": raw.source,
        "form": raw.form,
        "transmission_id": (m := _TRANSMISSION.search(head)) and m.group(1),
        "precedence": [_PRECEDENCE[p] for p in routing.group(1)[:1]] if routing else [],
        "routing_indicators": routing.group(2).split() if routing else [],
        "de": (
            {
                "station": de.group(1),
                "serial": de.group(2),
                "section": int(de.group(3)) if de.group(3) else None,
                "julian_day": int(de.group(4)),
                "time": de.group(5),
            }
            if de
            else None
        ),
        "security_line": (m := _SECURITY.search(head)) and m.group(1),
        "dtg": dtg,
        "from": from_,
        "to": blocks["TO"],
        "info": blocks["INFO"],
        "xmt": blocks["XMT"],
        "banner": _flow(banner.group(0)) if banner else None,
        "banner_level": banner_level,
        "message_number": banner.group("number") if banner else None,
        "section": int(banner.group("section")) if banner and banner.group("section") else None,
        "sections": int(banner.group("sections")) if banner and banner.group("sections") else None,
        "captions": list(dict.fromkeys(c.upper() for c in _CAPTIONS.findall(body, 0, pre))),
        "caveats": caveats,
        "eo": eo,
        "tags": tags,
        "references": references,
        "subject": subject,
        "summary": summary,
        "classified_by": classified_by,
        "paragraphs": paragraphs,
        "signers": signers,
        "body": body,
    }


def to_json(record: dict[str, Any]) -> str:
    """The record as JSON text, as Interdict's contender serialises its own."""
    return json.dumps(record, default=str)


def iter_extract(path: Path) -> Iterator[dict[str, Any] | BadRecord]:
    for raw in iter_raw([path]):
        yield raw if isinstance(raw, BadRecord) else extract(raw)


# -- agreement with Interdict --------------------------------------------------


def _norm(text: str | None) -> str | None:
    return _flow(text).upper() if text else None


def _numbers(paragraphs: list[Any], number: Any, level: Any) -> list[tuple[Any, Any]]:
    """Numbered paragraphs, one per number (a portion banner's second part is left out)."""
    seen: list[tuple[Any, Any]] = []
    for p in paragraphs:
        n = number(p)
        if n is not None and (not seen or seen[-1][0] != n):
            seen.append((n, level(p)))
    return seen


def _texts(paragraphs: list[Any], number: Any, text: Any) -> list[str]:
    """Each numbered paragraph's text, the parts a portion banner opened joined back."""
    joined: dict[Any, list[str]] = {}
    for p in paragraphs:
        if number(p) is not None:
            joined.setdefault(number(p), []).append(text(p))
    return [_flow(" ".join(parts)) for parts in joined.values()]


#: Field: (how to read it from Interdict's record, how from the baseline's dict).
COMPARED: dict[str, tuple[Any, Any]] = {
    "reference_id": (lambda c: c.reference_id, lambda r: r["reference_id"]),
    "classification": (
        lambda c: c.classification.value if c.classification else None,
        lambda r: r["classification"],
    ),
    "banner: message number, section": (
        lambda c: (c.message_number, c.section, c.sections),
        lambda r: (r["message_number"], r["section"], r["sections"]),
    ),
    "dtg text": (lambda c: c.dtg.text if c.dtg else None, lambda r: r["dtg"] and r["dtg"]["text"]),
    "de line": (
        lambda c: c.de and (c.de.station, c.de.serial, c.de.julian_day),
        lambda r: r["de"] and (r["de"]["station"], r["de"]["serial"], r["de"]["julian_day"]),
    ),
    "from address": (
        lambda c: c.from_.address if c.from_ else None,
        lambda r: r["from"] and r["from"]["address"],
    ),
    "to + info: number of recipients": (
        lambda c: len(c.to) + len(c.info),
        lambda r: len(r["to"]) + len(r["info"]),
    ),
    "to + info: addresses": (
        lambda c: [a.address for a in c.to + c.info],
        lambda r: [a["address"] for a in r["to"] + r["info"]],
    ),
    "eo: order and date/event": (
        lambda c: c.eo and (c.eo.order, c.eo.declassify_on, c.eo.event),
        lambda r: r["eo"] and (r["eo"]["order"], r["eo"]["declassify_on"], r["eo"]["event"]),
    ),
    "tags": (lambda c: [t.tag for t in c.tags], lambda r: r["tags"]),
    "subject": (lambda c: _norm(c.subject), lambda r: _norm(r["subject"])),
    "references: number of items": (lambda c: len(c.references), lambda r: len(r["references"])),
    "references: letters and ids": (
        lambda c: [(x.letter, x.reference_id) for x in c.references],
        lambda r: [(x["letter"], x["reference_id"]) for x in r["references"]],
    ),
    "summary": (lambda c: _norm(c.summary), lambda r: _norm(r["summary"])),
    "classified by: reasons": (
        lambda c: c.classified_by and c.classified_by.reasons,
        lambda r: r["classified_by"] and r["classified_by"]["reasons"],
    ),
    "classified by: name (Interdict's inside the baseline's)": (
        lambda c: c.classified_by and c.classified_by.name,
        lambda r: r["classified_by"] and r["classified_by"]["name"],
    ),
    "captions": (lambda c: list(c.captions), lambda r: r["captions"]),
    "paragraphs: count": (
        lambda c: len(_numbers(c.paragraphs, lambda p: p.number, lambda p: None)),
        lambda r: len(r["paragraphs"]),
    ),
    "paragraphs: numbers and markings": (
        lambda c: _numbers(
            c.paragraphs, lambda p: p.number, lambda p: p.marking and p.marking.level.value
        ),
        lambda r: _numbers(r["paragraphs"], lambda p: p["number"], lambda p: p["marking"]),
    ),
    "paragraphs: text of every paragraph": (
        lambda c: _texts(c.paragraphs, lambda p: p.number, lambda p: p.text),
        lambda r: _texts(r["paragraphs"], lambda p: p["number"], lambda p: p["text"]),
    ),
    "signers": (lambda c: list(c.signers), lambda r: r["signers"]),
}


def _agree(field: str, mine: Any, theirs: Any) -> bool:
    if field.startswith("classified by: name"):
        if not mine or not theirs:
            return not mine and not theirs
        return _norm(mine) in (_norm(theirs) or "")
    if not mine and not theirs:  # None, [] and 0 alike: the field is absent on both sides
        return True
    return bool(mine == theirs)


def agreement(paths: list[Path], limit: int = 0) -> dict[str, Any]:
    """Parse each cable with both and count, per field, the cables where they agree."""
    from interdict.cables.parse import parse_raw

    raws: Any = (raw for path in paths for raw in iter_raw([path]))
    if limit:
        raws = islice(raws, limit)
    total = 0
    agree: Counter[str] = Counter()
    present: Counter[str] = Counter()
    examples: dict[str, list[dict[str, Any]]] = {}
    for raw in raws:
        if isinstance(raw, BadRecord):
            continue
        total += 1
        cable = parse_raw(raw)
        record = extract(raw)
        for field, (theirs, mine) in COMPARED.items():
            a, b = theirs(cable), mine(record)
            if a:
                present[field] += 1
            if _agree(field, a, b):
                agree[field] += 1
            elif len(examples.setdefault(field, [])) < 3:
                examples[field].append(
                    {
                        "cable": cable.reference_id,
                        "interdict": repr(a)[:200],
                        "regex": repr(b)[:200],
                    }
                )
    return {
        "cables": total,
        "fields": {
            field: {
                "agree": agree[field],
                "percent": round(100 * agree[field] / total, 1) if total else 0.0,
                "interdict_has_it": present[field],
            }
            for field in COMPARED
        },
        "examples": examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Field agreement of the regex baseline with Interdict."
    )
    parser.add_argument("paths", type=Path, nargs="+", help="cables.csv, cable files or folders")
    parser.add_argument("--limit", type=int, default=0, help="first N cables only (0: all)")
    parser.add_argument("--examples", action="store_true", help="also show disagreements")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = agreement(args.paths, args.limit)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['cables']:,} cables: " + ", ".join(str(p) for p in args.paths))
    print()
    print("| field | regex agrees with Interdict | Interdict has the field |")
    print("|---|---:|---:|")
    for field, row in result["fields"].items():
        print(f"| {field} | {row['percent']:.1f} % | {row['interdict_has_it']:,} |")
    if args.examples:
        for field, rows in result["examples"].items():
            print(f"\n{field}:", file=sys.stderr)
            for row in rows:
                print(f"  {row}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
