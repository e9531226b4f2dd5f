"""Whether the saved reports belong to one run: a dashboard never shows an older run as if it were current.

Two things can make a saved report stale. The build (`nox -s build`) may have
stopped before a step: it writes `build.json` with what every step did, and
the dashboard of such a build says at the top which steps failed or did not
run. And reports may come from different runs: an audit saved yesterday next
to a check of today. Each such case becomes one Dutch sentence for the notice
at the top of the dashboard.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

BUILD_FILE = "build.json"
# A status file is small; anything larger is not ours.
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Step:
    """One step of the build and what became of it."""

    name: str
    status: str  # ok | failed | skipped
    reason: str = ""


def read_build_steps(path: Path) -> list[Step] | None:
    """The steps in a build status file; None when there is none or it cannot be used."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("tool") != "webredactie-build" or not isinstance(data.get("steps"), list):
        return None
    steps = []
    for item in data["steps"]:
        if isinstance(item, dict) and isinstance(item.get("step"), str) and isinstance(item.get("status"), str):
            steps.append(Step(item["step"], item["status"], str(item.get("reason") or "")))
    return steps


def _when(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%d-%m-%Y %H:%M")


def stale_notices(inputs: Sequence[Path], shown: Sequence[str], build_status: Path) -> list[str]:
    """Sentences for the top of the dashboard about steps that failed and reports of another run."""
    notices: list[str] = []
    existing = [(path, name) for path, name in zip(inputs, shown, strict=True) if path.is_file()]
    newest = max((path.stat().st_mtime for path, _ in existing), default=0.0)
    # A status older than the reports belongs to an earlier build.
    if build_status.is_file() and build_status.stat().st_mtime >= newest:
        steps = read_build_steps(build_status) or []
        failed = [step.name for step in steps if step.status == "failed"]
        skipped = [
            f"{step.name} ({step.reason})" if step.reason else step.name for step in steps if step.status == "skipped"
        ]
        if failed:
            notices.append("Bij deze meting ging iets mis: " + ", ".join(failed) + ".")
        if skipped:
            notices.append("Niet gedaan bij deze meting: " + ", ".join(skipped) + ".")
    for path, name in existing:
        # Reports of one run are written within minutes of each other; an hour apart means another run.
        if newest - path.stat().st_mtime > 3600:
            notices.append(f"{name} is van {_when(path)}, van een eerdere meting dan de andere rapporten.")
    return notices
