"""CODEOWNERS from the statute (GitHub and GitLab), the staleness check, and `owners review`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linters.core.finding import SourceSpan
from linters.ownership.codeowners import first_difference, render_github, render_gitlab, reviewers_for
from linters.registry import load_statute
from tests.conftest import REPO, run_cli
from tests.ownership.helpers import STATUTE, codes, commit, git, init_repo, new_site, page, run_checks, write


@pytest.fixture
def statute_text() -> str:
    return STATUTE.read_text(encoding="utf-8")


def rules_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_github_syntax_webredactie_everywhere_departments_on_their_sections() -> None:
    text = render_github(load_statute(STATUTE))
    rules = rules_of(text)
    assert rules[0] == "* @gemeente-diemen/webredactie"
    assert "/content/nl/afval/ @gemeente-diemen/webredactie @gemeente-diemen/afval" in rules
    assert "/content/en/afval/ @gemeente-diemen/webredactie @gemeente-diemen/afval" in rules
    assert "/content/nl/index.md @gemeente-diemen/webredactie" in rules
    # Both handles of a department, no handle twice.
    assert (
        "/content/nl/burgerzaken/ @gemeente-diemen/webredactie @gemeente-diemen/burgerzaken burgerzaken@diemen.nl"
        in rules
    )
    # Last match wins on GitHub: the nested section comes after its parent.
    assert rules.index(
        "/content/nl/burgerzaken/trouwen/ @gemeente-diemen/webredactie @gemeente-diemen/burgerzaken"
        " burgerzaken@diemen.nl"
    ) > rules.index(
        "/content/nl/burgerzaken/ @gemeente-diemen/webredactie @gemeente-diemen/burgerzaken burgerzaken@diemen.nl"
    )
    # A department without reviewers is said in a comment, and only the webredactie is asked.
    assert "/content/nl/belastingen/ @gemeente-diemen/webredactie" in rules
    assert "no 'reviewers'" in text


def test_gitlab_sections_with_required_approvals() -> None:
    text = render_gitlab(load_statute(STATUTE), approvals=2)
    rules = rules_of(text)
    assert rules[:2] == ["[Communicatie en webredactie][2] @gemeente-diemen/webredactie", "*"]
    afval = rules.index("[Afval en reiniging][2] @gemeente-diemen/afval")
    assert rules[afval + 1 : afval + 3] == ["/content/nl/afval/", "/content/en/afval/"]
    assert not any(r.startswith("[Belastingen]") for r in rules)


def test_review_routing_follows_the_last_match() -> None:
    statute = load_statute(STATUTE)
    routing = reviewers_for(
        statute, ["content/en/afval/grofvuil.md", "content/nl/burgerzaken/trouwen/a.md", "linters/cli.py"]
    )
    assert list(routing) == ["webredactie", "afval", "burgerzaken"]
    assert [(r.path, r.section) for r in routing["afval"]] == [("content/en/afval/grofvuil.md", "afval/")]
    assert [r.section for r in routing["burgerzaken"]] == ["burgerzaken/trouwen/"]
    assert len(routing["webredactie"]) == 3


def test_differences_ignore_comments_and_spacing() -> None:
    expected = "# head\n*   @a\n\n/x/  @a @b\n"
    assert first_difference("*\t@a\n# other comment\n/x/ @a @b\n", expected) is None
    difference = first_difference("* @a\n/x/ @a @c\n", expected)
    assert difference is not None
    assert (difference.line, difference.found, difference.expected) == (2, "/x/ @a @c", "/x/ @a @b")
    missing = first_difference("* @a\n", expected)
    assert missing is not None and missing.found is None and missing.line == 2


@pytest.mark.emits("OWN010")
def test_command_writes_and_check_reports_when_it_no_longer_matches(
    tmp_path: Path, statute_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = new_site(tmp_path / "site")
    code, out, _ = run_cli(["owners", "codeowners"], root, capsys)
    assert code == 0 and "CODEOWNERS" in out
    assert not codes(run_checks(root), "OWN010")
    # The statute moves parkeren/ to another department; the committed file is now wrong.
    (root / "redactiestatuut.yml").write_text(
        statute_text.replace("  - pad: parkeren/\n    eigenaar: parkeren", "  - pad: parkeren/\n    eigenaar: afval"),
        encoding="utf-8",
    )
    (message,) = codes(run_checks(root), "OWN010").values()
    assert "/content/nl/parkeren/ @gemeente-diemen/webredactie @gemeente-diemen/parkeren" in message
    assert "/content/nl/parkeren/ @gemeente-diemen/webredactie @gemeente-diemen/afval" in message
    assert "webredactie owners codeowners" in message
    finding = next(f for f in run_checks(root).findings if f.code == "OWN010")
    lines = (root / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    assert isinstance(finding.location, SourceSpan)
    assert lines[finding.location.line - 1].startswith("/content/nl/parkeren/")


def test_gitlab_file_is_checked_as_gitlab(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = new_site(tmp_path / "site")
    target = root / ".gitlab" / "CODEOWNERS"
    code, _, _ = run_cli(["owners", "codeowners", "--gitlab", "--approvals", "2", "-o", str(target)], root, capsys)
    assert code == 0
    assert not codes(run_checks(root), "OWN010")
    target.write_text(target.read_text(encoding="utf-8").replace("[Parkeren][2]", "[Parkeren][1]"), encoding="utf-8")
    (message,) = codes(run_checks(root), "OWN010").values()
    assert "--gitlab" in message


def test_the_committed_codeowners_of_this_repository_is_current() -> None:
    committed = (REPO / "CODEOWNERS").read_text(encoding="utf-8")
    assert committed == render_github(load_statute(REPO / "redactiestatuut.yml")), "run: webredactie owners codeowners"


def test_codeowners_without_webredactie_team_stops_clearly(
    tmp_path: Path, statute_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    root = new_site(tmp_path / "site")
    (root / "redactiestatuut.yml").write_text(
        statute_text.replace('    reviewers: ["@gemeente-diemen/webredactie"]\n', ""), encoding="utf-8"
    )
    code, out, err = run_cli(["owners", "codeowners"], root, capsys)
    assert code == 2 and out == ""
    assert "geen 'reviewers'" in err and not (root / "CODEOWNERS").exists()


@pytest.fixture
def changed_repo(tmp_path: Path) -> Path:
    root = new_site(tmp_path / "repo")
    init_repo(root)
    commit(root, "start", "2026-10-01T10:00:00")
    root.joinpath("base").write_text(git(root, "rev-parse", "HEAD"))
    write(root, "content/nl/afval/grofvuil.md", page("Grofvuil"))
    commit(root, "new page", "2026-10-02T10:00:00")
    write(root, "content/en/parkeren/index.md", page("Parking", "parkeren", body="Changed, not committed."))
    write(root, "notes.txt", "untracked\n")
    return root


def test_review_since_lists_departments_and_why(changed_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = (changed_repo / "base").read_text().strip()
    code, out, err = run_cli(["owners", "review", "--since", base], changed_repo, capsys)
    assert code == 0, err
    assert "door 3 afdelingen" in out
    assert "  - content/nl/afval/grofvuil.md (sectie afval/)" in out
    assert "  - content/en/parkeren/index.md (sectie parkeren/)" in out
    assert "alle 4 bestand(en): de webredactie beheert de hele site" in out  # with notes.txt and base


def test_review_json_and_given_paths(changed_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["owners", "review", "--format", "json", "content/nl/parkeren/x.md"], changed_repo, capsys)
    assert code == 0
    document = json.loads(out)
    assert [d["id"] for d in document["departments"]] == ["webredactie", "parkeren"]
    assert document["departments"][1]["files"] == [{"path": "content/nl/parkeren/x.md", "section": "parkeren/"}]


def test_review_with_unknown_revision_or_nothing_given(changed_repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["owners", "review", "--since", "bestaat-niet"], changed_repo, capsys)
    assert code == 2 and out == ""
    assert "git kan niet zeggen wat er sinds 'bestaat-niet' is veranderd" in err
    code, _, err = run_cli(["owners", "review"], changed_repo, capsys)
    assert code == 2 and "--since" in err


def test_review_since_outside_git_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = new_site(tmp_path / "site")
    code, _, err = run_cli(["owners", "review", "--since", "main"], root, capsys)
    assert code == 2
    assert "de projectmap is geen git-repository" in err
    code, out, _ = run_cli(["owners", "review", "content/nl/afval/index.md"], root, capsys)
    assert code == 0 and "(sectie afval/)" in out
