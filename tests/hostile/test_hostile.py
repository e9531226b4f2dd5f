"""The hostile site: every security case of issue 12, checked and built for real.

Each case in `cases.yml` names its promise. The checks must report it (file,
line, code); a strict build must refuse it; a build without --strict must
publish the site sanitised. Whatever the build, site/ and the search indexes
hold no script from a page, no event handler, no script address, no
unescaped front-matter, no request to a third party and no file from
outside the repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from linters.core.urls import is_third_party
from tests.conftest import REPO, run_cli

HERE = Path(__file__).resolve().parent
CASES: dict[str, Any] = yaml.safe_load((HERE / "cases.yml").read_text(encoding="utf-8"))
SECRETS = (b"GEHEIM-BESTAND", b"GEHEIME-MAP", b"GEHEIME-PDF", b"GEHEIME-GIT")

pytestmark = pytest.mark.build


def _make_site(tmp: Path) -> Path:
    """Copy the hostile site beside an outside folder, and add the symbolic links of cases.yml."""
    root = tmp / "repo"
    shutil.copytree(HERE / "site", root)
    outside = tmp / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text("---\ntitle: Geheim\n---\n\nGEHEIM-BESTAND\n", encoding="utf-8")
    (outside / "map.md").write_text("---\ntitle: Map\n---\n\nGEHEIME-MAP\n", encoding="utf-8")
    (outside / "geheim.pdf").write_bytes(b"%PDF GEHEIME-PDF")
    os.mkfifo(outside / "pijp")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[remote]\nurl = https://GEHEIME-GIT@example.org/\n", encoding="utf-8")
    targets = {
        "outside-file": outside / "geheim.md",
        "outside-pdf": outside / "geheim.pdf",
        "outside-folder": outside,
        "outside-fifo": outside / "pijp",
        "git-config": root / ".git" / "config",
        "folder-inside": Path("../../en"),
    }
    afval = root / "content" / "nl" / "afval"
    for name, target in CASES["links"].items():
        os.symlink(targets.get(target, Path(target)), afval / name)
    config = {
        "site_name": "Gemeente Diemen",
        "site_url": "https://www.diemen.nl/",
        "docs_dir": "content",
        "site_dir": "site",
        "theme": {"name": "material", "language": "nl", "font": False, "custom_dir": str(REPO / "overrides")},
        "markdown_extensions": ["tables", "attr_list", "md_in_html", "admonition", {"toc": {"permalink": False}}],
        "plugins": [
            {"search": {"lang": ["nl", "en"]}},
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": False,
                    "reconfigure_search": False,
                    "languages": [
                        {"locale": "nl", "name": "Nederlands", "default": True, "build": True},
                        {"locale": "en", "name": "English", "build": True},
                    ],
                }
            },
            "gemeente/sanitise",
            "gemeente/section-titles",
            "gemeente/page-footer",
            "gemeente/languages",
            "gemeente/search",
            {"gemeente/checks": {"cache": False}},
        ],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def _build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "WEBREDACTIE_TODAY": "2026-11-22"},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


class _Audit(HTMLParser):
    """Everything in published HTML that breaks a promise."""

    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            text = (value or "").lower()
            if name.startswith("on"):
                self.problems.append(f"{self.where}: <{tag} {name}>")
            # Text in value, content or title attributes is data (a mail subject with the title); addresses are not.
            address = name in ("href", "src", "action", "formaction", "poster", "srcset", "data")
            if address and ("alert(" in text or "javascript:" in text.replace("\t", "") or text.startswith("data:")):
                self.problems.append(f"{self.where}: <{tag} {name}={value!r}>")
            stylesheet = tag == "link" and name == "href" and "stylesheet" in str(attrs)
            url = (value or "").split()[0] if value else ""
            if (name in ("src", "poster", "srcset") or stylesheet) and "video.example.nl" not in text:
                if is_third_party(url, "https://www.diemen.nl/", "diemen.nl"):
                    self.problems.append(f"{self.where}: third party <{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"{self.where}: <{tag}>")
        action = dict(attrs).get("action") or ""
        if tag == "form" and is_third_party(action, "https://www.diemen.nl/", "diemen.nl"):
            self.problems.append(f"{self.where}: <form action={action!r}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.problems.append(f"{self.where}: script {data.strip()[:60]!r}")


def _promises_kept(site: Path) -> None:
    problems: list[str] = []
    published = b""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        published += data
        if path.suffix == ".html":
            audit = _Audit(path.relative_to(site).as_posix())
            audit.feed(data.decode("utf-8"))
            problems.extend(audit.problems)
        if path.name == "search_index.json":
            for entry in json.loads(data)["docs"]:
                for key in ("title", "text"):
                    audit = _Audit(f"{path.relative_to(site)} {entry['location']} {key}")
                    audit.feed(entry[key])
                    problems.extend(audit.problems)
                    # Front-matter is text: a tag written in a title is shown, not run.
                    assert "<img" not in entry[key] and "<script" not in entry[key], entry
    assert not problems, "\n".join(problems)
    for secret in SECRETS:
        assert secret not in published, secret
    # The page's own <style> and form never made it (the theme has forms and styles of its own).
    assert b"display: none }" not in published and b'name="bsn"' not in published
    # Front-matter shows as text wherever it is shown.
    section = (site / "afval" / "index.html").read_text(encoding="utf-8")
    assert "<title>Afval &lt;img src=x onerror=alert(&#x27;titel&#x27;)&gt; - Gemeente Diemen</title>" in section
    assert "<h1>Afval &lt;img src=x onerror=alert(&#x27;titel&#x27;)&gt;</h1>" in section
    assert 'content="Alles over afval&quot;&gt;&lt;script&gt;' in section
    menu = (site / "afval" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Afval &lt;img src=x onerror=alert(&#x27;titel&#x27;)&gt;" in menu
    english = (site / "en" / "afval" / "index.html").read_text(encoding="utf-8")
    assert "&amp;lt;/title&amp;gt;" in english and "</title><script>" not in english


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_site(tmp_path_factory.mktemp("hostile"))


@pytest.mark.emits("FM009", "A11Y014", "A11Y015", "A11Y016", "A11Y017", "A11Y018", "A11Y019", "A11Y020", "WR008")
def test_the_checks_report_every_case_at_its_line(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(["check", "content", "--no-cache", "--jobs", "1"], hostile, capsys)
    assert code == 1, out + err
    assert "Traceback" not in out + err
    found = set()
    for line in out.splitlines():
        words = line.split(" ")
        if len(words) > 2 and words[0].count(":") >= 3:
            path, number, _column, _ = words[0].split(":")
            found.add((path, number, words[2]))
    for case in CASES["cases"]:
        for line, rule in case["expect"]:
            assert (case["file"], str(line), rule) in found, (case["id"], line, rule, out)
    for name in CASES["links"]:
        assert ("content/nl/afval/" + name, "1", "WR008") in found, name
    # The reviewed host is not reported.
    assert "video.example.nl" not in out


def test_a_strict_build_refuses_every_case_and_publishes_nothing_unsafe(hostile: Path) -> None:
    proc = _build(hostile, "--strict")
    log = proc.stderr + proc.stdout
    assert proc.returncode != 0, log
    assert "Traceback" not in log
    for case in CASES["cases"]:
        assert case["build"] in log, (case["id"], log[-3000:])
    for name in CASES["links"]:
        assert f"content/nl/afval/{name}: niet gepubliceerd" in log, name
    # What was written before the strict build stopped is sanitised too.
    _promises_kept(hostile / "site")


def test_a_build_without_strict_publishes_the_sanitised_site(hostile: Path) -> None:
    shutil.rmtree(hostile / "site", ignore_errors=True)
    proc = _build(hostile, "--no-strict")
    assert proc.returncode == 0, (proc.stderr + proc.stdout)[-3000:]
    site = hostile / "site"
    _promises_kept(site)
    # The pages themselves are published, without the refused parts.
    assert "Tekst onder het commentaar." in (site / "afval" / "commentaar" / "index.html").read_text(encoding="utf-8")
    assert "Tekst na de HTML." in (site / "afval" / "html" / "index.html").read_text(encoding="utf-8")
    derden = (site / "afval" / "derden" / "index.html").read_text(encoding="utf-8")
    assert 'src="https://video.example.nl/beeld.png"' in derden


def test_a_feedback_endpoint_on_another_host_stops_the_build(hostile: Path) -> None:
    config = yaml.safe_load((hostile / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [
        {"gemeente/page-footer": {"feedback_endpoint": "https://example.com\\@formulieren.diemen.nl/x"}}
        if p == "gemeente/page-footer"
        else p
        for p in config["plugins"]
    ]
    other = hostile.parent / "endpoint"
    shutil.copytree(hostile, other, symlinks=True, ignore=shutil.ignore_patterns("site"))
    (other / "mkdocs.yml").write_text(yaml.safe_dump({**config, "plugins": plugins}, sort_keys=False), encoding="utf-8")
    proc = _build(other, "--strict")
    log = proc.stderr + proc.stdout
    assert proc.returncode != 0 and "gaat in een browser naar example.com" in log, log[-2000:]
    assert not (other / "site").exists()
