"""Read saved JSON reports (`webredactie check --format json`) back into a run.

The dashboard can then be made from what CI or `nox -s build` already
wrote, without checking every page again. Several files (the page checks and
the browser audit) are merged into one run. A file that is not such a report
raises `ReportInputError` with a message for people, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from linters.core.engine import PageSummary, RunResult
from linters.core.serial import SCHEMA_VERSION, finding_from_dict


class ReportInputError(Exception):
    """A saved report that cannot be read; the message says which and why (Dutch)."""


def parse(text: str, shown: str) -> RunResult:
    """One saved JSON report as a run."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise ReportInputError(
            f"{shown} is geen geldige JSON (regel {err.lineno}, kolom {err.colno}). "
            "Maak het bestand opnieuw met: webredactie check --format json --output " + shown
        ) from None
    if not isinstance(document, dict) or document.get("tool") != "webredactie":
        raise ReportInputError(f"{shown} is geen rapport van webredactie (maak het met --format json).")
    if document.get("version") != SCHEMA_VERSION:
        raise ReportInputError(
            f"{shown} heeft versie {document.get('version')!r}; deze webredactie leest versie {SCHEMA_VERSION}. "
            "Maak het bestand opnieuw met: webredactie check --format json --output " + shown
        )
    try:
        findings = [finding_from_dict(f) for f in document.get("findings") or []]
        pages = [PageSummary.from_dict(p) for p in document.get("pages") or []]
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ReportInputError(f"{shown} is onvolledig of beschadigd ({type(err).__name__}: {err}).") from None
    tools = document.get("tools")
    # The engines and versions the report was made with (the JSON report writes them; merging keeps them).
    named = {str(k): str(v) for k, v in tools.items()} if isinstance(tools, dict) else {}
    return RunResult(findings=findings, pages=pages, tools=named)


def merge(runs: Sequence[RunResult]) -> RunResult:
    """Several runs as one: all findings; each page once, its metrics combined."""
    merged = RunResult()
    pages: dict[str, PageSummary] = {}
    for run in runs:
        merged.findings.extend(run.findings)
        merged.crashed = merged.crashed or run.crashed
        merged.tools.update(run.tools)
        for page in run.pages:
            known = pages.get(page.path)
            if known is None:
                pages[page.path] = page
            else:
                pages[page.path] = PageSummary(
                    known.path,
                    known.lang or page.lang,
                    known.rel_path or page.rel_path,
                    known.owner or page.owner,
                    known.title or page.title,
                    {**page.metrics, **known.metrics},
                )
    merged.pages = list(pages.values())
    merged.findings.sort(key=lambda f: f.sort_key)
    return merged


def read(paths: Sequence[Path], shown: Sequence[str]) -> tuple[RunResult, str]:
    """Read and merge saved reports; also return the run id.

    The run id is a fingerprint of the files' contents and modification times:
    the same saved check read twice is one run, but a new check that happens to
    find exactly the same (a quiet week) is a new run.
    """
    runs = []
    digest = hashlib.sha256()
    for path, name in zip(paths, shown, strict=True):
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ReportInputError(
                f"Het rapport {name} bestaat niet. Maak het eerst met: "
                f"webredactie check --format json --output {name}\n"
                "Of laat webredactie report zelf alles controleren: webredactie report --run"
            ) from None
        except OSError as err:
            raise ReportInputError(f"Het rapport {name} is niet te lezen: {err.strerror or err}.") from None
        digest.update(raw)
        digest.update(str(path.stat().st_mtime_ns).encode())
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ReportInputError(f"{name} is geen UTF-8-tekst.") from None
        runs.append(parse(text, name))
    return merge(runs), digest.hexdigest()[:16]
