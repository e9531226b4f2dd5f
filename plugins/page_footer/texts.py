"""Every visible word of the footer and the feedback forms, Dutch (B1) and English side by side.

Kept as data apart from the templates, so a language change is one place and
a test can check that both languages have every text.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "about": "Over deze pagina",
        "owner": "Deze informatie komt van de afdeling",
        "no_owner": "Deze informatie komt van de gemeente Diemen.",
        "reviewed": "Laatst gecontroleerd op",
        "contact": "Heeft u een vraag over dit onderwerp? Mail naar",
        "contact_page": "Heeft u een vraag? Kijk op de pagina",
        "contact_page_link": "Contact",
        "feedback_title": "Uw mening over deze pagina",
        "useful": "Was deze pagina nuttig?",
        "yes": "Ja",
        "no": "Nee",
        "wrong": "Klopt er iets niet op deze pagina?",
        "wrong_hint": "Schrijf wat er niet klopt.",
        "privacy": "Schrijf geen persoonlijke gegevens op, zoals uw naam, adres, telefoonnummer of BSN.",
        "privacy_scrubbed": "Staan ze er toch in? Dan halen wij ze weg voordat wij uw reactie bewaren.",
        "trap": "Laat dit vak leeg:",
        "send": "Versturen",
        "goes_to": "Uw reactie gaat naar de afdeling",
        "goes_to_general": "Uw reactie gaat naar de gemeente Diemen.",
        "mail_note": "Na het klikken opent uw eigen e-mailprogramma. Daar verstuurt u het bericht.",
        "no_address": "Deze pagina heeft nog geen adres voor reacties. Gebruik de pagina Contact.",
        "subject_useful": "Was deze pagina nuttig? {answer} – {title}",
        "subject_wrong": "Er klopt iets niet op: {title} ({url})",
        "body": "Pagina: {title}\nAdres: {url}\n",
    },
    "en": {
        "about": "About this page",
        "owner": "This information comes from the department",
        "no_owner": "This information comes from the municipality of Diemen.",
        "reviewed": "Last checked on",
        "contact": "Do you have a question about this subject? Email",
        "contact_page": "Do you have a question? See the page",
        "contact_page_link": "Contact",
        "feedback_title": "Your feedback on this page",
        "useful": "Was this page useful?",
        "yes": "Yes",
        "no": "No",
        "wrong": "Is something wrong on this page?",
        "wrong_hint": "Write what is wrong.",
        "privacy": "Do not write down personal details, such as your name, address, phone number or BSN.",
        "privacy_scrubbed": "If you do, we remove them before we save your message.",
        "trap": "Leave this box empty:",
        "send": "Send",
        "goes_to": "Your message goes to the department",
        "goes_to_general": "Your message goes to the municipality of Diemen.",
        "mail_note": "After you click, your own email program opens. You send the message from there.",
        "no_address": "This page has no address for feedback yet. Please use the Contact page.",
        "subject_useful": "Was this page useful? {answer} – {title}",
        "subject_wrong": "Something is wrong on: {title} ({url})",
        "body": "Page: {title}\nAddress: {url}\n",
    },
}
