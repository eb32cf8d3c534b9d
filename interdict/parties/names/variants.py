"""The names one written name stands for: itself without brackets, and what the brackets hold.

Lists and users alike write "SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)": the
acronym in brackets is a name in its own right, and the rest is the name.
Listed names and query names are split the same way, so the two meet.
"""

from __future__ import annotations

import re

_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def name_variants(value: str) -> list[str]:
    """The name without its bracketed parts, then each bracketed part."""
    inside = [a or b for a, b in _BRACKETS.findall(value)]
    outside = " ".join(_BRACKETS.sub(" ", value).split())
    variants = [outside] if outside else []
    variants.extend(part.strip() for part in inside if part.strip())
    return variants or [value]
