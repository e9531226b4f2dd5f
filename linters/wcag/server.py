"""A small web server for the built site, on 127.0.0.1, started and stopped by the audit.

Nobody has to start a server first: the audit serves `site/` on a free port
for as long as it runs. It answers like a static host (404 with the site's
own 404 page), logs nothing, and also serves the axe-core script under a
fixed path, so Chromium caches its compiled code between pages.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

AXE_PATH = "/__webredactie__/axe.min.js"


class _Handler(http.server.SimpleHTTPRequestHandler):
    axe_source: bytes = b""
    # Text as UTF-8, as static hosts send a MkDocs site (and W3C its ACT test cases):
    # without a charset Chromium reads a page without <meta charset> as windows-1252.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".htm": "text/html; charset=utf-8",
        ".xhtml": "application/xhtml+xml; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".txt": "text/plain; charset=utf-8",
        ".svg": "image/svg+xml; charset=utf-8",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: the audit's report is the only output."""

    def end_headers(self) -> None:
        # A built site does not change during a run: let Chromium keep what it loaded
        # (theme scripts, styles, axe) instead of asking again for every page.
        self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()

    def do_GET(self) -> None:
        if self.path.split("?")[0] == AXE_PATH:
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(self.axe_source)))
            self.end_headers()
            self.wfile.write(self.axe_source)
            return
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._not_found_page()
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def _not_found_page(self) -> Path:
        """The 404 page of the address's language folder (`/en/404.html`), else the site's own."""
        root = Path(self.directory)
        first = self.path.split("?")[0].lstrip("/").split("/", 1)[0]
        if first and "." not in first and (root / first / "404.html").is_file():
            return root / first / "404.html"
        return root / "404.html"


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # Chromium opens several connections at once; the default backlog of 5 drops some.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a connection early (a tab that moves on) is normal, not an error to print."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path | None, axe_source: str = "") -> Iterator[str]:
    """Serve `directory` (or only the axe script) on 127.0.0.1; yield the base URL."""
    handler = type("Handler", (_Handler,), {"axe_source": axe_source.encode("utf-8")})
    root = str(directory) if directory is not None else str(Path.cwd() / ".webredactie-empty")
    server = _Server(("127.0.0.1", 0), partial(handler, directory=root))
    thread = threading.Thread(target=server.serve_forever, name="webredactie-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
