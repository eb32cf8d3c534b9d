"""The ``Classified By:`` line: who classified the cable, in what role, and why.

Reasons cite a section of the governing order: ``1.4 (b), (c) and (d)``
under E.O. 12958 as amended and 13526, ``1.5`` in 1990s cables under the
original 12958.  Both numberings are normalised to ``1.4(b)`` style so that
a reader can filter on "foreign government information" across decades.
The classifier's name and title are run together in free text; the title is
recognised by its vocabulary and office symbols, and what follows is the name.
"""

from __future__ import annotations

import re

from interdict.cables.notes import Notes
from interdict.cables.record import ClassifiedBy

_REASON_START = re.compile(
    r"[,;.]?\s*(?:\bFOR\s+)?\b(?:REASONS?|E\.?O\.?\s*\d{5}\s*,?\s*(?:SECTIONS?|SEC\.?|REASONS?)?)\s*[:.]?\s*"
    r"(?=1\.[45]|\(?[A-H]\b)"
    r"|[,;.]?\s*\bFOR\s+(?=1\.[45])"
    r"|[,;.]?\s*(?=\b1\.[45]\s*\(?[A-H])",
    re.IGNORECASE,
)
_SECTION = re.compile(r"\b1\.([45])")
_LETTERS = re.compile(
    r"(?:\s*(?:\(\s*[A-H](?:\s*(?:,|/|&|AND)\s*[A-H])*\s*\)|[A-H](?![A-Z0-9])|,|/|&|\bAND\b))+",
    re.IGNORECASE,
)
_LETTER = re.compile(r"(?<![A-Z])[A-H](?![A-Z])", re.IGNORECASE)
_AND = re.compile(r"\bAND\b", re.IGNORECASE)

# Words that make up titles and office names in "Classified By" lines.
_TITLE_VOCABULARY = """
    A.I. ACTING ACTG ADMIN ADMINISTRATOR ADVISER ADVISOR AFFAIRS AMB AMBASSADOR ASSISTANT ASST
    ATTACHE BUREAU CDA CG CHARGE CHARGE' CHIEF CONGEN CONSUL CONSULATE COORDINATOR COUNSELOR
    COUNSELLOR COUNSELOR, D'AFFAIRES DAFFAIRES DAS DCM DEP DEPUTY DEPT DIR DIRECTOR DIVISION
    ECON ECONOMIC ECONCOUNS ECOPOL EMBASSY ENVOY FOR GENERAL HEAD INTERIM MINISTER
    MINISTER-COUNSELOR MISSION OF OFFICE OFFICER OFF OIC P/E PA PAO POL POLCOUNS POLEC POLECON
    POLITICAL POLITICAL-ECONOMIC POLMIL POL-MIL PRINCIPAL PRM REGIONAL REP REPRESENTATIVE
    SECRETARY SECTION SENIOR SPECIAL STATE THE UNDER US U.S. USUN AND POLOFF ECONOFF POLECONOFF
    POLMILOFF CONOFF MGMT RSO DATT LEGATT PMO DEPUTY-DIRECTOR
"""
_TITLE_WORDS = frozenset(_TITLE_VOCABULARY.split())
_NAME_TOKEN = re.compile(r"^[A-Z][A-Za-z'\-]*\.?$|^[A-Z]\.$", re.IGNORECASE)


def _reasons(text: str) -> list[str]:
    reasons: list[str] = []
    for section in _SECTION.finditer(text):
        match = _LETTERS.match(text, section.end())
        if match is None:
            continue
        chunk = _AND.sub(" ", match.group(0))
        for letter in _LETTER.findall(chunk):
            reason = f"1.{section.group(1)}({letter.lower()})"
            if reason not in reasons:
                reasons.append(reason)
    return reasons


def _is_title(token: str) -> bool:
    upper = token.upper().strip(",.")
    return upper in _TITLE_WORDS or "/" in upper


def split_name_title(text: str) -> tuple[str | None, str | None]:
    """``ISN/MTR DIRECTOR PAM DURHAM`` -> name ``PAM DURHAM``, title ``ISN/MTR DIRECTOR``."""
    text = text.strip(" ,.;:")
    if not text:
        return None, None
    if "," in text:
        head, _, tail = text.partition(",")
        head_tokens = head.split()
        if head_tokens and not any(_is_title(t) for t in head_tokens) and len(head_tokens) <= 4:
            return head.strip() or None, tail.strip(" ,.") or None
        text = head + " " + tail
    tokens = text.split()
    cut = len(tokens)
    while cut > 0 and len(tokens) - cut < 4:
        token = tokens[cut - 1]
        if _is_title(token) or not _NAME_TOKEN.match(token):
            break
        cut -= 1
    name = " ".join(tokens[cut:]) or None
    title = " ".join(tokens[:cut]) or None
    return name, title


def parse_classified_by(text: str, notes: Notes, line: int | None = None) -> ClassifiedBy:
    """Parse what follows ``Classified By:`` up to the end of its reasons."""
    clean = " ".join(text.split())
    start = _REASON_START.search(clean)
    who = clean[: start.start()] if start else clean
    reasons = _reasons(clean[start.start() :] if start else clean)
    if not reasons:
        notes.warn("classified_by", "no classification reason found", line)
    name, title = split_name_title(who)
    return ClassifiedBy(name=name, title=title, reasons=reasons, text=clean)
