"""The npm packages of the browser audit: where the install step puts them, and which versions are there.

The engines (axe-core, and Alfa for the rules where it is chosen) are npm
packages. `linters/wcag/node/package.json` pins them and its lock file fixes
every dependency; the project's install step (`nox -s engines`, which every
nox session that audits runs first) copies both into `.webredactie/` in the
project and runs `npm ci` there. Nothing is fetched while an audit runs: a
missing package is a clear message, or a documented fallback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

NODE_ENV = "WEBREDACTIE_NODE_MODULES"
INSTALL_DIR = ".webredactie"
PACKAGE_FILES = ("package.json", "package-lock.json")
INSTALL_HINT = "nox -s engines"


class PackagesNotInstalled(Exception):
    """The install step could not run; the message says what to install."""


@dataclass(frozen=True)
class Installed:
    """One installed npm package."""

    name: str
    version: str
    folder: Path


def pinned() -> dict[str, str]:
    """The versions package.json pins, by package name."""
    text = resources.files("linters.wcag").joinpath("node", "package.json").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in json.loads(text)["dependencies"].items()}


def module_dirs(root: Path | None = None) -> list[Path]:
    """Where to look for node_modules, in order: the setting, the project, this checkout of the code."""
    found: list[Path] = []
    if os.environ.get(NODE_ENV):
        found.append(Path(os.environ[NODE_ENV]))
    for base in (root or Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / INSTALL_DIR / "node_modules"
        if candidate not in found:
            found.append(candidate)
    return found


def find_package(name: str, root: Path | None = None) -> Installed | None:
    """An installed npm package by name, or None."""
    for modules in module_dirs(root):
        manifest = modules / name / "package.json"
        if manifest.is_file():
            version = str(json.loads(manifest.read_text(encoding="utf-8")).get("version", "?"))
            return Installed(name, version, manifest.parent)
    return None


def install(root: Path, npm: str | None = None) -> Path:
    """Install the pinned packages into `<root>/.webredactie` with `npm ci`; return node_modules.

    `npm ci` installs exactly what the lock file says, and `--ignore-scripts`
    keeps packages from running code at install time.
    """
    npm = npm or shutil.which("npm")
    if npm is None:
        raise PackagesNotInstalled(
            "npm ontbreekt. Installeer Node.js 20 of nieuwer met npm (Debian: apt-get install npm), "
            f"en draai daarna {INSTALL_HINT}."
        )
    target = root / INSTALL_DIR
    target.mkdir(parents=True, exist_ok=True)
    source = resources.files("linters.wcag").joinpath("node")
    for name in PACKAGE_FILES:
        (target / name).write_text(source.joinpath(name).read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel", "error"],
        cwd=target,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise PackagesNotInstalled(f"npm ci in {target} mislukte:\n{done.stderr.strip()[-2000:]}")
    return target / "node_modules"


if __name__ == "__main__":
    # `python -m linters.wcag.packages [root]`: the install step without nox.
    import sys

    where = install(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    for package, version in pinned().items():
        installed = find_package(package, where.parent.parent)
        print(f"{package} {installed.version if installed else 'NIET GEVONDEN'} (vastgelegd: {version})")
