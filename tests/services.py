"""Real services for the tests and benchmarks: a throwaway PostgreSQL cluster and an SMTP server on 127.0.0.1.

The project's rule is real components in tests, so the feedback tests talk to
a real PostgreSQL (Debian's server binaries, a cluster made with `initdb` in a
temporary folder, reachable only over a Unix socket) and a real SMTP server
(aiosmtpd). Both are started here and stopped when the block ends.

PostgreSQL refuses to run as root. When the tests run as root (CI does), the
server runs as the `postgres` user (or `nobody`) through `runuser`, in a
folder that user owns.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

PG_BIN_ENV = "WEBREDACTIE_PG_BIN"
SERVICE_USERS = ("postgres", "nobody")


class ServiceUnavailable(Exception):
    """The service cannot be started on this machine; the message says why and what to install."""


def postgres_bin() -> Path:
    """The folder with PostgreSQL's server programs (`initdb`, `pg_ctl`)."""
    candidates = [os.environ.get(PG_BIN_ENV, "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(str(Path(found).parent))
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").is_file() and (Path(candidate) / "pg_ctl").is_file():
            return Path(candidate)
    raise ServiceUnavailable(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed: 'apt-get install postgresql', "
        f"or set {PG_BIN_ENV} to the folder that holds them."
    )


def _service_user() -> str | None:
    """The user the server runs as: None for an ordinary user, else an unprivileged account."""
    if os.geteuid() != 0:
        return None
    for name in SERVICE_USERS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise ServiceUnavailable("PostgreSQL cannot run as root and there is no 'postgres' or 'nobody' user.")


@dataclass
class Postgres:
    """A running throwaway cluster: the socket folder and a database URL for SQLAlchemy."""

    folder: Path
    socket_dir: Path
    database: str
    user: str

    @property
    def url(self) -> str:
        """A SQLAlchemy URL with psycopg 3 over the Unix socket."""
        return f"postgresql+psycopg://{self.user}@/{self.database}?host={self.socket_dir}"


@contextmanager
def postgres_cluster(database: str = "feedback") -> Iterator[Postgres]:
    """Start a new PostgreSQL cluster in a temporary folder; stop and remove it afterwards."""
    bin_dir = postgres_bin()
    run_as = _service_user()
    # Short path: a Unix socket path must stay under 108 bytes.
    folder = Path(tempfile.mkdtemp(prefix="wr-pg-"))
    data, sockets = folder / "data", folder / "s"
    sockets.mkdir()
    if run_as is not None:
        entry = pwd.getpwnam(run_as)
        for path in (folder, sockets):
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        full = list(command) if run_as is None else ["runuser", "-u", run_as, "--", *command]
        return subprocess.run(full, capture_output=True, text=True, check=False, cwd=folder)

    user = "webredactie"
    try:
        done = run(str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
                   "--no-sync", "--no-instructions")  # fmt: skip
        if done.returncode != 0:
            raise ServiceUnavailable(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        # No TCP at all: the cluster is reachable only through the socket in our folder.
        options = f"-c listen_addresses='' -c unix_socket_directories='{sockets}' -c fsync=on -c max_connections=100"
        done = run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "server.log"),
                   "-w", "-t", "60", "start")  # fmt: skip
        if done.returncode != 0:
            log = (folder / "server.log").read_text(errors="replace") if (folder / "server.log").exists() else ""
            raise ServiceUnavailable(f"PostgreSQL did not start: {done.stderr.strip()} {log[-1500:]}")
        done = run(str(bin_dir / "createdb"), "-h", str(sockets), "-U", user, database)
        if done.returncode != 0:
            raise ServiceUnavailable(f"createdb failed: {done.stderr.strip()}")
        yield Postgres(folder, sockets, database, user)
    finally:
        if (data / "postmaster.pid").exists():
            run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Mailbox:
    """What the SMTP server received: each message with its envelope recipients."""

    messages: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    arrived: threading.Condition = field(init=False)

    def __post_init__(self) -> None:
        self.arrived = threading.Condition(self.lock)

    def add(self, recipients: list[str], raw: bytes) -> None:
        message = message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        with self.arrived:
            self.messages.append((recipients, message))
            self.arrived.notify_all()

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope went to this address."""
        with self.lock:
            return [m for rcpt, m in self.messages if address in rcpt]

    def wait_for(self, count: int, timeout: float = 30.0) -> list[tuple[list[str], EmailMessage]]:
        """Wait until at least `count` messages arrived; return them all."""
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, timeout)
            return list(self.messages)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class SmtpServer:
    """A running SMTP server on 127.0.0.1 and what it received."""

    host: str
    port: int
    mailbox: Mailbox


@contextmanager
def smtp_server() -> Iterator[SmtpServer]:
    """An aiosmtpd server on a free port of 127.0.0.1 that keeps every message in memory."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError as err:
        raise ServiceUnavailable(f"aiosmtpd is not installed (pip install aiosmtpd): {err}") from None

    mailbox = Mailbox()

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 - aiosmtpd's name
            mailbox.add(list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content))
            return "250 OK"

    # aiosmtpd's controller connects to its own port to see that it is up, so it needs a real port number.
    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, mailbox)
    finally:
        controller.stop()
