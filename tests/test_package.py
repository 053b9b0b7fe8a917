"""The package's shape: a small core, one module per lesson, no side effects on import."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import helpers

REPO = Path(__file__).resolve().parents[1]
MODULES = sorted(p.stem for p in (REPO / "helpers").glob("*.py") if p.stem != "__init__")
CORE = {"data", "citations", "tables", "charts", "maps", "readers", "exercises", "language"}
LESSONS = {"00-start-here": "start_here", "01-the-coup": "the_coup",
           "02-rebel-advance": "rebel_advance", "03-intervention": "intervention",
           "04-us-law": "us_law", "05-comparing-sources": "comparing_sources",
           "06-synthesis": "synthesis"}

PROBE = f"""
import sys, warnings
import matplotlib as mpl
opened = []
sys.addaudithook(lambda event, args: event == "open" and opened.append(str(args[0])))
before_rc, before_warnings = dict(mpl.rcParams), list(warnings.filters)
import helpers
for name in {MODULES!r}:
    __import__("helpers." + name)
data = [p for p in opened if not p.endswith((".py", ".pyc", ".so", ".pth")) and "helpers" in p
        or "/data/" in p]
assert not data, data
assert dict(mpl.rcParams) == before_rc, "rcParams changed at import"
assert list(warnings.filters) == before_warnings, "warning filters changed at import"
print("clean import of", len({MODULES!r}), "modules")
"""


def _helper_imports(source: str) -> set[str]:
    """The helper modules a piece of code imports (``helpers`` for the package itself)."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == \
                "helpers":
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "helpers"}
    return found


def test_importing_every_helper_module_has_no_side_effects() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "clean import" in result.stdout


def test_the_package_is_a_small_core_and_one_module_per_lesson() -> None:
    assert set(MODULES) == CORE | set(LESSONS.values())
    assert len(MODULES) + 1 <= 16


def test_no_lesson_imports_another_and_the_core_imports_no_lesson() -> None:
    for name in MODULES:
        imported = {m.removeprefix("helpers.") for m in
                    _helper_imports((REPO / "helpers" / f"{name}.py").read_text("utf-8"))}
        lessons = imported & set(LESSONS.values())
        if name in CORE:
            assert not lessons, f"core module {name} imports lesson code {lessons}"
        else:
            assert not lessons - {name}, f"lesson module {name} imports {lessons}"


@pytest.mark.parametrize("stem", sorted(LESSONS))
def test_each_notebook_imports_from_its_lesson_and_the_core_only(stem: str) -> None:
    notebook = json.loads((REPO / "notebooks" / f"{stem}.ipynb").read_text("utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    imported = _helper_imports(code)
    assert imported <= {"helpers", f"helpers.{LESSONS[stem]}"}, imported
    assert "import *" not in code


def test_the_core_names_a_student_calls_are_exported() -> None:
    for name in helpers.__all__:
        assert callable(getattr(helpers, name)), name


def test_no_maintainer_tooling_in_the_student_package() -> None:
    for path in (REPO / "helpers").glob("*.py"):
        text = path.read_text("utf-8")
        assert "nbformat" not in text and "instructor edition" not in text.lower(), path.name
