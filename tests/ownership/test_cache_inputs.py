"""A cached check run is not reused when what cross-page rules read outside the checked files changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.ownership.inputs import site_inputs
from tests.conftest import run_cli
from tests.ownership.helpers import commit, init_repo, new_site, page, write


def codes_of(site: Path, capsys: pytest.CaptureFixture[str], *paths: str) -> set[str]:
    code, out, err = run_cli(["check", "--format", "json", "--today", "2026-11-22", *paths], site, capsys)
    assert code in (0, 1), err
    return {f["code"] for f in json.loads(out)["findings"]}


def test_codeowners_edit_alone_is_noticed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = new_site(tmp_path / "site")
    run_cli(["owners", "codeowners"], site, capsys)
    assert "OWN010" not in codes_of(site, capsys)
    owners = site / "CODEOWNERS"
    owners.write_text(owners.read_text(encoding="utf-8").replace("@gemeente-diemen/afval", "@iemand"), encoding="utf-8")
    assert "OWN010" in codes_of(site, capsys)


def test_another_page_on_disk_is_noticed_in_a_partial_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = new_site(tmp_path / "site")
    write(site, "content/nl/afval/a.md", page("Grofvuil"))
    write(site, "content/en/afval/a.md", page("Bulky waste"))
    assert "FM007" not in codes_of(site, capsys, "content/nl/afval/a.md")
    write(site, "content/nl/afval/b.md", page("Grofvuil"))
    assert "FM007" in codes_of(site, capsys, "content/nl/afval/a.md")
    (site / "content/en/afval/a.md").unlink()
    assert "TR001" in codes_of(site, capsys, "content/nl/afval/a.md")


def test_fingerprint_follows_commits_and_files(tmp_path: Path) -> None:
    site = new_site(tmp_path / "site")
    init_repo(site)
    commit(site, "one", "2026-10-01T10:00:00")
    content = site / "content"
    first = site_inputs(content)
    assert site_inputs(content) == first
    write(site, "content/nl/afval/kaart.pdf", "%PDF")
    second = site_inputs(content)
    assert second[0] != first[0]
    commit(site, "pdf", "2026-10-02T10:00:00")
    assert site_inputs(content)[1] != second[1]
    assert site_inputs(None) == ["no-content"]
