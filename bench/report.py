"""Time writing every report format and the department dashboard for a large site.

The issue sets the bar: for the synthetic 2,000-page site with its findings,
all formats plus the dashboard are written in at most 5 s, and the largest
HTML file stays under 2 MB. The findings are real: the script generates the
site (generate_site.py) and runs `webredactie check` on it (not timed). A
history of earlier runs is made up from this run's counts, so the charts have
as many points as after a year of weekly builds.

    python bench/report.py [--pages 2000] [--runs 60] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from generate_site import generate_site

from linters.cli import main as webredactie
from linters.core.files import write_atomic
from linters.ownership.statute import load_statute
from linters.registry import rules_by_code
from linters.report import FORMATS, history
from linters.report.dashboard import departments_from_statute, min_readability, publish
from linters.report.dashboard.load import read

TARGET_SECONDS = 5.0
TARGET_LARGEST = 2_000_000
TODAY = date(2026, 11, 22)
EXTENSIONS = {"text": "txt", "json": "json", "sarif": "sarif", "junit": "junit.xml", "github": "github.txt"}


def fake_history(last: dict[str, Any], runs: int, seed: int) -> list[dict[str, Any]]:
    """Earlier weekly runs, drifting towards this run's counts."""
    rng = random.Random(seed)
    records = []
    for week in range(runs, 0, -1):
        factor = 1 + week / runs * rng.uniform(0.2, 0.6)
        record = {**last, "at": (datetime(2026, 11, 22, 6) - timedelta(weeks=week)).isoformat(), "run_id": str(week)}
        record["date"] = record["at"][:10]
        record["kinds"] = {k: round(v * factor) for k, v in last["kinds"].items()}
        record["departments"] = {
            dep: {**data, "kinds": {k: round(v * factor * rng.uniform(0.9, 1.1)) for k, v in data["kinds"].items()}}
            for dep, data in last["departments"].items()
        }
        records.append(record)
    return records


def main(argv: Sequence[str] | None = None) -> int:
    """Generate, check, then time every format and the dashboard; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=60, help="earlier runs in the history")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the site and reports in this (new) folder")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        site = generate_site(work / "site", args.pages, args.seed)
        reports = work / "reports"
        start = time.perf_counter()
        code = webredactie(
            [
                "--root", str(site), "check", str(site / "content"), "--format", "json",
                "--output", str(reports / "check.json"), "--fail-on", "never", "--today", TODAY.isoformat(),
            ]
        )  # fmt: skip
        check_seconds = time.perf_counter() - start
        if code == 2:
            print("webredactie check stopped (exit 2); no figures.", file=sys.stderr)
            return 2
        statute = load_statute(site / "redactiestatuut.yml")
        departments = departments_from_statute(statute)
        result, run_id = read([reports / "check.json"], ["check.json"])
        print(
            f"site: {len(result.pages)} pages, {len(result.findings)} findings "
            f"(checked in {check_seconds:.1f} s, not timed below)"
        )

        # A history like a year of weekly builds, made from a dry run of this one.
        dry = work / "dry"
        publish(dry, result, departments, today=TODAY, now=datetime(2026, 11, 22, 6), run_id="dry")
        last = history.parse((dry / history.FILE_NAME).read_text(encoding="utf-8"))[-1]
        history.save(reports / history.FILE_NAME, fake_history(last, args.runs, args.seed))

        rows: list[tuple[str, float, int]] = []
        total_start = time.perf_counter()
        rules = rules_by_code()
        for name, render in FORMATS.items():
            start = time.perf_counter()
            text = render(result, rules, "nl")
            write_atomic(reports / f"check.{EXTENSIONS.get(name, name + '.json')}", text)
            rows.append((name, time.perf_counter() - start, len(text.encode("utf-8"))))
        start = time.perf_counter()
        published = publish(
            reports,
            result,
            departments,
            today=TODAY,
            now=datetime(2026, 11, 22, 21, 0),
            run_id=run_id,
            sources=["reports/check.json"],
            threshold=min_readability(statute),
        )
        dashboard_seconds = time.perf_counter() - start
        total = time.perf_counter() - total_start
        html_sizes = {p.name: p.stat().st_size for p in reports.glob("*.html")}

        print(f"{'output':<10} {'seconds':>8} {'size (kB)':>10}")
        for name, seconds, size in rows:
            print(f"{name:<10} {seconds:8.3f} {size / 1024:10.0f}")
        print(
            f"{'dashboard':<10} {dashboard_seconds:8.3f} {sum(html_sizes.values()) / 1024:10.0f}"
            f"   {len(html_sizes)} HTML files, history of {published.records} runs"
        )
        largest_name, largest = max(html_sizes.items(), key=lambda item: item[1])
        verdict = "ok" if total <= TARGET_SECONDS else "TOO SLOW"
        print(f"total      {total:8.3f}   target <= {TARGET_SECONDS:.0f} s: {verdict}")
        print(
            f"largest HTML file: {largest_name}, {largest / 1e6:.2f} MB   "
            f"target < 2 MB: {'ok' if largest < TARGET_LARGEST else 'TOO LARGE'}"
        )
        return 0 if total <= TARGET_SECONDS and largest < TARGET_LARGEST else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
