"""One page, analysed once: its prose blocks run through the language pipeline.

Every B1 rule and the metric provider ask `analyse(page)`; the first call runs
the pipeline over all prose blocks of the page in one `nlp.pipe` batch and
keeps the annotated documents, the others read them. The result depends only
on the page's bytes and language, never on the statute, so it can be shared
by every rule of a run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from linters.b1 import lexicon
from linters.b1.pipeline import analyse_texts
from linters.b1.words import Sentence
from linters.core.page import Page, ProseBlock

# A web page of 50,000 words is already ten times the longest real page; a
# 5 MB file is cut there (and reported) so one page cannot stall the run.
MAX_WORDS = 50_000
MAX_BLOCK_CHARS = 200_000
RUNNING_TEXT = frozenset({"paragraph", "list-item", "blockquote"})
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
# The engine runs every rule of a page before the next page, so a few pages
# are enough; keeping every page's documents made each garbage collection
# walk millions of objects (a third of the run time on 2,000 pages).
_MEMO_SIZE = 8


@dataclass
class BlockDoc:
    """A prose block and its annotated document (the text may be cut for huge blocks)."""

    block: ProseBlock
    doc: Doc

    def position(self, char: int) -> tuple[int, int]:
        """Source (line, column) of a character offset in the document."""
        return self.block.position(char)

    def sentences(self) -> Iterator[Sentence]:
        """The sentences of the block that hold at least one word."""
        for sentence in self.doc._.b1_sentences:
            if sentence.words:
                yield sentence

    def text(self, sentence: Sentence) -> str:
        """The text of a sentence."""
        return str(self.doc.text[sentence.start_char : sentence.end_char])


@dataclass
class PageAnalysis:
    """The annotated prose of one page, and what was left out."""

    lang: str
    blocks: list[BlockDoc] = field(default_factory=list)
    detected_lang: str | None = None
    total_words: int = 0
    analysed_words: int = 0
    # Measures derived from the documents (page statistics, reading ease), kept
    # because several rules and the metric provider ask for the same one.
    measures: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    @property
    def wrong_language(self) -> bool:
        """The page's text is in the other language than its folder (or `lang:`) says."""
        return self.detected_lang is not None and self.detected_lang != self.lang

    @property
    def truncated(self) -> bool:
        """Part of the page was not analysed because it is too large."""
        return self.analysed_words < self.total_words

    def running_text(self) -> list[BlockDoc]:
        """Paragraphs, list items and quotes: the text readers read in sentences."""
        return [b for b in self.blocks if b.block.kind in RUNNING_TEXT]

    def of_kind(self, *kinds: str) -> list[BlockDoc]:
        """The blocks of these kinds."""
        return [b for b in self.blocks if b.block.kind in kinds]


_MEMO: dict[tuple[str, str, str, str | None], PageAnalysis] = {}


def detect_language(texts: list[str]) -> str | None:
    """'nl' or 'en' when the function words clearly say so; None for short or mixed text."""
    words = lexicon.grammar().function_words
    counts = {"nl": 0, "en": 0}
    total = 0
    for text in texts:
        for token in _TOKEN.findall(text.lower()):
            total += 1
            for lang in counts:
                if token in words[lang]:
                    counts[lang] += 1
        if total > 3_000:
            break
    if total < 20:
        return None
    nl, en = counts["nl"], counts["en"]
    if en >= 8 and en > 3 * nl:
        return "en"
    if nl >= 8 and nl > 3 * en:
        return "nl"
    return None


def analyse(page: Page) -> PageAnalysis:
    """The analysis of a page, computed on first use and shared by all rules."""
    key = (page.display, page.digest, page.lang, page.rel_path)
    found = _MEMO.get(key)
    if found is not None:
        return found
    result = _analyse(page)
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = result
    return result


def _analyse(page: Page) -> PageAnalysis:
    blocks = page.prose(include_alt=True)
    result = PageAnalysis(lang=page.lang)
    result.detected_lang = detect_language([b.text for b in blocks if b.kind != "alt-text"])
    kept: list[ProseBlock] = []
    texts: list[str] = []
    for block in blocks:
        count = len(block.text.split())
        result.total_words += count
        if result.analysed_words + count > MAX_WORDS or result.wrong_language:
            continue
        result.analysed_words += count
        kept.append(block)
        text = block.text
        if len(text) > MAX_BLOCK_CHARS:
            cut = text.rfind(" ", 0, MAX_BLOCK_CHARS)
            text = text[: cut if cut > 0 else MAX_BLOCK_CHARS]
        texts.append(text)
    if result.wrong_language:
        # Nothing is analysed: the rules for this language would only give noise.
        result.analysed_words = result.total_words
        return result
    for block, doc in zip(kept, analyse_texts(texts, page.lang), strict=True):
        result.blocks.append(BlockDoc(block, doc))
    return result
