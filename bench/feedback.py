"""Benchmark the feedback service: throughput, latency, nothing lost, a restart under load, bad input.

Starts the real service (`python -m linters feedback serve`) on 127.0.0.1
with the project's content, statute and a site folder with a page for every
Markdown page, a real SMTP server (aiosmtpd) and, for PostgreSQL, a
throwaway cluster (tests/services.py). Then, per database:

1. load: 200 clients (each its own keep-alive connection and its own
   X-Forwarded-For address, so the per-client rate limit applies as behind
   the reverse proxy) post the two forms of random pages until 5,000 posts
   are accepted; 60% are texts that carry a unique marker. Prints posts per
   second, p50/p99 latency, sent / accepted / stored, and whether every
   accepted marker is in the database.
2. restart: the same load, and when half is accepted the service is killed
   (SIGKILL, as a crash; `--restart term` for a systemd restart) and started
   again on the same port. Clients whose post got no answer send a new one.
   Every post that was answered 303 must be in the database.
3. bad input: oversized body, invalid UTF-8, missing fields, unknown page,
   foreign Origin, HTML and script in the text: each must get its 4xx, and
   the database must be exactly as before (every row compared).

Mail: after each run the service mails the texts to the departments; the
script waits for the outbox to empty and prints how many mails arrived.

    python bench/feedback.py [--posts 5000] [--clients 200] [--db sqlite postgresql] [--restart kill|term]

Machine load is printed beside the figures (other jobs share the CPU).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.services import ServiceUnavailable, SmtpServer, free_port, postgres_cluster, smtp_server  # noqa: E402

SITE = "https://www.diemen.nl"
HEADERS = f"Origin: {SITE}\r\nContent-Type: application/x-www-form-urlencoded\r\n"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def make_project(folder: Path) -> tuple[Path, list[tuple[str, str]]]:
    """A project folder (statute, content) with a site folder that has a page for every Markdown page."""
    shutil.copy(REPO / "redactiestatuut.yml", folder / "redactiestatuut.yml")
    shutil.copytree(REPO / "content", folder / "content")
    site = folder / "site"
    pages: list[tuple[str, str]] = []
    for lang in ("nl", "en"):
        for md in sorted((folder / "content" / lang).rglob("*.md")):
            rel = md.relative_to(folder / "content" / lang).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "index":
                parts = parts[:-1]
            path = "/" + ("en/" if lang == "en" else "") + "".join(p + "/" for p in parts)
            target = site / path.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("<!doctype html><title>page</title>\n", encoding="utf-8")
            pages.append((path, lang))
    return folder, pages


@dataclass
class Service:
    process: asyncio.subprocess.Process
    port: int

    async def stop(self, how: int = signal.SIGTERM) -> None:
        if self.process.returncode is None:
            self.process.send_signal(how)
            await self.process.wait()


async def start_service(project: Path, db: str, port: int, smtp: SmtpServer) -> Service:
    """Start `webredactie feedback serve` and wait until /status answers."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "linters", "feedback", "serve",
        "--site", str(project / "site"), "--database", db, "--port", str(port),
        "--smtp-host", smtp.host, "--smtp-port", str(smtp.port),
        # Each simulated visitor posts about 25 times a minute here; the limiter still runs.
        "--rate-limit", "1000",
        cwd=project, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert process.stdout is not None
    first = (await process.stdout.readline()).decode()
    if "http://" not in first:
        rest = (await process.stdout.read()).decode()
        raise SystemExit(f"the service did not start: {first}{rest}")

    async def drain() -> None:
        assert process.stdout is not None
        async for line in process.stdout:
            text = line.decode(errors="replace").rstrip()
            if "Traceback" in text or "ERROR" in text:
                print(f"    service: {text}", file=sys.stderr)

    asyncio.get_running_loop().create_task(drain())
    while True:
        try:
            status = await request(port, "GET", "/status", b"", "")
            if status == 200:
                return Service(process, port)
        except OSError:
            pass
        await asyncio.sleep(0.05)


async def request(port: int, method: str, path: str, body: bytes, headers: str) -> int:
    """One request on a fresh connection; the status code."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        return await exchange(reader, writer, method, path, body, headers)
    finally:
        writer.close()


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str, body: bytes, headers: str
) -> int:
    """Send one HTTP/1.1 request on an open connection and read the whole answer; the status code."""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{headers}Content-Length: {len(body)}\r\n\r\n"
    writer.write(head.encode("latin-1") + body)
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("closed")
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    if length:
        await reader.readexactly(length)
    return status


@dataclass
class Load:
    """What the clients did."""

    target: int
    accepted: int = 0
    in_flight: int = 0
    sent: int = 0  # posts written to a connection
    refused: int = 0  # connection attempts refused (the service was down)
    cut: int = 0  # posts sent that got no answer (the connection died: the restart)
    statuses: Counter[int] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)  # texts answered 303
    useful_accepted: int = 0
    half: asyncio.Event = field(default_factory=asyncio.Event)


async def client(number: int, port_of: Any, pages: list[tuple[str, str]], load: Load, seed: int) -> None:
    rng = random.Random(seed)
    address = f"198.18.{number // 250}.{number % 250 + 1}"
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    attempt = 0
    while load.accepted + load.in_flight < load.target:
        attempt += 1
        path, lang = rng.choice(pages)
        form = {"pagina": SITE + path, "taal": lang, "titel": "x", "afdeling": "x"}
        marker = ""
        if rng.random() < 0.6:
            marker = f"proef-k{number}-p{attempt}"
            form.update(soort="fout", bericht=f"Er klopt iets niet ({marker}). Graag aanpassen.")
        else:
            form.update(soort="nuttig", nuttig=rng.choice(["ja", "nee"]))
        body = urlencode(form).encode()
        headers = HEADERS + f"X-Forwarded-For: {address}\r\n"
        if connection is None:
            try:
                connection = await asyncio.open_connection("127.0.0.1", port_of())
            except OSError:
                load.refused += 1
                await asyncio.sleep(0.05)
                continue
        load.in_flight += 1
        load.sent += 1
        started = time.perf_counter()
        try:
            status = await exchange(*connection, "POST", "/feedback", body, headers)
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            load.cut += 1
            connection[1].close()
            connection = None
            await asyncio.sleep(0.05)
            continue
        finally:
            load.in_flight -= 1
        load.latencies.append(time.perf_counter() - started)
        load.statuses[status] += 1
        if status == 303:
            load.accepted += 1
            if marker:
                load.markers.add(marker)
            else:
                load.useful_accepted += 1
            if load.accepted >= load.target // 2:
                load.half.set()
    if connection is not None:
        connection[1].close()


def stored_rows(url: str) -> tuple[int, set[str], int, int]:
    """(rows, markers found in texts, useful answers, texts still waiting for mail)."""
    import re

    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT kind, text, mail FROM remarks")).all()
    engine.dispose()
    markers = set()
    for _kind, text, _mail in rows:
        found = re.search(r"proef-k\d+-p\d+", text or "")
        if found:
            markers.add(found.group(0))
    useful = sum(1 for kind, _, _ in rows if kind == "useful")
    pending = sum(1 for _, _, mail in rows if mail == "pending")
    return len(rows), markers, useful, pending


async def run_load(
    project: Path, db: str, pages: list[tuple[str, str]], smtp: SmtpServer, args: argparse.Namespace, restart: str
) -> bool:
    """One load run; True when nothing accepted was lost."""
    port = free_port()
    service = await start_service(project, db, port, smtp)
    cpu_before = cpu_seconds(service.process.pid)
    mails_before = len(smtp.mailbox.messages)
    load = Load(args.posts)
    downtime = 0.0
    extra_cpu = 0.0

    async def restarter() -> None:
        nonlocal service, downtime, extra_cpu
        await load.half.wait()
        down = time.perf_counter()
        extra_cpu = cpu_seconds(service.process.pid) - cpu_before
        await service.stop(signal.SIGKILL if restart == "kill" else signal.SIGTERM)
        service = await start_service(project, db, port, smtp)
        downtime = time.perf_counter() - down

    load_before = load_average()
    started = time.perf_counter()
    tasks = [asyncio.create_task(client(i, lambda: port, pages, load, seed=i)) for i in range(args.clients)]
    watcher = asyncio.create_task(restarter()) if restart != "none" else None
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - started
    if watcher is not None:
        await watcher
    cpu = cpu_seconds(service.process.pid) - (0.0 if restart != "none" else cpu_before) + extra_cpu
    rows, markers, useful, _ = await asyncio.to_thread(stored_rows, db)
    lost = load.markers - markers
    texts = len(markers)
    # The outbox mails every text; wait for it to empty (a kill leaves claimed mail for the lease: 2 minutes).
    deadline = time.monotonic() + (150 if restart == "kill" else 60)
    pending = rows
    while time.monotonic() < deadline:
        _, _, _, pending = await asyncio.to_thread(stored_rows, db)
        if pending == 0:
            break
        await asyncio.sleep(0.5)
    mailed = len(smtp.mailbox.messages) - mails_before
    waited = time.monotonic() - (deadline - (150 if restart == "kill" else 60))
    await service.stop()
    lat = sorted(load.latencies)
    p50 = statistics.median(lat) * 1000
    p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000
    name = db.split(":", 1)[0].split("+", 1)[0]
    label = f"{name:10} {'load' if restart == 'none' else 'restart (' + restart + ')':15}"
    print(
        f"{label} {load.accepted / elapsed:7.0f} posts/s   p50 {p50:6.1f} ms   p99 {p99:7.1f} ms   "
        f"sent {load.sent}, accepted {load.accepted} (statuses {dict(load.statuses)}, no answer {load.cut}), "
        f"stored {rows} ({texts} texts + {useful} answers)"
    )
    print(
        f"{'':27}accepted texts missing from the database: {len(lost)}; useful answers accepted "
        f"{load.useful_accepted}, stored {useful}; mailed {mailed} within {waited:.0f} s, still waiting {pending}; "
        f"service CPU {cpu:.1f} s; wall {elapsed:.1f} s"
        + (f"; down {downtime:.2f} s, {load.refused} connections refused meanwhile" if restart != "none" else "")
        + f"; load average {load_before} -> {load_average()}"
    )
    return not lost and useful >= load.useful_accepted


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), 0 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


BAD: list[tuple[str, bytes, str, int]] = [
    ("oversized body", b"soort=fout&pagina=%2F&bericht=" + b"x" * 40_000, HEADERS, 413),
    ("invalid UTF-8", b"soort=fout&pagina=%2Fafval%2F&bericht=%FF%FE%FD", HEADERS, 400),
    ("missing fields", b"soort=fout&bericht=zonder+pagina", HEADERS, 400),
    ("unknown page", b"soort=nuttig&nuttig=ja&pagina=%2Fbestaat-niet%2F", HEADERS, 422),
    (
        "foreign Origin",
        b"soort=nuttig&nuttig=ja&pagina=%2Fafval%2F",
        "Origin: https://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        403,
    ),  # fmt: skip
    (
        "HTML and script in the text",
        b"soort=fout&pagina=%2Fafval%2F&bericht=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        HEADERS,
        400,
    ),  # fmt: skip
]


def snapshot(url: str) -> list[tuple[Any, ...]]:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(sa.text("SELECT * FROM remarks ORDER BY id"))]
        if url.startswith("sqlite"):
            assert conn.execute(sa.text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()
    return rows


async def bad_input(project: Path, db: str, smtp: SmtpServer) -> bool:
    port = free_port()
    service = await start_service(project, db, port, smtp)
    before = await asyncio.to_thread(snapshot, db)
    good = True
    results = []
    for name, body, headers, expected in BAD:
        try:
            status = await request(port, "POST", "/feedback", body, headers + "X-Forwarded-For: 198.19.0.1\r\n")
        except OSError as err:
            status = f"no answer ({err})"  # type: ignore[assignment]
        ok = status == expected
        good &= ok
        results.append(f"{name} {status}{'' if ok else f' (expected {expected})'}")
    after = await asyncio.to_thread(snapshot, db)
    whole = before == after
    await service.stop()
    print(f"{'':27}bad input: {'; '.join(results)}; database unchanged: {'yes' if whole else 'NO'} ({len(after)} rows)")
    return good and whole


async def main_async(args: argparse.Namespace) -> int:
    print(
        f"feedback bench: {args.posts} accepted posts per run, {args.clients} concurrent clients, "
        f"{os.cpu_count()} cores, load average {load_average()}"
    )
    folder = Path(tempfile.mkdtemp(prefix="wr-fb-bench-"))
    ok = True
    try:
        project, pages = make_project(folder)
        with smtp_server() as smtp:
            for kind in args.db:
                if kind == "sqlite":
                    for restart in ("none", args.restart):
                        db = f"sqlite:///{folder / f'bench-{restart}.sqlite3'}"
                        ok &= await run_load(project, db, pages, smtp, args, restart)
                    ok &= await bad_input(project, db, smtp)
                    continue
                try:
                    with postgres_cluster("bench") as cluster:
                        for restart in ("none", args.restart):
                            ok &= await run_load(project, cluster.url, pages, smtp, args, restart)
                        ok &= await bad_input(project, cluster.url, smtp)
                except ServiceUnavailable as err:
                    print(f"postgresql: skipped ({err})")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print("nothing accepted was lost; every bad input got its 4xx" if ok else "FAILED: see above")
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--posts", type=int, default=5000, help="accepted posts per run (default 5000)")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients (default 200)")
    parser.add_argument("--db", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"])
    parser.add_argument("--restart", choices=("kill", "term"), default="kill", help="how the service is restarted")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
