"""Split one merged search index into one index per language, and put descriptions first.

static-i18n stacks the entries of every language into one
`search/search_index.json` whose `lang` lists all languages. Material's search
worker then runs lunr's multi-language pipeline, which stems every word with
every language's stemmer, and a Dutch visitor gets English pages among the
results. One index per language, each with its own `lang`, gives each
language its own stemming and only its own pages.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, MutableMapping, Sequence
from typing import Any

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_index(data: Mapping[str, Any], default: str, languages: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per language an index: its own entries, locations relative to its own root, `lang` = that language.

    Entries of a language other than the default live under `<lang>/`; that
    prefix is removed because its pages tell the search worker that `<lang>/`
    is the base. A location indexed twice (a dirty rebuild) keeps its last entry.
    """
    others = [lang for lang in languages if lang != default]
    buckets: dict[str, dict[str, dict[str, Any]]] = {lang: {} for lang in languages}
    for entry in data.get("docs", []):
        location = str(entry.get("location", ""))
        lang = next((code for code in others if location == code or location.startswith(code + "/")), default)
        item = dict(entry)
        if lang != default:
            item["location"] = location[len(lang) + 1 :] if location.startswith(lang + "/") else ""
        buckets[lang][item["location"] + "\0" + str(item.get("title", ""))] = item
    result = {}
    for lang in languages:
        config = dict(data.get("config", {}))
        config["lang"] = [lang]
        result[lang] = {"config": config, "docs": list(buckets[lang].values())}
    return result


def add_description(entries: Sequence[MutableMapping[str, Any]], url: str, description: str) -> bool:
    """Put the description first in the text of the page's own entry (not its sections); tell whether found."""
    paragraph = f"<p>{html.escape(description.strip())}</p>"
    # The page's entries are the last ones added; search from the end.
    for entry in reversed(entries):
        if entry.get("location") == url:
            text = str(entry.get("text", ""))
            if not text.startswith(paragraph):
                entry["text"] = paragraph + text
            return True
    return False


def set_search_base(page_html: str, suffix: str) -> str:
    """Point Material's `base` (where it finds the search index) at the language's own root.

    `base` is relative from the page to the site root, for example `../..`;
    `suffix` is the language folder (`en`). The trailing slash matters: the
    worker resolves `search/search_index.json` against it as a folder.
    """
    match = _CONFIG_SCRIPT.search(page_html)
    if match is None:
        return page_html
    config = json.loads(match.group(2))
    base = str(config.get("base", ".")).rstrip("/")
    config["base"] = f"{base}/{suffix}/"
    text = json.dumps(config).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return page_html[: match.start(2)] + text + page_html[match.end(2) :]
