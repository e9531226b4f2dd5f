"""Symbolic links in the content folder: which may be read and published, and which not.

Content may not leave the repository. A symbolic link in `content/` that
points outside the repository (or into `.git`), to a folder, to something that
is not a plain file (a FIFO, a device such as /dev/zero, a socket), to nothing,
or to itself is refused: the checks report it and never read it, and the
build leaves it out. MkDocs itself follows such links and publishes what they
point at (also into the search index), so the refusal must come before it.
A link to a plain file inside the repository is allowed.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from linters.core.finding import Message


class LinkProblem(enum.Enum):
    """Why a symbolic link is refused."""

    OUTSIDE = "outside"
    FOLDER = "folder"
    SPECIAL = "special"
    MISSING = "missing"
    LOOP = "loop"


@dataclass(frozen=True)
class UnsafeLink:
    """A refused symbolic link: the link itself (never its target), what it points at, and why."""

    link: Path
    target: str
    problem: LinkProblem

    def message(self) -> Message:
        """What is wrong, in Dutch (B1) and English, with what to do instead (rule WR008's messages)."""
        # Imported here: the rules module reads pages, and reading a page asks this module.
        from linters.core.input_rules import unsafe_symlink

        return unsafe_symlink.message(self.problem.value, target=self.target)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _judge(link: Path, repo: Path, last: bool) -> UnsafeLink | None:
    """Judge one symbolic link; `last` when it is the file itself rather than a folder on the way."""
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    try:
        real = link.resolve(strict=True)
    except FileNotFoundError:
        return UnsafeLink(link, target, LinkProblem.MISSING)
    except (RuntimeError, OSError) as err:
        # Python reports a loop as RuntimeError (3.11/3.12) or OSError ELOOP (3.13).
        if isinstance(err, OSError) and err.errno not in (errno.ELOOP, None):
            return UnsafeLink(link, target, LinkProblem.MISSING)
        return UnsafeLink(link, target, LinkProblem.LOOP)
    if not _inside(real, repo) or _inside(real, repo / ".git"):
        return UnsafeLink(link, target, LinkProblem.OUTSIDE)
    try:
        mode = real.stat().st_mode
    except OSError:
        return UnsafeLink(link, target, LinkProblem.MISSING)
    if stat.S_ISDIR(mode):
        return UnsafeLink(link, target, LinkProblem.FOLDER)
    if not stat.S_ISREG(mode):
        return UnsafeLink(link, target, LinkProblem.SPECIAL)
    if not last:
        # A link on the way is a folder by definition; stat() said otherwise, so refuse it.
        return UnsafeLink(link, target, LinkProblem.SPECIAL)
    return None


def unsafe_link(path: Path, base: Path, repo: Path) -> UnsafeLink | None:
    """The first refused symbolic link on the way from `base` down to `path`, or None.

    `path` is the file as found under `base` (the content folder), not
    resolved; every part below `base` is looked at without following it
    first, so a link to a folder is caught before anything inside it is read.
    `repo` is the repository's folder: no link may lead out of it.
    """
    repo = repo.resolve()
    try:
        parts = path.relative_to(base).parts
    except ValueError:
        base, parts = path.parent, (path.name,)
    current = base
    for index, part in enumerate(parts):
        current = current / part
        if current.is_symlink():
            return _judge(current, repo, last=index == len(parts) - 1)
    return None


def link_in_walk(folder: Path, name: str, repo: Path) -> UnsafeLink | None:
    """Judge one entry of a folder listing: a refused link, or None for anything that is not a link."""
    entry = folder / name
    if not entry.is_symlink():
        return None
    return _judge(entry, repo.resolve(), last=True)


def shown(link: Path) -> str:
    """How a link is shown in messages: its own path, relative to the working folder, never its target."""
    try:
        folder = link.parent.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return link.as_posix()
    return (folder / link.name).as_posix()


def markdown_files(folder: Path, repo: Path, skipped: frozenset[str] = frozenset()) -> Iterator[Path]:
    """Every Markdown file under `folder` that may be read, in sorted order.

    Hidden folders and `skipped` ones are left out, and so is every symbolic
    link that `unsafe_link` refuses (and every link to a folder): rules that
    read other pages from disk see the same pages as the checks themselves.
    """
    for root, dirs, files in os.walk(folder):
        current = Path(root)
        dirs[:] = sorted(
            d for d in dirs if d not in skipped and not d.startswith(".") and not (current / d).is_symlink()
        )
        for name in sorted(files):
            if name.endswith(".md") and link_in_walk(current, name, repo) is None:
                yield current / name
