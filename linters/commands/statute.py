"""`webredactie statute`: validate the statute and show a summary."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from linters.commands.common import load_project_statute
from linters.commands.options import EXIT_CLEAN


def add_parser(sub: Any) -> None:
    """Add the `statute` command to the command line."""
    sub.add_parser("statute", help="controleer redactiestatuut.yml en toon een samenvatting")


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie statute`."""
    statute = load_project_statute(args, root)
    print(f"{statute.file}: in orde. {len(statute.departments)} afdelingen, {len(statute.sections)} secties.")
    for section in statute.sections:
        english = ", Engels verplicht" if section.english_required else ""
        cycle = statute.review_cycle_months(section.path)
        print(f"  {section.path:28} {section.owner:18} elke {cycle} maanden{english}")
    return EXIT_CLEAN
