"""Helpers for the Jupyter teaching module on the 2012-2013 Mali crisis.

``helpers`` itself is the shared core a notebook needs besides its lesson: one loader per
table, the self-check exercises, citations and the shared tables and map. Each lesson's own
code is one module named after its notebook (``helpers.the_coup`` for ``01-the-coup``), so
a notebook imports from two places at most::

    from helpers import bibliography, check, hint, load_events, load_sources, reveal
    from helpers.the_coup import timeline_chart, timeline_explorer

``docs/helper-reference.md`` lists every name a student calls, with an example. Importing
this package changes no global setting; it reads one file,
``requirements.txt``, to say which package is missing or too old (``require_packages`` below).
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


require_packages()  # one short message, not a traceback, when pandas & co. are missing or old

from helpers.citations import bibliography, caption, collect_ids, format_citation, source_row
from helpers.data import (
    DataError,
    load_actors,
    load_authorities,
    load_claim_keys,
    load_claim_stances,
    load_claims,
    load_control,
    load_deployments,
    load_events,
    load_labels,
    load_places,
    load_sources,
    load_table,
    load_us_actions,
    load_us_rules,
)
from helpers.exercises import check, hint, progress, reveal
from helpers.maps import (
    describe_place,
    distance_between,
    find_place,
    place_explorer,
    places_map_chart,
    places_table,
)
from helpers.readers import read_date, read_items, read_number
from helpers.tables import events_table, format_when, glossary_table, markdown_table

__version__ = "0.2.0"

__all__ = [
    "DataError", "bibliography", "caption", "check", "collect_ids", "describe_place",
    "distance_between", "events_table", "find_place", "format_citation", "format_when",
    "glossary_table", "hint", "load_actors", "load_authorities", "load_claim_keys",
    "load_claim_stances", "load_claims", "load_control", "load_deployments", "load_events",
    "load_labels", "load_places", "load_sources", "load_table", "load_us_actions", "load_us_rules",
    "markdown_table", "place_explorer", "places_map_chart", "places_table", "progress",
    "read_date", "read_items", "read_number", "reveal", "source_row",
]
