"""Browser checks of our own where the engines are silent: reflow, zoom, text spacing, keyboard, focus, and more.

axe-core (and any second engine) reads the page as it is. Some WCAG criteria
need the page to be *used*: made narrow, zoomed, given wider text spacing,
walked with the Tab key. `observe` does that once per page, after the engines
ran (it changes the page: viewport, focus, a style sheet), in this order:

1. checks that only read the page (meta refresh, spacing fixed in style
   attributes, label in name, widgets the keyboard cannot reach, media that
   plays by itself);
2. one resize pass: 1280 by 1024 with the WCAG text spacing, then 640 by 512
   (200% zoom), then 320 by 640 (reflow, and portrait for the orientation
   check), then back;
3. one Tab walk: all Tab presses sent at once, which costs about a tenth of a
   second on a theme page. Only when a script moved focus or stopped the Tab
   key during that walk does a slow walk follow, key by key, to find a trap;
4. focus: every element the walk reached is focused once, to see whether
   anything on the screen changes and whether a fixed bar covers it.

Each check follows its W3C ACT rule where one exists, and keeps quiet where
it cannot be sure: an own check must not add false alarms. The rules, their
messages and documentation are in `behaviour_rules.py`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from linters.core.finding import Message
from linters.core.rules import Rule
from linters.wcag.behaviour_rules import (
    audio_plays_by_itself,
    browser_check_failed,
    content_does_not_reflow,
    focus_not_visible,
    focus_obscured,
    keyboard_trap,
    label_not_in_name,
    not_reachable_by_keyboard,
    orientation_locked,
    text_clipped_when_zoomed,
    text_clipped_with_text_spacing,
    text_spacing_locked,
    timed_refresh,
)

SCRIPT = resources.files("linters.wcag").joinpath("behaviour.js").read_text(encoding="utf-8")
# The viewports of the resize pass: 200% zoom of 1280 by 1024 (ACT 59br37), and
# 320 CSS pixels wide (WCAG 1.4.10), upright so the orientation check sees portrait.
ZOOM_VIEWPORT = {"width": 640, "height": 512}
REFLOW_VIEWPORT = {"width": 320, "height": 640}
# A bounded walk: enough presses for every element the page offers, but never more than this.
MAX_TABS = 300
# The slow walk waits this long after each key, so a script that pulls focus back has run.
_STEP_MS = 60
_SLOW_STEPS = 40
# All own checks of one page together; a page that takes longer is reported, not waited for.
TIME_LIMIT = 20.0


async def observe(page: Any, viewport: Mapping[str, int]) -> dict[str, Any]:
    """Run every own check on the loaded page; what failed to run is in `error`, never raised."""
    address = page.url
    try:
        return await asyncio.wait_for(_observe(page, viewport), TIME_LIMIT)
    except TimeoutError:
        return {"timeout": TIME_LIMIT}
    except Exception as err:  # noqa: BLE001 - the engines' results of this page must survive our checks
        first = (str(err).strip().splitlines() or [type(err).__name__])[0]
        if page.url != address or "context was destroyed" in first:
            return {"error": "de pagina ging tijdens de controle naar een ander adres"}
        return {"error": first[:200]}
    finally:
        try:
            await page.set_viewport_size(dict(viewport))
        except Exception:  # noqa: BLE001, S110 - a closed or crashed tab needs no viewport
            pass


async def _observe(page: Any, viewport: Mapping[str, int]) -> dict[str, Any]:
    if not await page.evaluate(SCRIPT):
        return {}  # not an HTML document (a standalone SVG): nothing of this applies
    own = "window.__webredactieOwn"
    # Each step is one round trip; the page is landscape first and portrait at 320 wide.
    data: dict[str, Any] = await page.evaluate(f"() => {own}.first()")
    await page.set_viewport_size(ZOOM_VIEWPORT)
    data["zoomClipped"] = await page.evaluate(f"() => {own}.clipped()")
    await page.set_viewport_size(REFLOW_VIEWPORT)
    zoomed = [item["selector"] for item in data["zoomClipped"]]
    data.update(await page.evaluate(f"(zoomed) => {own}.narrow(zoomed)", zoomed))
    await page.set_viewport_size(dict(viewport))
    start = await page.evaluate(f"() => {own}.back()")
    reached, interfered = await _tab_walk(page, int(start["expected"]))
    data["focus"] = await page.evaluate(f"(indices) => {own}.focusCheck(indices)", reached)
    data["trap"] = []
    if interfered:
        # A script moved focus or held the Tab key: walk again, key by key, to see whether it traps.
        cycle = await _find_trap(page)
        if cycle:
            data["trap"] = await page.evaluate(f"(indices) => {own}.describe(indices)", cycle)
    return data


async def _tab_walk(page: Any, expected: int) -> tuple[list[int], bool]:
    """Tab through the page once, fast: the elements reached, and whether a script interfered with focus."""
    own = "window.__webredactieOwn"
    presses = min(expected + 3, MAX_TABS)
    # Sent together: Chromium handles the keys in order, and the round trips overlap.
    await asyncio.gather(*(page.keyboard.press("Tab") for _ in range(presses)))
    await page.wait_for_timeout(_STEP_MS)
    state = await page.evaluate(f"() => {own}.walkState()")
    reached = list(dict.fromkeys(i for i in state["log"] if i >= 0))
    return reached, bool(state["focusCalls"] or state["prevented"])


async def _active(page: Any) -> dict[str, Any]:
    result: dict[str, Any] = await page.evaluate("() => window.__webredactieOwn.active()")
    return result


async def _press(page: Any, key: str) -> dict[str, Any]:
    await page.keyboard.press(key)
    await page.wait_for_timeout(_STEP_MS)
    return await _active(page)


async def _find_trap(page: Any) -> list[int]:
    """The elements focus cannot leave (ACT 80af7b): by Tab, Shift+Tab, nor the keys the page names."""
    own = "window.__webredactieOwn"
    await page.evaluate(f"() => {own}.walkStart()")
    order: list[int] = []
    cycle: list[int] = []
    for _ in range(_SLOW_STEPS):
        state = await _press(page, "Tab")
        if state["index"] < 0 or state["frame"]:
            return []  # left the page (or went into a frame we do not follow): no trap forward
        if state["index"] in order:
            cycle = order[order.index(state["index"]) :]
            break
        order.append(state["index"])
    if not cycle:
        return []
    inside = set(cycle)
    for _ in range(len(cycle) + 3):
        state = await _press(page, "Shift+Tab")
        if state["index"] < 0 or state["index"] not in inside:
            return []
    if await _escapes(page, cycle):
        return []
    helpers = await page.evaluate(f"(indices) => {own}.helpers(indices)", cycle)
    for helper in helpers:
        await page.evaluate(f"(i) => {own}.focusIndex(i)", helper)
        await _press(page, "Enter")
        if await _escapes(page, cycle):
            return []
    return cycle


async def _escapes(page: Any, cycle: list[int]) -> bool:
    """Whether one of the key combinations the page tells about moves focus out of the cycle."""
    own = "window.__webredactieOwn"
    for key in await page.evaluate(f"() => {own}.advertisedKeys()"):
        await page.evaluate(f"(i) => {own}.focusIndex(i)", cycle[0])
        await page.wait_for_timeout(_STEP_MS)
        state = await _press(page, key)
        if state["index"] not in cycle:
            return True
    return False


@dataclass(frozen=True)
class Observation:
    """One thing an own check found on a page: the rule, the element and what to say."""

    rule: Rule
    item: Mapping[str, Any]
    message: Message
    context: str = ""
    needs_review: bool = False


def observations(data: Mapping[str, Any]) -> Iterator[Observation]:
    """Turn what `observe` returned into findings-to-be, one per element."""
    page = {"selector": "html", "html": "", "info": None}
    if data.get("timeout") or data.get("error"):
        if data.get("timeout"):
            message = browser_check_failed.message("timeout", seconds=f"{TIME_LIMIT:g}")
        else:
            message = browser_check_failed.message(error=str(data["error"]))
        yield Observation(browser_check_failed, page, message, needs_review=True)
        return
    for item in data.get("refresh", []):
        key = "redirect" if item.get("redirect") else "refresh"
        yield Observation(timed_refresh, item, timed_refresh.message(key, seconds=int(item.get("delay") or 0)))
    for item in data.get("spacing", []):
        values = {k: str(item.get(k, "")) for k in ("property", "value", "needed")}
        yield Observation(
            text_spacing_locked, item, text_spacing_locked.message(size=str(item.get("fontSize")), **values)
        )
    for key, rule in (("spacingClipped", text_clipped_with_text_spacing), ("zoomClipped", text_clipped_when_zoomed)):
        for item in data.get(key, []):
            text = str(item.get("text", ""))
            yield Observation(rule, item, rule.message(text=text), context=text)
    for item in (data.get("reflow") or {}).get("items", []):
        yield Observation(
            content_does_not_reflow, item, content_does_not_reflow.message("scroll", right=int(item.get("right") or 0))
        )
    for item in data.get("reflowClipped", []):
        text = str(item.get("text", ""))
        yield Observation(
            content_does_not_reflow, item, content_does_not_reflow.message("clipped", text=text), context=text
        )
    for item in data.get("orientation", []):
        yield Observation(orientation_locked, item, orientation_locked.message())
    for item in data.get("media", []):
        seconds = item.get("seconds")
        message = (
            audio_plays_by_itself.message(seconds=int(seconds)) if seconds else audio_plays_by_itself.message("loop")
        )
        yield Observation(audio_plays_by_itself, item, message)
    for item in data.get("labels", []):
        message = label_not_in_name.message(label=str(item.get("label", "")), name=str(item.get("name", "")))
        yield Observation(label_not_in_name, item, message)
    for item in data.get("notOperable", []):
        message = not_reachable_by_keyboard.message(name=_name(item), role=str(item.get("role", "")))
        yield Observation(not_reachable_by_keyboard, item, message)
    trap = data.get("trap") or []
    if trap:
        names = ", ".join(f"'{_name(t)}'" for t in trap[:5])
        yield Observation(keyboard_trap, trap[0], keyboard_trap.message(names=names))
    focus = data.get("focus") or {}
    for item in focus.get("hidden", []):
        yield Observation(focus_not_visible, item, focus_not_visible.message(name=_name(item)))
    for item in focus.get("covered", []):
        yield Observation(
            focus_obscured, item, focus_obscured.message(name=_name(item), cover=str(item.get("cover", "")))
        )


def _name(item: Mapping[str, Any]) -> str:
    """What a visitor calls the element: its name, else its role or place in the page."""
    return str(item.get("name") or item.get("role") or item.get("selector") or "")
