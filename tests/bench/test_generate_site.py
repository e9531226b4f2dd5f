"""The synthetic site behaves like the real one: bilingual, owned per section, deterministic."""

from __future__ import annotations

import sys
from pathlib import Path

from linters.core.page import read_page
from linters.registry import load_statute
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from generate_site import generate_site  # noqa: E402


def test_bilingual_pages_with_section_owners(tmp_path: Path) -> None:
    out = generate_site(tmp_path / "site", 40, seed=3)
    content = out / "content"
    dutch = sorted(p.relative_to(content / "nl") for p in (content / "nl").rglob("*.md"))
    english = sorted(p.relative_to(content / "en") for p in (content / "en").rglob("*.md"))
    assert len(dutch) == len(english) == 20
    assert dutch == english
    statute = load_statute(out / "redactiestatuut.yml")
    words = 0
    for rel in dutch:
        page = read_page(content / "nl" / rel, content)
        assert not page.problems, rel
        assert set(page.front_matter.data) >= {"title", "description", "owner", "reviewed"}  # type: ignore[union-attr]
        section = statute.section_for(rel.as_posix())
        if section is not None:
            assert page.meta("owner") == section.owner, rel
        words += page.word_count()
    assert words / len(dutch) > 250
    assert (out / "mkdocs.yml").is_file() and (out / "mkdocs-plain.yml").is_file()


def test_same_seed_same_site(tmp_path: Path) -> None:
    first = generate_site(tmp_path / "a", 10, seed=7)
    second = generate_site(tmp_path / "b", 10, seed=7)
    files = sorted(p.relative_to(first) for p in (first / "content").rglob("*.md"))
    assert files
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes()
