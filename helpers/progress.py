"""A student's progress summary: which exercises are done, and what to do next.

``progress("01-the-coup.ipynb")`` (one notebook) or ``progress(".")`` (every notebook in
the folder) reads the notebooks **as last saved** and reports, for every exercise, what
the saved check output says. Nothing is recorded anywhere: no global list of results,
no file written, no peeking at the caller's variables. The notebook file is the record,
so save first (*File → Save*, or Ctrl+S / Cmd+S); an exercise whose answer was written
but whose check has no saved output shows as "not run".

Statuses: ``correct``, ``incorrect`` (tried, not yet right), ``invalid`` (the checker
could not read the answer), ``unanswered`` (still ``...``), ``not run``. An exercise
whose ``reveal("N.k")`` cell has a saved output is marked *revealed*, so a student can
tell what they solved alone.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from helpers.edition_checks import ANSWER_LINE, output_text
from helpers.exercises import SYMBOLS

CHECK_CALL = re.compile(r'check\(\s*"(?P<key>[^"]+)"')
REVEAL_CALL = re.compile(r'reveal\(\s*"(?P<key>[^"]+)"')
LABELS = {"correct": "done", "incorrect": "tried, not yet right", "invalid": "answer unreadable",
          "unanswered": "not started", "not run": "answered, not run since last save"}


@dataclass(frozen=True)
class ExerciseStatus:
    """Where one exercise stands in a saved notebook."""

    notebook: str
    key: str
    status: str
    revealed: bool = False

    def describe(self) -> str:
        """Say the status in words, e.g. ``'done (after reveal)'``."""
        return LABELS[self.status] + (" (after reveal)" if self.revealed else "")


def exercise_statuses(notebook: dict, *, name: str) -> list[ExerciseStatus]:
    """Read every exercise's status from a notebook's saved cells and outputs.

    Example:
        >>> cell = {"cell_type": "code", "source": 'answer_0_1 = ...\\ncheck("0.1", answer_0_1)',
        ...         "outputs": []}
        >>> exercise_statuses({"cells": [cell]}, name="00.ipynb")[0].status
        'unanswered'
    """
    revealed = {match["key"] for cell in notebook["cells"] if cell["cell_type"] == "code"
                and cell.get("outputs") for match in REVEAL_CALL.finditer(_text(cell))}
    statuses = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for match in CHECK_CALL.finditer(_text(cell)):
            key = match["key"]
            statuses.append(ExerciseStatus(name, key, _status(cell), key in revealed))
    return statuses


def _text(cell: dict) -> str:
    return "".join(cell["source"])


def _status(cell: dict) -> str:
    shown = output_text(cell).strip()
    for status, symbol in SYMBOLS.items():
        if shown.startswith(symbol):
            return status
    answers = [m["value"].strip() for m in ANSWER_LINE.finditer(_text(cell))]
    return "unanswered" if not answers or answers == ["..."] * len(answers) else "not run"


@dataclass(frozen=True)
class Progress:
    """A progress summary; shows as a table in a notebook and as text elsewhere."""

    exercises: tuple[ExerciseStatus, ...]

    @property
    def done(self) -> int:
        """How many exercises are correct."""
        return sum(e.status == "correct" for e in self.exercises)

    def next_step(self) -> str:
        """Say what to do next: the first exercise not yet correct, in notebook order."""
        todo = next((e for e in self.exercises if e.status != "correct"), None)
        if not self.exercises:
            return "No exercises found: is the path a lesson notebook or the notebooks folder?"
        if todo is None:
            return "Every exercise is done. Go on to the discussion prompts and the next lesson."
        return f"Next: exercise {todo.key} in {todo.notebook} ({todo.describe()})."

    def summary(self) -> str:
        """One sentence: how many are done, how many revealed, what next."""
        revealed = sum(e.revealed for e in self.exercises)
        return (f"{self.done} of {len(self.exercises)} exercises done"
                f"{f', {revealed} with a solution revealed' if revealed else ''}. "
                f"{self.next_step()}")

    def __repr__(self) -> str:
        rows = [f"{e.notebook:<32} {e.key:<6} {e.describe()}" for e in self.exercises]
        return "\n".join([self.summary(), *rows])

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(e.notebook)}</td><td>{html.escape(e.key)}</td>"
                       f"<td>{html.escape(e.describe())}</td></tr>" for e in self.exercises)
        return (f'<div class="progress-summary"><p role="status">{html.escape(self.summary())}'
                "</p><table><thead><tr><th>notebook</th><th>exercise</th><th>status</th></tr>"
                f"</thead><tbody>{rows}</tbody></table></div>")


def read_notebook(path: Path) -> dict:
    """Read a saved notebook, or say which file could not be read and why."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"could not read {path.name} as a notebook: {err}") from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise ValueError(f"{path.name} is not a Jupyter notebook (it has no list of cells)")
    return notebook


def progress(path: str | Path = ".") -> Progress:
    """Summarise the exercises of one saved notebook, or of every notebook in a folder.

    Args:
        path: A notebook file, or a folder (``"."`` is the folder of the notebook you are
            in). Save your notebook first: only saved outputs count.

    Example:
        >>> from helpers.paths import repo_root
        >>> progress(repo_root() / "notebooks" / "00-start-here.ipynb").exercises[0].key
        '0.1'
    """
    where = Path(path)
    if where.is_dir():
        files = sorted(p for p in where.glob("*.ipynb") if re.match(r"\d{2}-", p.name))
    elif where.suffix == ".ipynb" and where.is_file():
        files = [where]
    else:
        raise ValueError(f"{str(path)!r} is neither a notebook (.ipynb) nor a folder; try "
                         'progress(".") for every notebook in this folder')
    return Progress(tuple(status for file in files
                          for status in exercise_statuses(read_notebook(file), name=file.name)))
