"""Link texts that say nothing about where a link goes (WCAG 2.4.4), judged here and nowhere else.

The words are data (`data/link_texts.yml`, Dutch and English). A link text
is unclear when, in lower case and with punctuation as spaces, it is one of
the `exact` texts or contains one of the `contains` phrases. That judgement
is one regular expression per language, built here: the Markdown rule
(A11Y001) runs it in Python, and the browser audit hands the same
expression to `page.js` (A11Y102), which runs it inside the page so that only
unclear links cost a selector. The expression is plain words, spaces and
`^(?:…)$|…`, which Python and JavaScript read alike.
"""

from __future__ import annotations

import functools
import re

from linters.wcag.data import load

# Punctuation (and `_`, which Python counts as a word character) becomes a space;
# page.js does the same with /[^\p{L}\p{N}\s]+/gu.
_PUNCT = re.compile(r"[^\w\s]+|_")
_PLAIN = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")


def normal(text: str) -> str:
    """A link text as it is judged: lower case, punctuation as spaces, single spaces."""
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


@functools.cache
def pattern(lang: str) -> str:
    """The expression that finds an unclear link text in `lang` (the text given `normal`)."""
    lists = load("link_texts")[lang]
    phrases = [str(p) for p in lists["exact"]] + [str(p) for p in lists["contains"]]
    wrong = [p for p in phrases if not _PLAIN.match(p) or normal(p) != p]
    if wrong:
        raise ValueError(f"link_texts.yml ({lang}): write these in lower case, words and spaces only: {wrong}")
    parts = []
    if lists["exact"]:
        parts.append("^(?:" + "|".join(str(p) for p in lists["exact"]) + ")$")
    parts.extend(str(p) for p in lists["contains"])
    return "|".join(parts) or "(?!)"


@functools.cache
def _compiled(lang: str) -> re.Pattern[str]:
    return re.compile(pattern(lang))


def unclear(text: str, lang: str) -> bool:
    """True when a link text says nothing about where the link goes (an empty text is not judged here)."""
    key = normal(text)
    return bool(key) and _compiled(lang if lang in languages() else "nl").search(key) is not None


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages the lists cover."""
    return tuple(str(lang) for lang in load("link_texts"))


def for_browser() -> dict[str, str]:
    """The expressions for `page.js`, by language."""
    return {lang: pattern(lang) for lang in languages()}
