"""The department dashboard: `reports/index.html`, a page per department, and trends.

`render_dashboard` is pure (findings, statute facts, history -> files by
name). `publish` is the one place that touches the disk: it reads the
history, adds this run, and writes every file atomically, department pages
before the overview that links to them, the history last. It never prints;
the command line reports what `publish` returns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from linters.b1.policy import LANGUAGE_POLICY
from linters.core.engine import RunResult
from linters.core.files import write_atomic
from linters.core.statute import Statute
from linters.report import history as history_file
from linters.report.dashboard import html, model
from linters.report.dashboard.model import DEFAULT_MIN_READABILITY, DepartmentInfo

__all__ = ["DepartmentInfo", "Published", "departments_from_statute", "publish", "render_dashboard"]

_OWN_FILES = re.compile(r"^afdeling-[a-z0-9-]+\.html$")


def departments_from_statute(statute: Statute) -> list[DepartmentInfo]:
    """The departments in statute order, with what a department page shows about them."""
    return [DepartmentInfo(d.id, d.name, d.contact, d.head, tuple(d.reviewers)) for d in statute.departments.values()]


def min_readability(statute: Statute) -> float:
    """The readability index a page needs to count as B1 (taalbeleid.nl.min_leesbaarheid)."""
    try:
        return float(LANGUAGE_POLICY.threshold(statute, "nl", "min_leesbaarheid"))
    except KeyError:
        return DEFAULT_MIN_READABILITY


def render_dashboard(
    result: RunResult,
    departments: Sequence[DepartmentInfo],
    records: Sequence[Mapping[str, Any]],
    *,
    today: date,
    now: datetime,
    run_id: str = "",
    sources: Sequence[str] = (),
    threshold: float = DEFAULT_MIN_READABILITY,
    notice: str | None = None,
    docs_base: str | None = None,
    digest: Mapping[str, Any] | None = None,
    feedback: Mapping[str, Any] | None = None,
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """The dashboard's files by name, and the history with this run added."""
    view = model.build(
        result,
        departments,
        today=today,
        generated=now,
        sources=sources,
        min_readability=threshold,
        digest=digest,
        feedback=feedback,
    )
    all_records = history_file.add(records, model.record(view, run_id))
    files = html.render(view, all_records, notice=notice, options=html.Options(docs_base))
    return files, all_records


@dataclass
class Published:
    """What `publish` wrote, for the command line to report."""

    index: Path
    files: list[str]
    largest: tuple[str, int]
    history: Path
    records: int
    history_problem: history_file.HistoryProblem | None = None
    removed: list[str] = field(default_factory=list)
    history_error: str | None = None


def publish(
    out_dir: Path,
    result: RunResult,
    departments: Sequence[DepartmentInfo],
    *,
    today: date,
    now: datetime,
    run_id: str = "",
    sources: Sequence[str] = (),
    threshold: float = DEFAULT_MIN_READABILITY,
    docs_base: str | None = None,
    shown_dir: str | None = None,
    digest: Mapping[str, Any] | None = None,
    notices: Sequence[str] = (),
    feedback: Mapping[str, Any] | None = None,
) -> Published:
    """Add this run to the history and write the dashboard into `out_dir`."""
    history_path = out_dir / history_file.FILE_NAME
    shown = f"{shown_dir.rstrip('/')}/{history_file.FILE_NAME}" if shown_dir else history_path.as_posix()
    past = history_file.load(history_path, now, shown)
    told = [*notices, *([past.problem.message.nl] if past.problem else [])]
    notice = " ".join(told) or None
    files, records = render_dashboard(
        result,
        departments,
        past.records,
        today=today,
        now=now,
        run_id=run_id,
        sources=sources,
        threshold=threshold,
        notice=notice,
        docs_base=docs_base,
        digest=digest,
        feedback=feedback,
    )
    # Department pages first, then the overview that links to them, then the history:
    # a crash halfway leaves every link on the old or new overview working.
    for name in sorted(files, key=lambda n: n == html.INDEX):
        write_atomic(out_dir / name, files[name])
    removed = []
    for stale in sorted(out_dir.glob("afdeling-*.html")):
        if _OWN_FILES.match(stale.name) and stale.name not in files:
            stale.unlink(missing_ok=True)
            removed.append(stale.name)
    history_error = None
    try:
        history_file.save(history_path, records)
    except OSError as err:
        # The dashboard is written; only the trend of this run is lost, and the command says so.
        history_error = f"De geschiedenis kon niet worden bewaard in {shown}: {err.strerror or err}."
    sizes = {name: len(text.encode("utf-8")) for name, text in files.items()}
    largest = max(sizes.items(), key=lambda item: item[1])
    return Published(
        out_dir / html.INDEX,
        sorted(files),
        largest,
        history_path,
        len(records),
        past.problem,
        removed,
        history_error,
    )
