"""The page model: a Markdown file read once and parsed once.

Every check reads this model instead of the file. It keeps what is prose
(paragraphs, headings, list items, table cells, quotes, alt texts) with the
source line and column of each piece, and leaves out what is not prose
(front-matter, code, raw HTML), so a rule can point an editor at the exact
place without knowing any Markdown.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from linters.core.finding import Message
from linters.core.links import unsafe_link
from linters.core.yamlread import make_yaml, yaml_error_position

LANGUAGES = ("nl", "en")
BOM = b"\xef\xbb\xbf"
_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"[^"]*")?\s*$')
_HEADING_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

_markdown = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class PageProblem:
    """Something wrong with the file itself, found while reading it; a rule reports it."""

    rule: str
    line: int
    column: int
    message: Message


@dataclass(frozen=True)
class FrontMatter:
    """The YAML block at the top of a page, with the line of each key."""

    data: dict[str, Any]
    key_lines: dict[str, int]
    start_line: int
    end_line: int

    def line_of(self, key: str) -> int:
        """The line of a key, or the opening `---` when the key is absent."""
        return self.key_lines.get(key, self.start_line)


@dataclass(frozen=True)
class Segment:
    """A run of plain text that sits unbroken on one source line."""

    start: int
    line: int
    column: int


@dataclass(frozen=True)
class ProseBlock:
    """One piece of prose (paragraph, heading, list item, ...) as plain text with positions."""

    kind: str
    text: str
    line: int
    segments: tuple[Segment, ...]
    heading_level: int = 0

    def position(self, offset: int) -> tuple[int, int]:
        """Map a character offset in `text` to a 1-based (line, column) in the source."""
        if not self.segments:
            return self.line, 1
        starts = [s.start for s in self.segments]
        index = max(0, bisect.bisect_right(starts, offset) - 1)
        segment = self.segments[index]
        return segment.line, segment.column + max(0, offset - segment.start)


@dataclass(frozen=True)
class Link:
    """A link in prose: its visible text, its target and where it starts."""

    text: str
    href: str
    line: int
    column: int
    block: int


@dataclass(frozen=True)
class Image:
    """An image: its alt text, its source and where it starts."""

    alt: str
    src: str
    line: int
    column: int


@dataclass(frozen=True)
class HtmlFragment:
    """Raw HTML in the Markdown (not prose; accessibility rules read it)."""

    html: str
    line: int
    inline: bool


@dataclass
class Page:
    """A Markdown page, read and parsed, with what went wrong while reading it."""

    path: Path
    display: str
    lang: str
    rel_path: str | None
    text: str = ""
    front_matter: FrontMatter | None = None
    body_start_line: int = 1
    blocks: list[ProseBlock] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    html: list[HtmlFragment] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)
    problems: list[PageProblem] = field(default_factory=list)
    readable: bool = True
    digest: str = ""

    @property
    def is_site_page(self) -> bool:
        """True for pages inside `content/<lang>/`, which the statute governs."""
        return self.rel_path is not None

    def meta(self, key: str) -> Any:
        """A front-matter value, or None."""
        return self.front_matter.data.get(key) if self.front_matter else None

    def prose(self, *, include_alt: bool = False) -> list[ProseBlock]:
        """The prose blocks; alt texts only when asked, since they are not read in flow."""
        return [b for b in self.blocks if include_alt or b.kind != "alt-text"]

    def word_count(self) -> int:
        """Words in the prose of the page."""
        return sum(len(_WORD.findall(b.text)) for b in self.prose())

    def problems_for(self, rule: str) -> list[PageProblem]:
        """The reading problems that belong to one rule."""
        return [p for p in self.problems if p.rule == rule]

    def problem(self, rule: str, line: int, nl: str, en: str, column: int = 1) -> None:
        """Record a reading problem for the rule named `rule`."""
        self.problems.append(PageProblem(rule, line, column, Message(nl, en)))


def language_of(path: Path, content_root: Path | None) -> tuple[str | None, str | None]:
    """Return (language, path inside the language folder) for a page under `content/<lang>/`."""
    if content_root is None:
        return None, None
    try:
        rel = path.resolve().relative_to(content_root.resolve())
    except ValueError:
        return None, None
    parts = rel.parts
    if len(parts) >= 2 and parts[0] in LANGUAGES:
        return parts[0], Path(*parts[1:]).as_posix()
    return None, None


def read_page(path: Path, content_root: Path | None, display: str | None = None) -> Page:
    """Read one page from disk and parse it; never raises for a user's mistake."""
    lang, rel = language_of(path, content_root)
    page = Page(path=path, display=display or path.as_posix(), lang=lang or "nl", rel_path=rel)
    root = content_root.absolute() if content_root is not None else None
    if root is not None and unsafe_link(path.absolute(), root, root.parent) is not None:
        # Never followed, also when another page's rule asks for it; WR008 reports the link itself.
        page.readable = False
        return page
    try:
        raw = path.read_bytes()
    except OSError as err:
        page.readable = False
        page.problem(
            "page-not-readable",
            1,
            f"Dit bestand kan niet worden gelezen ({err.strerror}).",
            f"This file cannot be read ({err.strerror}).",
        )
        return page
    parse_bytes(page, raw)
    if lang is None:
        declared = page.meta("lang")
        if isinstance(declared, str) and declared in LANGUAGES:
            page.lang = declared
    return page


def parse_bytes(page: Page, raw: bytes) -> None:
    """Decode, split front-matter and parse Markdown into `page`."""
    import hashlib

    page.digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        page.problem(
            "empty-page",
            1,
            "Deze pagina is leeg. Schrijf de tekst, of verwijder het bestand.",
            "This page is empty. Write the text, or delete the file.",
        )
        page.readable = False
        return
    if raw.startswith(BOM):
        raw = raw[len(BOM) :]
        page.problem(
            "byte-order-mark",
            1,
            "Het bestand begint met een onzichtbaar BOM-teken. Sla het op als 'UTF-8' zonder BOM.",
            "The file starts with an invisible byte order mark. Save it as UTF-8 without BOM.",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        page.readable = False
        page.problem(
            "page-not-readable",
            line,
            "Dit bestand is niet opgeslagen als UTF-8. Er staat een teken dat niet te lezen is. "
            "Sla het bestand op als 'UTF-8' in uw editor.",
            "This file is not saved as UTF-8: a character cannot be read. Save it as UTF-8.",
        )
        return
    if "\r" in text:
        first = text[: text.index("\r")].count("\n") + 1
        page.problem(
            "windows-line-endings",
            first,
            "Dit bestand heeft Windows-regeleinden (CRLF). Sla het op met 'LF'-regeleinden.",
            "This file has Windows line endings (CRLF). Save it with LF line endings.",
        )
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    page.text = text
    body, body_start = _split_front_matter(page, text)
    page.body_start_line = body_start
    _parse_body(page, body, body_start)


def _split_front_matter(page: Page, text: str) -> tuple[str, int]:
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        page.problem(
            "missing-front-matter",
            1,
            "De pagina begint niet met front-matter. Zet bovenaan een blok tussen twee regels "
            "'---' met title, description, owner en reviewed.",
            "The page does not start with front-matter: a block between two '---' lines with "
            "title, description, owner and reviewed.",
        )
        return text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:index])
            _parse_front_matter(page, yaml_text, start_line=1, end_line=index + 1)
            return "\n".join(lines[index + 1 :]), index + 2
    page.problem(
        "broken-front-matter",
        1,
        "De front-matter is niet afgesloten. Zet een regel '---' onder de laatste sleutel.",
        "The front-matter is not closed. Put a line '---' below the last key.",
    )
    return "", len(lines) + 1


def _parse_front_matter(page: Page, yaml_text: str, start_line: int, end_line: int) -> None:
    try:
        data = make_yaml().load(yaml_text)
    except MarkedYAMLError as err:
        offset, reason = yaml_error_position(err)
        line = start_line + 1 + offset
        page.problem(
            "broken-front-matter",
            line,
            f"De front-matter is geen geldige YAML ({reason}). Schrijf elke regel als "
            "'sleutel: waarde', en zet tekst met een dubbele punt tussen aanhalingstekens.",
            f"The front-matter is not valid YAML ({reason}). Write each line as 'key: value' "
            "and quote text that contains a colon.",
        )
        return
    except (YAMLError, ValueError) as err:
        page.problem(
            "broken-front-matter",
            start_line,
            f"De front-matter is geen geldige YAML ({err}).",
            f"The front-matter is not valid YAML ({err}).",
        )
        return
    if data is None:
        data = CommentedMap()
    if not isinstance(data, dict):
        page.problem(
            "broken-front-matter",
            start_line + 1,
            "De front-matter is geen lijst van 'sleutel: waarde'-regels.",
            "The front-matter is not a list of 'key: value' lines.",
        )
        return
    key_lines: dict[str, int] = {}
    for key in data:
        try:
            key_lines[str(key)] = start_line + 1 + int(data.lc.key(key)[0])  # type: ignore[attr-defined]
        except (AttributeError, KeyError, TypeError):
            key_lines[str(key)] = start_line
    plain = {str(k): _plain(v) for k, v in data.items()}
    page.front_matter = FrontMatter(plain, key_lines, start_line, end_line)


def _plain(value: Any) -> Any:
    """Turn ruamel's round-trip types into plain Python values."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return date(value.year, value.month, value.day)
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return str(value)
    return value


def _unwrap_admonitions(lines: list[str]) -> tuple[list[str], list[int]]:
    """Turn Material admonitions into plain blocks, so their body is prose, not code.

    `!!! note` bodies are indented four spaces, which CommonMark reads as code.
    Returns the new lines and, per line, how many columns were removed.
    """
    shifts = [0] * len(lines)
    out = list(lines)
    index = 0
    while index < len(out):
        match = _ADMONITION.match(out[index])
        if not match:
            index += 1
            continue
        indent = len(match.group(1)) + 4
        out[index] = ""
        index += 1
        while index < len(out) and (not out[index].strip() or out[index].startswith(" " * indent)):
            if out[index].strip():
                out[index] = out[index][4:]
                shifts[index] += 4
            index += 1
    return out, shifts


class _Positions:
    """Maps offsets in an inline token's raw content back to source lines and columns."""

    def __init__(self, content: str, first_line: int, source: list[str], shifts: list[int]) -> None:
        self.line_starts: list[int] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        offset = 0
        for i, content_line in enumerate(content.split("\n")):
            line_index = first_line + i
            source_line = source[line_index] if line_index < len(source) else ""
            found = source_line.find(content_line) if content_line else -1
            column = found if found >= 0 else len(source_line) - len(source_line.lstrip())
            shift = shifts[line_index] if line_index < len(shifts) else 0
            self.line_starts.append(offset)
            self.lines.append(line_index)
            self.columns.append(column + shift)
            offset += len(content_line) + 1

    def at(self, raw_offset: int) -> tuple[int, int]:
        """0-based (line index in body, column) of a raw offset."""
        i = max(0, bisect.bisect_right(self.line_starts, raw_offset) - 1)
        return self.lines[i], self.columns[i] + raw_offset - self.line_starts[i]


def _parse_body(page: Page, body: str, body_start: int) -> None:
    lines, shifts = _unwrap_admonitions(body.split("\n"))
    tokens = _markdown.parse("\n".join(lines))
    context: list[str] = []
    heading_level = 0
    for token in tokens:
        if token.nesting == 1:
            context.append(token.type)
            if token.type == "heading_open":
                heading_level = int(token.tag[1:])
            continue
        if token.nesting == -1:
            if context:
                context.pop()
            continue
        first = token.map[0] if token.map else 0
        if token.type in ("fence", "code_block") and token.map:
            page.code_lines.update(range(body_start + token.map[0], body_start + token.map[1]))
        elif token.type == "html_block":
            page.html.append(HtmlFragment(token.content, body_start + first, inline=False))
        elif token.type == "inline":
            kind = _block_kind(context)
            positions = _Positions(token.content, first, lines, shifts)
            _inline_block(page, token, kind, positions, body_start, heading_level)


def _block_kind(context: list[str]) -> str:
    for opened in reversed(context):
        if opened == "heading_open":
            return "heading"
        if opened == "th_open":
            return "table-header"
        if opened == "td_open":
            return "table-cell"
        if opened == "list_item_open":
            return "list-item"
        if opened == "blockquote_open":
            return "blockquote"
    return "paragraph"


def _inline_block(
    page: Page,
    token: Token,
    kind: str,
    positions: _Positions,
    body_start: int,
    heading_level: int,
) -> None:
    raw = token.content
    cursor = 0
    text: list[str] = []
    length = 0
    segments: list[Segment] = []
    link_stack: list[tuple[str, int, int, int]] = []
    alt_blocks: list[ProseBlock] = []
    # Links point at the block of their sentence; alt texts follow that block.
    block_index = len(page.blocks)

    def locate(fragment: str) -> int:
        nonlocal cursor
        found = raw.find(fragment, cursor) if fragment else -1
        if found < 0:
            return cursor
        cursor = found + len(fragment)
        return found

    def emit(fragment: str, raw_offset: int) -> None:
        nonlocal length
        if not fragment:
            return
        line, column = positions.at(raw_offset)
        segments.append(Segment(length, body_start + line, column + 1))
        text.append(fragment)
        length += len(fragment)

    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            emit(child.content, locate(child.content))
        elif child.type in ("softbreak", "hardbreak"):
            emit(" " if child.type == "softbreak" else "\n", cursor)
        elif child.type == "link_open":
            start = locate("[") if raw.find("[", cursor) >= 0 else cursor
            line, column = positions.at(start)
            link_stack.append((str(child.attrs.get("href", "")), length, line, column))
        elif child.type == "link_close" and link_stack:
            href, text_start, line, column = link_stack.pop()
            link_text = "".join(text)[text_start:]
            page.links.append(Link(link_text, href, body_start + line, column + 1, block_index))
            close = raw.find(")", cursor)
            if close >= 0 and raw.startswith("](", cursor):
                cursor = close + 1
        elif child.type == "image":
            start = locate("![")
            line, column = positions.at(start)
            src = str(child.attrs.get("src", ""))
            alt = child.content
            page.images.append(Image(alt, src, body_start + line, column + 1))
            if alt.strip():
                alt_at = raw.find(alt, start)
                alt_line, alt_col = positions.at(alt_at if alt_at >= 0 else start)
                alt_blocks.append(
                    ProseBlock(
                        "alt-text",
                        alt,
                        body_start + alt_line,
                        (Segment(0, body_start + alt_line, alt_col + 1),),
                    )
                )
            close = raw.find(")", cursor)
            if close >= 0:
                cursor = close + 1
        elif child.type == "html_inline":
            at = locate(child.content)
            line, _ = positions.at(at)
            page.html.append(HtmlFragment(child.content, body_start + line, inline=True))
    plain = "".join(text)
    if kind == "heading":
        plain = _HEADING_ATTRS.sub("", plain)
    first_line = segments[0].line if segments else body_start + positions.lines[0]
    level = heading_level if kind == "heading" else 0
    # An empty block is kept when it holds links (an image-only link still needs a text).
    if plain.strip() or page.links and page.links[-1].block == block_index:
        page.blocks.append(ProseBlock(kind, plain, first_line, tuple(segments), level))
    page.blocks.extend(alt_blocks)
