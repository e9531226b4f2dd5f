"""The ownership fixture site gets exactly its expected findings, whole or one page at a time."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from linters.core.engine import Engine
from linters.core.finding import SourceSpan
from linters.registry import ALL_RULES, load_statute
from tests.conftest import FIXTURES, chdir, run_cli

SITE = FIXTURES / "ownership-site"
TODAY = "2026-11-22"
# Other linters (B1, WCAG) also run on these pages; this test is about these families.
FAMILIES = ("WR", "FM", "OWN", "TR", "LNK")

Found = dict[str, list[tuple[int, str]]]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy outside any git repository, so translation dates come from front-matter."""
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    return copy


@pytest.fixture(scope="module")
def expected() -> Found:
    data = YAML(typ="safe").load((SITE / "expected.yml").read_text(encoding="utf-8"))
    return {path: sorted((int(line), str(code)) for line, code in items) for path, items in data.items()}


def check(site: Path, capsys: pytest.CaptureFixture[str], *paths: str, lang: str = "nl") -> dict[str, Any]:
    code, out, err = run_cli(["--lang", lang, "check", "--format", "json", "--today", TODAY, *paths], site, capsys)
    assert code in (0, 1), err
    report: dict[str, Any] = json.loads(out)
    return report


def findings_by_path(report: dict[str, Any]) -> Found:
    found: Found = {}
    for finding in report["findings"]:
        if finding["code"].rstrip("0123456789") in FAMILIES:
            found.setdefault(finding["location"]["path"], []).append((finding["location"]["line"], finding["code"]))
    return {path: sorted(items) for path, items in found.items()}


def engine_findings(site: Path, *paths: str) -> Found:
    """The same check as the CLI, with only these families: fast enough to run once per page."""
    rules = [r for r in ALL_RULES if r.family in FAMILIES]
    with chdir(site):
        statute = load_statute(site / "redactiestatuut.yml", content_root=site / "content")
        engine = Engine(rules, statute, today=date.fromisoformat(TODAY), content_root=site / "content")
        result = engine.run([Path(p) for p in paths] or [site / "content"])
    found: Found = {}
    for finding in result.findings:
        assert isinstance(finding.location, SourceSpan)
        found.setdefault(finding.path, []).append((finding.location.line, finding.code))
    return {path: sorted(items) for path, items in found.items()}


def test_every_page_gets_exactly_its_findings(site: Path, capsys: pytest.CaptureFixture[str], expected: Found) -> None:
    found = findings_by_path(check(site, capsys))
    assert {p: found.get(p, []) for p in expected} == expected
    assert set(found) <= set(expected), set(found) - set(expected)


def test_every_page_checked_alone_gets_the_same_findings(
    site: Path, capsys: pytest.CaptureFixture[str], expected: Found
) -> None:
    """Cross-page rules read the other pages from disk when only one file is checked."""
    assert engine_findings(site) == findings_by_path(check(site, capsys))
    for path, items in expected.items():
        if not path.endswith(".md"):
            continue
        found = engine_findings(site, path)
        # The run-level note (TR004) goes to the folder, not to the page.
        assert found.get(path, []) == items, path


def test_owner_in_another_departments_section_names_both(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys, "content/nl/afval/kca.md")
    (finding,) = [f for f in report["findings"] if f["code"] == "OWN006"]
    assert "Afval en reiniging (afval)" in finding["message"]
    assert "Parkeren (parkeren)" in finding["message"]
    assert finding["replacements"] == ["afval"]


def test_review_messages_give_dates_cycle_and_source(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys, "content/nl/burgerzaken")
    by_path = {f["location"]["path"]: f for f in report["findings"] if f["code"].startswith("OWN00")}
    nested = by_path["content/nl/burgerzaken/trouwen/index.md"]["message"]
    assert "1 oktober 2026" in nested and "elke 3 maanden" in nested and "sectie burgerzaken/trouwen/" in nested
    assert "52 dagen te laat" in nested
    long = by_path["content/nl/burgerzaken/paspoort.md"]
    assert long["code"] == "OWN009" and long["severity"] == "error"
    assert "meer dan twee keer" in long["message"]


def test_links_say_what_exists_in_the_other_language(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys, "content/en/index.md")
    lines = {f["location"]["line"]: f for f in report["findings"]}
    assert lines[10]["code"] == "LNK002" and lines[10]["replacements"] == ["afval/index.md"]
    assert lines[11]["code"] == "LNK001"
    assert "bestaat wel in het Nederlands" in lines[11]["message"]
    assert lines[11]["replacements"] == ["../nl/burgerzaken/paspoort.md"]


def test_duplicates_name_the_other_page(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys, "content/nl/nieuws/bericht.md")
    (finding,) = [f for f in report["findings"] if f["code"] == "FM007"]
    assert "content/nl/burgerzaken/paspoort.md" in finding["message"]


def test_no_git_is_said_once_with_the_reason(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys)
    notes = [f for f in report["findings"] if f["code"] == "TR004"]
    assert len(notes) == 1
    assert "niet in een git-repository" in notes[0]["message"]
    assert "6 Engelse pagina's" in notes[0]["message"]
    stale = next(f for f in report["findings"] if f["code"] == "TR003")
    assert stale["extras"]["basis"] == "front-matter"


def test_english_messages(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = check(site, capsys, "content/nl/afval/kca.md", lang="en")
    messages = {f["code"]: f["message"] for f in report["findings"]}
    assert messages["TR001"].startswith("Section afval/ must also exist in English")
    assert "content/en/afval/kca.md" in messages["TR001"]
