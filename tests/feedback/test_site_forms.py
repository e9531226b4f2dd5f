"""The built site with `feedback_endpoint: /feedback`: forms that post to the service, and its thank-you pages."""

from __future__ import annotations

import re

import pytest

from plugins.page_footer.footer import EndpointError, check_endpoint
from tests.feedback.conftest import BuiltSite

pytestmark = pytest.mark.build


def test_a_path_on_the_site_itself_is_a_valid_endpoint() -> None:
    assert check_endpoint("/feedback", "https://www.diemen.nl/") == "/feedback"
    for wrong in ("//evil.example/feedback", "/\\\\evil.example", "/\t/evil.example"):
        with pytest.raises(EndpointError):
            check_endpoint(wrong, "https://www.diemen.nl/")


def test_every_page_posts_both_forms_to_the_service(feedback_site: BuiltSite) -> None:
    html = (feedback_site.site / "afval" / "grofvuil" / "index.html").read_text(encoding="utf-8")
    forms = re.findall(r'<form class="diemen-feedback__(\w+)" action="([^"]+)" method="(\w+)">', html)
    assert forms == [("useful", "/feedback", "post"), ("wrong", "/feedback", "post")]
    assert html.count('name="onderwerp"') == 2 and html.count('class="diemen-feedback__trap"') == 2
    assert 'maxlength="2000"' in html
    assert "Dan halen wij ze weg voordat wij uw reactie bewaren." in html
    english = (feedback_site.site / "en" / "afval" / "grofvuil" / "index.html").read_text(encoding="utf-8")
    assert 'name="taal" value="en"' in english and "we remove them before we save your message" in english


def test_the_thank_you_pages_exist_in_both_languages(feedback_site: BuiltSite) -> None:
    for path, heading in (("over-deze-website/bedankt", "Bedankt voor uw reactie"),
                          ("en/over-deze-website/bedankt", "Thank you for your feedback")):  # fmt: skip
        html = (feedback_site.site / path / "index.html").read_text(encoding="utf-8")
        assert heading in html
        assert re.search(r'<div class="diemen-scrubbed" id="weggehaald">', html)


def test_with_mailto_there_is_no_trap(real_site: tuple[object, str]) -> None:
    from pathlib import Path

    site = real_site[0]
    assert isinstance(site, Path)
    html = (site / "afval" / "grofvuil" / "index.html").read_text(encoding="utf-8")
    assert 'action="mailto:afval@diemen.nl"' in html and 'name="onderwerp"' not in html
