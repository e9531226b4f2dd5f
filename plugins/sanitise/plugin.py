"""Leave out what may not be published, before MkDocs reads or renders it.

- `on_files`: a symbolic link that leaves the repository or does not point at
  a plain file (and any file that is not a plain file, such as a FIFO) is
  removed from the build. MkDocs would follow it and publish what it points
  at, also in the search index.

Each refusal is logged as a warning, so `mkdocs build --strict` fails; a
build without `--strict` publishes the site without the refused files. What
is refused is decided in `linters/`; this plugin only applies it.
"""

from __future__ import annotations

import stat
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from linters.core.links import shown, unsafe_link
from plugins.sanitise.config import SanitiseConfig
from plugins.support import BuildDepth, project_path

# Lines start with "webredactie:", the command editors know.
log = get_plugin_logger("webredactie.sanitise")
NAME = "gemeente/sanitise"


def _special(path: Path) -> bool:
    """True for a FIFO, device or socket (reading one blocks or never ends)."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


class SanitisePlugin(BasePlugin[SanitiseConfig]):
    """Refuses files and markup that the checks refuse, in the build itself."""

    def __init__(self) -> None:
        self.depth = BuildDepth()
        # What was said in this build (static-i18n builds each language again from the same files).
        self.reported: set[str] = set()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Count nested (per-language) builds; a new outermost build reports everything again."""
        if self.depth.enter() == 1:
            self.reported.clear()

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build starts the count again."""
        self.depth.reset()

    @event_priority(-300)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Leave the nested build."""
        self.depth.leave()

    def _warn(self, key: str, text: str) -> None:
        if key not in self.reported:
            self.reported.add(key)
            log.warning(text)

    # First of all: before static-i18n and the checks see the files, and before anything reads them.
    @event_priority(100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Leave out refused symbolic links and files that are not plain files."""
        if not self.config.enabled:
            return None
        docs = Path(config.docs_dir)
        repo = project_path(config, ".")
        for file in list(files):
            if not file.abs_src_path:
                continue
            path = Path(file.abs_src_path)
            link = unsafe_link(path, docs, repo)
            if link is not None:
                files.remove(file)
                self._warn(str(link.link), f"{shown(link.link)}: niet gepubliceerd. {link.message().nl}")
            elif _special(path):
                files.remove(file)
                self._warn(
                    str(path),
                    f"{shown(path)}: niet gepubliceerd. Dit is geen gewoon bestand (maar bijvoorbeeld een FIFO). "
                    "Haal het weg uit content/.",
                )
        return files
