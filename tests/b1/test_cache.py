"""The run cache: a warm run answers from the cache, and the cache never changes a result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import linters.core.engine
from tests.conftest import FIXTURES, run_cli

SITE = FIXTURES / "b1-rules"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    return copy


def check(site: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    _, out, _ = run_cli(["check", "--format", "json", "--today", "2026-11-22", *extra], site, capsys)
    return out


def test_warm_run_equals_cold_run_and_reads_no_page(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    uncached = check(site, capsys, "--no-cache")
    cold = check(site, capsys)
    assert cold == uncached
    assert list((site / ".webredactie-cache").glob("run-*.json"))

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm run must not parse pages")

    monkeypatch.setattr(linters.core.engine, "read_page", no_reading)
    warm = check(site, capsys)
    assert warm == cold


def test_a_changed_page_changes_the_result(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = check(site, capsys)
    page = site / "content" / "nl" / "afval" / "b1003-officialese.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Indien u vragen", "Als u vragen"), encoding="utf-8")
    after = check(site, capsys)
    assert after != before
    assert after == check(site, capsys, "--no-cache")


def test_a_changed_statute_or_date_changes_the_result(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = check(site, capsys)
    statute = site / "redactiestatuut.yml"
    statute.write_text(statute.read_text(encoding="utf-8").replace("aanspreekvorm: u", "aanspreekvorm: je"), "utf-8")
    changed = check(site, capsys)
    assert changed != before
    assert changed == check(site, capsys, "--no-cache")
    later = check(site, capsys, "--today", "2027-11-22")
    assert later == check(site, capsys, "--no-cache", "--today", "2027-11-22")


def test_a_damaged_cache_file_is_ignored(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cold = check(site, capsys)
    for stored in (site / ".webredactie-cache").glob("run-*.json"):
        stored.write_text("{ kapot", encoding="utf-8")
    assert check(site, capsys) == cold
