"""Take personal data out of a visitor's text before it is stored or mailed.

Visitors are asked not to write personal data, and some do anyway: a phone
number to be called back, a BSN, an address. The service keeps none of it
(GOV.UK's feedback service strips personal data the same way): each item is
replaced by a marker in square brackets, so the department still sees that
something stood there, and the visitor is told afterwards.

What is removed, and why this way:

- BSN: nine digits (eight with a leading zero left off), also written in
  groups, that pass the 11-test. Nine-digit numbers that fail the test are
  left alone: they are mostly case or invoice numbers the department needs.
- Phone numbers: Dutch numbers (0 and nine digits, +31 or 0031 and nine
  digits, with spaces, dashes, dots or brackets) and other international
  numbers (+ and 8 to 15 digits).
- E-mail addresses.
- IBAN: a valid mod-97 check, or the shape of a Dutch IBAN even with a typo
  (NL, two digits, four letters, ten digits): a mistyped account number is
  still someone's account number.
- A postcode together with a house number (before or after it). A postcode
  alone names a street, not a person, and stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marker and plain name (Dutch, as the departments read it; English for the visitor's page) per kind.
KINDS: dict[str, tuple[str, str, str]] = {
    "email": ("[e-mailadres]", "e-mailadres", "email address"),
    "iban": ("[rekeningnummer]", "rekeningnummer", "bank account number"),
    "bsn": ("[BSN]", "BSN", "citizen service number (BSN)"),
    "phone": ("[telefoonnummer]", "telefoonnummer", "phone number"),
    "address": ("[postcode en huisnummer]", "postcode en huisnummer", "postcode and house number"),
}

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# Written compact or in groups of four (NL91 ABNA 0417 1643 00); the groups keep the match from running
# into the next words.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
_DUTCH_IBAN = re.compile(r"^NL\d{2}[A-Z]{4}\d{10}$")
_DIGITS_SEP = r"[ .\-]?"
# Eight or nine digits, optionally in groups (123.456.782, 123 456 782, 12345 6782).
_BSN = re.compile(r"(?<![\w.,+-])\d(?:" + _DIGITS_SEP + r"\d){7,8}(?![\w]|[.,-]\d)")
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    # Dutch: +31 / 0031 (optionally with "(0)"), or a leading 0; then nine digits with separators.
    r"(?:(?:\+|00)31[ .\-]?(?:\(0\)[ .\-]?)?|\(?0)(?:\)?[ .\-]?\(?\d\)?){9}"
    r"|"
    # Elsewhere: + and 8 to 15 digits.
    r"\+\d(?:[ .\-]?\(?\d\)?){7,14}"
    r")(?![\w:]|[.,\-]\d)"
)
_DATE_LIKE = re.compile(r"^\d{1,2}-\d{1,2}-\d{2,4}")
# A Dutch postcode: four digits (not starting with 0) and two capital letters, or two small letters
# written against the digits (1111ab). "2024 en 2025" must not look like a postcode and a number.
_POSTCODE = re.compile(r"\b[1-9]\d{3}(?:[ ]?[A-Z]{2}|[a-z]{2})\b")
_NUMBER = r"\d{1,5}(?:[ ]?[a-zA-Z]\b|-\d{1,4}|[ ]?(?:hs|bis|huis|boven|bg))?"
_NUMBER_AFTER = re.compile(r"[ ,]*(?:(?:en|met)[ ]+)?(?:(?:huis)?(?:nr\.?|nummer)[ ]*)?(" + _NUMBER + r")(?![\w-])")
_NUMBER_BEFORE = re.compile(r"(?<![\w-])(" + _NUMBER + r")[ ]*,?[ ]*$")


@dataclass(frozen=True)
class Scrubbed:
    """The text without personal data, and which kinds were taken out (in the order of `KINDS`)."""

    text: str
    removed: tuple[str, ...]

    def names(self, lang: str = "nl") -> list[str]:
        """The removed kinds as words, for a message to the visitor or the department."""
        column = 2 if lang == "en" else 1
        return [KINDS[kind][column] for kind in self.removed]


def passes_eleven_test(digits: str) -> bool:
    """The BSN 11-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


def valid_iban(value: str) -> bool:
    """The ISO 13616 mod-97 check."""
    compact = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def _is_iban(value: str) -> bool:
    compact = value.replace(" ", "").upper()
    return valid_iban(compact) or bool(_DUTCH_IBAN.match(compact))


def scrub(text: str) -> Scrubbed:
    """Replace every piece of personal data in `text` by its marker."""
    found: list[str] = []

    def mark(kind: str) -> str:
        if kind not in found:
            found.append(kind)
        return KINDS[kind][0]

    text = _EMAIL.sub(lambda m: mark("email"), text)
    text = _IBAN.sub(lambda m: mark("iban") if _is_iban(m.group(0)) else m.group(0), text)
    # Phone numbers before BSNs: the last nine digits of +31 (0)20 1234567 may pass the 11-test by chance.
    text = _PHONE.sub(lambda m: m.group(0) if _DATE_LIKE.match(m.group(0)) else mark("phone"), text)
    text = _BSN.sub(
        lambda m: mark("bsn") if passes_eleven_test(re.sub(r"\D", "", m.group(0))) else m.group(0),
        text,
    )
    text = _scrub_addresses(text, mark)
    return Scrubbed(text, tuple(kind for kind in KINDS if kind in found))


def _scrub_addresses(text: str, mark: object) -> str:
    """Replace each postcode that has a house number right before or after it, with that number."""
    assert callable(mark)
    out: list[str] = []
    position = 0
    for match in _POSTCODE.finditer(text):
        start, end = match.span()
        if start < position:
            continue
        after = _NUMBER_AFTER.match(text, end, min(len(text), end + 30))
        before = _NUMBER_BEFORE.search(text, max(position, start - 20), start)
        if after is None and before is None:
            continue
        cut_start = before.start(1) if before is not None else start
        cut_end = after.end(1) if after is not None else end
        out.append(text[position:cut_start])
        out.append(str(mark("address")))
        position = cut_end
    out.append(text[position:])
    return "".join(out)
