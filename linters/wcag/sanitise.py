"""The one sanitiser of published HTML: what the checks refuse never reaches a visitor.

The checks read a page with markdown-it-py, MkDocs renders it with
Python-Markdown, and the two disagree on edge cases: under an unclosed
`<!--` markdown-it-py sees one long comment, Python-Markdown escapes the
`<!--` and publishes the `<script>` below it. So what must never be published
is judged on the rendered HTML, with the same rules as the source checks:

- no `<script>`, `<style>`, `<iframe>`, `<object>`, `<embed>` or other element
  that is not on the reviewed list (`data/html_allowlist.yml`: what editors may
  write, plus what Markdown itself renders);
- no event handler attribute (`onclick`, `onerror`, ...) and no attribute that
  is not on the list;
- no `javascript:`, `vbscript:` or `data:` address, read as a browser reads it;
- nothing that makes the browser fetch from another host (an image, video,
  audio, track, poster), unless the statute lists that host as reviewed.

`sanitise` rebuilds a fragment (the page content) from the tags it allows,
so what a browser parses is exactly what was judged. `scrub_page` looks at a
whole published page (theme included): it cuts out any script that is not the
theme's own, event handlers, script addresses and third-party requests,
wherever they come from (a page variable in a template, a plugin). Each
removal is reported; the build fails strict on any.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from linters.core.finding import Message
from linters.core.urls import is_third_party, parse
from linters.wcag.data import load

# Elements whose whole content goes with them: a browser does not show it as text.
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "textarea",
        "title",
        "xmp",
        "svg",
        "math",
        "select",
        "head",
    }
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Attributes that hold an address the browser follows or loads.
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "poster", "cite", "action", "formaction", "data", "background", "longdesc", "xlink:href"}
)
# Attributes that make the browser fetch by itself (a link only goes when clicked).
_LOADING_ATTRIBUTES = frozenset({"src", "poster", "data", "background", "srcset"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Python-Markdown's tables write column alignment as a style; nothing else may.
_TABLE_ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")
_DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser took out of the HTML, and why."""

    kind: str
    element: str
    attribute: str = ""
    value: str = ""

    def message(self) -> Message:
        """What was removed and what to do, in Dutch (B1) and English."""
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        tag = f"<{self.element}>"
        texts = {
            "script": (
                f"Er staat een {tag} in de pagina. Dat wordt niet gepubliceerd. Haal het weg: scripts horen "
                "in het thema, nagekeken.",
                f"There is a {tag} in the page. It is not published. Remove it: scripts belong in the theme.",
            ),
            "element": (
                f"Het HTML-element {tag} staat niet op de lijst van toegestane HTML. Het wordt niet "
                "gepubliceerd. Schrijf het in Markdown, of vraag de webredactie om het na te kijken.",
                f"The HTML element {tag} is not on the allowlist and is not published. Write it in Markdown, "
                "or ask the web team to review it.",
            ),
            "event-handler": (
                f"Het attribuut '{self.attribute}' op {tag} is een script. Het wordt niet gepubliceerd. Haal het weg.",
                f"The attribute '{self.attribute}' on {tag} is a script. It is not published. Remove it.",
            ),
            "script-link": (
                f"Het adres '{value}' in '{self.attribute}' op {tag} start een script of opent geen webpagina. "
                "Het wordt niet gepubliceerd. Link naar een pagina.",
                f"The address '{value}' in '{self.attribute}' on {tag} runs a script or is not a web page. "
                "It is not published. Link to a page.",
            ),
            "attribute": (
                f"Het attribuut '{self.attribute}' op {tag} staat niet op de lijst van toegestane HTML. "
                "Het wordt niet gepubliceerd.",
                f"The attribute '{self.attribute}' on {tag} is not on the allowlist. It is not published.",
            ),
            "third-party": (
                f"{tag} laadt iets van een andere website ({value}). Dat wordt niet gepubliceerd: de site "
                "stuurt bezoekers niet naar andere partijen. Zet het bestand op de eigen site.",
                f"{tag} loads something from another website ({value}). It is not published: the site sends "
                "visitors to no third party. Put the file on the site itself.",
            ),
        }
        nl, en = texts[self.kind]
        return Message(nl, en)


@dataclass(frozen=True)
class Sanitised:
    """The HTML that may be published, and what had to be taken out to get it."""

    html: str
    removals: tuple[Removal, ...] = ()

    @property
    def changed(self) -> bool:
        """True when something was taken out (a strict build refuses the page)."""
        return bool(self.removals)


@dataclass(frozen=True)
class Policy:
    """What may be published: elements with their attributes, and the hosts a page may load from."""

    elements: Mapping[str, frozenset[str]]
    global_attributes: frozenset[str]
    global_prefixes: tuple[str, ...]
    own_domain: str = ""
    reviewed_hosts: frozenset[str] = frozenset()
    # Inline scripts of the theme, as patterns (see `theme_script_patterns`); only `scrub_page` reads them.
    theme_scripts: tuple[re.Pattern[str], ...] = field(default=())

    def allows_host(self, host: str) -> bool:
        """True for a third-party host the statute lists as a reviewed exception."""
        return host in self.reviewed_hosts

    def with_theme(self, patterns: Iterable[re.Pattern[str]]) -> Policy:
        """The same policy, trusting these inline scripts of the theme."""
        return Policy(
            self.elements,
            self.global_attributes,
            self.global_prefixes,
            self.own_domain,
            self.reviewed_hosts,
            tuple(patterns),
        )


@functools.cache
def _lists() -> tuple[dict[str, frozenset[str]], frozenset[str], tuple[str, ...]]:
    data = load("html_allowlist")
    elements: dict[str, set[str]] = {}
    for section in ("elements", "markdown"):
        for name, attrs in (data.get(section) or {}).items():
            elements.setdefault(str(name), set()).update(str(a) for a in (attrs or ()))
    return (
        {k: frozenset(v) for k, v in elements.items()},
        frozenset(str(a) for a in data["global_attributes"]),
        tuple(str(p) for p in data["global_prefixes"]),
    )


def make_policy(own_domain: str = "", reviewed_hosts: Iterable[str] = ()) -> Policy:
    """The policy of the allowlist, for a site on this domain (`site_domain`) with these reviewed hosts."""
    elements, global_attributes, prefixes = _lists()
    own = own_domain.lower().rstrip(".")
    reviewed = frozenset(h.lower().rstrip(".") for h in reviewed_hosts if h)
    return Policy(elements, global_attributes, prefixes, own, reviewed)


def unsafe_scheme(value: str, base: str) -> str | None:
    """The scheme of an address that is not a web, mail or phone address (`javascript`), else None.

    Read as a browser reads it: `java&#9;script:` and ` JavaScript:` are
    `javascript:` too (the HTML parser has already decoded the entities).
    """
    parsed = parse(value, base or "https://example.invalid/")
    if parsed is None:
        # A browser does not follow it; only a scheme-like start is suspicious.
        head = re.sub(r"[\t\n\r]", "", value).strip().split(":", 1)
        return head[0].lower() if len(head) == 2 and head[0].isalpha() else None
    return None if parsed.scheme in _SAFE_SCHEMES else parsed.scheme


def _srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def _attribute_problem(
    element: str, name: str, value: str, policy: Policy, page_url: str, *, allowlist: bool
) -> Removal | None:
    """Why one attribute may not be published, or None when it may."""
    if name.startswith("on"):
        return Removal("event-handler", element, name, value)
    if name in _URL_ATTRIBUTES or name == "srcset":
        urls = _srcset_urls(value) if name == "srcset" else [value]
        for url in urls:
            scheme = unsafe_scheme(url, page_url)
            if scheme is not None:
                return Removal("script-link", element, name, url)
            if name in _LOADING_ATTRIBUTES:
                host = is_third_party(url, page_url, policy.own_domain)
                if host is not None and not policy.allows_host(host):
                    return Removal("third-party", element, name, host)
    if not allowlist:
        return None
    if name == "style" and element in ("th", "td") and _TABLE_ALIGN.match(value):
        return None
    if name in policy.global_attributes or name.startswith(policy.global_prefixes):
        return None
    if name in policy.elements.get(element, frozenset()):
        return None
    return Removal("attribute", element, name, value)


def _start_tag(element: str, attrs: Sequence[tuple[str, str | None]]) -> str:
    parts = [element]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


class _Rebuilder(HTMLParser):
    """Rebuilds a fragment from allowed tags only; text is escaped again, comments are left out."""

    def __init__(self, policy: Policy, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.page_url = page_url
        self.out: list[str] = []
        self.removals: list[Removal] = []
        self.open: list[str] = []
        # While > 0, everything is inside an element that goes with its content.
        self.dropping: list[str] = []

    def _remove(self, removal: Removal) -> None:
        self.removals.append(removal)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag == self.dropping[-1] and tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT or tag not in self.policy.elements:
            self._remove(Removal("script" if tag == "script" else "element", tag))
            if tag in _DROP_WITH_CONTENT and tag not in _VOID:
                self.dropping.append(tag)
            return
        kept: list[tuple[str, str | None]] = []
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value or "", self.policy, self.page_url, allowlist=True)
            if problem is None:
                kept.append((name, value))
            else:
                self._remove(problem)
        self.out.append(_start_tag(tag, kept))
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.dropping and self.open and self.open[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in self.open:
            return
        # Close what is still open inside it, so the fragment stays balanced.
        while self.open:
            name = self.open.pop()
            self.out.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    def close(self) -> None:
        super().close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")


def sanitise(fragment: str, policy: Policy, page_url: str = "") -> Sanitised:
    """The publishable form of an HTML fragment (a page's rendered content), and what was removed.

    The result is rebuilt from what the parser saw, so the browser reads
    exactly what was judged. Comments, `<!DOCTYPE>` and processing
    instructions are left out without a report (they show nothing).
    """
    rebuilder = _Rebuilder(policy, page_url)
    rebuilder.feed(fragment)
    rebuilder.close()
    return Sanitised("".join(rebuilder.out), tuple(rebuilder.removals))


def escape_text(value: str) -> str:
    """Text (a front-matter title or description) as HTML that shows exactly that text."""
    return html.escape(value, quote=True)


# ---------------------------------------------------------------------------
# The whole page, theme included.


def theme_script_patterns(templates: Iterable[str]) -> list[re.Pattern[str]]:
    """Patterns for the inline scripts written in the theme's templates (Jinja source).

    A `{{ expression }}` in a script may become any text without quotes,
    backslashes or angle brackets: enough for the paths the theme puts there,
    never enough to leave a string. A script with `{% ... %}` logic is not
    trusted (no theme script has one today; a new one shows as a removal).
    """
    patterns: list[re.Pattern[str]] = []
    for source in templates:
        for match in re.finditer(r"<script(?:\s[^>]*)?>(.*?)</script>", source, re.S):
            body = match.group(1)
            if not body.strip() or "{%" in body or "{#" in body:
                continue
            pieces = re.split(r"\{\{.*?\}\}", body, flags=re.S)
            regex = r"[^\"'<>\\\n]*".join(re.escape(piece) for piece in pieces)
            patterns.append(re.compile(regex, re.S))
    return patterns


class _Scanner(HTMLParser):
    """Finds what may not be published in a whole page, as edits on the original text."""

    def __init__(self, text: str, policy: Policy, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.policy = policy
        self.page_url = page_url
        # HTMLParser counts lines by "\n" only (splitlines would also split at form feeds and U+2028).
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.edits: list[tuple[int, int, str]] = []
        self.removals: list[Removal] = []
        self.script: tuple[int, list[tuple[str, str | None]]] | None = None
        self.script_text: list[str] = []
        self.dropping: tuple[str, int, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or ""
        start = self._offset()
        if self.dropping is not None:
            name, depth, begin = self.dropping
            if tag == name:
                self.dropping = (name, depth + 1, begin)
            return
        if tag == "script":
            self.script = (start, attrs)
            self.script_text = []
            return
        if tag in _DROP_WITH_CONTENT - {"svg", "title", "noscript", "head", "select", "textarea", "template", "style"}:
            # iframe, object, embed-like containers: only from a reviewed host and when the list allows them.
            if not self._reviewed_embed(tag, attrs):
                self.removals.append(Removal("element", tag))
                self.dropping = (tag, 1, start)
                return
        if tag in ("embed", "base") or (
            tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs)
        ):
            if not self._reviewed_embed(tag, attrs):
                self.removals.append(Removal("element", tag))
                self.edits.append((start, start + len(raw), ""))
                return
        kept: list[tuple[str, str | None]] = []
        changed = False
        for name, value in attrs:
            if tag == "link" and name == "href":
                rel = next((v or "" for n, v in attrs if n == "rel"), "").lower()
                loads = any(word in rel.split() for word in ("stylesheet", "preload", "prefetch", "icon", "manifest"))
                problem = self._link_problem(value or "") if loads else None
            else:
                problem = _attribute_problem(tag, name, value or "", self.policy, self.page_url, allowlist=False)
            if problem is None:
                kept.append((name, value))
            else:
                changed = True
                self.removals.append(problem)
        if changed:
            rebuilt = _start_tag(tag, kept)
            if raw.rstrip().endswith("/>"):
                rebuilt = rebuilt[:-1] + " />"
            self.edits.append((start, start + len(raw), rebuilt))

    def _link_problem(self, value: str) -> Removal | None:
        host = is_third_party(value, self.page_url, self.policy.own_domain)
        if host is not None and not self.policy.allows_host(host):
            return Removal("third-party", "link", "href", host)
        if unsafe_scheme(value, self.page_url) is not None:
            return Removal("script-link", "link", "href", value)
        return None

    def _reviewed_embed(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> bool:
        if tag not in self.policy.elements:
            return False
        for name, value in attrs:
            if _attribute_problem(tag, name, value or "", self.policy, self.page_url, allowlist=True) is not None:
                return False
        return True

    def handle_endtag(self, tag: str) -> None:
        end = self._offset()
        if self.dropping is not None:
            name, depth, begin = self.dropping
            if tag == name:
                if depth == 1:
                    close = self.text.find(">", end)
                    self.edits.append((begin, close + 1 if close >= 0 else len(self.text), ""))
                    self.dropping = None
                else:
                    self.dropping = (name, depth - 1, begin)
            return
        if tag == "script" and self.script is not None:
            start, attrs = self.script
            close = self.text.find(">", end)
            stop = close + 1 if close >= 0 else len(self.text)
            problem = self._script_problem(attrs, "".join(self.script_text))
            if problem is not None:
                self.removals.append(problem)
                self.edits.append((start, stop, ""))
            self.script = None

    def _script_problem(self, attrs: Sequence[tuple[str, str | None]], body: str) -> Removal | None:
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                return Removal("event-handler", "script", name, value or "")
        kind = values.get("type", "").strip().lower()
        if kind in _DATA_SCRIPT_TYPES:
            return None
        if "src" in values:
            src = values["src"]
            if unsafe_scheme(src, self.page_url) is not None:
                return Removal("script-link", "script", "src", src)
            host = is_third_party(src, self.page_url, self.policy.own_domain)
            if host is not None and not self.policy.allows_host(host):
                return Removal("third-party", "script", "src", host)
            return None if not body.strip() else Removal("script", "script")
        if any(pattern.fullmatch(body) for pattern in self.policy.theme_scripts):
            return None
        return Removal("script", "script", value=body.strip()[:60])

    def handle_data(self, data: str) -> None:
        if self.script is not None:
            self.script_text.append(data)

    def close(self) -> None:
        super().close()
        if self.dropping is not None:
            # Never closed: a browser reads the rest as the element's content too.
            self.edits.append((self.dropping[2], len(self.text), ""))
            self.dropping = None
        if self.script is not None:
            self.removals.append(Removal("script", "script"))
            self.edits.append((self.script[0], len(self.text), ""))
            self.script = None


def scrub_page(page_html: str, policy: Policy, page_url: str = "") -> Sanitised:
    """A whole published page without scripts the theme did not write, handlers, script links or third parties.

    The theme's own markup is kept byte for byte: only what is refused is cut
    out (an element) or rewritten (a start tag without the refused attribute).
    """
    scanner = _Scanner(page_html, policy, page_url)
    scanner.feed(page_html)
    scanner.close()
    if not scanner.edits:
        return Sanitised(page_html, tuple(scanner.removals))
    out = page_html
    for start, stop, replacement in sorted(scanner.edits, key=lambda e: e[0], reverse=True):
        out = out[:start] + replacement + out[stop:]
    return Sanitised(out, tuple(scanner.removals))
