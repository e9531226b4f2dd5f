"""The `webredactie` command line.

Exit codes (the CLI owns them; checks and reporters never decide):
0 clean, 1 findings at or above `--fail-on`, 2 bad configuration or input
that stopped the run, or a check that crashed.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from linters.b1.metrics import b1_metrics
from linters.core.cache import CACHE_DIR, RunCache
from linters.core.changes import ChangeError, git_changed, pages_to_check
from linters.core.config import ConfigError
from linters.core.engine import Engine, InputError, basic_metrics
from linters.core.files import write_atomic
from linters.core.finding import Severity
from linters.core.rules import DOC_SECTIONS, Rule
from linters.ownership import commands as owners_commands
from linters.ownership.statute import Statute, load_statute
from linters.registry import ALL_RULES, find_rule, rule_names, rules_by_code
from linters.report import FORMATS
from linters.report.dashboard import command as report_command
from linters.report.options import EXIT_CLEAN, EXIT_FINDINGS, EXIT_STOPPED, add_report_options
from linters.wcag import command as audit_command

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


GC_ALLOCATIONS = 10_000


def default_jobs() -> int:
    """The processor cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is geen aantal; geef een heel getal van 1 of meer, bijvoorbeeld 2")
    return int(value)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="webredactie",
        description="Controles voor www.diemen.nl: taal (B1), toegankelijkheid en eigenaarschap.",
    )
    parser.add_argument("--root", type=Path, help="projectmap (standaard: de map met redactiestatuut.yml)")
    parser.add_argument("--statute", type=Path, help="pad naar redactiestatuut.yml")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van de meldingen")
    sub = parser.add_subparsers(dest="command", required=True)

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

    rules = sub.add_parser("rules", help="toon de regels en hun uitleg")
    rules.add_argument("rule", nargs="?", help="code of naam van één regel")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")

    sub.add_parser("statute", help="controleer redactiestatuut.yml en toon een samenvatting")
    audit_command.add_parser(sub)
    report_command.add_parser(sub)
    owners_commands.add_parser(sub)
    return parser


def _load_statute(args: argparse.Namespace, root: Path) -> Statute:
    path = args.statute or root / STATUTE_FILE
    return load_statute(path, known_rules=rule_names(), content_root=root / "content")


def _report_config_error(err: ConfigError, lang: str) -> int:
    header = (
        f"The configuration has {len(err.problems)} problem(s); nothing was checked:"
        if lang == "en"
        else f"De configuratie heeft {len(err.problems)} fout(en); er is niets gecontroleerd:"
    )
    print(header, file=sys.stderr)
    for problem in err.problems:
        print(problem.render(lang), file=sys.stderr)
    return EXIT_STOPPED


def _changed_pages(args: argparse.Namespace, root: Path, content_root: Path, paths: list[Path]) -> list[Path] | None:
    """The pages `--changed-since` selects, within the given paths; None (after a message) when git fails."""
    try:
        touched = git_changed(root, args.changed_since)
    except ChangeError as err:
        print(str(err), file=sys.stderr)
        return None
    statute = (args.statute or root / STATUTE_FILE).resolve()
    statute_rel = statute.relative_to(root).as_posix() if statute.is_relative_to(root) else STATUTE_FILE
    selection = pages_to_check(root, content_root, touched, statute_rel)
    within = [p.resolve() for p in paths]
    pages = [p for p in selection.pages if any(p.resolve() == w or w in p.resolve().parents for w in within)]
    if not pages:
        print(f"Sinds {args.changed_since} is geen pagina veranderd.", file=sys.stderr)
    return pages


def _check(args: argparse.Namespace, root: Path) -> int:
    statute = _load_statute(args, root)
    today = parse_today(args.today)
    content_root = root / "content"
    paths = args.paths or [content_root]
    if args.changed_since:
        selected = _changed_pages(args, root, content_root, paths)
        if selected is None:
            return EXIT_STOPPED
        paths = selected
    engine = Engine(
        ALL_RULES,
        statute,
        today=today,
        content_root=content_root,
        metric_providers=(basic_metrics, b1_metrics),
        cache=None if args.no_cache else RunCache(root / CACHE_DIR),
        jobs=args.jobs,
    )
    try:
        result = engine.run(paths)
    except InputError as err:
        message = (
            f"The path '{err}' does not exist."
            if args.lang == "en"
            else f"Het pad '{err}' bestaat niet. Geef een bestand of map die er wel is, bijvoorbeeld content/."
        )
        print(message, file=sys.stderr)
        return EXIT_STOPPED
    output = FORMATS[args.format](result, rules_by_code(), args.lang)
    if args.output:
        write_atomic(args.output, output)
    else:
        sys.stdout.write(output)
    if result.crashed:
        return EXIT_STOPPED
    if args.fail_on == "never":
        return EXIT_CLEAN
    worst = result.worst()
    return EXIT_FINDINGS if worst is not None and worst >= Severity.parse(args.fail_on) else EXIT_CLEAN


def _report(args: argparse.Namespace, root: Path) -> int:
    """Write the dashboard; with --run, check every page first and save reports/check.json."""
    statute = _load_statute(args, root)
    today = parse_today(args.today)
    stopped = False
    if args.run:
        # Parsed, not built by hand, so every option of `check` has its default.
        check_args = _parser().parse_args(["check", "--format", "json", "--fail-on", "never"])
        check_args.root, check_args.statute, check_args.lang, check_args.today = (
            args.root,
            args.statute,
            args.lang,
            args.today,
        )
        check_args.output = report_command.output_dir(args, root) / report_command.CHECK_FILE
        code = _check(check_args, root)
        if code == EXIT_STOPPED and not check_args.output.is_file():
            return code
        stopped = code == EXIT_STOPPED
    code = report_command.run(args, root, statute, today)
    return EXIT_STOPPED if stopped else code


def rule_markdown(rule: Rule) -> str:
    """One rule's documentation as Markdown (for docs/regels.md)."""
    lines = [
        f"## {rule.code} {rule.name}",
        "",
        f"*{rule.summary.nl}* Standaardniveau: **{rule.severity.label}**.",
        "",
    ]
    for heading in DOC_SECTIONS:
        lines += [f"### {heading}", "", rule.doc.get(heading, ""), ""]
    return "\n".join(lines)


def rules_markdown() -> str:
    """The documentation of every rule, generated from the registry."""
    head = [
        "# Regels van webredactie",
        "",
        "Dit bestand is gemaakt met `webredactie rules --format markdown`. Pas het niet met de hand aan.",
        "",
        "| code | naam | niveau | wat |",
        "|---|---|---|---|",
    ]
    head += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.label} | {r.summary.nl} |"
        for r in ALL_RULES
    ]
    return "\n".join(head) + "\n\n" + "\n".join(rule_markdown(r) for r in ALL_RULES)


def _rules(args: argparse.Namespace) -> int:
    if args.rule:
        found = find_rule(args.rule)
        if found is None:
            print(f"De regel '{args.rule}' bestaat niet. Zie 'webredactie rules'.", file=sys.stderr)
            return EXIT_STOPPED
        print(rule_markdown(found))
        return EXIT_CLEAN
    if args.format == "markdown":
        sys.stdout.write(rules_markdown())
        return EXIT_CLEAN
    for rule in ALL_RULES:
        print(f"{rule.code:7} {rule.name:30} {rule.severity.label:10} {rule.summary.get(args.lang)}")
    return EXIT_CLEAN


def _statute(args: argparse.Namespace, root: Path) -> int:
    statute = _load_statute(args, root)
    print(f"{statute.file}: in orde. {len(statute.departments)} afdelingen, {len(statute.sections)} secties.")
    for section in statute.sections:
        english = ", Engels verplicht" if section.english_required else ""
        cycle = statute.review_cycle_months(section.path)
        print(f"  {section.path:28} {section.owner:18} elke {cycle} maanden{english}")
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    # A run makes millions of small objects that live until it ends; collecting
    # less often saves a quarter of a cold check and costs little memory.
    gc.set_threshold(GC_ALLOCATIONS, 20, 20)
    try:
        if args.command == "check":
            return _check(args, root)
        if args.command == "rules":
            return _rules(args)
        if args.command == "audit":
            return audit_command.run(args, root, _load_statute(args, root), parse_today(args.today))
        if args.command == "report":
            return _report(args, root)
        if args.command == "owners":
            return owners_commands.run(args, root, _load_statute(args, root), parse_today(getattr(args, "today", None)))
        return _statute(args, root)
    except ConfigError as err:
        return _report_config_error(err, args.lang)
    except argparse.ArgumentTypeError as err:
        print(str(err), file=sys.stderr)
        return EXIT_STOPPED


if __name__ == "__main__":
    sys.exit(main())
