"""`webredactie feedback handled / export / purge / send` on a real database, through the real command line."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from linters.feedback.store import NewRemark, Store
from tests.conftest import REPO, run_cli
from tests.services import SmtpServer, free_port


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(REPO / "redactiestatuut.yml", tmp_path / "redactiestatuut.yml")
    return tmp_path


@pytest.fixture
def filled(db_url: str) -> tuple[str, list[int]]:
    store = Store(db_url)
    store.create()
    ids = store.add_many(
        [
            NewRemark(
                "wrong",
                "/afval/grofvuil/",
                "nl",
                "afval",
                "content/nl/afval/grofvuil.md",
                "Grofvuil",
                text='Prijs "klopt", niet; <b>',
                removed=("phone",),
            ),  # fmt: skip
            NewRemark("useful", "/afval/grofvuil/", "nl", "afval", useful=True),
            NewRemark("kcc", "/parkeren/", "nl", "parkeren", category="onvolledig", text="Tarief mist"),
        ],
        now=datetime(2025, 10, 1, 12, 0),
    )
    store.add(NewRemark("wrong", "/", "nl", "webredactie", text="nieuw"), now=datetime(2026, 11, 30, 12, 0))
    store.dispose()
    return db_url, ids


def test_handled_closes_a_remark(
    project: Path, filled: tuple[str, list[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, ids = filled
    code, out, err = run_cli(["feedback", "handled", str(ids[0]), "--database", url], project, capsys)
    assert code == 0 and f"Reactie {ids[0]} (/afval/grofvuil/, afval) is afgemeld." in out
    assert Store(url).get(ids[0]).status == "handled"  # type: ignore[union-attr]
    code, out, err = run_cli(["feedback", "handled", "99999", "--database", url], project, capsys)
    assert code == 2 and "Reactie 99999 bestaat niet" in err
    code, out, err = run_cli(["feedback", "handled", str(ids[1]), "--database", url], project, capsys)
    assert code == 0 and "Dat meldt u niet af" in err


def test_export_csv_and_json(
    project: Path, filled: tuple[str, list[int]], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, ids = filled
    code, out, _ = run_cli(["feedback", "export", "--database", url], project, capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == [str(i) for i in ids] + [str(ids[-1] + 1)]
    assert rows[0]["text"] == 'Prijs "klopt", niet; <b>' and rows[0]["removed"] == "phone"
    assert rows[1]["useful"] == "ja" and rows[2]["category"] == "onvolledig"
    assert rows[0]["received_at"] == "2025-10-01T12:00:00Z"
    target = tmp_path / "open.json"
    code, out, err = run_cli(
        ["feedback", "export", "--format", "json", "--open", "--department", "afval", "-o", str(target),
         "--database", url], project, capsys)  # fmt: skip
    assert code == 0 and "1 reacties geschreven" in err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["version"] == 1 and [r["id"] for r in data["remarks"]] == [ids[0]]
    assert data["remarks"][0]["removed"] == ["phone"] and data["remarks"][0]["useful"] is None


def test_purge_uses_the_statutes_retention(
    project: Path, filled: tuple[str, list[int]], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _ = filled
    code, out, err = run_cli(["feedback", "purge", "--today", "2026-12-02", "--database", url], project, capsys)
    assert code == 0
    assert "3 reacties van voor 2025-12-02 verwijderd (bewaartermijn 12 maanden)." in out
    assert "2 daarvan stonden nog open" in err
    assert [r.text for r in Store(url).rows()] == ["nieuw"]


def test_send_mails_what_waits(
    project: Path, filled: tuple[str, list[int]], capsys: pytest.CaptureFixture[str], smtp: SmtpServer
) -> None:
    url, _ = filled
    down = ["feedback", "send", "--database", url, "--smtp-host", "127.0.0.1", "--smtp-port", str(free_port())]
    code, out, err = run_cli(down, project, capsys)
    assert code == 2 and "niet bereikbaar" in err
    up = ["feedback", "send", "--database", url, "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp.port)]
    code, out, err = run_cli(up, project, capsys)
    assert code == 0 and "3 reacties gemaild." in out
    assert {tuple(rcpt) for rcpt, _ in smtp.mailbox.wait_for(3)} == {
        ("afval@diemen.nl",),
        ("parkeren@diemen.nl",),
        ("webredactie@diemen.nl",),
    }


def test_a_database_that_cannot_be_used_stops_with_a_message(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["feedback", "export", "--database", "mysql://x@/y"], project, capsys)
    assert code == 2 and "kan niet worden gebruikt" in err and "Traceback" not in err


def test_serve_without_a_built_site_stops_with_a_message(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["feedback", "serve", "--site", str(project / "site")], project, capsys)
    assert code == 2 and "bestaat niet. Bouw de site eerst" in err


@pytest.mark.postgres
def test_copy_moves_sqlite_to_postgresql(
    project: Path, tmp_path: Path, request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.feedback.conftest import fresh_database

    sqlite = f"sqlite:///{tmp_path / 'oud.sqlite3'}"
    old = Store(sqlite)
    old.create()
    ids = old.add_many([NewRemark("wrong", "/", "nl", "webredactie", text=f"tekst {n}") for n in range(5)])
    old.handle(ids[1])
    before = [r.as_dict() for r in old.rows()]
    target = fresh_database("postgresql", tmp_path, request, "copy_target")
    code, out, err = run_cli(["feedback", "copy", "--database", sqlite, "--to", target], project, capsys)
    assert code == 0, err
    assert "5 reacties gekopieerd" in out
    new = Store(target)
    assert [r.as_dict() for r in new.rows()] == before
    # New remarks continue after the copied ids.
    assert new.add(NewRemark("wrong", "/", "nl", "webredactie", text="nieuw")) == ids[-1] + 1
    code, out, err = run_cli(["feedback", "copy", "--database", sqlite, "--to", target], project, capsys)
    assert code == 2 and "niet leeg" in err
    new.dispose()


def test_messages_in_english(project: Path, filled: tuple[str, list[int]], capsys: pytest.CaptureFixture[str]) -> None:
    url, ids = filled
    code, out, err = run_cli(["--lang", "en", "feedback", "handled", str(ids[0]), "--database", url], project, capsys)
    assert code == 0 and f"Remark {ids[0]} (/afval/grofvuil/, afval) is closed." in out
    code, out, err = run_cli(["feedback", "serve", "--origin", "geen-adres", "--lang", "en"], project, capsys)
    assert code == 2 and ("Build the site first" in err or "is not an address" in err)
