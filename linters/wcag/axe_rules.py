"""axe-core's rules in our catalogue, from axe's own metadata and our Dutch texts.

`data/axe_rules.json` is generated from the axe-core script the audit runs
(`axe.getRules()` and each rule's impact, read in Chromium) and committed:
`python -m linters.wcag.axe_rules --axe-script node_modules/axe-core/axe.min.js`
writes it again. The Dutch summary of each rule is ours (`data/axe_nl.yml`);
the documentation sections are built here from axe's help text and the WCAG
success criteria (`data/wcag.yml`), in Dutch and English. axe-core's findings
keep axe's rule id as their code, so the id is both code and name.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from linters.core.finding import Message
from linters.core.rules import AXE, Rule
from linters.wcag import axe as axe_adapter
from linters.wcag.data import load

DATA_FILE = "axe_rules.json"
# What the generator reads in the page: every rule's metadata plus the impact
# axe gives it by default (getRules() leaves the impact out).
_METADATA_JS = """() => axe.getRules().map((rule) => {
  const own = axe._audit.rules.find((r) => r.id === rule.ruleId) || {};
  return { ...rule, impact: own.impact || null };
})"""


def _data_path() -> Path:
    return Path(str(resources.files("linters.wcag").joinpath("data", DATA_FILE)))


@functools.cache
def metadata() -> dict[str, Any]:
    """The committed metadata: the axe-core version and its rules."""
    return dict(json.loads(_data_path().read_text(encoding="utf-8")))


@functools.cache
def _criteria() -> dict[str, Mapping[str, Any]]:
    return {str(c["sc"]): c for c in load("wcag")}


def _criterion(sc: str, lang: str) -> str:
    known = _criteria().get(sc)
    if known is None:
        return f"WCAG {sc}"
    name = known["name"] if lang == "en" else known["naam"]
    level = "level" if lang == "en" else "niveau"
    return f"WCAG {sc} {name} ({level} {known['niveau']})"


def _why(meta: Mapping[str, Any], lang: str) -> str:
    tags = meta["tags"]
    criteria = ", ".join(_criterion(sc, lang) for sc in meta["wcag"])
    if lang == "en":
        if axe_adapter.is_wcag(tags):
            text = f"The page does not meet {criteria}. The law asks for WCAG 2.1 AA (EN 301 549)."
        elif criteria:
            text = f"It is about {criteria}, a level the law does not ask for; it is reported as a suggestion."
        else:
            text = "It is no WCAG requirement but good practice (axe-core's best practices); it is a suggestion."
        if "experimental" in tags:
            text += " axe-core still tests this rule (experimental)."
        return text
    if axe_adapter.is_wcag(tags):
        text = f"De pagina voldoet dan niet aan {criteria}. De wet vraagt WCAG 2.1 AA (EN 301 549)."
    elif criteria:
        text = f"Het gaat om {criteria}, een niveau dat de wet niet vraagt. Daarom is het een suggestie."
    else:
        text = (
            "Het is geen eis van WCAG, maar een goede gewoonte (best practice van axe-core). "
            "Daarom is het een suggestie."
        )
    if "experimental" in tags:
        text += " axe-core test deze regel nog (experimental)."
    return text


class _Lazy(Mapping[str, str]):
    """Documentation sections made on first use: the WCAG names are only read when someone reads the docs."""

    def __init__(self, make: Callable[[], dict[str, str]]) -> None:
        self._make = make

    @functools.cached_property
    def _sections(self) -> dict[str, str]:
        return self._make()

    def __getitem__(self, key: str) -> str:
        return self._sections[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)

    def __repr__(self) -> str:
        return repr(self._sections)


def _rule(meta: Mapping[str, Any], dutch: Mapping[str, str]) -> Rule:
    rule_id = str(meta["id"])
    url = str(meta["help_url"])
    nl = dutch.get(rule_id, f"axe-core meldt: {meta['help']}").replace("{", "{{").replace("}", "}}")
    return Rule(
        code=rule_id,
        name=rule_id,
        severity=axe_adapter.severity(meta["impact"], meta["tags"]),
        summary=Message(dutch.get(rule_id, f"axe-core meldt: {meta['help']}"), str(meta["help"])),
        reporter=AXE,
        languages=frozenset(),
        help_url=url,
        wcag=tuple(meta["wcag"]),
        # The audit fills in `help` from the axe-core that ran (its English words may differ by version).
        messages={
            "": Message(nl, "{help}"),
            "review": Message(
                f"Controleer met de hand: {nl[0].lower()}{nl[1:]} axe-core kon het niet zeker zeggen.",
                "Check by hand: {help}",
            ),
        },
        doc=_Lazy(
            lambda: {
                "Wat het controleert": f"axe-core zoekt dit in de gebouwde pagina (regel `{rule_id}`, met "
                f"`webredactie audit`): {dutch.get(rule_id, meta['help'])} Het niveau volgt de ernst die "
                "axe-core elke plek geeft.",
                "Waarom is dit een probleem?": _why(meta, "nl"),
                "Voorbeeld": f"axe-core zegt het zo (Engels): *{meta['help']}*. Voorbeelden staan op {url}",
                "Beter": f"Los het op zoals de uitleg van axe-core laat zien: {url}. Staat het probleem in het "
                "thema (`overrides/`), dan is het werk voor de webredactie.",
            }
        ),
        doc_en=_Lazy(
            lambda: {
                "What it checks": f"axe-core looks for this in the built page (rule `{rule_id}`, with "
                f"`webredactie audit`): {meta['description']}. The level follows the impact axe-core gives "
                "each place.",
                "Why is this a problem?": _why(meta, "en"),
                "For example": f"axe-core puts it this way: *{meta['help']}*. Examples are on {url}",
                "Better": f"Fix it as axe-core's explanation shows: {url}. When the problem is in the theme "
                "(`overrides/`), it is work for the web editors.",
            }
        ),
    )


@functools.cache
def _dutch() -> dict[str, str]:
    return {str(k): str(v) for k, v in load("axe_nl").items()}


@functools.cache
def axe_rules() -> tuple[Rule, ...]:
    """Every axe-core rule as a catalogue entry, in id order."""
    return tuple(_rule(meta, _dutch()) for meta in sorted(metadata()["rules"], key=lambda m: m["id"]))


@functools.cache
def _by_id() -> dict[str, Rule]:
    return {r.code: r for r in axe_rules()}


def rule_for(result: Mapping[str, Any]) -> Rule:
    """The catalogue entry for an axe result; a rule of a newer axe-core gets one made from the result."""
    rule_id = str(result["id"])
    known = _by_id().get(rule_id)
    if known is not None:
        return known
    tags = list(result.get("tags", []))
    meta = {
        "id": rule_id,
        "impact": result.get("impact"),
        "tags": tags,
        "wcag": list(axe_adapter.criteria(tags)),
        "help": str(result.get("help", rule_id)),
        "description": str(result.get("description", "")),
        "help_url": str(result.get("helpUrl", "")),
    }
    return _rule(meta, _dutch())


def read_metadata(script: axe_adapter.AxeScript, browser: Path) -> dict[str, Any]:
    """axe-core's own rule metadata, read from the script in Chromium."""
    from playwright.sync_api import sync_playwright

    from linters.wcag.browser import LAUNCH_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(browser), args=list(LAUNCH_ARGS))
        try:
            page = chromium.new_page()
            page.set_content("<!doctype html><html lang='en'><head><title>axe</title></head><body></body></html>")
            page.add_script_tag(content=script.source)
            raw: list[dict[str, Any]] = page.evaluate(_METADATA_JS)
        finally:
            chromium.close()
    rules = []
    for item in sorted(raw, key=lambda r: str(r["ruleId"])):
        tags = [str(t) for t in item.get("tags") or []]
        rules.append(
            {
                "id": str(item["ruleId"]),
                "impact": item.get("impact"),
                "tags": tags,
                "wcag": list(axe_adapter.criteria(tags)),
                "help": str(item.get("help", "")),
                "description": str(item.get("description", "")),
                "help_url": str(item.get("helpUrl", "")).split("?", 1)[0],
                "act": [str(a) for a in item.get("actIds") or []],
            }
        )
    return {"axe": script.version, "rules": rules}


def render(data: Mapping[str, Any]) -> str:
    """The data file's text: one rule a line, so a new axe-core shows as a readable diff."""
    head = {"_": "Generated by python -m linters.wcag.axe_rules --axe-script PATH. Do not edit.", "axe": data["axe"]}
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ',\n"rules": [']
    lines.append(",\n".join(json.dumps(rule, ensure_ascii=False) for rule in data["rules"]))
    lines.append("]}\n")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Write data/axe_rules.json again from an axe-core script."""
    from linters.wcag.browser import BrowserNotFound, find_browser

    parser = argparse.ArgumentParser(prog="python -m linters.wcag.axe_rules", description=main.__doc__)
    parser.add_argument("--axe-script", help="axe.min.js (default: the one the audit finds)")
    parser.add_argument("--browser", help="Chromium (default: the one the audit finds)")
    parser.add_argument("--output", type=Path, default=_data_path())
    args = parser.parse_args(argv)
    if args.axe_script and not Path(args.axe_script).is_file():
        print(f"{args.axe_script} bestaat niet. Geef het pad van axe.min.js.", file=sys.stderr)
        return 2
    try:
        script = axe_adapter.find_axe(args.axe_script)
        browser = find_browser(args.browser)
    except (axe_adapter.AxeNotFound, BrowserNotFound) as err:
        print(err, file=sys.stderr)
        return 2
    data = read_metadata(script, browser)
    args.output.write_text(render(data), encoding="utf-8")
    dutch = load("axe_nl")
    missing = [r["id"] for r in data["rules"] if r["id"] not in dutch]
    print(f"{len(data['rules'])} rules of axe-core {data['axe']} written to {args.output}.")
    if missing:
        print(f"Write a Dutch text in linters/wcag/data/axe_nl.yml for: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
