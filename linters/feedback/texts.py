"""Every word the service shows a visitor or KCC staff, Dutch (B1) and English side by side.

Error pages say what went wrong and what to do, in the language of the page
the visitor came from. The KCC form is for municipal staff and only Dutch.
"""

from __future__ import annotations

# Per error: (title, explanation) in each language. The key names the problem, not the status code.
ERRORS: dict[str, dict[str, tuple[str, str]]] = {
    "too-large": {
        "nl": ("Uw bericht is te groot", "Wij kunnen zo veel tekst niet ontvangen. Maak uw bericht korter."),
        "en": ("Your message is too large", "We cannot receive this much text. Please make your message shorter."),
    },
    "text-too-long": {
        "nl": (
            "Uw bericht is te lang",
            "Schrijf hoogstens {limit} tekens. Gaat het om een lange vraag? Neem dan contact met ons op.",
        ),
        "en": (
            "Your message is too long",
            "Please write {limit} characters at most. For a long question, please contact us.",
        ),
    },
    "not-readable": {
        "nl": (
            "Wij kunnen uw bericht niet lezen",
            "Er staan tekens in die wij niet kunnen lezen. Typ uw bericht opnieuw.",
        ),
        "en": ("We cannot read your message", "It contains characters we cannot read. Please type it again."),
    },
    "missing": {
        "nl": (
            "Er ontbreekt iets",
            "Het formulier is niet compleet verstuurd. Ga terug naar de pagina en probeer het opnieuw.",
        ),
        "en": ("Something is missing", "The form was not sent completely. Go back to the page and try again."),
    },
    "empty": {
        "nl": ("U heeft niets geschreven", "Schrijf in het vak wat er niet klopt. Verstuur het daarna opnieuw."),
        "en": ("You did not write anything", "Write in the box what is wrong. Then send it again."),
    },
    "markup": {
        "nl": (
            "Schrijf uw bericht als gewone tekst",
            "Uw bericht bevat code, zoals <script> of <a>. Die nemen wij niet aan. Schrijf gewone tekst.",
        ),
        "en": (
            "Please write plain text",
            "Your message contains code, such as <script> or <a>. We do not accept it. Please write plain text.",
        ),
    },
    "unknown-page": {
        "nl": ("Deze pagina kennen wij niet", "Uw reactie hoort bij een pagina die niet op onze website staat."),
        "en": ("We do not know this page", "Your message belongs to a page that is not on our website."),
    },
    "foreign-origin": {
        "nl": (
            "Dit formulier komt niet van onze website",
            "Wij nemen alleen reacties aan die via www.diemen.nl zijn verstuurd. "
            "Gebruik het formulier onder aan de pagina.",
        ),
        "en": (
            "This form does not come from our website",
            "We only accept messages sent from www.diemen.nl. Please use the form at the bottom of the page.",
        ),
    },
    "wrong-type": {
        "nl": ("Dit formulier kunnen wij niet lezen", "Gebruik het formulier onder aan de pagina."),
        "en": ("We cannot read this form", "Please use the form at the bottom of the page."),
    },
    "too-many": {
        "nl": (
            "Te veel berichten",
            "U heeft veel berichten kort na elkaar verstuurd. Wacht een paar minuten en probeer het opnieuw.",
        ),
        "en": ("Too many messages", "You sent many messages in a short time. Please wait a few minutes and try again."),
    },
    "not-found": {
        "nl": ("Deze pagina bestaat niet", "Hier is niets te vinden. Ga naar de website van de gemeente."),
        "en": ("This page does not exist", "There is nothing here. Please go to the municipality's website."),
    },
    "method": {
        "nl": ("Dit adres is alleen voor het formulier", "Gebruik het formulier onder aan een pagina van de website."),
        "en": ("This address is for the form only", "Please use the form at the bottom of a page of the website."),
    },
    "login": {
        "nl": (
            "Log in om een melding te doen",
            "Dit formulier is alleen voor medewerkers van het KCC. Log in met het wachtwoord van het KCC.",
        ),
        "en": ("Please log in", "This form is for staff of the customer contact centre only."),
    },
    "unavailable": {
        "nl": (
            "Het lukt nu even niet",
            "Uw reactie is niet opgeslagen. Dat ligt aan ons. Probeer het over een paar minuten opnieuw.",
        ),
        "en": (
            "This does not work right now",
            "Your message was not saved. This is our fault. Please try again in a few minutes.",
        ),
    },
}

PAGE: dict[str, dict[str, str]] = {
    "nl": {
        "back": "Terug naar de pagina",
        "home": "Naar de website van de gemeente Diemen",
        "site": "Gemeente Diemen",
    },
    "en": {
        "back": "Back to the page",
        "home": "To the website of the municipality of Diemen",
        "site": "Municipality of Diemen",
    },
}

# The KCC form (Dutch only: it is for staff).
KCC = {
    "title": "Melding over een pagina van de website",
    "intro": (
        "Belt of mailt iemand over een pagina die niet klopt? Meld het hier. "
        "De melding gaat naar de afdeling die de pagina beheert."
    ),
    "page": "Adres van de pagina",
    "page_hint": "Kopieer het adres uit de browser, bijvoorbeeld https://www.diemen.nl/afval/grofvuil/",
    "category": "Wat is er aan de hand?",
    "text": "Wat klopt er niet?",
    "text_hint": (
        "Schrijf geen persoonlijke gegevens op, zoals naam, adres, telefoonnummer of BSN. "
        "Staan ze er toch in? Dan halen wij ze weg."
    ),
    "send": "Melding versturen",
    "saved": "Melding {id} is opgeslagen. Hij gaat naar de afdeling {department}.",
    "removed": "Wij hebben deze gegevens uit de tekst gehaald: {kinds}.",
}

CATEGORY_LABELS = {
    "onvolledig": "Onvolledig: er ontbreekt informatie",
    "onjuist": "Onjuist: de informatie klopt niet",
    "moeilijk-te-begrijpen": "Moeilijk te begrijpen",
}
