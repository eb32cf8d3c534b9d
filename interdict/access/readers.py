"""Who is reading: a user of the store, or the local operator who sees everything.

The local operator is whoever runs a command without ``--as``: the person
who holds the store's files already.  Every output says when it was made
for the local operator, and the HTTP service never uses that default.
"""

from __future__ import annotations

from dataclasses import dataclass

from interdict.model.markings import Level

ROLES = ("analyst", "officer", "auditor", "admin")
CLEARANCES = ("U", "C", "S", "TS")
LOCAL_OPERATOR = "local operator"


@dataclass(frozen=True, slots=True)
class Reader:
    name: str
    clearance: Level | None  # None only for the local operator
    country: str | None
    roles: frozenset[str]

    @property
    def operator(self) -> bool:
        return self.clearance is None

    @property
    def clearance_rank(self) -> int:
        return self.clearance.rank if self.clearance is not None else Level.TS.rank

    def can(self, role: str) -> bool:
        """Roles build on each other: an officer is an analyst too; the operator is everyone."""
        if self.operator or role in self.roles:
            return True
        return role == "analyst" and "officer" in self.roles


OPERATOR = Reader(LOCAL_OPERATOR, None, None, frozenset(ROLES))
