"""The bundled control lists and rule books, loaded and validated once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

from interdict.controls.entries import ControlList, Jurisdiction, load_control_list
from interdict.controls.rules import Rules, load_rules


@cache
def bundled() -> tuple[ControlList, dict[Jurisdiction, Rules]]:
    with as_file(files("interdict.data") / "controls") as folder:
        return load(Path(folder))


def load(folder: Path) -> tuple[ControlList, dict[Jurisdiction, Rules]]:
    controls = load_control_list(folder)
    return controls, load_rules(folder / "rules", controls.vocabulary)
