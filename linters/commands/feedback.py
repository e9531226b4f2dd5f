"""`webredactie feedback`: run the feedback service and work with what it stored.

    webredactie feedback serve      the service the site's forms post to
    webredactie feedback handled ID close a remark
    webredactie feedback export     every remark as CSV or JSON
    webredactie feedback purge      delete what is older than the statute's retention period
    webredactie feedback copy       copy every remark into a new database (SQLite to PostgreSQL)
    webredactie feedback send       send waiting mail now (digests included with --digest)

Exit codes follow the CLI's contract: 0 done, 2 the run had to stop (a
missing site, a database or mail server that cannot be used, a wrong id).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import socket
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linters.commands.common import load_project_statute
from linters.commands.options import EXIT_CLEAN as EXIT_DONE
from linters.commands.options import EXIT_STOPPED
from linters.core.files import write_atomic
from linters.core.statute import Statute
from linters.feedback.locations import DB_ENV, EXTRA_MISSING, database_url
from linters.feedback.pages import SiteError, SiteIndex
from linters.feedback.policy import DAILY, delivery, digest_hour, retention_months

if TYPE_CHECKING:
    from linters.feedback.mail import Outbox, Routing, SmtpSettings
    from linters.feedback.store import Store

# The service's own packages (the `feedback` extra) load only when a feedback command runs,
# so every other command works on an installation without them.
EXTRA_PACKAGES = {"starlette", "uvicorn", "sqlalchemy", "psycopg", "jinja2", "anyio", "h11"}

KCC_PASSWORD_ENV = "WEBREDACTIE_KCC_PASSWORD"
SMTP_PASSWORD_ENV = "WEBREDACTIE_SMTP_PASSWORD"
THANKS = "over-deze-website/bedankt/"
DEFAULT_FALLBACK = "webredactie"


def _positive(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"'{value}' is geen heel getal; geef bijvoorbeeld 10")
    return int(value)


def _database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        "--db",
        metavar="URL",
        help=f"SQLite-bestand of postgresql://-adres (standaard: {DB_ENV}, anders .webredactie/feedback.sqlite3)",
    )


def _smtp_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--smtp-host", default="localhost", help="mailserver (standaard: localhost)")
    parser.add_argument("--smtp-port", type=_positive, default=25, help="poort van de mailserver (standaard: 25)")
    parser.add_argument("--smtp-starttls", action="store_true", help="versleutel met STARTTLS")
    parser.add_argument("--smtp-tls", action="store_true", help="versleutel vanaf het begin (SMTPS, poort 465)")
    parser.add_argument("--smtp-user", help=f"inlognaam bij de mailserver (wachtwoord in {SMTP_PASSWORD_ENV})")
    parser.add_argument("--mail-from", help="afzender (standaard: het adres van de webredactie in het statuut)")


def add_parser(sub: Any) -> None:
    """Add `feedback` and its commands to the command line."""
    feedback = sub.add_parser("feedback", help="reacties van bezoekers: de dienst, afmelden, exporteren, opruimen")
    commands = feedback.add_subparsers(dest="feedback_command", required=True, metavar="opdracht")

    serve = commands.add_parser("serve", help="start de dienst waar de formulieren van de site naartoe gaan")
    serve.add_argument("--site", type=Path, help="map met de gebouwde site (standaard: site/)")
    _database_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="poort (standaard: 8081; 0 = een vrije poort)")
    serve.add_argument(
        "--origin",
        action="append",
        default=[],
        metavar="URL",
        help="nog een adres waarvandaan formulieren mogen komen (standaard alleen de website uit het statuut)",
    )
    serve.add_argument(
        "--kcc-password-file",
        type=Path,
        help=f"bestand met het wachtwoord voor /intern/melding (of {KCC_PASSWORD_ENV}); zonder: geen KCC-formulier",
    )
    serve.add_argument(
        "--rate-limit",
        type=_positive,
        default=10,
        metavar="N",
        help="berichten per minuut per bezoeker (standaard: 10; 0 = geen grens)",
    )
    serve.add_argument("--max-text", type=_positive, default=2000, metavar="N", help="tekens per bericht")
    serve.add_argument(
        "--forwarded-allow-ips",
        default="127.0.0.1",
        metavar="IPS",
        help="proxy's die het adres van de bezoeker doorgeven (X-Forwarded-For); standaard 127.0.0.1",
    )
    serve.add_argument("--fallback-department", default=DEFAULT_FALLBACK, help="afdeling voor pagina's zonder adres")
    serve.add_argument("--no-mail", action="store_true", help="niets mailen (alleen opslaan)")
    serve.add_argument(
        "--with-site",
        action="store_true",
        help="toon ook de gebouwde site (om te proberen zonder webserver; niet voor de echte website)",
    )
    _smtp_options(serve)

    handled = commands.add_parser("handled", help="meld reacties af (klaar)")
    handled.add_argument("ids", nargs="+", type=_positive, metavar="ID", help="nummer van de reactie")
    _database_option(handled)

    export = commands.add_parser("export", help="schrijf de reacties als CSV of JSON")
    export.add_argument("--format", choices=("csv", "json"), default="csv")
    export.add_argument("--output", "-o", type=Path, help="bestand (standaard: het scherm)")
    export.add_argument("--department", help="alleen deze afdeling (id uit het statuut)")
    export.add_argument("--open", action="store_true", help="alleen reacties die nog open staan")
    export.add_argument("--since", type=date.fromisoformat, help="alleen vanaf deze datum (2026-11-01)")
    _database_option(export)

    purge = commands.add_parser("purge", help="verwijder reacties die ouder zijn dan de bewaartermijn")
    purge.add_argument("--today", type=date.fromisoformat, help="doe alsof het vandaag deze datum is")
    _database_option(purge)

    copy = commands.add_parser("copy", help="kopieer alle reacties naar een nieuwe database (SQLite naar PostgreSQL)")
    copy.add_argument("--to", required=True, metavar="URL", help="de nieuwe, lege database (postgresql://...)")
    _database_option(copy)

    send = commands.add_parser("send", help="verstuur nu de mail die nog wacht")
    send.add_argument("--digest", action="store_true", help="verstuur ook de dagelijkse overzichten nu")
    send.add_argument("--fallback-department", default=DEFAULT_FALLBACK, help="afdeling voor pagina's zonder adres")
    _database_option(send)
    _smtp_options(send)


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _t(args: argparse.Namespace, nl: str, en: str) -> str:
    """The message in the language of the run (--lang)."""
    return en if getattr(args, "lang", "nl") == "en" else nl


def _open_store(args: argparse.Namespace, root: Path, *, create: bool = True) -> Store:
    from linters.feedback.store import Store

    store = Store(database_url(args.database, root))
    if create:
        store.create()
    return store


def _smtp(args: argparse.Namespace, statute: Statute, fallback: str) -> SmtpSettings:
    from linters.feedback.mail import SmtpSettings

    sender = args.mail_from
    if not sender:
        dep = statute.departments.get(fallback)
        sender = (dep.contact if dep else None) or "webredactie@localhost"
    return SmtpSettings(
        host=args.smtp_host,
        port=args.smtp_port,
        starttls=args.smtp_starttls,
        tls=args.smtp_tls,
        user=args.smtp_user,
        password=os.environ.get(SMTP_PASSWORD_ENV),
        sender=sender,
    )


def _routing(statute: Statute, fallback: str) -> Routing:
    from linters.feedback.mail import Routing

    site_url = (statute.website or "https://www.diemen.nl").rstrip("/")
    return Routing(statute, fallback, site_url)


def _outbox(store: Store, statute: Statute, routing: Routing, smtp: SmtpSettings) -> Outbox:
    """The outbox as the statute wants it: every department per message, or all in the daily digest."""
    from linters.feedback.mail import Outbox

    daily = statute.departments.keys() if delivery(statute) == DAILY else ()
    return Outbox(store, routing, smtp, digest_departments=daily, digest_hour=digest_hour(statute))


def _check_fallback(statute: Statute, fallback: str) -> None:
    if fallback not in statute.departments:
        known = ", ".join(sorted(statute.departments))
        raise _Stop(
            f"De afdeling '{fallback}' (--fallback-department) staat niet in {statute.file}. Kies een van: {known}.",
            f"Department '{fallback}' (--fallback-department) is not in {statute.file}. Choose one of: {known}.",
        )


class _Stop(Exception):
    """A mistake in the options or the surroundings: the message is shown and the run stops (code 2)."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl)
        self.nl, self.en = nl, en

    def get(self, lang: str) -> str:
        """The message in a language."""
        return self.en if lang == "en" else self.nl


def _kcc_password(args: argparse.Namespace) -> str | None:
    if args.kcc_password_file is not None:
        try:
            password = args.kcc_password_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as err:
            raise _Stop(
                f"Het wachtwoordbestand {args.kcc_password_file} is niet te lezen ({err}).",
                f"The password file {args.kcc_password_file} cannot be read ({err}).",
            ) from None
    else:
        password = os.environ.get(KCC_PASSWORD_ENV, "").strip()
    if password and len(password) < 12:
        raise _Stop(
            "Het wachtwoord voor het KCC-formulier is te kort. Gebruik minstens 12 tekens.",
            "The password of the KCC form is too short. Use at least 12 characters.",
        )
    return password or None


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        raise _Stop(
            f"Luisteren op {host}:{port} lukt niet ({err.strerror}). Kies een andere poort met --port.",
            f"Cannot listen on {host}:{port} ({err.strerror}). Choose another port with --port.",
        ) from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(args: argparse.Namespace, root: Path, statute: Statute) -> int:
    """Start the service and run until stopped (Ctrl-C or SIGTERM)."""
    import uvicorn

    from linters.feedback.service import FeedbackApp, Settings, Writer, origin_of
    from linters.feedback.store import shown_url

    fallback = args.fallback_department
    _check_fallback(statute, fallback)
    site_dir = (args.site or root / "site").resolve()
    index = SiteIndex(site_dir, root / "content", statute, fallback)
    thanks = {"nl": "/" + THANKS, "en": "/en/" + THANKS}
    if thanks["nl"] not in index:
        source = f"content/nl/{THANKS.rstrip('/')}.md"
        raise _Stop(
            f"De bedankpagina {thanks['nl']} staat niet in {site_dir}. Zet {source} in de site en bouw opnieuw.",
            f"The thank-you page {thanks['nl']} is not in {site_dir}. Add {source} and build again.",
        )
    if thanks["en"] not in index:
        thanks["en"] = thanks["nl"]
    website = statute.website or "https://www.diemen.nl"
    origins = {origin_of(website)}
    for extra in args.origin:
        seen = origin_of(extra)
        if seen is None:
            raise _Stop(
                f"'--origin {extra}' is geen adres. Schrijf het als https://www.diemen.nl.",
                f"'--origin {extra}' is not an address. Write it like https://www.diemen.nl.",
            )
        origins.add(seen)
    settings = Settings(
        origins=frozenset(o for o in origins if o),
        home=website.rstrip("/") + "/",
        thanks=thanks,
        rate_per_minute=args.rate_limit,
        max_text=args.max_text,
        kcc_password=_kcc_password(args),
        serve_site=site_dir if args.with_site else None,
    )
    store = _open_store(args, root)
    routing = _routing(statute, fallback)
    background = []
    if not args.no_mail:
        outbox = _outbox(store, statute, routing, _smtp(args, statute, fallback))

        async def mail(writer: Writer) -> None:
            await outbox.run(writer.stored)

        background.append(mail)
    app = FeedbackApp(settings, store, index, routing.name, background)
    sock = _listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown_host = f"[{host}]" if ":" in host else host
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    _say(
        f"Feedbackdienst luistert op http://{shown_host}:{port} ({len(index)} pagina's, database "
        f"{shown_url(store.url)}, {'KCC-formulier aan' if settings.kcc_password else 'geen KCC-formulier'}, "
        f"{'geen mail' if args.no_mail else f'mail via {args.smtp_host}:{args.smtp_port}'})."
    )
    config = uvicorn.Config(
        app.app,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        # The access log would write every visitor's address to the journal; the service keeps none.
        access_log=False,
        log_level="warning",
        server_header=False,
        timeout_graceful_shutdown=30,
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    return EXIT_DONE


def handled(args: argparse.Namespace, root: Path) -> int:
    """Close remarks by id."""
    from linters.feedback.store import HANDLED

    store = _open_store(args, root)
    code = EXIT_DONE
    for remark_id in args.ids:
        remark = store.handle(remark_id)
        if remark is None:
            listing = "'webredactie feedback export --open'"
            _say(_t(args, f"Reactie {remark_id} bestaat niet. Zie {listing} voor de nummers.",
                    f"Remark {remark_id} does not exist. See {listing} for the numbers."))  # fmt: skip
            code = EXIT_STOPPED
        elif remark.kind == "useful":
            _say(_t(args, f"Nummer {remark_id} is een antwoord op 'Was deze pagina nuttig?'. Dat meldt u niet af.",
                    f"Number {remark_id} is an answer to 'Was this page useful?'; it needs no closing."))  # fmt: skip
        elif remark.status == HANDLED:
            where = f"{remark.page}, {remark.department}"
            print(_t(args, f"Reactie {remark_id} ({where}) is afgemeld.", f"Remark {remark_id} ({where}) is closed."))
    return code


EXPORT_FIELDS = (
    "id",
    "received_at",
    "kind",
    "department",
    "page",
    "source",
    "title",
    "lang",
    "useful",
    "category",
    "text",
    "removed",
    "status",
    "handled_at",
    "mail",
    "mailed_at",
)


def export_text(rows: Sequence[dict[str, Any]], fmt: str) -> str:
    """Remarks as CSV (one row each, `removed` joined with commas) or JSON (`{"version": 1, "remarks": [...]}`)."""
    if fmt == "json":
        return json.dumps({"version": 1, "remarks": list(rows)}, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = dict(row)
        flat["removed"] = ",".join(row["removed"])
        flat["useful"] = "" if row["useful"] is None else ("ja" if row["useful"] else "nee")
        writer.writerow(flat)
    return out.getvalue()


def export(args: argparse.Namespace, root: Path) -> int:
    """Write the remarks for other tools."""
    from linters.feedback.store import OPEN

    store = _open_store(args, root)
    since = datetime.combine(args.since, datetime.min.time()) if args.since else None
    rows = [
        r.as_dict() for r in store.rows(department=args.department, status=OPEN if args.open else None, since=since)
    ]
    text = export_text(rows, args.format)
    if args.output:
        write_atomic(args.output, text)
        _say(
            _t(
                args,
                f"{len(rows)} reacties geschreven naar {args.output}.",
                f"{len(rows)} remarks written to {args.output}.",
            )
        )
    else:
        sys.stdout.write(text)
    return EXIT_DONE


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the last day of the month when that month is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    return date(year, month, 28)


def purge(args: argparse.Namespace, root: Path, statute: Statute) -> int:
    """Delete remarks older than the retention period."""
    months = retention_months(statute)
    today = args.today or datetime.now(UTC).date()
    cutoff = months_before(today, months)
    store = _open_store(args, root)
    deleted, still_open = store.purge(datetime.combine(cutoff, datetime.min.time()))
    print(_t(args, f"{deleted} reacties van voor {cutoff.isoformat()} verwijderd (bewaartermijn {months} maanden).",
             f"{deleted} remarks from before {cutoff.isoformat()} deleted (retention {months} months)."))  # fmt: skip
    if still_open:
        _say(_t(args, f"Let op: {still_open} daarvan stonden nog open. Meld reacties eerder af.",
                f"Note: {still_open} of them were still open."))  # fmt: skip
    return EXIT_DONE


def copy(args: argparse.Namespace, root: Path) -> int:
    """Copy every remark into a new database; the old one stays as it was."""
    from linters.feedback.store import Store, shown_url

    source = _open_store(args, root)
    target = Store(database_url(args.to, root))
    target.create()
    copied = target.copy_from(source)
    route = f"{shown_url(source.url)} -> {shown_url(target.url)}"
    print(_t(args, f"{copied} reacties gekopieerd ({route}).", f"{copied} remarks copied ({route})."))
    return EXIT_DONE


def send(args: argparse.Namespace, root: Path, statute: Statute) -> int:
    """Send the mail that waits, now."""
    fallback = args.fallback_department
    _check_fallback(statute, fallback)
    store = _open_store(args, root)
    outbox = _outbox(store, statute, _routing(statute, fallback), _smtp(args, statute, fallback))
    total = 0
    while True:
        done = outbox.deliver(force_digest=args.digest)
        total += done.sent
        for error in done.errors:
            _say(error)
        if done.errors:
            return EXIT_STOPPED
        if not done.more:
            break
    print(_t(args, f"{total} reacties gemaild.", f"{total} remarks mailed."))
    return EXIT_DONE


def run(args: argparse.Namespace, root: Path) -> int:
    """Run one `feedback` command; mistakes in the surroundings stop with code 2 and one clear message."""
    try:
        return _run(args, root)
    except ImportError as err:
        if (err.name or "").split(".")[0] not in EXTRA_PACKAGES:
            raise
        _say(EXTRA_MISSING)
    return EXIT_STOPPED


def _run(args: argparse.Namespace, root: Path) -> int:
    from linters.feedback.store import StoreError

    try:
        statute = load_project_statute(args, root)
        command = args.feedback_command
        if command == "serve":
            return serve(args, root, statute)
        if command == "handled":
            return handled(args, root)
        if command == "export":
            return export(args, root)
        if command == "purge":
            return purge(args, root, statute)
        if command == "copy":
            return copy(args, root)
        return send(args, root, statute)
    except (StoreError, SiteError) as err:
        _say(err.get(args.lang))
    except _Stop as err:
        _say(err.get(args.lang))
    return EXIT_STOPPED
