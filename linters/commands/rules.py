"""`webredactie rules`: the rule catalogue and each rule's documentation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from linters.commands.options import EXIT_CLEAN, EXIT_STOPPED
from linters.core.rules import DOC_SECTIONS, Rule
from linters.registry import ALL_RULES, find_rule


def add_parser(sub: Any) -> None:
    """Add the `rules` command to the command line."""
    rules = sub.add_parser("rules", help="toon de regels en hun uitleg")
    rules.add_argument("rule", nargs="?", help="code of naam van één regel")
    rules.add_argument("--format", choices=("text", "markdown"), default="text")


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


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie rules [RULE]`."""
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
