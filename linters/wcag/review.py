"""`webredactie audit --yearly --review`: a page on 127.0.0.1 where the auditor answers the open questions.

The page shows each success criterion with its question, what the browser
found on the sampled pages (the evidence of the last audit, onderzoek.json),
and a small form: the result, a note, and a result per page. Saving writes
the answer into antwoorden.yml, the same file the next `--yearly` run reads.
The server listens on 127.0.0.1 only and refuses requests whose Host or
Origin is another site, so a web page in the auditor's browser cannot post
answers into the file (DNS rebinding, cross-site forms).
"""

from __future__ import annotations

import json
import threading
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from linters.core.templates import render
from linters.wcag.answers import FAIL, NOT_PRESENT, OPEN, PASS, Answer, Answers, PageAnswer, load_answers, save_answers
from linters.wcag.evidence import for_criterion

CHOICES = ((OPEN, "nog open"), (PASS, "voldoet"), (FAIL, "voldoet niet"), (NOT_PRESENT, "niet van toepassing"))


class ReviewInputError(Exception):
    """The review cannot start (no report yet); the message is for people."""


class ReviewServer:
    """The answers page and its save action, for one report folder."""

    def __init__(self, report_dir: Path, answers_path: Path, today: date) -> None:
        report = report_dir / "onderzoek.json"
        if not report.is_file():
            raise ReviewInputError(
                f"In {report_dir} staat nog geen onderzoek.json. Draai eerst: webredactie audit --yearly"
            )
        self.report: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        self.answers_path = answers_path
        self.today = today
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    def answers(self) -> Answers:
        """The answers as they are in the file now (another editor may have changed it)."""
        return load_answers(self.answers_path, required=False)

    def page(self) -> str:
        """The review page."""
        answers = self.answers()
        evidence = self.report.get("bewijs_per_pagina", {})
        pages = [row["pagina"] for row in self.report.get("resultaat_per_pagina", [])]
        return render(
            "linters.wcag",
            "review.html",
            report=self.report,
            criteria=self.report["criteria"],
            answers=answers.criteria,
            evidence={c["sc"]: for_criterion(c["sc"], evidence) for c in self.report["criteria"]},
            pages=pages,
            choices=CHOICES,
        )

    def save(self, form: dict[str, list[str]]) -> str:
        """Store one criterion's answer from the posted form; return its number."""
        sc = form.get("sc", [""])[0]
        known = {c["sc"] for c in self.report["criteria"]}
        if sc not in known:
            raise ValueError(sc)
        allowed = {value for value, _ in CHOICES}
        result = form.get("resultaat", [OPEN])[0]
        if result not in allowed:
            raise ValueError(result)
        with self.lock:
            answers = self.answers()
            old = answers.criteria.get(sc)
            answer = Answer(result=result, note=form.get("toelichting", [""])[0].strip(), answered=self.today)
            for key, values in form.items():
                if key.startswith("pagina:") and values[0] in allowed and values[0] != OPEN:
                    url = key[len("pagina:") :]
                    screenshot = old.pages[url].screenshot if old is not None and url in old.pages else ""
                    answer.pages[url] = PageAnswer(values[0], form.get(f"notitie:{url}", [""])[0].strip(), screenshot)
            answers.criteria[sc] = answer
            save_answers(answers, self.answers_path, self.today)
        return sc

    def start(self, port: int = 0) -> str:
        """Start serving in a thread; return the address."""
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
                pass

            def _local(self) -> bool:
                host = (self.headers.get("Host") or "").split(":")[0]
                origin = self.headers.get("Origin")
                origin_host = urlsplit(origin).hostname if origin else "127.0.0.1"
                return host in ("127.0.0.1", "localhost") and origin_host in ("127.0.0.1", "localhost")

            def _send(self, status: HTTPStatus, body: str, headers: dict[str, str] | None = None) -> None:
                data = body.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 - the base class names it so
                if not self._local():
                    self._send(HTTPStatus.FORBIDDEN, "Alleen op deze computer.")
                elif urlsplit(self.path).path != "/":
                    self._send(HTTPStatus.NOT_FOUND, "Niet gevonden.")
                else:
                    self._send(HTTPStatus.OK, owner.page())

            def do_POST(self) -> None:  # noqa: N802 - the base class names it so
                if not self._local() or urlsplit(self.path).path != "/opslaan":
                    self._send(HTTPStatus.FORBIDDEN, "Alleen op deze computer.")
                    return
                length = min(int(self.headers.get("Content-Length") or 0), 1_000_000)
                form = parse_qs(self.rfile.read(length).decode("utf-8"), keep_blank_values=True)
                try:
                    sc = owner.save(form)
                except ValueError:
                    self._send(HTTPStatus.BAD_REQUEST, "Dit antwoord klopt niet.")
                    return
                anchor = "sc-" + sc.replace(".", "-")
                self._send(HTTPStatus.SEE_OTHER, "", {"Location": f"/?opgeslagen={sc}#{anchor}"})

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def stop(self) -> None:
        """Stop serving."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
