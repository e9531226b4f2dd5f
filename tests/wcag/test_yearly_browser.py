"""The yearly audit of a small site in real Chromium: evidence per open criterion, answers kept between runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.browser

HOME = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Diemen</title></head><body>
<header><a href="#inhoud">Naar de inhoud</a></header>
<main id="inhoud"><article><h1>Welkom</h1><img src="logo.png" alt="Wapen van Diemen"><img src="foto.png">
<h2>Afval</h2><p>Lees <a href="/afval/">meer</a> over afval. <span lang="en">Waste collection</span>.</p>
<form action="/zoek/"><label for="q">Zoekterm</label><input id="q" name="q"><input name="post">
<button>Zoek</button></form>
</article></main><footer>Gemeente Diemen</footer></body></html>"""
WASTE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Afval - Diemen</title></head><body>
<main><article><h1>Afval</h1><p>Zet de container op tijd buiten.</p></article></main></body></html>"""


def test_evidence_beside_the_questions_and_answers_kept(
    chromium: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    (site / "afval").mkdir(parents=True)
    (site / "index.html").write_text(HOME, encoding="utf-8")
    (site / "afval" / "index.html").write_text(WASTE, encoding="utf-8")
    out = tmp_path / "rapport"
    args = ["audit", str(site), "--yearly", "--quiet", "--seed", "1", "--report-dir", str(out), "--today", "2026-11-22"]
    args += ["--evaluator", "J. Jansen", "--commissioner", "Wethouder Digitaal"]
    args += ["--format", "json", "--fail-on", "never"]
    code, _, err = run_cli(args, REPO, capsys)
    assert code == 0, err
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    evidence = report["bewijs_per_pagina"]
    assert set(evidence) == {"/", "/afval/"}
    home = evidence["/"]
    assert home["titel"] == "Diemen" and home["taal"] == "nl"
    assert {"src": "foto.png", "alt": None, "role": "", "inhoud": True} in home["afbeeldingen"]
    assert [h["tekst"] for h in home["koppen"]] == ["Welkom", "Afval"]
    assert {"rol": "main", "naam": ""} in home["landmarks"]
    assert {"tekst": "meer", "doel": "/afval/"} in home["links"]
    assert [f["label"] for f in home["velden"]] == ["Zoekterm", ""]
    assert {"taal": "en", "tekst": "Waste collection"} in home["taaldelen"]
    html = (out / "onderzoek.html").read_text(encoding="utf-8")
    assert "<dt>Onderzoeker</dt><dd>J. Jansen</dd>" in html and "<dd>Wethouder Digitaal</dd>" in html
    # 1.1.1 fails in axe (foto.png); 1.4.5 is open and shows the same images.
    assert '<h3 id="bewijs-1-4-5">1.4.5 Afbeeldingen van tekst</h3>' in html
    assert "<li>foto.png: <strong>geen tekstalternatief</strong></li>" in html
    assert "<li>text: <strong>geen label</strong></li>" in html
    assert "<li>Afval - Diemen</li>" in html
    # Screenshots for reflow (320 px) and resize text (200%), and whether the page scrolls sideways.
    assert home["herschikken"] == {"bestand": "schermafbeeldingen/start-320px.png", "zijwaarts": False}
    assert (out / "schermafbeeldingen" / "afval-200pct.png").read_bytes().startswith(b"\x89PNG")
    assert '<a href="schermafbeeldingen/start-320px.png">schermafbeelding</a>: de pagina scrolt niet zijwaarts' in html
    # The answers file was written next to the report; the auditor records an answer and runs again.
    answers = out / "antwoorden.yml"
    assert answers.is_file()
    answers.write_text(
        'criteria:\n  "2.4.2":\n    resultaat: open\n    pagina_s:\n'
        "      /: {resultaat: voldoet-niet, toelichting: De titel zegt niet waar de pagina over gaat}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli(args, REPO, capsys)
    report = json.loads((out / "onderzoek.json").read_text(encoding="utf-8"))
    criteria = {c["sc"]: c for c in report["criteria"]}
    assert criteria["2.4.2"]["resultaat"] == "voldoet niet" and criteria["2.4.2"]["besloten_door"] == "auditor"
    assert "datum: '2026-11-22'" in answers.read_text(encoding="utf-8") or "datum: 2026-11-22" in answers.read_text(
        encoding="utf-8"
    )
