"""Benchmark the browser audit: ours against plain sequential axe-core in Playwright, in one run.

DESIGN.md ("Accessibility audit", "Performance") sets the bar: on this 2-core
machine plain axe-core one page at a time does about 0.66 pages/s on Material
pages; our pool must do at least 2x that, with a peak memory of at most
1.5 GiB, and find exactly the same violations (under concurrency plain axe
and pa11y-ci lost results). This script generates the synthetic site
(generate_site.py), builds it with our configuration, and audits the same
pages with:

1. plain: one Playwright page, for each URL goto + inject axe + axe.run, in order;
2. ours: `linters.wcag.audit.run_audit` (pool of reused tabs, settle wait);
3. pa11y-ci (npm, pointed at Debian's Chromium), only with --pa11y and when it installs.

It prints pages per second, peak memory (PSS of the whole process tree:
Python, the Playwright driver and every Chromium process) and whether the
violations are identical, page by page.

    python bench/audit.py [--pages 200] [--concurrency 2 3] [--pa11y] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate_site import OUR_SITE_DIR, generate_site  # noqa: E402

from linters.registry import load_statute  # noqa: E402
from linters.wcag.audit import AuditSettings, run_audit  # noqa: E402
from linters.wcag.axe import BEST_PRACTICE, WCAG_TAGS, find_axe  # noqa: E402
from linters.wcag.browser import LAUNCH_ARGS, find_browser  # noqa: E402
from linters.wcag.inputs import AuditPlan, site_pages  # noqa: E402
from linters.wcag.runner import PageOptions, Target  # noqa: E402
from linters.wcag.server import serve  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TAGS = (*WCAG_TAGS, BEST_PRACTICE)
Violations = dict[str, set[tuple[str, str]]]


def _tree(pid: int) -> list[int]:
    """The process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime of the process itself


@contextmanager
def peak_memory() -> Iterator[list[float]]:
    """Sample this process tree; yields [peak PSS MiB, CPU seconds], filled in at the end.

    CPU time is each process's own utime + stime at its last sample (every 0.2 s),
    summed over the tree (Chromium's renderers are not children Python waits for,
    so os.times() misses them). Memory (PSS) is sampled once a second: reading
    smaps_rollup of a dozen Chromium processes costs about 40 ms of CPU, and at
    every 0.2 s the sampler took a fifth of a core from the audit it measured
    (in this process, also the GIL our audit's driver loop needs).
    """
    result = [0.0, 0.0]
    stop = threading.Event()
    ticks: dict[int, int] = {}
    start = {pid: _cpu_ticks(pid) for pid in _tree(os.getpid())}

    def sample() -> None:
        rounds = 0
        while not stop.is_set():
            pids = _tree(os.getpid())
            if rounds % 5 == 0:
                result[0] = max(result[0], sum(_pss_kib(pid) for pid in pids) / 1024)
            for pid in pids:
                ticks[pid] = max(ticks.get(pid, 0), _cpu_ticks(pid))
            rounds += 1
            stop.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        stop.set()
        thread.join()
        hertz = os.sysconf("SC_CLK_TCK")
        result[1] = sum(value - start.get(pid, 0) for pid, value in ticks.items()) / hertz


@dataclass
class Row:
    """One audited run."""

    name: str
    pages: int
    seconds: float
    peak_mib: float
    violations: Violations | None
    # CPU seconds of the whole process tree: unlike wall time, not inflated by other jobs on the machine.
    cpu_seconds: float = 0.0

    def line(self, baseline: Row | None) -> str:
        speed = self.pages / self.seconds
        ratio = f"{speed / (baseline.pages / baseline.seconds):6.2f}x" if baseline else f"{'':7}"
        same = "-"
        if baseline is not None and self.violations is not None and baseline.violations is not None:
            same = "yes" if self.violations == baseline.violations else "NO"
        cpu = f"{self.cpu_seconds / self.pages:9.2f}" if self.cpu_seconds else f"{'-':>9}"
        head = f"{self.name:<18} {self.pages:>5} {self.seconds:8.1f} {speed:8.2f} {ratio}"
        return f"{head} {self.peak_mib:9.0f} {cpu} {same:>6}"


def plain_sequential(urls: Sequence[str], base: str, chromium: Path, axe_source: str) -> Violations:
    """Plain axe-core: one page, goto, inject, run; no waiting beyond the load event."""
    from playwright.sync_api import sync_playwright

    found: Violations = {}
    script = "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
    script += ".map(v => ({id: v.id, targets: v.nodes.map(n => n.target.join(' '))}))"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1280, "height": 1024})
        for url in urls:
            page.goto(base + url, wait_until="load")
            page.add_script_tag(content=axe_source)
            result = page.evaluate(script, list(TAGS))
            found[url] = {(v["id"], t) for v in result for t in v["targets"]}
        browser.close()
    return found


def ours(urls: Sequence[str], site: Path, chromium: Path, concurrency: int) -> Violations:
    """Our audit of the same pages; its raw axe violations, for a like-for-like comparison."""
    plan = AuditPlan(site=site, relative=True, targets=[Target(u, PageOptions()) for u in urls], tags=TAGS)
    settings = AuditSettings(
        browser=chromium,
        axe=find_axe(),
        statute=load_statute(REPO / "redactiestatuut.yml"),
        root=REPO,
        today=date.today(),
        concurrency=concurrency,
    )
    outcome = run_audit(plan, settings)
    if outcome.not_checked:
        print(f"  ours: {len(outcome.not_checked)} pages not checked", file=sys.stderr)
    found: Violations = {}
    for result in outcome.pages:
        path = urlsplit(result.target.url).path
        found[path] = {(v["id"], " ".join(n["target"])) for v in result.data.get("violations", []) for n in v["nodes"]}
    return found


def pa11y_ci(urls: Sequence[str], base: str, chromium: Path, work: Path) -> Row | None:
    """pa11y-ci from npm with Debian's Chromium, when npm can install it; None otherwise."""
    npm = shutil.which("npm")
    if npm is None:
        print("  pa11y-ci: npm is not installed", file=sys.stderr)
        return None
    prefix = work / "pa11y"
    env = {**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": str(chromium)}
    install = subprocess.run(
        [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix), "pa11y-ci@4"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    binary = prefix / "node_modules" / ".bin" / "pa11y-ci"
    if install.returncode != 0 or not binary.exists():
        print(f"  pa11y-ci: did not install ({install.stderr.strip()[-300:]})", file=sys.stderr)
        return None
    config = work / ".pa11yci"
    config.write_text(
        json.dumps(
            {
                "defaults": {
                    "standard": "WCAG2AA",
                    "runners": ["axe"],
                    "concurrency": 2,
                    "timeout": 60000,
                    "chromeLaunchConfig": {"executablePath": str(chromium), "args": list(LAUNCH_ARGS)},
                },
                "urls": [base + u for u in urls],
            }
        ),
        encoding="utf-8",
    )
    with peak_memory() as sampled:
        start = time.perf_counter()
        done = subprocess.run(
            [str(binary), "--config", str(config), "--json"], env=env, capture_output=True, text=True, timeout=3600
        )
        seconds = time.perf_counter() - start
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        print(f"  pa11y-ci: no JSON report ({done.stderr.strip()[-300:]})", file=sys.stderr)
        return Row("pa11y-ci (axe, 2)", len(urls), seconds, sampled[0], None, sampled[1])
    found: Violations = {}
    failed = 0
    for url, issues in report.get("results", {}).items():
        path = urlsplit(url).path
        if any("code" not in issue for issue in issues):
            failed += 1  # pa11y-ci could not test the page (its message instead of issues)
        found[path] = {(issue["code"], "") for issue in issues if issue.get("type") == "error" and "code" in issue}
    print(
        f"  pa11y-ci: {report.get('passes')} of {len(urls)} pages passed, {failed} could not be tested", file=sys.stderr
    )
    return Row("pa11y-ci (axe, 2)", len(urls), seconds, sampled[0], found, sampled[1])


def timed(name: str, count: int, run: Callable[[], Violations]) -> Row:
    """Run one audit under the memory and CPU sampler and the clock."""
    with peak_memory() as sampled:
        start = time.perf_counter()
        found = run()
        seconds = time.perf_counter() - start
    return Row(name, count, seconds, sampled[0], found, sampled[1])


def differences(a: Violations, b: Violations) -> list[str]:
    """Where two runs disagree, page by page."""
    lines = []
    for url in sorted(set(a) | set(b)):
        only_a, only_b = a.get(url, set()) - b.get(url, set()), b.get(url, set()) - a.get(url, set())
        if only_a or only_b:
            lines.append(f"  {url}: only plain {sorted(only_a)}; only ours {sorted(only_b)}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[2, 3])
    parser.add_argument("--pa11y", action="store_true", help="also install and run pa11y-ci (npm)")
    parser.add_argument("--keep", action="store_true", help="keep the generated site")
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)

    work = args.out or Path(tempfile.mkdtemp(prefix="bench-audit-"))
    chromium = find_browser()
    axe = find_axe()
    try:
        source = generate_site(work / "site-src", args.pages + 2)
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(source / "mkdocs.yml")],
            cwd=source,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
        )
        if build.returncode != 0:
            raise SystemExit(f"build failed:\n{build.stderr[-2000:]}")
        site = source / OUR_SITE_DIR
        urls = [u for u in site_pages(site) if u != "/404.html"][: args.pages]
        print(f"{len(urls)} pages of the synthetic site, Chromium at {chromium}, axe-core {axe.version}")
        header = f"{'run':<18} {'pages':>5} {'seconds':>8} {'pages/s':>8} {'vs plain':>7} {'peak MiB':>9}"
        print(f"{header} {'CPU s/p':>9} {'same':>6}")
        print(f"(load average before the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        with serve(site, axe.source) as base:
            plain = timed("plain sequential", len(urls), lambda: plain_sequential(urls, base, chromium, axe.source))
        print(plain.line(None), flush=True)
        for concurrency in args.concurrency:
            row = timed(f"ours (tabs={concurrency})", len(urls), lambda c=concurrency: ours(urls, site, chromium, c))
            print(row.line(plain), flush=True)
            assert row.violations is not None and plain.violations is not None
            for line in differences(plain.violations, row.violations):
                print(line)
        if args.pa11y:
            with serve(site, axe.source) as base:
                row_p = pa11y_ci(urls[:50], base, chromium, work)
            if row_p is not None:
                # pa11y reports rule ids without axe's selectors: compare ids per page.
                ids = {u: {(rule, "") for rule, _ in plain.violations.get(u, set())} for u in urls[:50]}
                reference = Row("plain (first 50)", 50, plain.seconds * 50 / len(urls), plain.peak_mib, ids)
                print(row_p.line(reference), flush=True)
                if row_p.violations is not None:
                    for line in differences(ids, row_p.violations):
                        print(line.replace("only ours", "only pa11y-ci"))
        total = sum(len(v) for v in (plain.violations or {}).values())
        print(
            f"violations found by plain axe: {total} on {sum(1 for v in (plain.violations or {}).values() if v)} pages"
        )
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
