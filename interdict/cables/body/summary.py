"""Subject and summary, the two fields a reader scans first.

The summary is usually inside paragraph 1 (``1. (C) Summary: ... End
summary.``), sometimes before it; without an end marker it runs to the end
of the paragraph that holds it.
"""

from __future__ import annotations

import re

from interdict.cables.body.text import flow

_SUMMARY = re.compile(
    r"(?i)\b(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+(?:COMMENT|ACTION\s+REQUEST))?\s*(?:[:.\-]+|(?=\s+[A-Z]))\s*"
)
_END = re.compile(r"(?i)\bEND\s+(?:OF\s+)?SUMMARY\b")


def find_summary(blocks: list[str]) -> str | None:
    """Look for a summary in the first few blocks (preamble text, then paragraphs)."""
    for block in blocks[:4]:
        # A case-insensitive regex over a whole paragraph is slow; look for the word first.
        at = _first_mention(block)
        if at < 0:
            continue
        start = _SUMMARY.search(block, max(0, at - 6))
        if start is None:
            continue
        end = _END.search(block, start.end())
        text = block[start.end() : end.start() if end else len(block)]
        text = flow(text).strip(" .-")
        if text:
            return text + "."
    return None


def clean_subject(text: str) -> str | None:
    """Subjects wrap across lines and sometimes repeat the keyword; keep one tidy line."""
    subject = " ".join(text.split()).strip()
    subject = re.sub(r"^(?:SUBJ(?:ECT)?\s*:\s*)+", "", subject, flags=re.IGNORECASE)
    return subject or None


def _first_mention(block: str) -> int:
    hits = [i for i in (block.find(w) for w in ("SUMMARY", "Summary", "summary")) if i >= 0]
    return min(hits) if hits else -1
