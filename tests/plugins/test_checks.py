"""The checks run inside `mkdocs build` (strict fails on errors, with the list) and `mkdocs serve` (console + panel)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from linters.registry import load_statute
from plugins.checks.session import CheckSession
from tests.plugins.fixture_site import BASE_PAGES, STATUTE, build_site, page, write_site

pytestmark = pytest.mark.build

ERROR_PAGE = page("Fout", owner="onbekend")  # OWN002 unknown-owner, an error


def test_strict_build_fails_on_errors_after_checking_every_page(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "nl/afval/fout.md": ERROR_PAGE, "en/afval/fout.md": page("Wrong", owner="onbekend")}
    built = build_site(tmp_path, pages, ["gemeente/checks"])
    assert built.returncode == 1
    # Every error is listed as path:line:col, Dutch and English pages alike ...
    assert "webredactie: content/nl/afval/fout.md:4:1: error OWN002 unknown-owner:" in built.log
    assert "webredactie: content/en/afval/fout.md:4:1: error OWN002 unknown-owner:" in built.log
    # ... then MkDocs stops, after both languages were built.
    assert "Aborted with 2 warnings in strict mode!" in built.log
    assert (built.site / "en" / "afval" / "fout" / "index.html").is_file()
    assert "Traceback" not in built.log


def test_warnings_are_counted_but_do_not_fail_the_build(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "nl/stil/pagina.md": page("Stil", owner="stil")}
    built = build_site(tmp_path, pages, ["gemeente/checks"])
    assert built.returncode == 0, built.log
    assert "pagina's gecontroleerd: 2 waarschuwingen" in built.log
    assert "diemen-findings" not in built.html("stil/pagina/"), "the panel exists only in serve mode"


def test_bad_input_still_builds_and_the_check_reports_it(tmp_path: Path) -> None:
    """Owner without contact, department without feedback address, counterpart deleted."""
    pages = {
        **BASE_PAGES,
        "nl/stil/pagina.md": page("Stil", owner="stil"),
        "nl/reacties/pagina.md": page("Alleen feedback", owner="alleen-feedback"),
        # The Dutch original of this English page was deleted.
        "en/afval/oud.md": page("Old page"),
    }
    plugins: list[object] = ["gemeente/page-footer", "gemeente/languages", {"gemeente/checks": {"fail_on": "warning"}}]
    built = build_site(tmp_path, pages, plugins, strict=False)
    assert built.returncode == 0, built.log
    log = built.log
    assert "content/nl/stil/pagina.md:4:1: warning CON001 owner-without-contact:" in log
    assert "content/nl/stil/pagina.md:4:1: warning CON002 owner-without-feedback-address:" in log
    assert "content/nl/reacties/pagina.md:4:1: warning CON001 owner-without-contact:" in log
    assert "content/nl/reacties/pagina.md:4:1: warning CON002" not in log
    assert "content/en/afval/oud.md:" in log  # reported by the translation rules
    for url in ("stil/pagina/", "reacties/pagina/", "en/afval/oud/"):
        assert "Over deze pagina" in built.html(url) or "About this page" in built.html(url)


def test_english_messages_and_fail_on_never(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "nl/afval/fout.md": ERROR_PAGE}
    built = build_site(tmp_path, pages, [{"gemeente/checks": {"lang": "en", "fail_on": "never"}}])
    assert built.returncode == 0, built.log
    assert "Checked 7 pages: 1 error" in built.log
    assert "WARNING" not in built.log


def test_disabled_checks_nothing(tmp_path: Path) -> None:
    pages = {**BASE_PAGES, "nl/afval/fout.md": ERROR_PAGE}
    built = build_site(tmp_path, pages, [{"gemeente/checks": {"enabled": False}}])
    assert built.returncode == 0, built.log
    assert "webredactie:" not in built.log


def test_session_checks_only_what_changed_and_its_counterpart(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_site(tmp_path, BASE_PAGES, [])
    statute = load_statute(tmp_path / "redactiestatuut.yml")
    session = CheckSession(content.resolve(), ["nl", "en"])
    sources = sorted(content.rglob("*.md"))
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        first = session.run(sources, statute, date(2026, 11, 22))
        assert len(first) == len(sources)
        assert session.run(sources, statute, date(2026, 11, 22)) == []
        target = content / "nl" / "afval" / "grofvuil.md"
        target.write_text(page("Grofvuil", owner="onbekend"), encoding="utf-8")
        assert session.run(sources, statute, date(2026, 11, 22)) == ["content/nl/afval/grofvuil.md"]
        assert [f.code for f in session.of(str(target))] == ["OWN002"]
        assert all(f.code != "OWN002" for f in session.all() if f.path != "content/nl/afval/grofvuil.md")
    finally:
        os.chdir(cwd)


# --- mkdocs serve -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A real `mkdocs serve` in a fixture folder, with its console collected line by line."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEBREDACTIE_TODAY": "2026-11-22"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, start: int = 0, timeout: float = 60) -> int:
        """Wait until a console line from `start` on contains `text`; return the index after it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(start, len(self.lines)):
                if text in self.lines[index]:
                    return index + 1
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"no console line with {text!r}:\n" + "\n".join(self.lines))

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Server, Path]]:
    missing_image = page("Plaatje", owner="afval") + "\n![Kaart van de milieustraat](img/kaart.png)\n"
    pages = {**BASE_PAGES, "nl/afval/fout.md": ERROR_PAGE, "nl/afval/plaatje.md": missing_image}
    write_site(tmp_path, pages, ["gemeente/page-footer", "gemeente/checks"], statute=STATUTE)
    running = Server(tmp_path)
    try:
        yield running, tmp_path
    finally:
        running.stop()


def test_serve_shows_findings_in_console_and_panel(server: tuple[Server, Path]) -> None:
    running, root = server
    ready = running.wait_for("Serving on")
    # The first build lists the errors of the whole site, as path:line:col.
    assert any(
        "webredactie: content/nl/afval/fout.md:4:1: error OWN002 unknown-owner:" in line for line in running.lines
    )
    html = running.get("afval/fout/")
    assert 'class="diemen-findings diemen-findings--error"' in html
    assert "<code>content/nl/afval/fout.md:4:1</code> fout <code>OWN002</code> unknown-owner" in html
    assert "Geen meldingen." in running.get("afval/grofvuil/")
    # A missing image does not stop the preview: it is a finding on its page.
    assert "<code>LNK003</code> missing-image" in running.get("afval/plaatje/")

    # Fix the page: the console names only that page, and its panel turns clean.
    (root / "content" / "nl" / "afval" / "fout.md").write_text(page("Fout", owner="afval"), encoding="utf-8")
    after = running.wait_for("webredactie: content/nl/afval/fout.md: geen meldingen", start=ready)
    running.wait_for("Reloading browsers", start=after - 1)
    assert "Geen meldingen." in running.get("afval/fout/")

    # Break another page: only its findings are printed.
    (root / "content" / "en" / "afval" / "grofvuil.md").write_text(
        page("Bulky waste", owner="onbekend"), encoding="utf-8"
    )
    index = running.wait_for("content/en/afval/grofvuil.md:4:1: error OWN002", start=after)
    assert not any("content/nl/afval/fout.md" in line for line in running.lines[after:index])
