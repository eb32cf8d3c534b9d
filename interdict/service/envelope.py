"""Every Interdict response carries the banner of what it shows and the reader it was made for."""

from __future__ import annotations

from typing import Any

from interdict.service.auth import Caller
from interdict.store.engine import Store


def envelope(who: Caller, payload: dict[str, Any], store: Store | None = None) -> dict[str, Any]:
    """``store``: the one the payload was read through, when not the caller's own (a case
    context or the screener's knowledge base), whose gate saw what was shown."""
    gate = (store or who.store).gate
    return {**payload, "banner": gate.banner.text(), "reader": who.reader.name}
