"""FM009: front-matter texts are text; HTML in them is reported at the field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from linters.core.engine import Engine
from linters.core.finding import SourceSpan
from linters.registry import ALL_RULES, load_statute
from tests.conftest import chdir
from tests.ownership.helpers import new_site, write


@pytest.mark.emits("FM009")
def test_html_in_title_description_and_other_texts(tmp_path: Path) -> None:
    root = new_site(tmp_path)
    write(
        root,
        "content/nl/afval/grofvuil.md",
        "---\n"
        "title: Afval <img src=x onerror=alert(1)>\n"
        'description: "Over afval &lt;/title&gt;"\n'
        "owner: afval\n"
        "reviewed: 2026-10-01\n"
        "contact: afval@diemen.nl <!-- -->\n"
        "---\n\nTekst.\n",
    )
    write(
        root,
        "content/nl/afval/goed.md",
        "---\ntitle: Werk & inkomen, 'Diemen' en \"R&D\"\ndescription: Over 1 < 2.\n"
        "owner: afval\nreviewed: 2026-10-01\n---\n\nTekst.\n",
    )
    engine = Engine(
        ALL_RULES, load_statute(root / "redactiestatuut.yml"), today=date(2026, 11, 22), content_root=root / "content"
    )
    with chdir(root):
        result = engine.run([root / "content"])
    found = {
        (f.path, f.location.line) for f in result.findings if f.code == "FM009" and isinstance(f.location, SourceSpan)
    }
    assert found == {
        ("content/nl/afval/grofvuil.md", 2),
        ("content/nl/afval/grofvuil.md", 3),
        ("content/nl/afval/grofvuil.md", 6),
    }
    message = next(f.message.nl for f in result.findings if f.code == "FM009")
    assert "<img src=x onerror=alert(1)>" in message and "gewone tekst" in message
