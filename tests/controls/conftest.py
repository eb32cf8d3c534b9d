from __future__ import annotations

import pytest

from interdict.controls.catalogue import bundled
from interdict.controls.entries import ControlList


@pytest.fixture(scope="session")
def controls() -> ControlList:
    return bundled()[0]
