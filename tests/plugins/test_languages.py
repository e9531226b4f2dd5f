"""hreflang only between a page and its translation; the switcher leads to the counterpart or explains."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.plugins.fixture_site import BASE_PAGES, Built, build_site, page

pytestmark = pytest.mark.build

PAGES = {
    **BASE_PAGES,
    # Only in Dutch (most pages).
    "nl/parkeren/vergunning.md": page("Parkeervergunning", owner="parkeren"),
    # Only in English: its Dutch original was deleted.
    "en/afval/oud.md": page("Old page"),
}


def hreflang(html: str) -> list[tuple[str, str]]:
    return re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html)


def switcher(html: str) -> list[dict[str, str]]:
    block = re.search(r'<ul class="md-select__list">(.*?)</ul>', html, re.S)
    assert block, "no language switcher"
    items = []
    for tag, inner in re.findall(r"(<a [^>]*>)(.*?)</a>", block.group(1), re.S):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        attrs["text"] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", inner)).strip()
        items.append(attrs)
    return items


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build_site(tmp_path_factory.mktemp("languages"), PAGES, ["gemeente/languages"])
    assert built.returncode == 0, built.log
    return built


def test_html_lang_matches_the_language_folder(site: Built) -> None:
    for url in ("", "afval/grofvuil/", "parkeren/vergunning/"):
        assert '<html lang="nl"' in site.html(url)
    for url in ("en/", "en/afval/grofvuil/", "en/afval/oud/"):
        assert '<html lang="en"' in site.html(url)


def test_no_page_head_has_alternate_links(site: Built) -> None:
    # Material's script asks for sitemap.xml next to every <link rel="alternate">:
    # a 404 for every visitor. The pairs live in sitemap.xml (see below).
    for url in ("afval/grofvuil/", "en/afval/grofvuil/", "parkeren/vergunning/", "en/afval/oud/", ""):
        assert hreflang(site.html(url)) == []
        assert 'rel="alternate"' not in site.html(url)


def test_each_language_has_its_own_404_page(site: Built) -> None:
    dutch = (site.site / "404.html").read_text(encoding="utf-8")
    english = (site.site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in dutch and "<h1>Pagina niet gevonden</h1>" in dutch
    assert "<title>Pagina niet gevonden - " in dutch and "Not found" not in dutch
    assert '<html lang="en"' in english and "<h1>Page not found</h1>" in english
    # Served at any address, so the switcher leads to the home pages by root-relative links.
    for html, current in ((dutch, "nl"), (english, "en")):
        items = switcher(html)
        assert [(i["lang"], i["href"]) for i in items] == [("nl", "/"), ("en", "/en/")]
        assert [i["lang"] for i in items if i.get("aria-current") == "true"] == [current]


def test_switcher_goes_to_the_counterpart_and_links_carry_lang(site: Built) -> None:
    items = switcher(site.html("afval/grofvuil/"))
    assert [(i["lang"], i["hreflang"], i["href"], i["text"]) for i in items] == [
        ("nl", "nl", "./", "Nederlands"),
        ("en", "en", "../../en/afval/grofvuil/", "English"),
    ]
    assert items[0].get("aria-current") == "true"
    english = switcher(site.html("en/afval/grofvuil/"))
    assert [(i["lang"], i["href"]) for i in english] == [("nl", "../../../afval/grofvuil/"), ("en", "./")]


def test_switcher_without_counterpart_goes_home_and_says_why(site: Built) -> None:
    items = switcher(site.html("parkeren/vergunning/"))
    assert items[1]["href"] == "../../en/" and items[1]["lang"] == "en"
    assert items[1]["text"] == "English This page is only in Dutch. You go to the English home page."
    dutch = switcher(site.html("en/afval/oud/"))
    assert dutch[0]["href"] == "../../.." and dutch[0]["lang"] == "nl"
    assert "Deze pagina is er alleen in het Engels" in dutch[0]["text"]


def test_sitemap_pairs_only_real_translations(site: Built) -> None:
    xml = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    urls = dict(re.findall(r"<loc>([^<]+)</loc>(.*?)</url>", xml, re.S))
    assert set(urls) >= {
        "https://www.diemen.nl/afval/grofvuil/",
        "https://www.diemen.nl/en/afval/grofvuil/",
        "https://www.diemen.nl/parkeren/vergunning/",
        "https://www.diemen.nl/en/afval/oud/",
    }
    for loc in ("https://www.diemen.nl/afval/grofvuil/", "https://www.diemen.nl/en/afval/grofvuil/"):
        links = re.findall(r'hreflang="(\w+)" href="([^"]+)"', urls[loc])
        assert links == [
            ("nl", "https://www.diemen.nl/afval/grofvuil/"),
            ("en", "https://www.diemen.nl/en/afval/grofvuil/"),
        ]
    assert "hreflang" not in urls["https://www.diemen.nl/parkeren/vergunning/"]
    assert "hreflang" not in urls["https://www.diemen.nl/en/afval/oud/"]
    assert "lastmod" not in xml


def test_without_the_plugin_static_i18n_claims_the_home_page_as_translation(tmp_path: Path) -> None:
    """The defect this plugin exists for: a Dutch-only page names /en/ as its English version."""
    built = build_site(tmp_path, PAGES, [{"gemeente/languages": {"enabled": False}}])
    assert built.returncode == 0, built.log
    assert ("/en/", "en") in hreflang(built.html("parkeren/vergunning/"))
