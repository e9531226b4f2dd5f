"""Reuse a page's audit when nothing that can change it has changed.

A page's result is kept under a key made of everything it depends on: the
page's HTML, every local file it refers to (images, scripts, style sheets) and
the theme's files under `assets/`, each by content hash; and, for the whole
run, the engines and their versions, the statute's rule settings, the audit's
own code and the page options. Any change gives another key, so any doubt
means a fresh audit. A change to the theme's CSS changes the key of every page.

Left out on purpose: `search/search_index.json`. Material's search worker
fetches it, but nothing of it reaches the page until a visitor types a query,
which the audit never does; with it, one changed page would re-audit them all.

The stored result is the raw page result, with the embedded server's address
replaced by a placeholder; replayed through the same collector as a fresh one,
it gives the same findings.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from linters.core.files import write_atomic
from linters.wcag.runner import PageResult, Target

CACHE_DIR = ".webredactie-cache/audit"
CACHE_VERSION = "1"
BASE = "http://webredactie.invalid"
# References to local files in a built page: src, href, and srcset's first address.
_REFERENCE = re.compile(r"""(?:src|href|data|poster)\s*=\s*["']([^"'#?]+)""", re.IGNORECASE)
_SKIPPED = {"search/search_index.json"}
_CODE = Path(__file__).resolve().parent
# A page's stored result is small; anything larger is not ours.
MAX_BYTES = 20_000_000


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(hashlib.sha256(part).digest())
    return hasher.hexdigest()


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes() if path.is_file() else b"<missing>"
    except OSError:
        return b"<unreadable>"


def code_fingerprint() -> str:
    """The audit's own code and data: a new version of the audit means fresh results."""
    files = sorted(p for p in _CODE.rglob("*") if p.is_file() and p.suffix in {".py", ".js", ".yml", ".json"})
    files = [p for p in files if "node_modules" not in p.parts and "__pycache__" not in p.parts]
    return _digest(p.relative_to(_CODE).as_posix().encode() + b"\0" + _file_bytes(p) for p in files)


def run_fingerprint(engines: Mapping[str, str], rule_settings: Mapping[str, Any], extra: Mapping[str, Any]) -> str:
    """What every page of a run depends on besides its own files."""
    document = {
        "version": CACHE_VERSION,
        "code": code_fingerprint(),
        "engines": dict(engines),
        "rules": rule_settings,
        "extra": extra,
    }
    return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()


def _page_file(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


class AuditCache:
    """Page results of earlier runs, one small JSON file each."""

    def __init__(self, folder: Path, site: Path, run_key: str) -> None:
        self.folder = folder
        self.site = site.resolve()
        self.run_key = run_key
        self._assets: str | None = None

    def _theme(self) -> str:
        """The theme's files (style sheets, scripts, fonts), once per run."""
        if self._assets is None:
            assets = self.site / "assets"
            files = sorted(p for p in assets.rglob("*") if p.is_file()) if assets.is_dir() else []
            self._assets = _digest(p.relative_to(self.site).as_posix().encode() + _file_bytes(p) for p in files)
        return self._assets

    def key(self, target: Target) -> str | None:
        """The key of a page, or None when it cannot be known (not a file of the site)."""
        page = _page_file(self.site, target.url)
        try:
            if not page.resolve().is_relative_to(self.site) or not page.is_file():
                return None
            html = page.read_bytes()
        except OSError:
            return None
        parts = [self.run_key.encode(), target.url.encode(), json.dumps(asdict(target.options)).encode(), html]
        parts.append(self._theme().encode())
        folder = page.parent
        text = html.decode("utf-8", errors="replace")
        for reference in sorted(set(_REFERENCE.findall(text))):
            if "://" in reference or reference.startswith(("mailto:", "tel:", "data:", "javascript:", "//")):
                continue
            local = (self.site / reference.lstrip("/")) if reference.startswith("/") else (folder / reference)
            try:
                resolved = local.resolve()
            except (OSError, RuntimeError):
                return None
            if not resolved.is_relative_to(self.site):
                continue
            if resolved.relative_to(self.site).as_posix() in _SKIPPED or resolved.is_dir():
                continue
            parts.append(reference.encode() + b"\0" + _file_bytes(resolved))
        return _digest(parts)

    def browser(self) -> str | None:
        """The browser version of the last fresh run with these settings (for a run that needed no browser)."""
        try:
            return (self.folder / f"browser-{self.run_key[:16]}.txt").read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def remember_browser(self, version: str) -> None:
        """Keep the browser version of a fresh run."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / f"browser-{self.run_key[:16]}.txt", version)
        except OSError:
            pass

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str, target: Target, base: str) -> PageResult | None:
        """The stored result of a page, as if audited now at `base`; None when there is none or it is broken."""
        path = self._path(key)
        try:
            if not path.is_file() or path.stat().st_size > MAX_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8").replace(BASE, base))
            return PageResult(
                target=target,
                checked=bool(data["checked"]),
                error=str(data.get("error") or ""),
                status=data.get("status"),
                data=dict(data.get("data") or {}),
                third_party=[str(u) for u in data.get("third_party") or []],
                broken=[(str(u), int(s)) for u, s in data.get("broken") or []],
                attempts=int(data.get("attempts") or 0),
                seconds=float(data.get("seconds") or 0.0),
                content_type=str(data.get("content_type") or "text/html"),
                redirects=[(str(u), float(s)) for u, s in data.get("redirects") or []],
            )
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            # A broken entry is no entry: the page is audited again.
            return None

    def store(self, key: str, result: PageResult, base: str) -> None:
        """Keep a fresh result; only pages that were checked (a failure is tried again next time)."""
        if not result.checked:
            return
        document = {
            "checked": result.checked,
            "error": result.error,
            "status": result.status,
            "data": result.data,
            "third_party": result.third_party,
            "broken": result.broken,
            "attempts": result.attempts,
            "seconds": result.seconds,
            "content_type": result.content_type,
            "redirects": result.redirects,
        }
        text = json.dumps(document, ensure_ascii=False, default=str).replace(base, BASE)
        try:
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
        except OSError:
            # A cache that cannot be written only costs time next run.
            pass
