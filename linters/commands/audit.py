"""`webredactie audit`: the browser audit from the command line.

The exit codes are those of `webredactie check`: 0 clean, 1 findings at or
above `--fail-on` (or a page that could not be checked: that is never a
pass), 2 input or configuration that stopped the run (no Chromium, no axe,
a broken `.pa11yci`, a sitemap that is not XML, a broken baseline).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from linters.commands.common import load_project_statute, parse_today
from linters.commands.options import EXIT_CLEAN, EXIT_FINDINGS, EXIT_STOPPED, add_report_options
from linters.core.files import write_atomic
from linters.core.finding import Severity
from linters.core.statute import Statute
from linters.registry import rules_by_code
from linters.report import FORMATS
from linters.wcag.audit import AuditOutcome, AuditSettings, run_audit
from linters.wcag.audit_cache import CACHE_DIR
from linters.wcag.axe import AxeNotFound, find_axe
from linters.wcag.baseline import load_baseline
from linters.wcag.browser import BrowserNotFound, find_browser
from linters.wcag.inputs import (
    AuditInputError,
    AuditPlan,
    check_url,
    local_url,
    read_pa11yci,
    read_sitemap,
    read_url_list,
    site_pages,
    url_path,
)
from linters.wcag.runner import PageOptions, PageResult, Target
from linters.wcag.shard import ShardError, merge_results, parse_shard, part_of

BASELINE_FILE = "toegankelijkheid-baseline.yml"
REPORT_DIR = "reports/toegankelijkheid"
ANSWERS_FILE = "antwoorden.yml"


def add_parser(sub: Any) -> None:
    """Add the `audit` command to the command line."""
    audit = sub.add_parser(
        "audit",
        help="controleer de gebouwde site in Chromium met axe-core (toegankelijkheid)",
        description="Controleer pagina's in Chromium met axe-core en eigen controles. Zonder invoer: site/.",
    )
    # `nargs="*"`: `webredactie audit merge A.json B.json` puts the parts of a sharded audit together.
    audit.add_argument(
        "site",
        nargs="*",
        type=Path,
        help="map van de gebouwde site (standaard: site/); of: merge A.json B.json ... (delen samenvoegen)",
    )
    audit.add_argument("--shard", help="controleer één deel van de pagina's: deel/aantal, bijvoorbeeld 1/4")
    audit.add_argument(
        "--no-cache", action="store_true", help=f"controleer elke pagina opnieuw, zonder de cache in {CACHE_DIR}/"
    )
    audit.add_argument("--url", action="append", default=[], help="een adres om te controleren (mag vaker)")
    audit.add_argument("--urls", type=Path, help="bestand met adressen, één per regel")
    audit.add_argument("--sitemap", help="sitemap.xml met de adressen")
    audit.add_argument("--config", type=Path, help="een pa11y-ci-configuratie (.pa11yci)")
    audit.add_argument("--baseline", type=Path, help=f"geaccepteerde problemen (standaard: {BASELINE_FILE})")
    add_report_options(audit)
    audit.add_argument("--concurrency", type=int, help="hoeveel pagina's tegelijk (standaard 2)")
    audit.add_argument("--timeout", type=float, default=30.0, help="seconden per pagina (standaard 30)")
    audit.add_argument("--wait", type=float, default=0.0, help="extra seconden wachten na het laden")
    audit.add_argument("--browser", help="pad naar Chromium (standaard: WEBREDACTIE_BROWSER, dan chromium)")
    audit.add_argument("--axe-script", help="pad naar axe.min.js (standaard: het meegeleverde)")
    audit.add_argument("--today", help="doe alsof het vandaag deze datum is (2026-11-22)")
    audit.add_argument("--quiet", "-q", action="store_true", help="geen voortgang per pagina")
    audit.add_argument(
        "--yearly", action="store_true", help="jaarlijkse toets volgens WCAG-EM, met rapport en verklaring"
    )
    audit.add_argument("--seed", type=int, help="startgetal voor de willekeurige steekproef (--yearly)")
    audit.add_argument("--report-dir", type=Path, help=f"map voor het jaarrapport (standaard: {REPORT_DIR})")
    audit.add_argument(
        "--manual",
        type=Path,
        help="uitkomsten van de handmatige controles (YAML, --yearly; standaard: antwoorden.yml bij het rapport)",
    )
    audit.add_argument(
        "--wcag-em",
        type=Path,
        help="neem de antwoorden over uit een bestand van W3C's WCAG-EM Report Tool (JSON-LD, --yearly)",
    )
    audit.add_argument(
        "--review",
        action="store_true",
        help="open een pagina op 127.0.0.1 om de handmatige controles in te vullen (bij het laatste jaarrapport)",
    )
    audit.add_argument("--port", type=int, default=0, help="poort voor --review (standaard: een vrije poort)")
    audit.add_argument("--evaluator", help="wie het onderzoek deed (--yearly; standaard uit het statuut)")
    audit.add_argument("--commissioner", help="voor wie het onderzoek is (--yearly; standaard uit het statuut)")


def _plan(args: argparse.Namespace, root: Path) -> AuditPlan:
    base = PageOptions(timeout=args.timeout, wait=args.wait)
    plan = AuditPlan()
    explicit = bool(args.url or args.urls or args.sitemap or args.config)
    site: Path | None = args.site[0] if args.site else None
    if site is None and not explicit:
        site = root / "site"
    if site is not None:
        plan.site = site.resolve()
        plan.relative = True
        if not explicit:
            plan.targets = [Target(p, base) for p in site_pages(plan.site)]
        elif not plan.site.is_dir():
            site_pages(plan.site)  # raises the clear message
    if args.config is not None:
        read_pa11yci(args.config, plan, base)
    for url in args.url:
        plan.targets.append(Target(check_url(url, "--url"), base))
    if args.urls is not None:
        plan.targets.extend(Target(u, base) for u in read_url_list(args.urls))
    if args.sitemap is not None:
        for loc in read_sitemap(args.sitemap):
            plan.targets.append(Target(local_url(loc, plan.site is not None), base))
    if plan.site is None and any(t.url.startswith("/") for t in plan.targets):
        raise AuditInputError(
            "Een pad als /afval/ kan alleen met een gebouwde site. Geef de map: webredactie audit site/ --url /afval/",
            "A path like /afval/ needs a built site. Give its folder: webredactie audit site/ --url /afval/",
        )
    seen: set[str] = set()
    unique = []
    for target in plan.targets:
        if target.url not in seen:
            seen.add(target.url)
            unique.append(target)
    plan.targets = unique
    if args.shard:
        part, count = parse_shard(args.shard)
        plan.targets = [t for t in plan.targets if part_of(url_path(t.url), count) == part]
    return plan


def _merge(args: argparse.Namespace) -> int:
    """`webredactie audit merge A.json B.json ...`: the parts of a sharded audit as one report."""
    from linters.report.dashboard.load import ReportInputError, parse

    files: list[Path] = args.site[1:]
    if not files:
        print("Geef de rapporten van de delen: webredactie audit merge deel-1.json deel-2.json", file=sys.stderr)
        return EXIT_STOPPED
    parts = []
    for path in files:
        try:
            part = parse(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as err:
            print(f"Het rapport {path} is niet te lezen: {err}.", file=sys.stderr)
            return EXIT_STOPPED
        except ReportInputError as err:
            print(str(err), file=sys.stderr)
            return EXIT_STOPPED
        parts.append(part)
    merged = merge_results(parts)
    output = FORMATS[args.format](merged, rules_by_code(), args.lang)
    if args.output:
        write_atomic(args.output, output)
    else:
        sys.stdout.write(output)
    if args.fail_on == "never":
        return EXIT_CLEAN
    worst = merged.worst()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(args.fail_on) else EXIT_CLEAN


def _progress(lang: str, total: int) -> Any:
    done = [0]

    def show(result: PageResult) -> None:
        done[0] += 1
        if result.checked:
            count = len(result.data.get("violations", []))
            state = f"{count} axe-rules with violations" if lang == "en" else f"{count} axe-regels met fouten"
        else:
            state = ("NOT CHECKED: " if lang == "en" else "NIET GECONTROLEERD: ") + result.error
        print(f"[{done[0]}/{total}] {result.target.url} {state} ({result.seconds:.1f} s)", file=sys.stderr)

    return show


def exit_code(outcome: AuditOutcome, fail_on: str, threshold: int) -> int:
    """0, or 1 for findings at the level (above pa11y-ci's per-page threshold) or unchecked pages."""
    if outcome.not_checked:
        return EXIT_FINDINGS
    if fail_on == "never":
        return EXIT_CLEAN
    level = Severity.parse(fail_on)
    per_page: Counter[str] = Counter()
    for finding in outcome.result.findings:
        if finding.needs_review or finding.severity < level:
            continue
        location = finding.location
        per_page[getattr(location, "url", finding.path)] += 1
    return EXIT_FINDINGS if any(count > threshold for count in per_page.values()) else EXIT_CLEAN


def _run(args: argparse.Namespace, root: Path, statute: Statute, today: date) -> int:
    """Run `webredactie audit`; return the exit code."""
    lang = args.lang
    if args.site and str(args.site[0]) == "merge":
        return _merge(args)
    if len(args.site) > 1:
        print("Geef één map van een gebouwde site, bijvoorbeeld: webredactie audit site/", file=sys.stderr)
        return EXIT_STOPPED
    if args.shard and args.yearly:
        print(
            "--shard en --yearly gaan niet samen: de steekproef van het jaaronderzoek is één geheel.", file=sys.stderr
        )
        return EXIT_STOPPED
    try:
        plan = _plan(args, root)
        browser = find_browser(args.browser)
        axe = find_axe(args.axe_script, root)
    except AuditInputError as err:
        print(err.get(lang), file=sys.stderr)
        return EXIT_STOPPED
    except ShardError as err:
        print(err.message.get(lang), file=sys.stderr)
        return EXIT_STOPPED
    except (BrowserNotFound, AxeNotFound) as err:
        print(str(err), file=sys.stderr)
        return EXIT_STOPPED
    if axe.warning is not None:
        print(axe.warning.get(lang), file=sys.stderr)
    baseline_path = args.baseline or (root / BASELINE_FILE)
    baseline = load_baseline(baseline_path) if args.baseline or baseline_path.is_file() else None
    for nl, en in plan.notes:
        print(en if lang == "en" else nl, file=sys.stderr)
    if args.concurrency is not None and args.concurrency < 1:
        print("--concurrency moet 1 of meer zijn.", file=sys.stderr)
        return EXIT_STOPPED
    sample_info: dict[str, Any] | None = None
    answers = None
    after_load: Any = None
    report_dir = args.report_dir or (root / REPORT_DIR)
    answers_path = args.manual or (report_dir / ANSWERS_FILE)
    if args.yearly:
        from linters.wcag.answers import load_answers
        from linters.wcag.yearly import choose_sample

        # A broken answers file stops the run before the browser starts, not after the audit.
        answers = load_answers(answers_path, required=args.manual is not None)
        if args.wcag_em is not None:
            from linters.wcag.wcagem import import_answers

            count = import_answers(args.wcag_em, answers, today)
            print(
                f"{count} criteria read from {args.wcag_em}."
                if lang == "en"
                else f"{count} criteria overgenomen uit {args.wcag_em}.",
                file=sys.stderr,
            )
        sample_info = choose_sample(plan, root, args.seed, statute)
        from linters.wcag.evidence import collector

        after_load, sample_info["evidence"] = collector(report_dir / "schermafbeeldingen")
    settings = AuditSettings(
        browser=browser,
        axe=axe,
        statute=statute,
        root=root,
        today=today,
        concurrency=args.concurrency or plan.concurrency or 2,
        baseline=baseline,
        after_load=after_load,
        progress=None if args.quiet else _progress(lang, len(plan.targets)),
        cache_dir=None if args.no_cache else root / CACHE_DIR,
    )
    started = time.monotonic()
    outcome = run_audit(plan, settings)
    seconds = time.monotonic() - started
    outcome.facts["seconds"] = round(seconds, 1)
    rules = {**rules_by_code(), **outcome.rules}
    output = FORMATS[args.format](outcome.result, rules, lang)
    if args.output:
        write_atomic(args.output, output)
    else:
        sys.stdout.write(output)
    if sample_info is not None:
        from linters.wcag.answers import save_answers
        from linters.wcag.yearly import write_yearly

        written = write_yearly(
            outcome,
            sample_info,
            statute,
            today,
            report_dir,
            answers,
            plan,
            evaluator=args.evaluator,
            commissioner=args.commissioner,
        )
        if answers is not None and not outcome.facts.get("interrupted"):
            save_answers(answers, answers_path, today)
            written.append(answers_path)
        for path in written:
            print(("Written: " if lang == "en" else "Geschreven: ") + str(path), file=sys.stderr)
    _summary(outcome, plan, lang, seconds)
    if outcome.facts.get("interrupted"):
        print(
            "Afgebroken; het rapport bevat wat al gecontroleerd was."
            if lang == "nl"
            else "Interrupted; the report holds what was checked.",
            file=sys.stderr,
        )
        return EXIT_STOPPED
    return exit_code(outcome, args.fail_on, plan.threshold)


def _summary(outcome: AuditOutcome, plan: AuditPlan, lang: str, seconds: float) -> None:
    pages = len(outcome.pages)
    failed = len(outcome.not_checked)
    facts = outcome.facts
    if lang == "en":
        line = (
            f"{pages} pages audited in {seconds:.0f} s (Chromium {facts.get('browser', '?')}, "
            f"axe-core {facts.get('axe')}); {failed} could not be checked"
        )
        extra = [f"{len(outcome.accepted)} accepted in the baseline", f"{outcome.ignored} ignored by the configuration"]
    else:
        line = (
            f"{pages} pagina's gecontroleerd in {seconds:.0f} s (Chromium {facts.get('browser', '?')}, "
            f"axe-core {facts.get('axe')}); {failed} niet gecontroleerd"
        )
        extra = [
            f"{len(outcome.accepted)} geaccepteerd in de baseline",
            f"{outcome.ignored} genegeerd door de instellingen",
        ]
    if facts.get("restarts"):
        extra.append(("browser restarted " if lang == "en" else "browser herstart: ") + str(facts["restarts"]))
    print(line + "; " + ", ".join(extra) + ".", file=sys.stderr)
    for page in outcome.not_checked:
        label = "not checked" if lang == "en" else "niet gecontroleerd"
        print(f"  {label}: {page.target.url} ({page.error})", file=sys.stderr)


def _review(args: argparse.Namespace, root: Path, today: date) -> int:
    """Serve the answers page for the last yearly report until the auditor presses Ctrl+C."""
    from linters.wcag.review import ReviewInputError, ReviewServer

    report_dir = args.report_dir or (root / REPORT_DIR)
    try:
        server = ReviewServer(report_dir, args.manual or (report_dir / ANSWERS_FILE), today)
    except ReviewInputError as err:
        print(str(err), file=sys.stderr)
        return EXIT_STOPPED
    address = server.start(args.port)
    print(
        f"Open {address} in your browser. Stop with Ctrl+C."
        if args.lang == "en"
        else f"Open {address} in uw browser. Stoppen: Ctrl+C.",
        file=sys.stderr,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return EXIT_CLEAN


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie audit`."""
    if args.review:
        return _review(args, root, parse_today(args.today))
    return _run(args, root, load_project_statute(args, root), parse_today(args.today))
