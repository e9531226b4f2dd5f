"""The readability index rates the B1 rewrite easier than the officialese original."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linters.b1.metrics import TextStats, readability_index, text_stats
from linters.b1.pipeline import analyse_texts
from linters.b1.words import syllables_nl

PAIRS = list(YAML(typ="safe").load((Path(__file__).parent / "data" / "paren.yml").read_text(encoding="utf-8")))


def index_of(text: str) -> float:
    stats = text_stats(analyse_texts([text], "nl"), "nl", 3.0, None)
    return readability_index(stats, "nl")


def test_at_least_thirty_pairs() -> None:
    assert len(PAIRS) >= 30


def test_the_rewrite_is_easier_in_at_least_90_percent_of_pairs() -> None:
    results = [(index_of(p["voor"]), index_of(p["na"])) for p in PAIRS]
    better = sum(1 for before, after in results if after > before)
    share = better / len(results)
    mean_before = sum(b for b, _ in results) / len(results)
    mean_after = sum(a for _, a in results) / len(results)
    print(
        f"\nreadability index: rewrite easier in {better} of {len(results)} pairs ({share:.0%}); "
        f"mean {mean_before:.1f} before, {mean_after:.1f} after"
    )
    assert share >= 0.9


def test_index_is_between_0_and_100_and_higher_is_easier() -> None:
    easy = TextStats(words=40, sentences=8, syllables=55, difficult=0, passive_sentences=0)
    hard = TextStats(words=120, sentences=3, syllables=290, difficult=25, passive_sentences=3)
    assert 0 <= readability_index(hard, "nl") < readability_index(easy, "nl") <= 100
    assert readability_index(TextStats(0, 0, 0, 0, 0), "nl") == 100.0


def test_flesch_douma_formula() -> None:
    stats = TextStats(words=100, sentences=10, syllables=150, difficult=0, passive_sentences=0)
    assert stats.flesch("nl") == pytest.approx(206.835 - 0.93 * 10 - 77 * 1.5)


@pytest.mark.parametrize(
    ("word", "count"),
    [("paspoort", 2), ("beïnvloeden", 4), ("ideeën", 3), ("kwijtschelding", 3), ("gemeentehuis", 4), ("bijstand", 2)],
)
def test_dutch_syllables(word: str, count: int) -> None:
    assert syllables_nl(word) == count


def test_sentences_know_dutch_abbreviations() -> None:
    (doc,) = analyse_texts(
        ["Bel z.s.m. naar de balie, bijv. op maandag. Lees art. 5 o.a. over de kosten. Dat is alles."], "nl"
    )
    assert [s.text for s in doc.sents] == [
        "Bel z.s.m. naar de balie, bijv. op maandag.",
        "Lees art. 5 o.a. over de kosten.",
        "Dat is alles.",
    ]
