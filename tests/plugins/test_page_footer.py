"""Every page says who owns it, when it was checked and how to reach the owner, and takes feedback."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.plugins.fixture_site import BASE_PAGES, Built, build_site, page

pytestmark = pytest.mark.build


def form(html_text: str, css_class: str) -> str:
    match = re.search(rf'<form class="{css_class}".*?</form>', html_text, re.S)
    assert match, css_class
    return match.group(0)


def hidden(form_html: str) -> dict[str, str]:
    return {
        name: html.unescape(value)
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form_html)
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    pages = {
        **BASE_PAGES,
        "nl/afval/quotes.md": page('"Afval" & <scheiden>'),
        "nl/parkeren/eigen-contact.md": page("Vergunning", owner="parkeren", contact="vergunning@diemen.nl"),
        "nl/stil/pagina.md": page("Stil", owner="stil"),
        "en/stil/pagina.md": page("Quiet", owner="stil"),
        "nl/reacties/pagina.md": page("Alleen feedback", owner="alleen-feedback"),
        "nl/parkeren/zonder-datum.md": page("Zonder datum", owner="parkeren", reviewed="binnenkort"),
        "en/parkeren/eigen-contact.md": page("Permit", owner="parkeren"),
    }
    built = build_site(tmp_path_factory.mktemp("footer"), pages, ["gemeente/page-footer"])
    assert built.returncode == 0, built.log
    return built


def test_dutch_footer_names_owner_review_date_and_contact(site: Built) -> None:
    text = site.html("afval/grofvuil/")
    assert "Deze informatie komt van de afdeling <strong>Afval en reiniging</strong>." in text
    assert 'Laatst gecontroleerd op <time datetime="2026-09-14">14 september 2026</time>.' in text
    assert '<a href="mailto:afval@diemen.nl">afval@diemen.nl</a>' in text


def test_english_footer_is_english_and_marks_the_dutch_department_name(site: Built) -> None:
    text = site.html("en/afval/grofvuil/")
    assert 'This information comes from the department <strong lang="nl">Afval en reiniging</strong>.' in text
    assert 'Last checked on <time datetime="2026-09-14">14 September 2026</time>.' in text
    assert "Was this page useful?" in text and "Is something wrong on this page?" in text
    assert "Was deze pagina nuttig?" not in text


def test_english_footer_uses_the_english_department_name_from_the_statute(site: Built) -> None:
    # parkeren has `naam_en: Parking` in the statute; its English pages say that, unmarked.
    text = site.html("en/parkeren/eigen-contact/")
    assert "This information comes from the department <strong>Parking</strong>." in text
    assert "<strong>Parkeren</strong>" in site.html("parkeren/eigen-contact/")


def test_feedback_goes_to_the_feedback_mailbox_with_page_address_and_title(site: Built) -> None:
    text = site.html("afval/grofvuil/")
    useful = form(text, "diemen-feedback__useful")
    assert 'action="mailto:meldingen@diemen.nl" method="get"' in useful
    assert "<legend>Was deze pagina nuttig?</legend>" in useful
    body = hidden(useful)["body"]
    assert "https://www.diemen.nl/afval/grofvuil/" in body and "Grofvuil laten ophalen" in body
    assert 'name="subject" value="Was deze pagina nuttig? Ja – Grofvuil laten ophalen">Ja</button>' in useful
    assert 'value="Was deze pagina nuttig? Nee – Grofvuil laten ophalen">Nee</button>' in useful
    wrong = form(text, "diemen-feedback__wrong")
    assert "Klopt er iets niet op deze pagina?" in wrong
    assert (
        hidden(wrong)["subject"]
        == "Er klopt iets niet op: Grofvuil laten ophalen (https://www.diemen.nl/afval/grofvuil/)"
    )
    assert '<textarea id="diemen-feedback-text" name="body"' in wrong and "required" in wrong
    assert "Schrijf geen persoonlijke gegevens op" in text
    # No script and no other host: a plain form to the municipality's own mailbox.
    assert "<script" not in useful + wrong


def test_titles_are_escaped(site: Built) -> None:
    text = site.html("afval/quotes/")
    useful = form(text, "diemen-feedback__useful")
    assert '"Afval" & <scheiden>' in hidden(useful)["body"]
    assert "<scheiden>" not in useful


def test_page_contact_field_wins_over_the_department(site: Built) -> None:
    assert '<a href="mailto:vergunning@diemen.nl">' in site.html("parkeren/eigen-contact/")


def test_owner_without_any_address_still_builds_with_fallbacks(site: Built) -> None:
    text = site.html("stil/pagina/")
    assert "Stille afdeling" in text
    assert "mailto:stil" not in text
    # Contact: the general contact page in the page's language.
    assert 'Heeft u een vraag? Kijk op de pagina <a href="../../contact/">Contact</a>.' in text
    # Feedback: the fallback department (webredactie) instead of nobody.
    assert 'action="mailto:webredactie@diemen.nl"' in text
    assert "Uw reactie gaat naar de afdeling <span>Communicatie en webredactie</span>." in text
    english = site.html("en/stil/pagina/")
    assert '<a href="../../contact/">Contact</a>' in english  # /en/contact/, relative from /en/stil/pagina/


def test_department_with_only_a_feedback_address(site: Built) -> None:
    text = site.html("reacties/pagina/")
    assert 'action="mailto:reacties@diemen.nl"' in text
    assert "Kijk op de pagina" in text


def test_page_without_a_valid_review_date_leaves_the_line_out(site: Built) -> None:
    text = site.html("parkeren/zonder-datum/")
    assert "Laatst gecontroleerd" not in text
    assert "Deze informatie komt van de afdeling" in text


def test_a_form_endpoint_of_the_municipality_gets_a_post_form(tmp_path: Path) -> None:
    built = build_site(
        tmp_path,
        BASE_PAGES,
        [{"gemeente/page-footer": {"feedback_endpoint": "https://formulieren.diemen.nl/feedback"}}],
    )
    assert built.returncode == 0, built.log
    useful = form(built.html("afval/grofvuil/"), "diemen-feedback__useful")
    assert 'action="https://formulieren.diemen.nl/feedback" method="post"' in useful
    fields = hidden(useful)
    assert fields["pagina"] == "https://www.diemen.nl/afval/grofvuil/"
    assert fields["afdeling"] == "afval" and fields["titel"] == "Grofvuil laten ophalen"
    assert 'name="nuttig" value="ja"' in useful
    assert "mailto:" not in useful


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        ("https://forms.example.com/feedback", "niet op het eigen domein"),
        ("http://formulieren.diemen.nl/feedback", "geen geldige keuze"),
        ("e-mail", "geen geldige keuze"),
    ],
)
def test_an_endpoint_elsewhere_is_refused_with_a_clear_message(tmp_path: Path, endpoint: str, expected: str) -> None:
    built = build_site(tmp_path, BASE_PAGES, [{"gemeente/page-footer": {"feedback_endpoint": endpoint}}])
    assert built.returncode != 0
    assert expected in built.log
    assert "Traceback" not in built.log


def test_unknown_fallback_department_is_refused(tmp_path: Path) -> None:
    built = build_site(tmp_path, BASE_PAGES, [{"gemeente/page-footer": {"fallback_department": "niemand"}}])
    assert built.returncode != 0
    assert "'fallback_department: niemand' staat niet bij de afdelingen" in built.log
    assert "Traceback" not in built.log


def test_a_broken_statute_stops_the_build_with_its_problems(tmp_path: Path) -> None:
    built = build_site(tmp_path, BASE_PAGES, ["gemeente/page-footer"], statute="versie: 1\nafdelingen: []\n")
    assert built.returncode != 0
    assert "redactiestatuut.yml" in built.log and "CFG004" in built.log
    assert "Traceback" not in built.log


def test_disabled_plugin_adds_nothing(tmp_path: Path) -> None:
    built = build_site(tmp_path, BASE_PAGES, [{"gemeente/page-footer": {"enabled": False}}])
    assert built.returncode == 0, built.log
    text = built.html("afval/grofvuil/")
    assert "Over deze pagina" not in text and "diemen-feedback" not in text
