"""The history of runs: one record per run, kept in `reports/history.json`.

Trends need the past, and the past is only a file: a crash, a bad merge or
an older tool can leave it broken. A broken or unreadable history never
costs the current results: the file is kept as a copy beside it, the
problem is reported, and a new history starts with this run.

The file is one JSON document with a version, written whole and atomically
(`write_atomic`), so a crash never leaves half a file:

    {"version": 1, "tool": "webredactie", "records": [{...}, ...]}

Reading and building records are pure; only `save` and `keep_copy` touch
the disk, and they never print (the command line reports problems).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from linters.core.files import write_atomic
from linters.core.finding import Message

VERSION = 1
TOOL = "webredactie"
FILE_NAME = "history.json"
# The keys every record must have; the rest may grow in later versions.
REQUIRED_KEYS = ("at", "date", "pages", "kinds")


@dataclass(frozen=True)
class HistoryProblem:
    """Why the old history could not be used, and where its copy is."""

    reason: str  # "corrupt", "old-version", "new-version", "unreadable"
    message: Message
    backup: str | None


@dataclass
class History:
    """The records of earlier runs (oldest first) and what went wrong reading them."""

    records: list[dict[str, Any]] = field(default_factory=list)
    problem: HistoryProblem | None = None


class HistoryFormatError(ValueError):
    """The history file is not a history this version can read."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def parse(text: str) -> list[dict[str, Any]]:
    """The records in a history document; raise `HistoryFormatError` when it is not one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise HistoryFormatError("corrupt", f"geen geldige JSON (regel {err.lineno}, kolom {err.colno})") from None
    if not isinstance(document, dict) or document.get("tool") != TOOL:
        raise HistoryFormatError("corrupt", "geen geschiedenis van webredactie")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise HistoryFormatError("corrupt", "het versienummer ontbreekt")
    if version < VERSION:
        raise HistoryFormatError("old-version", f"versie {version}, deze versie van webredactie leest versie {VERSION}")
    if version > VERSION:
        raise HistoryFormatError("new-version", f"versie {version} van een nieuwere webredactie")
    records = document.get("records")
    if not isinstance(records, list):
        raise HistoryFormatError("corrupt", "de lijst 'records' ontbreekt")
    for index, record in enumerate(records):
        if not isinstance(record, dict) or any(key not in record for key in REQUIRED_KEYS):
            raise HistoryFormatError("corrupt", f"meting {index + 1} is onvolledig")
        if not isinstance(record["kinds"], dict) or not isinstance(record["pages"], int):
            raise HistoryFormatError("corrupt", f"meting {index + 1} heeft verkeerde waarden")
    return records


def _backup_path(path: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    label = {"old-version": "oud", "new-version": "nieuw"}.get(reason, "kapot")
    candidate = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{label}-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


def _problem(reason: str, detail: str, shown: str, backup: str | None) -> HistoryProblem:
    kept_nl = f" Er is een kopie bewaard: {backup}." if backup else " Er kon geen kopie worden gemaakt."
    kept_en = f" A copy was kept: {backup}." if backup else " No copy could be made."
    return HistoryProblem(
        reason,
        Message(
            f"De geschiedenis in {shown} was niet te gebruiken ({detail}).{kept_nl} "
            "De grafieken beginnen opnieuw, vanaf deze meting. De meldingen van nu zijn compleet.",
            f"The history in {shown} could not be used ({detail}).{kept_en} "
            "The charts start again from this run. Today's findings are complete.",
        ),
        backup,
    )


def load(path: Path, now: datetime, shown: str | None = None) -> History:
    """Read the history; a broken one is copied aside and reported, never raised.

    A missing file is simply a first run.
    """
    shown = shown or path.as_posix()
    if not path.exists():
        return History()
    try:
        raw = path.read_bytes()
        records = parse(raw.decode("utf-8"))
    except (HistoryFormatError, UnicodeDecodeError, OSError) as err:
        if isinstance(err, HistoryFormatError):
            reason, detail = err.reason, err.detail
        elif isinstance(err, UnicodeDecodeError):
            reason, detail = "corrupt", "geen UTF-8-tekst"
        else:
            reason, detail = "unreadable", f"niet te lezen: {err.strerror or err}"
        return History([], _problem(reason, detail, shown, keep_copy(path, reason, now)))
    return History(records)


def keep_copy(path: Path, reason: str, now: datetime) -> str | None:
    """Copy an unusable history aside (same folder, dated name); None when that fails."""
    if not path.is_file():
        return None
    target = _backup_path(path, reason, now)
    try:
        shutil.copyfile(path, target)
    except OSError:
        return None
    return target.name


def add(records: Sequence[Mapping[str, Any]], record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The records with this run's record added.

    Reading the same saved check results twice is one run, not two: a record
    with the same `run_id` as the last one replaces it.
    """
    result = [dict(r) for r in records]
    if result and record.get("run_id") and result[-1].get("run_id") == record.get("run_id"):
        result[-1] = dict(record)
    else:
        result.append(dict(record))
    return result


def dumps(records: Sequence[Mapping[str, Any]]) -> str:
    """The history document as text."""
    # One record a line: the file stays readable and diffs stay small.
    lines = [json.dumps(dict(r), ensure_ascii=False, separators=(",", ":")) for r in records]
    body = ",\n".join(lines)
    return (
        f'{{"version":{VERSION},"tool":"{TOOL}","records":[\n{body}\n]}}\n'
        if lines
        else (f'{{"version":{VERSION},"tool":"{TOOL}","records":[]}}\n')
    )


def save(path: Path, records: Sequence[Mapping[str, Any]]) -> None:
    """Write the whole history atomically."""
    write_atomic(path, dumps(records))
