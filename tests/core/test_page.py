"""The page model keeps prose with exact source positions and leaves out what is not prose."""

from __future__ import annotations

from pathlib import Path

from linters.core.page import Page, language_of, parse_bytes

SOURCE = """---
title: Test
owner: afval
reviewed: 2026-10-01
---
## Kop een {#kop}

Een zin met [een link](a.md) en ![alt tekst](img/x.svg) en `code`.
Tweede **regel** <b>vet</b>.

- item een
- item **twee**
  doorloop

| Kop | Twee |
|-----|------|
| cel a | cel [b](x.md) |

!!! note "Let op"
    Dit is een admonitie met tekst.

```
zin in code die geen proza is
```

<div>ruwe html</div>
"""


def parse(text: str | bytes) -> Page:
    page = Page(path=Path("t.md"), display="t.md", lang="nl", rel_path="t.md")
    parse_bytes(page, text.encode() if isinstance(text, str) else text)
    return page


def where(page: Page, word: str) -> tuple[int, int, str]:
    lines = page.text.split("\n")
    for block in page.blocks:
        index = block.text.find(word)
        if index >= 0:
            line, column = block.position(index)
            return line, column, lines[line - 1][column - 1 : column - 1 + len(word)]
    raise AssertionError(word)


def test_front_matter_keys_have_their_lines() -> None:
    page = parse(SOURCE)
    assert page.front_matter is not None
    assert page.front_matter.key_lines == {"title": 2, "owner": 3, "reviewed": 4}
    assert page.body_start_line == 6


def test_block_kinds() -> None:
    kinds = [(b.kind, b.text) for b in parse(SOURCE).blocks]
    assert kinds == [
        ("heading", "Kop een"),
        ("paragraph", "Een zin met een link en  en code. Tweede regel vet."),
        ("alt-text", "alt tekst"),
        ("list-item", "item een"),
        ("list-item", "item twee doorloop"),
        ("table-header", "Kop"),
        ("table-header", "Twee"),
        ("table-cell", "cel a"),
        ("table-cell", "cel b"),
        ("paragraph", "Dit is een admonitie met tekst."),
    ]


def test_every_word_maps_back_to_its_exact_place() -> None:
    page = parse(SOURCE)
    for word, line, column in [
        ("Kop een", 6, 4),
        ("link", 8, 18),
        ("regel", 9, 10),
        ("doorloop", 13, 3),
        ("cel b", 17, 11),
        ("admonitie", 20, 16),
        ("alt tekst", 8, 35),
    ]:
        got_line, got_column, text = where(page, word)
        assert (got_line, got_column) == (line, column), word
        # The source there starts with the word (markup may follow it, as in "cel [b]").
        assert text.split()[0] == word.split()[0], word


def test_code_and_html_are_not_prose() -> None:
    page = parse(SOURCE)
    assert all("code die geen" not in b.text for b in page.blocks)
    assert all("ruwe html" not in b.text for b in page.blocks)
    assert page.code_lines == {22, 23, 24}
    assert [h.html.strip() for h in page.html] == ["<b>", "</b>", "<div>ruwe html</div>"]


def test_links_and_images() -> None:
    page = parse(SOURCE)
    assert [(link.text, link.href, link.line, link.column) for link in page.links] == [
        ("een link", "a.md", 8, 13),
        ("b", "x.md", 17, 15),
    ]
    assert [(i.alt, i.src, i.line) for i in page.images] == [("alt tekst", "img/x.svg", 8)]
    assert page.blocks[page.links[0].block].kind == "paragraph"


def test_bom_and_crlf_are_read_and_reported() -> None:
    page = parse(b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nTekst hier.\r\n")
    assert page.readable
    assert page.meta("title") == "A"
    assert [p.rule for p in page.problems] == ["byte-order-mark", "windows-line-endings"]
    assert page.blocks[0].text == "Tekst hier."
    assert page.blocks[0].line == 4


def test_not_utf8_points_at_the_line() -> None:
    page = parse(b"---\ntitle: A\n---\nregel\nCaf\xe9\n")
    assert not page.readable
    assert [(p.rule, p.line) for p in page.problems] == [("page-not-readable", 5)]


def test_empty_and_whitespace_only_pages() -> None:
    for raw in (b"", b"  \n\n"):
        page = parse(raw)
        assert [p.rule for p in page.problems] == ["empty-page"]


def test_unclosed_front_matter() -> None:
    page = parse("---\ntitle: A\nTekst zonder einde\n")
    assert [p.rule for p in page.problems] == ["broken-front-matter"]
    assert page.front_matter is None


def test_front_matter_that_is_not_a_mapping() -> None:
    page = parse("---\n- een\n- lijst\n---\nTekst.\n")
    assert [(p.rule, p.line) for p in page.problems] == [("broken-front-matter", 2)]


def test_impossible_date_is_text_not_a_crash() -> None:
    page = parse("---\nreviewed: 2026-02-30\n---\nTekst.\n")
    assert page.meta("reviewed") == "2026-02-30"


def test_language_from_folder(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert language_of(content / "en" / "afval" / "grofvuil.md", content) == ("en", "afval/grofvuil.md")
    assert language_of(content / "nl" / "index.md", content) == ("nl", "index.md")
    assert language_of(tmp_path / "los.md", content) == (None, None)
    assert language_of(content / "fr" / "x.md", content) == (None, None)
