"""When each page last changed, from git: one `git log` for the whole content tree.

Asking git once per file costs 10 to 20 ms a call: 40 s for a 2,000-page site.
One `git log --name-status` over `content/` gives every file's last change in
one pass. Renames are followed (a page moved with `git mv` keeps the date of
its last real edit), and files changed but not yet committed count as changed
now. What git cannot tell (no git, not a repository, the missing part of a
shallow clone, an ignored file) is `None`, with one reason for the whole run,
so the checks fall back to front-matter dates and say so once.
"""

from __future__ import annotations

import subprocess
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from linters.core.finding import Message
from linters.core.rules import CheckContext

GIT_TIMEOUT_SECONDS = 120
_RECORD, _FIELD = "\x1e", "\x1f"

T = TypeVar("T")


@dataclass
class History:
    """The last change of every file under the content root, as far as git knows."""

    # Path relative to the content root ("nl/afval/grofvuil.md") -> Unix time.
    changed_at: dict[str, float] = field(default_factory=dict)
    # Files whose only known change is the cut-off commit of a shallow clone.
    cut_off: set[str] = field(default_factory=set)
    # Why some dates are unknown; None when git answered everything.
    limitation: Message | None = None
    git_calls: int = 0

    def changed(self, rel: str) -> float | None:
        """Unix time of the last change of `rel`, or None when it cannot be determined."""
        if rel in self.cut_off:
            return None
        return self.changed_at.get(rel)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        timeout=GIT_TIMEOUT_SECONDS,
        check=False,
    )


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def parse_log(output: str, shallow: bool) -> tuple[dict[str, float], set[str]]:
    """Read `git log -z --name-status` output (newest commit first) into last-change times.

    A pure rename (similarity 100) is not an edit: the new path inherits the
    date of the old path's last edit, found further down the log. In a shallow
    clone the cut-off commit has no parents and lists every file as added;
    a file seen only there has an unknown date.
    """
    changed: dict[str, float] = {}
    cut_off: set[str] = set()
    alias: dict[str, str] = {}
    for record in output.split(_RECORD):
        if not record.strip():
            continue
        header, _, rest = record.partition("\0")
        parts = header.split(_FIELD)
        if len(parts) < 3:
            continue
        try:
            when = float(parts[1])
        except ValueError:
            continue
        boundary = shallow and not parts[2].strip()
        tokens = [t.strip("\n") for t in rest.split("\0")]
        index = 0
        while index < len(tokens):
            status = tokens[index]
            index += 1
            if not status:
                continue
            kind = status[0]
            if kind in "RC" and index + 1 < len(tokens):
                old, new = tokens[index], tokens[index + 1]
                index += 2
                current = alias.pop(new, new)
                if kind == "R":
                    # Older entries of the old name belong to the file that carries the new name.
                    alias[old] = current
                    if status[1:] == "100":
                        continue
                path = current
            elif index < len(tokens):
                path = alias.get(tokens[index], tokens[index])
                index += 1
            else:
                break
            if kind == "D":
                continue
            if boundary:
                if path not in changed:
                    cut_off.add(path)
            elif when > changed.get(path, float("-inf")):
                changed[path] = when
                cut_off.discard(path)
    return changed, cut_off


def _uncommitted(content_root: Path, top: Path, history: History) -> None:
    """Files changed in the working tree or not yet added count as changed now."""
    history.git_calls += 1
    proc = _git(["status", "--porcelain", "-z", "--untracked-files=all", "--", "."], content_root)
    if proc.returncode != 0:
        return
    try:
        prefix = content_root.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        return
    prefix = "" if prefix == "." else prefix + "/"
    now = time.time()
    tokens = proc.stdout.split("\0")
    index = 0
    while index < len(tokens):
        entry = tokens[index]
        index += 1
        if len(entry) < 4:
            continue
        status, path = entry[:2], entry[3:]
        if "R" in status or "C" in status:
            index += 1  # the old name follows a rename or copy
        if status.strip() == "D" or "D" in status[1]:
            continue
        if path.startswith(prefix):
            rel = path[len(prefix) :]
            history.changed_at[rel] = now
            history.cut_off.discard(rel)


def load_history(content_root: Path) -> History:
    """Ask git, once, when every file under `content_root` last changed."""
    history = History()
    try:
        history.git_calls += 1
        info = _git(["rev-parse", "--is-shallow-repository", "--show-toplevel"], content_root)
    except FileNotFoundError:
        history.limitation = Message("git is niet geïnstalleerd", "git is not installed")
        return history
    except (OSError, subprocess.TimeoutExpired) as err:
        history.limitation = Message(f"git kon niet starten ({err})", f"git could not run ({err})")
        return history
    if info.returncode != 0:
        if "not a git repository" in info.stderr:
            history.limitation = Message(
                "de site staat niet in een git-repository", "the site is not in a git repository"
            )
        else:
            reason = _first_line(info.stderr)
            history.limitation = Message(f"git gaf een fout ({reason})", f"git failed ({reason})")
        return history
    lines = info.stdout.split("\n")
    shallow = lines[0].strip() == "true"
    top = Path(lines[1].strip()) if len(lines) > 1 and lines[1].strip() else content_root
    history.git_calls += 1
    log = _git(
        [
            "log",
            "-z",
            "--no-color",
            f"--format={_RECORD}%H{_FIELD}%ct{_FIELD}%P",
            "--name-status",
            "-M",
            "--relative",
            "--",
            ".",
        ],
        content_root,
    )
    if log.returncode == 0:
        history.changed_at, history.cut_off = parse_log(log.stdout, shallow)
    elif "does not have any commits" not in log.stderr:
        reason = _first_line(log.stderr)
        history.limitation = Message(f"git log gaf een fout ({reason})", f"git log failed ({reason})")
        return history
    _uncommitted(content_root, top, history)
    if shallow and history.cut_off:
        history.limitation = Message(
            "dit is een ondiepe kopie van de repository (shallow clone), dus de oudere geschiedenis "
            "ontbreekt; haal de hele geschiedenis op met 'git fetch --unshallow'",
            "this is a shallow clone, so older history is missing; fetch it with 'git fetch --unshallow'",
        )
    return history


_RUN_CACHE: dict[tuple[int, str], tuple[weakref.ref[CheckContext], object]] = {}


def per_run(ctx: CheckContext, key: str, make: Callable[[], T]) -> T:
    """Compute something once per check run (per `CheckContext`), for every rule that needs it.

    The context is frozen and holds unhashable mappings, so it is remembered
    by identity, and forgotten when the run's context is garbage-collected.
    """
    slot = (id(ctx), key)
    hit = _RUN_CACHE.get(slot)
    if hit is not None and hit[0]() is ctx:
        return hit[1]  # type: ignore[return-value]
    value = make()
    _RUN_CACHE[slot] = (weakref.ref(ctx, lambda _ref: _RUN_CACHE.pop(slot, None)), value)
    return value


def history_for(ctx: CheckContext) -> History:
    """The git history of this run's content root, loaded once per run."""
    root = ctx.content_root
    if root is None or not root.is_dir():
        return History(limitation=Message("er is geen map content/", "there is no content/ folder"))
    return per_run(ctx, "git-history", lambda: load_history(root))
