"""Where remarks live: one table, SQLite by default, PostgreSQL when a URL names it.

SQLAlchemy Core, not the ORM: the service does a handful of statements and
each must be the same on both databases. Times are stored as UTC without a
zone (SQLite has no zone type) and shown in Dutch time by whoever reads them.

Durability is the first concern: the service answers a visitor only after
the remark's transaction has committed. For SQLite that means WAL with
`synchronous=FULL` (a commit is fsynced, not only written to the log), so a
remark survives a crash or a power cut, not just a restart.

Mail is an outbox in the same row (`mail` = pending | sent | none): a remark
is stored first and mailed afterwards, so a mail server that is down delays
mail but loses nothing. Several instances (PostgreSQL) share the outbox by
claiming rows with a lease; a claim that is not finished in time is taken
over by another instance, so a remark is mailed at least once.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from linters.feedback.locations import DB_ENV, DEFAULT_SQLITE, database_url

__all__ = ["DB_ENV", "DEFAULT_SQLITE", "NewRemark", "Remark", "Store", "StoreError", "database_url"]

SCHEMA_VERSION = 1

KINDS = ("useful", "wrong", "kcc")
CATEGORIES = ("onvolledig", "onjuist", "moeilijk-te-begrijpen")
OPEN, HANDLED, COUNTED = "open", "handled", "counted"
PENDING, SENT, NO_MAIL = "pending", "sent", "none"

metadata = sa.MetaData()

remarks = sa.Table(
    "remarks",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("received_at", sa.DateTime, nullable=False),
    # useful: the Ja/Nee question; wrong: "is something wrong" text; kcc: a report by KCC staff.
    sa.Column("kind", sa.String(8), nullable=False),
    sa.Column("page", sa.String(512), nullable=False),  # the page's path on the site: /afval/grofvuil/
    sa.Column("source", sa.String(512)),  # its Markdown file: content/nl/afval/grofvuil.md
    sa.Column("title", sa.String(300)),
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("department", sa.String(64), nullable=False),  # the page's owner when it arrived
    sa.Column("useful", sa.Boolean),
    sa.Column("category", sa.String(32)),
    sa.Column("text", sa.Text),  # scrubbed; never the visitor's original
    sa.Column("removed", sa.String(100), nullable=False, server_default=""),  # kinds of personal data taken out
    # open | handled for remarks with a text; counted for a Ja/Nee answer (nothing to handle).
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("handled_at", sa.DateTime),
    sa.Column("mail", sa.String(8), nullable=False),
    sa.Column("mailed_at", sa.DateTime),
    sa.Column("claim", sa.String(32)),
    sa.Column("claimed_at", sa.DateTime),
    sa.Index("ix_remarks_department_status", "department", "status"),
    sa.Index("ix_remarks_mail", "mail"),
    sa.Index("ix_remarks_received_at", "received_at"),
)

schema = sa.Table(
    "feedback_schema",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)


class StoreError(Exception):
    """The database cannot be used; the message says which and why, in Dutch and English."""

    def __init__(self, nl: str, en: str) -> None:
        super().__init__(nl)
        self.nl, self.en = nl, en

    def get(self, lang: str) -> str:
        """The message in a language."""
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class NewRemark:
    """A remark as the service accepted it (already scrubbed and checked)."""

    kind: str
    page: str
    lang: str
    department: str
    source: str | None = None
    title: str | None = None
    useful: bool | None = None
    category: str | None = None
    text: str | None = None
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Remark:
    """A stored remark."""

    id: int
    received_at: datetime
    kind: str
    page: str
    source: str | None
    title: str | None
    lang: str
    department: str
    useful: bool | None
    category: str | None
    text: str | None
    removed: tuple[str, ...]
    status: str
    handled_at: datetime | None
    mail: str
    mailed_at: datetime | None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON and CSV (times in UTC, ISO 8601)."""
        return {
            "id": self.id,
            "received_at": _iso(self.received_at),
            "kind": self.kind,
            "page": self.page,
            "source": self.source,
            "title": self.title,
            "lang": self.lang,
            "department": self.department,
            "useful": self.useful,
            "category": self.category,
            "text": self.text,
            "removed": list(self.removed),
            "status": self.status,
            "handled_at": _iso(self.handled_at),
            "mail": self.mail,
            "mailed_at": _iso(self.mailed_at),
        }


def _iso(value: datetime | None) -> str | None:
    return value.replace(tzinfo=UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def utcnow() -> datetime:
    """Now in UTC, without a zone, as the table stores it."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def shown_url(url: str) -> str:
    """A URL for messages, without a password."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _row(row: Any) -> Remark:
    return Remark(
        id=row.id,
        received_at=row.received_at,
        kind=row.kind,
        page=row.page,
        source=row.source,
        title=row.title,
        lang=row.lang,
        department=row.department,
        useful=row.useful,
        category=row.category,
        text=row.text,
        removed=tuple(k for k in (row.removed or "").split(",") if k),
        status=row.status,
        handled_at=row.handled_at,
        mail=row.mail,
        mailed_at=row.mailed_at,
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the dashboard read while the service writes; FULL makes each commit durable on disk.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@dataclass(frozen=True)
class Summary:
    """Counts for the dashboard: per page the Ja/Nee answers, per department the open remarks."""

    pages: dict[tuple[str, str], tuple[int, int, int]]  # (department, page) -> (yes, no, open remarks)
    open_remarks: dict[str, list[Remark]]  # department -> open remarks, newest first
    open_counts: dict[str, int]  # department -> all its open remarks (the list may be cut short)

    def as_data(self) -> dict[str, Any]:
        """The summary as JSON data (version 1): what `webredactie report` hands the dashboard."""
        keep = ("id", "received_at", "kind", "page", "title", "category", "text", "removed")
        return {
            "version": 1,
            "pages": [
                {"department": dep, "page": page, "yes": yes, "no": no, "open": opened}
                for (dep, page), (yes, no, opened) in sorted(self.pages.items())
            ],
            "open_remarks": {
                dep: [{k: v for k, v in r.as_dict().items() if k in keep} for r in items]
                for dep, items in sorted(self.open_remarks.items())
            },
            "open_counts": dict(sorted(self.open_counts.items())),
        }


class Store:
    """The remarks table on one database."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = url
        try:
            parsed = sa.engine.make_url(url)
        except ArgumentError:
            raise StoreError(
                f"'{url}' is geen database-adres. Geef een bestandsnaam (feedback.sqlite3) of "
                "een adres als postgresql://gebruiker@server/feedback.",
                f"'{url}' is not a database URL. Give a file name or a URL like postgresql://user@host/feedback.",
            ) from None
        self.sqlite = parsed.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {}
        if self.sqlite:
            if parsed.database and parsed.database != ":memory:":
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        else:
            kwargs.update(pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)
        try:
            self.engine: Engine = sa.create_engine(url, **kwargs)
        except (ArgumentError, NoSuchModuleError, ImportError) as err:
            raise StoreError(
                f"De database {shown_url(url)} kan niet worden gebruikt: {err}. Voor PostgreSQL is psycopg "
                "nodig (pip install 'diemen-web[feedback]').",
                f"The database {shown_url(url)} cannot be used: {err}.",
            ) from None
        if self.sqlite:
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)

    def _fail(self, err: SQLAlchemyError) -> StoreError:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0] if str(err).strip() else type(err)
        return StoreError(
            f"De database {shown_url(self.url)} werkt niet: {reason}.",
            f"The database {shown_url(self.url)} does not work: {reason}.",
        )

    def create(self) -> None:
        """Make the tables when they do not exist yet, and check the schema version."""
        try:
            with self.engine.begin() as conn:
                metadata.create_all(conn)
                version = conn.execute(sa.select(schema.c.version)).scalar()
                if version is None:
                    conn.execute(schema.insert().values(version=SCHEMA_VERSION))
                elif version != SCHEMA_VERSION:
                    raise StoreError(
                        f"De database {shown_url(self.url)} heeft schemaversie {version}; deze versie van "
                        f"webredactie kent alleen {SCHEMA_VERSION}.",
                        f"The database {shown_url(self.url)} has schema version {version}; "
                        f"this webredactie knows only {SCHEMA_VERSION}.",
                    )
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def dispose(self) -> None:
        """Close every connection."""
        self.engine.dispose()

    def add_many(self, items: Sequence[NewRemark], now: datetime | None = None) -> list[int]:
        """Store remarks in one transaction; return their ids once the commit is on disk."""
        if not items:
            return []
        now = now or utcnow()
        rows = [
            {
                "received_at": now,
                "kind": item.kind,
                "page": item.page,
                "source": item.source,
                "title": item.title,
                "lang": item.lang,
                "department": item.department,
                "useful": item.useful,
                "category": item.category,
                "text": item.text,
                "removed": ",".join(item.removed),
                "status": COUNTED if item.kind == "useful" else OPEN,
                "mail": NO_MAIL if item.kind == "useful" else PENDING,
            }
            for item in items
        ]
        try:
            with self.engine.begin() as conn:
                result = conn.execute(remarks.insert().returning(remarks.c.id, sort_by_parameter_order=True), rows)
                return [int(r[0]) for r in result]
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def add(self, item: NewRemark, now: datetime | None = None) -> int:
        """Store one remark; return its id."""
        return self.add_many([item], now)[0]

    def get(self, remark_id: int) -> Remark | None:
        """One remark by id."""
        try:
            with self.engine.connect() as conn:
                row = conn.execute(sa.select(remarks).where(remarks.c.id == remark_id)).first()
        except SQLAlchemyError as err:
            raise self._fail(err) from None
        return _row(row) if row is not None else None

    def count(self) -> int:
        """How many remarks (and answers) are stored."""
        try:
            with self.engine.connect() as conn:
                return int(conn.execute(sa.select(sa.func.count()).select_from(remarks)).scalar() or 0)
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def ids(self) -> set[int]:
        """Every stored id (for the benchmark's check that nothing accepted was lost)."""
        try:
            with self.engine.connect() as conn:
                return {int(r[0]) for r in conn.execute(sa.select(remarks.c.id))}
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def claim(
        self,
        *,
        lease: timedelta,
        now: datetime | None = None,
        departments: Sequence[str] | None = None,
        exclude: Sequence[str] = (),
        received_before: datetime | None = None,
        limit: int = 200,
    ) -> list[Remark]:
        """Claim remarks waiting for mail, for this caller only, for the length of the lease."""
        now = now or utcnow()
        token = secrets.token_hex(8)
        waiting = sa.and_(
            remarks.c.mail == PENDING,
            sa.or_(remarks.c.claim.is_(None), remarks.c.claimed_at < now - lease),
        )
        chosen = sa.select(remarks.c.id).where(waiting)
        if departments is not None:
            chosen = chosen.where(remarks.c.department.in_(list(departments)))
        if exclude:
            chosen = chosen.where(remarks.c.department.not_in(list(exclude)))
        if received_before is not None:
            chosen = chosen.where(remarks.c.received_at < received_before)
        chosen = chosen.order_by(remarks.c.id).limit(limit)
        try:
            with self.engine.begin() as conn:
                # The outer condition is checked again on rows another instance claimed meanwhile
                # (PostgreSQL re-reads a row it had to wait for), so a row goes to one claimer only.
                conn.execute(
                    remarks.update()
                    .where(remarks.c.id.in_(chosen.scalar_subquery()), waiting)
                    .values(claim=token, claimed_at=now)
                )
            with self.engine.connect() as conn:
                rows = conn.execute(sa.select(remarks).where(remarks.c.claim == token).order_by(remarks.c.id))
                return [_row(r) for r in rows]
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def mark_sent(self, ids: Sequence[int], now: datetime | None = None) -> None:
        """The remarks were handed to the mail server."""
        self._update(ids, mail=SENT, mailed_at=now or utcnow(), claim=None, claimed_at=None)

    def release(self, ids: Sequence[int]) -> None:
        """Give claimed remarks back (mail failed): the next round tries again."""
        self._update(ids, claim=None, claimed_at=None)

    def _update(self, ids: Sequence[int], **values: Any) -> None:
        if not ids:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(remarks.update().where(remarks.c.id.in_(list(ids))).values(**values))
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def handle(self, remark_id: int, now: datetime | None = None) -> Remark | None:
        """Close an open remark; return it as it is now (None when the id does not exist)."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    remarks.update()
                    .where(remarks.c.id == remark_id, remarks.c.status == OPEN)
                    .values(status=HANDLED, handled_at=now or utcnow())
                )
        except SQLAlchemyError as err:
            raise self._fail(err) from None
        return self.get(remark_id)

    def purge(self, before: datetime) -> tuple[int, int]:
        """Delete everything received before a moment; return (deleted, of which still open)."""
        old = remarks.c.received_at < before
        try:
            with self.engine.begin() as conn:
                still_open = conn.execute(
                    sa.select(sa.func.count()).select_from(remarks).where(old, remarks.c.status == OPEN)
                ).scalar()
                deleted = conn.execute(remarks.delete().where(old)).rowcount
        except SQLAlchemyError as err:
            raise self._fail(err) from None
        return int(deleted or 0), int(still_open or 0)

    def rows(
        self,
        *,
        department: str | None = None,
        status: str | None = None,
        since: datetime | None = None,
        kinds: Sequence[str] | None = None,
    ) -> Iterator[Remark]:
        """Stored remarks, oldest first, optionally filtered."""
        query = sa.select(remarks).order_by(remarks.c.id)
        if department is not None:
            query = query.where(remarks.c.department == department)
        if status is not None:
            query = query.where(remarks.c.status == status)
        if since is not None:
            query = query.where(remarks.c.received_at >= since)
        if kinds is not None:
            query = query.where(remarks.c.kind.in_(list(kinds)))
        try:
            with self.engine.connect() as conn:
                for row in conn.execution_options(yield_per=500).execute(query):
                    yield _row(row)
        except SQLAlchemyError as err:
            raise self._fail(err) from None

    def summary(self, open_limit: int = 200) -> Summary:
        """Per page the Ja/Nee answers and open remarks; per department its open remarks (newest first)."""
        yes = sa.func.sum(sa.case((remarks.c.useful.is_(True), 1), else_=0))
        no = sa.func.sum(sa.case((remarks.c.useful.is_(False), 1), else_=0))
        opened = sa.func.sum(sa.case((remarks.c.status == OPEN, 1), else_=0))
        page_key = sa.func.coalesce(remarks.c.source, remarks.c.page)
        try:
            with self.engine.connect() as conn:
                pages = {
                    (r.department, r.key): (int(r.yes or 0), int(r.no or 0), int(r.opened or 0))
                    for r in conn.execute(
                        sa.select(
                            remarks.c.department,
                            page_key.label("key"),
                            yes.label("yes"),
                            no.label("no"),
                            opened.label("opened"),
                        ).group_by(remarks.c.department, page_key)
                    )
                }
                counts = {
                    str(r[0]): int(r[1])
                    for r in conn.execute(
                        sa.select(remarks.c.department, sa.func.count())
                        .where(remarks.c.status == OPEN)
                        .group_by(remarks.c.department)
                    )
                }
                open_remarks: dict[str, list[Remark]] = {}
                for dep in counts:
                    rows = conn.execute(
                        sa.select(remarks)
                        .where(remarks.c.department == dep, remarks.c.status == OPEN)
                        .order_by(remarks.c.id.desc())
                        .limit(open_limit)
                    )
                    open_remarks[dep] = [_row(r) for r in rows]
        except SQLAlchemyError as err:
            raise self._fail(err) from None
        return Summary(pages, open_remarks, counts)

    def copy_from(self, other: Store, batch: int = 1000) -> int:
        """Copy every row of another store into this empty one, ids included (moving SQLite to PostgreSQL)."""
        if self.count():
            raise StoreError(
                f"De database {shown_url(self.url)} is niet leeg. Kopieer alleen naar een nieuwe, lege database.",
                f"The database {shown_url(self.url)} is not empty. Copy only into a new, empty database.",
            )
        copied = 0
        try:
            with other.engine.connect() as source, self.engine.begin() as target:
                rows = source.execution_options(yield_per=batch).execute(sa.select(remarks).order_by(remarks.c.id))
                for chunk in rows.partitions(batch):
                    target.execute(remarks.insert(), [dict(r._mapping) for r in chunk])
                    copied += len(chunk)
                if not self.sqlite and copied:
                    # New remarks must get ids after the copied ones.
                    target.execute(
                        sa.text("SELECT setval(pg_get_serial_sequence('remarks', 'id'), (SELECT max(id) FROM remarks))")
                    )
        except SQLAlchemyError as err:
            raise self._fail(err) from None
        return copied

    def ping(self) -> None:
        """Raise `StoreError` when the database cannot be reached."""
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.select(1))
        except (SQLAlchemyError, DBAPIError) as err:
            raise self._fail(err) from None
