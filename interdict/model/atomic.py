"""Write a text file so that readers see the old file or the whole new one, never a half.

The text goes to a hidden temporary file beside the target, is flushed to
disk, and replaces the target with ``os.replace``, which is atomic on POSIX
and Windows.  If writing fails, the temporary file is removed and the target
is left as it was.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


@contextmanager
def atomic_output(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
