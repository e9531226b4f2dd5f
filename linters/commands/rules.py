"""`webredactie rules`: the rule catalogue and each rule's documentation.

`docs/regels.md` and the rule table between the `regels` markers in the
README are generated here from the catalogue (`--format markdown`,
`--format readme`); a test keeps the committed files in step.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from linters.commands.options import EXIT_CLEAN, EXIT_STOPPED
from linters.core.rules import AXE, Rule
from linters.registry import ALL_RULES, find_rule

README_BEGIN = "<!-- regels:begin -->"
README_END = "<!-- regels:end -->"
# What each family checks, for the rule tables (Dutch, English).
FAMILY_LABELS: dict[str, tuple[str, str]] = {
    "WR": (
        "het bestand zelf: leesbaar, niet leeg, codering, uitzonderingen",
        "the file itself: readable, not empty, encoding, suppressions",
    ),
    "FM": ("front-matter: titel, beschrijving, bekende velden", "front-matter: title, description, known fields"),
    "OWN": (
        "eigenaar en controledatum volgens het statuut, CODEOWNERS",
        "ownership and review dates from the statute, CODEOWNERS",
    ),
    "TR": (
        "vertalingen: ontbreekt, zonder origineel, verouderd",
        "translations: missing, without original, out of date",
    ),
    "LNK": ("interne links", "internal links"),
    "CON": ("contact- en reactieadres van de eigenaar", "the owner's contact and feedback address"),
    "B1": ("eenvoudig Nederlands (B1) en plain English", "plain Dutch (B1) and plain English"),
    "A11Y": (
        "toegankelijkheid in de Markdown en in de browsercontrole",
        "accessibility in the Markdown and in the browser audit",
    ),
    "axe": ("de regels van axe-core in de browsercontrole", "the axe-core rules of the browser audit"),
}
_WORDS = {
    "nl": {"level": "Standaardniveau", "title": "Regels van webredactie", "what": "wat"},
    "en": {"level": "Default level", "title": "Rules of webredactie", "what": "what"},
}


def add_parser(sub: Any) -> None:
    """Add the `rules` command to the command line."""
    rules = sub.add_parser("rules", help="toon de regels en hun uitleg")
    rules.add_argument("rule", nargs="?", help="code of naam van één regel")
    rules.add_argument("--format", choices=("text", "markdown", "readme"), default="text")


def _heading(rule: Rule) -> str:
    return rule.code if rule.code == rule.name else f"{rule.code} {rule.name}"


def rule_markdown(rule: Rule, lang: str = "nl") -> str:
    """One rule's documentation as Markdown, in Dutch or English."""
    lines = [
        f"## {_heading(rule)}",
        "",
        f"*{rule.summary.get(lang)}* {_WORDS[lang]['level']}: **{rule.severity.label}**.",
        "",
    ]
    for heading, text in rule.documentation(lang).items():
        lines += [f"### {heading}", "", text, ""]
    return "\n".join(lines)


def rules_markdown(lang: str = "nl") -> str:
    """The documentation of every rule, generated from the catalogue.

    Our own rules get their full documentation; axe-core's rules a table
    with a link to axe's explanation (`webredactie rules <id>` shows more).
    """
    words = _WORDS[lang]
    ours = [r for r in ALL_RULES if r.reporter != AXE]
    axe = [r for r in ALL_RULES if r.reporter == AXE]
    generated = (
        "Dit bestand is gemaakt met `webredactie rules --format markdown`. Pas het niet met de hand aan."
        if lang == "nl"
        else "This file is made with `webredactie --lang en rules --format markdown`. Do not edit it by hand."
    )
    head = [
        f"# {words['title']}",
        "",
        generated,
        "",
        f"| code | {'naam' if lang == 'nl' else 'name'} | {'niveau' if lang == 'nl' else 'level'} | {words['what']} |",
        "|---|---|---|---|",
    ]
    head += [f"| [{r.code}](#{r.anchor}) | {r.name} | {r.severity.label} | {r.summary.get(lang)} |" for r in ours]
    axe_part = [
        "## axe-core",
        "",
        (
            "De browsercontrole (`webredactie audit`) draait axe-core. Elke regel van axe-core staat hieronder, "
            "met de succescriteria van WCAG. Een melding van axe-core heeft als code de naam van de regel. "
            "`webredactie rules <naam>` geeft de uitleg; `regels:` in `redactiestatuut.yml` kan een regel een "
            "ander niveau geven of uitzetten."
            if lang == "nl"
            else "The browser audit (`webredactie audit`) runs axe-core. Every axe-core rule is listed below, with "
            "its WCAG success criteria. An axe-core finding's code is the rule's id. `webredactie rules <id>` "
            "explains it; `regels:` in `redactiestatuut.yml` can give a rule another level or switch it off."
        ),
        "",
        f"| {'regel' if lang == 'nl' else 'rule'} | {'niveau' if lang == 'nl' else 'level'} | WCAG | {words['what']} |",
        "|---|---|---|---|",
    ]
    axe_part += [
        f"| [{r.code}]({r.help_url}) | {r.severity.label} | {', '.join(r.wcag) or '-'} | {r.summary.get(lang)} |"
        for r in axe
    ]
    return (
        "\n".join(head) + "\n\n" + "\n".join(rule_markdown(r, lang) for r in ours) + "\n" + "\n".join(axe_part) + "\n"
    )


def _ranges(codes: Sequence[str]) -> str:
    """`B1001, B1002, B1003, B1101` as `B1001–B1003, B1101`: consecutive numbers become a range."""
    runs: list[list[str]] = []
    for code in codes:
        if runs and int(code[-3:]) == int(runs[-1][-1][-3:]) + 1 and code[:-3] == runs[-1][-1][:-3]:
            runs[-1].append(code)
        else:
            runs.append([code])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def readme_table(lang: str = "en") -> str:
    """The README's rule table, one row per family, between the `regels` markers."""
    families: dict[str, list[Rule]] = {}
    for rule in ALL_RULES:
        families.setdefault(rule.family, []).append(rule)
    index = 1 if lang == "en" else 0
    lines = [
        README_BEGIN,
        "| family | what it checks | rules |" if lang == "en" else "| familie | wat het controleert | regels |",
        "|---|---|---|",
    ]
    for family, rules in families.items():
        label = FAMILY_LABELS.get(family, (family, family))[index]
        if family == "axe":
            examples = ", ".join(f"`{r.code}`" for r in rules if r.code in ("image-alt", "color-contrast"))
            listed = (
                f"all {len(rules)}, by axe id, for example {examples}"
                if lang == "en"
                else f"alle {len(rules)}, met de naam van axe, bijvoorbeeld {examples}"
            )
        else:
            listed = _ranges([r.code for r in rules])
        lines.append(f"| {family} | {label} | {listed} |")
    lines.append(README_END)
    return "\n".join(lines) + "\n"


def replace_block(text: str, block: str) -> str:
    """`text` with the part between the markers (markers included) replaced by `block`."""
    start = text.index(README_BEGIN)
    end = text.index(README_END) + len(README_END)
    return text[:start] + block.rstrip("\n") + text[end:]


def _listing(rules: Sequence[Rule], lang: str) -> None:
    for rule in rules:
        code = "axe" if rule.reporter == AXE else rule.code
        print(f"{code:7} {rule.name:30} {rule.severity.label:10} {rule.summary.get(lang)}")


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie rules [RULE]`."""
    lang = "en" if args.lang == "en" else "nl"
    if args.rule:
        found = find_rule(args.rule)
        if found is None:
            print(
                f"There is no rule '{args.rule}'. See 'webredactie rules'."
                if lang == "en"
                else f"De regel '{args.rule}' bestaat niet. Zie 'webredactie rules'.",
                file=sys.stderr,
            )
            return EXIT_STOPPED
        print(rule_markdown(found, lang))
        return EXIT_CLEAN
    if args.format == "markdown":
        sys.stdout.write(rules_markdown(lang))
        return EXIT_CLEAN
    if args.format == "readme":
        sys.stdout.write(readme_table(lang))
        return EXIT_CLEAN
    _listing(ALL_RULES, lang)
    return EXIT_CLEAN
