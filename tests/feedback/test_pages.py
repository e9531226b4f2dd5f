"""Which pages the service accepts remarks on, and who owns them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linters.feedback.pages import SiteError, SiteIndex, lang_of, normal_path
from linters.registry import load_statute
from tests.conftest import REPO


def make_site(tmp_path: Path, *paths: str) -> Path:
    site = tmp_path / "site"
    for path in paths:
        target = site / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("<html></html>", encoding="utf-8")
    (site / "404.html").write_text("niet gevonden", encoding="utf-8")
    (site / "assets" / "x").mkdir(parents=True)
    (site / "assets" / "x" / "index.html").write_text("", encoding="utf-8")
    return site


def test_addresses_become_site_paths() -> None:
    assert normal_path("https://www.diemen.nl/afval/grofvuil/?x=1#top") == "/afval/grofvuil/"
    assert normal_path("/afval/grofvuil") == "/afval/grofvuil/"
    assert normal_path("afval/grofvuil/index.html") == "/afval/grofvuil/"
    assert normal_path("/afval//grofvuil/") == "/afval/grofvuil/"
    assert normal_path("/en/afval/%67rofvuil/") == "/en/afval/grofvuil/"
    assert (lang_of("/en/afval/"), lang_of("/afval/"), lang_of("/enquete/")) == ("en", "nl", "nl")


def test_only_built_pages_count_and_owners_come_from_the_statute(tmp_path: Path) -> None:
    statute = load_statute(REPO / "redactiestatuut.yml")
    site = make_site(tmp_path, "/", "/afval/grofvuil/", "/en/afval/grofvuil/", "/zonder-bron/")
    index = SiteIndex(site, REPO / "content", statute, "webredactie")
    assert index.paths == {"/", "/afval/grofvuil/", "/en/afval/grofvuil/", "/zonder-bron/"}
    page = index.page("/en/afval/grofvuil/")
    assert page is not None
    assert (page.lang, page.department, page.source) == ("en", "afval", "content/en/afval/grofvuil.md")
    assert page.title == "Bulky waste collection"
    orphan = index.page("/zonder-bron/")
    assert orphan is not None and orphan.source is None and orphan.department == "webredactie"
    assert index.page("/parkeren/") is None  # in content/, not in the build


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_page_behind_a_symbolic_link_is_never_read(tmp_path: Path) -> None:
    content = tmp_path / "content" / "nl" / "afval"
    content.mkdir(parents=True)
    (content / "zero.md").symlink_to("/dev/zero")
    statute = load_statute(REPO / "redactiestatuut.yml")
    index = SiteIndex(make_site(tmp_path, "/afval/zero/"), tmp_path / "content", statute, "webredactie")
    page = index.page("/afval/zero/")
    assert page is not None and page.source is None


def test_a_missing_or_empty_site_stops_with_a_message(tmp_path: Path) -> None:
    statute = load_statute(REPO / "redactiestatuut.yml")
    with pytest.raises(SiteError, match="Bouw de site eerst"):
        SiteIndex(tmp_path / "nergens", REPO / "content", statute, "webredactie")
    (tmp_path / "leeg").mkdir()
    with pytest.raises(SiteError, match="geen pagina's"):
        SiteIndex(tmp_path / "leeg", REPO / "content", statute, "webredactie")
