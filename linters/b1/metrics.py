"""Page measures and the readability index (0 to 100, higher is easier).

The index comes from the readability judgement (`judgement.py`): every
sentence of the running text gets a difficulty in words (its length plus
learned weights for rare and long words, officialese, nominal style,
passive, insertions, subordinate clauses, brackets and not addressing
anyone); the page's difficulty is the mean over its sentences, and the index
maps it onto 0-100. The hardest sentences, with their reasons, are page
metrics too, so a report can tell an editor where to start.

Formulas are weak predictors on their own (DESIGN.md): the index is a
summary for the department report, the rules point at what to change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from linters.b1 import judgement, lexicon
from linters.b1.policy import LANGUAGE_POLICY
from linters.b1.words import WordInfo
from linters.core.page import Page
from linters.core.rules import CheckContext

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from linters.b1.analysis import BlockDoc, PageAnalysis


def analyse(page: Page) -> PageAnalysis:
    """The page's analysis; spaCy is imported only when a page is really analysed."""
    from linters.b1.analysis import analyse as run

    return run(page)


# At most this many hardest sentences per page are named in reports.
HARDEST = 3


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


def page_scores(page: Page) -> list[tuple[BlockDoc, judgement.SentenceScore]] | None:
    """Every sentence of the page's running text with its difficulty, or None when it was not analysed."""
    analysis = analyse(page)
    if analysis.wrong_language:
        return None
    key = ("sentence_scores", page.rel_path)
    if key not in analysis.measures:
        glossary = lexicon.glossary()

        def allowed(word: WordInfo) -> bool:
            return glossary.allows(word.lower, page.rel_path) or glossary.allows(word.head, page.rel_path)

        analysis.measures[key] = [
            (bd, score)
            for bd in analysis.running_text()
            for score in judgement.score_document(bd.doc, page.lang, allowed)
        ]
    scores: list[tuple[BlockDoc, judgement.SentenceScore]] = analysis.measures[key]
    return scores


def page_index(page: Page) -> float | None:
    """The page's readability index, or None when it was not analysed or has no sentence."""
    scores = page_scores(page)
    if not scores:
        return None
    difficulty = judgement.text_difficulty([score for _, score in scores])
    return judgement.readability_index(difficulty, page.lang)


def _sentence_text(bd: BlockDoc, score: judgement.SentenceScore, limit: int = 160) -> str:
    text = " ".join(bd.text(score.sentence).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_metrics(page: Page, ctx: CheckContext) -> dict[str, Any]:
    """Per sentence its difficulty and reasons; and the hardest sentences below the page minimum.

    A sentence is hard when it alone would give a page an index under the
    statute's `min_leesbaarheid`; the hardest few of those are named, hardest
    first, each with its reasons in both languages.
    """
    scores = page_scores(page) or []
    # English has no index of its own in the statute; the Dutch minimum marks a hard sentence there too.
    minimum = LANGUAGE_POLICY.threshold(ctx.statute, "nl", "min_leesbaarheid")
    rows: list[dict[str, Any]] = []
    hard: list[tuple[float, dict[str, Any]]] = []
    for bd, score in scores:
        line, column = bd.position(score.sentence.start_char)
        index = judgement.readability_index(score.difficulty, page.lang)
        row: dict[str, Any] = {
            "line": line,
            "column": column,
            "words": score.sentence.words,
            "difficulty": score.difficulty,
            "readability_index": index,
            "reasons": [reason.code for reason in score.reasons],
        }
        rows.append(row)
        if index < minimum:
            detail = {
                **row,
                "text": _sentence_text(bd, score),
                "reasons_nl": [reason.label("nl") for reason in score.reasons],
                "reasons_en": [reason.label("en") for reason in score.reasons],
            }
            hard.append((score.difficulty, detail))
    hard.sort(key=lambda pair: -pair[0])
    return {"sentence_difficulty": rows, "hardest_sentences": [detail for _, detail in hard[:HARDEST]]}


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
    else:
        metrics["flesch_reading_ease"] = english_reading_ease(page)
    index = page_index(page)
    if index is not None:
        metrics["readability_index"] = index
        metrics["familiarity_list"] = lexicon.familiarity_source(page.lang)
    metrics.update(sentence_metrics(page, ctx))
    return metrics
