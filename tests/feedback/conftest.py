"""Real components for the feedback tests: PostgreSQL, SMTP, the built site and the running service."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.services import Postgres, ServiceUnavailable, SmtpServer, postgres_cluster, smtp_server

# The command line as a person runs it (python -m keeps the worktree's code on the path).
CLI = [sys.executable, "-m", "linters"]
ENDPOINT = "/feedback"
KCC_PASSWORD = "kcc-wachtwoord-voor-de-test"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A throwaway PostgreSQL cluster for the whole session (skipped only when PostgreSQL is not installed)."""
    try:
        with postgres_cluster() as cluster:
            yield cluster
    except ServiceUnavailable as err:
        pytest.skip(f"PostgreSQL: {err}")


def _empty_postgres(url: str) -> None:
    import sqlalchemy as sa

    from linters.feedback.store import metadata

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database URL with nothing in it: a new SQLite file, or the session's PostgreSQL emptied."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'feedback.sqlite3'}"
        return
    cluster: Postgres = request.getfixturevalue("postgres")
    _empty_postgres(cluster.url)
    yield cluster.url
    _empty_postgres(cluster.url)


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as server:
        yield server


@dataclass(frozen=True)
class BuiltSite:
    """A copy of the real project whose pages post to the service (feedback_endpoint: /feedback), built."""

    root: Path
    site: Path


@pytest.fixture(scope="session")
def feedback_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real site, its statute and content, built once with the forms pointing at the service."""
    root = tmp_path_factory.mktemp("feedback-project")
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "redactiestatuut.yml", root / "redactiestatuut.yml")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "feedback_endpoint: mailto" in config
    (root / "mkdocs.yml").write_text(
        config.replace("feedback_endpoint: mailto", f"feedback_endpoint: {ENDPOINT}"), encoding="utf-8"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return BuiltSite(root, root / "site")


@dataclass
class Service:
    """A running `webredactie feedback serve`."""

    process: subprocess.Popen[str]
    url: str
    log: list[str]

    def stop(self) -> int:
        """Stop the service as systemd does (SIGTERM); return 0 when it shut down cleanly.

        Uvicorn finishes the requests in progress, then ends with the signal it got, as a
        process that honours SIGTERM should; -SIGTERM therefore counts as clean.
        """
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        code = self.process.returncode
        return 0 if code == -signal.SIGTERM else code


def start_service(project: BuiltSite, db_url: str, *extra: str, env: dict[str, str] | None = None) -> Service:
    """Start the real service on a free port of 127.0.0.1 and wait until it answers."""
    import httpx

    command = [*CLI, "feedback", "serve", "--site", str(project.site), "--database", db_url, "--port", "0", *extra]
    process = subprocess.Popen(
        command,
        cwd=project.root,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    log = [first]

    def drain() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)

    threading.Thread(target=drain, daemon=True).start()
    if "http://" not in first:
        process.wait(10)
        raise AssertionError(f"the service did not start: {''.join(log)}")
    url = "http://" + first.split("http://", 1)[1].split()[0]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/status", timeout=2).status_code == 200:
                return Service(process, url, log)
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"the service did not answer: {''.join(log)}")


def fresh_database(kind: str, tmp_path: Path, request: pytest.FixtureRequest, name: str) -> str:
    """A new empty database: a SQLite file, or a new database in the session's PostgreSQL cluster."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / (name + '.sqlite3')}"
    import sqlalchemy as sa

    cluster: Postgres = request.getfixturevalue("postgres")
    engine = sa.create_engine(cluster.url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"postgresql+psycopg://{cluster.user}@/{name}?host={cluster.socket_dir}"
