"""Benchmark the audit cache and sharding on the synthetic site (default 200 pages).

Prints, each run a separate `webredactie audit` process:
- cold (empty cache), warm (nothing changed), one page changed (its Markdown
  edited and the site built again): seconds, CPU seconds, and whether the
  findings equal the cold run's (or a fresh run's);
- the site audited in 1, 2 and 4 shards one after another (no cache): total
  CPU seconds per page, and whether the merged report equals the single run.

Targets (issue 18): warm at most 5 s; one page changed at most that page's
audit time plus 5 s; sharding at most 10% more CPU per page than one run.
CPU seconds count the audit process and every child (Chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_site import OUR_SITE_DIR, generate_site  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def webredactie(source: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "linters", "--root", str(source), *args]
    return subprocess.run(command, cwd=source, env=ENV, capture_output=True, text=True)


def audit(source: Path, out: Path, *extra: str) -> tuple[float, float, dict[str, object]]:
    """One `webredactie audit` of the built synthetic site; seconds, CPU seconds and the JSON report."""
    before_cpu, started = _children_cpu(), time.monotonic()
    options = ["--quiet", "--format", "json", "--output", str(out), "--fail-on", "never", "--today", "2026-11-22"]
    proc = webredactie(source, "audit", str(source / OUR_SITE_DIR), *options, *extra)
    seconds, cpu = time.monotonic() - started, _children_cpu() - before_cpu
    if proc.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(report, dict)
    return seconds, cpu, report


def build(source: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(source / "mkdocs.yml")]
    proc = subprocess.run(command, cwd=source, env=ENV, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"build failed:\n{proc.stderr[-2000:]}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--shards", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-audit-scale-"))
    try:
        source = generate_site(work / "site-src", args.pages)
        build(source)
        print(f"{args.pages} pages; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        cold_s, cold_cpu, cold = audit(source, work / "cold.json")
        print(f"cold         {cold_s:7.1f} s {cold_cpu:7.1f} CPU s  {cold_s / args.pages:.2f} s/page", flush=True)
        warm_s, warm_cpu, warm = audit(source, work / "warm.json")
        same = warm["findings"] == cold["findings"]
        print(f"warm         {warm_s:7.1f} s {warm_cpu:7.1f} CPU s  same findings as cold: {same}", flush=True)
        page = sorted((source / "content" / "nl").rglob("*.md"))[-1]
        page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin voor de meting.\n", encoding="utf-8")
        build(source)
        one_s, one_cpu, one = audit(source, work / "one.json")
        _, _, fresh = audit(source, work / "fresh.json", "--no-cache")
        same = one["findings"] == fresh["findings"]
        print(
            f"one changed  {one_s:7.1f} s {one_cpu:7.1f} CPU s  same findings as a fresh run: {same} "
            f"(target: {cold_s / args.pages:.2f} s for the page + 5 s)",
            flush=True,
        )
        single_cpu = 0.0
        for count in args.shards:
            cpu_total, parts = 0.0, []
            for part in range(1, count + 1):
                out = work / f"shard-{count}-{part}.json"
                _, cpu, _ = audit(source, out, "--no-cache", "--shard", f"{part}/{count}")
                cpu_total += cpu
                parts.append(str(out))
            merged = work / f"merged-{count}.json"
            webredactie(
                source, "audit", "merge", *parts, "--format", "json", "--output", str(merged), "--fail-on", "never"
            )
            same = json.loads(merged.read_text(encoding="utf-8"))["findings"] == fresh["findings"]
            single_cpu = single_cpu or cpu_total
            print(
                f"{count} shard(s)  {cpu_total:7.1f} CPU s  {cpu_total / args.pages:.2f} CPU s/page  "
                f"{cpu_total / single_cpu - 1:+.0%} vs one run  merged = single run: {same}",
                flush=True,
            )
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
