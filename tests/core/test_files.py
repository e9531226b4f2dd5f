"""Report files are written whole, and readable like any file the user makes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from linters.core.files import write_atomic


def test_file_gets_the_users_normal_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "reports" / "index.html"
        write_atomic(target, "<p>hallo</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "<p>hallo</p>"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "check.json"
    target.write_text("oud", encoding="utf-8")

    # Writing something that is not text fails halfway, after the temporary file exists.
    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in tmp_path.iterdir()] == ["check.json"]
