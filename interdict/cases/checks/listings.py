"""What a listing means for an export, per jurisdiction, and how far it reaches a linked party.

A listing is not one legal effect.  A UN or EU asset freeze bars making any
economic resource available to the listed entity, directly or indirectly,
so supplying it is prohibited; the same freeze reaches a front or an owned
company only through the rules on ownership, control and acting on behalf.
An OFAC blocking binds US persons; an Entity List entry requires a licence.
This module names the effect and the provisions behind it, so that each
finding can say exactly how far it raises the outcome and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.cases.catalogue import cite
from interdict.cases.findings import Reach, RuleEvidence
from interdict.controls.entries import Jurisdiction
from interdict.controls.rules import Outcome
from interdict.parties.results import Listing

_IRAN = ("1737", "1747", "1803", "1929", "iran")


@dataclass(frozen=True)
class Effect:
    """A listing's effect in one jurisdiction: the outcome it imposes and on what basis."""

    jurisdiction: Jurisdiction
    outcome: Outcome
    regime: str
    evidence: tuple[RuleEvidence, ...]
    freeze: bool


def effects(listing: Listing, jurisdiction: Jurisdiction) -> Effect | None:
    """The listing's effect where ``jurisdiction``'s rules apply, or None if it has none there."""
    authority = " ".join(listing.authority).lower()
    program = " ".join(listing.program).lower()
    freezes = any("freeze" in p.lower() for p in listing.provisions)
    iran = any(word in program for word in _IRAN)
    if "united nations" in authority:
        if not (iran or freezes):
            return None  # a travel ban alone does not bar supplying the person
        cited = ("un-1737-freeze", "eu-267-freeze") if jurisdiction == "EU" else ("un-1737-freeze",)
        evidence = tuple(cite(key) for key in cited) if iran else ()
        regime = "UN Iran" if iran else "UN"
        return Effect(jurisdiction, "prohibited", regime, evidence, freeze=True)
    if "european union" in authority and jurisdiction == "EU":
        evidence = (cite("eu-267-freeze"),) if iran else ()
        return Effect(jurisdiction, "prohibited", "EU", evidence, freeze=True)
    if ("foreign assets control" in authority or "specially designated" in authority) and (
        jurisdiction == "US"
    ):
        return Effect(jurisdiction, "prohibited", "OFAC", (cite("ofac-blocking"),), freeze=True)
    if "entity list" in authority and jurisdiction == "US":
        return Effect(
            jurisdiction, "licence_required", "Entity List", (cite("bis-entity-list"),), False
        )
    return None


def reach_of(roles: list[str]) -> Reach:
    """The rule a chain of links falls under: owned, acting for, or a front passing goods on."""
    if "owned_by" in roles:
        return "ownership_or_control"
    if "acts_for" in roles:
        return "acting_on_behalf"
    if "front_for" in roles:
        return "indirect_making_available"
    return "none"


def reached(effect: Effect, reach: Reach) -> tuple[Outcome | None, tuple[RuleEvidence, ...]]:
    """How far a freeze on the listed entity raises the outcome for a party linked to it.

    Under the EU freezes, supplying an entity owned or controlled by a listed
    one, or a person acting on its behalf (a front that passes the goods on),
    is in principle making economic resources available to the listed entity
    indirectly: prohibited.  OFAC's rule blocks only entities 50 % or more
    owned by blocked persons, so in the US a link raises the outcome only
    when it is ownership, and then only as far as a licence until the share
    is known.
    """
    if not effect.freeze or reach == "none":
        return None, ()
    if effect.jurisdiction == "EU":
        key = (
            "eu-best-practices-ownership"
            if reach == "ownership_or_control"
            else "eu-best-practices-on-behalf"
        )
        return "prohibited", (*effect.evidence, cite(key))
    if reach == "ownership_or_control":
        return "licence_required", (*effect.evidence, cite("ofac-50-percent"))
    return None, ()
