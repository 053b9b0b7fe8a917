"""The built French notebooks (notebooks/fr/) and the nbval plugin that reads their outputs.

The English notebooks' own checks (tests/test_notebooks.py) glob ``notebooks/*.ipynb`` and
stay English-only on purpose (their section headings are English); the French ones get the
checks that do not depend on wording: committed clean, links that lead somewhere, the
language cell, and the same code as the English notebook.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from build_translation import LANGUAGE_CELL_ID, read_entries
from editions import leaks, load_discussions, notes_file

from helpers.exercises import load_exercises

REPO = Path(__file__).resolve().parents[1]
PLUGIN = REPO / "tests" / "plugins" / "nbval_english.py"  # make test loads it: -p nbval_english

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


@pytest.mark.parametrize("path", FRENCH, ids=lambda p: p.name)
def test_french_notebook_shows_no_solution_or_french_instructor_note(path: Path) -> None:
    notes = load_discussions(notes_file(path.name, language="fr"))
    assert leaks(json.loads(path.read_text("utf-8")), load_exercises(), notes) == []


def load_plugin():
    """Import the plugin from its file (tests/plugins/ is not on the tests' path)."""
    spec = importlib.util.spec_from_file_location("nbval_english", PLUGIN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_cell_hook(path: Path, printed: str) -> None:
    """Drive the plugin's hook around a cell of ``path`` whose run printed ``printed``.

    The item carries what nbval's cell items carry after running: ``cell``, ``path`` and
    ``test_outputs`` (the outputs read from the kernel).
    """
    item = SimpleNamespace(path=path, cell=nbformat.v4.new_code_cell("print(x)"),
                           test_outputs=[nbformat.v4.new_output("stream", name="stdout",
                                                                text=printed)])
    hook = load_plugin().pytest_runtest_call(item)
    next(hook)
    with pytest.raises(StopIteration):
        hook.send(None)


def test_nbval_plugin_fails_french_cells_that_print_english(tmp_path: Path) -> None:
    french, english = tmp_path / "fr" / "00.ipynb", tmp_path / "00.ipynb"
    run_cell_hook(french, "Gao est à 947 km de Bamako.")
    run_cell_hook(english, "Gao is 947 km from Bamako.")
    with pytest.raises(AssertionError, match="is: …Gao is 947 km from"):
        run_cell_hook(french, "Gao is 947 km from Bamako.")
