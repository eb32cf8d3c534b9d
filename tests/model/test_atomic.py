"""Atomic text output: the old file or the whole new one, never a half, never a stray temp."""

from __future__ import annotations

from pathlib import Path

import pytest

from interdict.model.atomic import atomic_output


def test_writes_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(target) as handle:
        handle.write("one\n")
        assert not target.exists()  # nothing visible until the write is complete
    assert target.read_text(encoding="utf-8") == "one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk full"), atomic_output(target) as handle:
        handle.write("new, half written")
        raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
