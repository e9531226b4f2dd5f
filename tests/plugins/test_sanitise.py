"""gemeente/sanitise in a real `mkdocs build`: refused files never reach site/ nor the search index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.plugins.fixture_site import BASE_PAGES, build, page, write_site

pytestmark = pytest.mark.build


def test_links_out_of_the_repository_are_not_published(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(page("Geheim", body="GEHEIM-BESTAND"), encoding="utf-8")
    (outside / "map.md").write_text(page("Map", body="GEHEIME-MAP"), encoding="utf-8")
    (outside / "geheim.pdf").write_bytes(b"%PDF GEHEIME-PDF")
    write_site(root, BASE_PAGES, ["gemeente/sanitise"], search=True, strict=False)
    afval = root / "content" / "nl" / "afval"
    os.symlink(outside / "geheim.md", afval / "buiten.md")
    os.symlink(outside / "geheim.pdf", afval / "tarieven.pdf")
    os.symlink(outside, afval / "buitenmap")
    os.symlink("/dev/zero", afval / "nul.md")
    os.symlink("lus-b.md", afval / "lus-a.md")
    os.symlink("lus-a.md", afval / "lus-b.md")
    os.mkfifo(afval / "pijp.md")

    strict = build(root, "--strict")
    assert strict.returncode != 0
    for name in ("buiten.md", "tarieven.pdf", "buitenmap", "nul.md", "lus-a.md", "pijp.md"):
        assert f"content/nl/afval/{name}: niet gepubliceerd" in strict.log, name
    # One message per link, also though static-i18n builds every language from the same files.
    assert strict.log.count("content/nl/afval/buitenmap: niet gepubliceerd") == 1

    relaxed = build(root)
    assert relaxed.returncode == 0, relaxed.log
    published = b"".join(p.read_bytes() for p in relaxed.site.rglob("*") if p.is_file())
    for secret in (b"GEHEIM-BESTAND", b"GEHEIME-MAP", b"GEHEIME-PDF"):
        assert secret not in published
    assert (relaxed.site / "afval" / "grofvuil" / "index.html").is_file()
