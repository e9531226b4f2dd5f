"""Which Chromium to drive, and how to start it.

Playwright's own browser download does not work everywhere (not on this
project's machines), so the order is: the setting (`--browser` or
WEBREDACTIE_BROWSER), the system's Chromium (Debian's `/usr/bin/chromium`),
then a browser that Playwright installed. When none exists the message says
how to get one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

BROWSER_ENV = "WEBREDACTIE_BROWSER"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Headless without sandbox (root in containers), and nothing that talks to
# Google's servers: an audit must not make requests of its own.
LAUNCH_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Media with `autoplay` plays as it would for a visitor whose browser allows it, so
    # the audit hears what that visitor hears (WCAG 1.4.2); headless blocks it otherwise.
    "--autoplay-policy=no-user-gesture-required",
)


class BrowserNotFound(Exception):
    """No usable Chromium; the message says where we looked and what to install."""


def playwright_chromium() -> Path | None:
    """The Chromium that `playwright install chromium` put on this machine, if any."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = Path(p.chromium.executable_path)
    except Exception:  # noqa: BLE001 - no driver or no registry: simply no Playwright browser
        return None
    return path if path.is_file() else None


def find_browser(setting: str | None = None, *, use_playwright: bool = True) -> Path:
    """The Chromium executable to use, in the documented order."""
    looked: list[str] = []
    for value in (setting, os.environ.get(BROWSER_ENV)):
        if value:
            path = Path(value)
            if path.is_file() and os.access(path, os.X_OK):
                return path
            found = shutil.which(value)
            if found:
                return Path(found)
            raise BrowserNotFound(
                f"De browser '{value}' bestaat niet of is niet uitvoerbaar. "
                "Geef het pad naar Chromium, bijvoorbeeld --browser /usr/bin/chromium."
            )
    for name in SYSTEM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
        looked.append(name)
    if use_playwright:
        managed = playwright_chromium()
        if managed is not None:
            return managed
        looked.append("Playwright-browser")
    raise BrowserNotFound(
        "Er is geen Chromium gevonden (gezocht: " + ", ".join(looked) + "). Installeer Chromium "
        "(Debian: apt-get install chromium), of geef het pad met --browser of WEBREDACTIE_BROWSER."
    )
