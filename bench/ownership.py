"""Benchmark the ownership checks on a synthetic 2,000-page bilingual site with git history.

The target (issue 4): the ownership, review, translation and link checks over
the whole site take at most 5 s on this machine, git included. This script
builds the site with `bench/generate_site.py`, puts it in a git repository
with a few commits of history (Dutch edits, renames of page pairs, English
updates, so stale translations exist and renames must be followed), then
times, from reading the statute to the last finding:

- the checks of the families WR, FM, OWN, TR and LNK (no B1, no browser),
  without the run cache, over all pages;
- the one `git log` over the content tree on its own;
- the department digest.

    python bench/ownership.py            # 2,000 pages, best of 3
    python bench/ownership.py --pages 400 --repeat 1
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_site import generate_site  # noqa: E402

from linters.core.engine import Engine, RunResult  # noqa: E402
from linters.ownership.digest import build_digest  # noqa: E402
from linters.ownership.history import load_history  # noqa: E402
from linters.registry import (  # noqa: E402
    ALL_RULES,
    load_statute,  # noqa: E402
    rule_names,
)

FAMILIES = ("WR", "FM", "OWN", "TR", "LNK")
TARGET_SECONDS = 5.0
TODAY = date(2026, 11, 22)


def git(root: Path, *args: str, when: str = "2026-01-05T09:00:00") -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Bench",
        "GIT_AUTHOR_EMAIL": "bench@example.org",
        "GIT_COMMITTER_NAME": "Bench",
        "GIT_COMMITTER_EMAIL": "bench@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def make_history(site: Path) -> dict[str, int]:
    """Four commits: everything, Dutch edits, renamed pairs, English updates."""
    content = site / "content"
    dutch = sorted(p for p in (content / "nl").rglob("page-*.md"))
    git(site, "init", "-q", "-b", "main")
    git(site, "config", "commit.gpgsign", "false")
    git(site, "add", "-A")
    git(site, "commit", "-q", "-m", "site", when="2026-01-05T09:00:00")
    edited = dutch[::10]
    for path in edited:
        with path.open("a", encoding="utf-8") as handle:
            handle.write("\nDe tarieven zijn veranderd.\n")
    git(site, "commit", "-q", "-am", "new prices in Dutch", when="2026-06-01T09:00:00")
    # Renamed pages were edited in Dutch before the rename: git must follow the rename
    # to see that edit, or half of them would not show up as stale.
    renamed = dutch[10::50]
    for path in renamed:
        rel = path.relative_to(content / "nl")
        for lang in ("nl", "en"):
            old = Path("content", lang, rel)
            git(site, "mv", str(old), str(old.with_name("renamed-" + old.name)))
    git(site, "commit", "-q", "-m", "rename pages", when="2026-07-01T09:00:00")
    updated = []
    for path in edited[::2]:
        # A renamed page is no longer at its old path; it stays stale.
        english = content / "en" / path.relative_to(content / "nl")
        if english.is_file():
            with english.open("a", encoding="utf-8") as handle:
                handle.write("\nThe prices have changed.\n")
            updated.append(english)
    git(site, "commit", "-q", "-am", "new prices in English", when="2026-08-01T09:00:00")
    return {
        "dutch edits": len(edited),
        "renamed pairs": len(renamed),
        "english updates": len(updated),
        "stale expected": len(edited) - len(updated),
    }


def check(site: Path) -> RunResult:
    """The ownership checks as `webredactie check` runs them, without the run cache."""
    content = site / "content"
    statute = load_statute(site / "redactiestatuut.yml", known_rules=rule_names(), content_root=content)
    rules = [r for r in ALL_RULES if r.family in FAMILIES]
    return Engine(rules, statute, today=TODAY, content_root=content).run([content])


def timed(function: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    times: list[float] = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return times, result


def main(argv: Sequence[str] | None = None) -> int:
    """Build the site, time the checks, print the figures; exit 1 when over the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages in total, both languages")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the site here and keep it (must not exist)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-ownership-") as tmp:
        site = args.keep or Path(tmp) / "site"
        start = time.perf_counter()
        generate_site(site, args.pages)
        history_made = make_history(site)
        setup = time.perf_counter() - start
        previous = Path.cwd()
        os.chdir(site)
        try:
            check_times, result = timed(lambda: check(site), args.repeat)
            git_times, history = timed(lambda: load_history(site / "content"), args.repeat)
            statute = load_statute(site / "redactiestatuut.yml")
            digest_times, _ = timed(lambda: build_digest(statute, site / "content", TODAY), args.repeat)
        finally:
            os.chdir(previous)
    assert isinstance(result, RunResult)
    pages = len(result.pages)
    best = min(check_times)
    counts = collections.Counter(f.code for f in result.findings)
    print(f"site: {pages} pages ({args.pages // 2} Dutch + {args.pages // 2} English), {setup:.1f} s to build with git")
    print("history: " + ", ".join(f"{count} {what}" for what, count in history_made.items()))
    print(f"ownership checks ({', '.join(FAMILIES)}), best of {args.repeat}:")
    print(
        f"  {best:.2f} s  ({pages / best:.0f} pages/s; median {statistics.median(check_times):.2f} s)"
        f"  target <= {TARGET_SECONDS:.0f} s: {'OK' if best <= TARGET_SECONDS else 'TOO SLOW'}"
    )
    calls = getattr(history, "git_calls", "?")
    print(f"  of which git history (one git log, {calls} git calls in all): {min(git_times):.2f} s")
    print(f"department digest: {min(digest_times):.2f} s")
    print("findings: " + ", ".join(f"{code} {count}" for code, count in sorted(counts.items())))
    if counts["TR003"] != history_made["stale expected"]:
        print(f"WRONG: {counts['TR003']} stale translations found, {history_made['stale expected']} expected")
        return 1
    return 0 if best <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
