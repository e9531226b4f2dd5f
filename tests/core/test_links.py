"""Symbolic links in content/: refused ones are reported at the link and never read."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from linters.core.engine import Engine, discover
from linters.core.finding import SourceSpan
from linters.core.links import LinkProblem, markdown_files, unsafe_link
from linters.core.page import read_page
from linters.registry import ALL_RULES, load_statute
from tests.conftest import chdir
from tests.ownership.helpers import new_site, page, write


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = new_site(tmp_path / "repo")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(page("Geheim", body="Wachtwoord: hunter2"), encoding="utf-8")
    (outside / "geheim.pdf").write_bytes(b"%PDF-1.4 geheim")
    afval = root / "content" / "nl" / "afval"
    os.symlink(outside / "geheim.md", afval / "buiten.md")
    os.symlink(outside / "geheim.pdf", afval / "tarieven.pdf")
    os.symlink(outside, afval / "buitenmap")
    os.symlink("/dev/zero", afval / "nul.md")
    os.symlink("lus-b.md", afval / "lus-a.md")
    os.symlink("lus-a.md", afval / "lus-b.md")
    os.symlink("bestaat-niet.md", afval / "weg.md")
    os.symlink(root / ".git" / "config", afval / "git.md")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\nurl = https://token@example.org/x\n", encoding="utf-8")
    os.symlink("../parkeren", afval / "parkeren-kopie")
    write(root, "content/nl/afval/echt.md", page("Echt"))
    os.symlink("echt.md", afval / "ook-echt.md")
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    os.symlink(fifo, afval / "pijp.md")
    return root


EXPECTED = {
    "buiten.md": LinkProblem.OUTSIDE,
    "tarieven.pdf": LinkProblem.OUTSIDE,
    "buitenmap": LinkProblem.OUTSIDE,
    "nul.md": LinkProblem.OUTSIDE,
    "lus-a.md": LinkProblem.LOOP,
    "lus-b.md": LinkProblem.LOOP,
    "weg.md": LinkProblem.MISSING,
    "git.md": LinkProblem.OUTSIDE,
    "parkeren-kopie": LinkProblem.FOLDER,
    "pijp.md": LinkProblem.OUTSIDE,
}


def test_each_refused_link_and_why(site: Path) -> None:
    afval = site / "content" / "nl" / "afval"
    content = site / "content"
    for name, problem in EXPECTED.items():
        found = unsafe_link(afval / name, content, site)
        assert found is not None and found.problem == problem, name
        assert found.link == afval / name
    assert unsafe_link(afval / "ook-echt.md", content, site) is None
    assert unsafe_link(afval / "echt.md", content, site) is None
    # A file inside a linked folder is refused at the folder link.
    inner = unsafe_link(afval / "buitenmap" / "geheim.md", content, site)
    assert inner is not None and inner.link == afval / "buitenmap"


def test_a_link_to_a_special_file_inside_the_repository(tmp_path: Path) -> None:
    root = new_site(tmp_path / "repo")
    os.mkfifo(root / "pijp")
    os.symlink(root / "pijp", root / "content" / "nl" / "afval" / "pijp.md")
    found = unsafe_link(root / "content" / "nl" / "afval" / "pijp.md", root / "content", root)
    assert found is not None and found.problem == LinkProblem.SPECIAL


def test_discover_never_follows_and_lists_every_refused_link(site: Path) -> None:
    found = discover([site / "content"], site / "content")
    names = {p.name for p in found.files}
    assert "echt.md" in names and "ook-echt.md" in names
    assert not names & set(EXPECTED)
    assert {link.link.name for link in found.links} == set(EXPECTED)
    # A refused link given on the command line is refused too.
    given = discover([site / "content" / "nl" / "afval" / "nul.md"], site / "content")
    assert given.files == [] and [link.problem for link in given.links] == [LinkProblem.OUTSIDE]


def test_other_readers_skip_refused_links(site: Path) -> None:
    listed = {p.name for p in markdown_files(site / "content" / "nl", site)}
    assert "echt.md" in listed and not listed & set(EXPECTED)
    refused = read_page(site / "content" / "nl" / "afval" / "nul.md", site / "content")
    assert not refused.readable and refused.text == ""


@pytest.mark.emits("WR008")
def test_check_reports_each_link_at_the_link_with_its_owner(site: Path) -> None:
    statute = load_statute(site / "redactiestatuut.yml")
    engine = Engine(ALL_RULES, statute, today=date(2026, 11, 22), content_root=site / "content")
    with chdir(site):
        result = engine.run([site / "content"])
    links = {f.path: f for f in result.findings if f.code == "WR008"}
    assert set(links) == {f"content/nl/afval/{name}" for name in EXPECTED}
    for finding in links.values():
        assert isinstance(finding.location, SourceSpan) and finding.location.line == 1
        assert finding.owner == "afval" and finding.severity.label == "error"
    assert "buiten de map van de website" in links["content/nl/afval/buiten.md"].message.nl
    assert "hunter2" not in repr(result)
    assert not any(f.path.startswith("/") for f in result.findings)
