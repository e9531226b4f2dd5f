"""The readability judgement rates the B1 rewrite easier than the officialese original, down to one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from linters.b1 import judgement, lexicon
from linters.b1.metrics import TextStats
from linters.b1.pipeline import analyse_texts
from linters.b1.words import syllables_nl

PAIRS = list(YAML(typ="safe").load((Path(__file__).parent / "data" / "paren.yml").read_text(encoding="utf-8")))


def scores(text: str, lang: str = "nl") -> list[judgement.SentenceScore]:
    (doc,) = analyse_texts([text], lang)
    return list(judgement.score_document(doc, lang))


def index_of(text: str, lang: str = "nl") -> float:
    return judgement.readability_index(judgement.text_difficulty(scores(text, lang)), lang)


def test_at_least_thirty_pairs() -> None:
    assert len(PAIRS) >= 30


def test_the_rewrite_is_easier_in_every_written_pair() -> None:
    results = [(index_of(p["voor"]), index_of(p["na"])) for p in PAIRS]
    missed = [p["voor"] for p, (before, after) in zip(PAIRS, results, strict=True) if after <= before]
    assert missed == []


@pytest.mark.parametrize(
    ("hard", "easy"),
    [
        # Word choice at equal length: the old index gave these the same figure.
        ("Indien u vragen heeft, belt u ons.", "Als u vragen heeft, belt u ons."),
        ("Wij verzoeken u het formulier terug te sturen.", "Wilt u het formulier terugsturen?"),
        # A short rewrite that drops the short words is easier, not harder.
        ("Het bedrag wordt door ons aan u overgemaakt.", "Wij betalen u."),
        # Undoing an insertion between the verb parts.
        (
            "Wij hebben uw door de afdeling Burgerzaken op 3 maart in behandeling genomen aanvraag goedgekeurd.",
            "Wij hebben uw aanvraag goedgekeurd. De afdeling Burgerzaken heeft die op 3 maart bekeken.",
        ),
    ],
)
def test_single_sentences_rank_like_a_rewriter(hard: str, easy: str) -> None:
    assert index_of(easy) > index_of(hard)


def test_nothing_explodes_on_very_short_texts() -> None:
    for text in ("Ja.", "Bel ons.", "Kom langs!", "Wij helpen u."):
        assert 50 < index_of(text) < 100


def test_index_is_between_0_and_100_and_higher_is_easier() -> None:
    hard = index_of(
        "Teneinde de afhandeling van uw aanvraag te bespoedigen, verzoeken wij u de benodigde bescheiden, "
        "alsmede een afschrift van uw legitimatiebewijs, zo spoedig mogelijk aan ons te retourneren."
    )
    easy = index_of("Stuur de papieren snel terug. Dan helpen wij u sneller.")
    assert 0 < hard < easy < 100
    assert judgement.readability_index(0.0, "nl") < 100.0


def test_a_hard_sentence_says_why() -> None:
    (worst,) = scores(
        "Indien de aanvrager niet tijdig reageert, wordt de aanvraag derhalve conform de vigerende regelgeving "
        "niet verder in behandeling genomen."
    )
    codes = {reason.code for reason in worst.reasons}
    assert {"officialese", "passive"} <= codes
    assert worst.reasons == tuple(sorted(worst.reasons, key=lambda r: -r.weight))
    labels = [reason.label("nl") for reason in worst.reasons]
    assert any("indien" in label.lower() for label in labels)


def test_an_insertion_is_named_with_its_verb_parts() -> None:
    (score,) = scores(
        "Juf Marjolijn heeft het door de onverwachte komst van haar negen neefjes wat minder vers in haar "
        "geheugen zittende proefwerk alsnog nagekeken."
    )
    insertion = [r for r in score.reasons if r.code == "insertion"]
    assert insertion and insertion[0].detail == "heeft … nagekeken"


def test_words_in_brackets_are_not_rare() -> None:
    (bracketed,) = scores("Download het bestand (pdf, 2 kB).")
    (plain,) = scores("Download het bestand.")
    assert bracketed.features["rare"] == plain.features["rare"]
    assert bracketed.features["parenthesis"] == 1


def test_english_sentences_are_judged_too() -> None:
    hard = "Residents are required to facilitate the submission of documentation subsequent to their arrival."
    easy = "Send us your papers after you arrive."
    assert index_of(easy, "en") > index_of(hard, "en")
    (score,) = scores(hard, "en")
    assert {"officialese", "passive"} <= {reason.code for reason in score.reasons}


def test_familiarity_comes_from_subtlex_in_this_environment() -> None:
    # The project installs lint-ii's data (noxfile.py, LINT_II); without it the fallback is wordfreq.
    assert lexicon.familiarity_source("nl") == "SUBTLEX-NL"
    familiar = lexicon.familiarity("nl")
    assert familiar["als"] > familiar["indien"]


def test_the_learned_figures_are_complete() -> None:
    for lang in ("nl", "en"):
        settings = judgement.settings(lang)
        assert set(settings.weights) == set(judgement.FEATURES)
        assert all(weight >= 0 for weight in settings.weights.values())
        assert settings.weights["words"] == 1.0


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
