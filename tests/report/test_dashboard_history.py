"""The history file: broken or old histories are kept and reported, never lost; writes are atomic."""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from linters.report import history
from linters.report.dashboard import Published, publish
from tests.report.test_dashboard import DEPARTMENTS, NOW, RUN, TODAY, fixture_run


def _publish(out: Path, now: datetime = NOW) -> Published:
    return publish(out, fixture_run(), DEPARTMENTS, today=TODAY, now=now, run_id=now.isoformat())


def _history(out: Path) -> list[dict[str, object]]:
    return history.parse((out / history.FILE_NAME).read_text(encoding="utf-8"))


def test_first_run_starts_a_history(tmp_path: Path) -> None:
    published = _publish(tmp_path)
    assert published.history_problem is None
    assert len(_history(tmp_path)) == 1


def test_each_run_appends_and_the_same_run_replaces(tmp_path: Path) -> None:
    shutil.copy(RUN / "reports" / "history.json", tmp_path / history.FILE_NAME)
    _publish(tmp_path)
    assert len(_history(tmp_path)) == 4
    _publish(tmp_path, NOW.replace(hour=22))
    assert len(_history(tmp_path)) == 5
    again = publish(tmp_path, fixture_run(), DEPARTMENTS, today=TODAY, now=NOW, run_id=NOW.replace(hour=22).isoformat())
    assert again.records == 5


@pytest.mark.parametrize(
    ("content", "reason", "label"),
    [
        (b'{"version":1,"tool":"webredactie","records":[{"at":', "corrupt", "kapot"),
        (b"\xff\xfe not utf-8", "corrupt", "kapot"),
        (b'{"version":1,"tool":"webredactie","records":[{"at":"2026-01-01"}]}', "corrupt", "kapot"),
        (b'{"version":1,"tool":"webredactie","records":{}}', "corrupt", "kapot"),
        (b'["not", "a", "history"]', "corrupt", "kapot"),
        (b'{"version":0,"tool":"webredactie","records":[]}', "old-version", "oud"),
        (b'{"tool":"webredactie","records":[]}', "corrupt", "kapot"),
        (b'{"version":7,"tool":"webredactie","records":[]}', "new-version", "nieuw"),
    ],
)
def test_unusable_history_is_kept_reported_and_restarted(
    tmp_path: Path, content: bytes, reason: str, label: str
) -> None:
    (tmp_path / history.FILE_NAME).write_bytes(content)
    published = publish(tmp_path, fixture_run(), DEPARTMENTS, today=TODAY, now=NOW, run_id="x")
    problem = published.history_problem
    assert problem is not None and problem.reason == reason
    backup = tmp_path / f"history.{label}-20261122-214000.json"
    assert problem.backup == backup.name
    assert backup.read_bytes() == content  # the old file, byte for byte
    assert backup.name in problem.message.nl
    # A new history with this run only; the dashboard is complete and says what happened.
    records = _history(tmp_path)
    assert len(records) == 1 and records[0]["pages"] == len(fixture_run().pages)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Let op:" in index and backup.name in index
    assert (tmp_path / "afdeling-afval.html").is_file()


def test_a_second_broken_history_on_the_same_second_gets_its_own_copy(tmp_path: Path) -> None:
    for _ in range(2):
        (tmp_path / history.FILE_NAME).write_text("kapot", encoding="utf-8")
        _publish(tmp_path)
    copies = sorted(p.name for p in tmp_path.glob("history.kapot-*"))
    assert copies == ["history.kapot-20261122-214000-2.json", "history.kapot-20261122-214000.json"]


def test_a_history_folder_instead_of_a_file_is_reported_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / history.FILE_NAME).mkdir()
    published = _publish(tmp_path)
    assert published.history_problem is not None and published.history_problem.backup is None
    assert "Er kon geen kopie worden gemaakt" in published.history_problem.message.nl
    assert published.history_error is not None and "niet worden bewaard" in published.history_error
    assert (tmp_path / "index.html").is_file()


def test_a_crash_while_writing_leaves_the_old_files_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _publish(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real_replace = os.replace
    calls = {"n": 0}

    def failing_replace(src: str, dst: str) -> None:
        calls["n"] += 1
        if Path(dst).name == "index.html":
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr("linters.core.files.os.replace", failing_replace)
    result = fixture_run()
    result.findings = result.findings[:3]
    with pytest.raises(OSError, match="disk full"):
        publish(tmp_path, result, DEPARTMENTS, today=TODAY, now=NOW.replace(hour=23), run_id="crash")
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    # No half file and no temporary file is left; the overview and the history are the old ones.
    assert set(after) == set(before)
    assert after["index.html"] == before["index.html"]
    assert after[history.FILE_NAME] == before[history.FILE_NAME]
    assert calls["n"] > 1  # department pages were written before the overview


def test_department_pages_that_no_longer_exist_are_removed(tmp_path: Path) -> None:
    (tmp_path / "afdeling-opgeheven.html").write_text("oud", encoding="utf-8")
    (tmp_path / "notities.html").write_text("van iemand anders", encoding="utf-8")
    published = _publish(tmp_path)
    assert published.removed == ["afdeling-opgeheven.html"]
    assert (tmp_path / "notities.html").is_file()


def test_history_file_is_one_record_a_line(tmp_path: Path) -> None:
    shutil.copy(RUN / "reports" / "history.json", tmp_path / history.FILE_NAME)
    _publish(tmp_path)
    lines = (tmp_path / history.FILE_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 + 4
    assert json.loads(lines[-2].rstrip(","))["run_id"] == NOW.isoformat()
