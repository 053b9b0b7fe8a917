"""Edition checks: every solution passes its check; student notebooks give nothing away."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from edition_fixtures import discussions_of, exercise, student
from editions import leaks, load_discussions, solution_failures

from helpers.exercises import Exercise, load_exercises

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
EXERCISES = load_exercises()


@pytest.mark.parametrize("text", ["✘ Not yet (9.1): no.", "⚠ Can't read that (9.1): x.",
                                  "… No answer yet (9.1): y.", ""])
def test_solution_failures_catches_every_status_but_correct(text: str) -> None:
    outputs = [{"output_type": "execute_result", "data": {"text/plain": text}}] if text else []
    cell = {"cell_type": "code", "source": 'answer_9_1 = "x"\ncheck("9.1", answer_9_1)',
            "outputs": outputs}
    assert solution_failures({"cells": [cell]}) != []
    cell["outputs"] = [{"output_type": "execute_result",
                        "data": {"text/plain": "✔ Correct (9.1): yes."}}]
    assert solution_failures({"cells": [cell]}) == []


def test_a_literal_answer_leaks_only_from_its_own_prompt() -> None:
    keys = {"9.1": Exercise(key="9.1", prompt="?", kind="date", answer="2013-01-11",
                            solution='"2013-01-11"', explanation="e")}
    prompt = student(("markdown", '**Exercise 9.1** — When? Write e.g. `"2013-01-11"`.'))
    prose = student(("code", 'events[events["date"] >= "2013-01-11"]'))
    assert len(leaks(prompt, keys, {})) == 1 and leaks(prose, keys, {}) == []


def test_leaks_finds_filled_answers_solutions_and_notes() -> None:
    keys = {"9.1": exercise("9.1", 'round(distance_between("A", "B"))')}
    notes = {"1": {"prompt": "p", "surface": "A long sentence an instructor needs to see here. "}}
    nb = student(("code", "answer_9_1 = 3"),
                 ("markdown", 'Try round(distance_between("A", "B")).'),
                 ("markdown", "As notes say: A long sentence an instructor needs to see here."))
    found = leaks(nb, keys, notes)
    assert [f.split(" ", 3)[:3] for f in found] == [
        ["cell", "1", "fills"], ["cell", "2", "shows"], ["cell", "3", "shows"]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_notebooks_contain_no_solution_text(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    all_notes = {f"{p.stem}:{n}": t for p in (REPO / "docs" / "discussion").glob("*.toml")
                 for n, t in load_discussions(p).items()}
    assert leaks(nb, EXERCISES, all_notes) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_follow_the_shared_convention(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        text = "".join(cell["source"])
        for key in re.findall(r'check\("(\d+)\.(\d+)"', text):
            assert f"answer_{key[0]}_{key[1]} = ..." in text, text
    everything = "\n".join("".join(c["source"]) for c in cells)
    if "check(" in everything:  # one reveal mechanism everywhere: the shared helpers
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        imported = {alias.name for node in ast.walk(ast.parse(code))
                    if isinstance(node, ast.ImportFrom) and node.module == "helpers"
                    for alias in node.names}
        assert {"check", "reveal"} <= imported, "check and reveal come from helpers"
        assert "reveal(" in everything and "<details" not in everything.lower()
    discussion = next("".join(c["source"]) for c in cells
                      if "## For discussion" in "".join(c["source"]))
    prompts = re.findall(r"^\d+\. ", discussion, re.M)
    assert len(prompts) == len(discussions_of(path)), (
        f"{path.name}: {len(prompts)} discussion prompts, "
        f"{len(discussions_of(path))} [discussion] notes in its key file")
