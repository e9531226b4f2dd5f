"""Set up what the project needs and run one nox session: `python3 dev.py build`, `python3 dev.py tests`.

Only the standard library is used, so this runs on a fresh Debian 12 with its
own `python3`, which refuses `pip install` outside a virtual environment
(PEP 668, "externally-managed-environment"), as well as on a Python that allows
global installs. nox itself goes into `.venv-nox/`; nox then makes a virtual
environment per session and installs the pinned ranges from pyproject.toml.
System packages (Chromium, Node/npm, PostgreSQL) are installed by the nox
sessions that need them, with apt, when they are missing and we are root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
NOX_VENV = ROOT / ".venv-nox"
NOX_REQUIREMENT = "nox>=2024.10,<2027"
# What Debian splits off from python3 and a fresh machine may lack.
DEBIAN_PACKAGES = ("python3-venv", "python3-pip")


def _say(text: str) -> None:
    print(f"dev.py: {text}", file=sys.stderr, flush=True)


def _apt_install(packages: tuple[str, ...]) -> bool:
    """Install Debian packages when we are root on a machine with apt; False when we cannot."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], check=True, env=env)
    return True


def _venv_python() -> Path:
    return NOX_VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _make_venv() -> None:
    """Create .venv-nox with pip; on Debian without python3-venv, install it first."""
    if _venv_python().exists() and _has_pip():
        return
    shutil.rmtree(NOX_VENV, ignore_errors=True)
    made = subprocess.run([sys.executable, "-m", "venv", str(NOX_VENV)], capture_output=True, text=True)
    if made.returncode != 0:
        _say("Python kan geen virtuele omgeving maken (ensurepip ontbreekt); ik installeer python3-venv.")
        if not _apt_install(DEBIAN_PACKAGES):
            _say("Dat kan alleen als root met apt. Doe: sudo apt-get install python3-venv python3-pip")
            raise SystemExit(2)
        shutil.rmtree(NOX_VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(NOX_VENV)], check=True)


def _has_pip() -> bool:
    return subprocess.run([str(_venv_python()), "-m", "pip", "--version"], capture_output=True).returncode == 0


def _install_nox() -> None:
    probe = subprocess.run([str(_venv_python()), "-c", "import nox"], capture_output=True)
    if probe.returncode == 0:
        return
    subprocess.run(
        [str(_venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", NOX_REQUIREMENT],
        check=True,
    )


def main(argv: list[str]) -> int:
    """Run `nox -s SESSION [ARGS...]` from the project's own nox environment."""
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0 if argv else 2
    session, *rest = argv
    _make_venv()
    _install_nox()
    command = [str(_venv_python()), "-m", "nox", "-f", str(ROOT / "noxfile.py"), "-s", session]
    if rest:
        command += ["--", *rest]
    return subprocess.run(command, cwd=ROOT).returncode


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as err:
        _say(f"stap mislukt (code {err.returncode}): {' '.join(map(str, err.cmd))}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
