"""One search index per language, descriptions first, English pages search in English."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from plugins.search.index import add_description, set_search_base, split_index
from tests.plugins.fixture_site import BASE_PAGES, Built, build_site, page

pytestmark = pytest.mark.build

PAGES = {
    **BASE_PAGES,
    "nl/afval/grofvuil.md": page("Grofvuil laten ophalen", body="## Wat is grofvuil?\n\nEen oude bank."),
}


def index(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def base(html: str) -> str:
    match = re.search(r'"base": "([^"]*)"', html)
    assert match
    return match.group(1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build_site(tmp_path_factory.mktemp("search"), PAGES, ["gemeente/search"], search=True)
    assert built.returncode == 0, built.log
    return built


def test_each_language_has_its_own_index(site: Built) -> None:
    dutch = index(site.site / "search" / "search_index.json")
    english = index(site.site / "en" / "search" / "search_index.json")
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    dutch_locations = {d["location"] for d in dutch["docs"]}
    english_locations = {d["location"] for d in english["docs"]}
    assert "afval/grofvuil/" in dutch_locations and "afval/grofvuil/" in english_locations
    assert not any(loc.startswith("en/") for loc in dutch_locations)
    titles = {d["title"] for d in english["docs"]}
    assert "Bulky waste collection" in titles and "Grofvuil laten ophalen" not in titles


def test_the_description_comes_first_in_the_page_entry_only(site: Built) -> None:
    docs = index(site.site / "search" / "search_index.json")["docs"]
    entry = next(d for d in docs if d["location"] == "afval/grofvuil/")
    assert entry["text"].startswith("<p>Over grofvuil laten ophalen.</p>")
    section = next(d for d in docs if d["location"] == "afval/grofvuil/#wat-is-grofvuil")
    assert "Over grofvuil" not in section["text"]


def test_english_pages_search_under_en(site: Built) -> None:
    assert base(site.html("en/afval/grofvuil/")) == "../../../en/"
    assert base(site.html("en/")) == "../en/"
    assert base(site.html("afval/grofvuil/")) == "../.."


def test_disabled_keeps_the_merged_index(tmp_path: Path) -> None:
    built = build_site(tmp_path, PAGES, [{"gemeente/search": {"enabled": False}}], search=True)
    assert built.returncode == 0, built.log
    assert index(built.site / "search" / "search_index.json")["config"]["lang"] == ["nl", "en"]
    assert not (built.site / "en" / "search").exists()


def test_split_keeps_the_last_of_duplicate_entries() -> None:
    data = {
        "config": {"lang": ["nl", "en"], "pipeline": ["stopWordFilter"]},
        "docs": [
            {"location": "a/", "title": "A", "text": "oud"},
            {"location": "en/a/", "title": "A", "text": "old"},
            {"location": "a/", "title": "A", "text": "nieuw"},
            {"location": "en/", "title": "Home", "text": ""},
        ],
    }
    result = split_index(data, "nl", ["nl", "en"])
    assert result["nl"]["docs"] == [{"location": "a/", "title": "A", "text": "nieuw"}]
    assert [d["location"] for d in result["en"]["docs"]] == ["a/", ""]
    assert result["en"]["config"] == {"lang": ["en"], "pipeline": ["stopWordFilter"]}


def test_description_is_escaped_and_added_once() -> None:
    entries: list[dict[str, Any]] = [{"location": "a/", "text": "<p>Tekst</p>"}]
    assert add_description(entries, "a/", "Kosten < 10 & meer")
    assert add_description(entries, "a/", "Kosten < 10 & meer")
    assert entries[0]["text"] == "<p>Kosten &lt; 10 &amp; meer</p><p>Tekst</p>"
    assert not add_description(entries, "b/", "x")


def test_search_base_keeps_the_rest_of_the_config() -> None:
    page_html = '<script id="__config" type="application/json">{"base": "../..", "features": ["a"]}</script>'
    result = set_search_base(page_html, "en")
    assert json.loads(result.split(">", 1)[1].rsplit("<", 1)[0]) == {"base": "../../en/", "features": ["a"]}
    assert set_search_base("<p>geen config</p>", "en") == "<p>geen config</p>"
