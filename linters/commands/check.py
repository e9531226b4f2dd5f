"""`webredactie check`: check pages and print the findings.

`check_pages` is the one way to run the page checks on a site: this command,
`report --run` and the build plugin all call it, so the three share the same
rules, metrics and cached runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from linters.b1.metrics import b1_metrics
from linters.commands.common import default_jobs, load_project_statute, parse_today, statute_path
from linters.commands.options import EXIT_CLEAN, EXIT_FINDINGS, EXIT_STOPPED, add_report_options
from linters.core.cache import CACHE_DIR, RunCache
from linters.core.changes import ChangeError, git_changed, pages_to_check
from linters.core.engine import Engine, InputError, RunResult, basic_metrics
from linters.core.files import write_atomic
from linters.core.finding import Severity
from linters.core.statute import Statute
from linters.registry import ALL_RULES, rules_by_code
from linters.report import FORMATS


def check_pages(
    paths: Sequence[Path],
    statute: Statute,
    *,
    today: date,
    content_root: Path,
    cache: RunCache | None = None,
    jobs: int = 1,
) -> RunResult:
    """Run every rule of the catalogue on the given pages (raises InputError for a path that does not exist)."""
    engine = Engine(
        ALL_RULES,
        statute,
        today=today,
        content_root=content_root,
        metric_providers=(basic_metrics, b1_metrics),
        cache=cache,
        jobs=jobs,
    )
    return engine.run(list(paths))


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is geen aantal; geef een heel getal van 1 of meer, bijvoorbeeld 2")
    return int(value)


def add_parser(sub: Any) -> None:
    """Add the `check` command to the command line."""
    check = sub.add_parser("check", help="controleer pagina's en toon de meldingen")
    check.add_argument("paths", nargs="*", type=Path, help="bestanden of mappen (standaard: content/)")
    add_report_options(check)
    check.add_argument("--today", help="doe alsof het vandaag deze datum is (2026-11-22)")
    check.add_argument(
        "--changed-since",
        metavar="REV",
        help="alleen pagina's die sinds deze git-versie veranderd zijn, en pagina's die ernaar linken (main)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help=f"controleer alles opnieuw, zonder de cache in {CACHE_DIR}/"
    )
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=default_jobs(),
        metavar="N",
        help="zoveel processen tegelijk bij grote sites (standaard: het aantal processorkernen, nu %(default)s)",
    )


def _changed_pages(args: argparse.Namespace, root: Path, content_root: Path, paths: list[Path]) -> list[Path] | None:
    """The pages `--changed-since` selects, within the given paths; None (after a message) when git fails."""
    try:
        touched = git_changed(root, args.changed_since)
    except ChangeError as err:
        print(str(err), file=sys.stderr)
        return None
    statute = statute_path(args, root).resolve()
    statute_rel = statute.relative_to(root).as_posix() if statute.is_relative_to(root) else statute.name
    selection = pages_to_check(root, content_root, touched, statute_rel)
    within = [p.resolve() for p in paths]
    pages = [p for p in selection.pages if any(p.resolve() == w or w in p.resolve().parents for w in within)]
    if not pages:
        print(f"Sinds {args.changed_since} is geen pagina veranderd.", file=sys.stderr)
    return pages


@dataclass(frozen=True)
class CheckRequest:
    """What one check run needs from the command line."""

    paths: list[Path]
    output: Path | None
    format: str
    fail_on: str
    lang: str
    today: date
    no_cache: bool = False
    jobs: int = 1
    changed_since: str | None = None


def run_check(request: CheckRequest, args: argparse.Namespace, root: Path, statute: Statute) -> int:
    """Check, write the report, and return the exit code."""
    content_root = root / "content"
    paths = request.paths or [content_root]
    if request.changed_since:
        selected = _changed_pages(args, root, content_root, paths)
        if selected is None:
            return EXIT_STOPPED
        paths = selected
    try:
        result = check_pages(
            paths,
            statute,
            today=request.today,
            content_root=content_root,
            cache=None if request.no_cache else RunCache(root / CACHE_DIR),
            jobs=request.jobs,
        )
    except InputError as err:
        message = (
            f"The path '{err}' does not exist."
            if request.lang == "en"
            else f"Het pad '{err}' bestaat niet. Geef een bestand of map die er wel is, bijvoorbeeld content/."
        )
        print(message, file=sys.stderr)
        return EXIT_STOPPED
    output = FORMATS[request.format](result, rules_by_code(), request.lang)
    if request.output:
        write_atomic(request.output, output)
    else:
        sys.stdout.write(output)
    if result.crashed:
        return EXIT_STOPPED
    if request.fail_on == "never":
        return EXIT_CLEAN
    worst = result.worst()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(request.fail_on) else EXIT_CLEAN


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie check`."""
    request = CheckRequest(
        paths=args.paths,
        output=args.output,
        format=args.format,
        fail_on=args.fail_on,
        lang=args.lang,
        today=parse_today(args.today),
        no_cache=args.no_cache,
        jobs=args.jobs,
        changed_since=args.changed_since,
    )
    return run_check(request, args, root, load_project_statute(args, root))
