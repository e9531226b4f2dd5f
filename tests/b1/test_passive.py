"""Precision and recall of the passive rules on sentences labelled by hand.

The figures are printed (run with -s) and stated in the README; the asserts
are floors, so a change that makes the rules clearly worse fails.
"""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from linters.b1.pipeline import analyse_texts

DATA = Path(__file__).parent / "data"


def _load(name: str) -> list[dict[str, str]]:
    return list(YAML(typ="safe").load((DATA / name).read_text(encoding="utf-8")))


def _scores(gold: list[bool], found: list[bool]) -> tuple[float, float]:
    true_pos = sum(1 for g, f in zip(gold, found, strict=True) if g and f)
    precision = true_pos / max(1, sum(found))
    recall = true_pos / max(1, sum(gold))
    return precision, recall


def _labels(name: str, lang: str) -> tuple[list[str], list[set[str]]]:
    items = _load(name)
    docs = list(analyse_texts([i["zin"] for i in items], lang))
    return [i["label"] for i in items], [{s.label_ for s in d.spans["b1_passive"]} for d in docs]


def test_the_labelled_set_is_big_enough() -> None:
    items = _load("passief.yml")
    assert len(items) >= 75
    assert {i["label"] for i in items} == {"worden", "zijn", "geen"}


def test_worden_passive_precision_and_recall() -> None:
    gold, found = _labels("passief.yml", "nl")
    precision, recall = _scores([g == "worden" for g in gold], ["worden" in f for f in found])
    print(f"\nB1005 passive-voice (worden): precision {precision:.2f}, recall {recall:.2f} on {len(gold)} sentences")
    assert precision >= 0.9
    assert recall >= 0.8


def test_any_passive_precision_and_recall() -> None:
    gold, found = _labels("passief.yml", "nl")
    precision, recall = _scores([g != "geen" for g in gold], [bool(f) for f in found])
    print(f"\nB1005 + B1006 (worden or zijn): precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.8
    assert recall >= 0.75


def test_english_passive_precision_and_recall() -> None:
    gold, found = _labels("passive-en.yml", "en")
    precision, recall = _scores([g == "passive" for g in gold], [bool(f) for f in found])
    print(f"\nB1005 passive-voice (English): precision {precision:.2f}, recall {recall:.2f} on {len(gold)} sentences")
    assert precision >= 0.8
    assert recall >= 0.8
