"""feedback_endpoint: accepted only when a browser would send the form to the site's own domain.

Each refused address is one a simple parser (urllib) reads as the
municipality's own, or one that leaves the domain in a way people miss.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from plugins.page_footer.footer import EndpointError, check_endpoint

SITE = "https://www.diemen.nl/"

REFUSED = [
    # A browser reads the backslash as a slash: the host is example.com (the case of issue 12).
    ("https://example.com\\@formulieren.diemen.nl/x", "example.com"),
    ("https://example.com\\\\@formulieren.diemen.nl/x", "example.com"),
    ("https:\\\\example.com\\x", "example.com"),
    ("https:/\\example.com/x", "example.com"),
    ("https:example.com/formulieren.diemen.nl", "example.com"),
    # Everything before the last '@' is a user name, not the host.
    ("https://formulieren.diemen.nl@example.com/x", "example.com"),
    ("https://formulieren.diemen.nl:443@example.com/x", "example.com"),
    ("https://diemen.nl@@example.com/", "example.com"),
    # A user name in front of the municipality's own host: no credentials in a form address.
    ("https://example.com@formulieren.diemen.nl/x", "gebruikersnaam"),
    ("https://example.com%5c@formulieren.diemen.nl/x", "gebruikersnaam"),
    ("https://evil.com;@formulieren.diemen.nl/x", "gebruikersnaam"),
    # Fragment, query and path are not the host.
    ("https://example.com#@formulieren.diemen.nl", "example.com"),
    ("https://example.com?@formulieren.diemen.nl", "example.com"),
    ("https://example.com/formulieren.diemen.nl", "example.com"),
    # Look-alike domains.
    ("https://formulieren.diemen.nl.example.com/x", "formulieren.diemen.nl.example.com"),
    ("https://evildiemen.nl/x", "evildiemen.nl"),
    ("https://diemen.nl-formulieren.example/x", "diemen.nl-formulieren.example"),
    # Percent-encoding and Unicode are decoded before the host is known.
    ("https://formulieren.diemen.nl%2eexample.com/x", "formulieren.diemen.nl.example.com"),
    ("https://diemen.nl\u3002example.com/x", "diemen.nl.example.com"),
    ("https://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.com/x", "example.com"),
    ("https://di\u00ebmen.nl/x", "xn--dimen-osa.nl"),
    # Tabs and newlines are removed, leading and trailing spaces too.
    ("https://exa\tmple.com/x", "example.com"),
    ("https://exa\nmple.com/x", "example.com"),
    ("  https://example.com/x  ", "example.com"),
    # Numbers are IP addresses, in every notation a browser accepts.
    ("https://127.0.0.1/x", "127.0.0.1"),
    ("https://0x7f.1/x", "127.0.0.1"),
    ("https://2130706433/x", "127.0.0.1"),
    ("https://[::1]/x", "[::1]"),
    # Not https, no host, or not a web address at all.
    ("http://formulieren.diemen.nl/feedback", "geen geldige keuze"),
    ("//formulieren.diemen.nl/feedback", "geen geldige keuze"),
    ("javascript:alert(1)//formulieren.diemen.nl", "geen geldige keuze"),
    ("data:text/html,<form>", "geen geldige keuze"),
    ("https://diemen.nl%00.example.com/", "geen geldige keuze"),
    ("https://", "geen geldige keuze"),
    ("e-mail", "geen geldige keuze"),
    ("", "geen geldige keuze"),
]

ACCEPTED = [
    ("mailto", "mailto"),
    ("https://formulieren.diemen.nl/feedback", "https://formulieren.diemen.nl/feedback"),
    ("https://www.diemen.nl/reactie", "https://www.diemen.nl/reactie"),
    ("https://diemen.nl/reactie", "https://diemen.nl/reactie"),
    ("HTTPS://FORMULIEREN.DIEMEN.NL/Feedback", "https://formulieren.diemen.nl/Feedback"),
    ("https://formulieren.diemen.nl./feedback", "https://formulieren.diemen.nl./feedback"),
    ("https://formulieren.diemen.nl:8443/feedback", "https://formulieren.diemen.nl:8443/feedback"),
    ("https://%66ormulieren.diemen.nl/feedback", "https://formulieren.diemen.nl/feedback"),
    ("https://formulieren.diemen.nl\\feedback", "https://formulieren.diemen.nl/feedback"),
    (
        "https://formulieren.diemen.nl/x?terug=https://example.com",
        "https://formulieren.diemen.nl/x?terug=https://example.com",
    ),
    # What the browser really uses is what the form gets: the newline is gone.
    ("https://formu\nlieren.diemen.nl/feedback", "https://formulieren.diemen.nl/feedback"),
]


@pytest.mark.parametrize(("endpoint", "shown"), REFUSED)
def test_refused_with_the_host_a_browser_would_reach(endpoint: str, shown: str) -> None:
    with pytest.raises(EndpointError) as caught:
        check_endpoint(endpoint, SITE)
    assert shown in str(caught.value)


@pytest.mark.parametrize(("endpoint", "published"), ACCEPTED)
def test_accepted_as_the_browser_reads_it(endpoint: str, published: str) -> None:
    assert check_endpoint(endpoint, SITE) == published


def test_the_issue_case_fools_a_simple_parser() -> None:
    """Why the browser's rules matter: urllib sees the municipality where the browser sees example.com."""
    assert urlsplit("https://example.com\\@formulieren.diemen.nl/x").hostname == "formulieren.diemen.nl"


def test_without_site_url_only_mailto_is_accepted() -> None:
    assert check_endpoint("mailto", None) == "mailto"
    with pytest.raises(EndpointError, match="site_url"):
        check_endpoint("https://formulieren.diemen.nl/feedback", None)


def test_the_messages_are_plain_dutch() -> None:
    with pytest.raises(EndpointError) as caught:
        check_endpoint("https://example.com\\@formulieren.diemen.nl/x", SITE)
    text = str(caught.value)
    assert "gaat in een browser naar example.com" in text and "eigen domein van de site (diemen.nl)" in text
