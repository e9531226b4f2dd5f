"""What the cross-page ownership rules read besides the checked files, as a cheap fingerprint.

A cached run may only be reused when these are unchanged too: the other
pages and files of the site (a link target, a translation, a duplicate
title), the committed CODEOWNERS, and the git commit the history comes from.
Reading it costs a directory walk with `stat` and a few small files, no git
process, so a cache hit stays fast.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# Where GitHub and GitLab look for CODEOWNERS, in GitHub's order of preference.
LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS")
_SKIPPED = {".git", "node_modules", "__pycache__"}


def _tree(content_root: Path) -> str:
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(content_root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _git_dir(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / ".git"
        if candidate.is_dir():
            return candidate
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return (folder / text.removeprefix("gitdir:").strip()).resolve()
    return None


def _git_state(start: Path) -> str:
    """HEAD's commit (read from the files git keeps it in) and whether the clone is shallow."""
    git_dir = _git_dir(start)
    if git_dir is None:
        return "no-git"
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref:"):
            ref = head.removeprefix("ref:").strip()
            common = git_dir
            if (git_dir / "commondir").is_file():
                common = (git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()).resolve()
            ref_file = common / ref
            if ref_file.is_file():
                head = ref_file.read_text(encoding="utf-8").strip()
            elif (common / "packed-refs").is_file():
                packed = (common / "packed-refs").read_text(encoding="utf-8")
                head = next((line.split()[0] for line in packed.splitlines() if line.endswith(" " + ref)), head)
        shallow = (git_dir / "shallow").is_file()
    except OSError as err:
        return f"git-unreadable {err.errno}"
    return f"{head} shallow={shallow}"


def site_inputs(content_root: Path | None) -> list[str]:
    """The fingerprint of everything the cross-page rules may read."""
    if content_root is None or not content_root.is_dir():
        return ["no-content"]
    parts = [f"tree {_tree(content_root)}", f"git {_git_state(content_root.resolve())}"]
    root = content_root.parent
    for location in LOCATIONS:
        path = root / location
        if path.is_file():
            parts.append(f"{location} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    return parts
