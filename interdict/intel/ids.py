"""Stable ids for extracted facts, derived from what they are rather than where they were found.

A party's id comes from its name as the matcher reads it: the ASCII words,
legal forms set aside.  "Ardalan Machineries Company" and "ARDALAN
MACHINERIES CO." therefore get the same id in every cable and on every run,
which is what lets the knowledge base resolve them across cables without a
lookup.  Link and item ids are built from the ids they join, and a denial's
from its cable and what it is, so they too come out the same each time the
same cable is read.
"""

from __future__ import annotations

from hashlib import sha1

from interdict.parties.names.analysis import analyse

_PREFIX = "intel-"


def _digest(*parts: str) -> str:
    return _PREFIX + sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def name_key(name: str, schema: str) -> str:
    """The words that identify a name: legal forms and punctuation out, case folded.

    A name made only of a legal form keeps its words (``analyse`` does that),
    so the key is never empty for a name with any letter or digit in it.
    """
    form = analyse(name, organisation=schema != "Person")
    return " ".join(form.tokens)


def party_id(name: str, schema: str) -> str:
    """Persons and organisations live apart: a person called Hara is not Hara Company."""
    family = "person" if schema == "Person" else "org"
    return _digest(family, name_key(name, schema))


def link_id(subject: str, role: str, object_: str) -> str:
    return _digest("link", subject, role, object_)


def item_id(cable: str, description: str, model: str | None, manufacturer: str | None) -> str:
    """An item is known by its model and maker where the cable gives them, else per cable."""
    if model:
        return _digest("item", model.upper(), manufacturer or "")
    return _digest("item", cable, description.lower(), manufacturer or "")


def denial_id(cable: str, authority: str | None, date: str | None, item_key: str) -> str:
    """A denial is known per cable by who denied, when, and which goods: a cable that reports
    it twice gives it one id, and two cables reporting it give two records, as for items."""
    return _digest("denial", cable, authority or "", date or "", item_key)
