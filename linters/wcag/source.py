"""Accessibility rules on the Markdown source: fast, no browser, at the editor's line.

These rules catch what an editor writes: link texts, alt texts, headings,
tables, document links, media, capitals, language and raw HTML. What only
shows in the built page (contrast, the theme, scripts) is the browser
audit's job (`linters/wcag/audit.py`). Word lists are data in `data/`.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Link, Page, ProseBlock
from linters.core.rules import CheckContext, rule
from linters.core.urls import is_third_party, site_domain
from linters.wcag import link_texts
from linters.wcag.data import load
from linters.wcag.html import Tag, page_tags
from linters.wcag.policy import reviewed_hosts
from linters.wcag.render import rendered_body
from linters.wcag.sanitise import Policy, Removal, make_policy, sanitise, unsafe_scheme

_PUNCT = re.compile(r"[^\w\s]+")
_URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_BARE_URL = re.compile(r"(?<![\w/@])(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.IGNORECASE)
_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:kb|mb|gb|kilobyte|megabyte)\b", re.IGNORECASE)
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ]{2,}"
_CAPS_RUN = re.compile(rf"(?<![\w-]){_CAPS_WORD}(?:[ \t,:;-]+{_CAPS_WORD})+(?![\w-])")
_CAPS_LONG = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ]{7,}(?![\w-])")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LANG_MARK = re.compile(r"""\blang\s*=\s*["']?[a-z]{2}""", re.IGNORECASE)
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_FILE_NAME_ALT = re.compile(r"^(?:img|dsc|image|screenshot|scan|foto|pxl)[-_ ]?\d+", re.IGNORECASE)
_TRANSCRIPT = re.compile(r"uitgeschreven|transcript|tekst van de (?:video|audio|opname)|written text", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->")
# markdown-it refuses `javascript:` links, so they stay text; find them in the source.
_JS_MARKDOWN_LINK = re.compile(r"\]\(\s*<?\s*javascript:", re.IGNORECASE)
_MAY_RENDER_UNSAFE = re.compile(r"[<{]|&#|script|data:", re.IGNORECASE)
_CONTENT_KINDS = ("paragraph", "heading", "list-item", "table-cell", "table-header", "blockquote")


def _span(page: Page, line: int, column: int = 1) -> SourceSpan:
    return SourceSpan(page.display, line, column)


def _normal(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def _other(lang: str) -> str:
    return "en" if lang == "nl" else "nl"


def _link_text(page: Page, link: Link) -> str:
    """The text a screen reader reads for a link: its text, or the alt of an image inside it."""
    if link.text.strip():
        return link.text
    for image in page.images:
        if image.line == link.line and image.column > link.column:
            return image.alt
    return ""


def _is_web_link(href: str) -> bool:
    return not href.lower().startswith(("mailto:", "tel:"))


@rule(
    "A11Y001",
    "unclear-link-text",
    Severity.WARNING,
    "De linktekst zegt niet waar de link naartoe gaat.",
    "The link text does not say where the link goes.",
)
def unclear_link_text(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een linktekst als 'klik hier', 'lees meer' of 'hier'.

    Wat het controleert
        Of de tekst van een link alleen iets zegt als 'hier', 'lees meer',
        'meer informatie' of 'klik hier'. De woorden staan in
        `linters/wcag/data/link_texts.yml` (Nederlands en Engels).

    Waarom is dit een probleem?
        Mensen met een schermlezer laten vaak alleen de links van een pagina
        voorlezen. Tien keer 'lees meer' zegt dan niets. Ook wie snel scant,
        kijkt naar de links (WCAG 2.4.4).

    Voorbeeld
        `Wilt u grofvuil laten ophalen? [Klik hier](grofvuil.md).`

    Beter
        `U kunt [grofvuil laten ophalen](grofvuil.md).`

    What it checks
        Whether a link's text only says something like 'hier', 'lees meer',
        'meer informatie' or 'klik hier' ('here', 'read more'). The words are
        in `linters/wcag/data/link_texts.yml` (Dutch and English).

    Why is this a problem?
        People with a screen reader often have only a page's links read out.
        Ten times 'read more' then says nothing. Whoever scans quickly also
        looks at the links (WCAG 2.4.4).

    For example
        `Wilt u grofvuil laten ophalen? [Klik hier](grofvuil.md).`

    Better
        `U kunt [grofvuil laten ophalen](grofvuil.md).`
    """
    for link in page.links:
        if link_texts.unclear(_link_text(page, link), page.lang):
            yield Detection(
                _span(page, link.line, link.column),
                Message(
                    f"De linktekst '{link.text.strip()}' zegt niet waar de link naartoe gaat. "
                    "Schrijf in de link zelf wat de lezer daar vindt of kan doen.",
                    f"The link text '{link.text.strip()}' does not say where the link goes. "
                    "Put what the reader finds or can do there in the link itself.",
                ),
                context=link.text.strip(),
                wcag=("2.4.4",),
            )


@rule(
    "A11Y002",
    "url-as-link-text",
    Severity.WARNING,
    "Een webadres staat als tekst in de pagina.",
    "A web address is used as text.",
)
def url_as_link_text(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een kaal webadres als linktekst of in de tekst.

    Wat het controleert
        Of een link als tekst een webadres heeft (`https://...` of `www...`),
        en of er een los webadres in de tekst staat. Een e-mailadres als
        linktekst is goed.

    Waarom is dit een probleem?
        Een schermlezer leest een webadres letter voor letter voor. Dat is lang
        en zegt weinig. Een los adres in de tekst is ook niet aan te klikken.

    Voorbeeld
        `Kijk op <https://www.rvo.nl/subsidies-financiering/isde>.`

    Beter
        `Vraag [subsidie voor isolatie aan bij RVO](https://www.rvo.nl/subsidies-financiering/isde).`

    What it checks
        Whether a link has a web address as its text (`https://...` or
        `www...`), and whether there is a loose web address in the text. An
        e-mail address as link text is fine.

    Why is this a problem?
        A screen reader reads a web address letter by letter. That is long and
        says little. A loose address in the text cannot be clicked either.

    For example
        `Kijk op <https://www.rvo.nl/subsidies-financiering/isde>.`

    Better
        `Vraag [subsidie voor isolatie aan bij RVO](https://www.rvo.nl/subsidies-financiering/isde).`
    """
    reported: set[tuple[int, str]] = set()
    for link in page.links:
        text = link.text.strip()
        if _is_web_link(link.href) and (_URL_TEXT.match(text) or (text and text == link.href)):
            reported.add((link.block, text))
            yield Detection(
                _span(page, link.line, link.column),
                Message(
                    f"De linktekst is een webadres ({text}). Schrijf in woorden waar de link naartoe gaat.",
                    f"The link text is a web address ({text}). Say in words where the link goes.",
                ),
                wcag=("2.4.4",),
            )
    for index, block in enumerate(page.blocks):
        if block.kind not in _CONTENT_KINDS:
            continue
        for match in _BARE_URL.finditer(block.text):
            if (index, match.group(0)) in reported or any(
                link.block == index and match.group(0) in link.text for link in page.links
            ):
                continue
            line, column = block.position(match.start())
            yield Detection(
                _span(page, line, column),
                Message(
                    f"Hier staat een los webadres ({match.group(0)}). Maak er een link van met een "
                    "tekst die zegt waar de link naartoe gaat.",
                    f"A bare web address ({match.group(0)}). Make it a link whose text says where it goes.",
                ),
                wcag=("2.4.4",),
            )


@rule(
    "A11Y003",
    "empty-link-text",
    Severity.ERROR,
    "Een link heeft geen tekst.",
    "A link has no text.",
)
def empty_link_text(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link zonder tekst.

    Wat het controleert
        Of een link tekst heeft. Bij een plaatje als link telt de alt-tekst
        van het plaatje als linktekst.

    Waarom is dit een probleem?
        Een schermlezer zegt dan alleen 'link', of leest het webadres voor.
        Niemand weet waar de link naartoe gaat (WCAG 2.4.4 en 4.1.2).

    Voorbeeld
        `[](https://www.diemen.nl/afval)` of `[![](img/logo.svg)](index.md)`

    Beter
        `[Afval](afval/index.md)` of `[![Gemeente Diemen, naar de startpagina](img/logo.svg)](index.md)`

    What it checks
        Whether a link has text. For an image as a link, the image's alt text
        counts as the link text.

    Why is this a problem?
        A screen reader then only says 'link', or reads out the web address.
        Nobody knows where the link goes (WCAG 2.4.4 and 4.1.2).

    For example
        `[](https://www.diemen.nl/afval)` or `[![](img/logo.svg)](index.md)`

    Better
        `[Afval](afval/index.md)` or `[![Gemeente Diemen, naar de startpagina](img/logo.svg)](index.md)`
    """
    for link in page.links:
        if not _link_text(page, link).strip():
            yield Detection(
                _span(page, link.line, link.column),
                Message(
                    "Deze link heeft geen tekst. Schrijf tussen de blokhaken waar de link naartoe gaat.",
                    "This link has no text. Write between the brackets where the link goes.",
                ),
                wcag=("2.4.4", "4.1.2"),
            )


@rule(
    "A11Y004",
    "image-without-alt",
    Severity.ERROR,
    "Een afbeelding heeft geen alt-tekst.",
    "An image has no alt text.",
)
def image_without_alt(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een afbeelding zonder alt-tekst.

    Wat het controleert
        Of elke afbeelding (`![alt](bestand)` of `<img>`) een alt-tekst heeft.

    Waarom is dit een probleem?
        Wie niet kan zien, hoort de alt-tekst in plaats van de afbeelding.
        Zonder alt-tekst mist die persoon de informatie (WCAG 1.1.1).

    Voorbeeld
        `![](img/afvalbakken.svg)`

    Beter
        `![Vier afvalbakken: grijs, groen, blauw en oranje](img/afvalbakken.svg)`.
        Is de afbeelding alleen versiering? Zet haar dan niet in de tekst.

    What it checks
        Whether every image (`![alt](file)` or `<img>`) has an alt text.

    Why is this a problem?
        Whoever cannot see hears the alt text instead of the image. Without an
        alt text that person misses the information (WCAG 1.1.1).

    For example
        `![](img/afvalbakken.svg)`

    Better
        `![Vier afvalbakken: grijs, groen, blauw en oranje](img/afvalbakken.svg)`.
        Is the image only decoration? Then leave it out of the text.
    """
    for image in page.images:
        if not image.alt.strip():
            yield Detection(
                _span(page, image.line, image.column),
                Message(
                    "Deze afbeelding heeft geen alt-tekst. Schrijf tussen de blokhaken wat er op de "
                    "afbeelding te zien is.",
                    "This image has no alt text. Write between the brackets what the image shows.",
                ),
                wcag=("1.1.1",),
            )
    for tag in page_tags(page):
        if tag.name == "img" and not tag.end and tag.attr("alt") is None:
            yield Detection(
                _span(page, tag.line, tag.column),
                Message(
                    'Deze <img> heeft geen alt-attribuut. Zet alt="..." erbij met wat er te zien is.',
                    'This <img> has no alt attribute. Add alt="..." saying what it shows.',
                ),
                wcag=("1.1.1",),
            )


@rule(
    "A11Y005",
    "meaningless-alt-text",
    Severity.ERROR,
    "De alt-tekst is een bestandsnaam of zegt alleen 'afbeelding'.",
    "The alt text is a file name or only says 'image'.",
)
def meaningless_alt_text(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een alt-tekst die een bestandsnaam is, of alleen 'afbeelding' of 'foto'.

    Wat het controleert
        Of de alt-tekst gelijk is aan de bestandsnaam, eindigt op `.png`,
        `.jpg` of `.svg`, lijkt op een cameranaam (`IMG_1234`), alleen een
        woord als 'afbeelding', 'foto' of 'logo' is, of begint met
        'afbeelding van'. De woorden staan in `linters/wcag/data/alt_texts.yml`.

    Waarom is dit een probleem?
        Een schermlezer zegt al dat het een afbeelding is. 'Afbeelding' of
        'afvalbakken-2026.svg' vertelt niet wat erop staat (WCAG 1.1.1).

    Voorbeeld
        `![afbeelding](img/afvalbakken.svg)` of `![afvalbakken.svg](img/afvalbakken.svg)`

    Beter
        `![Vier afvalbakken: grijs, groen, blauw en oranje](img/afvalbakken.svg)`

    What it checks
        Whether the alt text equals the file name, ends in `.png`, `.jpg` or
        `.svg`, looks like a camera's file name (`IMG_1234`), is only a word
        like 'afbeelding', 'foto' or 'logo', or starts with 'afbeelding van'.
        The words are in `linters/wcag/data/alt_texts.yml`.

    Why is this a problem?
        A screen reader already says that it is an image. 'Afbeelding' or
        'afvalbakken-2026.svg' does not tell what is on it (WCAG 1.1.1).

    For example
        `![afbeelding](img/afvalbakken.svg)` or `![afvalbakken.svg](img/afvalbakken.svg)`

    Better
        `![Vier afvalbakken: grijs, groen, blauw en oranje](img/afvalbakken.svg)`
    """
    data = load("alt_texts")
    generic = frozenset(data["generic"])
    prefixes = tuple(data["redundant_prefixes"])
    extensions = tuple(f".{e}" for e in data["file_extensions"])
    for image in page.images:
        alt = image.alt.strip()
        if not alt:
            continue
        normal = _normal(alt)
        base = posixpath.basename(urlsplit(image.src).path)
        stem = posixpath.splitext(base)[0]
        if alt.lower().endswith(extensions) or alt in (base, stem) or _FILE_NAME_ALT.match(alt):
            nl = f"De alt-tekst '{alt}' is een bestandsnaam. Schrijf wat er op de afbeelding te zien is."
            en = f"The alt text '{alt}' is a file name. Write what the image shows."
        elif normal in generic:
            nl = f"De alt-tekst '{alt}' zegt niet wat er te zien is. Beschrijf de inhoud van de afbeelding."
            en = f"The alt text '{alt}' does not say what is shown. Describe what the image shows."
        elif normal.startswith(prefixes):
            first = alt.split()[0]
            nl = f"Begin de alt-tekst niet met '{first} van': een schermlezer zegt al dat het een afbeelding is."
            en = f"Do not start the alt text with '{first} of': a screen reader already says it is an image."
        else:
            continue
        yield Detection(_span(page, image.line, image.column), Message(nl, en), context=alt, wcag=("1.1.1",))


def _headings(page: Page) -> list[ProseBlock]:
    return [b for b in page.blocks if b.kind == "heading"]


@rule(
    "A11Y006",
    "skipped-heading-level",
    Severity.WARNING,
    "Een kopniveau is overgeslagen.",
    "A heading level is skipped.",
)
def skipped_heading_level(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een kop die een niveau overslaat, zoals een kop 4 direct na een kop 2.

    Wat het controleert
        Of elke kop hooguit één niveau dieper is dan de kop ervoor. De titel
        uit de front-matter is kop 1, dus de eerste kop in de tekst is `##`.

    Waarom is dit een probleem?
        Mensen met een schermlezer springen van kop naar kop om de pagina te
        overzien. Een overgeslagen niveau lijkt op een ontbrekend stuk tekst
        (WCAG 1.3.1).

    Voorbeeld
        `## Kosten` gevolgd door `#### Korting voor 65-plussers`

    Beter
        `## Kosten` gevolgd door `### Korting voor 65-plussers`

    What it checks
        Whether every heading is at most one level deeper than the heading
        before it. The front-matter title is heading 1, so the first heading
        in the text is `##`.

    Why is this a problem?
        People with a screen reader jump from heading to heading to get an
        overview of the page. A skipped level looks like a missing piece of
        text (WCAG 1.3.1).

    For example
        `## Kosten` followed by `#### Korting voor 65-plussers`

    Better
        `## Kosten` followed by `### Korting voor 65-plussers`
    """
    previous = 1 if page.meta("title") else 0
    for block in _headings(page):
        level = block.heading_level
        if previous and level > previous + 1:
            yield Detection(
                _span(page, block.line),
                Message(
                    f"Deze kop is niveau {level}, maar de kop ervoor is niveau {previous}. "
                    f"Maak er een kop van niveau {previous + 1} van ({'#' * (previous + 1)}).",
                    f"This heading is level {level}, but the heading before it is level {previous}. "
                    f"Make it level {previous + 1} ({'#' * (previous + 1)}).",
                ),
                context=block.text,
                wcag=("1.3.1",),
            )
        previous = level


@rule(
    "A11Y007",
    "second-main-heading",
    Severity.ERROR,
    "De pagina heeft meer dan één hoofdkop (kop 1).",
    "The page has more than one main heading (h1).",
)
def second_main_heading(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Meer dan één kop 1 op een pagina.

    Wat het controleert
        Of er een `# kop` in de tekst staat terwijl de front-matter al een
        `title` heeft, of twee keer een `# kop`. De site toont de titel als
        kop 1 boven de pagina.

    Waarom is dit een probleem?
        Kop 1 zegt waar de pagina over gaat. Met twee hoofdkoppen weet een
        bezoeker met een schermlezer niet welke de pagina noemt (WCAG 1.3.1).

    Voorbeeld
        Front-matter `title: Grofvuil laten ophalen` en in de tekst `# Grofvuil`.

    Beter
        Laat de `# kop` weg, of maak er `## kop` van.

    What it checks
        Whether there is a `# heading` in the text while the front-matter
        already has a `title`, or two `# headings`. The site shows the title as
        heading 1 above the page.

    Why is this a problem?
        Heading 1 says what the page is about. With two main headings a visitor
        with a screen reader does not know which one names the page (WCAG 1.3.1).

    For example
        Front-matter `title: Grofvuil laten ophalen` and in the text `# Grofvuil`.

    Better
        Leave out the `# heading`, or make it a `## heading`.
    """
    seen = bool(page.meta("title"))
    for block in _headings(page):
        if block.heading_level != 1:
            continue
        if seen:
            yield Detection(
                _span(page, block.line),
                Message(
                    "Dit is een tweede kop 1. De titel van de pagina is al de kop 1. "
                    "Maak hiervan een kop 2 (##), of haal de kop weg.",
                    "This is a second h1. The page title is already the h1. Make this an h2 (##), or remove it.",
                ),
                context=block.text,
                wcag=("1.3.1",),
            )
        seen = True


def _cells(row: str) -> list[str]:
    inner = row.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


@rule(
    "A11Y008",
    "table-without-header",
    Severity.ERROR,
    "Een tabel heeft geen kopregel.",
    "A table has no header row.",
)
def table_without_header(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een tabel zonder kopjes boven de kolommen.

    Wat het controleert
        Of de eerste rij van een Markdown-tabel tekst heeft, en of een
        HTML-tabel (`<table>`) cellen met `<th>` heeft.

    Waarom is dit een probleem?
        Een schermlezer leest bij elke cel de kop van de kolom voor. Zonder
        kopregel hoort de bezoeker losse getallen zonder betekenis (WCAG 1.3.1).

    Voorbeeld
        ```
        |  |  |
        |--|--|
        | Papier | Blauwe container |
        ```

    Beter
        ```
        | Soort afval | Waar laat u het? |
        |---|---|
        | Papier | Blauwe container |
        ```

    What it checks
        Whether the first row of a Markdown table has text, and whether an HTML
        table (`<table>`) has `<th>` cells.

    Why is this a problem?
        A screen reader reads the column's heading with every cell. Without a
        heading row the visitor hears loose numbers without meaning (WCAG 1.3.1).

    For example
        ```
        |  |  |
        |--|--|
        | Papier | Blauwe container |
        ```

    Better
        ```
        | Soort afval | Waar laat u het? |
        |---|---|
        | Papier | Blauwe container |
        ```
    """
    lines = page.text.split("\n")
    for index in range(1, len(lines)):
        number = index + 1
        if number in page.code_lines or number - 1 in page.code_lines or number < page.body_start_line:
            continue
        if "-" not in lines[index] or not _TABLE_SEPARATOR.match(lines[index]) or "|" not in lines[index - 1]:
            continue
        if not any(_COMMENT.sub("", cell).strip() for cell in _cells(lines[index - 1])):
            yield Detection(
                _span(page, number - 1),
                Message(
                    "Deze tabel heeft een lege kopregel. Zet in de eerste rij boven elke kolom wat erin staat.",
                    "This table has an empty header row. Put what each column holds in the first row.",
                ),
                wcag=("1.3.1",),
            )
    tags = page_tags(page)
    open_table: Tag | None = None
    has_header = False
    for tag in tags:
        if tag.name == "table" and not tag.end:
            open_table, has_header = tag, False
        elif tag.name == "th" and not tag.end:
            has_header = True
        elif tag.name == "table" and tag.end and open_table is not None:
            if not has_header:
                yield Detection(
                    _span(page, open_table.line, open_table.column),
                    Message(
                        "Deze HTML-tabel heeft geen kopcellen (<th>). Maak van de eerste rij <th>-cellen, "
                        "of schrijf de tabel in Markdown.",
                        "This HTML table has no header cells (<th>). Make the first row <th> cells, "
                        "or write the table in Markdown.",
                    ),
                    wcag=("1.3.1",),
                )
            open_table = None


@rule(
    "A11Y009",
    "document-link-without-type",
    Severity.WARNING,
    "Een link naar een bestand zegt niet wat voor bestand het is en hoe groot.",
    "A link to a file does not say what kind of file it is and its size.",
)
def document_link_without_type(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link naar een pdf of Office-bestand die dat niet zegt.

    Wat het controleert
        Of een link naar een `.pdf`, `.docx`, `.xlsx`, `.pptx`, `.odt` of
        ander bestand in de linktekst (of direct erachter) het soort bestand
        en de grootte noemt.

    Waarom is dit een probleem?
        Een bestand opent buiten de website, vaak in een ander programma. Wie
        een schermlezer of een trage verbinding heeft, wil dat vooraf weten.
        Een pdf is ook vaak minder toegankelijk dan een webpagina (WCAG 2.4.4).

    Voorbeeld
        `Bekijk de [tarieven](pdf/tarieven-2026.pdf).`

    Beter
        `Bekijk de [tarieven 2026 (pdf, 2 kB)](pdf/tarieven-2026.pdf).`

    What it checks
        Whether a link to a `.pdf`, `.docx`, `.xlsx`, `.pptx`, `.odt` or other
        file names the kind of file and its size in the link text (or right
        after it).

    Why is this a problem?
        A file opens outside the website, often in another program. Whoever
        uses a screen reader or a slow connection wants to know beforehand. A
        PDF is also often less accessible than a web page (WCAG 2.4.4).

    For example
        `Bekijk de [tarieven](pdf/tarieven-2026.pdf).`

    Better
        `Bekijk de [tarieven 2026 (pdf, 2 kB)](pdf/tarieven-2026.pdf).`
    """
    kinds = load("documents")
    for link in page.links:
        path = urlsplit(link.href).path.lower()
        extension = posixpath.splitext(path)[1].lstrip(".")
        if extension not in kinds:
            continue
        block = page.blocks[link.block] if link.block < len(page.blocks) else None
        near = link.text
        if block is not None:
            at = block.text.find(link.text)
            if at >= 0:
                near = block.text[at : at + len(link.text) + 40]
        normal = f" {_normal(near)} "
        has_type = any(f" {word} " in normal for word in kinds[extension])
        has_size = bool(_SIZE.search(near))
        if has_type and has_size:
            continue
        missing_nl = " en ".join(w for w, m in (("het soort bestand", not has_type), ("de grootte", not has_size)) if m)
        missing_en = " and ".join(w for w, m in (("the kind of file", not has_type), ("the size", not has_size)) if m)
        yield Detection(
            _span(page, link.line, link.column),
            Message(
                f"Deze link gaat naar een {extension}-bestand. Zet {missing_nl} in de linktekst, "
                f"bijvoorbeeld '({extension}, 120 kB)'.",
                f"This link goes to a {extension} file. Put {missing_en} in the link text, "
                f"for example '({extension}, 120 kB)'.",
            ),
            replacements=(f"{link.text.strip()} ({extension}, ... kB)",),
            wcag=("2.4.4",),
        )


def _media(page: Page) -> list[tuple[Tag, bool]]:
    """Each <video>/<audio> with whether it has a captions or subtitles track."""
    found: list[tuple[Tag, bool]] = []
    current: Tag | None = None
    captions = False
    for tag in page_tags(page):
        if tag.name in ("video", "audio") and not tag.end:
            if current is not None:
                found.append((current, captions))
            current, captions = tag, False
        elif tag.name == "track" and current is not None and (tag.attr("kind") or "") in ("captions", "subtitles"):
            captions = bool(tag.attr("src"))
        elif tag.name in ("video", "audio") and tag.end and current is not None:
            found.append((current, captions))
            current = None
    if current is not None:
        found.append((current, captions))
    return found


@rule(
    "A11Y010",
    "media-without-captions",
    Severity.ERROR,
    "Een video heeft geen ondertiteling.",
    "A video has no captions.",
)
def media_without_captions(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een video zonder ondertiteling.

    Wat het controleert
        Of elke `<video>` een `<track kind="captions" src="...">` (of
        `kind="subtitles"`) heeft.

    Waarom is dit een probleem?
        Wie doof of slechthorend is, kan een video zonder ondertiteling niet
        volgen. Veel mensen kijken ook zonder geluid (WCAG 1.2.2).

    Voorbeeld
        `<video controls><source src="../media/isoleren.mp4" type="video/mp4"></video>`

    Beter
        Zet er `<track kind="captions" srclang="nl" label="Nederlands" src="../media/isoleren.nl.vtt" default>`
        in, met een WebVTT-bestand met de tekst.

    What it checks
        Whether every `<video>` has a `<track kind="captions" src="...">` (or
        `kind="subtitles"`).

    Why is this a problem?
        People who are deaf or hard of hearing cannot follow a video without
        captions. Many people also watch without sound (WCAG 1.2.2).

    For example
        `<video controls><source src="../media/isoleren.mp4" type="video/mp4"></video>`

    Better
        Add `<track kind="captions" srclang="nl" label="Nederlands" src="../media/isoleren.nl.vtt" default>`,
        with a WebVTT file holding the text.
    """
    for tag, captions in _media(page):
        if tag.name == "video" and not captions:
            yield Detection(
                _span(page, tag.line, tag.column),
                Message(
                    'Deze video heeft geen ondertiteling. Voeg een <track kind="captions"> toe met een '
                    "WebVTT-bestand (.vtt).",
                    'This video has no captions. Add a <track kind="captions"> with a WebVTT file (.vtt).',
                ),
                wcag=("1.2.2",),
            )


@rule(
    "A11Y011",
    "media-without-transcript",
    Severity.WARNING,
    "Bij een video of geluidsfragment staat geen uitgeschreven tekst.",
    "A video or audio clip has no transcript.",
)
def media_without_transcript(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een video of geluidsfragment zonder uitgeschreven tekst.

    Wat het controleert
        Of er na een `<video>` of `<audio>` een kop of tekst staat met
        'uitgeschreven tekst' of 'transcript'.

    Waarom is dit een probleem?
        Wie doofblind is of de video niet kan afspelen, leest de tekst. Bij
        geluid zonder beeld is uitgeschreven tekst de enige manier om de
        inhoud te krijgen (WCAG 1.2.1 en 1.2.3).

    Voorbeeld
        Een `<video>` met alleen ondertiteling.

    Beter
        Zet onder de video `### Uitgeschreven tekst van de video` met de tekst.

    What it checks
        Whether a heading or text with 'uitgeschreven tekst' or 'transcript'
        follows a `<video>` or `<audio>`.

    Why is this a problem?
        Whoever is deafblind or cannot play the video reads the text. For sound
        without pictures a transcript is the only way to get the content (WCAG
        1.2.1 and 1.2.3).

    For example
        A `<video>` with captions only.

    Better
        Put `### Uitgeschreven tekst van de video` with the text under the video.
    """
    media = _media(page)
    for index, (tag, _) in enumerate(media):
        until = media[index + 1][0].line if index + 1 < len(media) else page.text.count("\n") + 2
        after = [b for b in page.blocks if tag.line < b.line < until and b.kind in _CONTENT_KINDS]
        if any(_TRANSCRIPT.search(b.text) for b in after):
            continue
        kind_nl = "video" if tag.name == "video" else "geluidsfragment"
        yield Detection(
            _span(page, tag.line, tag.column),
            Message(
                f"Bij dit {kind_nl} staat geen uitgeschreven tekst. Zet onder het {kind_nl} een kop "
                "'Uitgeschreven tekst' met wat er gezegd en getoond wordt.",
                f"This {tag.name} has no transcript. Add a heading 'Transcript' below it with what is said and shown.",
            ),
            wcag=("1.2.1", "1.2.3"),
        )


@rule(
    "A11Y012",
    "text-in-capitals",
    Severity.WARNING,
    "Tekst staat in hoofdletters.",
    "Text is written in capitals.",
)
def text_in_capitals(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Woorden of zinnen in HOOFDLETTERS.

    Wat het controleert
        Of er twee of meer woorden achter elkaar in hoofdletters staan, of
        één lang woord (7 letters of meer). Korte afkortingen als BSN of WOZ
        zijn goed.

    Waarom is dit een probleem?
        Tekst in hoofdletters leest moeilijker, vooral voor mensen met
        dyslexie. Sommige schermlezers spellen hoofdletters letter voor
        letter. Het leest ook als schreeuwen.

    Voorbeeld
        `LET OP: de milieustraat is BELANGRIJK gesloten.`

    Beter
        `Let op: de milieustraat is gesloten.` Wilt u iets benadrukken? Gebruik
        een `!!! warning "Let op"`-blok of **vet**.

    What it checks
        Whether two or more words in a row are in capitals, or one long word
        (7 letters or more). Short abbreviations such as BSN or WOZ are fine.

    Why is this a problem?
        Text in capitals is harder to read, especially for people with
        dyslexia. Some screen readers spell capitals letter by letter. It also
        reads as shouting.

    For example
        `LET OP: de milieustraat is BELANGRIJK gesloten.`

    Better
        `Let op: de milieustraat is gesloten.` Want to stress something? Use a
        `!!! warning "Let op"` block or **bold**.
    """
    for block in page.prose():
        if block.kind not in _CONTENT_KINDS:
            continue
        spans: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _CAPS_RUN.finditer(block.text)]
        covered = [range(s, s + len(t)) for s, t in spans]
        for match in _CAPS_LONG.finditer(block.text):
            if not any(match.start() in r for r in covered):
                spans.append((match.start(), match.group(0)))
        for start, text in sorted(spans):
            line, column = block.position(start)
            yield Detection(
                _span(page, line, column),
                Message(
                    f"'{text}' staat in hoofdletters. Schrijf het met kleine letters; wilt u iets "
                    "benadrukken, gebruik dan vet of een blok 'Let op'.",
                    f"'{text}' is written in capitals. Use lower case; for emphasis use bold or a note box.",
                ),
                replacements=(text.capitalize(),),
            )


def foreign_sentences(text: str, lang: str) -> Iterator[tuple[int, str]]:
    """Sentences of `text` that look like the other language (offset of the first letter, sentence).

    Shared by the source rule and the browser audit, so both raise the same alarms.
    """
    if lang not in ("nl", "en"):
        return
    data = load("languages")
    own = frozenset(data[lang])
    other = frozenset(data[_other(lang)])
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        tokens = [t.lower() for t in _TOKEN.findall(sentence)]
        if len(tokens) < int(data["min_words"]):
            continue
        if sum(1 for t in tokens if t in other) < int(data["min_hits"]) or any(t in own for t in tokens):
            continue
        yield match.start() + len(sentence) - len(sentence.lstrip()), sentence.strip()


@rule(
    "A11Y013",
    "language-not-marked",
    Severity.WARNING,
    "Een zin in een andere taal is niet gemarkeerd.",
    "A sentence in another language is not marked.",
)
def language_not_marked(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een Engelse zin in een Nederlandse pagina (of andersom) zonder taalmarkering.

    Wat het controleert
        Of een zin van minstens vijf woorden drie of meer typisch Engelse
        woorden heeft ('the', 'and', 'your') en geen typisch Nederlandse, in
        een Nederlandse pagina. In een Engelse pagina andersom. Losse woorden
        en namen worden niet gemeld. Een zin met `lang="en"` op dezelfde regel
        is gemarkeerd. De woorden staan in `linters/wcag/data/languages.yml`.

    Waarom is dit een probleem?
        Een schermlezer spreekt Engelse tekst met Nederlandse klanken uit als
        de taal er niet bij staat. Dan is de zin niet te verstaan (WCAG 3.1.2).

    Voorbeeld
        `Meer weten? Read the full privacy statement for your rights.`

    Beter
        Schrijf de zin in het Nederlands. Moet hij Engels blijven? Zet hem in
        `<span lang="en">...</span>`.

    What it checks
        Whether a sentence of at least five words has three or more typically
        English words ('the', 'and', 'your') and no typically Dutch ones, on a
        Dutch page; on an English page the other way round. Single words and
        names are not reported. A sentence with `lang="en"` on the same line is
        marked. The words are in `linters/wcag/data/languages.yml`.

    Why is this a problem?
        A screen reader speaks English text with Dutch sounds when its language
        is not marked. Then the sentence cannot be understood (WCAG 3.1.2).

    For example
        `Meer weten? Read the full privacy statement for your rights.`

    Better
        Write the sentence in Dutch. Must it stay English? Put it in
        `<span lang="en">...</span>`.
    """
    source = page.text.split("\n")
    for block in page.prose():
        if block.kind not in _CONTENT_KINDS:
            continue
        for start, sentence in foreign_sentences(block.text, page.lang):
            line, column = block.position(start)
            if 0 < line <= len(source) and _LANG_MARK.search(source[line - 1]):
                continue
            other_name = ("Engels", "English") if page.lang == "nl" else ("Nederlands", "Dutch")
            code = _other(page.lang)
            yield Detection(
                _span(page, line, column),
                Message(
                    f"Deze zin lijkt {other_name[0]}. Schrijf hem in de taal van de pagina, of zet hem in "
                    f'<span lang="{code}">...</span> zodat een schermlezer hem goed uitspreekt.',
                    f"This sentence looks {other_name[1]}. Write it in the page's language, or put it in "
                    f'<span lang="{code}">...</span> so a screen reader pronounces it correctly.',
                ),
                context=sentence,
                wcag=("3.1.2",),
            )


def _allowlist() -> tuple[dict[str, frozenset[str]], frozenset[str], tuple[str, ...]]:
    data = load("html_allowlist")
    elements = {str(k): frozenset(str(a) for a in (v or ())) for k, v in data["elements"].items()}
    return elements, frozenset(data["global_attributes"]), tuple(data["global_prefixes"])


_UNSAFE_ELEMENTS = frozenset({"script"})


@rule(
    "A11Y014",
    "html-not-allowed",
    Severity.ERROR,
    "HTML die niet op de lijst van toegestane HTML staat.",
    "HTML that is not on the reviewed allowlist.",
)
def html_not_allowed(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """HTML in de tekst die niet op de lijst van toegestane HTML staat.

    Wat het controleert
        Of elk HTML-element en elk attribuut in de Markdown op de lijst
        `linters/wcag/data/html_allowlist.yml` staat. Die lijst is door de
        webredactie nagekeken: video met ondertiteling, tabellen, afkortingen.

    Waarom is dit een probleem?
        HTML die niet op de lijst staat, komt niet op de site. De bouw haalt
        het weg (`docs/veiligheid.md`). Eigen HTML ontsnapt ook aan de
        toegankelijke opmaak van de site. Een `<iframe>` laadt vaak iets van
        een ander bedrijf (privacy). Een `style`-attribuut kan het contrast
        breken. Een `<div>` als knop werkt niet met het toetsenbord (WCAG
        4.1.2).

    Voorbeeld
        `<iframe src="https://www.youtube.com/embed/abc"></iframe>` of
        `<p style="color: #999">`

    Beter
        Schrijf het in Markdown. Een video zet u op de eigen site met
        `<video>` en ondertiteling. Is nieuwe HTML echt nodig? Vraag de
        webredactie om die op de lijst te zetten.

    What it checks
        Whether every HTML element and attribute in the Markdown is on the list
        `linters/wcag/data/html_allowlist.yml`. The web editors have reviewed
        that list: video with captions, tables, abbreviations.

    Why is this a problem?
        The site does not publish HTML that is not on the list: the build
        removes it (`docs/veiligheid.md`). HTML of one's own also escapes the
        site's accessible layout. An `<iframe>` often loads something from
        another company (privacy). A `style` attribute can break the
        contrast. A `<div>` as a button does not work with the keyboard
        (WCAG 4.1.2).

    For example
        `<iframe src="https://www.youtube.com/embed/abc"></iframe>` or
        `<p style="color: #999">`

    Better
        Write it in Markdown. Put a video on our own site with `<video>` and
        captions. Is new HTML really needed? Ask the web editors to add it to
        the list.
    """
    elements, global_attrs, prefixes = _allowlist()
    for tag in page_tags(page):
        if tag.end or tag.name in _UNSAFE_ELEMENTS:
            continue
        if tag.name not in elements:
            yield Detection(
                _span(page, tag.line, tag.column),
                Message(
                    f"Het HTML-element <{tag.name}> staat niet op de lijst van toegestane HTML. De site "
                    "publiceert het niet. Schrijf het in Markdown, of vraag de webredactie om het na te kijken.",
                    f"The HTML element <{tag.name}> is not on the allowlist. Write it in Markdown, or ask "
                    "the web team to review it.",
                ),
                context=f"<{tag.name}>",
                wcag=("4.1.2",),
            )
            continue
        for name, _ in tag.attrs:
            if name.startswith("on") or name in global_attrs or name.startswith(prefixes):
                continue
            if name not in elements[tag.name]:
                yield Detection(
                    _span(page, tag.line, tag.column),
                    Message(
                        f"Het attribuut '{name}' op <{tag.name}> staat niet op de lijst van toegestane HTML. "
                        "De site publiceert het niet.",
                        f"The attribute '{name}' on <{tag.name}> is not on the allowlist.",
                    ),
                    context=f"<{tag.name} {name}>",
                    wcag=("4.1.2",),
                )


@rule(
    "A11Y015",
    "script-in-content",
    Severity.ERROR,
    "Er staat een <script> in de tekst.",
    "There is a <script> in the content.",
)
def script_in_content(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `<script>` in een pagina.

    Wat het controleert
        Of er een `<script>`-element in de Markdown staat.

    Waarom is dit een probleem?
        Een script in de tekst is niet nagekeken. Het kan gegevens van
        bezoekers naar anderen sturen, de pagina onbruikbaar maken voor
        toetsenbord en schermlezer, of iemand kan het misbruiken.

    Voorbeeld
        `<script src="https://example.com/widget.js"></script>`

    Beter
        Haal het script weg. Is een functie echt nodig? Dan bouwt de
        webredactie die in het thema (`overrides/`), nagekeken en getest.

    What it checks
        Whether there is a `<script>` element in the Markdown.

    Why is this a problem?
        A script in the text has not been reviewed. It can send visitors' data
        to others, make the page unusable for keyboard and screen reader, or be
        misused.

    For example
        `<script src="https://example.com/widget.js"></script>`

    Better
        Remove the script. Is a feature really needed? Then the web editors
        build it into the theme (`overrides/`), reviewed and tested.
    """
    for tag in page_tags(page):
        if tag.name == "script" and not tag.end:
            yield Detection(
                _span(page, tag.line, tag.column),
                Message(
                    "Er staat een <script> in de tekst. Haal het weg: scripts horen in het thema, nagekeken.",
                    "There is a <script> in the text. Remove it: scripts belong in the reviewed theme.",
                ),
            )


@rule(
    "A11Y016",
    "inline-event-handler",
    Severity.ERROR,
    "Een HTML-element heeft een onclick of ander on...-attribuut.",
    "An HTML element has an onclick or other on... attribute.",
)
def inline_event_handler(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een `onclick`, `onload` of ander `on...`-attribuut in de HTML.

    Wat het controleert
        Of een HTML-element in de Markdown een attribuut heeft dat met `on`
        begint.

    Waarom is dit een probleem?
        Dat is een script in de tekst. Het werkt vaak alleen met de muis, niet
        met het toetsenbord (WCAG 2.1.1), en het is niet nagekeken.

    Voorbeeld
        `<span onclick="toon()">Meer</span>`

    Beter
        Gebruik een gewone link: `[Openingstijden](openingstijden.md)`.

    What it checks
        Whether an HTML element in the Markdown has an attribute that starts
        with `on`.

    Why is this a problem?
        That is a script in the text. It often works only with the mouse, not
        with the keyboard (WCAG 2.1.1), and it has not been reviewed.

    For example
        `<span onclick="toon()">Meer</span>`

    Better
        Use an ordinary link: `[Openingstijden](openingstijden.md)`.
    """
    for tag in page_tags(page):
        for name, _ in tag.attrs:
            if name.startswith("on"):
                yield Detection(
                    _span(page, tag.line, tag.column),
                    Message(
                        f"Het attribuut '{name}' op <{tag.name}> is een script in de tekst. Haal het weg.",
                        f"The attribute '{name}' on <{tag.name}> is a script in the text. Remove it.",
                    ),
                    context=f"<{tag.name} {name}>",
                    wcag=("2.1.1",),
                )


@rule(
    "A11Y017",
    "javascript-link",
    Severity.ERROR,
    "Een link begint met javascript:.",
    "A link starts with javascript:.",
)
def javascript_link(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een link naar `javascript:...`.

    Wat het controleert
        Of een link in Markdown of in HTML (`href`, `src`) met `javascript:`
        begint.

    Waarom is dit een probleem?
        Zo'n link gaat nergens heen. Met het toetsenbord, een schermlezer of
        zonder JavaScript werkt hij niet, en het is een script in de tekst.

    Voorbeeld
        `[Print deze pagina](javascript:window.print())`

    Beter
        Laat de link weg (de browser kan zelf printen), of link naar een pagina.

    What it checks
        Whether a link in Markdown or in HTML (`href`, `src`) starts with
        `javascript:`.

    Why is this a problem?
        Such a link goes nowhere. It does not work with the keyboard, with a
        screen reader or without JavaScript, and it is a script in the text.

    For example
        `[Print deze pagina](javascript:window.print())`

    Better
        Leave the link out (the browser can print by itself), or link to a page.
    """
    for number, line in enumerate(page.text.split("\n"), start=1):
        match = _JS_MARKDOWN_LINK.search(line)
        if match is None or number in page.code_lines or number < page.body_start_line:
            continue
        start = line.rfind("[", 0, match.start())
        yield Detection(
            _span(page, number, (start if start >= 0 else match.start()) + 1),
            Message(
                "Deze link start een script (javascript:). Link naar een pagina of haal de link weg.",
                "This link runs a script (javascript:). Link to a page or remove the link.",
            ),
            wcag=("2.1.1",),
        )
    for tag in page_tags(page):
        for name, value in tag.attrs:
            if name in ("href", "src", "action") and unsafe_scheme(value or "", "") in ("javascript", "vbscript"):
                yield Detection(
                    _span(page, tag.line, tag.column),
                    Message(
                        f"Het attribuut '{name}' op <{tag.name}> start een script (javascript:). Haal het weg.",
                        f"The attribute '{name}' on <{tag.name}> runs a script (javascript:). Remove it.",
                    ),
                    wcag=("2.1.1",),
                )


def _loading_urls(page: Page) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, element, address) of everything in a page that the browser fetches by itself."""
    for image in page.images:
        yield image.line, image.column, "img", image.src
    for tag in page_tags(page):
        if tag.end:
            continue
        for name, value in tag.attrs:
            if not value:
                continue
            if name in ("src", "poster", "data", "background"):
                yield tag.line, tag.column, tag.name, value
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        yield tag.line, tag.column, tag.name, part.strip().split()[0]
            elif name == "href" and tag.name == "link":
                yield tag.line, tag.column, tag.name, value


@rule(
    "A11Y018",
    "third-party-content",
    Severity.ERROR,
    "De pagina laadt een afbeelding, video of script van een andere website.",
    "The page loads an image, video or script from another website.",
)
def third_party_content(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een afbeelding, video, geluid, script of iframe van een andere website.

    Wat het controleert
        Of een afbeelding (`![...](https://...)` of `<img>`), `<video>`,
        `<audio>`, `<source>`, `<track>`, `<iframe>`, `<script>`, `<object>`,
        `<embed>` of stylesheet (`<link>`) iets laadt van een andere host dan
        de site zelf (`organisatie.website` in het redactiestatuut, met zijn
        subdomeinen). Het adres wordt gelezen zoals een browser het leest. Een
        host die in het redactiestatuut staat bij
        `inhoud_van_derden.toegestaan`, met een reden, is nagekeken en mag.

    Waarom is dit een probleem?
        De site belooft bezoekers dat ze niets van andere partijen laden. Een
        afbeelding of video van een andere website vertelt die website wie de
        pagina bekijkt (privacy, AVG), en die website kan de inhoud veranderen.
        De site publiceert het daarom niet.

    Voorbeeld
        `![Kaart van de milieustraat](https://maps.example.com/kaart.png)`

    Beter
        Zet het bestand op de eigen site: `![Kaart van de milieustraat](img/kaart.png)`.
        Is een andere website echt nodig? Vraag de webredactie om de host na te
        kijken en in het redactiestatuut te zetten.

    What it checks
        Whether an image (`![...](https://...)` or `<img>`), `<video>`, `<audio>`,
        `<source>`, `<track>`, `<iframe>`, `<script>`, `<object>`, `<embed>` or
        style sheet (`<link>`) loads something from another host than the site
        itself (`organisatie.website` in the editorial statute, with its
        subdomains). The address is read as a browser reads it. A host listed in
        the statute under `inhoud_van_derden.toegestaan`, with a reason, has been
        reviewed and is allowed.

    Why is this a problem?
        The site promises visitors that it loads nothing from other parties. An
        image or video from another website tells that website who views the
        page (privacy, GDPR), and that website can change the content. The site
        therefore does not publish it.

    For example
        `![Kaart van de milieustraat](https://maps.example.com/kaart.png)`

    Better
        Put the file on our own site: `![Kaart van de milieustraat](img/kaart.png)`.
        Is another website really needed? Ask the web editors to review the host
        and add it to the editorial statute.
    """
    own = site_domain(ctx.statute.website)
    reviewed = reviewed_hosts(ctx.statute)
    for line, column, element, url in _loading_urls(page):
        host = is_third_party(url, "", own)
        if host is None or host in reviewed:
            continue
        yield Detection(
            _span(page, line, column),
            Message(
                f"Deze <{element}> laadt iets van een andere website ({host}). De site publiceert dat niet: "
                "bezoekers laden niets van andere partijen. Zet het bestand op de eigen site, of vraag de "
                "webredactie om deze website na te kijken.",
                f"This <{element}> loads something from another website ({host}). It is not published: "
                "visitors load nothing from third parties. Put the file on the site, or ask the web team "
                "to review this website.",
            ),
            context=url,
        )


@rule(
    "A11Y019",
    "unclosed-comment",
    Severity.ERROR,
    "Een HTML-commentaar (<!--) is niet afgesloten.",
    "An HTML comment (<!--) is not closed.",
)
def unclosed_comment(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een commentaar `<!--` zonder `-->` erachter.

    Wat het controleert
        Of elk HTML-commentaar in de tekst (`<!--`) ook wordt afgesloten met
        `-->`.

    Waarom is dit een probleem?
        De controle leest alles na `<!--` als commentaar en controleert het
        dus niet. MkDocs doet dat anders: het toont `<!--` als tekst en
        publiceert wat eronder staat wel, ook HTML als `<script>`. Zo komt
        tekst online die niemand heeft gecontroleerd.

    Voorbeeld
        ```
        <!-- vergeten te sluiten

        <script>alert(1)</script>
        ```

    Beter
        `<!-- een opmerking voor de redactie -->`, of haal `<!--` weg.

    What it checks
        Whether every HTML comment in the text (`<!--`) is also closed with `-->`.

    Why is this a problem?
        The check reads everything after `<!--` as a comment and so does not
        check it. MkDocs does it differently: it shows `<!--` as text and does
        publish what follows, also HTML like `<script>`. Text that nobody
        checked then goes online.

    For example
        ```
        <!-- vergeten te sluiten

        <script>alert(1)</script>
        ```

    Better
        `<!-- een opmerking voor de redactie -->`, or remove the `<!--`.
    """
    for fragment in page.html:
        text = fragment.html
        opened = text.rfind("<!--")
        if opened < 0 or "-->" in text[opened + 4 :]:
            continue
        text = text[opened:]
        hidden = [t for t in ("<script", "<iframe", "<img", "<style", "<object", "<embed") if t in text.lower()]
        extra_nl = (
            f" Daaronder staat HTML die de site wel publiceert ({', '.join(h + '>' for h in hidden)})."
            if hidden
            else ""
        )
        extra_en = f" Below it is HTML the site does publish ({', '.join(h + '>' for h in hidden)})." if hidden else ""
        yield Detection(
            _span(page, fragment.line),
            Message(
                "Dit commentaar (<!--) wordt niet afgesloten met -->. De controle slaat daardoor de rest van "
                f"de pagina over, maar de site publiceert die wel.{extra_nl} Zet --> aan het eind van het "
                "commentaar, of haal <!-- weg.",
                "This comment (<!--) is never closed with -->. The checks skip the rest of the page, but the "
                f"site publishes it.{extra_en} Put --> at the end of the comment, or remove <!--.",
            ),
        )


@functools.cache
def _policy(website: str, reviewed: frozenset[str]) -> Policy:
    return make_policy(site_domain(website), reviewed)


def _locate(page: Page, removal: Removal) -> int:
    """The first line of the body that holds what was removed (the published HTML has no line numbers)."""
    candidates = (removal.value, removal.value[:15], f"{removal.attribute}=", f"<{removal.element}")
    markers = [m for m in candidates if m and len(m) > 2]
    lines = page.text.split("\n")
    for marker in markers:
        needle = marker.lower()[:40]
        for number in range(page.body_start_line, len(lines) + 1):
            line = lines[number - 1]
            # The published value has its character references decoded; the source may not.
            if number not in page.code_lines and (needle in line.lower() or needle in html.unescape(line).lower()):
                return number
    return page.body_start_line


@rule(
    "A11Y020",
    "html-not-published",
    Severity.ERROR,
    "De gepubliceerde pagina heeft HTML die niet mag; de controle van de tekst zag die niet.",
    "The published page has HTML that is not allowed; the source checks did not see it.",
)
def html_not_published(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """HTML die de site niet publiceert, gevonden in de pagina zoals MkDocs die maakt.

    Wat het controleert
        De pagina wordt gemaakt zoals MkDocs haar maakt (Python-Markdown), en
        daarna gaat dezelfde zeef eroverheen als bij het bouwen van de site
        (`linters/wcag/sanitise.py`). Wat de zeef weghaalt en de andere regels
        (A11Y014 tot A11Y019) niet al melden, staat hier: bijvoorbeeld een
        `onclick` via `{: ... }` achter een kop, of een link als
        `java&#9;script:`.

    Waarom is dit een probleem?
        De controle leest Markdown op een andere manier dan MkDocs. Wat de
        controle niet ziet, zou anders ongemerkt online komen. De site
        publiceert het niet, en `mkdocs build --strict` stopt.

    Voorbeeld
        `## Openingstijden { onclick="toon()" }`

    Beter
        `## Openingstijden`. Scripts horen in het thema, nagekeken.

    What it checks
        The page is made the way MkDocs makes it (Python-Markdown), and then the
        same filter runs over it as when the site is built
        (`linters/wcag/sanitise.py`). What the filter removes and the other rules
        (A11Y014 to A11Y019) do not already report is reported here: for
        example an `onclick` through `{: ... }` after a heading, or a link like
        `java&#9;script:`.

    Why is this a problem?
        The check reads Markdown differently from MkDocs. What the check does not
        see would otherwise go online unnoticed. The site does not publish it,
        and `mkdocs build --strict` stops.

    For example
        `## Openingstijden { onclick="toon()" }`

    Better
        `## Openingstijden`. Scripts belong in the theme, reviewed.
    """
    # Rendering costs a few milliseconds; Markdown without these can render nothing the sanitiser refuses.
    if not _MAY_RENDER_UNSAFE.search(page.text):
        return
    result = sanitise(rendered_body(page), _policy(ctx.statute.website, reviewed_hosts(ctx.statute)))
    if not result.removals:
        return
    known: set[int] = set()
    for other in (html_not_allowed, script_in_content, inline_event_handler, javascript_link, third_party_content):
        assert other.check_page is not None
        known.update(d.location.line for d in other.check_page(page, ctx) if isinstance(d.location, SourceSpan))
    reported: set[tuple[int, str]] = set()
    for removal in result.removals:
        line = _locate(page, removal)
        key = (line, removal.message().nl)
        if line in known or key in reported:
            continue
        reported.add(key)
        message = removal.message()
        yield Detection(
            _span(page, line),
            Message(
                f"In de gepubliceerde pagina: {message.nl}",
                f"In the published page: {message.en}",
            ),
            context=removal.value,
        )


SOURCE_RULES = (
    unclear_link_text,
    url_as_link_text,
    empty_link_text,
    image_without_alt,
    meaningless_alt_text,
    skipped_heading_level,
    second_main_heading,
    table_without_header,
    document_link_without_type,
    media_without_captions,
    media_without_transcript,
    text_in_capitals,
    language_not_marked,
    html_not_allowed,
    script_in_content,
    inline_event_handler,
    javascript_link,
    third_party_content,
    unclosed_comment,
    html_not_published,
)
