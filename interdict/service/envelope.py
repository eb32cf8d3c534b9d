"""Every Interdict response carries the banner of what it shows and the reader it was made for."""

from __future__ import annotations

from typing import Any

from interdict.service.auth import Caller


def envelope(who: Caller, payload: dict[str, Any]) -> dict[str, Any]:
    return {**payload, "banner": who.store.gate.banner.text(), "reader": who.reader.name}
