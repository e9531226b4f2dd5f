"""Evidence for the manual checks of the yearly audit, gathered in Chromium on every sampled page.

An auditor answers "Have all images a text alternative?" faster with every
image and its alt text in front of them. One extra `evaluate` per page
(evidence.js) collects what the questions ask about; the report shows it
next to the question it answers. The collection runs as the audit's
`after_load` step, in the tab the audit already has open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from linters.wcag.runner import Target

# Which part of the evidence answers which success criterion.
KINDS: dict[str, tuple[str, ...]] = {
    "1.1.1": ("afbeeldingen",),
    "1.2.1": ("media",),
    "1.2.2": ("media",),
    "1.2.3": ("media",),
    "1.2.5": ("media",),
    "1.3.1": ("koppen", "landmarks", "velden"),
    "1.3.5": ("velden",),
    "1.4.5": ("afbeeldingen",),
    "2.4.1": ("landmarks",),
    "2.4.2": ("titel",),
    "2.4.4": ("links",),
    "2.4.6": ("koppen", "velden"),
    "2.5.3": ("velden",),
    "1.4.4": ("tekstgrootte",),
    "1.4.10": ("herschikken",),
    "3.1.1": ("taal",),
    "3.1.2": ("taaldelen",),
    "3.3.1": ("velden",),
    "3.3.2": ("velden",),
    "3.3.3": ("velden",),
}
KIND_NAMES = {
    "afbeeldingen": "Afbeeldingen en hun tekstalternatief",
    "media": "Video en geluid, met ondertitels en andere sporen",
    "koppen": "Koppen (de inhoudsopgave van de pagina)",
    "landmarks": "Landmarks (vaste delen van de pagina)",
    "velden": "Formuliervelden met hun label",
    "titel": "Paginatitel",
    "links": "Linkteksten zonder de zin eromheen",
    "taal": "Taal van de pagina",
    "taaldelen": "Delen in een andere taal",
    "herschikken": "Schermafbeelding bij 320 pixels breed",
    "tekstgrootte": "Schermafbeelding bij 200% tekst",
}


def script() -> str:
    """The page script (package data, so an installed tool has it too)."""
    return resources.files("linters.wcag").joinpath("evidence.js").read_text(encoding="utf-8")


# Reflow (1.4.10) is judged at 320 CSS pixels wide; resize text (1.4.4) at 200%.
_NARROW = {"width": 320, "height": 800}
_OVERFLOW = "() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1"
_BIG_TEXT = "() => { document.documentElement.style.fontSize = '200%'; }"
_NORMAL_TEXT = "() => { document.documentElement.style.fontSize = ''; }"


def _file_name(url: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-")
    return name or "start"


async def _screens(page: Any, url: str, folder: Path) -> dict[str, Any]:
    """Screenshots at 320 px and at 200% text, and whether the page scrolls sideways; the page is put back."""
    size = page.viewport_size
    name = _file_name(url)
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {}
    try:
        await page.set_viewport_size(_NARROW)
        await page.screenshot(path=str(folder / f"{name}-320px.png"))
        result["smal"] = {"bestand": f"{folder.name}/{name}-320px.png", "zijwaarts": await page.evaluate(_OVERFLOW)}
        if size:
            await page.set_viewport_size(size)
        await page.evaluate(_BIG_TEXT)
        await page.screenshot(path=str(folder / f"{name}-200pct.png"))
        result["groot"] = {"bestand": f"{folder.name}/{name}-200pct.png", "zijwaarts": await page.evaluate(_OVERFLOW)}
    finally:
        # axe runs on this page next: it must see the page as it was served.
        await page.evaluate(_NORMAL_TEXT)
        if size:
            await page.set_viewport_size(size)
    return result


def collector(shots: Path | None = None) -> tuple[Callable[[Any, Target], Any], dict[str, dict[str, Any]]]:
    """An `after_load` step for the audit, and the evidence it fills in per page address.

    With `shots`, a folder, each page also gets its screenshots at 320 px and at 200% text.
    """
    from linters.wcag.yearly import local

    source = script()
    store: dict[str, dict[str, Any]] = {}

    async def gather(page: Any, target: Target) -> None:
        url = local(target.url)
        try:
            store[url] = await page.evaluate(source)
            if shots is not None:
                screens = await _screens(page, url, shots)
                store[url]["herschikken"] = screens.get("smal")
                store[url]["tekstgrootte"] = screens.get("groot")
        except Exception as err:  # noqa: BLE001 - evidence is a help; the audit itself must go on
            store[url] = {**store.get(url, {}), "fout": str(err)[:200]}

    return gather, store


def for_criterion(sc: str, evidence: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence for one criterion: per kind, per page, the items (empty when none applies)."""
    result = []
    for kind in KINDS.get(sc, ()):
        pages = []
        for url, data in evidence.items():
            value = data.get(kind)
            if value in (None, "", []):
                continue
            pages.append({"pagina": url, "items": value if isinstance(value, list) else [value]})
        result.append({"soort": kind, "naam": KIND_NAMES[kind], "pagina_s": pages})
    return result
