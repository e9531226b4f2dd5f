"""What every reporting command (`check`, `audit`) shares: report options and exit codes.

The exit codes are the contract with CI, so they are written down once:
0 clean, 1 findings at or above `--fail-on`, 2 the run stopped.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from linters.core.finding import LEVELS
from linters.report import FORMATS

EXIT_CLEAN, EXIT_FINDINGS, EXIT_STOPPED = 0, 1, 2
FAIL_LEVELS = (*LEVELS, "never")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """`--format`, `--output` and `--fail-on`, the same for every command that reports findings."""
    parser.add_argument("--format", choices=sorted(FORMATS), default="text")
    parser.add_argument("--output", "-o", type=Path, help="schrijf het rapport naar dit bestand")
    parser.add_argument(
        "--fail-on",
        choices=FAIL_LEVELS,
        default="error",
        help="vanaf welk niveau de controle faalt (code 1)",
    )
