"""The export-control regime an Annex I entry comes from, read off its number.

The EU list is consolidated from the regimes' lists and numbers each entry so
that the first of its three digits names its origin; Category 0 items have
an NSG Trigger List origin whatever that digit says.
"""

from __future__ import annotations

import re

ENTRY_ID = re.compile(r"^(?P<category>\d)(?P<group>[A-E])(?P<origin>\d)\d{2}(?:\.[a-z0-9]+)*$")

REGIMES: dict[str, str] = {
    "0": "Wassenaar Arrangement",
    "1": "Missile Technology Control Regime",
    "2": "Nuclear Suppliers Group",
    "3": "Australia Group",
    "4": "Chemical Weapons Convention",
}
SHORT: dict[str, str] = {"0": "WA", "1": "MTCR", "2": "NSG", "3": "AG", "4": "CWC"}
GROUPS: dict[str, str] = {
    "A": "systems, equipment and components",
    "B": "test, inspection and production equipment",
    "C": "materials",
    "D": "software",
    "E": "technology",
}


def regime_of(entry_id: str) -> tuple[str, str]:
    """(short name, full name) of the regime behind ``entry_id``."""
    found = ENTRY_ID.match(entry_id)
    if found is None:
        raise ValueError(f"{entry_id!r} is not an Annex I number such as 2B001.b.2")
    if found["category"] == "0":
        return "NSG", "Nuclear Suppliers Group (Trigger List, Category 0)"
    digit = found["origin"]
    if digit not in SHORT:
        raise ValueError(f"{entry_id!r}: no regime uses the digit {digit}")
    return SHORT[digit], REGIMES[digit]


def parent_of(entry_id: str) -> str | None:
    head, dot, _ = entry_id.rpartition(".")
    return head if dot else None


def is_under(entry_id: str, prefixes: tuple[str, ...]) -> bool:
    """Whether the entry is one of these or below one: 3A001.a.1 is not under 3A001.a.10.

    A prefix shorter than an entry number ("0", "2D", "9A") names a category or section.
    """
    return any(
        entry_id == p or entry_id.startswith(p + ".") or (len(p) < 5 and entry_id.startswith(p))
        for p in prefixes
    )
