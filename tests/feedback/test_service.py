"""The running service (a real `webredactie feedback serve` process) on SQLite and PostgreSQL.

Good posts are stored and answered with a redirect to the thank-you page in
the page's language; every kind of bad input gets its own 4xx page in the
visitor's language and leaves the database as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from linters.feedback.store import Remark, Store
from tests.feedback.conftest import KCC_PASSWORD, BuiltSite, Service, fresh_database, start_service

SITE = "https://www.diemen.nl"
PAGE = f"{SITE}/afval/grofvuil/"
EN_PAGE = f"{SITE}/en/afval/grofvuil/"
FORM = {"pagina": PAGE, "titel": "Grofvuil laten ophalen", "taal": "nl", "afdeling": "afval"}
EN_FORM = {"pagina": EN_PAGE, "titel": "Bulky waste", "taal": "en", "afdeling": "afval"}
ORIGIN = {"Origin": SITE}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def running(
    request: pytest.FixtureRequest, feedback_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Service, Store]]:
    url = fresh_database(request.param, tmp_path_factory.mktemp("db"), request, "service_tests")
    service = start_service(
        feedback_site, url, "--no-mail", "--rate-limit", "0", env={"WEBREDACTIE_KCC_PASSWORD": KCC_PASSWORD}
    )
    store = Store(url)
    try:
        yield service, store
    finally:
        store.dispose()
        assert service.stop() == 0, "".join(service.log)
        assert "Traceback" not in "".join(service.log), "".join(service.log)


def post(service: Service, data: Any = None, headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
    return httpx.post(
        service.url + "/feedback", data=data, headers=ORIGIN if headers is None else headers, timeout=10, **kwargs
    )


def last(store: Store) -> Remark:
    return list(store.rows())[-1]


def test_yes_is_counted_and_the_visitor_is_thanked(running: tuple[Service, Store]) -> None:
    service, store = running
    before = store.count()
    answer = post(service, {**FORM, "soort": "nuttig", "nuttig": "ja"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/over-deze-website/bedankt/"
    assert store.count() == before + 1
    stored = last(store)
    assert (stored.kind, stored.useful, stored.page, stored.department) == ("useful", True, "/afval/grofvuil/", "afval")
    assert stored.source == "content/nl/afval/grofvuil.md" and stored.status == "counted" and stored.mail == "none"


def test_an_english_page_thanks_in_english(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**EN_FORM, "soort": "nuttig", "nuttig": "nee"})
    assert answer.status_code == 303 and answer.headers["location"] == "/en/over-deze-website/bedankt/"
    assert last(store).useful is False and last(store).lang == "en"


def test_a_remark_is_scrubbed_and_the_visitor_is_told(running: tuple[Service, Store]) -> None:
    service, store = running
    text = "De datum klopt niet. Bel mij: 06-12345678 of mail jan@example.nl. BSN 111222333."
    answer = post(service, {**FORM, "soort": "fout", "bericht": text})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/over-deze-website/bedankt/#weggehaald"
    stored = last(store)
    assert stored.text == "De datum klopt niet. Bel mij: [telefoonnummer] of mail [e-mailadres]. BSN [BSN]."
    assert stored.removed == ("email", "bsn", "phone")
    assert (stored.status, stored.mail) == ("open", "pending")


def test_the_owner_comes_from_the_statute_not_from_the_form(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**FORM, "afdeling": "parkeren", "soort": "fout", "bericht": "Tarief klopt niet"})
    assert answer.status_code == 303
    assert last(store).department == "afval"


def test_a_page_without_an_owner_goes_to_the_fallback(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**FORM, "pagina": f"{SITE}/", "soort": "fout", "bericht": "Zoeken werkt niet"})
    assert answer.status_code == 303
    assert last(store).department == "webredactie"


def test_the_referer_counts_when_a_browser_sends_no_origin(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**FORM, "soort": "nuttig", "nuttig": "ja"}, headers={"Referer": PAGE})
    assert answer.status_code == 303


def test_control_characters_are_dropped_not_refused(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**FORM, "soort": "fout", "bericht": "Een\x00 fout\r\nop\x07 twee \u202eregels"})
    assert answer.status_code == 303
    assert last(store).text == "Een fout\nop twee regels"


def test_the_honeypot_is_answered_like_a_person_but_nothing_is_stored(running: tuple[Service, Store]) -> None:
    service, store = running
    before = store.count()
    answer = post(service, {**FORM, "soort": "fout", "bericht": "Koop nu", "onderwerp": "http://spam.example"})
    assert answer.status_code == 303
    assert store.count() == before


BIG = "x" * 20_000
BAD: list[tuple[str, dict[str, Any], int, str]] = [
    ("oversized body", {"content": f"soort=fout&pagina=%2Fafval%2Fgrofvuil%2F&bericht={BIG}"}, 413, "te groot"),
    ("invalid UTF-8", {"content": "soort=fout&pagina=%2Fafval%2Fgrofvuil%2F&bericht=%FF%FEfout"}, 400, "niet lezen"),
    ("no page", {"data": {"soort": "fout", "bericht": "Fout"}}, 400, "ontbreekt"),
    ("no kind", {"data": {"pagina": PAGE, "bericht": "Fout"}}, 400, "ontbreekt"),
    ("no answer", {"data": {**FORM, "soort": "nuttig", "nuttig": "misschien"}}, 400, "ontbreekt"),
    ("empty text", {"data": {**FORM, "soort": "fout", "bericht": "  \n "}}, 400, "niets geschreven"),
    ("text too long", {"data": {**FORM, "soort": "fout", "bericht": "a" * 2001}}, 400, "hoogstens 2.000 tekens"),
    (
        "unknown page",
        {"data": {**FORM, "pagina": f"{SITE}/bestaat-niet/", "soort": "nuttig", "nuttig": "ja"}},
        422,
        "kennen wij niet",
    ),  # fmt: skip
    (
        "page on another site",
        {"data": {**FORM, "pagina": "https://evil.example/afval/grofvuil/", "soort": "nuttig", "nuttig": "ja"}},
        422,
        "kennen wij niet",
    ),  # fmt: skip
    ("a script", {"data": {**FORM, "soort": "fout", "bericht": "<script>alert(1)</script>"}}, 400, "gewone tekst"),
    ("a link", {"data": {**FORM, "soort": "fout", "bericht": 'Zie <a href="http://x">hier</a>'}}, 400, "gewone tekst"),
    ("a field twice", {"content": "soort=fout&soort=nuttig&pagina=%2F&bericht=x"}, 400, "niet lezen"),
    ("JSON", {"content": '{"soort": "fout"}', "ctype": "application/json"}, 415, "niet lezen"),
    ("multipart", {"files": {"bericht": ("a.txt", b"fout")}, "data": FORM}, 415, "niet lezen"),
]


@pytest.mark.parametrize(("case", "request_args", "status", "words"), BAD, ids=[c[0] for c in BAD])
def test_bad_input_gets_its_4xx_page_and_leaves_the_database_as_it_was(
    running: tuple[Service, Store], case: str, request_args: dict[str, Any], status: int, words: str
) -> None:
    service, store = running
    before = [r.as_dict() for r in store.rows()]
    args = dict(request_args)
    headers = dict(ORIGIN)
    if "ctype" in args:
        headers["Content-Type"] = args.pop("ctype")
    elif "content" in args:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    answer = post(service, headers=headers, **args)
    assert answer.status_code == status, answer.text
    assert words in answer.text
    assert '<html lang="nl">' in answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert [r.as_dict() for r in store.rows()] == before


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Origin": "null"}, {"Referer": "https://evil.example/x"}, {}],
    ids=["foreign origin", "null origin", "foreign referer", "neither"],
)
def test_posts_from_elsewhere_are_refused(running: tuple[Service, Store], headers: dict[str, str]) -> None:
    service, store = running
    before = store.count()
    answer = post(service, {**FORM, "soort": "nuttig", "nuttig": "ja"}, headers=headers)
    assert answer.status_code == 403
    assert "niet van onze website" in answer.text
    assert store.count() == before


def test_the_error_page_speaks_the_visitors_language(running: tuple[Service, Store]) -> None:
    service, store = running
    answer = post(service, {**EN_FORM, "soort": "fout", "bericht": "<b>bold</b>"})
    assert answer.status_code == 400
    assert '<html lang="en">' in answer.text and "Please write plain text" in answer.text
    # The visitor's markup never comes back as markup.
    assert "<b>bold" not in answer.text
    assert 'href="/en/afval/grofvuil/"' in answer.text


def test_other_addresses_and_methods(running: tuple[Service, Store]) -> None:
    service, _ = running
    assert httpx.get(service.url + "/feedback").status_code == 405
    missing = httpx.get(service.url + "/niets", headers={"Accept-Language": "en-GB,en"})
    assert missing.status_code == 404 and "This page does not exist" in missing.text
    assert httpx.get(service.url + "/status").text == "ok"


def test_the_kcc_form_needs_the_password(running: tuple[Service, Store]) -> None:
    service, store = running
    url = service.url + "/intern/melding"
    refused = httpx.get(url)
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
    assert httpx.get(url, auth=("kcc", "fout-wachtwoord-123")).status_code == 401
    assert httpx.get(url, auth=("iemand", KCC_PASSWORD)).status_code == 401
    form = httpx.get(url, auth=("kcc", KCC_PASSWORD))
    assert form.status_code == 200 and "Moeilijk te begrijpen" in form.text
    before = store.count()
    unauthorised = httpx.post(url, data={"pagina": PAGE, "categorie": "onjuist", "bericht": "x"}, headers=ORIGIN)
    assert unauthorised.status_code == 401 and store.count() == before


def test_kcc_staff_report_a_page(running: tuple[Service, Store]) -> None:
    service, store = running
    url = service.url + "/intern/melding"
    auth = ("kcc", KCC_PASSWORD)
    data = {
        "pagina": PAGE,
        "categorie": "moeilijk-te-begrijpen",
        "bericht": "Bewoner snapt de tarieven niet. 0612345678",
    }
    answer = httpx.post(url, data=data, auth=auth, headers={"Origin": SITE})
    assert answer.status_code == 303
    stored = last(store)
    assert answer.headers["location"] == f"melding?opgeslagen={stored.id}&weggehaald=phone"
    assert (stored.kind, stored.category, stored.department) == ("kcc", "moeilijk-te-begrijpen", "afval")
    assert stored.text == "Bewoner snapt de tarieven niet. [telefoonnummer]"
    shown = httpx.get(service.url + "/intern/" + answer.headers["location"], auth=auth)
    assert f"Melding {stored.id} is opgeslagen. Hij gaat naar de afdeling Afval en reiniging." in shown.text
    assert "telefoonnummer" in shown.text
    bad = httpx.post(url, data={**data, "categorie": "anders"}, auth=auth, headers={"Origin": SITE})
    assert bad.status_code == 400 and last(store).id == stored.id


def test_without_a_password_there_is_no_kcc_form(feedback_site: BuiltSite, tmp_path: Path) -> None:
    service = start_service(feedback_site, f"sqlite:///{tmp_path / 'x.sqlite3'}", "--no-mail")
    try:
        assert httpx.get(service.url + "/intern/melding", auth=("kcc", KCC_PASSWORD)).status_code == 404
    finally:
        assert service.stop() == 0


def test_too_many_posts_from_one_visitor(feedback_site: BuiltSite, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rate.sqlite3'}"
    service = start_service(feedback_site, url, "--no-mail", "--rate-limit", "3")
    store = Store(url)
    try:
        form = {**FORM, "soort": "nuttig", "nuttig": "ja"}
        one = {**ORIGIN, "X-Forwarded-For": "192.0.2.10"}
        codes = [post(service, form, headers=one).status_code for _ in range(4)]
        assert codes == [303, 303, 303, 429]
        refused = post(service, form, headers=one)
        assert int(refused.headers["retry-after"]) >= 1 and "Te veel berichten" in refused.text
        other = post(service, form, headers={**ORIGIN, "X-Forwarded-For": "192.0.2.11"})
        assert other.status_code == 303
        assert store.count() == 4
    finally:
        store.dispose()
        assert service.stop() == 0
    # No address is kept anywhere: not in the database, not in the service's output.
    assert "192.0.2" not in "".join(service.log)
    assert b"192.0.2" not in Path(tmp_path / "rate.sqlite3").read_bytes()


@pytest.mark.postgres
def test_a_database_fault_is_a_503_page_not_a_500(
    feedback_site: BuiltSite, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import sqlalchemy as sa

    url = fresh_database("postgresql", tmp_path, request, "fault_test")
    service = start_service(feedback_site, url, "--no-mail")
    engine = sa.create_engine(url)
    try:
        assert post(service, {**FORM, "soort": "nuttig", "nuttig": "ja"}).status_code == 303
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE remarks"))
        answer = post(service, {**FORM, "soort": "fout", "bericht": "Klopt niet"})
        assert answer.status_code == 503
        assert "Het lukt nu even niet" in answer.text and answer.headers["retry-after"] == "60"
    finally:
        engine.dispose()
        service.stop()
