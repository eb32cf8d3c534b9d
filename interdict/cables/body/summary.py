"""Subject and summary, the two fields a reader scans first.

The summary is usually inside paragraph 1 (``1. (C) Summary: ... End
summary.``), sometimes before it; without an end marker it runs to the end
of the paragraph that holds it.
"""

from __future__ import annotations

import re

from interdict.cables.body.text import first_of, flow

# The marker opens a block, a line or a sentence; elsewhere "summary" is just
# a word ("we discussed the summary of the meeting").  With no colon or dash
# after it, it must be "BEGIN SUMMARY", a heading alone on its line, or the
# all-capitals "SUMMARY THE MINISTER ..." of older cables.
_SUMMARY = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;:)\]])\s)\s*(?:"
    r"(?i:BEGIN\s+(?:EXECUTIVE\s+)?SUMMARY)\b[\s:.\-]*"
    r"|(?i:(?:EXECUTIVE\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUESTS?))?)"
    r"(?:\s*[:.\-]+\s*|[ \t]*\n\s*)"
    r"|SUMMARY\s+(?=[A-Z])"
    r")"
)
_SUMMARY_WORDS = ("SUMMARY", "Summary", "summary")
_END = re.compile(r"(?i)\bEND\s+(?:OF\s+)?(?:EXECUTIVE\s+)?SUMMARY\b")
_SUBJECT_KEYWORD = re.compile(r"^(?:SUBJ(?:ECT)?\s*:\s*)+", re.IGNORECASE)
_CLOSED = re.compile(r"[.!?][\"')\]]*$")


def find_summary(blocks: list[str]) -> str | None:
    """Look for a summary in the first few blocks (preamble text, then paragraphs)."""
    for block in blocks[:4]:
        # A case-insensitive regex over a whole paragraph is slow; look for the word first.
        at = first_of(block, _SUMMARY_WORDS)
        if at < 0:
            continue
        start = _SUMMARY.search(block, max(0, at - 40))
        if start is None:
            continue
        end = _END.search(block, start.end())
        text = block[start.end() : end.start() if end else len(block)]
        text = flow(text).strip(" .-")
        # Punctuation alone ("Summary: ... End summary.") is a placeholder, not a summary.
        if any(char.isalnum() for char in text):
            # Keep a closing "?" or quotation as written; otherwise end with one period.
            return text if _CLOSED.search(text) else text + "."
    return None


def clean_subject(text: str) -> str | None:
    """Subjects wrap across lines and sometimes repeat the keyword; keep one tidy line."""
    subject = " ".join(text.split()).strip()
    subject = _SUBJECT_KEYWORD.sub("", subject)
    return subject or None
