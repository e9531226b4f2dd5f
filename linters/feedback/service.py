"""The feedback service: an ASGI app (Starlette) that the site's forms post to.

Three addresses:

- `POST /feedback`: the two questions at the bottom of every page ("Was deze
  pagina nuttig?" and "Klopt er iets niet?"), plain HTML forms. The answer is
  a redirect (303) to the thank-you page in the page's language.
- `GET/POST /intern/melding`: the KCC form, behind HTTP Basic
  authentication with a password set on the server. Without a password the
  address does not exist.
- `GET /status`: 200 when the database answers (for the reverse proxy,
  systemd and the benchmark).

The order of the checks on a post matters: the cheap ones that need no body
come first (origin, rate, size), so a flood from elsewhere costs nothing.
Every wrong request gets a page in the visitor's language with a 4xx code;
an unexpected fault is a 503 page ("try again later"), never a bare 500.

A remark is on disk before the visitor sees the thank-you page: requests
hand their remark to one writer that commits whatever is waiting in one
transaction (group commit), and each request waits for its own commit. Under
load that turns hundreds of fsyncs into a few, without answering early.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import logging
import re
import secrets
import time
import unicodedata
from collections.abc import AsyncIterator, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import anyio.to_thread
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from linters.feedback.pages import SiteIndex, SitePage, lang_of, normal_path
from linters.feedback.scrub import KINDS, scrub
from linters.feedback.store import CATEGORIES, NewRemark, Store, StoreError
from linters.feedback.texts import CATEGORY_LABELS, ERRORS, KCC, PAGE

log = logging.getLogger("webredactie.feedback")

FORM_PATH = "/feedback"
KCC_PATH = "/intern/melding"
STATUS_PATH = "/status"
# The hidden field people never see and bots fill in. A name that browsers' autofill does not know.
HONEYPOT = "onderwerp"
KCC_USER = "kcc"
SCRUBBED_FRAGMENT = "weggehaald"
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]*>")
_FORM_TYPE = "application/x-www-form-urlencoded"
_KEEP_CONTROLS = {"\n", "\t"}
# Direction overrides and isolates: they could make a remark read differently on the dashboard than it is.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class Settings:
    """How the service behaves; the command line fills it from options, the statute and the environment."""

    origins: frozenset[str]  # scheme://host[:port] that may post (the site's own)
    home: str  # the site's address, for links on error pages
    thanks: Mapping[str, str]  # language -> site path of the thank-you page
    max_body: int = 16 * 1024
    max_text: int = 2000
    max_fields: int = 20
    rate_per_minute: int = 10  # 0 = no limit
    kcc_password: str | None = None
    max_batch: int = 256
    serve_site: Path | None = None  # also serve the built site (a preview or test without a web server)


def origin_of(url: str) -> str | None:
    """scheme://host[:port] of a URL, lower case, default ports left out; None when it has none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


class Problem(Exception):
    """A request that is wrong: its status code and the key of its explanation in `texts.ERRORS`."""

    def __init__(self, status: int, key: str, lang: str | None = None, **values: Any) -> None:
        super().__init__(key)
        self.status, self.key, self.lang, self.values = status, key, lang, values


class RateLimiter:
    """A token bucket per client that never keeps an address.

    A client is known only by a keyed hash of its address, and the key is a
    random secret that lives in memory and is replaced every hour (which
    also forgets every bucket). Nothing about a client reaches the disk.
    """

    def __init__(self, per_minute: int, rotate_after: float = 3600.0, max_clients: int = 100_000) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.rotate_after = rotate_after
        self.max_clients = max_clients
        self._rotate(time.monotonic())

    def _rotate(self, now: float) -> None:
        self._secret = secrets.token_bytes(16)
        self._since = now
        self._buckets: dict[bytes, tuple[float, float]] = {}

    def wait(self, client: str) -> float:
        """Take one post from the client's bucket: 0 when allowed, else the seconds to wait."""
        if self.capacity <= 0:
            return 0.0
        now = time.monotonic()
        if now - self._since > self.rotate_after or len(self._buckets) >= self.max_clients:
            self._rotate(now)
        key = hmac.new(self._secret, client.encode("utf-8", "replace"), hashlib.blake2s).digest()[:12]
        tokens, last = self._buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens - 1.0, now)
        return 0.0


@dataclass
class Writer:
    """One writer that commits waiting remarks together; each caller waits for its own commit."""

    store: Store
    max_batch: int = 256
    queue: asyncio.Queue[tuple[NewRemark, asyncio.Future[int]]] = field(default_factory=asyncio.Queue)
    stored: asyncio.Event = field(default_factory=asyncio.Event)  # set after each commit (wakes the mailer)

    async def submit(self, item: NewRemark) -> int:
        """Store one remark; return its id when the commit is on disk."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        await self.queue.put((item, future))
        return await future

    async def run(self) -> None:
        """Commit batches until cancelled."""
        while True:
            batch = [await self.queue.get()]
            while len(batch) < self.max_batch and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            try:
                ids = await anyio.to_thread.run_sync(self.store.add_many, [item for item, _ in batch])
            except Exception as err:  # noqa: BLE001 - every waiting request must get an answer
                for _, future in batch:
                    if not future.done():
                        future.set_exception(err)
                continue
            for (_, future), remark_id in zip(batch, ids, strict=True):
                if not future.done():
                    future.set_result(remark_id)
            self.stored.set()


def _clean(text: str) -> str:
    """Text as stored: one kind of line end, no control characters (PostgreSQL refuses NUL), trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in _KEEP_CONTROLS or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    ).strip()


class FeedbackApp:
    """The handlers and what they share; `app` is the ASGI application."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        site: SiteIndex,
        department_name: Callable[[str], str],
        background: Sequence[Callable[[Writer], Coroutine[Any, Any, None]]] = (),
    ) -> None:
        self.settings = settings
        self.store = store
        self.site = site
        self.department_name = department_name
        self.background = background
        self.limiter = RateLimiter(settings.rate_per_minute)
        # A page's address in the form is its canonical URL (site_url), which may differ from where it is served.
        self.page_origins = settings.origins | {origin_of(settings.home) or ""}
        self.writer: Writer | None = None
        self.templates = Environment(
            loader=FileSystemLoader(Path(__file__).parent / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
        )
        routes: list[Route | Mount] = [
            Route(FORM_PATH, self.receive, methods=["POST"]),
            Route(STATUS_PATH, self.status, methods=["GET"]),
        ]
        if settings.kcc_password:
            routes.append(Route(KCC_PATH, self.kcc, methods=["GET", "POST"]))
        if settings.serve_site is not None:
            routes.append(Mount("/", StaticFiles(directory=settings.serve_site, html=True)))
        self.app = Starlette(
            routes=routes,
            lifespan=self._lifespan,
            exception_handlers={HTTPException: self._http_error, Exception: self._fault},
        )

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(self.store.create)
        self.writer = Writer(self.store, self.settings.max_batch)
        tasks = [asyncio.create_task(self.writer.run(), name="feedback-writer")]
        tasks += [asyncio.create_task(job(self.writer)) for job in self.background]
        try:
            yield
        finally:
            # Uvicorn runs this after the last request was answered, so the writer has nothing waiting.
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await anyio.to_thread.run_sync(self.store.dispose)

    # -- pages ---------------------------------------------------------------------------------

    def _lang(self, request: Request, fields: Mapping[str, str] | None = None) -> str:
        """The visitor's language: the form's, else its page's, else the page they came from, else Dutch."""
        if fields:
            declared = fields.get("taal", "")
            if declared in ("nl", "en"):
                return declared
            if fields.get("pagina"):
                return lang_of(normal_path(fields["pagina"]))
        referer = request.headers.get("referer")
        if referer:
            return lang_of(urlsplit(referer).path or "/")
        accept = request.headers.get("accept-language", "").lower()
        return "en" if accept.startswith("en") else "nl"

    def _page(
        self,
        status: int,
        key: str,
        lang: str,
        back: str | None = None,
        headers: Mapping[str, str] | None = None,
        **values: Any,
    ) -> HTMLResponse:
        title, explanation = ERRORS[key][lang]
        html = self.templates.get_template("error.html").render(
            lang=lang,
            title=title,
            explanation=explanation.format(**values),
            site=PAGE[lang]["site"],
            words=PAGE[lang],
            back=back,
            home=self.settings.home + ("en/" if lang == "en" else ""),
        )
        all_headers = {"Cache-Control": "no-store", **(headers or {})}
        return HTMLResponse(html, status_code=status, headers=all_headers)

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        lang = self._lang(request)
        if exc.status_code == 405:
            return self._page(405, "method", lang, headers={"Allow": "POST"})
        return self._page(exc.status_code if 400 <= exc.status_code < 500 else 404, "not-found", lang)

    async def _fault(self, request: Request, exc: Exception) -> Response:
        if isinstance(exc, StoreError):
            log.error("database: %s", exc.nl)
        else:
            log.exception("unexpected fault on %s %s", request.method, request.url.path, exc_info=exc)
        return self._page(503, "unavailable", self._lang(request), headers={"Retry-After": "60"})

    # -- checks shared by both forms -----------------------------------------------------------

    def _check_origin(self, request: Request) -> None:
        """Only the site's own pages may post: the Origin header, else the Referer, must be one of ours."""
        origin = request.headers.get("origin")
        if origin is not None and origin != "null":
            seen = origin_of(origin)
        else:
            referer = request.headers.get("referer")
            seen = origin_of(referer) if referer else None
        if seen is None or seen not in self.settings.origins:
            raise Problem(403, "foreign-origin")

    def _check_rate(self, request: Request) -> None:
        # Behind the reverse proxy uvicorn puts the visitor's address here (--forwarded-allow-ips).
        client = request.client.host if request.client else ""
        wait = self.limiter.wait(client)
        if wait > 0:
            raise Problem(429, "too-many", retry_after=str(int(wait) + 1))

    async def _read_form(self, request: Request) -> dict[str, str]:
        content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if content_type != _FORM_TYPE:
            raise Problem(415, "wrong-type")
        limit = self.settings.max_body
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            raise Problem(413 if length.isdigit() else 400, "too-large" if length.isdigit() else "missing")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > limit:
                raise Problem(413, "too-large")
        try:
            pairs = parse_qsl(
                bytes(body).decode("utf-8"),
                keep_blank_values=True,
                encoding="utf-8",
                errors="strict",
                max_num_fields=self.settings.max_fields,
            )
        except UnicodeDecodeError:
            raise Problem(400, "not-readable") from None
        except ValueError:
            raise Problem(400, "wrong-type") from None
        fields: dict[str, str] = {}
        for name, value in pairs:
            if name in fields:
                raise Problem(400, "wrong-type")
            fields[name] = value
        return fields

    def _text(self, fields: Mapping[str, str], name: str = "bericht") -> str:
        text = _clean(fields.get(name, ""))
        if not text:
            raise Problem(400, "empty")
        if len(text) > self.settings.max_text:
            raise Problem(400, "text-too-long", limit=f"{self.settings.max_text:,}".replace(",", "."))
        if _MARKUP.search(text):
            raise Problem(400, "markup")
        return text

    def _site_page(self, value: str) -> SitePage:
        """The page a form names, which must be on the site (its address may carry only our own origin)."""
        if not value or "\x00" in value:
            raise Problem(400, "missing")
        if urlsplit(value).netloc and origin_of(value) not in self.page_origins:
            raise Problem(422, "unknown-page")
        page = self.site.page(normal_path(value))
        if page is None:
            raise Problem(422, "unknown-page")
        return page

    async def _store(self, item: NewRemark) -> int:
        assert self.writer is not None
        return await self.writer.submit(item)

    # -- handlers ------------------------------------------------------------------------------

    async def receive(self, request: Request) -> Response:
        """One of the two questions of a page."""
        fields: dict[str, str] | None = None
        back = None
        try:
            self._check_origin(request)
            self._check_rate(request)
            fields = await self._read_form(request)
            if fields.get(HONEYPOT):
                # Answer as if accepted: a bot that learns nothing does not adapt.
                return RedirectResponse(self.settings.thanks[self._lang(request, fields)], status_code=303)
            page = self._site_page(fields.get("pagina", ""))
            back = page.path
            kind = fields.get("soort", "")
            if kind == "nuttig":
                answer = fields.get("nuttig", "")
                if answer not in ("ja", "nee"):
                    raise Problem(400, "missing")
                item = NewRemark("useful", page.path, page.lang, page.department, page.source, page.title,
                                 useful=answer == "ja")  # fmt: skip
                removed: tuple[str, ...] = ()
            elif kind == "fout":
                cleaned = scrub(self._text(fields))
                removed = cleaned.removed
                item = NewRemark("wrong", page.path, page.lang, page.department, page.source, page.title,
                                 text=cleaned.text, removed=removed)  # fmt: skip
            else:
                raise Problem(400, "missing")
            await self._store(item)
        except Problem as problem:
            return self._problem(request, problem, fields, back)
        target = self.settings.thanks[page.lang]
        return RedirectResponse(target + (f"#{SCRUBBED_FRAGMENT}" if removed else ""), status_code=303)

    def _problem(
        self, request: Request, problem: Problem, fields: Mapping[str, str] | None, back: str | None
    ) -> Response:
        lang = problem.lang or self._lang(request, fields)
        headers = {"Retry-After": problem.values["retry_after"]} if "retry_after" in problem.values else None
        values = {k: v for k, v in problem.values.items() if k != "retry_after"}
        return self._page(problem.status, problem.key, lang, back=back, headers=headers, **values)

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "basic" or not self.settings.kcc_password:
            return False
        try:
            user, _, password = base64.b64decode(value, validate=True).decode("utf-8").partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        expected = self.settings.kcc_password.encode("utf-8")
        return hmac.compare_digest(user.encode("utf-8"), KCC_USER.encode()) & hmac.compare_digest(
            password.encode("utf-8"), expected
        )

    async def kcc(self, request: Request) -> Response:
        """The KCC form: staff report a page that is incomplete, wrong or hard to understand."""
        if not self._authorised(request):
            try:
                # Guessing the password costs the same as posting too often.
                self._check_rate(request)
            except Problem as problem:
                return self._problem(request, problem, None, None)
            return self._page(401, "login", "nl", headers={"WWW-Authenticate": 'Basic realm="KCC", charset="UTF-8"'})
        if request.method == "GET":
            return await self._kcc_form(request)
        try:
            self._check_origin(request)
            fields = await self._read_form(request)
            page = self._site_page(fields.get("pagina", ""))
            category = fields.get("categorie", "")
            if category not in CATEGORIES:
                raise Problem(400, "missing")
            cleaned = scrub(self._text(fields))
            remark_id = await self._store(
                NewRemark(
                    "kcc",
                    page.path,
                    page.lang,
                    page.department,
                    page.source,
                    page.title,
                    category=category,
                    text=cleaned.text,
                    removed=cleaned.removed,
                )  # fmt: skip
            )
        except Problem as problem:
            problem.lang = "nl"
            return self._problem(request, problem, None, KCC_PATH)
        query = f"?opgeslagen={remark_id}" + ("&weggehaald=" + ",".join(cleaned.removed) if cleaned.removed else "")
        return RedirectResponse("melding" + query, status_code=303)

    async def _kcc_form(self, request: Request) -> Response:
        saved = removed = None
        saved_id = request.query_params.get("opgeslagen", "")
        if saved_id.isdigit() and len(saved_id) < 12:
            remark = await anyio.to_thread.run_sync(self.store.get, int(saved_id))
            if remark is not None and remark.kind == "kcc":
                saved = KCC["saved"].format(id=remark.id, department=self.department_name(remark.department))
                if remark.removed:
                    removed = KCC["removed"].format(kinds=", ".join(KINDS[k][1] for k in remark.removed if k in KINDS))
        html = self.templates.get_template("kcc.html").render(
            lang="nl",
            title=KCC["title"],
            site=PAGE["nl"]["site"],
            t=KCC,
            categories=CATEGORY_LABELS,
            max_text=self.settings.max_text,
            saved=saved,
            removed=removed,
        )
        return HTMLResponse(html, headers={"Cache-Control": "no-store"})

    async def status(self, request: Request) -> Response:
        """200 when the database answers, else 503."""
        try:
            await anyio.to_thread.run_sync(self.store.ping)
        except StoreError as err:
            return PlainTextResponse(err.en, status_code=503)
        return PlainTextResponse("ok")
