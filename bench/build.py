"""Time the site build with our configuration against plain mkdocs-material.

DESIGN.md ("Performance") sets the bar: plain mkdocs-material needs ~430 s for
2,000 pages because every page carries the whole navigation; our configuration
(static-i18n, `navigation.prune`, no i18n search de-duplication) must build the
same pages in at most a third of that. This script generates a synthetic site
per size (see generate_site.py), builds it with both configurations in one run,
each as its own `mkdocs build` process, and prints one table row per build.

    python bench/build.py --pages 200 2000 [--keep] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generate_site import OUR_SITE_DIR, PLAIN_SITE_DIR, generate_site

CONFIGS = (  # plain first, so the row of ours can show the ratio
    ("plain", "mkdocs-plain.yml", PLAIN_SITE_DIR),
    ("ours", "mkdocs.yml", OUR_SITE_DIR),
)
TARGET_RATIO = 1 / 3
STDERR_TAIL_LINES = 30
HEADER = f"{'N':>6}  {'config':<6}  {'seconds':>8}  {'pages/s':>8}  {'MB':>8}  {'ours/plain':>10}"


@dataclass(frozen=True)
class Result:
    """One timed build."""

    pages: int
    config: str
    seconds: float
    size_bytes: int

    def row(self, plain_seconds: float | None) -> str:
        """The table row; the ratio only on the row of ours."""
        ratio = f"{self.seconds / plain_seconds:10.2f}" if plain_seconds else f"{'':10}"
        return (
            f"{self.pages:>6}  {self.config:<6}  {self.seconds:8.1f}  "
            f"{self.pages / self.seconds:8.1f}  {self.size_bytes / 1e6:8.1f}  {ratio}"
        )


def run_build(config: Path) -> float:
    """Build with one config in a fresh process and return the wall time in seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=config.parent, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = "\n".join(done.stderr.splitlines()[-STDERR_TAIL_LINES:])
        raise SystemExit(
            f"build failed: {' '.join(command)} (exit {done.returncode}); the site is left in {config.parent}\n{tail}"
        )
    return seconds


def folder_size(folder: Path) -> int:
    """Bytes in all files under the folder."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def bench_size(pages: int, site: Path) -> list[Result]:
    """Generate one site and build it with each configuration."""
    generate_site(site, pages)
    results = []
    for name, config, site_dir in CONFIGS:
        seconds = run_build(site / config)
        results.append(Result(pages, name, seconds, folder_size(site / site_dir)))
    return results


def print_rows(results: Sequence[Result]) -> None:
    """Print the rows of one size, the ratio against that size's plain build."""
    plain = next(result.seconds for result in results if result.config == "plain")
    for result in results:
        print(result.row(plain if result.config == "ours" else None), flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line: sizes, where to write, whether to keep the sites."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[200, 2000], help="site sizes (both languages)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites and builds")
    parser.add_argument("--out", type=Path, help="folder for the sites (one n<N>/ each); default: a new temp folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Benchmark every size and print the table."""
    args = parse_args(argv)
    work = args.out or Path(tempfile.mkdtemp(prefix="bench-site-"))
    print(HEADER, flush=True)
    for pages in args.pages:
        site = work / f"n{pages}"
        print_rows(bench_size(pages, site))
        if not args.keep:
            shutil.rmtree(site)  # a plain build of 2,000 pages is over a gigabyte
    print(f"target: ours/plain <= {TARGET_RATIO:.2f}")
    if args.keep:
        print(f"sites kept in {work}")
    elif args.out is None:
        work.rmdir()


if __name__ == "__main__":
    main()
