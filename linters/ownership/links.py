"""Internal links: a target that does not exist in the page's language, and links across languages.

With static-i18n in folder mode and fallback off, `content/en/` is a site of
its own: a relative link from an English page to `../parkeren/x.md` works
only when the English `parkeren/x.md` exists. A link that climbs into the
other language folder works, but sends a reader to the wrong language when a
translation exists. Targets outside this run are checked on disk with a
file-exists test, never parsed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

from linters.core.config import display_path
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import LANGUAGES, Link, Page
from linters.core.rules import CheckContext, rule
from linters.ownership.inputs import site_inputs

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_LANGUAGE_NL = {"nl": "Nederlands", "en": "Engels"}
_LANGUAGE_EN = {"nl": "Dutch", "en": "English"}


@dataclass(frozen=True)
class Target:
    """Where a relative link points, seen from the content root."""

    lang: str | None  # the language folder it lands in; None outside both
    rel_path: str  # inside that language folder ("afval/grofvuil.md"), or from the root
    is_page: bool

    @property
    def from_content(self) -> str:
        """The path from the content folder: `nl/afval/grofvuil.md`."""
        return f"{self.lang}/{self.rel_path}" if self.lang else self.rel_path


def resolve(page: Page, href: str) -> Target | None:
    """The target of a relative link, or None for links this module leaves alone.

    External addresses, `mailto:`, anchors on the same page and site-absolute
    paths (`/afval/`) are not resolved: MkDocs does not resolve them either.
    """
    if page.rel_path is None or not href or href.startswith(("#", "/")) or _SCHEME.match(href):
        return None
    path = unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    folder = posixpath.dirname(f"{page.lang}/{page.rel_path}")
    joined = posixpath.normpath(posixpath.join(folder, path))
    if path.endswith("/") or joined in LANGUAGES:
        joined = f"{joined}/index.md"
    is_page = joined.endswith(".md")
    head, _, rest = joined.partition("/")
    if head in LANGUAGES and rest:
        return Target(head, rest, is_page)
    return Target(None, joined, is_page)


def _exists(ctx: CheckContext, lang: str | None, rel_path: str, cache: dict[str, bool]) -> bool:
    if lang is not None and (lang, rel_path) in ctx.site:
        return True
    if ctx.content_root is None:
        return False
    key = f"{lang}/{rel_path}" if lang else rel_path
    if key not in cache:
        cache[key] = not key.startswith("../") and (ctx.content_root / key).is_file()
    return cache[key]


def _relative(page: Page, lang: str, rel_path: str) -> str:
    assert page.rel_path is not None
    start = posixpath.dirname(f"{page.lang}/{page.rel_path}") or "."
    return posixpath.relpath(f"{lang}/{rel_path}", start)


def _shown(ctx: CheckContext, target: Target) -> str:
    """Where a missing target would be, as an editor finds it: `content/nl/afval/kaart.svg`."""
    return display_path(ctx.content_root / target.from_content) if ctx.content_root else target.from_content


def _at(page: Page, link: Link) -> SourceSpan:
    return SourceSpan(page.display, link.line, link.column)


def _links(page: Page) -> Iterator[tuple[Link, Target]]:
    for link in page.links:
        target = resolve(page, link.href)
        if target is not None:
            yield link, target


@rule(
    "LNK001",
    "missing-link-target",
    Severity.ERROR,
    "De link wijst naar een pagina of bestand dat niet bestaat in deze taal.",
    "The link points to a page or file that does not exist in this language.",
    site_only=True,
    inputs=site_inputs,
)
def missing_link_target(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link naar een pagina die in deze taal niet bestaat.

    Wat het controleert
        Of elke link naar een andere pagina of een bestand op de site (een
        relatieve link, zoals `../afval/grofvuil.md`) uitkomt bij een bestand
        dat bestaat, in dezelfde taalmap. Bestaat de pagina alleen in de andere
        taal, dan zegt de melding dat.

    Waarom is dit een probleem?
        Een bezoeker die op de link klikt, krijgt een foutpagina. Op de Engelse
        site gebeurt dit vaak: een link die in het Nederlands werkt, werkt niet
        als de Engelse pagina nog niet bestaat.

    Voorbeeld
        Op `content/en/nieuw-in-diemen/index.md`:
        `[Tax waiver](../belastingen/kwijtschelding.md)`, terwijl er geen Engelse
        pagina over kwijtschelding is.

    Beter
        Vertaal de pagina, of link naar een Engelse pagina die wel bestaat.
        Het kan ook naar de Nederlandse pagina, met een link die dat zegt:
        `[Tax waiver (in Dutch)](../../nl/belastingen/kwijtschelding.md)`.

    What it checks
        Whether every link to another page or a file on the site (a relative
        link, such as `../afval/grofvuil.md`) leads to a file that exists, in
        the same language folder. When the page only exists in the other
        language, the message says so.

    Why is this a problem?
        A visitor who clicks the link gets an error page. On the English site
        this happens often: a link that works in Dutch does not work while the
        English page does not exist yet.

    For example
        On `content/en/nieuw-in-diemen/index.md`:
        `[Tax waiver](../belastingen/kwijtschelding.md)`, while there is no
        English page about the tax waiver.

    Better
        Translate the page, or link to an English page that exists. Linking to
        the Dutch page is fine too, with a link that says so:
        `[Tax waiver (in Dutch)](../../nl/belastingen/kwijtschelding.md)`.
    """
    cache: dict[str, bool] = {}
    for link, target in _links(page):
        if _exists(ctx, target.lang, target.rel_path, cache):
            continue
        shown = target.from_content
        if target.lang is None:
            yield Detection(
                _at(page, link),
                Message(
                    f"De link '{link.href}' wijst naar '{shown}'. Dat ligt buiten de Nederlandse en de Engelse "
                    "pagina's van de site. Link naar een pagina in content/nl/ of content/en/.",
                    f"The link '{link.href}' points to '{shown}', outside the Dutch and English pages of the "
                    "site. Link to a page in content/nl/ or content/en/.",
                ),
            )
            continue
        other = "en" if target.lang == "nl" else "nl"
        if target.is_page and _exists(ctx, other, target.rel_path, cache):
            relative = _relative(page, other, target.rel_path)
            yield Detection(
                _at(page, link),
                Message(
                    f"De link '{link.href}' wijst naar een pagina die niet in het {_LANGUAGE_NL[target.lang]} "
                    f"bestaat. De pagina bestaat wel in het {_LANGUAGE_NL[other]}. Vertaal de pagina, of link "
                    f"naar de {_LANGUAGE_NL[other]}e versie en zeg dat in de linktekst: '{relative}'.",
                    f"The link '{link.href}' points to a page that does not exist in {_LANGUAGE_EN[target.lang]}. "
                    f"It exists in {_LANGUAGE_EN[other]}. Translate the page, or link to the "
                    f"{_LANGUAGE_EN[other]} version and say so in the link text: '{relative}'.",
                ),
                replacements=(relative,),
            )
            continue
        what_nl, what_en = ("pagina die", "page") if target.is_page else ("bestand dat", "file")
        shown = _shown(ctx, target)
        yield Detection(
            _at(page, link),
            Message(
                f"De link '{link.href}' wijst naar een {what_nl} niet bestaat ({shown}). Controleer de "
                "naam van het bestand en de map. Een link naar een andere map begint met '../'.",
                f"The link '{link.href}' points to a {what_en} that does not exist ({shown}). Check the file "
                "and folder name. A link to another folder starts with '../'.",
            ),
        )


@rule(
    "LNK002",
    "link-to-other-language",
    Severity.WARNING,
    "De link gaat naar de andere taal, terwijl de pagina ook in deze taal bestaat.",
    "The link goes to the other language although the page exists in this language.",
    site_only=True,
    inputs=site_inputs,
)
def link_to_other_language(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link naar de andere taal, terwijl er een vertaling is.

    Wat het controleert
        Of een link van een Engelse pagina naar een Nederlandse pagina gaat (of
        andersom), terwijl dezelfde pagina ook in de taal van de link bestaat.

    Waarom is dit een probleem?
        Wie Engels leest, komt dan zonder waarschuwing op een Nederlandse
        pagina, terwijl er een Engelse versie is. Vaak is de link gekopieerd
        uit de Nederlandse pagina en daarna niet aangepast.

    Voorbeeld
        Op `content/en/index.md`: `[Bulky waste](../nl/afval/grofvuil.md)`,
        terwijl `content/en/afval/grofvuil.md` bestaat.

    Beter
        `[Bulky waste](afval/grofvuil.md)`

    What it checks
        Whether a link goes from an English page to a Dutch page (or the other
        way round), while the same page also exists in the link's language.

    Why is this a problem?
        Whoever reads English lands on a Dutch page without warning, while
        there is an English version. Often the link was copied from the Dutch
        page and not changed afterwards.

    For example
        On `content/en/index.md`: `[Bulky waste](../nl/afval/grofvuil.md)`,
        while `content/en/afval/grofvuil.md` exists.

    Better
        `[Bulky waste](afval/grofvuil.md)`
    """
    cache: dict[str, bool] = {}
    for link, target in _links(page):
        if target.lang is None or target.lang == page.lang or not target.is_page:
            continue
        if not _exists(ctx, page.lang, target.rel_path, cache):
            continue
        relative = _relative(page, page.lang, target.rel_path)
        yield Detection(
            _at(page, link),
            Message(
                f"Deze link gaat naar de {_LANGUAGE_NL[target.lang]}e pagina, maar de pagina bestaat ook in het "
                f"{_LANGUAGE_NL[page.lang]}. Link naar de {_LANGUAGE_NL[page.lang]}e versie: '{relative}'.",
                f"This link goes to the {_LANGUAGE_EN[target.lang]} page, but the page also exists in "
                f"{_LANGUAGE_EN[page.lang]}. Link to the {_LANGUAGE_EN[page.lang]} version: '{relative}'.",
            ),
            replacements=(relative,),
        )


@rule(
    "LNK003",
    "missing-image",
    Severity.ERROR,
    "De afbeelding bestaat niet.",
    "The image does not exist.",
    site_only=True,
    inputs=site_inputs,
)
def missing_image(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een afbeelding die niet bestaat.

    Wat het controleert
        Of elke afbeelding op de pagina (`![tekst](img/kaart.svg)`) een bestand
        is dat bestaat, in dezelfde taalmap.

    Waarom is dit een probleem?
        De bezoeker ziet een leeg vak of alleen de alt-tekst, en de site doet
        iets op dat niet bestaat. Vaak is het bestand niet meegekopieerd naar de
        andere taalmap, of heeft het een andere naam.

    Voorbeeld
        `![Kaart van de milieustraat](img/milieustraat.png)`, terwijl
        `img/milieustraat.png` niet naast de pagina staat.

    Beter
        Zet het bestand in de map `img/` naast de pagina, in elke taalmap, en
        controleer de naam: `![Kaart van de milieustraat](img/milieustraat.png)`.

    What it checks
        Whether every image on the page (`![text](img/kaart.svg)`) is a file
        that exists, in the same language folder.

    Why is this a problem?
        The visitor sees an empty box or only the alt text, and the site makes
        a request that fails. Often the file was not copied to the other
        language folder, or it has another name.

    For example
        `![Kaart van de milieustraat](img/milieustraat.png)`, while
        `img/milieustraat.png` is not next to the page.

    Better
        Put the file in the folder `img/` next to the page, in every language
        folder, and check the name: `![Kaart van de milieustraat](img/milieustraat.png)`.
    """
    cache: dict[str, bool] = {}
    for image in page.images:
        target = resolve(page, image.src)
        if target is None or _exists(ctx, target.lang, target.rel_path, cache):
            continue
        shown = _shown(ctx, target)
        yield Detection(
            SourceSpan(page.display, image.line, image.column),
            Message(
                f"De afbeelding '{image.src}' bestaat niet ({shown}). Zet het bestand op die plek, of "
                "verbeter de naam of de map.",
                f"The image '{image.src}' does not exist ({shown}). Put the file there, or correct the name "
                "or the folder.",
            ),
        )
