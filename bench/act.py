"""Score the browser audit on the W3C ACT Rules test cases, the way W3C scores implementations.

The 58 ACT rules that map to a WCAG 2.x success criterion at level A or AA
(878 test cases) are served on 127.0.0.1 and checked by:

- `axe`: plain axe-core in Playwright, one page at a time (inject, `axe.run`);
- `audit`: `webredactie audit` (linters.wcag.audit.run_audit) as configured,
  and from the same run each engine alone (its findings before the choice
  per ACT rule in linters/wcag/data/act_rules.yml).

Per ACT rule it prints consistent / partial / inconsistent / untested, and
per checker the totals: missed failures, false alarms, "cannot tell" and
pages not checked (linters/wcag/act.py explains the scoring).

The test cases come from a snapshot of github.com/w3c/wcag-act-rules (a git
directory or a checkout): `--act-repo` extracts them with git into `--data`
(default: ~/.cache/webredactie/act-rules), outside this repository.

    python bench/act.py --act-repo /path/to/wcag-act-rules [--rules afw4f7,bc659a] [--checkers axe audit]
    python bench/act.py --load out.json --write-rules   # the engine choice per rule from a saved run
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linters.registry import load_statute  # noqa: E402
from linters.wcag import act  # noqa: E402
from linters.wcag.audit import AuditSettings, run_audit  # noqa: E402
from linters.wcag.axe import find_axe  # noqa: E402
from linters.wcag.browser import LAUNCH_ARGS, find_browser  # noqa: E402
from linters.wcag.inputs import AuditPlan  # noqa: E402
from linters.wcag.runner import LOOPBACK, PageOptions, Target, blocking_proxy  # noqa: E402
from linters.wcag.server import serve  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "webredactie" / "act-rules"
RULES_FILE = REPO / "linters" / "wcag" / "data" / "act_rules.yml"
# What to take from a snapshot: the test cases with their assets, W3C's rule metadata and implementation reports.
WANTED = (act.ASSETS, "_data/wcag-act-rules", "wcag-mapping.json")
SHORT = {
    act.State.CONSISTENT: "consistent",
    act.State.PARTIAL: "partial",
    act.State.INCONSISTENT: "INCONSISTENT",
    act.State.UNTESTED: "-",
}
Outcomes = dict[str, act.Outcome]


def _git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    git_dir = repo / ".git" if (repo / ".git").exists() else repo
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], input=data, capture_output=True, check=True).stdout


def prepare(repo: Path, data: Path) -> None:
    """Extract the test cases and W3C's data from a git snapshot (bare or checkout) into `data`.

    Blob by blob rather than `git archive`: a shallow snapshot may lack the
    large video files, and archive stops at the first missing object.
    """
    commit = _git(repo, "rev-parse", "HEAD").decode().strip()
    listing = _git(repo, "ls-tree", "-r", "-z", "HEAD", "--", *WANTED).split(b"\0")
    missing = []
    for entry in filter(None, listing):
        meta, path = entry.decode().split("\t", 1)
        mode, _, sha = meta.split()
        if mode == "120000":
            continue  # a symbolic link (rules.json): not needed
        target = data / (act.SERVED_UNDER.removesuffix(act.ASSETS) + path if path.startswith(act.ASSETS) else path)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.write_bytes(_git(repo, "cat-file", "blob", sha))
        except subprocess.CalledProcessError:
            missing.append(path)
    (data / "COMMIT").write_text(commit + "\n", encoding="utf-8")
    print(f"extracted w3c/wcag-act-rules@{commit[:10]} into {data}", file=sys.stderr)
    for path in missing:
        print(f"  missing in the snapshot (not served): {path}", file=sys.stderr)


def export_fixtures(suite: act.TestSuite, data: Path, target: Path) -> None:
    """Copy the suite's test cases (and a testcases.json listing only them) into a test fixture folder."""
    source = data / act.SERVED_UNDER
    folder = target / act.SERVED_UNDER
    listing = json.loads((source / "testcases.json").read_text(encoding="utf-8"))
    wanted = {case.id for case in suite.cases}
    fields = ("ruleId", "ruleName", "expected", "testcaseId", "testcaseTitle", "relativePath", "url")
    kept = [{k: t[k] for k in fields} for t in listing["testcases"] if t["testcaseId"] in wanted]
    for item in kept:
        (folder / item["relativePath"]).parent.mkdir(parents=True, exist_ok=True)
        (folder / item["relativePath"]).write_bytes((source / item["relativePath"]).read_bytes())
    listing.update({"count": len(kept), "testcases": kept, "source": f"w3c/wcag-act-rules@{suite.commit}"})
    (folder / "testcases.json").write_text(json.dumps(listing, indent=1) + "\n", encoding="utf-8")
    print(f"{len(kept)} test cases of {len(suite.rules)} rules copied to {folder}", file=sys.stderr)


def load_suite(data: Path) -> act.TestSuite:
    """The 58 rules and their test cases from an extracted snapshot."""
    mapping = json.loads((data / "wcag-mapping.json").read_text(encoding="utf-8"))
    requirements = json.loads((data / "_data/wcag-act-rules/requirements.json").read_text(encoding="utf-8"))
    levels = {str(v["num"]): str(v["level"]) for v in requirements.values()}
    in_scope = act.wcag_a_aa_rules(mapping, levels)
    known = act.rules()
    rules = {}
    for item in in_scope:
        rule = known.get(item["id"]) or act.ActRule(item["id"], item["name"], tuple(item["criteria"]), item["proposed"])
        rules[item["id"]] = rule
    cases = act.read_cases(data / act.SERVED_UNDER, rules)
    commit = (data / "COMMIT").read_text(encoding="utf-8").strip() if (data / "COMMIT").is_file() else ""
    return act.TestSuite(rules, cases, commit)


def implementation_checks(data: Path) -> dict[str, dict[str, list[str]]]:
    """Per ACT rule the axe-core and Alfa rule ids, from W3C's implementation reports."""
    found: dict[str, dict[str, list[str]]] = {}
    sources = {"axe": ("axe-core",), "alfa": ("alfa", "alfa-assisted")}
    for engine, names in sources.items():
        for name in names:
            path = data / "_data/wcag-act-rules/implementations" / f"{name}.json"
            if not path.is_file():
                continue
            for item in json.loads(path.read_text(encoding="utf-8"))["actRuleMapping"]:
                ids = found.setdefault(item["ruleId"], {}).setdefault(engine, [])
                ids.extend(p for p in item["procedureNames"] if p not in ids)
    return found


# --- the checkers ------------------------------------------------------------------


def plain_axe(suite: act.TestSuite, data: Path, timeout: float) -> tuple[Outcomes, float]:
    """axe-core alone, one tab, every case in turn: goto, axe into every frame, `axe.run`.

    Two things only so that every case gets an answer, as axe's own
    integrations do: axe is evaluated rather than added as a script tag (a
    standalone SVG has no <head>), and navigations after the document arrived
    are aborted (a meta refresh would otherwise take the page away).
    """
    return asyncio.run(_plain_axe(suite, data, timeout))


async def _plain_axe(suite: act.TestSuite, data: Path, timeout: float) -> tuple[Outcomes, float]:
    from playwright.async_api import async_playwright

    axe = find_axe(root=REPO)
    tags = list(AuditPlan().tags)
    run = """async (tags) => {
        const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations', 'incomplete']};
        const r = await axe.run(document, options);
        return {violations: r.violations.map(v => v.id), incomplete: r.incomplete.map(v => v.id)};
    }"""
    outcomes: Outcomes = {}
    started = time.perf_counter()
    with blocking_proxy() as proxy, serve(data) as base:
        async with async_playwright() as p:
            browser = await p.chromium.launch(
                executable_path=str(find_browser()),
                args=list(LAUNCH_ARGS),
                proxy={"server": proxy, "bypass": ",".join(LOOPBACK)},
            )
            context = await browser.new_context(viewport={"width": 1280, "height": 1024}, bypass_csp=True)
            page, served = await _held_page(context)
            for case in suite.cases:
                served.clear()
                try:
                    await page.goto(base + case.url_path, wait_until="load", timeout=timeout * 1000)
                    for frame in page.frames:
                        if not frame.url.startswith("chrome-error:"):
                            await frame.evaluate(axe.source)
                    result = await page.evaluate(run, tags)
                except Exception as err:  # noqa: BLE001 - any failure is "not checked", and we go on
                    print(f"  axe: not checked {case.path}: {str(err).splitlines()[0]}", file=sys.stderr)
                    outcomes[case.id] = act.Outcome.NOT_CHECKED
                    await page.close()
                    page, served = await _held_page(context)
                    continue
                for outcome, ids in (
                    (act.Outcome.FAILED, result["violations"]),
                    (act.Outcome.CANT_TELL, result["incomplete"]),
                ):
                    if any(case.rule in act.act_rules_of(i) for i in ids) and case.id not in outcomes:
                        outcomes[case.id] = outcome
            await browser.close()
    return outcomes, time.perf_counter() - started


async def _held_page(context: Any) -> tuple[Any, list[bool]]:
    """A tab whose main frame cannot navigate away once its document has arrived."""
    page = await context.new_page()
    served: list[bool] = []
    cdp = await context.new_cdp_session(page)
    main = (await cdp.send("Page.getFrameTree"))["frameTree"]["frame"]["id"]

    def arrived(response: Any) -> None:
        if response.frame == page.main_frame and response.request.is_navigation_request():
            served.append(not 300 <= response.status < 400)

    async def paused(event: dict[str, Any]) -> None:
        hold = event.get("frameId") == main and any(served)
        method = "Fetch.failRequest" if hold else "Fetch.continueRequest"
        params = {"requestId": event["requestId"], **({"errorReason": "Aborted"} if hold else {})}
        with contextlib.suppress(Exception):
            await cdp.send(method, params)

    page.on("response", arrived)
    cdp.on("Fetch.requestPaused", paused)
    await cdp.send("Fetch.enable", {"patterns": [{"resourceType": "Document", "requestStage": "Request"}]})
    return page, served


def audit(suite: act.TestSuite, data: Path, concurrency: int, timeout: float) -> tuple[dict[str, Outcomes], float, str]:
    """`webredactie audit` on every case; the outcomes of the audit and of each engine alone."""
    cases = {case.url_path: case for case in suite.cases}
    plan = AuditPlan(
        site=data,
        relative=True,
        targets=[Target(case.url_path, PageOptions(timeout=timeout)) for case in suite.cases],
    )
    settings = AuditSettings(
        browser=find_browser(),
        axe=find_axe(root=REPO),
        statute=load_statute(REPO / "redactiestatuut.yml"),
        root=REPO,
        today=date.today(),
        concurrency=concurrency,
    )
    started = time.perf_counter()
    outcome = run_audit(plan, settings)
    seconds = time.perf_counter() - started
    for page in outcome.not_checked:
        print(f"  audit: not checked {page.target.url}: {page.error}", file=sys.stderr)
    found = {"audit": act.outcomes_for(outcome.result.findings, cases)}
    everything = [*outcome.result.findings, *getattr(outcome, "set_aside", [])]
    not_checked = [f for f in everything if f.code == "A11Y100"]
    for engine in act.ENGINES:
        mine = [f for f in everything if _engine_of(f) == engine or engine in f.extras.get("engines", {})]
        found[engine + " (in audit)"] = act.outcomes_for([*mine, *not_checked], cases)
    return found, seconds, str(outcome.facts.get("axe", ""))


def _engine_of(finding: Any) -> str:
    engine = str(finding.extras.get("engine", "")) if finding.extras else ""
    if engine.startswith("axe"):
        return "axe"
    if engine.startswith("alfa"):
        return "alfa"
    return "own" if finding.code.startswith("A11Y") else ""


# --- scoring and output --------------------------------------------------------


def scores(suite: act.TestSuite, outcomes: Outcomes) -> dict[str, act.RuleScore]:
    """Every rule's score for one checker."""
    return {rule: act.score(rule, cases, outcomes) for rule, cases in suite.by_rule().items()}


def print_rules(suite: act.TestSuite, results: Mapping[str, Outcomes]) -> None:
    """One line per ACT rule, one column per checker (found/failed examples, false alarms)."""
    names = list(results)
    per = {name: scores(suite, results[name]) for name in names}
    width = max(14, *(len(n) for n in names))
    print(f"{'ACT rule':<8} {'SC':<10} {'cases':>5}  " + " ".join(f"{n:<{width}}" for n in names) + "  name")
    for rule_id, rule in suite.rules.items():
        cells = []
        for name in names:
            item = per[name][rule_id]
            failed = (
                item.found
                + item.missed
                + item.cant_tell
                + sum(
                    1
                    for c in suite.by_rule()[rule_id]
                    if c.expected == "failed" and results[name].get(c.id) is act.Outcome.NOT_CHECKED
                )
            )
            extra = f" {item.found}/{failed}" + (f" FA{item.false_alarms}" if item.false_alarms else "")
            cells.append(f"{SHORT[item.state] + extra:<{width}}")
        criteria = ",".join(rule.criteria)[:10]
        print(f"{rule_id:<8} {criteria:<10} {item.cases:>5}  " + " ".join(cells) + f"  {rule.name[:50]}")


def print_wrong(suite: act.TestSuite, results: Mapping[str, Outcomes]) -> None:
    """Every case a checker got wrong or could not check: for finding out why."""
    for name, outcomes in results.items():
        for case in suite.cases:
            outcome = outcomes.get(case.id, act.Outcome.PASSED)
            wrong = (case.expected == "failed") != (outcome in (act.Outcome.FAILED, act.Outcome.CANT_TELL))
            if wrong or outcome is act.Outcome.NOT_CHECKED:
                print(f"  {name}: {case.rule} {case.title} ({outcome.value}) {case.url_path}")


def print_totals(suite: act.TestSuite, results: Mapping[str, Outcomes], notes: Mapping[str, str]) -> None:
    """The summary table, in Markdown (as in the docs)."""
    print()
    print(
        "| checker | consistent | partial | inconsistent | untested | missed failures | false alarms "
        "| pages not checked | cannot tell | failed examples of untested rules |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, outcomes in results.items():
        pages = sum(1 for o in outcomes.values() if o is act.Outcome.NOT_CHECKED)
        totals = act.Totals.of(scores(suite, outcomes).values(), pages)
        s = totals.states
        label = f"{name} {notes.get(name, '')}".strip()
        print(
            f"| {label} | {s[act.State.CONSISTENT]} | {s[act.State.PARTIAL]} | {s[act.State.INCONSISTENT]} "
            f"| {s[act.State.UNTESTED]} | {totals.missed} | {totals.false_alarms} | {pages} | {totals.cant_tell} "
            f"| {totals.untested_failures} |"
        )


def choose(suite: act.TestSuite, results: Mapping[str, Outcomes]) -> dict[str, tuple[list[str], str]]:
    """The engines to use per ACT rule, and why, from each engine's outcomes alone.

    A consistent engine wins (axe first: it runs on every page anyway, then our
    own checks, then Alfa). Without one, the combination with the fewest
    missed failures plus false alarms, from engines that are right (failed
    examples found) at least as often as wrong (false alarms) on this rule.
    """
    chosen: dict[str, tuple[list[str], str]] = {}
    alone = {e: scores(suite, results[e + " (in audit)"]) for e in act.ENGINES if e + " (in audit)" in results}
    for rule_id in suite.rules:
        per = {e: alone[e][rule_id] for e in alone}
        why = "; ".join(
            f"{e} {s.state.value} {s.found}/{s.found + s.missed + s.cant_tell} FA{s.false_alarms}"
            for e, s in per.items()
        )
        consistent = [e for e in ("axe", "own", "alfa") if e in per and per[e].state is act.State.CONSISTENT]
        if consistent:
            chosen[rule_id] = ([consistent[0]], why)
            continue
        fair = [e for e, s in per.items() if s.found and s.found >= s.false_alarms]
        best: tuple[int, int, list[str]] = (10**9, 0, [])
        for size in (1, 2, 3):
            for combo in _combinations(fair, size):
                merged: Outcomes = {}
                for engine in combo:
                    for case_id, outcome in results[engine + " (in audit)"].items():
                        if merged.get(case_id) is not act.Outcome.FAILED:
                            merged[case_id] = outcome
                item = act.score(rule_id, suite.by_rule()[rule_id], merged)
                errors = item.missed + item.false_alarms
                if item.state is act.State.CONSISTENT:
                    errors = -1
                if errors < best[0]:
                    best = (errors, size, combo)
        chosen[rule_id] = (best[2] or ["axe", "own"], why)
    return chosen


def _combinations(items: Sequence[str], size: int) -> list[list[str]]:
    from itertools import combinations

    return [list(c) for c in combinations(items, size)]


def write_rules(suite: act.TestSuite, data: Path, chosen: Mapping[str, tuple[list[str], str]]) -> None:
    """Write linters/wcag/data/act_rules.yml: the rules, their engine rules from W3C's data, the choice."""
    checks = implementation_checks(data)
    lines = [
        "# The W3C ACT rules that map to WCAG 2.x A/AA, the engine rules that test them and the",
        "# engines the audit uses for each (`use`). Generated by bench/act.py --write-rules from",
        f"# w3c/wcag-act-rules@{suite.commit[:12]} (W3C's implementation reports for axe-core and Alfa)",
        "# and a bench run; `measured` is each engine alone on the rule's test cases (found/failed",
        "# examples, false alarms). Our own checks and rules W3C's data lacks: act_checks.yml.",
        f"source: w3c/wcag-act-rules@{suite.commit}",
        "rules:",
    ]
    for rule_id, rule in suite.rules.items():
        use, why = chosen.get(rule_id, (list(rule.use), ""))
        lines += [
            f"  - id: {json.dumps(rule_id)}",
            f"    name: {json.dumps(rule.name)}",
            f"    criteria: {json.dumps(list(rule.criteria))}",
            f"    proposed: {'true' if rule.proposed else 'false'}",
        ]
        for engine in ("axe", "alfa"):
            ids = checks.get(rule_id, {}).get(engine, [])
            if ids:
                lines.append(f"    {engine}: {json.dumps(ids)}")
        lines.append(f"    use: {json.dumps(use)}")
        if why:
            lines.append(f"    measured: {json.dumps(why)}")
    RULES_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written: {RULES_FILE.relative_to(REPO)}", file=sys.stderr)


def _save(path: Path, results: Mapping[str, Outcomes], notes: Mapping[str, str]) -> None:
    payload = {"results": {n: {k: v.value for k, v in o.items()} for n, o in results.items()}, "notes": notes}
    path.write_text(json.dumps(payload, indent=1), encoding="utf-8")


def _load(path: Path) -> tuple[dict[str, Outcomes], dict[str, str]]:
    payload = json.loads(path.read_text(encoding="utf-8"))
    results = {n: {k: act.Outcome(v) for k, v in o.items()} for n, o in payload["results"].items()}
    return results, dict(payload.get("notes", {}))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--act-repo", type=Path, help="a snapshot of w3c/wcag-act-rules (git directory or checkout)")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"extracted test cases (default {DEFAULT_DATA})"
    )
    parser.add_argument("--rules", help="only these ACT rules (comma-separated ids)")
    parser.add_argument("--checkers", nargs="+", default=["axe", "audit"], choices=["axe", "audit"])
    parser.add_argument("--concurrency", type=int, default=2, help="tabs of the audit (default 2)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page (default 30)")
    parser.add_argument("--save", type=Path, help="write the outcomes per checker and case to this JSON file")
    parser.add_argument("--load", type=Path, help="score saved outcomes instead of running")
    parser.add_argument("--export-fixtures", type=Path, help="copy the chosen rules' test cases to this folder")
    parser.add_argument("--wrong", action="store_true", help="list every case a checker got wrong")
    parser.add_argument("--write-rules", action="store_true", help="write act_rules.yml with the engine choice")
    args = parser.parse_args(argv)

    data: Path = args.data
    if args.act_repo is not None and not (data / act.SERVED_UNDER / "testcases.json").is_file():
        prepare(args.act_repo, data)
    if not (data / act.SERVED_UNDER / "testcases.json").is_file():
        print(f"No ACT test cases in {data}. Give a snapshot of w3c/wcag-act-rules with --act-repo.", file=sys.stderr)
        return 2
    suite = load_suite(data)
    if args.rules:
        wanted = set(args.rules.split(","))
        unknown = wanted - set(suite.rules)
        if unknown:
            print(f"Not among the {len(suite.rules)} rules: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        suite = act.TestSuite(
            {k: v for k, v in suite.rules.items() if k in wanted},
            [c for c in suite.cases if c.rule in wanted],
            suite.commit,
        )

    if args.export_fixtures:
        export_fixtures(suite, data, args.export_fixtures)
        return 0
    results: dict[str, Outcomes] = {}
    notes: dict[str, str] = {}
    if args.load:
        results, notes = _load(args.load)
    else:
        load = os.getloadavg()
        print(
            f"{len(suite.rules)} ACT rules, {len(suite.cases)} test cases (w3c/wcag-act-rules@{suite.commit[:10]}); "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores",
            file=sys.stderr,
        )
        if "axe" in args.checkers:
            outcomes, seconds = plain_axe(suite, data, args.timeout)
            name = f"axe {find_axe(root=REPO).version} alone"
            results[name] = outcomes
            notes[name] = f"({seconds / 60:.1f} min)"
        if "audit" in args.checkers:
            found, seconds, version = audit(suite, data, args.concurrency, args.timeout)
            results["audit"] = found.pop("audit")
            notes["audit"] = f"(axe {version}, {seconds / 60:.1f} min)"
            # An engine that reported nothing on any case did not run: no column for it.
            results.update(
                {k: v for k, v in found.items() if any(o is not act.Outcome.NOT_CHECKED for o in v.values())}
            )
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
    if args.save:
        _save(args.save, results, notes)
    print_rules(suite, results)
    if args.wrong:
        print_wrong(suite, results)
    print_totals(suite, results, notes)
    if args.write_rules:
        write_rules(suite, data, choose(suite, results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
