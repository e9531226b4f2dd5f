"""The language analysis: one spaCy pipeline per language, built once per process.

No trained Dutch or English spaCy pipeline can be installed offline here, so
the pipeline is `spacy.blank(lang)` plus our own registered components. Each
declares what it assigns; every result lands on the `Doc` (token attributes,
`doc.spans[...]`, `Doc._.b1_words`). Rules never run NLP themselves: they read
annotated documents (GUIDE.md, pattern 8).

Components, in order:

- `b1_sentences`: sentence starts that know abbreviations (art., bijv., o.a.,
  z.s.m.); the tokenizer keeps those as one token.
- `b1_lemmas`: lemmas from spacy-lookups-data (lookup table merged with the
  exception tables).
- `b1_tags`: part-of-speech tags from PatternLite (`pattern.nl`) for Dutch,
  only in sentences with a form of *worden* or *zijn*: the passive rules are
  the only readers, and tagging everything would cost half the time budget.
- `b1_wordlist`: officialese (nl) or words to avoid (en), on lemmas, so
  inflected forms and multi-word phrases match.
- `b1_passive`, `b1_nominal`, `b1_address`: spans for the grammar rules.
- `b1_words`: per word its frequency (compound-aware) and syllables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache

import numpy
import spacy
from spacy.attrs import IDX, LEMMA, LENGTH, ORTH, SENT_START  # type: ignore[import-not-found]
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from linters.b1 import lexicon
from linters.b1.words import WORD, Sentence, WordInfo, syllables_en, syllables_nl

_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "!?", "?!"})
_CLOSING = frozenset({'"', "'", ")", "]", "”", "’", "»"})
_LINKS = ("s", "e", "en", "n", "er")
_DIGIT = re.compile(r"\d")

for _extension in ("b1_words", "b1_text", "b1_lower", "b1_lemma", "b1_is_word", "b1_idx", "b1_len", "b1_sentences"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


# --- sentences ---------------------------------------------------------------


@Language.factory(
    "b1_sentences",
    assigns=["token.is_sent_start", "doc._.b1_sentences"],
    requires=["doc._.b1_text"],
    default_config={"lang": "nl"},
)
def make_sentences(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Start a sentence after . ! ? or a line break, never after an abbreviation like 'bijv.'.

    Works on the token lists of `b1_lemmas` and writes sentence starts with
    `Doc.from_array`: creating a Python Token per word was most of the run time.
    """
    final_abbreviations = lexicon.grammar().sentence_final_abbreviations
    frequencies = lexicon.frequencies(lang)

    def sentences(doc: Doc) -> Doc:
        texts: list[str] = doc._.b1_text
        lowers: list[str] = doc._.b1_lower
        n = len(texts)
        starts = [False] * n
        start = True
        for i, text in enumerate(texts):
            starts[i] = start
            if text.isspace() and "\n" in text:
                start = True
            elif text in _SENTENCE_END:
                start = True
            elif start and text in _CLOSING and i > 0 and texts[i - 1] in _SENTENCE_END:
                # A closing quote or bracket belongs to the sentence it closes.
                starts[i] = False
                start = True
            elif len(text) > 1 and text.endswith("."):
                # An abbreviation ends a sentence only when a common word with a
                # capital follows ('enz. Dat'), not a name ('bijv. Diemen').
                start = (
                    i + 1 < n
                    and texts[i + 1][:1].isupper()
                    and (lowers[i] in final_abbreviations or frequencies.get(lowers[i + 1], 0.0) >= 4.5)
                )
            else:
                start = False
        if n:
            starts[0] = True
            doc.from_array(
                [SENT_START],
                numpy.array([[1 if x else -1] for x in starts], dtype="int64").astype("uint64"),  # type: ignore[arg-type]
            )
        words: list[bool] = doc._.b1_is_word
        idx, length = doc._.b1_idx, doc._.b1_len
        table: list[Sentence] = []
        bounds = [i for i, x in enumerate(starts) if x] + [n]
        for a, b in zip(bounds, bounds[1:], strict=False):
            count = sum(1 for k in range(a, b) if words[k])
            table.append(Sentence(a, b, idx[a], idx[b - 1] + length[b - 1], count))
        doc._.b1_sentences = table
        return doc

    return sentences


# --- lemmas ------------------------------------------------------------------


@Language.factory(
    "b1_lemmas",
    assigns=["token.lemma", "doc._.b1_text", "doc._.b1_lower", "doc._.b1_lemma", "doc._.b1_is_word"],
    default_config={"lang": "nl"},
)
def make_lemmas(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Lemmas from spacy-lookups-data, merged with its exception tables; and the token lists.

    Later components read plain Python lists (text, lower case, lemma, is it a
    word) instead of walking Token objects again.
    """
    table = lexicon.lemma_table(lang)
    vocab = nlp.vocab
    # Per distinct token text (by its hash): text, lower case, lemma, lemma hash, is it a word.
    # A site uses a few thousand distinct forms, so nearly every token is one lookup here.
    known: dict[int, tuple[str, str, str, int, bool]] = {}

    def learn(orth: int) -> tuple[str, str, str, int, bool]:
        lexeme = vocab[orth]
        text, lower = lexeme.orth_, lexeme.lower_
        lemma = table.get(lower, lower)
        is_word = not lexeme.is_punct and not text.isspace() and WORD.search(text) is not None
        facts = known[orth] = (text, lower, lemma, vocab.strings.add(lemma), is_word)
        return facts

    def lemmas(doc: Doc) -> Doc:
        array = doc.to_array([ORTH, IDX, LENGTH])
        rows = [known.get(orth) or learn(orth) for orth in array[:, 0].tolist()]
        ext = doc._
        if rows:
            texts, lowers, lemma_list, hashes, words = (list(column) for column in zip(*rows, strict=True))
            doc.from_array([LEMMA], numpy.array(hashes, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        else:
            texts, lowers, lemma_list, words = [], [], [], []
        ext.b1_text = texts
        ext.b1_lower = lowers
        ext.b1_lemma = lemma_list
        ext.b1_idx = array[:, 1].tolist()
        ext.b1_len = array[:, 2].tolist()
        ext.b1_is_word = words
        return doc

    return lemmas


# --- part of speech ----------------------------------------------------------


@cache
def _dutch_tagger() -> Callable[[list[str]], list[list[str]]]:
    import pattern.text.nl as pattern_nl  # type: ignore[import-untyped]

    return pattern_nl.parser.find_tags  # type: ignore[no-any-return]


@Language.factory("b1_tags", assigns=["token.tag"], requires=["token.lemma"], default_config={"lang": "nl"})
def make_tags(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Penn tags from PatternLite for Dutch sentences that hold a form of *worden* or *zijn*."""
    auxiliaries = {"worden", "zijn"}

    def tags(doc: Doc) -> Doc:
        if lang != "nl":
            return doc
        tagger = _dutch_tagger()
        lemma_list: list[str] = doc._.b1_lemma
        for sentence in doc._.b1_sentences:
            if not any(lemma_list[k] in auxiliaries for k in range(sentence.start, sentence.end)):
                continue
            tokens = [t for t in doc[sentence.start : sentence.end] if not t.is_space]
            for token, (_, tag) in zip(tokens, tagger([t.text for t in tokens]), strict=False):
                token.tag_ = tag
        return doc

    return tags


# --- word lists ----------------------------------------------------------------


@Language.factory("b1_wordlist", assigns=["doc.spans"], requires=["token.lemma"], default_config={"lang": "nl"})
def make_wordlist(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Spans in `doc.spans["b1_wordlist"]` for officialese (nl) or words to avoid (en); label = the entry."""
    words = lexicon.officialese() if lang == "nl" else lexicon.words_to_avoid()
    index = words.by_first

    def wordlist(doc: Doc) -> Doc:
        found: list[Span] = []
        lemmas: list[str] = doc._.b1_lemma
        lowers: list[str] = doc._.b1_lower
        i = 0
        while i < len(doc):
            candidates = index.get(lemmas[i]) or index.get(lowers[i])
            matched = 0
            if candidates:
                for entry in candidates:
                    n = len(entry.lemmas)
                    if i + n <= len(doc) and all(entry.lemmas[k] in (lemmas[i + k], lowers[i + k]) for k in range(n)):
                        if i + n < len(doc) and lowers[i + n] in entry.unless_next:
                            continue
                        found.append(Span(doc, i, i + n, label=entry.phrase))
                        matched = n
                        break
            i += matched or 1
        doc.spans["b1_wordlist"] = found
        return doc

    return wordlist


# --- passive voice -----------------------------------------------------------


def _dutch_participle(token: Token, not_participles: frozenset[str]) -> bool:
    lower = token.lower_
    if token.tag_ != "VBN" or lower in not_participles or token.lemma_ in ("worden", "zijn"):
        return False
    # Between a determiner and a noun a participle is an adjective: 'een goed
    # geïsoleerd huis', 'de verstuurde brief'.
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or not following.tag_.startswith("NN"):
        return True
    before = doc[max(0, token.i - 2) : token.i]
    return not any(t.tag_ in ("DT", "PRP$") for t in before)


def _english_participle(lower: str, irregular: frozenset[str]) -> bool:
    return (lower.endswith("ed") and len(lower) > 3) or lower in irregular


@Language.factory(
    "b1_passive", assigns=["doc.spans"], requires=["token.lemma", "token.tag"], default_config={"lang": "nl"}
)
def make_passive(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Spans in `doc.spans["b1_passive"]`: label 'worden' or 'zijn' (nl), 'be' (en); from auxiliary to participle."""
    grammar = lexicon.grammar()

    def pair(sentence: Span, aux: Token, participles: list[Token]) -> Token | None:
        """The participle that belongs to this auxiliary: the nearest one in the same clause.

        A clause ends at a comma or a joining word ('als', 'maar'), and a form
        of 'hebben' in between claims the participle for itself ('bent u
        tevreden over hoe wij u hebben behandeld' is not passive).
        """
        best: Token | None = None
        for part in participles:
            low, high = sorted((aux.i, part.i))
            between = sentence.doc[low + 1 : high]
            if any(t.lower_ in grammar.clause_breaks or t.lemma_ == "hebben" for t in between):
                continue
            if best is None or abs(part.i - aux.i) < abs(best.i - aux.i):
                best = part
        return best

    def dutch(doc: Doc) -> list[Span]:
        spans: list[Span] = []
        lemma_list: list[str] = doc._.b1_lemma
        for bounds in doc._.b1_sentences:
            if not any(lemma_list[k] in ("worden", "zijn") for k in range(bounds.start, bounds.end)):
                continue
            sentence = doc[bounds.start : bounds.end]
            aux = [t for t in sentence if t.lemma_ in ("worden", "zijn") and t.tag_ not in ("PRP$", "NN")]
            if not aux:
                continue
            participles = [t for t in sentence if _dutch_participle(t, grammar.not_participles)]
            if not participles:
                continue
            found: Span | None = None
            for token in aux:
                if token.lemma_ != "worden":
                    continue
                part = pair(sentence, token, participles)
                if part is not None:
                    found = Span(doc, min(token.i, part.i), max(token.i, part.i) + 1, label="worden")
                    break
            if found is None:
                # 'zijn' + participle is passive only for verbs that make their
                # perfect with 'hebben': 'is verstuurd' yes, 'is verhuisd' no.
                state = [p for p in participles if p.lemma_ not in grammar.zijn_verbs]
                for token in aux:
                    if token.lemma_ != "zijn":
                        continue
                    part = pair(sentence, token, state)
                    if part is not None:
                        found = Span(doc, min(token.i, part.i), max(token.i, part.i) + 1, label="zijn")
                        break
            if found is not None:
                spans.append(found)
        return spans

    def english(doc: Doc) -> list[Span]:
        spans: list[Span] = []
        be, irregular, naming = grammar.be_forms, grammar.irregular_participles_en, grammar.naming_participles_en
        lowers: list[str] = doc._.b1_lower
        for bounds in doc._.b1_sentences:
            if not any(lowers[k] in be for k in range(bounds.start, bounds.end)):
                continue
            tokens = [t for t in doc[bounds.start : bounds.end] if not t.is_space]
            for k, token in enumerate(tokens):
                if token.lower_ not in be:
                    continue
                # be + up to two adverbs or 'not' + participle: 'is not always checked'.
                for j in range(k + 1, min(k + 4, len(tokens))):
                    lower = tokens[j].lower_
                    if lower in naming:
                        # 'In Dutch this is called gft': a name, nobody to make active.
                        break
                    if _english_participle(lower, irregular):
                        spans.append(Span(doc, token.i, tokens[j].i + 1, label="be"))
                        break
                    if not (
                        lower.endswith("ly") or lower in ("not", "also", "then", "now", "often", "always", "never")
                    ):
                        break
                if spans and spans[-1].start == token.i:
                    break
        return spans

    def passive(doc: Doc) -> Doc:
        doc.spans["b1_passive"] = dutch(doc) if lang == "nl" else english(doc)
        return doc

    return passive


# --- nominal style -----------------------------------------------------------


@cache
def dutch_verbs() -> frozenset[str]:
    """Infinitives: lemmas that some -d/-t form maps to (aangevraagd -> aanvragen)."""
    table = lexicon.lemma_table("nl")
    return frozenset(
        lemma for form, lemma in table.items() if lemma.endswith("en") and form != lemma and form[-1:] in "dt"
    )


def nominalisation(lower: str, verbs: frozenset[str], common: frozenset[str]) -> bool:
    """A noun made from a verb: verlening (verlenen), registratie; not everyday nouns like woning."""
    if len(lower) < 7 or lower in common:
        return False
    if lower.endswith(("atie", "itie", "ering")):
        return lower not in common
    if lower.endswith("ing"):
        stem = lower[:-3]
        return any(candidate in verbs for candidate in (stem + "en", stem + "n", stem[:-1] + "en"))
    return False


@Language.factory("b1_nominal", assigns=["doc.spans"], requires=["token.lemma"], default_config={"lang": "nl"})
def make_nominal(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Spans in `doc.spans["b1_nominal"]`: 'het aanvragen van' (label 'infinitief') and -ing/-atie chains ('keten')."""
    grammar = lexicon.grammar()

    def nominal(doc: Doc) -> Doc:
        spans: list[Span] = []
        if lang != "nl":
            doc.spans["b1_nominal"] = spans
            return doc
        verbs = dutch_verbs()
        lowers: list[str] = doc._.b1_lower
        n = len(doc)
        for i, lower in enumerate(lowers):
            if lower == "het" and i + 2 < n and lowers[i + 2] == "van" and lowers[i + 1] in verbs:
                spans.append(Span(doc, i, i + 3, label="infinitief"))
            elif nominalisation(lower, verbs, grammar.common_ing_nouns):
                # NOM prep (det/adj){0,3} NOM: 'de verlening van de vergunning' is fine,
                # 'ter bevordering van de verduurzaming' is a chain.
                for j in range(i + 1, min(i + 3, n)):
                    if lowers[j] in grammar.nominal_prepositions:
                        for k in range(j + 1, min(j + 5, n)):
                            if nominalisation(lowers[k], verbs, grammar.common_ing_nouns):
                                spans.append(Span(doc, i, k + 1, label="keten"))
                                break
                        break
        doc.spans["b1_nominal"] = spans
        return doc

    return nominal


# --- address form --------------------------------------------------------------


@Language.factory("b1_address", assigns=["doc.spans"], default_config={"lang": "nl"})
def make_address(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """Spans in `doc.spans["b1_address"]`: every 'u'-form (label 'u') and 'je'-form (label 'je')."""
    grammar = lexicon.grammar()

    def address(doc: Doc) -> Doc:
        spans: list[Span] = []
        if lang == "nl":
            for i, lower in enumerate(doc._.b1_lower):
                if lower in grammar.address_u:
                    spans.append(Span(doc, i, i + 1, label="u"))
                elif lower in grammar.address_je:
                    spans.append(Span(doc, i, i + 1, label="je"))
        doc.spans["b1_address"] = spans
        return doc

    return address


# --- words: frequency and syllables ---------------------------------------------


class WordJudge:
    """Frequency of a word, judging a compound by its head (parkeervergunning -> vergunning)."""

    def __init__(self, lang: str, freq: Mapping[str, float] | None = None) -> None:
        self.lang = lang
        self.freq = lexicon.frequencies(lang) if freq is None else freq
        self.lemmas = lexicon.lemma_table(lang)
        self.memo: dict[str, tuple[float, str, str]] = {}

    def zipf(self, word: str) -> float:
        """Zipf frequency of a form, its lemma, or (a Dutch verb stem, 'isoleer') its infinitive."""
        own = self.freq.get(word, 0.0)
        lemma = self.lemmas.get(word)
        if lemma:
            own = max(own, self.freq.get(lemma, 0.0))
        if self.lang == "nl" and own < 3.0:
            # Forms the lemma table misses: a verb stem ('isoleer'), a third
            # person ('meekomt'), an inflected adjective ('meertalige',
            # 'sommig'), a negation ('onvriendelijk').
            verbs = dutch_verbs()
            candidates = [word + "e"]
            if word + "en" in verbs:
                candidates.append(word + "en")
            if word.endswith("t") and word[:-1] + "en" in verbs:
                candidates.append(word[:-1] + "en")
            if word.endswith("e"):
                candidates.append(word[:-1])
            if word.startswith("on") and len(word) > 6:
                candidates.append(word[2:])
            own = max([own, *(self.freq.get(c, 0.0) for c in candidates)])
        return own

    def known(self, part: str) -> bool:
        """A modifier is known as a word, a verb stem (parkeer-) or with its linking letters dropped."""
        if self.zipf(part) >= 2.5:
            return True
        if self.zipf(part + "en") >= 2.5 or self.zipf(part + "n") >= 2.5:
            return True
        for link in _LINKS:
            if part.endswith(link) and len(part) - len(link) >= 3 and self.zipf(part[: -len(link)]) >= 2.5:
                return True
        return False

    def judge(self, word: str) -> tuple[float, str, str]:
        """(zipf, head, modifier): the frequency to judge the word by, and its parts if it is a compound."""
        found = self.memo.get(word)
        if found is not None:
            return found
        if "-" in word:
            # Hyphenated compounds (id-kaart, WOZ-waarde) are judged by the
            # part after the last hyphen; 'groente-' in 'groente- en fruitafval'
            # is half of a word pair and judged with its partner.
            modifier, _, head = word.rpartition("-")
            result = (99.0, word, "") if not head else (self.judge(head)[0], head, modifier)
            self.memo[word] = result
            return result
        own = self.zipf(word)
        result = (own, word, "")
        if own < 3.0 and self.lang == "nl" and len(word) >= 8:
            for cut in range(3, len(word) - 2):
                head, modifier = word[cut:], word[:cut]
                head_zipf = self.zipf(head)
                # Short heads (dag, pas, app) only count when they are very common.
                common_head = head_zipf >= 3.0 and (len(head) >= 4 or head_zipf >= 4.0)
                if common_head and (self.known(modifier) or self.judge(modifier)[0] >= 2.5):
                    if head_zipf > result[0]:
                        result = (head_zipf, head, modifier)
                    break
        self.memo[word] = result
        return result


@Language.factory("b1_words", assigns=["doc._.b1_words"], requires=["token.lemma"], default_config={"lang": "nl"})
def make_words(nlp: Language, name: str, lang: str) -> Callable[[Doc], Doc]:
    """`Doc._.b1_words`: frequency (compound-aware), syllables and 'looks like a name' per word token."""
    judge = WordJudge(lang)
    # Familiarity to an everyday reader (SUBTLEX-NL for Dutch), judged the same
    # compound-aware way; the readability judgement reads it, the rare-word rule
    # keeps wordfreq and its statute threshold.
    familiar = WordJudge(lang, lexicon.familiarity(lang))
    count = syllables_nl if lang == "nl" else syllables_en
    # Per distinct word: (zipf, head, modifier, syllables, familiarity); a site repeats its words a lot.
    facts: dict[str, tuple[float, str, str, int, float]] = {}

    def word_facts(lower: str) -> tuple[float, str, str, int, float]:
        found = facts.get(lower)
        if found is None:
            zipf, head, modifier = judge.judge(lower)
            found = facts[lower] = (zipf, head, modifier, count(lower), familiar.judge(lower)[0])
        return found

    def words(doc: Doc) -> Doc:
        infos: list[WordInfo] = []
        texts: list[str] = doc._.b1_text
        lowers: list[str] = doc._.b1_lower
        flags: list[bool] = doc._.b1_is_word
        sentence_starts = {s.start for s in doc._.b1_sentences}
        for i, text in enumerate(texts):
            if not flags[i]:
                continue
            lower = lowers[i]
            name_like = (
                (text[:1].isupper() and i not in sentence_starts)
                or text.isupper()
                or "." in text
                or "@" in text
                or "/" in text
                or _DIGIT.search(text) is not None
            )
            zipf, head, modifier, syllables, familiarity = word_facts(lower)
            infos.append(WordInfo(i, lower, zipf, head, modifier, syllables, name_like, familiarity))
        doc._.b1_words = infos
        return doc

    return words


# --- the pipeline ---------------------------------------------------------------------


COMPONENTS = (
    "b1_lemmas",
    "b1_sentences",
    "b1_tags",
    "b1_wordlist",
    "b1_passive",
    "b1_nominal",
    "b1_address",
    "b1_words",
)


@cache
def pipeline(lang: str) -> Language:
    """The pipeline for `nl` or `en`, built once per process."""
    nlp = spacy.blank(lang)
    # Long pages are cut before analysis (see analysis.MAX_CHARS); this only
    # guards spaCy's own limit, which is about memory of trained components.
    nlp.max_length = 2_000_000
    add_special_case = nlp.tokenizer.add_special_case  # type: ignore[union-attr]
    for abbreviation in lexicon.grammar().abbreviations:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            add_special_case(form, [{"ORTH": form}])
    for component in COMPONENTS:
        nlp.add_pipe(component, config={"lang": lang})
    return nlp


def analyse_texts(texts: Sequence[str], lang: str) -> Iterable[Doc]:
    """Run the pipeline over many texts at once (`nlp.pipe` batches them)."""
    return pipeline(lang).pipe(texts, batch_size=128)
