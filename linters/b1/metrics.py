"""Page measures and the readability index (0 to 100, higher is easier).

The index combines four measures, each scaled to 0-100 (see README,
"Readability index"):

    F = Flesch-Douma (nl) or Flesch Reading Ease (en), clipped to 0..100
    L = 100 - 5 * (mean sentence length - 8)          (8 words -> 100, 28 -> 0)
    D = 100 - 500 * share of difficult words          (0% -> 100, 20% -> 0)
    P = 100 - 100 * share of sentences in the passive (none -> 100, all -> 0)
    index = 0.35 F + 0.25 L + 0.30 D + 0.10 P         (each term clipped to 0..100)

Formulas are weak predictors on their own (DESIGN.md): the index is a
summary for the department report, the rules point at what to change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linters.b1 import lexicon
from linters.b1.policy import LANGUAGE_POLICY
from linters.b1.words import WordInfo
from linters.core.page import Page
from linters.core.rules import CheckContext

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from linters.b1.analysis import PageAnalysis


def analyse(page: Page) -> PageAnalysis:
    """The page's analysis; spaCy is imported only when a page is really analysed."""
    from linters.b1.analysis import analyse as run

    return run(page)


WEIGHTS = {"flesch": 0.35, "length": 0.25, "difficult": 0.30, "passive": 0.10}


@dataclass(frozen=True)
class TextStats:
    """Counts over running text (paragraphs, list items, quotes)."""

    words: int
    sentences: int
    syllables: int
    difficult: int
    passive_sentences: int

    @property
    def mean_sentence_length(self) -> float:
        """Words per sentence."""
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def difficult_share(self) -> float:
        """Difficult words as a share of all words (0 to 1)."""
        return self.difficult / self.words if self.words else 0.0

    @property
    def passive_share(self) -> float:
        """Sentences with a passive as a share of all sentences (0 to 1)."""
        return self.passive_sentences / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        """Mean syllables per word."""
        return self.syllables / self.words if self.words else 0.0

    def flesch(self, lang: str) -> float:
        """Flesch-Douma for Dutch, Flesch Reading Ease for English, from our own counts."""
        if not self.words:
            return 100.0
        if lang == "nl":
            return 206.835 - 0.93 * self.mean_sentence_length - 77 * self.syllables_per_word
        return 206.835 - 1.015 * self.mean_sentence_length - 84.6 * self.syllables_per_word


def _clip(value: float) -> float:
    return max(0.0, min(100.0, value))


def readability_index(stats: TextStats, lang: str, flesch: float | None = None) -> float:
    """The combined readability index, 0 (very hard) to 100 (very easy)."""
    if not stats.words:
        return 100.0
    f = _clip(stats.flesch(lang) if flesch is None else flesch)
    length = _clip(100 - 5 * (stats.mean_sentence_length - 8))
    difficult = _clip(100 - 500 * stats.difficult_share)
    passive = _clip(100 - 100 * stats.passive_share)
    index = (
        WEIGHTS["flesch"] * f
        + WEIGHTS["length"] * length
        + WEIGHTS["difficult"] * difficult
        + WEIGHTS["passive"] * passive
    )
    return round(index, 1)


def difficult_word(word: WordInfo, threshold: float, rel_path: str | None) -> bool:
    """A word a B1 reader may not know: rare (its head, for a compound) and not an allowed site word."""
    if word.name_like or len(word.lower) < 4 or word.zipf >= threshold:
        return False
    allowed = lexicon.glossary()
    return not (allowed.allows(word.lower, rel_path) or allowed.allows(word.head, rel_path))


def rare_threshold(ctx: CheckContext, lang: str) -> float:
    """The Zipf frequency below which a word counts as rare (statute: min_woordfrequentie)."""
    return LANGUAGE_POLICY.threshold(ctx.statute, "nl", "min_woordfrequentie") if lang == "nl" else 3.0


def text_stats(docs: Iterable[Doc], lang: str, threshold: float, rel_path: str | None) -> TextStats:
    """Count words, sentences, syllables, difficult words and passive sentences."""
    words = sentences = syllables = difficult = passive = 0
    for doc in docs:
        infos: list[WordInfo] = doc._.b1_words or []
        listed = {t for span in doc.spans.get("b1_wordlist", []) for t in range(span.start, span.end)}
        passive_tokens = {span.start for span in doc.spans.get("b1_passive", [])}
        for sentence in doc._.b1_sentences:
            if not sentence.words:
                continue
            sentences += 1
            if any(sentence.start <= i < sentence.end for i in passive_tokens):
                passive += 1
        for word in infos:
            words += 1
            syllables += word.syllables
            if word.i in listed or difficult_word(word, threshold, rel_path):
                difficult += 1
    return TextStats(words, sentences, syllables, difficult, passive)


def page_stats(page: Page, ctx: CheckContext) -> TextStats | None:
    """The statistics of a page's running text, or None when it was not analysed."""
    analysis = analyse(page)
    if analysis.wrong_language:
        return None
    threshold = rare_threshold(ctx, page.lang)
    key = ("stats", threshold, page.rel_path)
    if key not in analysis.measures:
        docs = (b.doc for b in analysis.running_text())
        analysis.measures[key] = text_stats(docs, page.lang, threshold, page.rel_path)
    stats: TextStats = analysis.measures[key]
    return stats


def textstat_flesch(texts: Iterable[str], lang: str) -> float:
    """Textstat's Flesch Reading Ease (en) or Flesch-Douma (nl) over texts joined as sentences."""
    import textstat  # type: ignore[import-untyped]

    joined = " ".join(t if t.rstrip().endswith((".", "!", "?", ":")) else t.rstrip() + "." for t in texts)
    textstat.set_lang(lang)
    return float(textstat.flesch_reading_ease(joined))


def english_reading_ease(page: Page) -> float | None:
    """Flesch Reading Ease of an English page, by textstat 0.7.8 (offline)."""
    analysis = analyse(page)
    texts = [b.block.text for b in analysis.running_text()]
    if not texts or analysis.wrong_language:
        return None
    key = ("reading_ease",)
    if key not in analysis.measures:
        analysis.measures[key] = round(textstat_flesch(texts, "en"), 1)
    ease: float = analysis.measures[key]
    return ease


def b1_metrics(page: Page, ctx: CheckContext) -> Mapping[str, Any]:
    """Metric provider for the engine: the plain-language measures of one page."""
    stats = page_stats(page, ctx)
    if stats is None:
        return {"language_checked": False}
    metrics: dict[str, Any] = {
        "sentences": stats.sentences,
        "mean_sentence_length": round(stats.mean_sentence_length, 1),
        "difficult_word_share": round(stats.difficult_share, 3),
        "passive_sentences": stats.passive_sentences,
    }
    if page.lang == "nl":
        metrics["flesch_douma"] = round(stats.flesch("nl"), 1)
        metrics["readability_index"] = readability_index(stats, "nl")
    else:
        ease = english_reading_ease(page)
        metrics["flesch_reading_ease"] = ease
        metrics["readability_index"] = readability_index(stats, "en", ease)
    return metrics
