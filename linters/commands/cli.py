"""The `webredactie` command line.

Exit codes (the CLI owns them; checks and reporters never decide):
0 clean, 1 findings at or above `--fail-on`, 2 bad configuration or input
that stopped the run, or a check that crashed.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from linters.commands import audit, check, feedback, owners, report, rules, statute
from linters.commands.common import find_root, report_config_error
from linters.commands.options import EXIT_STOPPED
from linters.core.config import ConfigError

# Each command module adds its parser and runs with (args, project folder).
COMMANDS: dict[str, tuple[Callable[..., None], Callable[[argparse.Namespace, Path], int]]] = {
    "check": (check.add_parser, check.run),
    "rules": (rules.add_parser, rules.run),
    "statute": (statute.add_parser, statute.run),
    "audit": (audit.add_parser, audit.run),
    "report": (report.add_parser, report.run),
    "owners": (owners.add_parser, owners.run),
    "feedback": (feedback.add_parser, feedback.run),
}

GC_ALLOCATIONS = 10_000
DISTRIBUTION = "diemen-web"

# argparse's own words (usage, errors, help headings), in Dutch unless --lang en.
# The keys are argparse's message templates; a template not listed stays English.
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "expected at most one argument": "hier hoort hooguit één waarde bij",
    "ignored explicit argument %r": "waarde %r hoort hier niet bij",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet duidelijk: %(matches)s",
    "not allowed with argument %s": "mag niet samen met %s",
    "one of the arguments %s is required": "één van deze argumenten is nodig: %s",
}


def _language(argv: Sequence[str]) -> str:
    """The message language, read before parsing so argparse's own errors are in it too."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "nl"


@contextmanager
def _argparse_language(lang: str) -> Iterator[None]:
    """Give argparse Dutch words for the length of one parse (it looks them up through its module's `_`)."""
    if lang == "en":
        yield
        return
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda text: ARGPARSE_NL.get(text, original(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def version() -> str:
    """The installed version of the toolkit."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "onbekend"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="webredactie",
        description="Controles voor www.diemen.nl: taal (B1), toegankelijkheid en eigenaarschap.",
    )
    parser.add_argument("--version", action="version", version=f"webredactie {version()}")
    parser.add_argument("--root", type=Path, help="projectmap (standaard: de map met redactiestatuut.yml)")
    parser.add_argument("--statute", type=Path, help="pad naar redactiestatuut.yml")
    parser.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van de meldingen")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    for add_parser, _run in COMMANDS.values():
        add_parser(sub)
    # `--lang` is also accepted after the command; SUPPRESS keeps the main option's value when it is absent.
    for command in sub.choices.values():
        if not any("--lang" in action.option_strings for action in command._actions):
            command.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        for action in command._subparsers._group_actions if command._subparsers else ():
            for nested in getattr(action, "choices", {}).values():
                nested.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line, with argparse's own messages in the chosen language."""
    with _argparse_language(_language(argv)):
        return _parser().parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse(argv)
    root = (args.root or find_root(Path.cwd())).resolve()
    # A run makes millions of small objects that live until it ends; collecting
    # less often saves a quarter of a cold check and costs little memory.
    gc.set_threshold(GC_ALLOCATIONS, 20, 20)
    _add_parser, run = COMMANDS[args.command]
    try:
        return run(args, root)
    except ConfigError as err:
        return report_config_error(err, args.lang)
    except argparse.ArgumentTypeError as err:
        print(str(err), file=sys.stderr)
        return EXIT_STOPPED


if __name__ == "__main__":
    sys.exit(main())
