"""How hard a sentence, a paragraph or a page is to read, judged the way professional rewriters judge it.

Each sentence gets a difficulty in *words*: a plain sentence of 12 words
scores about 12, and every thing that makes it harder adds the number of
words it weighs: a rare word, a long word, an officialese word, a noun made
from a verb, a passive, an insertion between the verb parts (a tang), a
subordinate clause, a part in brackets. A text scores the mean of its
sentences, so splitting one long sentence in three makes the text easier,
and swapping a hard word for an easy one makes it easier at equal length.
Nothing is divided by the length of a short text, so one- and two-sentence
texts are judged like long ones.

The weights and cut-offs are learned figures in `data/leesbaarheid.yml`
(`bench/b1_fit.py` learns them from real before/after rewrites kept outside
the repository); no example sentence is stored here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from linters.b1 import lexicon
from linters.b1.words import Sentence, WordInfo

if TYPE_CHECKING:
    from spacy.tokens import Doc

# In the order the YAML lists them and the fit learns them.
FEATURES = (
    "words",
    "rare",
    "long_word",
    "officialese",
    "nominal",
    "passive",
    "insertion",
    "subordinate",
    "parenthesis",
    "impersonal",
)

# Counted, but never named as a reason: most sentences of a web page address
# nobody, and rewriters add 'u' or 'we' to some, not all. It only tips the
# balance between two versions of a text.
SILENT = frozenset({"impersonal"})

# Prefixes of verbs whose participle has no ge- (besloten, vergeten, ontvangen).
_PREFIXES = ("be", "ver", "ont", "her", "er", "over", "onder", "door", "mis")
# Only punctuation ends the stretch between the verb parts: a relative clause
# inside it ('een wethouder die voor langere tijd met verlof gaat') is part of
# what the reader holds.
_INSERTION_BREAKS = frozenset({",", ";", ":", "(", ")", "–", "—", "-"})

# What each feature is called in a reason, and its stable code in JSON.
REASONS: Mapping[str, tuple[str, str, str]] = {
    "words": ("long", "lang", "long"),
    "rare": ("rare-word", "weinig bekend woord", "rare word"),
    "long_word": ("long-word", "lang woord", "long word"),
    "officialese": ("officialese", "ambtelijk woord", "officialese"),
    "nominal": ("nominal-style", "naamwoordstijl", "nominal style"),
    "passive": ("passive", "lijdende vorm", "passive voice"),
    "insertion": ("insertion", "tussenvoeging", "insertion"),
    "subordinate": ("subordinate-clause", "bijzin", "subordinate clause"),
    "parenthesis": ("parenthesis", "tussen haakjes", "brackets"),
    "impersonal": ("impersonal", "niemand aangesproken", "nobody addressed"),
}


@dataclass(frozen=True)
class Settings:
    """The learned figures for one language."""

    weights: Mapping[str, float]
    familiar_from: float  # Zipf frequency from which a word counts as known
    rare_cap: float  # a word weighs at most this much for being rare
    long_from: int  # letters from which a word counts as long
    insertion_free: int  # words between the verb parts that cost nothing
    index_middle: float  # a text of this difficulty scores 50
    index_spread: float  # words of difficulty that take the index from 50 to about 73 (or 27)
    long_sentence: int  # words from which length alone is a reason
    reason_from: float  # a part of the difficulty worth naming, in words


def _settings_from(data: Mapping[str, object], lang: str) -> Settings:
    section = data[lang]
    if not isinstance(section, Mapping):
        raise ValueError(f"leesbaarheid.yml: '{lang}' must be a mapping")
    weights = section.get("gewichten")
    if not isinstance(weights, Mapping) or set(weights) != set(FEATURES):
        raise ValueError(f"leesbaarheid.yml: '{lang}.gewichten' needs exactly {', '.join(FEATURES)}")

    def number(key: str) -> float:
        value = section.get(key)
        if not isinstance(value, int | float):
            raise ValueError(f"leesbaarheid.yml: '{lang}.{key}' must be a number")
        return float(value)

    return Settings(
        weights={k: float(weights[k]) for k in FEATURES},
        familiar_from=number("bekend_vanaf_zipf"),
        rare_cap=number("zeldzaam_max"),
        long_from=int(number("lang_woord_vanaf_letters")),
        insertion_free=int(number("tussenvoeging_vrij_woorden")),
        index_middle=number("index_midden"),
        index_spread=number("index_spreiding"),
        long_sentence=int(number("lange_zin_vanaf")),
        reason_from=number("reden_vanaf"),
    )


@cache
def settings(lang: str) -> Settings:
    """The learned figures for `nl` or `en` (English falls back to the Dutch figures for shared parts)."""
    data = lexicon.load_data("leesbaarheid.yml")
    return _settings_from(data, lang if lang in data else "nl")


@dataclass(frozen=True)
class Reason:
    """One thing that makes a sentence hard, with the word or words it is about."""

    feature: str
    weight: float  # how many words it adds to the difficulty
    detail: str = ""

    @property
    def code(self) -> str:
        """The stable name in JSON: long, rare-word, officialese, insertion, passive, ..."""
        return REASONS[self.feature][0]

    def label(self, lang: str) -> str:
        """'ambtelijk woord: indien' / 'officialese: indien'."""
        text = REASONS[self.feature][1 if lang == "nl" else 2]
        return f"{text}: {self.detail}" if self.detail else text


@dataclass(frozen=True)
class SentenceScore:
    """The difficulty of one sentence: the total, its parts and the reasons worth telling an editor."""

    sentence: Sentence
    features: Mapping[str, float]
    difficulty: float
    reasons: tuple[Reason, ...]


@cache
def _verbs() -> frozenset[str]:
    from linters.b1.pipeline import dutch_verbs

    return dutch_verbs()


@cache
def _common_ing() -> frozenset[str]:
    return lexicon.grammar().common_ing_nouns


@cache
def _nominalisation() -> Callable[[str, frozenset[str], frozenset[str]], bool]:
    # Imported late: the pipeline module imports spaCy.
    from linters.b1.pipeline import nominalisation

    return nominalisation


def _is_nominal(lower: str, lang: str) -> bool:
    return lang == "nl" and _nominalisation()(lower, _verbs(), _common_ing())


def _verb_like(lower: str, lemma: str, verbs: frozenset[str], auxiliaries: frozenset[str]) -> bool:
    """An auxiliary, an infinitive, or a participle or finite form of a known verb.

    The lemma table is generous ('het' -> hebben, 'negen' -> nijgen), so an
    inflected form counts only with a verb's shape: -d or -t, or -en with
    'ge' inside (genomen, nagekeken). A form in -e ('de gemaakte afspraak')
    is an adjective.
    """
    if lower in auxiliaries or lower in verbs:
        return True
    if lemma not in verbs or lower == lemma or len(lower) < 4:
        return False
    if lower.endswith(("d", "t")):
        return True
    # Strong participles: genomen, nagekeken, besloten, vergeten, ontvangen.
    return lower.endswith("en") and ("ge" in lower[:-2] or lower.startswith(_PREFIXES))


def _insertion(
    lowers: Sequence[str], lemmas: Sequence[str], is_word: Sequence[bool], start: int, end: int, free: int
) -> tuple[float, str]:
    """Words between an auxiliary and the verb that completes it, beyond `free`; and 'heeft … nagekeken'.

    Dutch puts the finite auxiliary early and the rest of the verb later
    ('heeft het proefwerk van vorige week alsnog nagekeken'); whatever stands
    between them the reader must hold. The gap runs to the first verb after
    the auxiliary; an inflected participle ('de gemaakte afspraak') is an
    adjective and does not close it. Clauses end at commas, brackets and other
    punctuation, and an auxiliary that meets no verb before the clause ends
    ('is thuis') makes no tang.
    """
    grammar = lexicon.grammar()
    verbs = _verbs()
    total = 0.0
    worst, detail = 0, ""
    opening: int | None = None
    gap = 0
    for k in range(start, end):
        lower = lowers[k]
        if lower in _INSERTION_BREAKS:
            opening, gap = None, 0
            continue
        if not is_word[k]:
            continue
        if opening is None:
            if lower in grammar.auxiliaries_nl:
                opening, gap = k, 0
            continue
        if _verb_like(lower, lemmas[k], verbs, grammar.auxiliaries_nl):
            if gap > free:
                total += gap - free
                if gap > worst:
                    worst, detail = gap, f"{lowers[opening]} … {lower}"
            opening, gap = None, 0
        else:
            gap += 1
    return total, detail


def _comma_insertion(
    lowers: Sequence[str], is_word: Sequence[bool], start: int, end: int, lang: str, free: int
) -> float:
    """Words in a clause between commas that interrupts its sentence ('De schrijver, die ..., kreeg').

    Only a stretch that starts with a joining word and is followed by more of
    the sentence counts: a clause added at the end interrupts nothing.
    """
    grammar = lexicon.grammar()
    joining = grammar.subordinators.get(lang, frozenset()) | grammar.subordinators_after_comma.get(lang, frozenset())
    commas = [k for k in range(start, end) if lowers[k] == ","]
    total = 0.0
    for first, second in zip(commas, commas[1:], strict=False):
        if first + 1 < end and lowers[first + 1] in joining and any(is_word[k] for k in range(second + 1, end)):
            gap = sum(1 for k in range(first + 1, second) if is_word[k])
            total += max(0, gap - free)
    return total


def _first_two(words: Iterable[str]) -> str:
    """The first two different words, for a reason's detail."""
    seen: list[str] = []
    for word in words:
        if word.lower() not in (w.lower() for w in seen):
            seen.append(word)
        if len(seen) == 2:
            break
    return ", ".join(seen)


def measure(
    doc: Doc,
    sentence: Sentence,
    lang: str,
    s: Settings,
    allowed: Callable[[WordInfo], bool] | None = None,
    words: Sequence[WordInfo] | None = None,
) -> tuple[dict[str, float], dict[str, str]]:
    """The raw measures of one sentence, and the words each one is about.

    `allowed` says which words the site may use although they are rare or
    long (its word list, `woordenlijst-site.yml`). Words in brackets do not
    count as rare or long either: there they are an explanation ('(ozb)') or
    file facts ('(pdf, 2 kB)'); the bracket itself is counted. `words` are
    the sentence's word facts when the caller has them at hand.
    """
    grammar = lexicon.grammar()
    lowers: list[str] = doc._.b1_lower
    lemmas: list[str] = doc._.b1_lemma
    is_word: list[bool] = doc._.b1_is_word
    start, end = sentence.start, sentence.end
    listed: dict[int, str] = {}
    officialese = 0
    officialese_words: list[str] = []
    for span in doc.spans.get("b1_wordlist", []):
        if start <= span.start < end:
            officialese += 1
            officialese_words.append(span.text)
            for t in range(span.start, span.end):
                listed[t] = span.text
    passive = [span for span in doc.spans.get("b1_passive", []) if start <= span.start < end]
    rare = long_word = 0.0
    rare_words: list[tuple[float, str]] = []
    long_words: list[tuple[int, str]] = []
    nominal_words: list[str] = []
    bracketed: set[int] = set()
    depth = 0
    for k in range(start, end):
        if lowers[k] == "(":
            depth += 1
        elif lowers[k] == ")":
            depth = max(0, depth - 1)
        elif depth:
            bracketed.add(k)
    if words is None:
        words = [w for w in doc._.b1_words or [] if start <= w.i < end]
    for word in words:
        if word.name_like or word.i in listed or word.i in bracketed:
            continue
        if allowed is not None and allowed(word):
            continue
        gap = min(s.rare_cap, max(0.0, s.familiar_from - word.familiar))
        if gap > 0:
            rare += gap
            rare_words.append((gap, doc[word.i].text))
        letters = len(word.lower)
        if letters >= s.long_from:
            long_word += letters - s.long_from + 1
            long_words.append((letters, doc[word.i].text))
        if _is_nominal(word.lower, lang):
            nominal_words.append(doc[word.i].text)
    nominal = float(len(nominal_words)) + sum(
        1 for span in doc.spans.get("b1_nominal", []) if start <= span.start < end and span.label_ == "infinitief"
    )
    subordinate = 0
    after_comma = grammar.subordinators_after_comma.get(lang, frozenset())
    starters = grammar.subordinators.get(lang, frozenset())
    for k in range(start, end):
        if lowers[k] in starters or (lowers[k] in after_comma and k > start and lowers[k - 1] == ","):
            subordinate += 1
    parenthesis = sum(1 for k in range(start, end) if lowers[k] == "(")
    insertion, insertion_detail = (
        _insertion(lowers, lemmas, is_word, start, end, s.insertion_free) if lang == "nl" else (0.0, "")
    )
    between_commas = _comma_insertion(lowers, is_word, start, end, lang, s.insertion_free)
    if between_commas and not insertion_detail:
        insertion_detail = "tussen komma's" if lang == "nl" else "between commas"
    insertion += between_commas
    personal = grammar.personal_words.get(lang, frozenset())
    impersonal = float(
        not any(lowers[k] in personal for k in range(start, end)) or any(lowers[k] == "men" for k in range(start, end))
    )
    features = {
        "words": float(sentence.words),
        "rare": rare,
        "long_word": long_word,
        "officialese": float(officialese),
        "nominal": nominal,
        "passive": float(len(passive)),
        "insertion": insertion,
        "subordinate": float(subordinate),
        "parenthesis": float(parenthesis),
        "impersonal": impersonal if lang == "nl" else 0.0,
    }
    details = {
        "words": str(sentence.words),
        "rare": _first_two(w for _, w in sorted(rare_words, key=lambda x: -x[0])),
        "long_word": _first_two(w for _, w in sorted(long_words, key=lambda x: -x[0])),
        "officialese": _first_two(officialese_words),
        "nominal": _first_two(nominal_words),
        "passive": passive[0].text if passive else "",
        "insertion": insertion_detail,
        "subordinate": "",
        "parenthesis": "",
        "impersonal": "",
    }
    return features, details


def score(features: Mapping[str, float], s: Settings) -> float:
    """The difficulty of measured features, in words."""
    return sum(s.weights[k] * features[k] for k in FEATURES)


def score_sentence(
    doc: Doc,
    sentence: Sentence,
    lang: str,
    allowed: Callable[[WordInfo], bool] | None = None,
    words: Sequence[WordInfo] | None = None,
) -> SentenceScore:
    """The difficulty of one sentence of an annotated document, with its reasons, hardest first."""
    s = settings(lang)
    features, details = measure(doc, sentence, lang, s, allowed, words)
    reasons: list[Reason] = []
    for key in FEATURES:
        weight = s.weights[key] * features[key]
        if key == "words":
            if sentence.words >= s.long_sentence:
                reasons.append(Reason(key, weight, f"{sentence.words} {'woorden' if lang == 'nl' else 'words'}"))
        elif key in SILENT:
            continue
        elif weight >= s.reason_from:
            reasons.append(Reason(key, weight, details[key]))
    reasons.sort(key=lambda r: -r.weight)
    return SentenceScore(sentence, features, round(score(features, s), 1), tuple(reasons))


def score_document(doc: Doc, lang: str, allowed: Callable[[WordInfo], bool] | None = None) -> Iterator[SentenceScore]:
    """Every sentence of a document that holds a word."""
    # Word facts are in token order: hand each sentence its own slice instead
    # of letting every sentence scan the whole paragraph.
    words: list[WordInfo] = doc._.b1_words or []
    position = 0
    for sentence in doc._.b1_sentences:
        first = position
        while position < len(words) and words[position].i < sentence.end:
            position += 1
        if sentence.words:
            yield score_sentence(doc, sentence, lang, allowed, words[first:position])


def text_difficulty(scores: Sequence[SentenceScore]) -> float:
    """The difficulty of a text: the mean of its sentences (0 for no sentence)."""
    return sum(x.difficulty for x in scores) / len(scores) if scores else 0.0


def readability_index(difficulty: float, lang: str) -> float:
    """The readability index, 0 (very hard) to 100 (very easy), of a text's difficulty.

    A logistic curve rather than a clipped line: a clip makes all short easy
    texts score 100 and so rank equal, which is what made the old index blind
    to one-sentence rewrites.
    """
    s = settings(lang)
    z = max(-50.0, min(50.0, (difficulty - s.index_middle) / s.index_spread))
    return round(100.0 / (1.0 + math.exp(z)), 1)
