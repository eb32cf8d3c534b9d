"""The one error the store raises for anything a user can fix."""

from __future__ import annotations


class StoreError(Exception):
    """A store that cannot be used as asked, with a message saying why and what to do."""


class RecordRejectedError(StoreError):
    """The database refused one write for what it held (a constraint, a value too long).

    Distinct from a lost connection: a batch refused for this reason is worth
    retrying record by record, a batch refused for the other is not.
    """
