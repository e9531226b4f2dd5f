"""Stale translations from one `git log`: renames followed, uncommitted edits counted, gaps said once."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from linters.ownership import history
from linters.ownership.history import parse_log
from tests.ownership.helpers import codes, commit, init_repo, new_site, page, run_checks, write

GRANDMA_NL = "content/nl/afval/grofvuil.md"
GRANDMA_EN = "content/en/afval/grofvuil.md"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Dutch and English page committed together; later only the Dutch page changes.

    The front-matter says the opposite (English reviewed later), so a finding
    proves the dates came from git.
    """
    root = new_site(tmp_path / "repo")
    init_repo(root)
    write(root, GRANDMA_NL, page("Grofvuil", reviewed="2026-09-01"))
    write(root, GRANDMA_EN, page("Bulky waste", reviewed="2026-10-01"))
    commit(root, "both pages", "2026-09-01T10:00:00")
    write(root, GRANDMA_NL, page("Grofvuil", reviewed="2026-09-01", body="Nieuwe tarieven."))
    commit(root, "new prices in Dutch", "2026-11-02T10:00:00")
    return root


def test_dutch_change_after_english_is_stale_by_git(repo: Path) -> None:
    result = run_checks(repo)
    stale = codes(result, "TR003")
    assert list(stale) == [GRANDMA_EN]
    assert "veranderd op 2 november 2026" in stale[GRANDMA_EN]
    assert "bijgewerkt op 1 september 2026" in stale[GRANDMA_EN]
    assert not codes(result, "TR004"), "git knew every date"


def test_a_change_on_the_same_day_gives_that_date_once(tmp_path: Path) -> None:
    root = new_site(tmp_path / "repo")
    init_repo(root)
    write(root, GRANDMA_NL, page("Grofvuil", reviewed="2026-09-01"))
    write(root, GRANDMA_EN, page("Bulky waste", reviewed="2026-10-01"))
    commit(root, "both pages", "2026-11-02T09:00:00")
    write(root, GRANDMA_NL, page("Grofvuil", reviewed="2026-09-01", body="Nieuwe tarieven."))
    commit(root, "new prices in Dutch", "2026-11-02T15:00:00")
    message = codes(run_checks(root), "TR003")[GRANDMA_EN]
    assert message.count("2 november 2026") == 1
    assert "na de laatste keer dat deze vertaling is bijgewerkt" in message


def test_one_page_checked_alone_uses_the_same_history(repo: Path) -> None:
    assert list(codes(run_checks(repo, GRANDMA_EN), "TR003")) == [GRANDMA_EN]


def test_translation_reviewed_on_or_after_the_change_clears_it(repo: Path) -> None:
    write(repo, GRANDMA_EN, page("Bulky waste", reviewed="2026-10-01", extra="translation_reviewed: 2026-11-02\n"))
    commit(repo, "checked", "2026-09-15T10:00:00")  # committed with an older date on purpose
    assert not codes(run_checks(repo), "TR003")


def test_updating_the_english_page_clears_it(repo: Path) -> None:
    write(repo, GRANDMA_EN, page("Bulky waste", reviewed="2026-11-03", body="New prices."))
    commit(repo, "new prices in English", "2026-11-03T10:00:00")
    assert not codes(run_checks(repo), "TR003")


def test_uncommitted_dutch_edit_counts_as_now(tmp_path: Path) -> None:
    root = new_site(tmp_path / "repo")
    init_repo(root)
    write(root, GRANDMA_NL, page("Grofvuil"))
    write(root, GRANDMA_EN, page("Bulky waste"))
    commit(root, "both", "2026-09-01T10:00:00")
    assert not codes(run_checks(root), "TR003")
    write(root, GRANDMA_NL, page("Grofvuil", body="Nog niet gecommit."))
    assert list(codes(run_checks(root), "TR003")) == [GRANDMA_EN]


def test_a_pure_rename_keeps_the_date_of_the_last_edit(repo: Path) -> None:
    """Without following renames both files would look changed on the rename day: not stale."""
    for lang in ("nl", "en"):
        (repo / f"content/{lang}/afval/ophalen.md").parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["git", "mv", f"content/{lang}/afval/grofvuil.md", f"content/{lang}/afval/ophalen.md"], cwd=repo, check=True
        )
    commit(repo, "rename", "2026-11-10T10:00:00")
    stale = codes(run_checks(repo), "TR003")
    assert list(stale) == ["content/en/afval/ophalen.md"]
    assert "veranderd op 2 november 2026" in stale["content/en/afval/ophalen.md"]


def test_exactly_one_git_log_for_the_whole_site(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(12):
        write(repo, f"content/nl/afval/p{number}.md", page(f"Pagina {number}"))
        write(repo, f"content/en/afval/p{number}.md", page(f"Page {number}"))
    commit(repo, "many pages", "2026-11-05T10:00:00")
    calls: list[list[str]] = []
    real = history._git

    def counting(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
        calls.append(args)
        return real(args, cwd)

    monkeypatch.setattr(history, "_git", counting)
    result = run_checks(repo)
    assert [c[0] for c in calls].count("log") == 1
    assert len(calls) == 3  # rev-parse, log, status: the same for 2 pages or 2,000
    assert list(codes(result, "TR003")) == [GRANDMA_EN]


def test_shallow_clone_falls_back_and_says_so_once(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    result = run_checks(clone)
    notes = codes(result, "TR004")
    assert list(notes) == ["content/en"]
    assert "ondiepe kopie" in notes["content/en"] and "git fetch --unshallow" in notes["content/en"]
    # The front-matter says English was reviewed after Dutch: not stale by the fallback.
    assert not codes(result, "TR003")


def test_no_git_installed_still_runs(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "no-git"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_checks(repo)
    assert "git is niet geïnstalleerd" in codes(result, "TR004")["content/en"]
    assert not any(f.code == "WR900" for f in result.findings)


def test_parse_log_follows_a_chain_of_renames() -> None:
    record = "\x1e{h}\x1f{t}\x1f{p}\0\n{entries}"
    log = "".join(
        [
            record.format(h="c3", t=300, p="c2", entries="R100\0nl/b.md\0nl/c.md\0"),
            record.format(h="c2", t=200, p="c1", entries="R100\0nl/a.md\0nl/b.md\0M\0en/c.md\0"),
            record.format(h="c1", t=100, p="", entries="A\0nl/a.md\0A\0en/c.md\0D\0nl/gone.md\0"),
        ]
    )
    changed, cut_off = parse_log(log, shallow=False)
    assert changed == {"nl/c.md": 100.0, "en/c.md": 200.0}
    assert not cut_off
    changed, cut_off = parse_log(log, shallow=True)
    assert changed == {"en/c.md": 200.0}
    assert cut_off == {"nl/c.md"}


def test_parse_log_edit_with_rename_is_a_change() -> None:
    log = "\x1ec2\x1f200\x1fc1\0\nR087\0nl/a.md\0nl/b.md\0\x1ec1\x1f100\x1f\0\nA\0nl/a.md\0"
    changed, _ = parse_log(log, shallow=False)
    assert changed == {"nl/b.md": 200.0}
