"""Remarks reach the owner's mailbox through a real SMTP server: per remark, or as a daily digest."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from linters.core.statute import Statute
from linters.feedback.mail import Outbox, Routing, SmtpSettings
from linters.feedback.scrub import scrub
from linters.feedback.store import NewRemark, Store
from linters.registry import load_statute
from tests.services import SmtpServer, free_port

STATUTE = """\
versie: 1
organisatie:
  naam: Gemeente Diemen
  website: https://www.diemen.nl
afdelingen:
  - id: webredactie
    naam: Communicatie en webredactie
    contact: webredactie@diemen.nl
  - id: afval
    naam: Afval en reiniging
    contact: afval@diemen.nl
  - id: openbare-ruimte
    naam: Openbare ruimte
    contact: openbareruimte@diemen.nl
    feedback: meldingen@diemen.nl
  - id: stil
    naam: Stille afdeling
secties:
  - pad: afval/
    eigenaar: afval
"""
# 1 December 2026, 06:30 UTC = 07:30 in Diemen (winter time, UTC+1).
EARLY = datetime(2026, 12, 1, 6, 30)


@pytest.fixture
def statute(tmp_path: Path) -> Statute:
    path = tmp_path / "redactiestatuut.yml"
    path.write_text(STATUTE, encoding="utf-8")
    return load_statute(path)


@pytest.fixture
def store(db_url: str) -> Store:
    made = Store(db_url)
    made.create()
    return made


def remark(department: str, text: str, kind: str = "wrong", page: str = "/afval/grofvuil/") -> NewRemark:
    cleaned = scrub(text)
    category = "onjuist" if kind == "kcc" else None
    source = "content/nl/afval/grofvuil.md"
    title = "Grofvuil laten ophalen"
    return NewRemark(kind, page, "nl", department, source, title, category=category, text=cleaned.text,
                     removed=cleaned.removed)  # fmt: skip


def outbox(store: Store, statute: Statute, smtp: SmtpServer | None, **kwargs: object) -> Outbox:
    port = smtp.port if smtp else free_port()
    settings = SmtpSettings(host="127.0.0.1", port=port, sender="webredactie@diemen.nl", timeout=5)
    return Outbox(store, Routing(statute, "webredactie", "https://www.diemen.nl"), settings, **kwargs)  # type: ignore[arg-type]


def test_each_remark_goes_to_the_feedback_then_contact_then_fallback_address(
    store: Store, statute: Statute, smtp: SmtpServer
) -> None:
    ids = store.add_many(
        [
            remark("afval", "Tijden kloppen niet. Bel 06-12345678"),
            remark("openbare-ruimte", "Lantaarnpaal <stuk> & weg"),
            remark("stil", "Niemand leest dit?"),
            NewRemark("useful", "/afval/", "nl", "afval", useful=True),
        ],
        now=EARLY,
    )
    done = outbox(store, statute, smtp).deliver(now=EARLY)
    assert (done.sent, done.waiting, done.errors) == (3, 0, [])
    smtp.mailbox.wait_for(3)
    afval = smtp.mailbox.to("afval@diemen.nl")
    assert len(afval) == 1 and len(smtp.mailbox.to("meldingen@diemen.nl")) == 1
    assert len(smtp.mailbox.to("webredactie@diemen.nl")) == 1
    assert smtp.mailbox.to("openbareruimte@diemen.nl") == []
    message = afval[0]
    assert message["Subject"] == "Reactie op uw pagina: Grofvuil laten ophalen"
    assert message["From"] == "webredactie@diemen.nl" and message["Auto-Submitted"] == "auto-generated"
    assert not message.is_multipart() and message.get_content_type() == "text/plain"
    body = message.get_content()
    assert "Beste Afval en reiniging," in body
    assert "Adres: https://www.diemen.nl/afval/grofvuil/" in body and "Bestand: content/nl/afval/grofvuil.md" in body
    assert "Ontvangen: 1 december 2026, 07:30" in body and f"Nummer: {ids[0]}" in body
    assert "Tijden kloppen niet. Bel [telefoonnummer]" in body and "06-12345678" not in body
    assert "persoonlijke gegevens uit de tekst gehaald: telefoonnummer" in body
    assert "webredactie feedback handled NUMMER" in body
    # Plain text: the visitor's characters arrive as they were written, never as markup.
    assert "Lantaarnpaal <stuk> & weg" in smtp.mailbox.to("meldingen@diemen.nl")[0].get_content()
    assert {r.mail for r in store.rows(kinds=["wrong"])} == {"sent"}
    assert outbox(store, statute, smtp).deliver(now=EARLY).sent == 0  # nothing twice


def test_a_kcc_report_says_so(store: Store, statute: Statute, smtp: SmtpServer) -> None:
    store.add(remark("afval", "Bewoner zegt: tarief is oud", kind="kcc"), now=EARLY)
    assert outbox(store, statute, smtp).deliver(now=EARLY).sent == 1
    message = smtp.mailbox.wait_for(1)[0][1]
    assert message["Subject"] == "Melding van het KCC over uw pagina: Grofvuil laten ophalen"
    assert "Soort: melding van het KCC, onjuist (de informatie klopt niet)" in message.get_content()


def test_the_daily_digest_waits_for_its_hour(store: Store, statute: Statute, smtp: SmtpServer) -> None:
    box = outbox(store, statute, smtp, digest_departments=["afval", "openbare-ruimte"], digest_hour=8)
    store.add_many([remark("afval", "een"), remark("afval", "twee"), remark("openbare-ruimte", "drie")], now=EARLY)
    store.add(remark("stil", "per bericht"), now=EARLY)
    assert box.deliver(now=EARLY).sent == 1  # only the department that is not in the digest
    smtp.mailbox.wait_for(1)
    after_eight = EARLY + timedelta(hours=1)  # 08:30 in Diemen
    store.add(remark("afval", "na acht uur"), now=after_eight)
    done = box.deliver(now=after_eight)
    assert done.sent == 3
    messages = smtp.mailbox.wait_for(3)
    digest = smtp.mailbox.to("afval@diemen.nl")
    assert len(digest) == 1 and len(messages) == 3
    assert digest[0]["Subject"] == "2 reacties op uw pagina's (1 december 2026)"
    body = digest[0].get_content()
    assert "--- 1 van 2 ---" in body and "een" in body and "twee" in body and "na acht uur" not in body
    # The remark after eight waits for tomorrow's digest.
    assert box.deliver(now=after_eight + timedelta(hours=3)).sent == 0
    assert box.deliver(now=after_eight + timedelta(days=1)).sent == 1


def test_a_mail_server_that_is_down_loses_nothing(store: Store, statute: Statute, smtp: SmtpServer) -> None:
    store.add_many([remark("afval", "een"), remark("stil", "twee")], now=EARLY)
    down = outbox(store, statute, None).deliver(now=EARLY)
    assert down.sent == 0 and down.waiting == 2
    assert "niet bereikbaar" in down.errors[0]
    assert {r.mail for r in store.rows()} == {"pending"}
    # Released, not left claimed: the next round (with the server up) sends at once.
    assert outbox(store, statute, smtp).deliver(now=EARLY + timedelta(minutes=1)).sent == 2
