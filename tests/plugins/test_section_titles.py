"""Menu sections carry their index page's title, in that page's language."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

PAGE = "---\ntitle: {title}\ndescription: D\nowner: afval\nreviewed: 2026-10-01\n---\nTekst.\n"
CONFIG = """site_name: Test
docs_dir: content
site_dir: {site}
theme:
  name: material
  language: nl
  font: false
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      reconfigure_search: false
      languages:
        - {{locale: nl, name: Nederlands, default: true, build: true}}
        - {{locale: en, name: English, build: true}}
  - gemeente/section-titles:
      enabled: {enabled}
"""


def build(tmp_path: Path, enabled: bool) -> Path:
    files = {
        "nl/index.md": "Home",
        "nl/nieuw-in-diemen/index.md": "Nieuw in Diemen",
        "nl/nieuw-in-diemen/bsn.md": "Burgerservicenummer",
        "nl/zonder-index/pagina.md": "Pagina",
        "en/index.md": "Home",
        "en/nieuw-in-diemen/index.md": "New in Diemen",
        "en/nieuw-in-diemen/bsn.md": "Citizen service number",
    }
    for rel, title in files.items():
        path = tmp_path / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title), encoding="utf-8")
    site = tmp_path / "site"
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(site=site, enabled=str(enabled).lower()), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return site


def menu(html_file: Path) -> set[str]:
    html = html_file.read_text(encoding="utf-8")
    return {re.sub(r"\s+", " ", t).strip() for t in re.findall(r'md-ellipsis">(.*?)</span>', html, re.S)}


def test_sections_are_named_after_their_index_page(tmp_path: Path) -> None:
    site = build(tmp_path, enabled=True)
    assert "Nieuw in Diemen" in menu(site / "index.html")
    assert "Nieuw in diemen" not in menu(site / "index.html")
    english = menu(site / "en" / "index.html")
    assert "New in Diemen" in english and "Nieuw in Diemen" not in english
    # A folder without an index page keeps MkDocs' own title.
    assert "Zonder index" in menu(site / "index.html")


def test_disabled_plugin_keeps_folder_names(tmp_path: Path) -> None:
    site = build(tmp_path, enabled=False)
    assert "Nieuw in diemen" in menu(site / "en" / "index.html")
