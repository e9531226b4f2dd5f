"""Benchmark the page checks on the synthetic bilingual site: cold, warm, and textstat as a yardstick.

    python bench/lint.py                  # 2,000 pages, each run 3 times
    python bench/lint.py --pages 200 --repeat 1

Cold: `webredactie check` with an empty cache (every page read, parsed and
analysed), in worker processes as the command does by default; and once with
`--jobs 1`, all in one process, for comparison. Warm: the same command again,
with nothing changed, so the result comes from the run cache. Yardstick:
textstat's Flesch reading ease over the prose of the same pages, in this
process. Cold and warm runs are repeated and the median is the figure (the
machine's speed varies from run to run by up to a third); the spread is printed.
Targets on the 2-core development machine: cold at most 20 s, warm at most 2 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate_site import generate_site  # noqa: E402
from linters.core.cache import CACHE_DIR  # noqa: E402
from linters.core.page import read_page  # noqa: E402

TARGET_COLD, TARGET_WARM = 20.0, 2.0


def run_check(site: Path, *options: str) -> tuple[float, dict[str, object]]:
    """Run the real command line in a new process; return seconds and the JSON report."""
    report = site / "report.json"
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "linters.commands.cli",
            "--root",
            str(site),
            "check",
            str(site / "content"),
            "--format",
            "json",
            "--output",
            str(report),
            "--fail-on",
            "never",
            *options,
        ],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"webredactie check failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds, json.loads(report.read_text(encoding="utf-8"))


def textstat_yardstick(site: Path) -> tuple[float, int]:
    """Seconds for textstat's Flesch reading ease over every page's prose (parsing not counted)."""
    import textstat

    pages = [read_page(p, site / "content") for p in sorted((site / "content").rglob("*.md"))]
    texts = [(p.lang, " ".join(b.text for b in p.prose())) for p in pages]
    start = time.perf_counter()
    for lang, text in texts:
        textstat.set_lang(lang)
        textstat.flesch_reading_ease(text)
    return time.perf_counter() - start, len(texts)


def main() -> int:
    """Generate the site, run the three measurements and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; the median is the figure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-lint-") as tmp:
        site = generate_site(Path(tmp) / "site", args.pages, args.seed)
        colds: list[float] = []
        warms: list[float] = []
        same = True
        for _ in range(args.repeat):
            shutil.rmtree(site / CACHE_DIR, ignore_errors=True)
            cold, report = run_check(site)
            warm, warm_report = run_check(site)
            colds.append(cold)
            warms.append(warm)
            same = same and warm_report == report
        alone, alone_report = run_check(site, "--no-cache", "--jobs", "1")
        same_alone = alone_report == report
        yardstick, counted = textstat_yardstick(site)
    pages = len(report["pages"])  # type: ignore[arg-type]
    words = sum(int(p["metrics"].get("words", 0)) for p in report["pages"])  # type: ignore[attr-defined,union-attr]
    cold, warm = statistics.median(colds), statistics.median(warms)
    print(f"webredactie check, {pages} pages ({words:,} words), {args.pages} generated, seed {args.seed}")
    print(f"  median of {args.repeat} runs each (fastest-slowest)")
    print(
        f"  cold (empty cache):     {cold:6.2f} s  {pages / cold:7.1f} pages/s   target <= {TARGET_COLD:g} s"
        f"   ({min(colds):.2f}-{max(colds):.2f})"
    )
    print(
        f"  warm (nothing changed): {warm:6.2f} s  {pages / warm:7.1f} pages/s   target <= {TARGET_WARM:g} s"
        f"   ({min(warms):.2f}-{max(warms):.2f})"
    )
    print(f"  cold in one process (--jobs 1): {alone:6.2f} s")
    print(f"  warm report identical to cold: {'yes' if same else 'NO'}")
    print(f"  one-process report identical:  {'yes' if same_alone else 'NO'}")
    print(f"  textstat flesch_reading_ease, same {counted} pages: {yardstick:5.2f} s")
    return 0 if same and same_alone else 1


if __name__ == "__main__":
    sys.exit(main())
