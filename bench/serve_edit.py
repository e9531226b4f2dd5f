"""How long until a saved edit is visible in the preview: `mkdocs serve` on the real site, measured in Chromium.

A copy of the real site (content, statute, theme overrides, mkdocs.yml) is
served with `mkdocs serve` on 127.0.0.1. Chromium opens a page; then, again
and again, a sentence with a fresh marker is appended to that page's Markdown
and the clock runs until the marker is visible in the browser (MkDocs
notices the save, rebuilds both languages with all plugins and the checks,
and live-reload refreshes the page). Target: 3 s or less.

    python bench/serve_edit.py [--edits 8] [--page nl/afval/grofvuil.md] [--dirty]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from linters.wcag.browser import LAUNCH_ARGS, BrowserNotFound, find_browser  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def copy_site(target: Path) -> None:
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml", "redactiestatuut.yml"):
        shutil.copy2(REPO / name, target / name)


def url_of(page: str) -> str:
    lang, _, rel = page.partition("/")
    path = rel.removesuffix(".md").removesuffix("index")
    path = path if not path or path.endswith("/") else path + "/"
    return ("" if lang == "nl" else f"{lang}/") + path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=8)
    parser.add_argument("--page", default="nl/afval/grofvuil.md", help="page under content/ to edit")
    # MkDocs warns on every dirty build, so with `strict: true` (mkdocs.yml) it aborts.
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty (needs strict: false)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    try:
        browser_path = str(find_browser())
    except BrowserNotFound as err:
        print(err, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="serve-edit-") as folder:
        root = Path(folder)
        copy_site(root)
        port = free_port()
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
        command += ["--dirty"] if args.dirty else []
        lines: list[str] = []
        proc = subprocess.Popen(
            command,
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert proc.stdout is not None
        stream = proc.stdout
        threading.Thread(target=lambda: [lines.append(line) for line in stream], daemon=True).start()
        try:
            started = time.monotonic()
            while not any("Serving on" in line for line in lines):
                if proc.poll() is not None or time.monotonic() - started > 120:
                    print("".join(lines), file=sys.stderr)
                    return 2
                time.sleep(0.1)
            print(f"first build and start: {time.monotonic() - started:.1f} s")
            source = root / "content" / args.page
            original = source.read_text(encoding="utf-8")
            timings = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=browser_path, headless=True, args=list(LAUNCH_ARGS)
                )
                page = browser.new_page()
                page.goto(f"http://127.0.0.1:{port}/{url_of(args.page)}")
                for number in range(args.edits):
                    marker = f"Meetpunt{number}x{int(time.time())}"
                    time.sleep(1.0)  # let the previous reload settle, as an editor would
                    begin = time.monotonic()
                    source.write_text(original + f"\n\nDit is zin {marker}.\n", encoding="utf-8")
                    page.wait_for_selector(f"text={marker}", timeout=30000)
                    timings.append(time.monotonic() - begin)
                    print(f"edit {number + 1}: visible after {timings[-1]:.2f} s")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    mode = "serve --dirty" if args.dirty else "serve"
    print(
        f"{mode}, {args.page}, {len(timings)} edits: median {statistics.median(timings):.2f} s, "
        f"max {max(timings):.2f} s (target: 3 s)"
    )
    return 0 if max(timings) <= 3.0 else 1


if __name__ == "__main__":
    sys.exit(main())
