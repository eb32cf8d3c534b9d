"""What ``interdict intel extract`` writes: parties, items, links and denials, each cited.

Parties and links are FollowTheMoney entities (``id``, ``schema``,
``properties``) so that any FtM tool can read them; items and denials have no
FtM schema and are plain records.  Every record carries a top-level ``provenance`` list
outside ``properties``: FtM properties are typed values, and a citation with
its marking is not one.  The marking is the same object as the cable
record's, so access control can filter a fact by the portions that state it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from interdict.model.provenance import Provenance

__all__ = [
    "EXTRACTION_VERSION",
    "FOLLOWED_ROLES",
    "Denial",
    "Extraction",
    "Item",
    "Link",
    "Party",
    "Provenance",
    "Role",
]

# Raised whenever extraction changes what it finds, so that `intel ingest` knows which stored
# cables to extract again.
EXTRACTION_VERSION = 4


class _Record(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class Role(StrEnum):
    """Link roles; a link reads "subject role object" (Ardalan front_for SHIG).

    ``front_for``, ``acts_for`` and ``owned_by`` lead screening from a name to the
    listed entity behind it; the others are recorded and shown, never followed.
    """

    FRONT_FOR = "front_for"  # a front company, cover name or false end user for
    ACTS_FOR = "acts_for"  # acting on behalf of, brokering for, representing
    SUPPLIES = "supplies"  # supplies, or tries to supply
    OWNED_BY = "owned_by"  # asset -> owner (FtM Ownership runs the other way)
    OFFICER_OF = "officer_of"  # director, managing director, employee
    ASSOCIATED_WITH = "associated_with"  # stated association without a stronger role


FOLLOWED_ROLES = frozenset({Role.FRONT_FOR, Role.ACTS_FOR, Role.OWNED_BY})
PARTY_SCHEMATA = ("Person", "Organization", "Company", "LegalEntity")


class Party(_Record):
    """A person or organisation the cable names, as an FtM entity.

    ``properties`` holds FtM property names: ``name``, ``alias``, ``country``
    (ISO alpha-2, lower case as FtM writes it) and, for a Person, ``position``.
    """

    id: str
    schema_: Literal["Person", "Organization", "Company", "LegalEntity"] = Field(alias="schema")
    properties: dict[str, list[str]]
    provenance: list[Provenance]


class Link(_Record):
    """An FtM ``UnknownLink``: ``subject`` and ``object`` are party ids, ``role`` one Role."""

    id: str
    schema_: Literal["UnknownLink"] = Field(default="UnknownLink", alias="schema")
    properties: dict[str, list[str]]
    provenance: list[Provenance]


class Item(_Record):
    """Goods the cable says are sought or supplied; FtM has no schema for them."""

    record: Literal["item"] = "item"
    id: str
    description: str = Field(description="the goods as the cable describes them")
    model: str | None = Field(description="model or type designation, e.g. FS-1")
    manufacturer: str | None = Field(description="party id of the manufacturer")
    regimes: list[str] = Field(
        description="control regimes the text cites for it: wassenaar, nsg, mtcr, "
        "australia_group, cwc"
    )
    resolutions: list[str] = Field(description="UN Security Council resolutions cited, e.g. 1803")
    provenance: list[Provenance]


class Denial(_Record):
    """A licence denial the cable reports: who refused what, when, for where.

    The register (``interdict denials``) holds these beside the denials
    entered by hand, so that a later case for a similar item or the same end
    user is reminded of it, with the portions that report it.
    """

    record: Literal["denial"] = "denial"
    id: str
    authority: str | None = Field(
        description="ISO alpha-2 code of the government that denied the licence, when stated "
        'or clear from the addressee ("you" in talking points to a host government)'
    )
    date: str | None = Field(description="when it was denied: YYYY, YYYY-MM or YYYY-MM-DD")
    item: str = Field(description="the goods as the cable describes them")
    entries: list[str] = Field(description="control-list entries the text cites, e.g. 2B201")
    destination: str | None = Field(description="ISO alpha-2 code of the country it was for")
    end_user: str | None = Field(description="party id of the end user, when the text names one")
    reason: str | None = Field(description="the reason given, when the text gives one")
    provenance: list[Provenance]


class Extraction(_Record):
    """Everything extracted from one cable."""

    cable: str
    parties: list[Party]
    items: list[Item]
    links: list[Link]
    denials: list[Denial] = Field(default=[], description="licence denials the cable reports")
