"""Where Interdict keeps its data: ``$INTERDICT_HOME``, else the per-user data directory."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir


def data_home() -> Path:
    configured = os.environ.get("INTERDICT_HOME")
    return Path(configured) if configured else Path(user_data_dir("interdict", appauthor=False))
