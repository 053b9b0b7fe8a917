"""Self-check exercises: ``check("0.1", answer)``, ``hint("0.1")`` and ``reveal("0.1")``.

Answers are passed explicitly (no peeking into the notebook). Each exercise's key lives in
``helpers/keys/lessonNN.toml``: its kind (``date``, ``number``, ``choice``, ``text``,
``items``), the accepted answer, specific feedback for foreseeable wrong answers, hints,
an explanation and a ``solution`` (a Python expression that the instructor edition puts
in place of the ``...`` placeholder).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

from helpers.answers import (
    AnswerFormatError,
    describe_type,
    normalise_text,
    parse_date_answer,
    parse_items_answer,
    parse_number_answer,
)

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
        given = parse_date_answer(answer)
        return given == parse_date_answer(exercise.answer), given.isoformat()
    if exercise.kind == "number":
        number = parse_number_answer(answer)
        within = abs(number - float(exercise.answer)) <= exercise.tolerance
        return within, str(int(number)) if number.is_integer() else str(number)
    if exercise.kind == "items":
        items = parse_items_answer(answer)
        return items == parse_items_answer(exercise.answer), ", ".join(sorted(items))
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
