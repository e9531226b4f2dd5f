"""Score the readability judgement on before/after pairs: is the rewrite judged easier?

    python bench/b1_pairs.py /work/b1-pairs            # a folder of *.yml pair files
    python bench/b1_pairs.py tests/b1/data/paren.yml   # or one file

A pair file is either a list of `{voor: ..., na: ...}` or a mapping with
`paren:` (that list, each pair optionally with `bron:`) and `bronnen:`.
For each pair the script asks four judges whether the rewrite (`na`) is
easier than the original (`voor`): the readability judgement (B1014's index),
the index before issue 15 (Flesch-Douma, clipped sentence length, difficult
words, passive), mean sentence length alone and textstat's Flesch-Douma alone.
A tie counts as not easier. Pairs are split by source into a development part
and a held-out part (`split_of`). The shipped weights are learned on all real
pairs, so both columns here are seen data; `bench/b1_fit.py` prints the honest
figures: the held-out part scored with weights learned on the development
part alone, and each source scored with weights learned without it.

Real pairs are kept outside the repository (they are other people's
sentences); only the written pairs in `tests/b1/data/paren.yml` live here.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from ruamel.yaml import YAML  # noqa: E402

# One in three sources is held out; the hash keeps the split stable as pairs are added.
HELD_OUT_EVERY = 3


@dataclass(frozen=True)
class Pair:
    """An original text and its rewrite, and where they come from."""

    before: str
    after: str
    source: str


def split_of(source: str) -> str:
    """'held-out' for about one source in three, 'dev' for the rest; the same source always lands in the same part."""
    digest = int(hashlib.sha256(source.encode("utf-8")).hexdigest(), 16)
    return "held-out" if digest % HELD_OUT_EVERY == 0 else "dev"


def load_pairs(path: Path) -> list[Pair]:
    """Every pair in a file or a folder of *.yml files, with a clear message for a broken file."""
    files = sorted(path.glob("*.yml")) if path.is_dir() else [path]
    pairs: list[Pair] = []
    for file in files:
        data = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
        items = data.get("paren") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise SystemExit(f"{file}: expected a list of pairs or a mapping with 'paren:'")
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict) or not item.get("voor") or not item.get("na"):
                raise SystemExit(f"{file}: pair {number} needs 'voor' and 'na'")
            pairs.append(Pair(str(item["voor"]), str(item["na"]), str(item.get("bron") or file.stem)))
    return pairs


def _old_index(text: str) -> float:
    """The readability index as it was before issue 15, for comparison."""
    from linters.b1.metrics import text_stats
    from linters.b1.pipeline import analyse_texts

    stats = text_stats(analyse_texts([text], "nl"), "nl", 3.0, None)
    if not stats.words:
        return 100.0

    def clip(value: float) -> float:
        return max(0.0, min(100.0, value))

    return (
        0.35 * clip(stats.flesch("nl"))
        + 0.25 * clip(100 - 5 * (stats.mean_sentence_length - 8))
        + 0.30 * clip(100 - 500 * stats.difficult_share)
        + 0.10 * clip(100 - 100 * stats.passive_share)
    )


def _index(text: str) -> float:
    """The judgement's difficulty, negated: the index falls strictly as it rises, but rounds to one decimal."""
    from linters.b1 import judgement
    from linters.b1.pipeline import analyse_texts

    (doc,) = analyse_texts([text], "nl")
    return -judgement.text_difficulty(list(judgement.score_document(doc, "nl")))


def _mean_sentence_length(text: str) -> float:
    from linters.b1.pipeline import analyse_texts

    (doc,) = analyse_texts([text], "nl")
    sentences = [s for s in doc._.b1_sentences if s.words]
    # Higher is easier for every judge, so length is negated.
    return -sum(s.words for s in sentences) / len(sentences) if sentences else 0.0


def _flesch_douma(text: str) -> float:
    from linters.b1.metrics import textstat_flesch

    return textstat_flesch([text], "nl")


JUDGES: dict[str, Callable[[str], float]] = {
    "readability index": _index,
    "index before issue 15": _old_index,
    "mean sentence length": _mean_sentence_length,
    "Flesch-Douma (textstat)": _flesch_douma,
}


def easier_share(pairs: Sequence[Pair], judge: Callable[[str], float]) -> tuple[int, int]:
    """How many rewrites the judge rates strictly easier (higher) than their original."""
    return sum(1 for p in pairs if judge(p.after) > judge(p.before)), len(pairs)


def _cell(hits: int, total: int) -> str:
    return f"{hits:>3}/{total:<3} {100 * hits / total:5.1f}%" if total else "   -"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a pair file or a folder of *.yml pair files")
    parser.add_argument("--misses", action="store_true", help="list the pairs the readability index gets wrong")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: no such file or folder", file=sys.stderr)
        return 2
    pairs = load_pairs(args.path)
    parts = {
        "all": pairs,
        "dev": [p for p in pairs if split_of(p.source) == "dev"],
        "held-out": [p for p in pairs if split_of(p.source) == "held-out"],
    }
    sources = {p.source for p in pairs}
    print(f"{len(pairs)} pairs from {len(sources)} sources ({args.path})")
    print(f"{'judge':<26}" + "".join(f"{name:>18}" for name in parts))
    for name, judge in JUDGES.items():
        print(f"{name:<26}" + "".join(f"{_cell(*easier_share(part, judge)):>18}" for part in parts.values()))
    if args.misses:
        print("\nmisses of the readability index (difficulty in words, before -> after):")
        for pair in pairs:
            before, after = -_index(pair.before), -_index(pair.after)
            if after >= before:
                print(f"  [{pair.source}] difficulty {before:5.1f} -> {after:5.1f}: {pair.before[:70]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
