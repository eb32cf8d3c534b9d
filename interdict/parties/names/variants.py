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
    """The name without its bracketed parts, then each bracketed part."""
    inside = [a or b for a, b in _BRACKETS.findall(value)]
    outside = " ".join(_BRACKETS.sub(" ", value).split())
    variants = [outside] if outside else []
    variants.extend(part.strip() for part in inside if _names_something(part))
    return variants or [value]


def _names_something(part: str) -> bool:
    """A bracketed part that can be a name: not empty, not a country, not only a legal form."""
    text = part.strip()
    return bool(text) and registry.country.clean(text) is None and not only_legal_form(text)
