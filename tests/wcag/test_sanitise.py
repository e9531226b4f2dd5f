"""The sanitiser of published HTML: what it removes, what it keeps, and that the browser reads what it judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from linters.wcag.sanitise import make_policy, sanitise, scrub_page, theme_script_patterns
from tests.conftest import REPO

POLICY = make_policy("diemen.nl", ["video.example.nl"])
PAGE = "https://www.diemen.nl/afval/grofvuil/"

REMOVED = [
    # (fragment, kind of removal, what must not survive)
    ("<p>Tekst.</p>\n<p>&lt;!-- vergeten te sluiten</p>\n<script>alert(1)</script>", "script", "<script"),
    ("<SCRIPT>alert(1)</SCRIPT>", "script", "alert"),
    ("<p><img src=x onerror=alert(1) alt=x></p>", "event-handler", "onerror"),
    ('<h2 id="x" onclick="alert(1)">Kop</h2>', "event-handler", "onclick"),
    ('<a href="javascript:alert(1)">x</a>', "script-link", "javascript"),
    ('<a href="java\tscript:alert(1)">x</a>', "script-link", "script:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "script-link", "avascript"),
    ('<a href=" JavaScript:alert(1)">x</a>', "script-link", "avascript"),
    ('<a href="vbscript:msgbox(1)">x</a>', "script-link", "vbscript"),
    ('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', "script-link", "data:"),
    ('<img src="https://tracker.example/pixel.gif" alt="">', "third-party", "tracker.example"),
    ('<img src="//tracker.example/pixel.gif" alt="">', "third-party", "tracker.example"),
    ('<img src="https:\\\\tracker.example/p.gif" alt="">', "third-party", "tracker.example"),
    ('<img srcset="a.png 1x, https://tracker.example/b.png 2x" alt="">', "third-party", "tracker.example"),
    ('<video controls poster="https://tracker.example/p.jpg"></video>', "third-party", "tracker.example"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "element", "youtube"),
    ("<style>body{display:none}</style>", "element", "display"),
    ('<object data="https://evil.example/x.swf"></object>', "element", "evil.example"),
    ('<embed src="https://evil.example/x.swf">', "element", "evil.example"),
    ('<form action="https://evil.example/"><input name="bsn"></form>', "element", "<form"),
    ('<p style="color:#999">Licht.</p>', "attribute", "color"),
    ("<svg><script>alert(1)</script></svg>", "element", "alert"),
    ('<math><a href="x">x</a></math>', "element", "<math"),
    ("<textarea><img src=x onerror=alert(1)></textarea>", "element", "onerror"),
    ('<base href="https://evil.example/">', "element", "evil.example"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "element", "evil.example"),
]


@pytest.mark.parametrize(("fragment", "kind", "gone"), REMOVED)
def test_refused_html_is_removed_and_reported(fragment: str, kind: str, gone: str) -> None:
    result = sanitise(fragment, POLICY, PAGE)
    assert result.changed and kind in {r.kind for r in result.removals}
    assert gone.lower() not in result.html.lower()
    # What comes out is stable: sanitising it again changes nothing.
    assert sanitise(result.html, POLICY, PAGE).removals == ()


KEPT = [
    "<p>Tekst met <strong>vet</strong>, <em>nadruk</em> en <code>&lt;code&gt;</code>.</p>",
    '<h2 id="kosten">Kosten</h2>',
    '<p><a href="../contact/">Contact</a> <a href="mailto:afval@diemen.nl">mail</a> <a href="tel:14020">bel</a></p>',
    '<p><a href="https://www.rijksoverheid.nl/">Rijksoverheid</a> <a href="#kosten">kosten</a></p>',
    '<p><img alt="Vier afvalbakken" src="../img/afvalbakken.svg"></p>',
    '<p><img alt="Gemeentehuis" src="https://www.diemen.nl/img/huis.jpg"></p>',
    '<p><img alt="Formulier" src="https://formulieren.diemen.nl/x.png"></p>',
    '<video controls src="https://video.example.nl/film.mp4"></video>',
    (
        '<table><thead><tr><th style="text-align: center;">Soort</th></tr></thead>'
        "<tbody><tr><td>Papier</td></tr></tbody></table>"
    ),
    '<div class="admonition note"><p class="admonition-title">Let op</p><p>Tekst.</p></div>',
    "<details><summary>Meer</summary><p>Tekst.</p></details>",
    '<p><abbr title="burgerservicenummer">BSN</abbr> <span lang="en">privacy</span></p>',
    '<ul><li>een</li><li>twee</li></ul><ol start="3"><li>drie</li></ol>',
    "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n  ingesprongen</code></pre>",
]


@pytest.mark.parametrize("fragment", KEPT)
def test_allowed_html_is_kept(fragment: str) -> None:
    result = sanitise(fragment, POLICY, PAGE)
    assert result.removals == ()
    assert sanitise(result.html, POLICY, PAGE).html == result.html


def test_text_stays_text() -> None:
    result = sanitise("<p>a &lt;script&gt; &amp; b</p><!-- opmerking --><p>c</p>", POLICY, PAGE)
    assert result.html == "<p>a &lt;script&gt; &amp; b</p><p>c</p>"
    assert result.removals == ()


def test_the_rest_of_an_unclosed_iframe_is_not_published() -> None:
    result = sanitise('<p>voor</p><iframe src="x"><p>na</p><script>alert(1)</script>', POLICY, PAGE)
    assert result.html == "<p>voor</p>" and result.changed


def test_unknown_elements_lose_their_tags_but_keep_their_text() -> None:
    result = sanitise("<p>a <marquee>b</marquee> <blink>c</blink></p>", POLICY, PAGE)
    assert result.html == "<p>a b c</p>"
    assert [r.element for r in result.removals] == ["marquee", "blink"]


def test_the_fragment_stays_balanced() -> None:
    result = sanitise("<div><p>a</div></article><p>b", POLICY, PAGE)
    assert result.html == "<div><p>a</p></div><p>b</p>"


def test_messages_say_what_and_what_to_do() -> None:
    for fragment, _, _ in REMOVED:
        for removal in sanitise(fragment, POLICY, PAGE).removals:
            message = removal.message()
            assert "niet gepubliceerd" in message.nl and "not published" in message.en


def _theme() -> list[str]:
    import material

    templates = Path(material.__file__).parent / "templates"
    files = [*templates.rglob("*.html"), *(REPO / "overrides").rglob("*.html")]
    return [f.read_text(encoding="utf-8") for f in files if ".icons" not in f.parts]


THEME = POLICY.with_theme(theme_script_patterns(_theme()))


def _page(head: str = "", body: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>T</title>{head}"
        '<script src="../../assets/javascripts/bundle.js"></script></head><body>'
        f'{body}<script id="__config" type="application/json">{{"base": "../.."}}</script></body></html>'
    )


def test_a_page_with_only_the_themes_scripts_is_kept_byte_for_byte() -> None:
    page = _page(body='<a href="../x/" class="md-nav__link"><svg viewBox="0 0 24 24"><path d="M1"/></svg>x</a>')
    assert scrub_page(page, THEME, PAGE) == type(scrub_page(page, THEME, PAGE))(page, ())


def test_scripts_the_theme_did_not_write_are_cut_out() -> None:
    page = _page(body="<h1>Afval</h1><script>alert(1)</script><p>na</p>")
    result = scrub_page(page, THEME, PAGE)
    assert "alert" not in result.html and "<p>na</p>" in result.html
    assert [r.kind for r in result.removals] == ["script"]


def test_a_theme_script_with_a_string_broken_open_is_not_the_theme() -> None:
    """Material's own `__md_scope` script, with a page variable that leaves the string."""
    evil = '<script>var palette=__md_get("__palette");alert(1)//</script>'
    result = scrub_page(_page(body=evil), THEME, PAGE)
    assert "alert" not in result.html


def test_event_handlers_script_links_and_third_parties_anywhere_in_the_page() -> None:
    body = (
        '<nav><a href="../x/" onmouseover="alert(1)">Afval <img src=x onerror=alert(2)></a></nav>'
        '<a href="javascript:alert(3)">x</a>'
        '<img src="https://tracker.example/p.gif" alt="">'
    )
    head = '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><link rel="canonical" href="https://www.diemen.nl/">'
    result = scrub_page(_page(head, body), THEME, PAGE)
    for gone in ("onmouseover", "onerror", "javascript:", "tracker.example", "fonts.googleapis"):
        assert gone not in result.html
    assert '<link rel="canonical" href="https://www.diemen.nl/">' in result.html
    assert {r.kind for r in result.removals} == {"event-handler", "script-link", "third-party"}


def test_iframes_from_anywhere_are_cut_out_of_the_page() -> None:
    result = scrub_page(_page(body='<iframe src="https://video.example.nl/x"></iframe><p>na</p>'), THEME, PAGE)
    assert "iframe" not in result.html and "<p>na</p>" in result.html


def test_the_real_themes_inline_scripts_are_known() -> None:
    """Material's `__md_scope` script as rendered for a page two folders deep is the theme's; broken open it is not."""
    import re

    import material

    source = (Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "base.html").read_text()
    body = re.search(r"<script>(.*?)</script>", source, re.S)
    assert body is not None
    patterns = theme_script_patterns(_theme())
    rendered = re.sub(r"\{\{.*?\}\}", "../..", body.group(1))
    assert any(p.fullmatch(rendered) for p in patterns)
    broken = re.sub(r"\{\{.*?\}\}", '",alert(1),"', body.group(1))
    assert not any(p.fullmatch(broken) for p in patterns)


def test_a_page_without_any_html_still_gets_its_script_links_reported(tmp_path: Path) -> None:
    """Only Python-Markdown makes a link of `data:` and `&#106;avascript:`; markdown-it-py leaves them text."""
    from datetime import date

    from linters.core.page import read_page
    from linters.core.rules import CheckContext
    from linters.registry import load_statute
    from linters.wcag.source import html_not_published

    page_file = tmp_path / "pagina.md"
    page_file.write_text(
        "---\ntitle: Links\n---\n\n[Open](data:text/html;base64,PHNjcmlwdD4=)\n\n[Print](&#106;avascript:print())\n",
        encoding="utf-8",
    )
    page = read_page(page_file, None)
    ctx = CheckContext(load_statute(REPO / "redactiestatuut.yml"), date(2026, 11, 22), None)
    assert html_not_published.check_page is not None
    found = list(html_not_published.check_page(page, ctx))
    assert [d.location.line for d in found] == [5, 7]  # type: ignore[union-attr]


def test_cuts_land_in_the_right_place_after_unusual_line_breaks() -> None:
    body = "<p>a\u2028b\x0cc\r\nd</p><script>alert(1)</script><p>na</p>"
    result = scrub_page(_page(body=body), THEME, PAGE)
    assert "<p>a\u2028b\x0cc\r\nd</p><p>na</p>" in result.html and "alert" not in result.html
