"""`webredactie owners ...`: CODEOWNERS, who must review a change, and the department digest.

The command line in `linters/cli.py` adds these subcommands with
`add_parser` and hands over with `run`; exit codes follow the CLI's contract
(0 done, 2 the command could not run), and every problem is one clear line.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from linters.commands.common import load_project_statute, parse_today
from linters.commands.options import EXIT_CLEAN as EXIT_DONE
from linters.commands.options import EXIT_STOPPED
from linters.core.config import display_path
from linters.core.files import write_atomic
from linters.core.finding import Message
from linters.core.statute import Statute
from linters.ownership.codeowners import (
    WEB_TEAM,
    OwnershipError,
    Reason,
    content_prefix,
    departments_without_reviewers,
    render_github,
    render_gitlab,
    reviewers_for,
)
from linters.ownership.digest import build_digest, render_all_text, render_text
from linters.ownership.inputs import LOCATIONS

NO_REPOSITORY = "de projectmap is geen git-repository"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `owners` and its subcommands to the main parser."""
    owners = sub.add_parser("owners", help="eigenaarschap: CODEOWNERS, reviews en het overzicht per afdeling")
    commands = owners.add_subparsers(dest="owners_command", required=True)

    codeowners = commands.add_parser("codeowners", help="schrijf CODEOWNERS uit het redactiestatuut")
    codeowners.add_argument("--gitlab", action="store_true", help="GitLab-syntax: secties met verplichte goedkeuring")
    codeowners.add_argument("--approvals", type=int, default=1, help="goedkeuringen per sectie (alleen --gitlab)")
    codeowners.add_argument(
        "--output", "-o", type=Path, help="schrijf naar dit bestand (standaard CODEOWNERS in de projectmap)"
    )
    codeowners.add_argument("--stdout", action="store_true", help="toon het bestand in plaats van het te schrijven")

    review = commands.add_parser("review", help="welke afdelingen moeten een wijziging beoordelen, en waarom")
    review.add_argument("paths", nargs="*", type=Path, help="gewijzigde bestanden (of gebruik --since)")
    review.add_argument("--since", metavar="REV", help="alles wat sinds deze git-versie is veranderd (main, HEAD~3)")
    review.add_argument("--format", choices=("text", "json"), default="text")

    digest = commands.add_parser("digest", help="overzicht per afdeling: pagina's, controles, vertalingen")
    digest.add_argument("--department", "-d", action="append", default=[], help="alleen deze afdeling (id)")
    digest.add_argument("--format", choices=("text", "json"), default="text")
    digest.add_argument("--output", "-o", type=Path, help="schrijf naar dit bestand")
    digest.add_argument(
        "--output-dir", type=Path, help="schrijf per afdeling een tekstbestand (<id>.txt) en digest.json in deze map"
    )
    digest.add_argument("--upcoming-days", type=int, default=30, help="hoeveel dagen vooruit 'binnenkort' is")
    digest.add_argument("--today", help="doe alsof het vandaag deze datum is (2026-11-22)")


def _say(message: Message, lang: str) -> None:
    print(message.get(lang), file=sys.stderr)


def _codeowners(args: argparse.Namespace, root: Path, statute: Statute) -> int:
    if args.approvals < 1:
        _say(Message("--approvals is minstens 1.", "--approvals must be at least 1."), args.lang)
        return EXIT_STOPPED
    prefix = content_prefix(root, root / "content")
    try:
        text = render_gitlab(statute, prefix, args.approvals) if args.gitlab else render_github(statute, prefix)
    except OwnershipError as err:
        _say(err.message, args.lang)
        return EXIT_STOPPED
    for dep_id in departments_without_reviewers(statute):
        _say(
            Message(
                f"Let op: de afdeling '{dep_id}' heeft geen 'reviewers' in het redactiestatuut. "
                "Alleen de webredactie krijgt haar wijzigingen te zien.",
                f"Note: department '{dep_id}' has no 'reviewers' in the statute; only the webredactie is asked.",
            ),
            args.lang,
        )
    if args.stdout:
        sys.stdout.write(text)
        return EXIT_DONE
    target = args.output or _existing_location(root)
    write_atomic(target, text)
    print(f"{display_path(target)}: {'geschreven' if args.lang != 'en' else 'written'}")
    return EXIT_DONE


def _existing_location(root: Path) -> Path:
    """Rewrite the CODEOWNERS that exists (wherever GitHub or GitLab finds it), else create it at the root."""
    for location in LOCATIONS:
        if (root / location).is_file():
            return root / location
    return root / "CODEOWNERS"


class GitProblem(Exception):
    """git could not say which files changed."""


def _git_lines(args: list[str], cwd: Path) -> list[str]:
    try:
        proc = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except FileNotFoundError:
        raise GitProblem("git is niet geïnstalleerd") from None
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GitProblem(str(err)) from None
    if proc.returncode != 0:
        first = proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "onbekende fout"
        raise GitProblem(first.rstrip("."))
    return [line for line in proc.stdout.split("\0") if line]


def changed_files(root: Path, since: str) -> list[str]:
    """Files changed since the common ancestor of `since` and HEAD, committed or not, relative to `root`.

    The merge base, not `since` itself: on a branch, changes that landed on
    main in the meantime are not this change.
    """
    try:
        _git_lines(["rev-parse", "--is-inside-work-tree"], root)
    except GitProblem:
        # Outside a repository `git diff` compares two paths and fails with a puzzling message.
        raise GitProblem(NO_REPOSITORY) from None
    changed = _git_lines(["diff", "--name-only", "--no-renames", "-z", "--relative", "--merge-base", since], root)
    untracked = _git_lines(["ls-files", "--others", "--exclude-standard", "-z"], root)
    return sorted(set(changed) | set(untracked))


def _given_paths(root: Path, paths: list[Path]) -> list[str]:
    result = []
    for path in paths:
        absolute = path if path.is_absolute() else Path.cwd() / path
        try:
            result.append(absolute.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            result.append(path.as_posix())
    return sorted(set(result))


def _reason_text(reason: Reason, lang: str) -> str:
    if reason.section is None:
        return "de webredactie beheert de hele site" if lang != "en" else "the webredactie owns the whole site"
    return f"sectie {reason.section}" if lang != "en" else f"section {reason.section}"


def _review(args: argparse.Namespace, root: Path, statute: Statute) -> int:
    if not args.since and not args.paths:
        _say(
            Message(
                "Geef gewijzigde bestanden, of --since met een git-versie: 'webredactie owners review --since main'.",
                "Give changed files, or --since with a git revision: 'webredactie owners review --since main'.",
            ),
            args.lang,
        )
        return EXIT_STOPPED
    paths = _given_paths(root, args.paths)
    if args.since:
        try:
            paths = sorted(set(paths) | set(changed_files(root, args.since)))
        except GitProblem as err:
            hint_nl = (
                "Geef dan de gewijzigde bestanden."
                if err.args[0] == NO_REPOSITORY
                else ("Bestaat die versie? Kies er een met 'git log --oneline', of geef de gewijzigde bestanden.")
            )
            _say(
                Message(
                    f"git kan niet zeggen wat er sinds '{args.since}' is veranderd: {err}. {hint_nl}",
                    f"git cannot tell what changed since '{args.since}': {err}. Give the changed files instead.",
                ),
                args.lang,
            )
            return EXIT_STOPPED
    try:
        routing = reviewers_for(statute, paths, content_prefix(root, root / "content"))
    except OwnershipError as err:
        _say(err.message, args.lang)
        return EXIT_STOPPED
    if args.format == "json":
        document = {
            "since": args.since,
            "files": paths,
            "departments": [
                {
                    "id": dep_id,
                    "name": statute.departments[dep_id].name,
                    "reviewers": list(statute.departments[dep_id].reviewers),
                    "files": [{"path": r.path, "section": r.section} for r in reasons],
                }
                for dep_id, reasons in routing.items()
            ],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_DONE
    sys.stdout.write(_review_text(statute, paths, routing, args.lang))
    return EXIT_DONE


def _review_text(statute: Statute, paths: list[str], routing: dict[str, list[Reason]], lang: str) -> str:
    en = lang == "en"
    if not paths:
        return ("No files changed.\n") if en else "Er is niets veranderd.\n"
    count = len(routing)
    if en:
        lines = [f"{len(paths)} changed file(s). Review by {count} department(s):", ""]
    else:
        afdelingen = "1 afdeling" if count == 1 else f"{count} afdelingen"
        lines = [f"{len(paths)} bestand(en) veranderd. Deze wijziging moet worden beoordeeld door {afdelingen}:", ""]
    for dep_id, reasons in routing.items():
        department = statute.departments[dep_id]
        handles = " ".join(department.reviewers) or ("(no reviewers)" if en else "(geen reviewers)")
        lines.append(f"{department.name} ({dep_id}): {handles}")
        if dep_id == WEB_TEAM:
            # The webredactie reviews everything; listing every file again says nothing new.
            lines.append(
                f"  all {len(reasons)} file(s): the webredactie owns the whole site (form, language, accessibility)"
                if en
                else f"  alle {len(reasons)} bestand(en): de webredactie beheert de hele site "
                "(vorm, taal, toegankelijkheid, publiceren)"
            )
        else:
            for reason in reasons:
                lines.append(f"  - {reason.path} ({_reason_text(reason, lang)})")
        lines.append("")
    return "\n".join(lines)


def _digest(args: argparse.Namespace, root: Path, statute: Statute, today: date) -> int:
    unknown = [d for d in args.department if d not in statute.departments]
    if unknown:
        _say(
            Message(
                f"De afdeling '{unknown[0]}' staat niet in het redactiestatuut. Kies uit: "
                + ", ".join(sorted(statute.departments))
                + ".",
                f"Department '{unknown[0]}' is not in the statute. Choose from: "
                + ", ".join(sorted(statute.departments))
                + ".",
            ),
            args.lang,
        )
        return EXIT_STOPPED
    if args.upcoming_days < 0:
        _say(Message("--upcoming-days is 0 of meer.", "--upcoming-days must be 0 or more."), args.lang)
        return EXIT_STOPPED
    content_root = root / "content"
    if not content_root.is_dir():
        _say(
            Message(
                f"De map {display_path(content_root)} bestaat niet. Start het commando in de projectmap.",
                f"The folder {display_path(content_root)} does not exist. Run the command in the project folder.",
            ),
            args.lang,
        )
        return EXIT_STOPPED
    digest = build_digest(statute, content_root, today, upcoming_days=args.upcoming_days, departments=args.department)
    if args.output_dir:
        for department in digest.departments:
            text = render_text(digest, department, args.lang)
            write_atomic(args.output_dir / f"{department.department.id}.txt", text)
        write_atomic(args.output_dir / "digest.json", digest.to_json())
        print(f"{display_path(args.output_dir)}: {len(digest.departments)} afdelingen en digest.json")
        return EXIT_DONE
    text = digest.to_json() if args.format == "json" else render_all_text(digest, args.lang)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return EXIT_DONE


def _run(args: argparse.Namespace, root: Path, statute: Statute, today: date) -> int:
    """Run one `owners` subcommand; return the exit code."""
    if args.owners_command == "codeowners":
        return _codeowners(args, root, statute)
    if args.owners_command == "review":
        return _review(args, root, statute)
    return _digest(args, root, statute, today)


def run(args: argparse.Namespace, root: Path) -> int:
    """`webredactie owners`."""
    return _run(args, root, load_project_statute(args, root), parse_today(getattr(args, "today", None)))
