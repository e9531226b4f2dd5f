"""Duplicate titles and descriptions inside one language.

Titles and descriptions are compared across the whole language folder, also
when only one page is checked: the other pages' two fields are read from disk
with a line scan of the front-matter (a full YAML parse only for values the
scan cannot read, such as a folded block), which is fast enough for thousands
of pages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from linters.core.config import display_path
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.links import markdown_files
from linters.core.page import Page, read_page
from linters.core.rules import CheckContext, rule
from linters.ownership.history import per_run
from linters.ownership.inputs import site_inputs

FIELDS = ("title", "description")
_SIMPLE = re.compile(r"^(title|description):[ \t]*(.*?)[ \t]*$")
_SKIPPED = {".git", "node_modules", "__pycache__"}


def normalise(value: str) -> str:
    """The form two values are compared in: case and spacing do not make a title different."""
    return " ".join(value.casefold().split()).rstrip(".!? ")


def _plain_scalar(raw: str) -> str | None:
    """A one-line YAML value, or None when only a YAML parser can read it."""
    if not raw or raw[0] in "|>&*!%@`{[":
        return None
    if raw[0] in "'\"":
        quote = raw[0]
        if len(raw) < 2 or raw[-1] != quote or (quote == '"' and "\\" in raw):
            return None
        inner = raw[1:-1]
        return inner.replace("''", "'") if quote == "'" else inner
    if " #" in raw:
        raw = raw.split(" #", 1)[0].rstrip()
    return raw


def scan_fields(path: Path, content_root: Path) -> dict[str, str]:
    """The title and description of a page on disk, read as cheaply as possible."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return {}
    lines = text.split("\n", 60)
    if not lines or lines[0].rstrip() != "---":
        return {}
    found: dict[str, str] = {}
    for line in lines[1:60]:
        if line.rstrip() in ("---", "..."):
            return found
        match = _SIMPLE.match(line.rstrip("\r"))
        if not match:
            continue
        value = _plain_scalar(match.group(2))
        if value is None:
            # A multi-line or escaped value: let the page model read it.
            page = read_page(path, content_root)
            return {k: v for k in FIELDS if isinstance(v := page.meta(k), str)}
        found[match.group(1)] = value
    return found


def _language_files(folder: Path) -> Iterator[Path]:
    # `folder` is content/<lang>/: the repository is two levels up.
    return markdown_files(folder, folder.parent.parent, frozenset(_SKIPPED))


Index = dict[str, dict[str, list[str]]]  # field -> normalised value -> display paths


def _index(pages: Sequence[Page], ctx: CheckContext, lang: str) -> Index:
    """Every title and description of one language: this run's pages, and the rest from disk."""
    index: Index = {name: defaultdict(list) for name in FIELDS}
    seen: set[str] = set()
    for page in pages:
        if page.lang != lang or page.rel_path is None:
            continue
        # A page of this run is never read again from disk, also when its front-matter is broken.
        seen.add(page.rel_path)
        if page.front_matter is None:
            continue
        for name in FIELDS:
            value = page.meta(name)
            if isinstance(value, str) and value.strip():
                index[name][normalise(value)].append(page.display)
    root = ctx.content_root
    if root is not None and (root / lang).is_dir():
        for path in _language_files(root / lang):
            rel = path.relative_to(root / lang).as_posix()
            if rel in seen:
                continue
            for name, value in scan_fields(path, root).items():
                if value.strip():
                    index[name][normalise(value)].append(display_path(path))
    return index


def _indexes(pages: Sequence[Page], ctx: CheckContext) -> dict[str, Index]:
    langs = sorted({p.lang for p in pages if p.rel_path is not None})
    return {lang: _index(pages, ctx, lang) for lang in langs}


def _duplicates(pages: Sequence[Page], ctx: CheckContext, name: str) -> Iterator[tuple[Page, str, list[str]]]:
    indexes: dict[str, Index] = per_run(ctx, "title-index", lambda: _indexes(pages, ctx))
    for page in pages:
        if page.rel_path is None or page.front_matter is None or page.lang not in indexes:
            continue
        value: Any = page.meta(name)
        if not isinstance(value, str) or not value.strip():
            continue
        others = [p for p in indexes[page.lang][name][normalise(value)] if p != page.display]
        if others:
            yield page, value, sorted(others)


def _others(others: list[str]) -> tuple[str, str]:
    listed = ", ".join(others[:3])
    more = len(others) - 3
    if more > 0:
        return f"{listed} en {more} andere", f"{listed} and {more} more"
    return listed, listed


def _at(page: Page, key: str) -> SourceSpan:
    line = page.front_matter.line_of(key) if page.front_matter else 1
    return SourceSpan(page.display, line, 1)


@rule(
    "FM007",
    "duplicate-title",
    Severity.WARNING,
    "Een andere pagina in dezelfde taal heeft dezelfde titel.",
    "Another page in the same language has the same title.",
    site=True,
    inputs=site_inputs,
)
def duplicate_title(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Detection]:
    """Twee pagina's in dezelfde taal met dezelfde titel.

    Wat het controleert
        Of een andere pagina in dezelfde taalmap dezelfde `title` heeft.
        Hoofdletters en spaties tellen niet mee.

    Waarom is dit een probleem?
        Een bezoeker ziet dan twee keer hetzelfde: in het menu, in de
        zoekresultaten en in het tabblad. Dan weet hij niet welke pagina hij
        nodig heeft. Een schermlezer leest de titel als eerste voor.

    Voorbeeld
        `title: Aanvragen` op de pagina's over het paspoort en over de parkeervergunning.

    Beter
        `title: Paspoort aanvragen` en `title: Parkeervergunning aanvragen`.

    What it checks
        Whether another page in the same language folder has the same `title`.
        Capitals and spaces do not count.

    Why is this a problem?
        In the menu, the search results and the browser tab a visitor sees the
        same name twice, and does not know which page they need. A screen
        reader reads the title first.

    For example
        `title: Aanvragen` on the pages about the passport and about the parking permit.

    Better
        `title: Paspoort aanvragen` and `title: Parkeervergunning aanvragen`.
    """
    for page, value, others in _duplicates(pages, ctx, "title"):
        listed_nl, listed_en = _others(others)
        yield Detection(
            _at(page, "title"),
            Message(
                f"De titel '{value}' staat ook op {listed_nl}. Geef elke pagina een eigen titel, zodat "
                "bezoekers in het menu en in de zoekresultaten het verschil zien.",
                f"The title '{value}' is also used on {listed_en}. Give each page its own title, so "
                "visitors can tell them apart in the menu and in search results.",
            ),
            extras={"others": others},
        )


@rule(
    "FM008",
    "duplicate-description",
    Severity.WARNING,
    "Een andere pagina in dezelfde taal heeft dezelfde beschrijving.",
    "Another page in the same language has the same description.",
    site=True,
    inputs=site_inputs,
)
def duplicate_description(pages: Sequence[Page], ctx: CheckContext) -> Iterator[Detection]:
    """Twee pagina's in dezelfde taal met dezelfde beschrijving.

    Wat het controleert
        Of een andere pagina in dezelfde taalmap dezelfde `description` heeft.
        Hoofdletters en spaties tellen niet mee.

    Waarom is dit een probleem?
        Zoekmachines tonen de beschrijving onder de titel. Twee keer dezelfde
        zin helpt een bezoeker niet kiezen. Vaak is een pagina gekopieerd en is
        de beschrijving niet aangepast.

    Voorbeeld
        `description: Informatie over afval.` op alle pagina's in `afval/`.

    Beter
        Zeg per pagina wat de bezoeker er kan doen:
        `description: Zo laat u grofvuil gratis ophalen.`

    What it checks
        Whether another page in the same language folder has the same
        `description`. Capitals and spaces do not count.

    Why is this a problem?
        Search engines show the description under the title. The same sentence
        twice does not help a visitor choose. Often a page was copied and the
        description was not changed.

    For example
        `description: Informatie over afval.` on every page in `afval/`.

    Better
        Say for each page what the visitor can do there:
        `description: Zo laat u grofvuil gratis ophalen.`
    """
    for page, _value, others in _duplicates(pages, ctx, "description"):
        listed_nl, listed_en = _others(others)
        yield Detection(
            _at(page, "description"),
            Message(
                f"Deze beschrijving staat ook op {listed_nl}. Schrijf per pagina in één zin wat de "
                "bezoeker op die pagina kan doen.",
                f"This description is also used on {listed_en}. Say for each page, in one sentence, "
                "what a visitor can do there.",
            ),
            extras={"others": others},
        )
