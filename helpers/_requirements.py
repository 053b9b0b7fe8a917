"""Check, before anything else is imported, that this Python has the packages a lesson needs.

A student who opens a lesson in their own Jupyter (Anaconda, VS Code, a hub) may have an older
pandas, or no ipywidgets. Instead of a deep traceback from the first import that fails, they
get one message naming what is missing or too old and the one command that installs the
tested set. The minimum versions are the pins of ``requirements.txt`` (major.minor).
"""

from __future__ import annotations

import os
import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL_PACKAGES = ("pandas", "matplotlib", "ipywidgets")


class MissingPackagesError(ImportError):
    """Raised by ``import helpers`` when a package is missing or too old; Jupyter shows one line."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def read_minimums(requirements: Path = ROOT / "requirements.txt") -> dict[str, tuple[int, int]]:
    """Return the lowest (major, minor) accepted for each kernel package, from the pins.

    Example:
        >>> read_minimums()["pandas"] >= (3, 0)
        True
    """
    if not requirements.is_file():
        return {}
    pins = {name.lower(): (int(major), int(minor)) for name, major, minor in re.findall(
        r"^([A-Za-z0-9_.-]+)==(\d+)\.(\d+)", requirements.read_text(), re.MULTILINE)}
    return {name: pins[name] for name in KERNEL_PACKAGES if name in pins}


def installed_version(name: str) -> str | None:
    """Return the installed version of a distribution, or None when it is not installed.

    Example:
        >>> installed_version("no-such-package-here") is None
        True
    """
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def find_problems(minimums: dict[str, tuple[int, int]],
                  installed: dict[str, str | None]) -> list[str]:
    """Return one phrase per package that is missing or older than its minimum.

    Example:
        >>> find_problems({"pandas": (3, 1)}, {"pandas": "2.2.3"})
        ['pandas 3.1 or newer (this Python has 2.2.3)']
        >>> find_problems({"pandas": (3, 1)}, {"pandas": None})
        ['pandas (not installed)']
    """
    problems = []
    for name, (major, minor) in minimums.items():
        found = installed.get(name)
        if found is None:
            problems.append(f"{name} (not installed)")
            continue
        numbers = tuple(int(part) for part in re.findall(r"\d+", found)[:2])
        if numbers < (major, minor):
            problems.append(f"{name} {major}.{minor} or newer (this Python has {found})")
    return problems


def require_packages(*, cwd: Path | None = None) -> None:
    """Raise ``MissingPackagesError`` (one line in Jupyter) unless the kernel packages are there.

    The message names each package and the command that installs the tested set, with the
    path from the notebook's folder (``cwd``) to this module's requirement files.

    Example:
        >>> require_packages()
    """
    minimums = read_minimums()
    problems = find_problems(minimums, {name: installed_version(name) for name in minimums})
    if not problems:
        return
    where = Path(os.path.relpath(ROOT, cwd or Path.cwd())).as_posix()
    raise MissingPackagesError(
        f"This lesson needs {', '.join(problems)}. Install the tested versions into this "
        f"kernel's Python with: %pip install -r {where}/requirements.txt -c {where}/"
        "constraints.txt (then restart the kernel).")
