"""Remarks to the owning department by e-mail: one message per remark, or a daily digest.

Who gets a remark: the owning department's `feedback` mailbox, else its
`contact` mailbox, else the fallback department's (the webredactie). The
address is looked up when the mail goes out, not when the remark came in, so
a corrected statute takes effect for everything still waiting.

Mail is plain text only: the visitor's words are never HTML anywhere, so no
mail program can run or show markup from them. Subject lines carry page
titles (from the front-matter), never the visitor's text.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import ssl
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import anyio.to_thread

from linters.core.dates import dutch_date
from linters.core.statute import Statute
from linters.feedback.scrub import KINDS
from linters.feedback.store import Remark, Store, StoreError, utcnow

log = logging.getLogger("webredactie.feedback.mail")

# Remarks claimed per round; a full claim starts the next round at once.
CLAIM = 200
CATEGORY_WORDS = {
    "onvolledig": "onvolledig (er ontbreekt informatie)",
    "onjuist": "onjuist (de informatie klopt niet)",
    "moeilijk-te-begrijpen": "moeilijk te begrijpen",
}


def local_zone() -> Any:
    """Dutch time for dates in mail and the digest hour; UTC when the zone database is missing."""
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:
        return UTC


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the mail server."""

    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    tls: bool = False  # SMTPS on connect (port 465)
    user: str | None = None
    password: str | None = None
    sender: str = "webredactie@diemen.nl"
    timeout: float = 30.0


@dataclass(frozen=True)
class Routing:
    """From a department id to its mailbox and name, by the statute."""

    statute: Statute
    fallback: str
    site_url: str  # https://www.diemen.nl (no trailing slash)

    def address(self, department: str) -> str | None:
        """The department's feedback mailbox, else its contact, else the fallback department's."""
        for dep_id in (department, self.fallback):
            dep = self.statute.departments.get(dep_id)
            if dep is not None and dep.feedback_address:
                return dep.feedback_address
        return None

    def name(self, department: str) -> str:
        """The department's name as the statute writes it."""
        dep = self.statute.departments.get(department)
        return dep.name if dep is not None else department


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())[:120]


def _when(moment: datetime) -> str:
    local = moment.replace(tzinfo=UTC).astimezone(local_zone())
    return f"{dutch_date(local.date())}, {local:%H:%M}"


def _remark_lines(remark: Remark, routing: Routing) -> list[str]:
    lines = [
        f"Pagina: {remark.title or remark.page}",
        f"Adres: {routing.site_url}{remark.page}",
    ]
    if remark.source:
        lines.append(f"Bestand: {remark.source}")
    lines.append(f"Ontvangen: {_when(remark.received_at)}")
    if remark.kind == "kcc":
        lines.append(f"Soort: melding van het KCC, {CATEGORY_WORDS.get(remark.category or '', remark.category)}")
    lines.append(f"Nummer: {remark.id}")
    lines += ["", "Wat er staat:"]
    lines += [f"  {line}" for line in (remark.text or "").splitlines()]
    if remark.removed:
        kinds = ", ".join(KINDS[k][1] for k in remark.removed if k in KINDS)
        lines += ["", f"Wij hebben persoonlijke gegevens uit de tekst gehaald: {kinds}."]
    return lines


FOOTER = [
    "",
    "Wat moet u doen?",
    "1. Kijk of de pagina klopt. Pas de pagina aan als dat nodig is.",
    "2. Is het klaar? Laat de webredactie de reactie afmelden met het nummer",
    "   (webredactie feedback handled NUMMER).",
    "",
    "De bezoeker krijgt geen antwoord van ons. Wij weten niet wie het is.",
    "Dit bericht is automatisch gemaakt door de website. U kunt er niet op antwoorden.",
]


def _message(routing: Routing, smtp: SmtpSettings, to: str, subject: str, body: list[str]) -> EmailMessage:
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=smtp.sender.rsplit("@", 1)[-1])
    # Out-of-office replies must not answer a machine.
    message["Auto-Submitted"] = "auto-generated"
    message.set_content("\n".join(body) + "\n")
    return message


def compose_one(remark: Remark, routing: Routing, smtp: SmtpSettings, to: str) -> EmailMessage:
    """One remark as one message."""
    title = _one_line(remark.title or remark.page)
    if remark.kind == "kcc":
        subject = f"Melding van het KCC over uw pagina: {title}"
        intro = "Een medewerker van het KCC meldt iets over een pagina van uw afdeling."
    else:
        subject = f"Reactie op uw pagina: {title}"
        intro = "Een bezoeker van de website reageert op een pagina van uw afdeling."
    body = [f"Beste {routing.name(remark.department)},", "", intro, "", *_remark_lines(remark, routing), *FOOTER]
    return _message(routing, smtp, to, subject, body)


def compose_digest(
    department: str, items: Sequence[Remark], routing: Routing, smtp: SmtpSettings, to: str, day: datetime
) -> EmailMessage:
    """A day's remarks for one department as one message."""
    count = len(items)
    word = "reactie" if count == 1 else "reacties"
    subject = f"{count} {word} op uw pagina's ({dutch_date(day.date())})"
    body = [f"Beste {routing.name(department)},", "", f"Er zijn {count} {word} op pagina's van uw afdeling.", ""]
    for number, remark in enumerate(items, 1):
        body += [f"--- {number} van {count} ---", *_remark_lines(remark, routing), ""]
    return _message(routing, smtp, to, subject, body + FOOTER)


@dataclass
class Round:
    """What one delivery round did."""

    sent: int = 0
    more: bool = False  # a claim came back full: more may wait
    waiting: int = 0  # claimed but not sent (mail server or address trouble); tried again later
    errors: list[str] = field(default_factory=list)


class Outbox:
    """Sends what waits in the store: per remark, and once a day the digests."""

    def __init__(
        self,
        store: Store,
        routing: Routing,
        smtp: SmtpSettings,
        *,
        digest_departments: Iterable[str] = (),
        digest_hour: int = 8,
        lease: timedelta = timedelta(minutes=2),
        connect: Callable[[SmtpSettings], smtplib.SMTP] | None = None,
    ) -> None:
        self.store = store
        self.routing = routing
        self.smtp = smtp
        self.digest_departments = frozenset(digest_departments)
        self.digest_hour = digest_hour
        self.lease = lease
        self._connect = connect or _connect

    def digest_cutoff(self, now: datetime) -> datetime | None:
        """The moment (UTC) up to which today's digest collects, once the digest hour has passed; else None."""
        local_now = now.replace(tzinfo=UTC).astimezone(local_zone())
        moment = datetime.combine(local_now.date(), time(self.digest_hour), tzinfo=local_now.tzinfo)
        if local_now < moment:
            return None
        return moment.astimezone(UTC).replace(tzinfo=None)

    def deliver(self, now: datetime | None = None, *, force_digest: bool = False) -> Round:
        """Send every remark that waits: per-message ones now, digests when their hour has come."""
        now = now or utcnow()
        result = Round()
        single = self.store.claim(lease=self.lease, now=now, exclude=sorted(self.digest_departments), limit=CLAIM)
        result.more = len(single) == CLAIM
        batches: list[tuple[str, list[Remark], EmailMessage | None]] = []
        for remark in single:
            to = self.routing.address(remark.department)
            batches.append((to or "", [remark], compose_one(remark, self.routing, self.smtp, to) if to else None))
        cutoff = now if force_digest else self.digest_cutoff(now)
        if cutoff is not None and self.digest_departments:
            grouped: dict[str, list[Remark]] = defaultdict(list)
            for remark in self.store.claim(
                lease=self.lease, now=now, departments=sorted(self.digest_departments), received_before=cutoff
            ):
                grouped[remark.department].append(remark)
            day = cutoff.replace(tzinfo=UTC).astimezone(local_zone())
            for dep, items in grouped.items():
                to = self.routing.address(dep)
                message = compose_digest(dep, items, self.routing, self.smtp, to, day) if to else None
                batches.append((to or "", items, message))
        if not batches:
            return result
        self._send(batches, result, now)
        return result

    def _send(self, batches: list[tuple[str, list[Remark], EmailMessage | None]], result: Round, now: datetime) -> None:
        try:
            server = self._connect(self.smtp)
        except (OSError, smtplib.SMTPException) as err:
            self.store.release([r.id for _, items, _ in batches for r in items])
            result.waiting += sum(len(items) for _, items, _ in batches)
            result.errors.append(f"De mailserver {self.smtp.host}:{self.smtp.port} is niet bereikbaar: {err}")
            return
        try:
            for to, items, message in batches:
                ids = [r.id for r in items]
                if message is None:
                    self.store.release(ids)
                    result.waiting += len(ids)
                    result.errors.append(f"Geen e-mailadres voor afdeling {items[0].department} (ook niet voor de "
                                         f"webredactie): reactie {', '.join(map(str, ids))} wacht.")  # fmt: skip
                    continue
                try:
                    server.send_message(message, to_addrs=[to])
                except smtplib.SMTPException as err:
                    self.store.release(ids)
                    result.waiting += len(ids)
                    result.errors.append(f"Mail aan {to} lukte niet: {err}")
                    continue
                self.store.mark_sent(ids, now)
                result.sent += len(ids)
        finally:
            try:
                server.quit()
            except (OSError, smtplib.SMTPException):
                server.close()

    async def run(self, stored: asyncio.Event, interval: float = 30.0) -> None:
        """Deliver after each commit (and every `interval` seconds) until cancelled; back off when mail fails."""
        backoff = 0.0
        more = False
        while True:
            if backoff:
                # A server that is down is not hammered: new remarks wait (they are safe in the store).
                await asyncio.sleep(backoff)
            elif not more:
                try:
                    await asyncio.wait_for(stored.wait(), timeout=interval)
                except TimeoutError:
                    pass
            stored.clear()
            try:
                done = await anyio.to_thread.run_sync(self.deliver)
            except StoreError as err:
                done = Round(errors=[err.nl])
            for error in done.errors:
                log.warning("mail: %s", error)
            backoff = min(max(backoff * 2, interval), 900.0) if done.errors else 0.0
            more = done.more


def _connect(smtp: SmtpSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    server: smtplib.SMTP
    if smtp.tls:
        server = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        server = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
        if smtp.starttls:
            server.starttls(context=context)
    if smtp.user:
        server.login(smtp.user, smtp.password or "")
    return server
