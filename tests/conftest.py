from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site built once with `mkdocs build --strict`: (site folder, build log).

    Several modules read the same build (the HTML, the browser tests, the
    audit); building it once per session saves a full strict build each.
    Tests must not change the folder.
    """
    site = tmp_path_factory.mktemp("real-site") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site, proc.stderr


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The browser the audit itself would use (setting, system Chromium, Playwright's), or skip."""
    from linters.wcag.browser import BrowserNotFound, find_browser

    try:
        return find_browser()
    except BrowserNotFound as err:
        pytest.skip(str(err))


@contextmanager
def chdir(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_cli(args: list[str], cwd: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the real command line in-process and return (exit code, stdout, stderr)."""
    from linters.commands.cli import main

    with chdir(cwd):
        code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
