"""Tiny bilingual fixture sites, built with the real `mkdocs build` in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

STATUTE = """\
versie: 1
organisatie:
  naam: Gemeente Diemen
afdelingen:
  - id: webredactie
    naam: Communicatie en webredactie
    contact: webredactie@diemen.nl
  - id: afval
    naam: Afval en reiniging
    contact: afval@diemen.nl
    feedback: meldingen@diemen.nl
  - id: parkeren
    naam: Parkeren
    naam_en: Parking
    contact: parkeren@diemen.nl
  - id: stil
    naam: Stille afdeling
  - id: alleen-feedback
    naam: Alleen feedback
    feedback: reacties@diemen.nl
secties:
  - pad: index.md
    eigenaar: webredactie
  - pad: contact/
    eigenaar: webredactie
  - pad: afval/
    eigenaar: afval
  - pad: parkeren/
    eigenaar: parkeren
  - pad: stil/
    eigenaar: stil
  - pad: reacties/
    eigenaar: alleen-feedback
"""


def page(title: str, owner: str = "afval", reviewed: str = "2026-09-14", body: str = "Tekst.", **extra: str) -> str:
    """A page with complete front-matter."""
    # JSON strings are valid YAML, so titles with quotes or colons stay intact.
    fields = {
        "title": json.dumps(title),
        "description": json.dumps(f"Over {title.lower()}."),
        "owner": owner,
        "reviewed": reviewed,
        **extra,
    }
    head = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{head}---\n\n{body}\n"


BASE_PAGES = {
    "nl/index.md": page("Gemeente Diemen", owner="webredactie"),
    "en/index.md": page("Municipality of Diemen", owner="webredactie"),
    "nl/contact/index.md": page("Contact", owner="webredactie"),
    "en/contact/index.md": page("Contact", owner="webredactie"),
    "nl/afval/grofvuil.md": page("Grofvuil laten ophalen"),
    "en/afval/grofvuil.md": page("Bulky waste collection"),
}


@dataclass
class Built:
    """The result of one build."""

    root: Path
    site: Path
    returncode: int
    log: str

    def html(self, url: str) -> str:
        """The HTML of a page by its site path, for example `en/afval/grofvuil/`."""
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def _real_config() -> dict[str, Any]:
    """The settings of the real mkdocs.yml that fixture sites share (read without MkDocs' own tags)."""
    text = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    assert isinstance(loaded, dict)
    return loaded


REAL_CONFIG = _real_config()


def write_site(
    root: Path,
    pages: dict[str, str],
    plugins: list[object],
    *,
    statute: str = STATUTE,
    strict: bool = True,
    search: bool = False,
) -> None:
    """Write content, statute and mkdocs.yml (Material + static-i18n + the given plugins)."""
    for rel, text in pages.items():
        path = root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "redactiestatuut.yml").write_text(statute, encoding="utf-8")
    i18n = {
        "i18n": {
            "docs_structure": "folder",
            "fallback_to_default": False,
            "reconfigure_search": False,
            "languages": [
                {"locale": "nl", "name": "Nederlands", "default": True, "build": True},
                {"locale": "en", "name": "English", "build": True},
            ],
        }
    }
    config = {
        "site_name": "Gemeente Diemen",
        "site_url": "https://www.diemen.nl/",
        "docs_dir": "content",
        "site_dir": str(root / "site"),
        "strict": strict,
        "theme": {
            "name": "material",
            "language": "nl",
            "font": False,
            "custom_dir": str(Path(__file__).resolve().parents[2] / "overrides"),
        },
        "plugins": ([{"search": {"lang": ["nl", "en"]}}] if search else []) + [i18n, *plugins],
        # As the real site: a missing link target or image is our checks' finding, not MkDocs' abort.
        "validation": REAL_CONFIG["validation"],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def build(root: Path, *extra: str) -> Built:
    """Run the real `mkdocs build` in `root` and return what happened."""
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEBREDACTIE_TODAY": "2026-11-22"},
        capture_output=True,
        text=True,
        check=False,
    )
    return Built(root, root / "site", proc.returncode, proc.stderr + proc.stdout)


def build_site(root: Path, pages: dict[str, str], plugins: list[object], **options: bool | str) -> Built:
    """Write a fixture site and build it."""
    write_site(root, pages, plugins, **options)  # type: ignore[arg-type]
    return build(root)
