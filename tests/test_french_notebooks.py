"""The built French notebooks (notebooks/fr/) and the nbval plugin that reads their outputs.

The English notebooks' own checks (tests/test_notebooks.py) glob ``notebooks/*.ipynb`` and
stay English-only on purpose (their section headings are English); the French ones get the
checks that do not depend on wording: committed clean, links that lead somewhere, the
language cell, and the same code as the English notebook.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from build_translation import LANGUAGE_CELL_ID, read_entries

REPO = Path(__file__).resolve().parents[1]
FRENCH = sorted((REPO / "notebooks" / "fr").glob("*.ipynb"))


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("path", FRENCH, ids=lambda p: p.name)
def test_french_notebook_is_clean_and_its_links_lead_somewhere(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in data["metadata"]
    for cell in data["cells"]:
        if cell["cell_type"] == "code" and "keep_output" not in cell["metadata"].get("tags", []):
            assert not cell["outputs"] and cell["execution_count"] is None, source(cell)
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", source(cell)):
            assert (path.parent / target).exists(), f"fr/{path.name} links to {target}"


@pytest.mark.parametrize("path", FRENCH, ids=lambda p: p.name)
def test_french_notebook_has_the_english_code_and_the_language_cell(path: Path) -> None:
    english = [source(c) for c in cells(REPO / "notebooks" / path.name)
               if c["cell_type"] == "code"]
    overrides = {entry.text.strip("\n")
                 for entry in read_entries(REPO / "translations" / "fr" / f"{path.stem}.toml")}
    french = [c for c in cells(path) if c["cell_type"] == "code"]
    assert french[1]["id"] == LANGUAGE_CELL_ID and source(french[1]) == "%env MALI_LANGUAGE=fr"
    rest = [source(c) for i, c in enumerate(french) if i != 1]
    assert len(rest) == len(english)
    assert [s for s, e in zip(rest, english, strict=True) if s != e and s not in overrides] == []


def test_nbval_plugin_fails_french_cells_that_print_english(tmp_path: Path) -> None:
    for folder in ("fr", "en"):
        (tmp_path / folder).mkdir()
        notebook = nbformat.v4.new_notebook(cells=[
            nbformat.v4.new_code_cell('print("Gao est à 947 km de Bamako.")'),
            nbformat.v4.new_code_cell('print("Gao is 947 km from Bamako.")')])
        nbformat.write(notebook, tmp_path / folder / "lesson.ipynb")
    env = dict(os.environ, PYTHONPATH=str(REPO / "tests" / "plugins"))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(REPO / "pyproject.toml"),
         "--rootdir", str(REPO), "--nbval-lax", "--nbval-current-env", "-p", "nbval_english",
         "-q", str(tmp_path)], capture_output=True, text=True, env=env, timeout=300,
        check=False)
    assert "1 failed, 3 passed" in run.stdout, run.stdout + run.stderr
    assert "fr/lesson.ipynb::Cell 1" in run.stdout
    assert "is: …Gao is 947 km from Bamako.…" in run.stdout
