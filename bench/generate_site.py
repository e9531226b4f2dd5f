"""Generate a synthetic bilingual Diemen site to benchmark the build.

The real site has a few dozen pages; the build must stay fast at thousands
(DESIGN.md, "Performance"). This module writes a site of any size that looks
like ours to MkDocs: the sections and owners of `redactiestatuut.yml`, the same
front-matter, Dutch pages in `content/nl/` and English ones at the same paths in
`content/en/`, folders three levels deep with an `index.md` each, ~400 words of
prose a page with headings, lists, sometimes a table, and links to siblings.

Next to the content it writes two MkDocs configs, so the same pages can be built
with our configuration (`mkdocs.yml`) and with plain mkdocs-material
(`mkdocs-plain.yml`). Everything is derived from a seed: the same arguments give
the same files.

    python bench/generate_site.py /tmp/bench-site --pages 2000
"""

from __future__ import annotations

import argparse
import posixpath
import random
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
STATUTE = REPO / "redactiestatuut.yml"
OUR_CONFIG = REPO / "mkdocs.yml"

LANGUAGES = ("nl", "en")
CONTENT_DIR = "content"
OUR_SITE_DIR = "site-ours"
PLAIN_SITE_DIR = "site-plain"
PAGES_PER_TOPIC = 10  # the topic's index.md plus nine pages
WORDS_PER_PAGE = 400
TABLE_CHANCE = 0.3

# Subject and verb pairs line up between languages, so a page's Dutch and
# English titles say the same thing.
NOUNS = (
    ("Paspoort", "a passport"),
    ("Parkeervergunning", "a parking permit"),
    ("Afvalpas", "a waste pass"),
    ("Verhuizing", "a move"),
    ("Rijbewijs", "a driving licence"),
    ("Melding", "a report"),
    ("Uitkering", "a benefit"),
    ("Kwijtschelding", "a tax waiver"),
    ("Omgevingsvergunning", "a building permit"),
    ("Afspraak", "an appointment"),
    ("Grofvuil", "bulky waste"),
    ("Mantelzorg", "informal care"),
    ("Uittreksel", "a certificate"),
    ("Bezwaar", "an objection"),
)
VERBS = (
    ("aanvragen", "Apply for"),
    ("doorgeven", "Report"),
    ("verlengen", "Renew"),
    ("wijzigen", "Change"),
    ("betalen", "Pay for"),
    ("regelen", "Arrange"),
)


@dataclass(frozen=True)
class Vocabulary:
    """The words one language's prose is made of."""

    subjects: Sequence[tuple[str, int]]  # (subject, person: 0 = u, 1 = he/she, 2 = plural)
    modals: Sequence[tuple[str, str, str]]
    objects: Sequence[str]
    verbs: Sequence[str]
    adverbials: Sequence[str]
    short_sentences: Sequence[str]
    headings: Sequence[str]
    see_also: str
    list_intro: str
    table_header: tuple[str, str, str]
    days: str
    topic_title: str


DUTCH = Vocabulary(
    subjects=(
        ("U", 0),
        ("De gemeente", 1),
        ("Het KCC", 1),
        ("Wij", 2),
        ("Bewoners", 2),
        ("Ondernemers", 2),
        ("Uw buren", 2),
    ),
    modals=(("kunt", "kan", "kunnen"), ("moet", "moet", "moeten"), ("mag", "mag", "mogen"), ("wilt", "wil", "willen")),
    objects=(
        "een paspoort",
        "uw afvalpas",
        "een parkeervergunning",
        "de aanvraag",
        "een afspraak",
        "het formulier",
        "uw verhuizing",
        "een melding",
        "de aanslag",
        "een uitkering",
        "hulp bij het huishouden",
        "uw rijbewijs",
        "de container",
        "een bezwaar",
        "de kosten",
        "uw gegevens",
    ),
    verbs=(
        "aanvragen",
        "doorgeven",
        "ophalen",
        "betalen",
        "invullen",
        "maken",
        "controleren",
        "opsturen",
        "wijzigen",
        "regelen",
        "inleveren",
        "bekijken",
    ),
    adverbials=(
        "bij het stadhuis",
        "via de website",
        "binnen vijf werkdagen",
        "met DigiD",
        "op werkdagen",
        "voor 1 april",
        "in de wijk",
        "aan de balie",
        "per post",
        "zonder afspraak",
        "elk jaar",
        "na de verhuizing",
    ),
    short_sentences=(
        "Dat is gratis.",
        "Neem uw identiteitsbewijs mee.",
        "Heeft u vragen? Bel dan 14 020.",
        "U krijgt daarna een brief.",
        "Dit duurt ongeveer twee weken.",
        "Wij helpen u graag.",
    ),
    headings=(
        "Wat kost het?",
        "Wat heeft u nodig?",
        "Hoe werkt het?",
        "Wanneer krijgt u antwoord?",
        "Wie kan dit aanvragen?",
        "Heeft u vragen?",
    ),
    see_also="Zie ook",
    list_intro="Neem dit mee:",
    table_header=("Product", "Kosten", "Levertijd"),
    days="werkdagen",
    topic_title="Alles over",
)

ENGLISH = Vocabulary(
    subjects=(
        ("You", 0),
        ("The municipality", 1),
        ("The contact centre", 1),
        ("We", 2),
        ("Residents", 2),
        ("Businesses", 2),
        ("Your neighbours", 2),
    ),
    modals=(("can", "can", "can"), ("must", "must", "must"), ("may", "may", "may"), ("should", "should", "should")),
    objects=(
        "a passport",
        "your waste pass",
        "a parking permit",
        "the application",
        "an appointment",
        "the form",
        "your move",
        "a report",
        "the tax bill",
        "a benefit",
        "help at home",
        "your driving licence",
        "the container",
        "an objection",
        "the costs",
        "your details",
    ),
    verbs=(
        "apply for",
        "report",
        "collect",
        "pay",
        "fill in",
        "book",
        "check",
        "send",
        "change",
        "arrange",
        "hand in",
        "view",
    ),
    adverbials=(
        "at the town hall",
        "on the website",
        "within five working days",
        "with DigiD",
        "on working days",
        "before 1 April",
        "in your area",
        "at the desk",
        "by post",
        "without an appointment",
        "every year",
        "after the move",
    ),
    short_sentences=(
        "It is free.",
        "Bring your ID.",
        "Any questions? Call 14 020.",
        "You will then get a letter.",
        "This takes about two weeks.",
        "We are happy to help.",
    ),
    headings=(
        "What does it cost?",
        "What do you need?",
        "How does it work?",
        "When will you hear from us?",
        "Who can apply?",
        "Any questions?",
    ),
    see_also="See also",
    list_intro="Bring the following:",
    table_header=("Product", "Cost", "Delivery time"),
    days="working days",
    topic_title="All about",
)


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _dutch_sentence(rng: random.Random, words: Vocabulary) -> str:
    """One Dutch sentence: modal second, infinitive last, sometimes inverted."""
    subject, person = rng.choice(words.subjects)
    modal = rng.choice(words.modals)[person]
    obj, verb = rng.choice(words.objects), rng.choice(words.verbs)
    adverbial = rng.choice(words.adverbials)
    if rng.random() < 0.3:
        return f"{_upper_first(adverbial)} {modal} {_lower_first(subject)} {obj} {verb}."
    return f"{subject} {modal} {obj} {adverbial} {verb}."


def _english_sentence(rng: random.Random, words: Vocabulary) -> str:
    """One English sentence: subject, modal, verb, object, sometimes a fronted adverbial."""
    subject = rng.choice(words.subjects)[0]
    modal = rng.choice(words.modals)[0]
    obj, verb = rng.choice(words.objects), rng.choice(words.verbs)
    adverbial = rng.choice(words.adverbials)
    if rng.random() < 0.3:
        return f"{_upper_first(adverbial)}, {_lower_first(subject)} {modal} {verb} {obj}."
    return f"{subject} {modal} {verb} {obj} {adverbial}."


@dataclass(frozen=True)
class Language:
    """A language's vocabulary and its word order."""

    code: str
    words: Vocabulary
    sentence: Callable[[random.Random, Vocabulary], str]


LANGUAGE = {"nl": Language("nl", DUTCH, _dutch_sentence), "en": Language("en", ENGLISH, _english_sentence)}


@dataclass(frozen=True)
class Section:
    """One entry of the statute's `secties`: a folder or a single page, and its owner."""

    path: str
    owner: str

    def holds(self, page: PurePosixPath) -> bool:
        """Whether the page lies in this section."""
        if self.path.endswith("/"):
            return page.as_posix().startswith(self.path)
        return page.as_posix() == self.path


def read_sections(statute: Path = STATUTE) -> list[Section]:
    """The statute's sections, in the order it lists them."""
    data = YAML(typ="safe").load(statute)
    return [Section(str(entry["pad"]), str(entry["eigenaar"])) for entry in data["secties"]]


def plan_pages(count: int, sections: Sequence[Section]) -> list[PurePosixPath]:
    """The paths of one language's `count` pages, spread evenly over the folder sections.

    Root and section indexes come first; every later page goes, in turn, to the
    next section, as `section/topic-NN/index.md` or `section/topic-NN/page-NNN.md`.
    """
    folders = [section.path for section in sections if section.path.endswith("/")]
    indexes = [PurePosixPath("index.md")] + [PurePosixPath(f"{f}index.md") for f in folders]
    plan = indexes[:count]
    placed: dict[str, int] = defaultdict(int)
    for slot in range(count - len(plan)):
        folder = folders[slot % len(folders)]
        number = placed[folder]
        placed[folder] += 1
        topic = f"{folder}topic-{number // PAGES_PER_TOPIC + 1:02d}"
        name = "index.md" if number % PAGES_PER_TOPIC == 0 else f"page-{number:03d}.md"
        plan.append(PurePosixPath(topic, name))
    return plan


def children(plan: Iterable[PurePosixPath]) -> dict[PurePosixPath, list[PurePosixPath]]:
    """For each folder, the pages it shows: its own pages and its sub-folders' indexes."""
    shown: dict[PurePosixPath, list[PurePosixPath]] = defaultdict(list)
    for page in plan:
        if page.name == "index.md" and page.parent != PurePosixPath("."):
            shown[page.parent.parent].append(page)
        elif page.name != "index.md":
            shown[page.parent].append(page)
    return shown


def link_targets(
    page: PurePosixPath, shown: Mapping[PurePosixPath, list[PurePosixPath]], rng: random.Random
) -> list[PurePosixPath]:
    """An index links to all it shows; a page to its folder's index and up to two siblings."""
    if page.name == "index.md":
        return shown.get(page.parent, [])
    siblings = [p for p in shown[page.parent] if p != page]
    return [page.parent / "index.md", *rng.sample(siblings, min(2, len(siblings)))]


def title(page: PurePosixPath, language: Language, seed: int) -> str:
    """A page's title; the same path gets the same subject in both languages."""
    if page == PurePosixPath("index.md"):
        return "Gemeente Diemen" if language.code == "nl" else "Municipality of Diemen"
    if page.name == "index.md" and len(page.parts) == 2:
        return page.parts[0].replace("-", " ").capitalize()
    rng = random.Random(f"{seed}:{page}")
    (noun_nl, noun_en), (verb_nl, verb_en) = rng.choice(NOUNS), rng.choice(VERBS)
    if page.name == "index.md":
        subject = noun_nl.lower() if language.code == "nl" else noun_en
        return f"{language.words.topic_title} {subject}"
    return f"{noun_nl} {verb_nl}" if language.code == "nl" else f"{verb_en} {noun_en}"


def paragraph(rng: random.Random, language: Language) -> str:
    """Three to six sentences, now and then a short fixed one among them."""
    sentences = [language.sentence(rng, language.words) for _ in range(rng.randint(3, 6))]
    if rng.random() < 0.5:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(language.words.short_sentences))
    return " ".join(sentences)


def bullet_list(rng: random.Random, words: Vocabulary) -> str:
    """A short list of things to bring, introduced by a sentence."""
    items = rng.sample(list(words.objects), rng.randint(3, 5))
    return "\n".join([words.list_intro, ""] + [f"- {_upper_first(item)}" for item in items])


def table(rng: random.Random, words: Vocabulary) -> str:
    """A small price table, as pages about products have."""
    header = "| " + " | ".join(words.table_header) + " |"
    rows = [
        f"| {_upper_first(obj)} | € {rng.randint(5, 150)},{rng.choice(['00', '50'])} "
        f"| {rng.randint(1, 20)} {words.days} |"
        for obj in rng.sample(list(words.objects), 3)
    ]
    return "\n".join([header, "| --- | --- | --- |", *rows])


def body(rng: random.Random, language: Language, links: Sequence[tuple[str, str]]) -> str:
    """About WORDS_PER_PAGE words: an intro, `##` sections, a list, maybe a table, links."""
    blocks = [paragraph(rng, language)]
    headings = rng.sample(list(language.words.headings), len(language.words.headings))
    with_list, with_table = rng.randrange(3), rng.random() < TABLE_CHANCE
    for number, heading in enumerate(headings):
        if number >= 3 and _words(blocks) >= WORDS_PER_PAGE:
            break
        blocks += [f"## {heading}", paragraph(rng, language)]
        if number == with_list:
            blocks.append(bullet_list(rng, language.words))
        if number == 1 and with_table:
            blocks.append(table(rng, language.words))
        if _words(blocks) < WORDS_PER_PAGE:
            blocks.append(paragraph(rng, language))
    if links:
        blocks += [f"## {language.words.see_also}", "\n".join(f"- [{t}]({h})" for t, h in links)]
    return "\n\n".join(blocks) + "\n"


def _words(blocks: Sequence[str]) -> int:
    return sum(len(block.split()) for block in blocks)


def render_page(
    page: PurePosixPath, language: Language, owner: str, shown: Mapping[PurePosixPath, list[PurePosixPath]], seed: int
) -> str:
    """A whole Markdown file: front-matter like the real site's, then the body."""
    rng = random.Random(f"{seed}:{language.code}:{page}")
    links = [
        (title(target, language, seed), posixpath.relpath(target, page.parent))
        for target in link_targets(page, shown, rng)
    ]
    reviewed = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
    front = [
        "---",
        f"title: {title(page, language, seed)}",
        f"description: {language.sentence(rng, language.words)}",
        f"owner: {owner}",
        f"reviewed: {reviewed.isoformat()}",
        "---",
    ]
    return "\n".join(front) + "\n\n" + body(rng, language, links)


def owner_of(page: PurePosixPath, sections: Sequence[Section]) -> str:
    """The owner of the first section that holds the page, as the linters read it."""
    return next(section.owner for section in sections if section.holds(page))


def write_content(content: Path, plan: Sequence[PurePosixPath], sections: Sequence[Section], seed: int) -> None:
    """Write every planned page once per language."""
    shown = children(plan)
    for code in LANGUAGES:
        for page in plan:
            target = content / code / page
            target.parent.mkdir(parents=True, exist_ok=True)
            text = render_page(page, LANGUAGE[code], owner_of(page, sections), shown, seed)
            target.write_text(text, encoding="utf-8")


def _round_trip_yaml() -> YAML:
    """A YAML that keeps comments and key order, indented like our mkdocs.yml."""
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _dump(data: Any, target: Path) -> None:
    with target.open("w", encoding="utf-8") as stream:
        _round_trip_yaml().dump(data, stream)


def write_our_config(out: Path) -> None:
    """Our mkdocs.yml, comments kept, pointed at the generated content and its own site dir.

    The theme's custom_dir is copied along, so the bench renders what the site renders.
    """
    config = _round_trip_yaml().load(OUR_CONFIG)
    config["docs_dir"] = CONTENT_DIR
    config["site_dir"] = OUR_SITE_DIR
    custom_dir = config["theme"].get("custom_dir")
    if custom_dir is not None:
        source = REPO / custom_dir
        if source.is_dir():
            shutil.copytree(source, out / custom_dir)
        else:
            del config["theme"]["custom_dir"]
    # The site plugins (owner footer, checks) read the statute next to mkdocs.yml.
    shutil.copy2(REPO / "redactiestatuut.yml", out / "redactiestatuut.yml")
    _dump(config, out / "mkdocs.yml")


def write_plain_config(out: Path) -> None:
    """Plain mkdocs-material on the same folder: nl/ and en/ become ordinary sections."""
    config = {
        "site_name": "Gemeente Diemen (plain mkdocs-material)",
        "docs_dir": CONTENT_DIR,
        "site_dir": PLAIN_SITE_DIR,
        "theme": {"name": "material", "language": "nl"},
        "plugins": ["search"],
    }
    _dump(config, out / "mkdocs-plain.yml")


def generate_site(out: Path, pages: int, seed: int = 1) -> Path:
    """Write a site of `pages` pages (half Dutch, half English) into `out`, and return `out`.

    `out` must not exist or be empty, so no page of an earlier run is left behind.
    """
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; choose a new folder")
    if pages < 2:
        raise ValueError("a bilingual site needs at least 2 pages")
    out.mkdir(parents=True, exist_ok=True)
    sections = read_sections()
    write_content(out / CONTENT_DIR, plan_pages(pages // 2, sections), sections, seed)
    shutil.copyfile(STATUTE, out / STATUTE.name)
    write_our_config(out)
    write_plain_config(out)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: write one synthetic site."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (must not exist or be empty)")
    parser.add_argument("--pages", type=int, default=200, help="pages in total (both languages)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(generate_site(args.out, args.pages, args.seed))


if __name__ == "__main__":
    main()
