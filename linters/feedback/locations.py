"""Where the feedback database is, without loading a database driver.

Kept apart from `store.py` so the command line can name the default in its
help, and `webredactie report` can tell whether there is a database at all,
on an installation without the `feedback` extra (no SQLAlchemy).
"""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "WEBREDACTIE_FEEDBACK_DB"
DEFAULT_SQLITE = Path(".webredactie") / "feedback.sqlite3"
EXTRA_MISSING = (
    "De feedbackdienst heeft extra pakketten nodig (Starlette, uvicorn, SQLAlchemy, psycopg). "
    "Installeer ze met: pip install 'diemen-web[feedback]'."
)


def database_url(value: str | None, root: Path) -> str:
    """The SQLAlchemy URL: the option, else WEBREDACTIE_FEEDBACK_DB, else a SQLite file in the project.

    A plain path (no `://`) is a SQLite file; `postgresql://` means psycopg 3.
    """
    value = value or os.environ.get(DB_ENV) or ""
    if not value:
        return f"sqlite:///{root / DEFAULT_SQLITE}"
    if "://" not in value:
        path = Path(value)
        return f"sqlite:///{path if path.is_absolute() else root / path}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def sqlite_file(url: str) -> Path | None:
    """The file of a sqlite:/// URL, None for another database."""
    prefix = "sqlite:///"
    return Path(url[len(prefix) :].split("?", 1)[0]) if url.startswith(prefix) else None
