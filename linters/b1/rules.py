"""Plain-language rules (B1 for Dutch, plain English): each reads the annotated page.

The NLP ran once in `analysis.analyse`; a rule only walks sentences, spans and
word facts on the documents, compares them with the statute's language
policy, and maps character offsets back to the Markdown line and column.
Word lists are data in `linters/b1/data/`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from linters.b1 import lexicon
from linters.b1.metrics import (
    analyse,
    difficult_word,
    english_reading_ease,
    page_index,
    page_stats,
    rare_threshold,
    sentence_metrics,
)
from linters.b1.policy import LANGUAGE_POLICY
from linters.b1.words import is_word
from linters.core.finding import Detection, Message, Severity, SourceSpan
from linters.core.page import Page
from linters.core.rules import CheckContext, rule

if TYPE_CHECKING:
    from spacy.tokens import Span

    from linters.b1.analysis import BlockDoc

# Mirrors analysis.MAX_WORDS (asserted in the tests) without importing spaCy here.
MAX_WORDS = 50_000

CONTEXT_CHARS = 160
SENTENCE_KINDS = ("paragraph", "list-item", "blockquote", "table-cell")


def _span(page: Page, bd: BlockDoc, start: int, end: int) -> SourceSpan:
    line, column = bd.position(start)
    end_line, end_column = bd.position(max(start, end - 1))
    return SourceSpan(page.display, line, column, end_line, end_column + 1)


def _context(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= CONTEXT_CHARS else text[: CONTEXT_CHARS - 1].rstrip() + "…"


def _limit(ctx: CheckContext, lang: str, key: str) -> int:
    return int(LANGUAGE_POLICY.threshold(ctx.statute, lang, key))


# --- sentences -------------------------------------------------------------------


def _alternatives(entry: lexicon.Entry, conjunction: str) -> str:
    """'als' of 'wanneer' (Dutch) / 'als' or 'wanneer' (English)."""
    return f" {conjunction} ".join(f"'{b}'" for b in entry.better)


def _word_list_hits(
    page: Page, words: lexicon.WordList, message: Callable[[str, lexicon.Entry], Message]
) -> Iterator[Detection]:
    """One detection per word-list match, with the list's better words and the entry's source."""
    by_phrase = {e.phrase: e for e in words.entries}
    for bd in analyse(page).blocks:
        for span in bd.doc.spans.get("b1_wordlist", []):
            entry = by_phrase[span.label_]
            yield Detection(
                _span(page, bd, span.start_char, span.end_char),
                message(span.text, entry),
                replacements=entry.better,
                context=_sentence_of(bd, span.start),
                extras={"entry": entry.phrase, "source": entry.source.name},
            )


@rule(
    "B1001",
    "long-sentence",
    Severity.WARNING,
    "Een zin is te lang.",
    "A sentence is too long.",
)
def long_sentence(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een zin met meer woorden dan het taalbeleid toestaat.

    Wat het controleert
        Het aantal woorden in elke zin van alinea's, opsommingen, citaten en
        tabelcellen. De grens staat in het redactiestatuut:
        `taalbeleid.nl.max_woorden_per_zin` (standaard 25), en voor Engelse
        pagina's `taalbeleid.en.max_woorden_per_zin` (standaard 25, zoals
        GOV.UK). Afkortingen als 'bijv.' en 'o.a.' beëindigen geen zin.

    Waarom is dit een probleem?
        Een lange zin moet de lezer in zijn hoofd houden tot de punt. Lezers
        op taalniveau B1 raken dan de draad kwijt. Onze Taal noemt 15 tot 20
        woorden gemiddeld goed; boven 25 woorden wordt een zin vaak onduidelijk.

    Voorbeeld
        Als u een parkeervergunning wilt aanvragen omdat u in een gebied met
        betaald parkeren woont, dan moet u een kenteken op uw naam hebben en
        mag u niet al twee vergunningen op uw adres hebben.

    Beter
        Woont u in een gebied met betaald parkeren? Dan kunt u een
        parkeervergunning aanvragen. Het kenteken moet op uw naam staan. Op
        uw adres mogen niet al twee vergunningen zijn.

    What it checks
        The number of words in every sentence of paragraphs, lists, quotes and
        table cells. The limit is in the editorial statute:
        `taalbeleid.nl.max_woorden_per_zin` (default 25), and for English pages
        `taalbeleid.en.max_woorden_per_zin` (default 25, as GOV.UK). Abbreviations
        such as 'bijv.' and 'o.a.' do not end a sentence.

    Why is this a problem?
        The reader must hold a long sentence in mind until the full stop.
        Readers at level B1 lose the thread. Onze Taal calls 15 to 20 words on
        average fine; above 25 words a sentence often becomes unclear.

    For example
        Als u een parkeervergunning wilt aanvragen omdat u in een gebied met
        betaald parkeren woont, dan moet u een kenteken op uw naam hebben en
        mag u niet al twee vergunningen op uw adres hebben.

    Better
        Woont u in een gebied met betaald parkeren? Dan kunt u een
        parkeervergunning aanvragen. Het kenteken moet op uw naam staan. Op
        uw adres mogen niet al twee vergunningen zijn.
    """
    limit = _limit(ctx, page.lang, "max_woorden_per_zin")
    for bd in analyse(page).of_kind(*SENTENCE_KINDS):
        for sentence in bd.sentences():
            count = sentence.words
            if count > limit:
                yield Detection(
                    _span(page, bd, sentence.start_char, sentence.end_char),
                    Message(
                        f"Deze zin heeft {count} woorden. Maak er twee of meer zinnen van, "
                        f"met hoogstens {limit} woorden per zin.",
                        f"This sentence has {count} words. Split it into sentences of at most {limit} words.",
                    ),
                    context=_context(bd.text(sentence)),
                    extras={"words": count, "limit": limit},
                )


@rule(
    "B1002",
    "long-sentences-on-average",
    Severity.WARNING,
    "De zinnen op de pagina zijn gemiddeld te lang.",
    "The sentences on the page are too long on average.",
)
def long_sentences_on_average(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina waarvan de zinnen gemiddeld te lang zijn.

    Wat het controleert
        Het gemiddelde aantal woorden per zin in de lopende tekst (alinea's,
        opsommingen, citaten), voor pagina's met minstens drie zinnen. De grens
        is `taalbeleid.<taal>.max_gemiddelde_zinslengte` (standaard 15).

    Waarom is dit een probleem?
        Ook zonder één heel lange zin kan een pagina zwaar lezen als bijna
        elke zin lang is. Stichting Makkelijk Lezen adviseert gemiddeld minder
        dan 12 woorden; Onze Taal vindt 15 tot 20 nog goed.

    Voorbeeld
        Een pagina met tien zinnen van elk 18 tot 22 woorden.

    Beter
        Wissel lange en korte zinnen af. Zet één gedachte in één zin. Maak
        van een opsomming in een zin een lijst.

    What it checks
        The average number of words per sentence in the running text
        (paragraphs, lists, quotes), for pages with at least three sentences.
        The limit is `taalbeleid.<taal>.max_gemiddelde_zinslengte` (default 15).

    Why is this a problem?
        Even without one very long sentence a page reads heavily when nearly
        every sentence is long. Stichting Makkelijk Lezen advises under 12
        words on average; Onze Taal still finds 15 to 20 fine.

    For example
        A page with ten sentences of 18 to 22 words each.

    Better
        Mix long and short sentences. Put one thought in one sentence. Turn a
        list inside a sentence into a list.
    """
    stats = page_stats(page, ctx)
    if stats is None or stats.sentences < 3:
        return
    limit = LANGUAGE_POLICY.threshold(ctx.statute, page.lang, "max_gemiddelde_zinslengte")
    mean = stats.mean_sentence_length
    if mean <= limit:
        return
    blocks = analyse(page).running_text()
    longest = max(
        ((bd, s) for bd in blocks for s in bd.sentences()),
        key=lambda pair: pair[1].words,
    )
    bd, sentence = longest
    yield Detection(
        _span(page, bd, sentence.start_char, sentence.end_char),
        Message(
            f"De zinnen op deze pagina hebben gemiddeld {mean:.1f} woorden. Dat is meer dan {limit:g}. "
            "Maak de langste zinnen korter; deze zin is de langste.",
            f"The sentences on this page have {mean:.1f} words on average, more than {limit:g}. "
            "Shorten the longest sentences; this one is the longest.",
        ),
        context=_context(bd.text(sentence)),
        extras={"mean_sentence_length": round(mean, 1), "limit": limit},
    )


# --- words -----------------------------------------------------------------------------


def _sentence_of(bd: BlockDoc, token_index: int) -> str:
    return _context(bd.doc[token_index].sent.text)


@rule(
    "B1003",
    "officialese-word",
    Severity.WARNING,
    "Een ambtelijk woord; er is een gewoner woord.",
    "An officialese word; there is a plainer one.",
    languages=("nl",),
)
def officialese(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Ambtelijke en ouderwetse woorden waarvoor een gewoon woord bestaat.

    Wat het controleert
        Woorden en woordgroepen uit de lijst `linters/b1/data/ambtelijk-nl.yml`
        (meer dan 250 woorden, elk met de openbare lijst waar het vandaan komt:
        het Helder Haags Woordenboek, de woordenlijst begrijpelijke taal van
        RVO, Onze Taal en andere). De regel kijkt naar de stam van het woord:
        'verstrekt' en 'verstrekte' vallen onder 'verstrekken'. Ook woordgroepen
        als 'ten behoeve van' en 'met betrekking tot' worden gevonden.

    Waarom is dit een probleem?
        Woorden als 'indien', 'middels' en 'derhalve' komen vaak voor in
        brieven van de overheid, maar bijna nooit in gewone gesprekken. Lezers
        op B1-niveau kennen ze minder goed, en de tekst klinkt stijf en afstandelijk.

    Voorbeeld
        Indien u middels het formulier een aanvraag indient, ontvangt u
        teneinde de afhandeling te bespoedigen een ontvangstbevestiging.

    Beter
        Vraagt u het aan met het formulier? Dan krijgt u een bevestiging.
        Zo kunnen wij uw aanvraag sneller behandelen.

    What it checks
        Words and phrases from the list `linters/b1/data/ambtelijk-nl.yml`
        (more than 250 words, each with the public list it comes from: the
        Helder Haags Woordenboek, RVO's word list for plain language, Onze Taal
        and others). The rule looks at the word's stem: 'verstrekt' and
        'verstrekte' fall under 'verstrekken'. Phrases such as 'ten behoeve van'
        and 'met betrekking tot' are found too.

    Why is this a problem?
        Words like 'indien', 'middels' and 'derhalve' are common in letters
        from the government but almost never in ordinary talk. Readers at B1
        level know them less well, and the text sounds stiff and distant.

    For example
        Indien u middels het formulier een aanvraag indient, ontvangt u
        teneinde de afhandeling te bespoedigen een ontvangstbevestiging.

    Better
        Vraagt u het aan met het formulier? Dan krijgt u een bevestiging.
        Zo kunnen wij uw aanvraag sneller behandelen.
    """

    def message(text: str, entry: lexicon.Entry) -> Message:
        return Message(
            f"'{text}' is ambtelijke taal. Schrijf liever {_alternatives(entry, 'of')}.",
            f"'{text}' is officialese Dutch. Write {_alternatives(entry, 'or')} instead.",
        )

    yield from _word_list_hits(page, lexicon.officialese(), message)


@rule(
    "B1004",
    "rare-word",
    Severity.SUGGESTION,
    "Een woord dat weinig mensen kennen.",
    "A word few people know.",
    languages=("nl",),
)
def rare_word(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een woord dat zelden voorkomt, en dat lezers daarom vaak niet kennen.

    Wat het controleert
        Hoe vaak een woord voorkomt in gewoon Nederlands (de frequentielijst
        van het pakket wordfreq, op de Zipf-schaal). Onder
        `taalbeleid.nl.min_woordfrequentie` (standaard 2,5: minder dan ongeveer
        3 keer per 10 miljoen woorden) is een woord zeldzaam. Bij een
        samenstelling telt het laatste deel: 'parkeervergunning' is zo bekend
        als 'vergunning'. Namen, getallen, adressen, afkortingen en de woorden
        in `linters/b1/data/woordenlijst-site.yml` (voor de hele site of één
        sectie) tellen niet mee. Elk woord wordt één keer per pagina gemeld.

    Waarom is dit een probleem?
        Een lezer die één woord niet kent, mist vaak de hele zin. Stichting
        Makkelijk Lezen adviseert hoogstens 4% moeilijke woorden.

    Voorbeeld
        De gemeente hanteert een restitutieregeling.

    Beter
        U kunt geld terugkrijgen. Of, als het woord nodig is: leg het uit
        ('restitutie: u krijgt geld terug').

    What it checks
        How often a word occurs in ordinary Dutch (the frequency list of the
        package wordfreq, on the Zipf scale). Below
        `taalbeleid.nl.min_woordfrequentie` (default 2.5: fewer than about 3
        times in 10 million words) a word is rare. For a compound the last part
        counts: 'parkeervergunning' is as well known as 'vergunning'. Names,
        numbers, addresses, abbreviations and the words in
        `linters/b1/data/woordenlijst-site.yml` (for the whole site or one
        section) do not count. Each word is reported once per page.

    Why is this a problem?
        A reader who does not know one word often misses the whole sentence.
        Stichting Makkelijk Lezen advises at most 4% difficult words.

    For example
        De gemeente hanteert een restitutieregeling.

    Better
        U kunt geld terugkrijgen. Or, when the word is needed: explain it
        ('restitutie: u krijgt geld terug').
    """
    threshold = rare_threshold(ctx, page.lang)
    seen: set[str] = set()
    for bd in analyse(page).blocks:
        listed = {t for span in bd.doc.spans.get("b1_wordlist", []) for t in range(span.start, span.end)}
        for word in bd.doc._.b1_words or []:
            if word.lower in seen or word.i in listed or not difficult_word(word, threshold, page.rel_path):
                continue
            seen.add(word.lower)
            token = bd.doc[word.i]
            head = f" Het laatste deel, '{word.head}', is ook weinig bekend." if word.head != word.lower else ""
            head_en = f" Its last part, '{word.head}', is rare too." if word.head != word.lower else ""
            yield Detection(
                _span(page, bd, token.idx, token.idx + len(token.text)),
                Message(
                    f"'{token.text}' is een woord dat weinig mensen kennen.{head} "
                    "Gebruik een gewoner woord, of leg het uit.",
                    f"'{token.text}' is a word few people know.{head_en} Use a more common word, or explain it.",
                ),
                context=_sentence_of(bd, word.i),
                extras={"zipf": word.zipf, "threshold": threshold},
            )


@rule(
    "B1008",
    "long-word",
    Severity.SUGGESTION,
    "Een woord met veel lettergrepen.",
    "A word with many syllables.",
    languages=("nl",),
)
def long_word(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een woord met meer lettergrepen dan het taalbeleid toestaat.

    Wat het controleert
        Het aantal lettergrepen (klankgroepen) van elk woord. De grens is
        `taalbeleid.nl.max_lettergrepen_per_woord` (standaard 6). Bij een
        samenstelling noemt de melding de delen. Namen en de woorden uit
        `linters/b1/data/woordenlijst-site.yml` tellen niet mee. Elk woord
        wordt één keer per pagina gemeld.

    Waarom is dit een probleem?
        Lange samenstellingen moet een lezer eerst in stukken hakken voordat
        hij ze begrijpt. Dat kost tijd, en soms gaat het mis.

    Voorbeeld
        Stuur het kwijtscheldingsaanvraagformulier op.

    Beter
        Stuur het formulier op waarmee u kwijtschelding aanvraagt.

    What it checks
        The number of syllables of every word. The limit is
        `taalbeleid.nl.max_lettergrepen_per_woord` (default 6). For a compound
        the message names its parts. Names and the words in
        `linters/b1/data/woordenlijst-site.yml` do not count. Each word is
        reported once per page.

    Why is this a problem?
        A reader must first cut a long compound into pieces before
        understanding it. That takes time, and sometimes goes wrong.

    For example
        Stuur het kwijtscheldingsaanvraagformulier op.

    Better
        Stuur het formulier op waarmee u kwijtschelding aanvraagt.
    """
    limit = _limit(ctx, "nl", "max_lettergrepen_per_woord")
    allowed = lexicon.glossary()
    seen: set[str] = set()
    for bd in analyse(page).blocks:
        for word in bd.doc._.b1_words or []:
            if word.syllables <= limit or word.name_like or word.lower in seen:
                continue
            if allowed.allows(word.lower, page.rel_path):
                continue
            seen.add(word.lower)
            token = bd.doc[word.i]
            parts = (
                f" Het woord bestaat uit '{word.modifier}' en '{word.head}'. Schrijf het in meer woorden."
                if word.modifier
                else " Zeg het in meer, kortere woorden."
            )
            parts_en = (
                f" It is made of '{word.modifier}' and '{word.head}'. Write it as several words."
                if word.modifier
                else " Say it in more, shorter words."
            )
            yield Detection(
                _span(page, bd, token.idx, token.idx + len(token.text)),
                Message(
                    f"'{token.text}' heeft {word.syllables} lettergrepen (grens: {limit}).{parts}",
                    f"'{token.text}' has {word.syllables} syllables (limit: {limit}).{parts_en}",
                ),
                context=_sentence_of(bd, word.i),
                extras={"syllables": word.syllables, "limit": limit},
            )


# --- grammar ------------------------------------------------------------------------


def _passive(page: Page, label: str) -> Iterator[tuple[BlockDoc, Span]]:
    for bd in analyse(page).blocks:
        for span in bd.doc.spans.get("b1_passive", []):
            if span.label_ == label:
                yield bd, span


@rule(
    "B1005",
    "passive-voice",
    Severity.WARNING,
    "Een zin in de lijdende vorm.",
    "A sentence in the passive voice.",
)
def passive_voice(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een zin in de lijdende vorm: een vorm van 'worden' met een voltooid deelwoord.

    Wat het controleert
        Zinnen met 'word', 'wordt', 'worden', 'werd' of 'werden' en een voltooid
        deelwoord ('behandeld', 'verstuurd'). Het deelwoord herkent een
        woordsoort-tagger (PatternLite). Op Engelse pagina's: een vorm van
        'to be' met een deelwoord ('is sent', 'was checked'). De trefzekerheid
        staat in de README (precisie en recall op een testset van zinnen).

    Waarom is dit een probleem?
        In de lijdende vorm staat niet wie iets doet. De lezer moet dat raden.
        Actieve zinnen zijn korter en duidelijker: de gemeente doet iets, of u
        doet iets.

    Voorbeeld
        Uw aanvraag wordt binnen acht weken behandeld.

    Beter
        Wij behandelen uw aanvraag binnen acht weken.

    What it checks
        Sentences with 'word', 'wordt', 'worden', 'werd' or 'werden' and a past
        participle ('behandeld', 'verstuurd'). A part-of-speech tagger
        (PatternLite) recognises the participle. On English pages: a form of
        'to be' with a participle ('is sent', 'was checked'). How reliable it
        is (precision and recall on a test set of sentences) is in the README.

    Why is this a problem?
        The passive voice does not say who does something. The reader has to
        guess. Active sentences are shorter and clearer: the municipality does
        something, or you do.

    For example
        Uw aanvraag wordt binnen acht weken behandeld.

    Better
        Wij behandelen uw aanvraag binnen acht weken.
    """
    # The suggested subject is in the page's language, whatever the report's language.
    we, you = ("wij", "u") if page.lang == "nl" else ("we", "you")
    for bd, span in _passive(page, "worden" if page.lang == "nl" else "be"):
        yield Detection(
            _span(page, bd, span.start_char, span.end_char),
            Message(
                f"'{span.text}' is de lijdende vorm. Schrijf wie het doet: '{we} ...' of '{you} ...'.",
                f"'{span.text}' is passive. Say who does it: '{we} ...' or '{you} ...'.",
            ),
            context=_context(span.sent.text),
        )


@rule(
    "B1006",
    "possible-passive-voice",
    Severity.SUGGESTION,
    "Misschien een zin in de lijdende vorm.",
    "Possibly a sentence in the passive voice.",
    languages=("nl",),
)
def possible_passive_voice(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een vorm van 'zijn' met een voltooid deelwoord: vaak een lijdende vorm.

    Wat het controleert
        Zinnen met 'is', 'zijn', 'was' of 'waren' en een voltooid deelwoord
        van een werkwoord dat zijn voltooide tijd met 'hebben' maakt: 'de brief
        is verstuurd'. 'Ik ben verhuisd' telt niet, want verhuizen gaat met
        'zijn'. Deze regel is zwakker dan B1005: soms is zo'n zin een toestand
        ('de balie is gesloten') en dan is hij prima.

    Waarom is dit een probleem?
        Ook hier staat niet wie iets deed. Is dat belangrijk voor de lezer,
        schrijf het dan op.

    Voorbeeld
        De brief is verstuurd.

    Beter
        Wij hebben de brief verstuurd.

    What it checks
        Sentences with 'is', 'zijn', 'was' or 'waren' and a past participle of a
        verb that makes its perfect tense with 'hebben': 'de brief is
        verstuurd'. 'Ik ben verhuisd' does not count, because 'verhuizen' goes
        with 'zijn'. This rule is weaker than B1005: sometimes such a sentence
        is a state ('de balie is gesloten'), and then it is fine.

    Why is this a problem?
        Here too the sentence does not say who did something. If that matters
        to the reader, write it down.

    For example
        De brief is verstuurd.

    Better
        Wij hebben de brief verstuurd.
    """
    for bd, span in _passive(page, "zijn"):
        yield Detection(
            _span(page, bd, span.start_char, span.end_char),
            Message(
                f"'{span.text}' is misschien de lijdende vorm. Is het belangrijk wie het deed? "
                "Schrijf dat dan: 'wij hebben ...'.",
                f"'{span.text}' may be passive. If it matters who did it, say so: 'we have ...'.",
            ),
            context=_context(span.sent.text),
        )


@rule(
    "B1007",
    "nominal-style",
    Severity.SUGGESTION,
    "Naamwoordstijl: een werkwoord is als zelfstandig naamwoord gebruikt.",
    "Nominal style: a verb is used as a noun.",
    languages=("nl",),
)
def nominal_style(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Naamwoordstijl: een werkwoord verstopt in een zelfstandig naamwoord.

    Wat het controleert
        'Het' + werkwoord + 'van' ('het aanvragen van'), en ketens van woorden
        op -ing of -atie met een voorzetsel ertussen ('ter bevordering van de
        verduurzaming'). Gewone woorden als 'woning' en 'vergunning' tellen niet.

    Waarom is dit een probleem?
        In naamwoordstijl staat de handeling niet in het werkwoord. De zin
        wordt lang en abstract, en de lezer ziet niet wie wat moet doen.

    Voorbeeld
        Het aanvragen van een paspoort gebeurt op afspraak.

    Beter
        U vraagt een paspoort aan op afspraak.

    What it checks
        'Het' + verb + 'van' ('het aanvragen van'), and chains of words ending
        in -ing or -atie with a preposition between them ('ter bevordering van
        de verduurzaming'). Ordinary words such as 'woning' and 'vergunning' do
        not count.

    Why is this a problem?
        In the nominal style the action is not in the verb. The sentence gets
        long and abstract, and the reader does not see who must do what.

    For example
        Het aanvragen van een paspoort gebeurt op afspraak.

    Better
        U vraagt een paspoort aan op afspraak.
    """
    for bd in analyse(page).blocks:
        for span in bd.doc.spans.get("b1_nominal", []):
            if span.label_ == "infinitief":
                nl = f"'{span.text}' is naamwoordstijl. Gebruik het werkwoord: wie doet het? ('u vraagt ... aan')."
                en = f"'{span.text}' is nominal style. Use the verb and say who does it."
            else:
                nl = (
                    f"'{span.text}' is naamwoordstijl: werkwoorden als zelfstandig naamwoord achter elkaar. "
                    "Schrijf met werkwoorden wie wat doet."
                )
                en = f"'{span.text}' is a chain of nouns made from verbs. Use verbs: who does what?"
            yield Detection(
                _span(page, bd, span.start_char, span.end_char),
                Message(nl, en),
                context=_context(span.sent.text),
            )


# --- paragraphs and headings ------------------------------------------------------------


@rule(
    "B1009",
    "long-paragraph",
    Severity.SUGGESTION,
    "Een alinea is te lang.",
    "A paragraph is too long.",
)
def long_paragraph(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een alinea met meer woorden dan het taalbeleid toestaat.

    Wat het controleert
        Het aantal woorden per alinea. De grens is
        `taalbeleid.<taal>.max_woorden_per_alinea` (standaard 80).

    Waarom is dit een probleem?
        Op een scherm is een lange alinea een grijs blok. Bezoekers scannen
        een pagina; een lange alinea slaan ze over.

    Voorbeeld
        Een alinea van 120 woorden over wie, wat, wanneer en hoeveel.

    Beter
        Zet één onderwerp in één alinea van een paar zinnen. Gebruik een
        tussenkop of een lijst voor stappen en voorwaarden.

    What it checks
        The number of words per paragraph. The limit is
        `taalbeleid.<taal>.max_woorden_per_alinea` (default 80).

    Why is this a problem?
        On a screen a long paragraph is a grey block. Visitors scan a page;
        they skip a long paragraph.

    For example
        A paragraph of 120 words about who, what, when and how much.

    Better
        Put one subject in one paragraph of a few sentences. Use a subheading
        or a list for steps and conditions.
    """
    limit = _limit(ctx, page.lang, "max_woorden_per_alinea")
    for bd in analyse(page).of_kind("paragraph"):
        count = len(bd.doc._.b1_words)
        if count > limit:
            yield Detection(
                _span(page, bd, 0, min(len(bd.doc.text), 1)),
                Message(
                    f"Deze alinea heeft {count} woorden (grens: {limit}). Verdeel hem over kortere "
                    "alinea's, of maak een lijst.",
                    f"This paragraph has {count} words (limit: {limit}). Split it, or use a list.",
                ),
                context=_context(bd.doc.text),
                extras={"words": count, "limit": limit},
            )


@rule(
    "B1010",
    "long-heading",
    Severity.SUGGESTION,
    "Een kop is te lang.",
    "A heading is too long.",
)
def long_heading(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een kop met meer woorden dan het taalbeleid toestaat.

    Wat het controleert
        Het aantal woorden in elke kop. De grens is
        `taalbeleid.<taal>.max_woorden_per_kop` (standaard 10).

    Waarom is dit een probleem?
        Bezoekers lezen eerst de koppen om te zien waar hun antwoord staat.
        Een lange kop leest als een zin en is niet in één blik te zien.

    Voorbeeld
        ## Wat u moet doen als u een parkeervergunning wilt aanvragen voor een tweede auto

    Beter
        ## Vergunning voor een tweede auto

    What it checks
        The number of words in every heading. The limit is
        `taalbeleid.<taal>.max_woorden_per_kop` (default 10).

    Why is this a problem?
        Visitors read the headings first to see where their answer is. A long
        heading reads like a sentence and cannot be taken in at a glance.

    For example
        ## Wat u moet doen als u een parkeervergunning wilt aanvragen voor een tweede auto

    Better
        ## Vergunning voor een tweede auto
    """
    limit = _limit(ctx, page.lang, "max_woorden_per_kop")
    for bd in analyse(page).of_kind("heading"):
        count = len(bd.doc._.b1_words)
        if count > limit:
            yield Detection(
                _span(page, bd, 0, len(bd.doc.text)),
                Message(
                    f"Deze kop heeft {count} woorden (grens: {limit}). Maak hem korter: zeg in een paar "
                    "woorden wat eronder staat.",
                    f"This heading has {count} words (limit: {limit}). Make it shorter.",
                ),
                context=_context(bd.doc.text),
            )


@rule(
    "B1011",
    "vague-heading",
    Severity.SUGGESTION,
    "Een kop zegt niet wat eronder staat.",
    "A heading does not say what follows.",
)
def vague_heading(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een kop die niets zegt, zoals 'Algemeen' of 'Meer informatie'.

    Wat het controleert
        Koppen die alleen bestaan uit een algemeen woord uit de lijst
        `vage_koppen_nl` / `vage_koppen_en` in `linters/b1/data/taal.yml`.

    Waarom is dit een probleem?
        Bezoekers en schermlezers springen van kop naar kop. Een kop als
        'Overig' vertelt niet of het antwoord eronder staat.

    Voorbeeld
        ## Meer informatie

    Beter
        ## Vragen over uw aanslag

    What it checks
        Headings that are only a general word from the list `vage_koppen_nl` /
        `vage_koppen_en` in `linters/b1/data/taal.yml`.

    Why is this a problem?
        Visitors and screen readers jump from heading to heading. A heading
        such as 'Overig' does not tell whether the answer is below it.

    For example
        ## Meer informatie

    Better
        ## Vragen over uw aanslag
    """
    vague = lexicon.grammar().vague_headings[page.lang]
    for bd in analyse(page).of_kind("heading"):
        plain = " ".join(t.lower_ for t in bd.doc if is_word(t))
        if plain in vague:
            yield Detection(
                _span(page, bd, 0, len(bd.doc.text)),
                Message(
                    f"De kop '{bd.doc.text.strip()}' zegt niet wat eronder staat. Schrijf in de kop waar "
                    "de tekst over gaat.",
                    f"The heading '{bd.doc.text.strip()}' does not say what follows. Name the topic.",
                ),
            )


# --- address form -------------------------------------------------------------------


def _address_spans(page: Page) -> list[tuple[BlockDoc, Span]]:
    return [(bd, span) for bd in analyse(page).blocks for span in bd.doc.spans.get("b1_address", [])]


_FORM_NAMES = {"u": "u en uw", "je": "je, jij en jouw"}


@rule(
    "B1012",
    "wrong-address-form",
    Severity.ERROR,
    "De pagina spreekt de lezer anders aan dan het redactiestatuut zegt.",
    "The page addresses the reader differently from the statute.",
    languages=("nl",),
)
def wrong_address_form(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die de lezer alleen met de andere vorm aanspreekt dan het statuut zegt.

    Wat het controleert
        Het redactiestatuut kiest één aanspreekvorm voor de hele site
        (`aanspreekvorm: u` of `je`). Deze regel meldt elke 'je', 'jij' of
        'jouw' op een pagina zonder 'u' als het statuut 'u' zegt (en
        andersom). Staan beide vormen op de pagina, dan meldt B1013 het.

    Waarom is dit een probleem?
        De site moet als één geheel klinken. Een lezer die op de ene pagina
        'u' leest en op de volgende 'je', vraagt zich af of hij nog bij de
        gemeente is.

    Voorbeeld
        Je kunt je paspoort ophalen op het gemeentehuis.

    Beter
        U kunt uw paspoort ophalen op het gemeentehuis.

    What it checks
        The editorial statute chooses one form of address for the whole site
        (`aanspreekvorm: u` or `je`). This rule reports every 'je', 'jij' or
        'jouw' on a page without 'u' when the statute says 'u' (and the other
        way round). When both forms are on the page, B1013 reports it.

    Why is this a problem?
        The site must sound as one whole. A reader who reads 'u' on one page
        and 'je' on the next wonders whether they are still with the
        municipality.

    For example
        Je kunt je paspoort ophalen op het gemeentehuis.

    Better
        U kunt uw paspoort ophalen op het gemeentehuis.
    """
    expected = ctx.statute.address_form
    spans = _address_spans(page)
    if any(span.label_ == expected for _, span in spans):
        return
    for bd, span in spans:
        yield Detection(
            _span(page, bd, span.start_char, span.end_char),
            Message(
                f"Hier staat '{span.text}'. Het redactiestatuut zegt: spreek de lezer aan met {_FORM_NAMES[expected]}.",
                f"This says '{span.text}'. The statute says to address the reader as '{expected}'.",
            ),
            context=_context(span.sent.text),
        )


@rule(
    "B1013",
    "mixed-address-form",
    Severity.ERROR,
    "De pagina gebruikt zowel 'u' als 'je'.",
    "The page uses both 'u' and 'je'.",
    languages=("nl",),
)
def mixed_address_form(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina die de lezer de ene keer met 'u' en de andere keer met 'je' aanspreekt.

    Wat het controleert
        Of op één pagina zowel 'u'/'uw' als 'je'/'jij'/'jouw' staat. De regel
        meldt elke vorm die niet de vorm van het statuut is.

    Waarom is dit een probleem?
        Wisselen tussen 'u' en 'je' leest slordig en verwart: bedoelt de
        tekst nog dezelfde lezer?

    Voorbeeld
        U kunt een afspraak maken. Neem je paspoort mee.

    Beter
        U kunt een afspraak maken. Neem uw paspoort mee.

    What it checks
        Whether one page has both 'u'/'uw' and 'je'/'jij'/'jouw'. The rule
        reports every form that is not the statute's.

    Why is this a problem?
        Switching between 'u' and 'je' reads sloppily and confuses: does the
        text still mean the same reader?

    For example
        U kunt een afspraak maken. Neem je paspoort mee.

    Better
        U kunt een afspraak maken. Neem uw paspoort mee.
    """
    expected = ctx.statute.address_form
    spans = _address_spans(page)
    forms = {span.label_ for _, span in spans}
    if forms != {"u", "je"}:
        return
    for bd, span in spans:
        if span.label_ != expected:
            yield Detection(
                _span(page, bd, span.start_char, span.end_char),
                Message(
                    f"Op deze pagina staan 'u' en 'je' door elkaar. Schrijf hier de vorm uit het "
                    f"redactiestatuut: {_FORM_NAMES[expected]}.",
                    f"This page mixes 'u' and 'je'. Use the statute's form here: '{expected}'.",
                ),
                context=_context(span.sent.text),
            )


# --- page level -----------------------------------------------------------------------


def _first_line(page: Page) -> SourceSpan:
    blocks = analyse(page).blocks
    if blocks:
        line, column = blocks[0].position(0)
        return SourceSpan(page.display, line, column)
    return SourceSpan(page.display, page.body_start_line, 1)


@rule(
    "B1014",
    "low-readability",
    Severity.WARNING,
    "De pagina is moeilijk te lezen.",
    "The page is hard to read.",
    languages=("nl",),
)
def low_readability(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina met een te lage leesbaarheidsindex.

    Wat het controleert
        De leesbaarheidsindex van de pagina (0 tot 100, hoger is makkelijker;
        zie docs/leesbaarheid.md). Elke zin krijgt een gewicht in woorden:
        zijn lengte, plus extra voor weinig bekende en lange woorden,
        ambtelijke woorden, naamwoordstijl, de lijdende vorm, een
        tussenvoeging tussen de delen van het werkwoord, bijzinnen, haakjes
        en zinnen die niemand aanspreken. De gewichten zijn geleerd van echte
        herschrijvingen door professionals. De pagina krijgt het gemiddelde
        van haar zinnen. De grens is `taalbeleid.nl.min_leesbaarheid`
        (standaard 55). Pagina's met minder dan drie zinnen tellen niet mee.
        De melding noemt de moeilijkste zin en waarom die moeilijk is.

    Waarom is dit een probleem?
        Een lage index betekent meestal lange zinnen, lange woorden en veel
        moeilijke woorden tegelijk. Dan haken lezers af.

    Voorbeeld
        Een pagina met gemiddeld 24 woorden per zin en veel woorden als
        'overeenkomstig' en 'verstrekking'.

    Beter
        Begin bij de moeilijkste zinnen: de melding noemt ze, met de reden.
        Maak ze korter, kies gewone woorden en zeg wie iets doet.

    What it checks
        The page's readability index (0 to 100, higher is easier; the formula is
        in the README). It combines Flesch-Douma, the average sentence length,
        the share of difficult words and the share of passive sentences. The
        limit is `taalbeleid.nl.min_leesbaarheid` (default 55). Pages with fewer
        than three sentences do not count.

    Why is this a problem?
        A low index mostly means long sentences, long words and many difficult
        words at once. Then readers give up.

    For example
        A page with 24 words per sentence on average and many words like
        'overeenkomstig' and 'verstrekking'.

    Better
        First fix the other findings on this page (long sentences, officialese
        and difficult words). The index then rises by itself.
    """
    stats = page_stats(page, ctx)
    index = page_index(page)
    if stats is None or index is None or stats.sentences < 3:
        return
    limit = LANGUAGE_POLICY.threshold(ctx.statute, "nl", "min_leesbaarheid")
    if index >= limit:
        return
    hardest = sentence_metrics(page, ctx)["hardest_sentences"]
    start_nl = start_en = context = ""
    if hardest:
        first = hardest[0]
        why_nl = ", ".join(first["reasons_nl"]) or "veel moeilijke dingen tegelijk"
        why_en = ", ".join(first["reasons_en"]) or "many hard things at once"
        start_nl = f" Begin bij de moeilijkste zin, op regel {first['line']} ({why_nl})."
        start_en = f" Start with the hardest sentence, on line {first['line']} ({why_en})."
        context = str(first["text"])
    yield Detection(
        _first_line(page),
        Message(
            f"De leesbaarheid van deze pagina is {index:g} (minimaal {limit:g}).{start_nl}",
            f"This page's readability index is {index:g} (at least {limit:g} required).{start_en}",
        ),
        context=context,
        extras={"readability_index": index, "limit": limit},
    )


@rule(
    "B1015",
    "wrong-language",
    Severity.WARNING,
    "De tekst is in een andere taal dan de map van de pagina.",
    "The text is in another language than the page's folder.",
)
def wrong_language(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina waarvan de tekst in de andere taal is dan de map zegt.

    Wat het controleert
        Of de tekst Nederlands of Engels is, aan de hand van veelvoorkomende
        woorden ('de', 'het', 'een' tegen 'the', 'and', 'of'). Een pagina in
        `content/nl/` moet Nederlands zijn, een pagina in `content/en/` Engels.
        Buiten `content/` bepaalt `lang:` in de front-matter de taal
        (standaard Nederlands). De andere taalregels slaan zo'n pagina over.

    Waarom is dit een probleem?
        De site zet de pagina dan onder de verkeerde taal, met het verkeerde
        `lang`-attribuut. Schermlezers lezen de tekst dan met de verkeerde
        uitspraak voor, en zoeken vindt de pagina niet.

    Voorbeeld
        `content/nl/afval/bulky-waste.md` met Engelse tekst.

    Beter
        Zet de Engelse tekst in `content/en/afval/grofvuil.md` (hetzelfde pad
        als de Nederlandse pagina), en de Nederlandse tekst in `content/nl/`.

    What it checks
        Whether the text is Dutch or English, from common words ('de', 'het',
        'een' against 'the', 'and', 'of'). A page in `content/nl/` must be
        Dutch, a page in `content/en/` English. Outside `content/`, `lang:` in
        the front-matter decides the language (default Dutch). The other
        language rules skip such a page.

    Why is this a problem?
        The site then files the page under the wrong language, with the wrong
        `lang` attribute. Screen readers read the text with the wrong
        pronunciation, and search does not find the page.

    For example
        `content/nl/afval/bulky-waste.md` with English text.

    Better
        Put the English text in `content/en/afval/grofvuil.md` (the same path as
        the Dutch page), and the Dutch text in `content/nl/`.
    """
    analysis = analyse(page)
    if not analysis.wrong_language:
        return
    names = {"nl": ("Nederlands", "Dutch"), "en": ("Engels", "English")}
    found_nl, found_en = names[analysis.detected_lang or "nl"]
    want_nl, want_en = names[page.lang]
    if page.is_site_page:
        where = f"de map content/{analysis.detected_lang}/"
        where_en = f"content/{analysis.detected_lang}/"
    else:
        where = f"'lang: {analysis.detected_lang}' in de front-matter"
        where_en = f"'lang: {analysis.detected_lang}' in the front-matter"
    yield Detection(
        SourceSpan(page.display, page.body_start_line, 1),
        Message(
            f"De tekst van deze pagina lijkt {found_nl}, maar de pagina staat als {want_nl}. "
            f"Zet de pagina in {where}. De taalregels zijn voor deze pagina overgeslagen.",
            f"This page's text looks {found_en}, but the page is marked {want_en}. Move it to {where_en}. "
            "The language rules skipped this page.",
        ),
    )


@rule(
    "B1016",
    "page-too-long-to-check",
    Severity.WARNING,
    "De pagina is te lang om helemaal op taal te controleren.",
    "The page is too long to check its language completely.",
)
def page_too_long_to_check(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een pagina met zoveel tekst dat de taalcontrole alleen het begin leest.

    Wat het controleert
        Of de pagina meer dan 50.000 woorden heeft. De taalregels lezen dan
        alleen de eerste 50.000 woorden, zodat één enorme pagina de controle
        van de hele site niet ophoudt.

    Waarom is dit een probleem?
        Zo'n pagina is geen webpagina meer: niemand leest hem op een scherm.
        Vaak is het een geplakt document of een export.

    Voorbeeld
        Een pagina van 5 MB met een hele verordening erin geplakt.

    Beter
        Verdeel de tekst over pagina's per onderwerp, of link naar het
        document (met het formaat en de grootte erbij).

    What it checks
        Whether the page has more than 50,000 words. The language rules then
        read only the first 50,000 words, so that one huge page does not hold up
        the check of the whole site.

    Why is this a problem?
        Such a page is no longer a web page: nobody reads it on a screen. Often
        it is a pasted document or an export.

    For example
        A page of 5 MB with a whole by-law pasted into it.

    Better
        Split the text into pages by subject, or link to the document (with its
        format and size).
    """
    analysis = analyse(page)
    if not analysis.truncated:
        return
    yield Detection(
        SourceSpan(page.display, page.body_start_line, 1),
        Message(
            f"Deze pagina heeft ongeveer {analysis.total_words:,} woorden. De taalcontrole heeft alleen de "
            f"eerste {MAX_WORDS:,} woorden gelezen. Verdeel de tekst over meer pagina's.".replace(",", "."),
            f"This page has about {analysis.total_words:,} words. The language check read only the first "
            f"{MAX_WORDS:,} words. Split the text over more pages.",
        ),
        extras={"words": analysis.total_words, "checked": analysis.analysed_words},
    )


# --- English --------------------------------------------------------------------------


@rule(
    "B1101",
    "words-to-avoid",
    Severity.WARNING,
    "Een woord dat GOV.UK afraadt; er is een gewoner woord.",
    "A word GOV.UK says to avoid; there is a plainer one.",
    languages=("en",),
)
def words_to_avoid(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Engelse woorden uit de lijst 'words to avoid' van GOV.UK, met een gewoner woord.

    Wat het controleert
        Woorden en woordgroepen uit `linters/b1/data/words-to-avoid-en.yml`:
        de lijst 'words to avoid' uit de stijlgids van GOV.UK, en de
        alternatieven voor lange woorden uit hun richtlijnen voor plain English.
        Ook vervoegde vormen ('facilitated', 'utilising') worden gevonden.

    Waarom is dit een probleem?
        Woorden als 'facilitate', 'utilise' en 'in order to' maken een tekst
        vaag en lang. Veel bezoekers van de Engelse pagina's lezen Engels als
        tweede taal; zij hebben het meeste aan gewone woorden.

    Voorbeeld
        We will facilitate your registration in order to expedite the process.

    Beter
        We will help you register, so it goes faster.

    What it checks
        Words and phrases from `linters/b1/data/words-to-avoid-en.yml`: the list
        'words to avoid' from the GOV.UK style guide, and the alternatives for
        long words from its plain English guidance. Inflected forms
        ('facilitated', 'utilising') are found too.

    Why is this a problem?
        Words like 'facilitate', 'utilise' and 'in order to' make a text vague
        and long. Many visitors of the English pages read English as a second
        language; plain words help them most.

    For example
        We will facilitate your registration in order to expedite the process.

    Better
        We will help you register, so it goes faster.
    """

    def message(text: str, entry: lexicon.Entry) -> Message:
        note = f" ({entry.note})" if entry.note else ""
        return Message(
            f"GOV.UK raadt '{text}' af{note}. Schrijf liever {_alternatives(entry, 'of')}.",
            f"GOV.UK says to avoid '{text}'{note}. Write {_alternatives(entry, 'or')} instead.",
        )

    yield from _word_list_hits(page, lexicon.words_to_avoid(), message)


@rule(
    "B1102",
    "low-reading-ease",
    Severity.WARNING,
    "De Engelse pagina heeft een te lage Flesch Reading Ease.",
    "The English page's Flesch Reading Ease is too low.",
    languages=("en",),
)
def low_reading_ease(page: Page, ctx: CheckContext) -> Iterator[Detection]:
    """Een Engelse pagina met een Flesch Reading Ease onder de grens.

    Wat het controleert
        De Flesch Reading Ease van de lopende tekst, berekend met het pakket
        textstat (0 tot 100, hoger is makkelijker). De grens is
        `taalbeleid.en.min_flesch_reading_ease` (standaard 60, 'plain English').
        Pagina's met minder dan drie zinnen tellen niet mee.

    Waarom is dit een probleem?
        Onder 60 is een tekst voor veel lezers moeilijk: lange zinnen en
        lange woorden. De Engelse pagina's zijn juist voor nieuwe inwoners die
        vaak geen Engelse moedertaal hebben.

    Voorbeeld
        Residents are required to register their residential address within
        five working days subsequent to their arrival in the municipality.

    Beter
        Register your address within 5 working days after you arrive.

    What it checks
        The Flesch Reading Ease of the running text, computed with the package
        textstat (0 to 100, higher is easier). The limit is
        `taalbeleid.en.min_flesch_reading_ease` (default 60, 'plain English').
        Pages with fewer than three sentences do not count.

    Why is this a problem?
        Below 60 a text is hard for many readers: long sentences and long
        words. The English pages are for new residents, who often do not have
        English as their first language.

    For example
        Residents are required to register their residential address within
        five working days subsequent to their arrival in the municipality.

    Better
        Register your address within 5 working days after you arrive.
    """
    stats = page_stats(page, ctx)
    if stats is None or stats.sentences < 3:
        return
    ease = english_reading_ease(page)
    limit = LANGUAGE_POLICY.threshold(ctx.statute, "en", "min_flesch_reading_ease")
    if ease is not None and ease < limit:
        yield Detection(
            _first_line(page),
            Message(
                f"De Flesch Reading Ease van deze pagina is {ease:g} (minimaal {limit:g}). Maak zinnen "
                "korter en kies kortere woorden.",
                f"This page's Flesch Reading Ease is {ease:g} (at least {limit:g}). Use shorter sentences "
                "and shorter words.",
            ),
            extras={"flesch_reading_ease": ease, "limit": limit},
        )


# In code order; the registry adds these to the one list of rules.
B1_RULES = (
    long_sentence,
    long_sentences_on_average,
    officialese,
    rare_word,
    passive_voice,
    possible_passive_voice,
    nominal_style,
    long_word,
    long_paragraph,
    long_heading,
    vague_heading,
    wrong_address_form,
    mixed_address_form,
    low_readability,
    wrong_language,
    page_too_long_to_check,
    words_to_avoid,
    low_reading_ease,
)
