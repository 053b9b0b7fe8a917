"""Checks on the two editions: solutions that pass, and student notebooks without answers.

:func:`solution_failures` reads an executed instructor edition and lists every solution
whose self-check did not say correct; :func:`leaks` reads a student notebook and lists any
answer or instructor note it gives away. Both return an empty list when all is well.
"""

from __future__ import annotations

import ast
import re

from helpers.editions import placeholder_key
from helpers.exercises import SYMBOLS, Exercise

ANSWER_LINE = re.compile(r"^[ \t]*answer_(?P<n>\d+)_(?P<k>\d+)[ \t]*=(?P<value>.*)$", re.M)
MIN_DISTINCTIVE = 6


def output_text(cell: dict) -> str:
    """Join a code cell's outputs as text (plain text, streams, error values)."""
    parts = []
    for output in cell.get("outputs", []):
        if "text" in output:
            parts.append("".join(output["text"]))
        data = output.get("data", {})
        if "text/plain" in data:
            parts.append("".join(data["text/plain"]))
        if output.get("output_type") == "error":
            parts.append(f"{output['ename']}: {output['evalue']}")
    return "\n".join(parts)


def solution_failures(edition: dict) -> list[str]:
    """List every executed solution cell whose check did not say correct (empty: all pass).

    Example:
        >>> cell = {"cell_type": "code", "source": 'answer_0_1 = "x"\\ncheck("0.1", answer_0_1)',
        ...         "outputs": [{"output_type": "execute_result",
        ...                      "data": {"text/plain": "✘ Not yet (0.1): no."}}]}
        >>> solution_failures({"cells": [cell]})
        ['exercise 0.1: ✘ Not yet (0.1): no.']
    """
    failures = []
    for cell in edition["cells"]:
        if cell["cell_type"] != "code":
            continue
        for match in ANSWER_LINE.finditer("".join(cell["source"])):
            key = placeholder_key(match["n"], match["k"])
            text = output_text(cell).strip()
            if not text.startswith(SYMBOLS["correct"]) or any(
                    symbol in text for name, symbol in SYMBOLS.items() if name != "correct"):
                failures.append(f"exercise {key}: {text or 'no output (was the cell run?)'}")
    return failures


def _is_literal(expression: str) -> bool:
    try:
        ast.literal_eval(expression.strip())
    except (ValueError, SyntaxError):
        return False
    return True


def _gives_away(exercise: Exercise, text: str, *, is_prompt: bool) -> bool:
    solution = exercise.solution.strip()
    if solution not in text or len(solution.strip("\"'")) < MIN_DISTINCTIVE:
        return False
    if not _is_literal(solution):
        return True
    return is_prompt and exercise.kind in ("date", "number")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) >= 40]


def leaks(notebook: dict, exercises: dict[str, Exercise],
          discussions: dict[str, dict[str, str]]) -> list[str]:
    """List solution text found in a student notebook (empty: the notebook is clean).

    Looks for: an ``answer_N_k`` line that is not the ``...`` placeholder; a solution
    written as code (``round(distance_between(...))``, six characters or more) anywhere; a
    date or number solution written as a literal (``"2013-01-11"``) in its own exercise's
    prompt, where it would give the answer away (elsewhere a lesson may state the fact it
    asks about); any sentence of forty characters or more from a discussion note.

    Example:
        >>> from helpers.exercises import load_exercises
        >>> cell = {"cell_type": "code", "source": "answer_0_1 = '2013-01-11'"}
        >>> leaks({"cells": [cell]}, load_exercises(), {})
        ["cell 1 fills in answer_0_1: answer_0_1 = '2013-01-11'"]
    """
    found = []
    for index, cell in enumerate(notebook["cells"], start=1):
        text = "".join(cell["source"])
        if cell["cell_type"] == "code":
            for match in ANSWER_LINE.finditer(text):
                if match["value"].strip() != "...":
                    found.append(f"cell {index} fills in answer_{match['n']}_{match['k']}: "
                                 f"{match[0].strip()}")
        for exercise in exercises.values():
            if _gives_away(exercise, text, is_prompt=cell["cell_type"] == "markdown"
                           and f"Exercise {exercise.key}**" in text):
                found.append(f"cell {index} shows the solution of {exercise.key}: "
                             f"{exercise.solution}")
        for number, table in discussions.items():
            for sentence in _sentences(table["surface"]):
                if sentence in text:
                    found.append(f"cell {index} shows instructor note {number}: {sentence[:60]}…")
    return found
