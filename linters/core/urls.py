r"""Web addresses read the way a browser reads them (the WHATWG URL standard).

A check that reads an address differently from the browser can be fooled:
`https://example.com\@formulieren.diemen.nl/x` looks like a form of the
municipality to a simple parser (the part after `@` is the host), but a browser
reads the backslash as a slash and sends the form to example.com. So every
question "which host does this address reach" is answered here, with ada (the
WHATWG parser that Node.js uses): backslashes, tabs and newlines, user names,
percent-encoding, full-width letters and IDNA, numeric IPv4 forms.
"""

from __future__ import annotations

from dataclasses import dataclass

import ada_url


@dataclass(frozen=True)
class WebAddress:
    """An address after the browser's parsing: what it will really reach."""

    href: str
    scheme: str
    host: str
    has_credentials: bool

    @property
    def is_ip(self) -> bool:
        """True for an IPv4 or IPv6 address instead of a domain name."""
        return self.host.startswith("[") or self.host.replace(".", "").isdigit()


def parse(url: str, base: str | None = None) -> WebAddress | None:
    """Parse like a browser (relative to `base` when given); None when a browser would not open it."""
    try:
        parsed = ada_url.URL(url, base=base) if base else ada_url.URL(url)
    except ValueError:
        return None
    return WebAddress(
        href=parsed.href,
        scheme=parsed.protocol.rstrip(":").lower(),
        host=parsed.hostname.lower(),
        has_credentials=bool(parsed.username or parsed.password),
    )


def site_domain(site_url: str | None) -> str:
    """The site's own domain: the host of `site_url` without `www.`; "" when there is none."""
    parsed = parse(site_url or "")
    if parsed is None or not parsed.host or parsed.is_ip:
        return ""
    return parsed.host.rstrip(".").removeprefix("www.")


def within(host: str, domain: str) -> bool:
    """True when `host` is `domain` or a sub-domain of it (a trailing dot is the same host in DNS)."""
    host = host.rstrip(".")
    return bool(domain) and (host == domain or host.endswith("." + domain))


def is_third_party(url: str, page_url: str, own_domain: str) -> str | None:
    """The other host an address on a page makes the browser contact, or None when it stays on the site.

    `page_url` is the page's public address, so a relative address resolves
    as the browser resolves it; `own_domain` is the site's domain (its hosts
    and sub-domains are the municipality's own). Addresses that reach no host
    (`mailto:`, `#top`) are not third party.
    """
    parsed = parse(url.strip(), page_url or "https://site.invalid/")
    if parsed is None or parsed.scheme not in ("http", "https", "ws", "wss", "ftp") or not parsed.host:
        return None
    host = parsed.host.rstrip(".")
    if host == "site.invalid" or within(host, own_domain):
        return None
    return host
