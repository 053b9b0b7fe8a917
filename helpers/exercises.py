"""Self-check exercises (``check``, ``hint``, ``reveal``) and a learner's progress.
"""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from helpers.readers import (
    AnswerFormatError,
    describe_type,
    normalise_text,
    read_date,
    read_items,
    read_number,
)

# Self-check exercises: ``check("0.1", answer)``, ``hint("0.1")`` and ``reveal("0.1")``.

KINDS = ("date", "number", "choice", "text", "items")
SYMBOLS = {"correct": "✔ Correct", "incorrect": "✘ Not yet", "unanswered": "… No answer yet",
           "invalid": "⚠ Can't read that"}


@dataclass(frozen=True)
class Exercise:
    """One exercise's key, as written in ``helpers/keys/*.toml``."""

    key: str
    prompt: str
    kind: str
    answer: object
    solution: str
    explanation: str
    tolerance: float = 0.0
    accept: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    feedback: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Feedback:
    """The result of a check; true when correct, and displayed as a short coloured note."""

    key: str
    status: str
    message: str

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{SYMBOLS[self.status]} ({self.key}): {self.message}"

    def _repr_html_(self) -> str:
        colour = {"correct": "#009E73", "incorrect": "#D55E00"}.get(self.status, "#0072B2")
        return (f'<div role="status" style="border-left:6px solid {colour};padding:4px 10px">'
                f"<strong>{SYMBOLS[self.status]}</strong> ({html.escape(self.key)}): "
                f"{html.escape(self.message)}</div>")


def keys_dir() -> Path:
    """Return the folder holding the exercise keys."""
    return Path(__file__).resolve().parent / "keys"


def load_exercises(*, folder: Path | None = None) -> dict[str, Exercise]:
    """Load every exercise key, checking that keys are unique and well formed.

    Example:
        >>> load_exercises()["0.1"].kind
        'date'
    """
    exercises: dict[str, Exercise] = {}
    for path in sorted((folder or keys_dir()).glob("*.toml")):
        with path.open("rb") as handle:
            entries = tomllib.load(handle).get("exercise", {})
        for key, entry in entries.items():
            if key in exercises:
                raise ValueError(f"{path.name}: exercise {key!r} is defined twice")
            if entry.get("kind") not in KINDS:
                raise ValueError(f"{path.name}: exercise {key!r} needs kind, one of {KINDS}")
            exercises[key] = Exercise(
                key=key, prompt=entry["prompt"], kind=entry["kind"], answer=entry["answer"],
                solution=entry["solution"], explanation=entry["explanation"],
                tolerance=float(entry.get("tolerance", 0)),
                accept=tuple(entry.get("accept", ())), hints=tuple(entry.get("hints", ())),
                feedback=dict(entry.get("feedback", {})))
    return exercises


def get_exercise(key: str) -> Exercise:
    """Return one exercise, or say which keys exist."""
    exercises = load_exercises()
    if str(key) not in exercises:
        raise ValueError(f"there is no exercise {key!r}; exercises: {', '.join(exercises)}")
    return exercises[str(key)]


def check(key: str, answer: object) -> Feedback:
    """Check an answer and say specifically what is right or wrong.

    Example:
        >>> check("0.1", "11 January 2013").status
        'correct'
        >>> check("0.1", ...).status
        'unanswered'
    """
    exercise = get_exercise(key)
    if answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(exercise.key, "unanswered",
                        "replace ... with your answer, then run the cell again.")
    try:
        correct, normalised = _compare(exercise, answer)
    except AnswerFormatError as err:
        return Feedback(exercise.key, "invalid", f"{err}.")
    if correct:
        return Feedback(exercise.key, "correct", exercise.explanation)
    message = exercise.feedback.get(normalised)
    if message is None:
        message = "that is not it. Try hint(" + repr(exercise.key) + ") for a clue."
    return Feedback(exercise.key, "incorrect", message)


def _compare(exercise: Exercise, answer: object) -> tuple[bool, str]:
    if exercise.kind == "date":
        given = read_date(answer)
        return given == read_date(exercise.answer), given.isoformat()
    if exercise.kind == "number":
        number = read_number(answer)
        within = abs(number - float(exercise.answer)) <= exercise.tolerance
        return within, str(int(number)) if number.is_integer() else str(number)
    if exercise.kind == "items":
        items = read_items(answer)
        return items == read_items(exercise.answer), ", ".join(sorted(items))
    if not isinstance(answer, (str, int, float)) or isinstance(answer, bool):
        raise AnswerFormatError(f"expected text such as \"{exercise.answer}\"; "
                                f"you gave {describe_type(answer)}")
    given = normalise_text(answer)
    accepted = {normalise_text(exercise.answer), *map(normalise_text, exercise.accept)}
    return given in accepted, given


def hint(key: str, number: int = 1) -> str:
    """Return hint number ``number`` (1 is the gentlest) for an exercise.

    Example:
        >>> hint("0.1").startswith("Hint 1 of")
        True
    """
    exercise = get_exercise(key)
    if not exercise.hints:
        return f"Exercise {key} has no hints; reveal({key!r}) shows the solution."
    index = min(max(int(number), 1), len(exercise.hints))
    return f"Hint {index} of {len(exercise.hints)}: {exercise.hints[index - 1]}"


@dataclass(frozen=True)
class Solution:
    """A revealed solution: the answer, the code that produces it, and why."""

    key: str
    answer: object
    solution: str
    explanation: str

    def __repr__(self) -> str:
        return (f"Solution {self.key}: {self.answer}\nIn code: answer = {self.solution}\n"
                f"Why: {self.explanation}")


def reveal(key: str) -> Solution:
    """Show an exercise's solution: call it on purpose, after trying.

    Example:
        >>> reveal("0.1").answer
        '2013-01-11'
    """
    exercise = get_exercise(key)
    return Solution(exercise.key, exercise.answer, exercise.solution, exercise.explanation)


# A student's progress summary: which exercises are done, and what to do next.

CHECK_CALL = re.compile(r'check\(\s*"(?P<key>[^"]+)"')
REVEAL_CALL = re.compile(r'reveal\(\s*"(?P<key>[^"]+)"')
LABELS = {"correct": "done", "incorrect": "tried, not yet right", "invalid": "answer unreadable",
          "unanswered": "not started", "not run": "answered, not run since last save"}


ANSWER_LINE = re.compile(r"^[ \t]*answer_(?P<n>\d+)_(?P<k>\d+)[ \t]*=(?P<value>.*)$", re.M)


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
        >>> from helpers.data import repo_root
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
