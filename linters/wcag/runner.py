"""The browser pool: one Chromium, one reusable tab per worker, a time limit per page.

Why this shape (DESIGN.md, "Accessibility audit"): injecting axe costs time
per page, so each worker keeps its tab and navigates it from page to page;
pa11y-ci's throw-away contexts failed pages with protocol errors. A page
that times out or crashes its tab is tried once more in a fresh tab; after
that it is "not checked", which the audit reports as an error, never as a
pass. When the whole browser dies it is started again and the run goes on.
Every result is handed to `on_result` as soon as it exists, so nothing that
was checked is lost when something later goes wrong.

Every kind of page a site serves gets a result. HTML and XHTML get axe-core
in a script tag (cached between pages); a standalone SVG document has no
<head> for a script tag, so axe is evaluated in it instead. A page that
navigates away by itself (meta refresh, a script) is held: the audit checks
the page as it was served and records where it wanted to go. Anything else
(PDF, XML, images) is "not a web page", a result of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from linters.wcag import behaviour
from linters.wcag.browser import LAUNCH_ARGS

PAGE_SCRIPT = resources.files("linters.wcag").joinpath("page.js").read_text(encoding="utf-8")
VIEWPORT = {"width": 1280, "height": 1024}
# A tab's renderer grows with every page it shows (about 4 MiB a Material page);
# a fresh tab after this many pages keeps a 200-page run under 1.5 GiB.
RECYCLE_AFTER = 30
# Hosts Chromium always reaches directly; every other host goes through the
# blocking proxy (see BrowserPool), except the hosts of the pages audited.
LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
# The same hosts as `urlsplit(...).hostname` gives them (no brackets).
LOOPBACK_NAMES = frozenset(host.strip("[]") for host in LOOPBACK)
_CLOSE_TIMEOUT = 5.0
# Documents the audit checks; any other content type is "not a web page".
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "image/svg+xml"})


@dataclass(frozen=True)
class PageOptions:
    """How to audit one page; pa11y-ci's per-URL settings map onto these."""

    timeout: float = 30.0
    wait: float = 0.0
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """One page to audit."""

    url: str
    options: PageOptions = PageOptions()


@dataclass
class PageResult:
    """What happened on one page: axe's results and our own observations, or why it failed."""

    target: Target
    checked: bool
    error: str = ""
    status: int | None = None
    data: dict[str, Any] = field(default_factory=dict)
    third_party: list[str] = field(default_factory=list)
    broken: list[tuple[str, int]] = field(default_factory=list)
    attempts: int = 0
    seconds: float = 0.0
    # The document's content type; outside PAGE_TYPES the page is "not a web page" and has no data.
    content_type: str = "text/html"
    # Where the page tried to go by itself after it loaded (meta refresh, script), with
    # the seconds after loading; the navigation was held, so the page checked is the one served.
    redirects: list[tuple[str, float]] = field(default_factory=list)

    @property
    def is_page(self) -> bool:
        """Whether the address served a document the engines can check."""
        return self.content_type in PAGE_TYPES


class PageFailure(Exception):
    """A page that cannot be audited; the message is for people (Dutch)."""


def _link_texts() -> dict[str, str]:
    from linters.wcag.link_texts import for_browser

    return for_browser()


def _language_words() -> dict[str, list[str]]:
    from linters.wcag.data import load

    data = load("languages")
    return {"nl": list(data["nl"]), "en": list(data["en"])}


@dataclass
class RunnerSettings:
    """Browser-wide settings of one run."""

    executable: Path
    axe_source: str
    tags: tuple[str, ...]
    concurrency: int = 2
    axe_url: str | None = None
    # The expression per language that judges link texts (linters/wcag/link_texts.py).
    link_texts: dict[str, str] = field(default_factory=_link_texts)
    language_words: dict[str, list[str]] = field(default_factory=_language_words)
    settle: float = 2.0
    extra_args: tuple[str, ...] = ()
    # The built site's public address (site_url) and folder: requests the theme
    # makes to its own public address are answered from the folder, as the host would.
    site_origin: str | None = None
    site_dir: Path | None = None
    # A test seam that runs after navigation; the real run leaves it unset.
    after_load: Callable[[Any, Target], Any] | None = None


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class _Tab:
    """One worker's tab, and what it saw during the current page."""

    def __init__(self, page: Any, site_origin: str | None, site_dir: Path | None) -> None:
        self.page = page
        self.crashed = False
        self.origin = ""
        self.site_origin = site_origin
        self.site_dir = site_dir
        self.since = 0.0
        self.pages = 0
        self.third_party: list[str] = []
        self.broken: list[tuple[str, int]] = []
        self.content_type = ""
        self.redirects: list[tuple[str, float]] = []
        self._cdp: Any = None
        self._main_frame = ""
        self._served = False
        self._loaded_at = 0.0
        page.on("crash", self._on_crash)
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def _on_crash(self, *_: Any) -> None:
        self.crashed = True

    def _current(self, request: Any) -> bool:
        # A reused tab still hears late answers to the previous page's requests.
        started = request.timing.get("startTime", 0) if request.timing else 0
        return not (started and started < self.since)

    def _third_party(self, url: str) -> bool:
        """Another host than the page's, the site's public address and this machine (the audit's own servers)."""
        return (
            url.startswith("http")
            and _host(url) not in (self.origin, self.site_origin)
            and urlsplit(url).hostname not in LOOPBACK_NAMES
        )

    def _foreign(self, url: str) -> None:
        if url not in self.third_party:
            self.third_party.append(url)

    async def hold_navigations(self) -> None:
        """From now on, hold every navigation of the main frame after its document was served.

        Through the DevTools protocol's Fetch domain, for documents only: the
        page's other requests keep Chromium's cache (Playwright's request
        routing would turn it off). An aborted navigation leaves the current
        document in place, so a meta refresh cannot take the page away mid-audit.
        """
        self._cdp = await self.page.context.new_cdp_session(self.page)
        tree = await self._cdp.send("Page.getFrameTree")
        self._main_frame = tree["frameTree"]["frame"]["id"]
        self._cdp.on("Fetch.requestPaused", self._on_document_request)
        await self._cdp.send("Fetch.enable", {"patterns": [{"resourceType": "Document", "requestStage": "Request"}]})

    async def _on_document_request(self, event: dict[str, Any]) -> None:
        held = event.get("frameId") == self._main_frame and self._served
        try:
            if held:
                after = time.monotonic() - self._loaded_at if self._loaded_at else 0.0
                self.redirects.append((str(event["request"]["url"]), round(after, 1)))
                await self._cdp.send("Fetch.failRequest", {"requestId": event["requestId"], "errorReason": "Aborted"})
            else:
                await self._cdp.send("Fetch.continueRequest", {"requestId": event["requestId"]})
        except Exception:  # noqa: BLE001 - the tab closed meanwhile: nothing to continue
            pass

    def loaded(self) -> None:
        """The page's load event has fired: redirects are timed from here."""
        self._loaded_at = time.monotonic()

    def _on_response(self, response: Any) -> None:
        request = response.request
        if request.is_navigation_request() and response.frame == self.page.main_frame and self.origin:
            # The main document (after any HTTP redirects) has arrived: later navigations are held.
            if not 300 <= response.status < 400:
                self._served = True
                self.content_type = (response.headers.get("content-type") or "").split(";")[0].strip().lower()
        if not self.origin or not self._current(response.request):
            return
        if self._third_party(response.url):
            self._foreign(response.url)  # another audited host: reached, but still a third party here
        elif (
            response.status >= 400
            and response.request.resource_type != "document"
            and _host(response.url) in (self.origin, self.site_origin)
        ):
            self.broken.append((response.url, response.status))

    def _on_request_failed(self, request: Any) -> None:
        """Requests to other hosts fail at the blocking proxy: record them."""
        if not self.origin or not self._current(request):
            return
        if self._third_party(request.url):
            self._foreign(request.url)
        elif _host(request.url) == self.site_origin and self.site_dir is not None:
            # The site's own public address (the theme asks it for sitemap.xml): the
            # host would answer from the built folder, so only a missing file is broken.
            if not _in_folder(self.site_dir, urlsplit(request.url).path):
                self.broken.append((request.url, 404))

    def reset(self, url: str) -> None:
        self.since = time.time() * 1000
        self.origin = _host(url)
        self.third_party = []
        self.broken = []
        self.content_type = ""
        self.redirects = []
        self._served = False
        self._loaded_at = 0.0


def _in_folder(folder: Path, path: str) -> bool:
    """Whether a web path is a file of the built site (a folder means its index.html)."""
    file = (folder / path.lstrip("/")).resolve()
    if file.is_dir():
        file = file / "index.html"
    return file.is_relative_to(folder.resolve()) and file.is_file()


@contextlib.contextmanager
def blocking_proxy() -> Iterator[str]:
    """The address of a proxy that refuses every connection, for as long as the run lasts.

    A socket bound to a free loopback port but never listening: Chromium's
    connection is refused at once, and no other program can take the port.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


class BrowserPool:
    """Runs the audit of many pages in one browser, `concurrency` tabs at a time."""

    def __init__(self, settings: RunnerSettings, hosts: Sequence[str] = ()) -> None:
        self.settings = settings
        # Reached directly: loopback and the hosts of the audited pages.
        self.direct = tuple(dict.fromkeys((*LOOPBACK, *hosts)))
        self._proxy = contextlib.ExitStack()
        self._proxy_url = ""
        self._playwright: Any = None
        self._browser: Any = None
        self._context: Any = None
        self._generation = 0
        self._lock = asyncio.Lock()
        self.restarts = 0
        self.browser_version = ""

    async def __aenter__(self) -> BrowserPool:
        from playwright.async_api import async_playwright

        self._proxy_url = self._proxy.enter_context(blocking_proxy())
        self._playwright = await async_playwright().start()
        await self._start_browser()
        return self

    async def __aexit__(self, *_: Any) -> None:
        try:
            if self._browser is not None:
                await asyncio.wait_for(self._browser.close(), _CLOSE_TIMEOUT)
        except Exception:  # noqa: BLE001 - closing a dead browser must not hide the results
            pass
        if self._playwright is not None:
            await self._playwright.stop()
        self._proxy.close()

    async def _start_browser(self) -> None:
        # Third parties are stopped by a proxy that refuses every connection, not
        # by intercepting requests: Playwright's request routing turns off the
        # HTTP cache, and then every tab fetched and compiled axe and the theme
        # again for every page (a quarter more CPU per page).
        self._browser = await self._playwright.chromium.launch(
            executable_path=str(self.settings.executable),
            headless=True,
            args=[*LAUNCH_ARGS, *self.settings.extra_args],
            proxy={"server": self._proxy_url, "bypass": ",".join(self.direct)},
        )
        self.browser_version = self._browser.version
        # One context for all tabs: they share the HTTP cache, so axe's compiled code is reused.
        self._context = await self._browser.new_context(
            viewport=VIEWPORT, bypass_csp=True, service_workers="block", locale="nl-NL"
        )
        self._context.set_default_timeout(30_000)
        self._generation += 1

    async def _new_tab(self) -> _Tab:
        if self._browser is None or not self._browser.is_connected():
            await self._restart(self._generation)
        page = await self._context.new_page()
        tab = _Tab(page, self.settings.site_origin, self.settings.site_dir)
        await tab.hold_navigations()
        return tab

    async def _drop_tab(self, tab: _Tab) -> None:
        try:
            await asyncio.wait_for(tab.page.close(run_before_unload=False), _CLOSE_TIMEOUT)
        except Exception:  # noqa: BLE001 - the tab may already be gone with its renderer
            pass

    async def _restart(self, seen_generation: int) -> None:
        async with self._lock:
            if self._generation != seen_generation and self._browser is not None and self._browser.is_connected():
                return  # another worker restarted it already
            try:
                if self._browser is not None:
                    await asyncio.wait_for(self._browser.close(), _CLOSE_TIMEOUT)
            except Exception:  # noqa: BLE001 - it is dead; we start a new one
                pass
            self.restarts += 1
            await self._start_browser()

    async def _audit(self, tab: _Tab, target: Target) -> PageResult:
        tab.reset(target.url)
        page = tab.page
        try:
            response = await page.goto(target.url, wait_until="load", timeout=target.options.timeout * 1000)
        except Exception:
            if tab.content_type and tab.content_type not in PAGE_TYPES:
                # A file the browser downloads instead of showing (a PDF in some Chromium builds).
                return PageResult(target, True, content_type=tab.content_type)
            raise
        tab.loaded()
        status = response.status if response is not None else None
        if status is not None and status >= 400:
            raise PageFailure(f"de pagina gaf HTTP-status {status}")
        content_type = tab.content_type or "text/html"
        if content_type not in PAGE_TYPES:
            return PageResult(target, True, status=status, content_type=content_type)
        if self.settings.after_load is not None:
            await self.settings.after_load(page, target)
        await self._inject_axe(page)
        options = {
            "linkTexts": self.settings.link_texts,
            "languageWords": self.settings.language_words,
            "tags": list(self.settings.tags),
            "exclude": list(target.options.exclude),
            "settleMs": int(self.settings.settle * 1000),
            "waitMs": int(target.options.wait * 1000),
        }
        data = await page.evaluate(PAGE_SCRIPT, options)
        # Last: our own checks resize, focus and restyle the page the engines have read.
        data["behaviour"] = await behaviour.observe(page, VIEWPORT)
        return PageResult(
            target,
            True,
            status=status,
            data=data,
            third_party=list(tab.third_party),
            broken=list(tab.broken),
            content_type=content_type,
            redirects=list(tab.redirects),
        )

    async def _inject_axe(self, page: Any) -> None:
        """axe-core into the page and its frames (axe checks a frame's content only when axe is in it).

        A script tag from the audit's own server lets Chromium reuse its compiled
        axe from page to page. A document without a <head> (a standalone SVG)
        cannot take a script tag, so there the source is evaluated.
        """
        for frame in page.frames:
            if frame.is_detached() or frame.url.startswith("chrome-error:"):
                continue
            try:
                if not await frame.evaluate("() => document.head !== null && document.head !== undefined"):
                    await frame.evaluate(self.settings.axe_source)
                elif self.settings.axe_url:
                    await frame.add_script_tag(url=self.settings.axe_url)
                else:
                    await frame.add_script_tag(content=self.settings.axe_source)
            except Exception:
                # A frame that went away or refuses scripts: axe reports it as not tested.
                if frame == page.main_frame:
                    raise

    async def _worker(self, queue: asyncio.Queue[Target], on_result: Callable[[PageResult], None]) -> None:
        tab: _Tab | None = None
        try:
            while True:
                try:
                    target = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                errors: list[str] = []
                started = time.monotonic()
                result: PageResult | None = None
                if tab is not None and tab.pages >= RECYCLE_AFTER:
                    await self._drop_tab(tab)
                    tab = None
                for attempt in (1, 2):
                    if tab is None:
                        tab = await self._new_tab()
                    tab.pages += 1
                    generation = self._generation
                    try:
                        # The page's own time limit plus room for axe on a slow page.
                        limit = target.options.timeout + target.options.wait + self.settings.settle + 30
                        result = await asyncio.wait_for(self._audit(tab, target), limit)
                        result.attempts = attempt
                        break
                    except PageFailure as err:
                        errors.append(str(err))
                        result = PageResult(target, False, error=str(err), attempts=attempt)
                        break  # an HTTP error does not get better by trying again
                    except TimeoutError:
                        errors.append(f"geen antwoord binnen {target.options.timeout:g} seconden")
                    except Exception as err:  # noqa: BLE001 - any browser error: fresh tab, one retry
                        crashed = tab.crashed or "crash" in str(err).lower()
                        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
                        if crashed:
                            errors.append("het tabblad liep vast (crash)")
                        elif "Timeout" in first:
                            errors.append(f"geen antwoord binnen {target.options.timeout:g} seconden")
                        else:
                            errors.append(first)
                    await self._drop_tab(tab)
                    tab = None
                    if self._browser is None or not self._browser.is_connected():
                        await self._restart(generation)
                if result is None:
                    result = PageResult(target, False, error="; ".join(errors), attempts=2)
                result.seconds = time.monotonic() - started
                on_result(result)
        finally:
            if tab is not None:
                await self._drop_tab(tab)

    async def run(self, targets: Sequence[Target], on_result: Callable[[PageResult], None]) -> None:
        """Audit every target; results go to `on_result` one by one, in the order they finish."""
        queue: asyncio.Queue[Target] = asyncio.Queue()
        for target in targets:
            queue.put_nowait(target)
        workers = max(1, min(self.settings.concurrency, len(targets)))
        await asyncio.gather(*(self._worker(queue, on_result) for _ in range(workers)))


def run_pages(
    settings: RunnerSettings,
    targets: Sequence[Target],
    on_result: Callable[[PageResult], None] | None = None,
) -> tuple[list[PageResult], dict[str, Any]]:
    """Audit the targets; return every page's result and facts about the run (browser, restarts)."""
    results: list[PageResult] = []

    def keep(result: PageResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    facts: dict[str, Any] = {}

    async def main() -> None:
        hosts = [urlsplit(t.url).hostname for t in targets]
        async with BrowserPool(settings, [h for h in hosts if h]) as pool:
            try:
                await pool.run(targets, keep)
            finally:
                facts.update({"browser": pool.browser_version, "restarts": pool.restarts})

    asyncio.run(main())
    return results, facts
