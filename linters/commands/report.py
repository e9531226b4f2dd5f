"""`webredactie report`: write the dashboard from saved reports.

By default it reads `reports/check.json` (what `nox -s build` and CI write
with `webredactie check --format json`), and `reports/audit.json` when the
browser audit wrote one. That keeps the dashboard cheap and makes it show
exactly what CI checked. `--run` checks every page first and saves
`reports/check.json` (the command line does that part). Review dates and
translations come from the department digest (`webredactie owners digest`):
from `--digest FILE`, or else made now from `content/` (without `content/`,
overdue reviews come from the findings).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from linters.commands.check import CheckRequest, run_check
from linters.commands.common import default_jobs, load_project_statute, parse_today
from linters.commands.options import EXIT_CLEAN as EXIT_DONE
from linters.commands.options import EXIT_STOPPED
from linters.core.config import display_path
from linters.core.statute import Statute
from linters.feedback.locations import DB_ENV, DEFAULT_SQLITE, EXTRA_MISSING, database_url, sqlite_file
from linters.ownership.digest import build_digest
from linters.report.dashboard import departments_from_statute, min_readability, publish
from linters.report.dashboard.load import ReportInputError, read
from linters.report.freshness import BUILD_FILE, stale_notices

REPORTS_DIR = "reports"
CHECK_FILE = "check.json"
AUDIT_FILE = "audit.json"
DOCS_BASE_ENV = "WEBREDACTIE_DOCS_URL"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `report` to the main parser."""
    report = sub.add_parser("report", help="maak het dashboard per afdeling (reports/index.html)")
    report.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        help="JSON-rapporten van 'webredactie check --format json' (standaard: reports/check.json, "
        "en reports/audit.json als die er is)",
    )
    report.add_argument(
        "--run", action="store_true", help="controleer eerst alle pagina's en bewaar reports/check.json"
    )
    report.add_argument("--output-dir", "-o", type=Path, help="map voor het dashboard (standaard: reports/)")
    report.add_argument(
        "--digest", type=Path, help="JSON van 'webredactie owners digest --format json' (standaard: nu maken)"
    )
    report.add_argument("--today", help="doe alsof het vandaag deze datum is (2026-11-22)")
    report.add_argument(
        "--feedback",
        metavar="URL",
        help=f"database van de feedbackdienst (standaard: {DB_ENV}, of .webredactie/feedback.sqlite3 als die er is)",
    )


def output_dir(args: argparse.Namespace, root: Path) -> Path:
    """Where the dashboard goes."""
    return args.output_dir if args.output_dir is not None else root / REPORTS_DIR


def default_inputs(args: argparse.Namespace, root: Path) -> list[Path]:
    """The saved reports to read: the ones given, else check.json (+ audit.json when it exists)."""
    if args.inputs:
        return list(args.inputs)
    folder = output_dir(args, root)
    inputs = [folder / CHECK_FILE]
    if (folder / AUDIT_FILE).is_file():
        inputs.append(folder / AUDIT_FILE)
    return inputs


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _digest(args: argparse.Namespace, root: Path, statute: Statute, today: date) -> dict[str, Any] | None:
    """The department digest as JSON data, or None when there is none to be had."""
    if args.digest is not None:
        shown = display_path(args.digest)
        try:
            data = json.loads(args.digest.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ReportInputError(f"Het overzicht {shown} bestaat niet.") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ReportInputError(f"Het overzicht {shown} is niet te lezen ({err}).") from None
        if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("departments"), list):
            raise ReportInputError(f"{shown} is geen overzicht van 'webredactie owners digest --format json'.")
        return data
    content_root = root / "content"
    if not content_root.is_dir():
        return None
    # The digest's JSON, not its objects: the same document `owners digest --format json` writes.
    loaded = json.loads(build_digest(statute, content_root, today).to_json())
    return loaded if isinstance(loaded, dict) else None


def _feedback(args: argparse.Namespace, root: Path) -> dict[str, Any] | None:
    """What visitors said, from the feedback service's database; None when there is no database to read.

    Without --feedback or WEBREDACTIE_FEEDBACK_DB the default SQLite file is read only when it exists:
    a site without the feedback service gets its dashboard as before.
    """
    given = getattr(args, "feedback", None) or os.environ.get(DB_ENV)
    url = database_url(given, root)
    if not given and not (root / DEFAULT_SQLITE).is_file():
        return None
    file = sqlite_file(url)
    if file is not None and not file.is_file():
        raise ReportInputError(f"De database van de feedbackdienst {file} bestaat niet.")
    try:
        from linters.feedback.store import Store, StoreError
    except ImportError:
        raise ReportInputError(EXTRA_MISSING) from None
    try:
        store = Store(url)
        try:
            store.create()
            return store.summary().as_data()
        finally:
            store.dispose()
    except StoreError as err:
        raise ReportInputError(err.get(args.lang)) from None


def publish_dashboard(args: argparse.Namespace, root: Path, statute: Statute, today: date) -> int:
    """Write the dashboard; return the exit code (2 when a saved report cannot be used)."""
    folder = output_dir(args, root)
    inputs = default_inputs(args, root)
    shown = [display_path(p) for p in inputs]
    try:
        result, run_id = read(inputs, shown)
        digest = _digest(args, root, statute, today)
        feedback = _feedback(args, root)
    except ReportInputError as err:
        _say(str(err))
        return EXIT_STOPPED
    if digest is not None:
        shown.append("het overzicht per afdeling")
    if feedback is not None:
        shown.append("de reacties van bezoekers")
    published = publish(
        folder,
        result,
        departments_from_statute(statute),
        today=today,
        now=datetime.now().replace(microsecond=0),
        run_id=run_id,
        sources=shown,
        threshold=min_readability(statute),
        docs_base=os.environ.get(DOCS_BASE_ENV),
        shown_dir=display_path(folder),
        digest=digest,
        notices=stale_notices(inputs, shown[: len(inputs)], folder / BUILD_FILE),
        feedback=feedback,
    )
    if published.history_problem is not None:
        _say("Let op: " + published.history_problem.message.get(args.lang))
    if published.history_error is not None:
        _say("Let op: " + published.history_error)
    name, size = published.largest
    if args.lang == "en":
        print(
            f"Dashboard written: {display_path(published.index)} ({len(published.files)} files; "
            f"largest {name}, {size // 1024} kB). History: {published.records} "
            f"{'run' if published.records == 1 else 'runs'} in "
            f"{display_path(published.history)}."
        )
    else:
        print(
            f"Dashboard geschreven: {display_path(published.index)} ({len(published.files)} bestanden; "
            f"grootste {name}, {size // 1024} kB). Geschiedenis: {published.records} "
            f"{'meting' if published.records == 1 else 'metingen'} in "
            f"{display_path(published.history)}."
        )
    return EXIT_DONE


def run(args: argparse.Namespace, root: Path) -> int:
    """Write the dashboard; with --run, check every page first and save reports/check.json."""
    statute = load_project_statute(args, root)
    today = parse_today(args.today)
    stopped = False
    if args.run:
        request = CheckRequest(
            paths=[],
            output=output_dir(args, root) / CHECK_FILE,
            format="json",
            fail_on="never",
            lang=args.lang,
            today=today,
            jobs=default_jobs(),
        )
        code = run_check(request, args, root, statute)
        assert request.output is not None
        if code == EXIT_STOPPED and not request.output.is_file():
            return code
        stopped = code == EXIT_STOPPED
    code = publish_dashboard(args, root, statute, today)
    return EXIT_STOPPED if stopped else code
