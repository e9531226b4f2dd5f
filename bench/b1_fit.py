"""Learn the readability judgement's weights and cut-offs from before/after pairs.

    python bench/b1_fit.py /work/b1-pairs

The judgement weighs a sentence as its number of words plus, per feature
(rare word, long word, officialese, ...), a weight in words. This script
learns those weights so that the rewrite of each pair weighs less than its
original: a logistic loss on the difference, weights at least 0 (each
feature can only make a text harder), the weight of a word fixed at 1 and a
small penalty on the other weights so that they stay few and modest. The
cut-offs (from which frequency a word is known, from how many letters it is
long, how many words between the verb parts are free) are chosen from a small
grid. Only the development part of the real pairs (`b1_pairs.split_of`) and
the written pairs of `tests/b1/data/paren.yml` are used for learning; the
held-out part is scored, not learned from.

It prints the figures to put in `linters/b1/data/leesbaarheid.yml`; it
never writes a sentence of the pairs anywhere.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.b1_pairs import Pair, load_pairs, split_of  # noqa: E402

WRITTEN = REPO / "tests" / "b1" / "data" / "paren.yml"
GRID = {
    "familiar_from": (4.0, 4.5, 5.0),
    "long_from": (12, 13),
    "insertion_free": (2, 3, 4),
}
# How sure the loss wants to be: a difference of this many words counts as clear.
TEMPERATURE = 2.0
# The weights start from what the plain-language guides say, in words: a rare
# or long word, a bracket, a subordinate clause weigh like two extra words, a
# nominalisation or a passive like three, an officialese word like four, a
# sentence that addresses nobody like two. The penalty keeps the learned
# weights near those where a few pairs would pull them far: with 80 pairs
# and ten weights, pulling toward zero instead made every weight but length
# vanish and the held-out score fall.
PRIOR = {
    "words": 1.0,
    "rare": 2.0,
    "long_word": 1.0,
    "officialese": 4.0,
    "nominal": 3.0,
    "passive": 3.0,
    "insertion": 1.0,
    "subordinate": 2.0,
    "parenthesis": 2.0,
    "impersonal": 2.0,
}
PENALTY = 0.01


def text_features(docs: Sequence[object], cut: object) -> numpy.ndarray:
    """Per text, the mean over its sentences of each feature (the judgement is linear, so this is exact)."""
    from linters.b1 import judgement

    rows = []
    for doc in docs:
        sentences = [s for s in doc._.b1_sentences if s.words]  # type: ignore[attr-defined]
        feats = [judgement.measure(doc, s, "nl", cut)[0] for s in sentences]  # type: ignore[arg-type]
        rows.append([sum(f[k] for f in feats) / len(feats) for k in judgement.FEATURES])
    return numpy.array(rows)


def fit(diff: numpy.ndarray, prior: numpy.ndarray) -> numpy.ndarray:
    """Non-negative weights (the first fixed at 1) that make every `before - after` difference positive."""
    w = prior.copy()
    for _ in range(2000):
        margin = diff @ w / TEMPERATURE
        grad_margin = -1.0 / (1.0 + numpy.exp(margin))  # d/dm log(1 + e^-m)
        grad = diff.T @ grad_margin / (TEMPERATURE * len(diff)) + PENALTY * (w - prior)
        grad[0] = 0.0
        w = numpy.maximum(0.0, w - 0.1 * grad)
        w[0] = 1.0
    return w


def accuracy(diff: numpy.ndarray, w: numpy.ndarray) -> float:
    """Share of pairs whose rewrite weighs strictly less."""
    return float(numpy.mean(diff @ w > 1e-9)) if len(diff) else float("nan")


def leave_one_source_out(
    diff: numpy.ndarray, sources: Sequence[str], extra: numpy.ndarray, prior: numpy.ndarray
) -> float:
    """Accuracy on each source's pairs with weights learned without that source."""
    names = numpy.array(sources)
    hits = 0
    for source in sorted(set(sources)):
        mask = names == source
        w = fit(numpy.vstack([diff[~mask], extra]), prior)
        hits += int(numpy.sum(diff[mask] @ w > 1e-9))
    return hits / len(diff)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a pair file or a folder of *.yml pair files (the real pairs)")
    args = parser.parse_args(argv)
    from linters.b1 import judgement
    from linters.b1.pipeline import analyse_texts

    real = load_pairs(args.path)
    written = load_pairs(WRITTEN)
    groups: dict[str, list[Pair]] = {
        "dev": [p for p in real if split_of(p.source) == "dev"],
        "held-out": [p for p in real if split_of(p.source) == "held-out"],
        "written": written,
    }
    docs = {
        name: (
            list(analyse_texts([p.before for p in pairs], "nl")),
            list(analyse_texts([p.after for p in pairs], "nl")),
        )
        for name, pairs in groups.items()
    }
    base = judgement.settings("nl")
    prior = numpy.array([PRIOR[k] for k in judgement.FEATURES])
    dev_sources = [p.source for p in groups["dev"]]
    best: tuple[float, float, dict[str, Any]] | None = None
    for values in itertools.product(*GRID.values()):
        cuts: dict[str, Any] = dict(zip(GRID, values, strict=True))
        cut = replace(base, **cuts)
        diffs = {name: text_features(b, cut) - text_features(a, cut) for name, (b, a) in docs.items()}
        w = fit(numpy.vstack([diffs["dev"], diffs["written"]]), prior)
        if accuracy(diffs["written"], w) < 1.0:
            continue
        score = leave_one_source_out(diffs["dev"], dev_sources, diffs["written"], prior)
        print(f"  cut-offs {cuts}: dev, one source left out {100 * score:.1f}%")
        if best is None or (score, accuracy(diffs["dev"], w)) > best[:2]:
            best = (score, accuracy(diffs["dev"], w), cuts)
    if best is None:
        print("no cut-offs keep the written pairs at 100%", file=sys.stderr)
        return 1
    cuts = best[2]
    cut = replace(base, **cuts)
    diffs = {name: text_features(b, cut) - text_features(a, cut) for name, (b, a) in docs.items()}
    w_dev = fit(numpy.vstack([diffs["dev"], diffs["written"]]), prior)
    real_diff = numpy.vstack([diffs["dev"], diffs["held-out"]])
    w_all = fit(numpy.vstack([real_diff, diffs["written"]]), prior)
    real_sources = dev_sources + [p.source for p in groups["held-out"]]
    print(f"\npairs: dev {len(groups['dev'])}, held-out {len(groups['held-out'])}, written {len(written)}")
    print(f"cut-offs: {cuts}")
    print("learned on dev + written:")
    for name in groups:
        print(f"  rewrite judged easier, {name}: {100 * accuracy(diffs[name], w_dev):.1f}%")
    loso = leave_one_source_out(real_diff, real_sources, diffs["written"], prior)
    print("learned on all real + written (the figures to ship):")
    print(f"  rewrite judged easier, all real: {100 * accuracy(real_diff, w_all):.1f}%")
    print(f"  all real, each source left out of learning in turn: {100 * loso:.1f}%")
    print(f"  written: {100 * accuracy(diffs['written'], w_all):.1f}%")
    print("gewichten:")
    for key, value, start_value in zip(judgement.FEATURES, w_all, prior, strict=True):
        print(f"    {key}: {value:.1f}    # start {start_value:g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
