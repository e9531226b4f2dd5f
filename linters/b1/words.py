"""Word facts that need no NLP: what counts as a word, syllables, and what a word token carries.

Kept free of spaCy so the command line can start (and answer from its cache)
without importing the language pipeline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Token

WORD = re.compile(r"\w", re.UNICODE)
_VOWELS = re.compile(r"ij|[aeiouyáàâéèêíìîóòôúùû]+|[äëïöü]", re.IGNORECASE)
_EN_VOWELS = re.compile(r"[aeiouy]+", re.IGNORECASE)


class Sentence(NamedTuple):
    """A sentence of a document: token range, character range and number of words."""

    start: int
    end: int
    start_char: int
    end_char: int
    words: int


class WordInfo(NamedTuple):
    """What the rules need to know about one word token (a tuple: there are millions per run)."""

    i: int
    lower: str
    zipf: float
    head: str
    modifier: str
    syllables: int
    name_like: bool
    # Zipf frequency in everyday speech (SUBTLEX-NL for Dutch, wordfreq for English).
    familiar: float = 0.0


def is_word(token: Token) -> bool:
    """A token that counts as a word: it holds a letter or digit."""
    return not token.is_punct and not token.is_space and WORD.search(token.text) is not None


def syllables_nl(word: str) -> int:
    """Syllables of a Dutch word: vowel groups, with 'ij' one vowel and a trema starting a new one.

    Pyphen undercounts Dutch compounds (DESIGN.md); vowel groups are right for
    nearly every native word and cheap enough to run on every token.
    """
    return max(1, len(_VOWELS.findall(word)))


def syllables_en(word: str) -> int:
    """Syllables of an English word: vowel groups, minus a silent final e."""
    lower = word.lower()
    count = len(_EN_VOWELS.findall(lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)
