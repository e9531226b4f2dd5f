"""The audit's input, adapters and baseline, without a browser: every mistake is one clear message."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from linters.core.config import ConfigError
from linters.core.finding import Finding, Message, PageTarget, Severity
from linters.registry import load_statute
from linters.wcag import axe, packages
from linters.wcag.audit import SourceMap
from linters.wcag.baseline import load_baseline
from linters.wcag.browser import BrowserNotFound, find_browser
from linters.wcag.inputs import AuditInputError, AuditPlan, read_pa11yci, read_sitemap, site_pages
from linters.wcag.runner import PageOptions
from tests.conftest import REPO, run_cli


def test_axe_impact_maps_to_severity_in_one_place() -> None:
    assert axe.severity("serious", ["wcag2aa", "wcag143"]) == Severity.ERROR
    assert axe.severity("critical", ["wcag2a"]) == Severity.ERROR
    assert axe.severity("moderate", ["wcag22aa", "wcag258"]) == Severity.WARNING
    assert axe.severity("minor", ["wcag21aa"]) == Severity.WARNING
    assert axe.severity("serious", ["best-practice", "cat.aria"]) == Severity.SUGGESTION
    assert axe.criteria(["wcag2aa", "wcag143", "wcag1410", "wcag2411", "EN-301-549"]) == ("1.4.3", "1.4.10", "2.4.11")


def test_axe_comes_from_a_package_and_a_bad_setting_is_clear(tmp_path: Path) -> None:
    script = axe.find_axe()
    assert script.version.count(".") == 2 and "axe" in script.source[:200]
    own = tmp_path / "axe.min.js"
    own.write_text("/*! axe v9.9.9 */ window.axe = {};", encoding="utf-8")
    assert axe.find_axe(str(own)).version == "9.9.9"


def test_axe_prefers_the_pinned_npm_package_and_warns_on_the_wheels_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modules = tmp_path / "node_modules"
    (modules / "axe-core").mkdir(parents=True)
    (modules / "axe-core" / "package.json").write_text('{"version": "4.14.1"}', encoding="utf-8")
    (modules / "axe-core" / "axe.min.js").write_text("/*! axe v4.14.1 */ window.axe = {};", encoding="utf-8")
    monkeypatch.setattr(packages, "module_dirs", lambda root=None: [modules])
    found = axe.find_axe()
    assert (found.version, found.warning) == ("4.14.1", None)
    monkeypatch.setattr(packages, "module_dirs", lambda root=None: [tmp_path / "nothing"])
    fallback = axe.find_axe()
    assert fallback.path.parent.name == "axe_playwright_python" and fallback.warning is not None
    assert "nox -s engines" in fallback.warning.nl and fallback.version in fallback.warning.en


def test_package_json_pins_a_current_axe_and_the_lock_file_agrees() -> None:
    pinned = packages.pinned()
    assert tuple(int(p) for p in pinned["axe-core"].split(".")) >= (4, 14, 0)
    lock = json.loads((REPO / "linters/wcag/node/package-lock.json").read_text(encoding="utf-8"))
    for name, version in pinned.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name


def test_no_chromium_is_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("WEBREDACTIE_BROWSER", raising=False)
    with pytest.raises(BrowserNotFound, match="apt-get install chromium"):
        find_browser(use_playwright=False)
    with pytest.raises(BrowserNotFound, match="bestaat niet"):
        find_browser(str(tmp_path / "geen-chromium"))


def test_cli_without_chromium_stops_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html lang='nl'><title>x</title></html>", encoding="utf-8")
    code, _, err = run_cli(["audit", str(site), "--browser", str(tmp_path / "nergens")], REPO, capsys)
    assert code == 2 and "Chromium" in err and "Traceback" not in err


def test_malformed_pa11yci_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / ".pa11yci"
    config.write_text('{\n  "urls": [\n    "https://www.diemen.nl/",\n  ]\n}\n', encoding="utf-8")
    code, _, err = run_cli(["audit", "--config", str(config)], REPO, capsys)
    assert code == 2
    assert f"{config}:5:" in err or f"{config}:4:" in err
    assert "geen geldige JSON" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ({"defaults": {}}, '"urls"'),
        ({"urls": []}, '"urls"'),
        ({"urls": [42]}, "een adres is tekst of een object"),
        ({"urls": ["ftp://x"]}, "geen webadres"),
        ({"defaults": {"standard": "WCAG3"}, "urls": ["https://www.diemen.nl/"]}, "WCAG2A, WCAG2AA of WCAG2AAA"),
        ({"defaults": {"timeout": "lang"}, "urls": ["https://www.diemen.nl/"]}, "'timeout' moet een getal"),
        ({"defaults": {"hideElements": [".x"]}, "urls": ["https://www.diemen.nl/"]}, "hideElements"),
    ],
)
def test_wrong_pa11yci_values(tmp_path: Path, content: object, message: str) -> None:
    config = tmp_path / ".pa11yci"
    config.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(AuditInputError, match=message.replace("(", r"\(")):
        read_pa11yci(config, AuditPlan(), PageOptions())


def test_pa11yci_settings_are_kept(tmp_path: Path) -> None:
    config = tmp_path / ".pa11yci"
    config.write_text(
        json.dumps(
            {
                "defaults": {
                    "standard": "WCAG2A",
                    "timeout": 10000,
                    "wait": 500,
                    "hideElements": ".cookie, #chat",
                    "ignore": ["color-contrast", "warning"],
                    "concurrency": 3,
                    "threshold": 2,
                },
                "urls": [
                    "https://www.diemen.nl/",
                    {"url": "https://www.diemen.nl/afval/", "timeout": 20000, "actions": ["click element #x"]},
                ],
            }
        ),
        encoding="utf-8",
    )
    plan = AuditPlan()
    read_pa11yci(config, plan, PageOptions())
    assert "wcag2aa" not in plan.tags and "wcag2a" in plan.tags
    assert plan.ignore == {"color-contrast"} and plan.ignore_types == {"warning"}
    assert plan.concurrency == 3 and plan.threshold == 2
    first, second = plan.targets
    assert first.options == PageOptions(timeout=10.0, wait=0.5, exclude=(".cookie", "#chat"))
    assert second.options.timeout == 20.0 and second.options.exclude == (".cookie", "#chat")
    assert any("actions" in nl for nl, _ in plan.notes)


def test_sitemap_that_is_not_xml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text("<html><body>Dit is geen sitemap</p></html>", encoding="utf-8")
    with pytest.raises(AuditInputError, match="geen geldige XML"):
        read_sitemap(str(sitemap))
    code, _, err = run_cli(["audit", "--sitemap", str(sitemap)], REPO, capsys)
    assert code == 2 and "geen geldige XML" in err
    sitemap.write_text("<root><item/></root>", encoding="utf-8")
    with pytest.raises(AuditInputError, match="<urlset>"):
        read_sitemap(str(sitemap))
    with pytest.raises(AuditInputError, match="kan niet worden gelezen"):
        read_sitemap(str(tmp_path / "weg.xml"))


def test_sitemap_of_the_built_site_maps_to_paths(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://www.diemen.nl/</loc></url><url><loc>https://www.diemen.nl/afval/</loc></url></urlset>",
        encoding="utf-8",
    )
    assert read_sitemap(str(sitemap)) == ["https://www.diemen.nl/", "https://www.diemen.nl/afval/"]


def test_missing_site_folder_is_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(AuditInputError, match="Bouw de site eerst"):
        site_pages(tmp_path / "site")
    code, _, err = run_cli(["audit", str(tmp_path / "site")], REPO, capsys)
    assert code == 2 and "Bouw de site eerst" in err


def test_site_pages_are_folder_urls(tmp_path: Path) -> None:
    for rel in ("index.html", "afval/index.html", "en/index.html", "404.html", "assets/x.html", "search/index.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>", encoding="utf-8")
    assert site_pages(tmp_path) == ["/404.html", "/afval/", "/en/", "/"]


def test_source_map_finds_file_owner_and_line() -> None:
    statute = load_statute(REPO / "redactiestatuut.yml")
    sources = SourceMap(REPO, statute)
    page = sources.page_for("http://127.0.0.1:1234/en/afval/grofvuil/")
    assert page is not None and page.display.endswith("content/en/afval/grofvuil.md")
    assert sources.owner(page) == "afval" and sources.owner(None) == "webredactie"
    dutch = sources.page_for("/wonen-en-bouwen/huis-verduurzamen/")
    assert dutch is not None
    lines = dutch.text.split("\n")
    line = sources.line(dutch, {"tag": "a", "text": "Omgevingsvergunning", "href": "../omgevingsvergunning/"})
    assert "[Omgevingsvergunning](omgevingsvergunning.md)" in lines[line - 1]
    heading = sources.line(dutch, {"tag": "h2", "text": "Begin met isoleren", "heading": "Begin met isoleren"})
    assert lines[heading - 1] == "## Begin met isoleren"
    assert sources.page_for("/404.html") is None and sources.page_for("/bestaat/niet/") is None


def _finding(url: str, selector: str, code: str = "color-contrast") -> Finding:
    return Finding(code, code, Severity.ERROR, Message("x", "x"), PageTarget(url, selector), "")


def test_baseline_accepts_until_expiry_and_reports_unused(tmp_path: Path) -> None:
    path = tmp_path / "baseline.yml"
    path.write_text(
        "bekende-problemen:\n"
        "  - regel: color-contrast\n    pagina: /nieuws/*\n    selector: .md-copyright\n"
        "    reden: huisstijlkleur, nieuw palet in Q1\n    verloopt: 2027-03-01\n"
        "  - regel: image-alt\n    reden: oude foto's\n    verloopt: 2026-01-01\n"
        "  - regel: link-name\n    reden: opgelost?\n    verloopt: 2027-01-01\n",
        encoding="utf-8",
    )
    baseline = load_baseline(path)
    findings = [
        _finding("/nieuws/a/", "div.md-copyright"),
        _finding("/afval/", "div.md-copyright"),
        _finding("/nieuws/a/", "img", "image-alt"),
    ]
    kept, accepted = baseline.split(findings, date(2026, 11, 22))
    assert [f.location.url for f, _ in accepted] == ["/nieuws/a/"]  # type: ignore[union-attr]
    assert [f.code for f in kept] == ["color-contrast", "image-alt"]  # expired entry no longer hides
    assert [e.used for e in baseline.entries] == [1, 1, 0]


def test_broken_baseline_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "baseline.yml"
    path.write_text(
        "bekende-problemen:\n  - regel: color-contrast\n    verloopt: morgen\n  - reden: iets\n    waar: hier\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_baseline(path)
    rendered = [p.render() for p in caught.value.problems]
    assert len(rendered) == 5, rendered
    assert any("reden" in r and "CFG004" in r for r in rendered)
    assert any("verloopt" in r and "CFG008" in r for r in rendered)
    assert any("waar" in r and "CFG003" in r for r in rendered)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html></html>", encoding="utf-8")
    code, _, err = run_cli(["audit", str(site), "--baseline", str(path)], REPO, capsys)
    assert code == 2 and "bekende-problemen[1].regel" in err


def test_a_served_content_file_belongs_to_its_section_not_to_the_theme() -> None:
    from linters.wcag.audit import SourceMap

    sources = SourceMap(REPO, load_statute(REPO / "redactiestatuut.yml"))
    assert sources.file_for("/afval/img/afvalbakken.svg") == ("content/nl/afval/img/afvalbakken.svg", "afval")
    assert sources.file_for("/en/afval/img/afvalbakken.svg") == ("content/en/afval/img/afvalbakken.svg", "afval")
    assert sources.file_for("/afval/img/bestaat-niet.svg") is None
    assert sources.file_for("/afval/../../etc/passwd.svg") is None
    assert sources.file_for("/afval/") is None
