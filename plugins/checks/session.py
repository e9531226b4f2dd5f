"""The checks across builds: which pages changed, and the findings of every page.

`mkdocs serve` rebuilds the site after every save. Checking only the pages
that changed (and their counterparts in the other language, whose translation
checks depend on them) keeps a rebuild fast; the findings of the other pages
are kept from before. A changed statute checks everything again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from linters.commands.check import check_pages
from linters.core.cache import RunCache
from linters.core.config import display_path
from linters.core.finding import Finding, Severity
from linters.core.page import language_of
from linters.core.statute import Statute

Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp | None:
    """Modification time and size: enough to notice a save, without reading the file."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def counterparts(paths: Iterable[Path], content_root: Path, languages: Sequence[str]) -> set[Path]:
    """The same page in the other language folders (whether or not it exists)."""
    found: set[Path] = set()
    for path in paths:
        lang, rel = language_of(path, content_root)
        if lang is None or rel is None:
            continue
        found.update(content_root / other / rel for other in languages if other != lang)
    return found


@dataclass
class CheckSession:
    """Findings by source file, kept up to date one build at a time."""

    content_root: Path
    languages: Sequence[str]
    # The run cache of `webredactie check`: a whole-site run with the same
    # files, statute and date is read back instead of computed (in `nox -s
    # build` the check just before the build has filled it).
    cache: RunCache | None = None
    stamps: dict[Path, Stamp | None] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    pages: set[str] = field(default_factory=set)

    def forget(self) -> None:
        """Check every page again on the next run (the statute changed)."""
        self.stamps.clear()

    def run(self, sources: Iterable[Path], statute: Statute, today: date) -> list[str]:
        """Check what changed since the last run; return the display paths of the changed pages."""
        sources = {path.resolve() for path in sources}
        stamps = {path: stamp(path) for path in sources}
        changed = {path for path in sources if self.stamps.get(path, ()) != stamps[path]}
        removed = set(self.stamps) - sources
        todo = changed | (counterparts(changed | removed, self.content_root, self.languages) & sources)
        for path in removed:
            self.findings.pop(display_path(path), None)
        if todo:
            whole_site = todo == sources
            # The same function as `webredactie check`, so both share cached runs.
            result = check_pages(
                [self.content_root] if whole_site else sorted(todo),
                statute,
                today=today,
                content_root=self.content_root,
                cache=self.cache if whole_site else None,
            )
            fresh: dict[str, list[Finding]] = {display_path(path): [] for path in todo}
            # Findings on files that are not pages (the statute, CODEOWNERS)
            # come from whole-site rules: the latest run is the truth.
            for key in [k for k in self.findings if k not in self.pages]:
                del self.findings[key]
            for finding in result.findings:
                fresh.setdefault(finding.path, []).append(finding)
            self.findings.update(fresh)
        self.stamps = stamps
        self.pages = {display_path(path) for path in sources}
        return sorted(display_path(path) for path in changed)

    def of(self, path: str | None) -> list[Finding]:
        """The findings of one source file (by absolute path), in file order."""
        if path is None:
            return []
        return self.findings.get(display_path(Path(path)), [])

    def all(self) -> list[Finding]:
        """Every finding of the site, in file order."""
        return sorted((f for items in self.findings.values() for f in items), key=lambda f: f.sort_key)

    @staticmethod
    def worst(findings: Sequence[Finding]) -> Severity | None:
        """The highest severity among findings."""
        return max((f.severity for f in findings), default=None)
