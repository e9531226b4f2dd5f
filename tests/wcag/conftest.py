"""Fixtures for the browser audit: a loopback server with fixture pages, and Chromium."""

from __future__ import annotations

import http.server
import sys
import threading
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest

from tests.conftest import FIXTURES

PAGES = FIXTURES / "wcag-pages"


class _Handler(http.server.SimpleHTTPRequestHandler):
    stop: threading.Event

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/traag"):
            # A page that never finishes loading: the head arrives, the rest never does
            # (bounded: the handler gives up after 30 s or when the test ends).
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!doctype html><html lang='nl'><head><title>Traag</title></head><body><p>Laden")
            self.wfile.flush()
            self.stop.wait(30)
            return
        super().do_GET()


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # Chromium drops requests it no longer needs (a missing image when the tab moves on);
        # the traceback would land in the stderr of whichever test runs then.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def fixture_server() -> Iterator[str]:
    stop = threading.Event()
    handler = type("Handler", (_Handler,), {"stop": stop})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(PAGES)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    stop.set()
    server.shutdown()
    server.server_close()
