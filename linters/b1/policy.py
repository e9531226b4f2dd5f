"""The plain-language thresholds (`taalbeleid` in the statute), declared by the family that reads them.

The defaults follow Onze Taal and GOV.UK; a statute may tighten them towards
Stichting Makkelijk Lezen (under 12 words a sentence on average).
"""

from __future__ import annotations

from linters.core.statute import PolicyKey, PolicySection

LANGUAGE_POLICY = PolicySection(
    key="taalbeleid",
    example="{nl: {max_woorden_per_zin: 25}}",
    per_language={
        "nl": {
            "max_woorden_per_zin": PolicyKey(25, 5, 100, "langste zin in woorden"),
            "max_gemiddelde_zinslengte": PolicyKey(15, 5, 40, "gemiddelde zinslengte op een pagina"),
            "max_aandeel_moeilijke_woorden": PolicyKey(0.10, 0.0, 1.0, "deel moeilijke woorden (0 tot 1)"),
            "max_lettergrepen_per_woord": PolicyKey(6, 3, 20, "lettergrepen in één woord"),
            "max_woorden_per_alinea": PolicyKey(80, 20, 500, "woorden in één alinea"),
            "max_woorden_per_kop": PolicyKey(10, 3, 30, "woorden in een kop"),
            "min_leesbaarheid": PolicyKey(55, 0, 100, "leesbaarheidsindex van de pagina (0 tot 100)"),
            "min_woordfrequentie": PolicyKey(3.0, 0, 7, "Zipf-frequentie waaronder een woord zeldzaam is"),
        },
        "en": {
            "max_woorden_per_zin": PolicyKey(25, 5, 100, "longest sentence in words"),
            "max_gemiddelde_zinslengte": PolicyKey(15, 5, 40, "mean sentence length on a page"),
            "min_flesch_reading_ease": PolicyKey(60, 0, 100, "Flesch Reading Ease of a page"),
            "max_woorden_per_alinea": PolicyKey(80, 20, 500, "words in one paragraph"),
            "max_woorden_per_kop": PolicyKey(10, 3, 30, "words in a heading"),
        },
    },
)
