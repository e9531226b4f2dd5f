"""The real site: it builds strictly, in two languages, with no third-party requests, and passes its checks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linters.registry import load_statute
from tests.conftest import REPO, run_cli

CONTENT = REPO / "content"
THIRD_PARTY = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!www\.diemen\.nl)[^"']+["']""")


@pytest.fixture(scope="module")
def built_site(real_site: tuple[Path, str]) -> tuple[Path, str]:
    return real_site


pytestmark = pytest.mark.build


def test_build_is_strict_and_warning_free(built_site: tuple[Path, str]) -> None:
    _, log = built_site
    assert "WARNING" not in log, log


def test_dutch_at_root_and_english_under_en(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    assert '<html lang="nl"' in (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (site / "en" / "afval" / "grofvuil" / "index.html").read_text(encoding="utf-8")


def test_untranslated_pages_do_not_appear_as_english(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    english_sources = {p.relative_to(CONTENT / "en").with_suffix("") for p in (CONTENT / "en").rglob("*.md")}
    for page in (site / "en").rglob("index.html"):
        rel = page.parent.relative_to(site / "en")
        if rel.parts and rel.parts[0] in ("search", "assets"):
            continue
        candidates = {rel, rel / "index"}
        assert candidates & english_sources, f"/en/{rel}/ has no English source"


def test_no_request_to_a_third_party(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        # Links to government sites are fine; what loads by itself (src, stylesheet) is not.
        for match in re.finditer(r"<(?:script|img|iframe|video|audio|source|track)\b[^>]*>", html):
            assert not THIRD_PARTY.search(match.group(0)), (page, match.group(0))
        for match in re.finditer(r"<link\b[^>]*>", html):
            tag = match.group(0)
            if "stylesheet" in tag or "preconnect" in tag or "preload" in tag:
                assert not THIRD_PARTY.search(tag), (page, tag)


def test_search_index_for_both_languages(built_site: tuple[Path, str]) -> None:
    """One index per language (gemeente/search): Dutch at search/, English at en/search/, each its own lang."""
    import json

    site, _ = built_site
    dutch = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    assert len(english["docs"]) > 10 and len(dutch["docs"]) > 30
    assert not any(d["location"].startswith("en/") for d in dutch["docs"])
    # Without fallback no Dutch page is indexed under /en/.
    assert not any(d["location"].startswith("burgerzaken/") for d in english["docs"])


def test_real_site_passes_its_own_checks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "content"], REPO, capsys)
    assert code == 0, out + err


def test_content_covers_what_residents_come_for() -> None:
    dutch = sorted(p.relative_to(CONTENT / "nl").as_posix() for p in (CONTENT / "nl").rglob("*.md"))
    english = sorted(p.relative_to(CONTENT / "en").as_posix() for p in (CONTENT / "en").rglob("*.md"))
    assert len(dutch) >= 30
    assert len(english) >= 12
    assert set(english) <= set(dutch), "every English page has a Dutch original"
    statute = load_statute(REPO / "redactiestatuut.yml")
    for section in statute.sections:
        if section.english_required:
            needed = [p for p in dutch if section.contains(p)]
            assert needed and all(p in english for p in needed), section.path


def test_content_has_real_structure() -> None:
    texts = {p: p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.md")}
    joined = "\n".join(texts.values())
    assert re.search(r"^\|.*\|\n\|[-| :]+\|$", joined, re.MULTILINE), "a table with a header row"
    images = re.findall(r"!\[([^\]]+)\]\(([^)]+\.(?:svg|png))\)", joined)
    assert images and all(alt.strip() for alt, _ in images)
    for path, text in texts.items():
        for _, src in re.findall(r"!\[([^\]]*)\]\(([^)]+)\)", text):
            assert (path.parent / src).is_file(), (path, src)
        for pdf in re.findall(r"\]\(([^)]+\.pdf)\)", text):
            assert (path.parent / pdf).is_file(), (path, pdf)
    assert re.search(r"\]\([^)]+\.pdf\)", joined), "a link to a PDF"
    video_pages = [p for p, t in texts.items() if "<video" in t]
    assert video_pages, "a page with a video"
    for page in video_pages:
        html = texts[page]
        assert 'kind="captions"' in html
        # Raw HTML is not rewritten by MkDocs: paths are relative to the page's folder URL.
        for src in re.findall(r'src="\.\./([^"]+)"', html):
            assert (page.parent / src).is_file(), src
