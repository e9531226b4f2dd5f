"""Small sites in a temporary git repository, with commits at chosen dates."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

from linters.core.engine import Engine, RunResult
from linters.registry import ALL_RULES, load_statute
from tests.conftest import FIXTURES, chdir

STATUTE = FIXTURES / "ownership-site" / "redactiestatuut.yml"
FAMILIES = ("WR", "FM", "OWN", "TR", "LNK")


def page(title: str, owner: str = "afval", reviewed: str = "2026-10-01", extra: str = "", body: str = "Tekst.") -> str:
    return (
        f"---\ntitle: {title}\ndescription: Over {title}.\nowner: {owner}\nreviewed: {reviewed}\n{extra}---\n\n{body}\n"
    )


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def new_site(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(STATUTE, root / "redactiestatuut.yml")
    # The statute requires these folders to exist in Dutch.
    write(root, "content/nl/afval/index.md", page("Afval"))
    write(root, "content/en/afval/index.md", page("Waste"))
    write(root, "content/nl/parkeren/index.md", page("Parkeren", "parkeren"))
    write(root, "content/en/parkeren/index.md", page("Parking", "parkeren"))
    return root


def git(root: Path, *args: str, when: str = "2026-01-01T12:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def init_repo(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "commit.gpgsign", "false")


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A", when=when)
    git(root, "commit", "-q", "-m", message, when=when)


def run_checks(root: Path, *paths: str, today: str = "2026-11-22") -> RunResult:
    rules = [r for r in ALL_RULES if r.family in FAMILIES]
    with chdir(root):
        statute = load_statute(root / "redactiestatuut.yml", content_root=root / "content")
        engine = Engine(rules, statute, today=date.fromisoformat(today), content_root=root / "content")
        return engine.run([Path(p) for p in paths] or [root / "content"])


def codes(result: RunResult, code: str) -> dict[str, str]:
    """Path -> message of every finding with this code."""
    return {f.path: f.message.nl for f in result.findings if f.code == code}
