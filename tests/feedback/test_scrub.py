"""Personal data leaves a visitor's text before it is stored or mailed; ordinary numbers stay."""

from __future__ import annotations

import pytest

from linters.feedback.scrub import passes_eleven_test, scrub, valid_iban

REMOVED = [
    ("Mijn BSN is 111222333.", "Mijn BSN is [BSN].", "bsn"),
    ("bsn 123.456.782 graag", "bsn [BSN] graag", "bsn"),
    ("nummer 123 456 782", "nummer [BSN]", "bsn"),
    ("Bel mij op 06-12345678.", "Bel mij op [telefoonnummer].", "phone"),
    ("Bel 06 1234 5678", "Bel [telefoonnummer]", "phone"),
    ("Tel. +31 6 12345678", "Tel. [telefoonnummer]", "phone"),
    ("0031 20 123 45 67 graag", "[telefoonnummer] graag", "phone"),
    ("Bel (020) 123 45 67", "Bel [telefoonnummer]", "phone"),
    ("+31 (0)20 1234567", "[telefoonnummer]", "phone"),
    ("London +44 20 7946 0958", "London [telefoonnummer]", "phone"),
    ("mail naar jan.de.vries+test@example.nl aub", "mail naar [e-mailadres] aub", "email"),
    ("IBAN NL91 ABNA 0417 1643 00.", "IBAN [rekeningnummer].", "iban"),
    ("rekening NL91ABNA0417164301 (typfout)", "rekening [rekeningnummer] (typfout)", "iban"),
    ("DE89370400440532013000", "[rekeningnummer]", "iban"),
    (
        "Ik woon op Dorpsstraat 12, 1111 AB Diemen.",
        "Ik woon op Dorpsstraat [postcode en huisnummer] Diemen.",
        "address",
    ),
    ("postcode 1111AB nr 3a", "postcode [postcode en huisnummer]", "address"),
    ("1111 AB 12-2 is mijn adres", "[postcode en huisnummer] is mijn adres", "address"),
]

KEPT = [
    "Factuurnummer 123456789 klopt niet.",  # nine digits that fail the 11-test
    "Op 06-05-2026 12:00 was het loket dicht.",
    "Van 2024 en 2025 staan de tarieven er niet.",
    "Het gaat om de wijk 1111 AB.",  # a postcode alone names a street, not a person
    "Bel 14 020 voor vragen.",
    "De container van 240 liter is te klein.",
    "Artikel 12, lid 3.",
    "a < b en c > d",
]


@pytest.mark.parametrize(("text", "expected", "kind"), REMOVED)
def test_personal_data_is_replaced_by_a_marker(text: str, expected: str, kind: str) -> None:
    result = scrub(text)
    assert result.text == expected
    assert result.removed == (kind,)


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_and_numbers_stay(text: str) -> None:
    result = scrub(text)
    assert result.text == text
    assert result.removed == ()


def test_several_kinds_are_named_once_in_a_fixed_order() -> None:
    result = scrub("Bel 0612345678 of mail a@b.nl, BSN 111222333, of 06-87654321")
    assert result.removed == ("email", "bsn", "phone")
    assert "0612345678" not in result.text and "a@b.nl" not in result.text and "111222333" not in result.text
    assert set(result.names("nl")) == {"telefoonnummer", "e-mailadres", "BSN"}
    assert "phone number" in result.names("en")


def test_eleven_test() -> None:
    assert passes_eleven_test("111222333")
    assert passes_eleven_test("12345672")  # eight digits: a leading zero left off
    assert not passes_eleven_test("111222334")
    assert not passes_eleven_test("000000000")


def test_iban_check() -> None:
    assert valid_iban("NL91 ABNA 0417 1643 00")
    assert not valid_iban("NL91 ABNA 0417 1643 01")
