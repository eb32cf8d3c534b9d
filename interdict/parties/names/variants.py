"""The names one written name stands for: itself without brackets, and what the brackets hold.

Lists and users alike write "SHAHID HEMMAT INDUSTRIAL GROUP (SHIG)": the
acronym in brackets is a name in its own right, and the rest is the name.
Listed names and query names are split the same way, so the two meet.  What
brackets hold is not always a name, though: "ONE CLASS PROPERTIES (PTY) LTD."
and "SUN MOON STAR (SINGAPORE) LTD." bracket a legal form and a place, which
as names of their own would match every other "(PTY)" and "(SINGAPORE)"; such
parts are left out.
"""

from __future__ import annotations

import re

from followthemoney import registry

from interdict.parties.names.analysis import only_legal_form

_BRACKETS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def name_variants(value: str) -> list[str]:
    """The name without its bracketed names, then each bracketed name.  A bracketed place or
    legal form stays in the name as words ("Bank of China (Hong Kong)" keeps "Hong Kong",
    which tells it from the Singapore branch)."""
    names: list[str] = []

    def kept(match: re.Match[str]) -> str:
        """What a bracketed part leaves in the name itself: its words, unless it is a name."""
        inside = match.group(1) or match.group(2) or ""
        if _names_something(inside):
            names.append(inside.strip())
            return " "
        return f" {inside} "

    outside = " ".join(_BRACKETS.sub(kept, value).split())
    variants = [outside] if outside else []
    variants.extend(names)
    return variants or [value]


def _names_something(part: str) -> bool:
    """A bracketed part that can be a name: not empty, not a country, not only a legal form."""
    text = part.strip()
    return bool(text) and registry.country.clean(text) is None and not only_legal_form(text)
