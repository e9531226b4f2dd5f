"""The store on SQLite and on a real PostgreSQL server: the same statements, the same answers."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from linters.feedback.store import HANDLED, OPEN, NewRemark, Store, StoreError, database_url, schema

T0 = datetime(2026, 12, 1, 9, 0)


def wrong(page: str = "/afval/grofvuil/", department: str = "afval", text: str = "Klopt niet") -> NewRemark:
    return NewRemark("wrong", page, "nl", department, "content/nl/afval/grofvuil.md", "Grofvuil", text=text)


def useful(answer: bool, page: str = "/afval/grofvuil/") -> NewRemark:
    return NewRemark("useful", page, "nl", "afval", "content/nl/afval/grofvuil.md", "Grofvuil", useful=answer)


@pytest.fixture
def store(db_url: str) -> Store:
    made = Store(db_url)
    made.create()
    made.create()  # a second start finds the tables and the version
    return made


def test_a_batch_is_stored_in_order_with_its_ids(store: Store) -> None:
    ids = store.add_many([wrong(text="een"), useful(True), wrong(text="drie")], now=T0)
    assert len(ids) == 3 and ids == sorted(ids)
    assert [store.get(i).text for i in ids] == ["een", None, "drie"]  # type: ignore[union-attr]
    assert store.get(ids[1]).status == "counted"  # type: ignore[union-attr]
    assert store.get(ids[0]).mail == "pending"  # type: ignore[union-attr]
    assert store.get(ids[1]).mail == "none"  # type: ignore[union-attr]
    assert store.count() == 3


def test_text_is_stored_as_text(store: Store) -> None:
    evil = "<script>alert('x')</script> ' OR 1=1; -- \u00e9\u00eb \U0001f600"
    remark_id = store.add(wrong(text=evil))
    assert store.get(remark_id).text == evil  # type: ignore[union-attr]


def test_a_claim_is_taken_once_until_its_lease_ends(store: Store) -> None:
    store.add_many([wrong(), wrong(department="parkeren"), useful(False)], now=T0)
    first = store.claim(lease=timedelta(minutes=10), now=T0)
    assert [r.department for r in first] == ["afval", "parkeren"]
    assert store.claim(lease=timedelta(minutes=10), now=T0 + timedelta(minutes=5)) == []
    # A claimer that died: after the lease another takes over.
    again = store.claim(lease=timedelta(minutes=10), now=T0 + timedelta(minutes=11))
    assert [r.id for r in again] == [r.id for r in first]
    store.mark_sent([again[0].id], now=T0)
    store.release([again[1].id])
    later = store.claim(lease=timedelta(minutes=10), now=T0 + timedelta(minutes=12))
    assert [r.id for r in later] == [again[1].id]


def test_a_claim_can_leave_out_or_take_only_some_departments(store: Store) -> None:
    store.add_many([wrong(), wrong(department="parkeren")], now=T0)
    store.add(wrong(department="parkeren", text="later"), now=T0 + timedelta(hours=2))
    only = store.claim(lease=timedelta(minutes=1), now=T0, exclude=["parkeren"])
    assert [r.department for r in only] == ["afval"]
    digest = store.claim(
        lease=timedelta(minutes=1), now=T0, departments=["parkeren"], received_before=T0 + timedelta(hours=1)
    )
    assert [r.text for r in digest] == ["Klopt niet"]


def test_handle_closes_only_open_remarks(store: Store) -> None:
    remark_id = store.add(wrong())
    answer_id = store.add(useful(True))
    handled = store.handle(remark_id, now=T0)
    assert handled is not None and handled.status == HANDLED and handled.handled_at == T0
    assert store.handle(answer_id) is not None and store.get(answer_id).status == "counted"  # type: ignore[union-attr]
    assert store.handle(999_999) is None


def test_purge_deletes_what_is_older(store: Store) -> None:
    store.add(wrong(text="oud en open"), now=T0 - timedelta(days=400))
    old = store.add(wrong(text="oud en af"), now=T0 - timedelta(days=400))
    store.handle(old)
    store.add(wrong(text="nieuw"), now=T0)
    deleted, still_open = store.purge(T0 - timedelta(days=365))
    assert (deleted, still_open) == (2, 1)
    assert [r.text for r in store.rows()] == ["nieuw"]


def test_summary_counts_answers_per_page_and_open_remarks_per_department(store: Store) -> None:
    store.add_many([useful(True), useful(True), useful(False), wrong(), wrong(page="/afval/", text="b")], now=T0)
    closed = store.add(wrong(department="parkeren", page="/parkeren/"))
    store.handle(closed)
    summary = store.summary()
    assert summary.pages[("afval", "content/nl/afval/grofvuil.md")] == (2, 1, 2)
    assert summary.open_counts == {"afval": 2}
    assert [r.text for r in summary.open_remarks["afval"]] == ["b", "Klopt niet"]  # newest first
    assert "parkeren" not in summary.open_remarks


def test_rows_filter(store: Store) -> None:
    store.add_many([wrong(), wrong(department="parkeren"), useful(True)], now=T0)
    assert len(list(store.rows(department="afval"))) == 2
    assert len(list(store.rows(status=OPEN))) == 2
    assert len(list(store.rows(kinds=["useful"]))) == 1
    assert list(store.rows(since=T0 + timedelta(days=1))) == []


def test_a_database_of_a_newer_version_is_refused(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.update(schema).values(version=99))
    with pytest.raises(StoreError, match="schemaversie 99"):
        store.create()


@pytest.mark.postgres
def test_an_unreachable_postgres_gives_a_clear_message() -> None:
    store = Store("postgresql+psycopg://nobody@/feedback?host=/nonexistent-socket-dir")
    with pytest.raises(StoreError) as caught:
        store.create()
    assert "werkt niet" in caught.value.nl and "nobody@/feedback" in caught.value.nl


def test_database_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    monkeypatch.delenv("WEBREDACTIE_FEEDBACK_DB", raising=False)
    root = Path("/srv/site")
    assert database_url(None, root).startswith("sqlite:////srv/site/.webredactie/")
    assert database_url("data/fb.sqlite3", root) == "sqlite:////srv/site/data/fb.sqlite3"
    assert database_url("postgresql://u@h/db", root) == "postgresql+psycopg://u@h/db"
    with pytest.raises(StoreError, match="kan niet worden gebruikt"):
        Store("nonsense://")
