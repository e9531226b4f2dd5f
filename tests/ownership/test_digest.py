"""The department digest: the same facts as the checks, as JSON and as a plain Dutch e-mail."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, run_cli
from tests.ownership.helpers import commit, init_repo, new_site, page, write

SITE = FIXTURES / "ownership-site"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    return copy


def digest_json(site: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run_cli(["owners", "digest", "--format", "json", "--today", "2026-11-22", *args], site, capsys)
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    return document


def department(document: dict[str, Any], dep_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in document["departments"] if d["id"] == dep_id)
    return found


def test_reviews_per_department_with_dates(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = digest_json(site, capsys)
    burgerzaken = department(document, "burgerzaken")
    assert burgerzaken["contact"] == "burgerzaken@diemen.nl"
    assert [(p["rel_path"], p["due"], p["state"]) for p in burgerzaken["overdue"]] == [
        ("burgerzaken/paspoort.md", "2025-07-10", "long-overdue"),
        ("burgerzaken/trouwen/index.md", "2026-10-01", "overdue"),
    ]
    assert [(p["rel_path"], p["due"], p["days"]) for p in burgerzaken["upcoming"]] == [
        ("burgerzaken/rijbewijs.md", "2026-12-01", -9)
    ]
    assert burgerzaken["summary"]["pages"] == 4
    assert [s["path"] for s in burgerzaken["sections"]] == ["burgerzaken/", "burgerzaken/trouwen/"]


def test_translations_per_department(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = digest_json(site, capsys)
    afval = department(document, "afval")
    assert [s["path"] for s in afval["stale_translations"]] == ["content/en/afval/grofvuil.md"]
    assert afval["stale_translations"][0]["basis"] == "front-matter"
    assert [p["rel_path"] for p in afval["orphans"]] == ["afval/bulky-waste.md"]
    # The page in afval/ that names parkeren as owner is on parkeren's list.
    parkeren = department(document, "parkeren")
    assert parkeren["missing_translations"] == [
        {"path": "content/nl/afval/kca.md", "title": "Klein chemisch afval", "expected": "content/en/afval/kca.md"}
    ]
    assert "git-repository" in document["translation_history_limitation"]


def test_one_department_only(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = digest_json(site, capsys, "-d", "afval")
    assert [d["id"] for d in document["departments"]] == ["afval"]


def test_plain_dutch_email(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["owners", "digest", "-d", "burgerzaken", "--today", "2026-11-22"], site, capsys)
    assert code == 0
    assert out.startswith("Aan: burgerzaken@diemen.nl\nOnderwerp: Uw pagina's op www.diemen.nl")
    assert "Te laat voor controle: 2 pagina's" in out
    assert "Laatste controle: 10 januari 2025. Controle nodig op: 10 juli 2025. Nu 500 dagen te laat." in out
    assert "Binnenkort controleren (binnen 30 dagen): 1 pagina" in out
    assert "Controle nodig op: 1 december 2026. Nog 9 dagen." in out
    assert "Wat moet u doen?" in out
    assert out.rstrip().endswith("Vragen? Mail de webredactie: webredactie@diemen.nl.")


def test_a_department_with_nothing_to_do_is_told_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = new_site(tmp_path / "site")
    code, out, _ = run_cli(["owners", "digest", "-d", "parkeren", "--today", "2026-11-22"], site, capsys)
    assert code == 0
    assert "Alles is in orde. U hoeft nu niets te doen." in out
    code, out, _ = run_cli(["owners", "digest", "-d", "belastingen", "--today", "2026-11-22"], site, capsys)
    assert "Uw afdeling heeft nu geen pagina's" in out


def test_output_dir_has_one_mail_per_department_and_the_json(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = site / "reports" / "afdelingen"
    code, _, _ = run_cli(["owners", "digest", "--output-dir", str(target), "--today", "2026-11-22"], site, capsys)
    assert code == 0
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "afval.txt",
        "belastingen.txt",
        "burgerzaken.txt",
        "digest.json",
        "parkeren.txt",
        "webredactie.txt",
    ]
    assert json.loads((target / "digest.json").read_text(encoding="utf-8"))["date"] == "2026-11-22"


def test_stale_translation_from_git_in_the_digest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = new_site(tmp_path / "repo")
    init_repo(site)
    write(site, "content/nl/afval/a.md", page("Grofvuil", reviewed="2026-09-01"))
    write(site, "content/en/afval/a.md", page("Bulky waste", reviewed="2026-10-01"))
    commit(site, "both", "2026-09-01T10:00:00")
    write(site, "content/nl/afval/a.md", page("Grofvuil", reviewed="2026-09-01", body="Nieuw."))
    commit(site, "dutch", "2026-11-02T10:00:00")
    document = digest_json(site, capsys, "-d", "afval")
    (stale,) = department(document, "afval")["stale_translations"]
    assert (stale["basis"], stale["original_changed"], stale["translation_changed"]) == (
        "git",
        "2026-11-02",
        "2026-09-01",
    )
    assert document["translation_history_limitation"] is None


def test_bad_arguments_stop_clearly(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["owners", "digest", "-d", "afvall"], site, capsys)
    assert code == 2 and out == ""
    assert "De afdeling 'afvall' staat niet in het redactiestatuut" in err
    code, _, err = run_cli(["owners", "digest", "--today", "22-11-2026"], site, capsys)
    assert code == 2 and "geen datum" in err


def every_case(root: Path) -> Path:
    """A site where the digest has something to say in every part: reviews, dates, translations, owners."""
    site = new_site(root)
    write(site, "content/nl/afval/laat.md", page("Te laat", reviewed="2024-01-01"))
    write(site, "content/nl/afval/binnenkort.md", page("Binnenkort", reviewed="2025-12-01"))
    write(site, "content/nl/afval/toekomst.md", page("Toekomst", reviewed="2027-01-01"))
    write(site, "content/nl/afval/zonder.md", page("Zonder datum", reviewed="geen"))
    write(site, "content/nl/afval/alleen-nl.md", page("Alleen Nederlands"))
    write(site, "content/nl/afval/oud.md", page("Oud papier", reviewed="2026-11-01"))
    write(site, "content/en/afval/oud.md", page("Waste paper", reviewed="2026-10-01"))
    write(site, "content/en/afval/wees.md", page("Orphan"))
    write(site, "content/nl/sport/zwembad.md", "---\ntitle: Zwembad\ndescription: Over het zwembad.\n---\n\nTekst.\n")
    return site


def mail(site: Path, capsys: pytest.CaptureFixture[str], lang: str, *departments: str) -> str:
    args = ["owners", "digest", "--today", "2026-11-22", "--lang", lang]
    for dep in departments:
        args += ["-d", dep]
    code, out, err = run_cli(args, site, capsys)
    assert code == 0, err
    return out


def shape(text: str) -> list[tuple[int, bool]]:
    """Indentation and list items per line: what two languages of one mail must share."""
    return [(len(line) - len(line.lstrip(" ")), line.lstrip().startswith("- ")) for line in text.splitlines()]


def test_dutch_and_english_mails_say_the_same_things(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One data model, two templates: the English mail has every part and line of the Dutch one."""
    site = every_case(tmp_path / "site")
    dutch = mail(site, capsys, "nl", "afval", "webredactie", "belastingen")
    english = mail(site, capsys, "en", "afval", "webredactie", "belastingen")
    for part in (
        "Te laat voor controle: 1 pagina",
        "Dat is meer dan twee keer de termijn.",
        "Binnenkort controleren (binnen 30 dagen): 1 pagina",
        "Controledatum ontbreekt of klopt niet: 2 pagina's",
        "Engelse vertaling ontbreekt: 5 pagina's",
        "Engelse vertaling loopt achter: 1 pagina",
        "Engelse pagina zonder Nederlandse pagina: 1 pagina",
        "Pagina's zonder eigenaar: 1 pagina",
        "3. Maak of verbeter de Engelse pagina's die hierboven staan.",
        "Uw afdeling heeft nu geen pagina's op www.diemen.nl.",
    ):
        assert part in dutch
    for part in (
        "Overdue for review: 1 page",
        "That is more than twice the review cycle.",
        "Review soon (within 30 days): 1 page",
        "Review date missing or wrong: 2 pages",
        "English translation missing: 5 pages",
        "English translation out of date: 1 page",
        "English page without a Dutch page: 1 page",
        "Pages without an owner: 1 page",
        "3. Create or update the English pages listed above.",
        "Your department has no pages on www.diemen.nl now.",
        "The Dutch page was reviewed on 1 November 2026. The translation was reviewed on 1 October 2026.",
    ):
        assert part in english
    assert shape(dutch) == shape(english)
    paths = re.compile(r"content/\S+\.md")
    assert paths.findall(dutch) == paths.findall(english)


def test_the_dutch_mail_has_no_officialese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dutch = mail(every_case(tmp_path / "site"), capsys, "nl").lower()
    for word in ("uiterlijk", "indien", "middels", "dient", "tevens"):
        assert word not in dutch
    assert "- content/nl/afval/binnenkort.md (binnenkort): volgende controle op 1 december 2026" in dutch


def test_a_title_with_markup_stays_plain_text_in_the_mail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The mail is text/plain: markup in a title is shown as written, not run and not turned into entities."""
    site = new_site(tmp_path / "site")
    write(site, "content/nl/afval/x.md", page("<script>alert(1)</script> & co", reviewed="2024-01-01"))
    out = mail(site, capsys, "nl", "afval")
    assert "- <script>alert(1)</script> & co\n  content/nl/afval/x.md\n" in out and "&lt;" not in out
