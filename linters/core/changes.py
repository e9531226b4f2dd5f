"""Which pages a change touched, for `webredactie check --changed-since REV`.

Fast feedback before a commit or in a pull request: check the pages that
changed, and the pages that link to them or show their images (a renamed
or deleted page breaks the links to it, not itself). git is asked once:
`git diff --name-only --merge-base REV`, which covers committed, staged and
unstaged changes since the point where this branch left REV, and a second
call adds new files that git does not track yet (an editor's new page is
part of the change before its first `git add`).

A changed statute changes owners and review cycles of every page, so then
every page is checked.
"""

from __future__ import annotations

import posixpath
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from linters.core.links import markdown_files
from linters.core.page import read_page

_SKIPPED = {".git", "node_modules", "__pycache__"}
_SCHEMES = ("http:", "https:", "mailto:", "tel:", "ftp:", "data:", "javascript:")


class ChangeError(Exception):
    """git could not tell what changed; the message is for people (Dutch)."""


@dataclass(frozen=True)
class ChangedPages:
    """The pages to check and why."""

    changed: tuple[Path, ...]  # pages the change touched
    linking: tuple[Path, ...]  # pages that link to a touched file
    everything: bool  # the statute changed: check every page

    @property
    def pages(self) -> list[Path]:
        """Every page to check, each once, in path order."""
        return sorted(set(self.changed) | set(self.linking))


def git_changed(root: Path, rev: str) -> list[str]:
    """Paths (relative to `root`) changed since the merge base of `rev` and the working tree."""
    if rev.startswith("-"):
        raise ChangeError(f"'{rev}' is geen git-versie. Geef bijvoorbeeld main, origin/main of HEAD~1.")
    try:
        proc = subprocess.run(
            [
                "git",
                "-c",
                "core.quotepath=off",
                "diff",
                "--name-only",
                "-z",
                "--no-renames",
                "--relative",
                "--merge-base",
                rev,
                "--",
            ],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except FileNotFoundError:
        raise ChangeError(
            "git is niet geïnstalleerd. Zonder git kan webredactie niet zien wat er veranderd is."
        ) from None
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ChangeError(f"git gaf geen antwoord: {err}") from None
    if proc.returncode != 0:
        detail = proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else f"code {proc.returncode}"
        raise ChangeError(
            f"git kon de wijzigingen sinds '{rev}' niet geven ({detail}). "
            "Bestaat die versie? Probeer main, origin/main of HEAD~1."
        )
    return [name for name in proc.stdout.split("\0") if name] + _untracked(root)


def _untracked(root: Path) -> list[str]:
    """New files git does not track yet (and does not ignore), relative to `root`."""
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise ChangeError(f"git gaf geen antwoord: {err}") from None
    if proc.returncode != 0:
        return []
    return [name for name in proc.stdout.split("\0") if name]


def _markdown_files(folder: Path) -> Iterable[Path]:
    return markdown_files(folder, folder.parent, frozenset(_SKIPPED))


def _target(page_rel: str, href: str) -> str | None:
    """Where a relative link from a page (root-relative path) lands, root-relative; None for other links."""
    if not href or href.startswith(("#", "/")) or href.lower().startswith(_SCHEMES):
        return None
    path = unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/"):
        joined = f"{joined}/index.md"
    return joined


def _needles(touched: Iterable[str]) -> set[str]:
    """Cheap strings one of which a page must contain to possibly link to a touched file."""
    needles = set()
    for rel in touched:
        name = posixpath.basename(rel)
        needles.add(name)
        if name == "index.md":
            parent = posixpath.basename(posixpath.dirname(rel))
            if parent:
                needles.add(parent)
    return needles


def pages_to_check(root: Path, content_root: Path, touched: Sequence[str], statute_file: str) -> ChangedPages:
    """The pages among and around the touched files (paths relative to `root`)."""
    if statute_file in touched:
        return ChangedPages(tuple(_markdown_files(content_root)), (), True)
    content_rel = content_root.resolve().relative_to(root.resolve()).as_posix() if content_root.is_dir() else ""
    inside = [t for t in touched if not content_rel or t.startswith(content_rel.rstrip("/") + "/")]
    changed = tuple(root / t for t in inside if t.endswith(".md") and (root / t).is_file())
    targets = set(inside)
    needles = _needles(targets)
    linking: list[Path] = []
    already = {p.resolve() for p in changed}
    if needles and content_root.is_dir():
        for path in _markdown_files(content_root):
            if path.resolve() in already:
                continue
            try:
                raw = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if not any(needle in raw for needle in needles):
                continue
            page = read_page(path, content_root)
            page_rel = path.resolve().relative_to(root.resolve()).as_posix()
            hrefs = [link.href for link in page.links] + [image.src for image in page.images]
            if any(_target(page_rel, href) in targets for href in hrefs):
                linking.append(path)
    return ChangedPages(changed, tuple(linking), False)
