"""What several commands share: the project folder, the statute, today's date, the jobs."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from linters.commands.options import EXIT_STOPPED
from linters.core.config import ConfigError
from linters.core.statute import Statute
from linters.registry import load_statute, rule_names

STATUTE_FILE = "redactiestatuut.yml"


def find_root(start: Path) -> Path:
    """The project folder: the nearest folder upwards that holds the statute."""
    for folder in (start, *start.parents):
        if (folder / STATUTE_FILE).is_file():
            return folder
    return start


def parse_today(value: str | None) -> date:
    """Today's date, or the date given with `--today` / WEBREDACTIE_TODAY (for reproducible runs)."""
    value = value or os.environ.get("WEBREDACTIE_TODAY")
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is geen datum; schrijf 2026-11-22") from None


def statute_path(args: argparse.Namespace, root: Path) -> Path:
    """The statute this run reads: `--statute`, else the one in the project folder."""
    given: Path | None = args.statute
    return given or root / STATUTE_FILE


def load_project_statute(args: argparse.Namespace, root: Path) -> Statute:
    """The statute, validated against every rule the catalogue knows."""
    return load_statute(statute_path(args, root), known_rules=rule_names(), content_root=root / "content")


def default_jobs() -> int:
    """The processor cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def report_config_error(err: ConfigError, lang: str) -> int:
    """Print every configuration problem and return the exit code of a stopped run."""
    header = (
        f"The configuration has {len(err.problems)} problem(s); nothing was checked:"
        if lang == "en"
        else f"De configuratie heeft {len(err.problems)} fout(en); er is niets gecontroleerd:"
    )
    print(header, file=sys.stderr)
    for problem in err.problems:
        print(problem.render(lang), file=sys.stderr)
    return EXIT_STOPPED
