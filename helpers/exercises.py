"""Self-check exercises (``check``, ``hint``, ``reveal``) and a learner's progress.

Two switches for instructors, both off by default: ``$HELPERS_EXERCISE_LOG`` makes ``check``
and ``reveal`` append what they saw to a file (the class report sets it), and a
``keys/graded-key.json`` of salted answer hashes replaces the readable keys in the graded
edition.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from helpers.language import LANGUAGES, current_language, translate
from helpers.readers import (
    AnswerFormatError,
    describe_type,
    normalise_text,
    read_date,
    read_items,
    read_number,
    unwrap_value,
)

# Self-check exercises: ``check("0.1", answer)``, ``hint("0.1")`` and ``reveal("0.1")``.

KINDS = ("date", "number", "choice", "text", "items")
SYMBOLS = {"correct": "✔ Correct", "incorrect": "✘ Not yet", "unanswered": "… No answer yet",
           "invalid": "⚠ Can't read that"}


def status_symbol(status: str, *, language: str | None = None) -> str:
    """Return the mark and word that open a check's feedback, in the lesson's language.

    Example:
        >>> status_symbol("incorrect", language="en"), status_symbol("incorrect", language="fr")
        ('✘ Not yet', '✘ Pas encore')
    """
    symbols = {"correct": translate("✔ Correct", language=language),
               "incorrect": translate("✘ Not yet", language=language),
               "unanswered": translate("… No answer yet", language=language),
               "invalid": translate("⚠ Can't read that", language=language)}
    return symbols[status]


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
    digests: tuple[str, ...] = ()
    salt: str = ""
    step: float = 0.0
    unit: str = ""


@dataclass(frozen=True)
class Feedback:
    """The result of a check; true when correct, and displayed as a short coloured note."""

    key: str
    status: str
    message: str

    def __bool__(self) -> bool:
        return self.status == "correct"

    def __repr__(self) -> str:
        return f"{status_symbol(self.status)} ({self.key}): {self.message}"

    def _repr_html_(self) -> str:
        colour = {"correct": "#009E73", "incorrect": "#D55E00"}.get(self.status, "#0072B2")
        return (f'<div role="status" style="border-left:6px solid {colour};padding:4px 10px">'
                f"<strong>{status_symbol(self.status)}</strong> ({html.escape(self.key)}): "
                f"{html.escape(self.message)}</div>")


def keys_dir() -> Path:
    """Return the folder holding the exercise keys."""
    return Path(__file__).resolve().parent / "keys"


REQUIRED_FIELDS = ("prompt", "kind", "answer", "solution", "explanation")


def load_exercises(*, folder: Path | None = None) -> dict[str, Exercise]:
    """Load every exercise key, checking that keys are unique and well formed.

    Example:
        >>> load_exercises()["0.1"].kind
        'date'
    """
    exercises: dict[str, Exercise] = {}
    for path in sorted((folder or keys_dir()).glob("*.toml")):
        for key, exercise in _read_key_file(path).items():
            if key in exercises:
                raise ValueError(f"{path.name}: exercise {key!r} is defined twice")
            exercises[key] = exercise
    for key, exercise in load_graded_key(folder or keys_dir()).items():
        if key in exercises:
            raise ValueError(f"{GRADED_KEY}: exercise {key!r} is also in a .toml key")
        exercises[key] = exercise
    return exercises


def _read_key_file(path: Path) -> dict[str, Exercise]:
    """The exercises of one key file, in the lesson's language, each checked."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("exercise", {})
    translations = read_translated_key(path)
    exercises: dict[str, Exercise] = {}
    for key, entry in entries.items():
        if entry.get("kind") not in KINDS:
            raise ValueError(f"{path.name}: exercise {key!r} needs kind, one of {KINDS}")
        missing = [name for name in REQUIRED_FIELDS if name not in entry]
        if missing:
            raise ValueError(f"{path.name}: exercise {key!r} has no "
                             f"{', '.join(missing)}; every key needs "
                             f"{', '.join(REQUIRED_FIELDS)}")
        entry = _translated_entry(entry, translations.get(key, {}))
        if entry.get("unit", "") and entry["unit"] not in UNIT_SLIPS:
            raise ValueError(f"{path.name}: exercise {key!r} has unit {entry['unit']!r}; "
                             f"known units: {', '.join(UNIT_SLIPS)}")
        exercises[key] = Exercise(
            key=key, prompt=entry["prompt"], kind=entry["kind"], answer=entry["answer"],
            solution=entry["solution"], explanation=entry["explanation"],
            tolerance=float(entry.get("tolerance", 0)),
            accept=tuple(entry.get("accept", ())), hints=tuple(entry.get("hints", ())),
            feedback=dict(entry.get("feedback", {})), unit=entry.get("unit", ""))
    return exercises


TRANSLATED_FIELDS = ("prompt", "explanation", "hints", "feedback", "accept")


def read_translated_key(path: Path, *, language: str | None = None) -> dict[str, dict]:
    """Read the lesson's language's version of one English key file, if it has one.

    ``keys/<language>/lessonNN.toml`` holds, per exercise, the translated ``prompt``,
    ``explanation``, ``hints``, ``feedback`` and extra ``accept`` forms; the answer, kind,
    tolerance and solution always come from the English key. English reads nothing.

    Example:
        >>> len(read_translated_key(keys_dir() / "lesson00.toml", language="fr")["0.1"]["hints"])
        2
        >>> read_translated_key(keys_dir() / "lesson00.toml", language="en")
        {}
    """
    code = current_language(language=language)
    translated = path.parent / code / path.name
    if code == "en" or not translated.is_file():
        return {}
    with translated.open("rb") as handle:
        entries = tomllib.load(handle).get("exercise", {})
    for key, entry in entries.items():
        unknown = sorted(set(entry) - set(TRANSLATED_FIELDS))
        if unknown:
            raise ValueError(f"{code}/{path.name}: exercise {key!r} translates "
                             f"{', '.join(unknown)}; a translation holds only "
                             f"{', '.join(TRANSLATED_FIELDS)}")
    return entries


def _translated_entry(english: dict, translated: dict) -> dict:
    if not translated:
        return english
    accept = [*english.get("accept", ()), *translated.get("accept", ())]
    return {**english, **translated, "accept": accept}


def get_exercise(key: str) -> Exercise:
    """Return one exercise, or say which keys exist.

    Exercise ``N.x`` is looked for first in its lesson's key file (``lessonNN.toml``), so
    a check reads one file, not every lesson's.

    Example:
        >>> get_exercise("2.3").kind
        'number'
    """
    key = str(key)
    lesson = re.fullmatch(r"(\d+)\.\w+", key)
    lesson_file = keys_dir() / f"lesson{int(lesson[1]):02d}.toml" if lesson else None
    if lesson_file is not None and lesson_file.exists():
        exercise = _read_key_file(lesson_file).get(key)
        if exercise is not None:
            return exercise
    exercises = load_exercises()
    if key not in exercises:
        raise ValueError(translate("there is no exercise {key!r}; exercises: {keys}", key=key,
                                   keys=", ".join(exercises)))
    return exercises[key]


def check(key: str, answer: object) -> Feedback:
    """Check an answer and say specifically what is right or wrong.

    Example:
        >>> check("0.1", "11 January 2013").status
        'correct'
        >>> check("0.1", ...).status
        'unanswered'
    """
    exercise = get_exercise(key)
    feedback = _judge(exercise, answer)
    log_event({"event": "check", "key": exercise.key, "status": feedback.status,
               "answer": _given_text(exercise, answer), "message": feedback.message})
    return feedback


def _judge(exercise: Exercise, answer: object) -> Feedback:
    answer = unwrap_value(answer)
    if answer is ... or answer is None or (isinstance(answer, str) and not answer.strip()):
        return Feedback(exercise.key, "unanswered",
                        translate("replace ... with your answer, then run the cell again."))
    try:
        correct, normalised = (_compare_graded if exercise.digests else _compare)(
            exercise, answer)
    except AnswerFormatError as err:
        return Feedback(exercise.key, "invalid", f"{err}.")
    if correct:
        return Feedback(exercise.key, "correct", exercise.explanation)
    message = exercise.feedback.get(normalised)
    if message is None and exercise.digests:
        message = translate("that is not it: check your working and try again.")
    if message is None:
        message = _slip_message(exercise, answer)
    if message is None:
        message = translate("that is not it. Try hint({key!r}) for a clue.", key=exercise.key)
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
    answer = one_text_answer(answer)
    given = normalise_text(answer)
    return bool(text_readings(exercise, answer) & accepted_texts(exercise)), given


def one_text_answer(answer: object) -> str | int | float:
    """Return the one answer a text or choice exercise was given, or say what to give.

    A list, tuple or set holding one value stands for that value.

    Example:
        >>> one_text_answer(["mujao"])
        'mujao'
    """
    if isinstance(answer, (list, tuple, set, frozenset, dict)) and len(answer) == 1:
        answer = next(iter(answer))
    if not isinstance(answer, (str, int, float)) or isinstance(answer, bool):
        raise AnswerFormatError(translate("expected one answer, as text in quotes; you gave "
                                          "{kind}", kind=describe_type(answer)))
    if isinstance(answer, str) and len(answer) > 300:
        raise AnswerFormatError(translate("that answer is {length} characters long; give just "
                                          "the answer, in a few words", length=len(answer)))
    return answer


def accepted_texts(exercise: Exercise) -> set[str]:
    """Return every normalised text an exercise accepts, with singular and plural forms.

    Example:
        >>> sorted(accepted_texts(get_exercise("4.3")))
        ['policies', 'policy']
    """
    accepted = {normalise_text(exercise.answer), *map(normalise_text, exercise.accept)}
    return {form for text in accepted for form in _number_forms(text)}


def _number_forms(text: str) -> set[str]:
    forms = {text}
    if len(text) > 3 and not re.search(r"\d", text):
        if text.endswith("y"):
            forms.add(text[:-1] + "ies")
        else:
            forms.add(text + ("es" if text.endswith(("s", "x", "ch", "sh")) else "s"))
    return forms


def text_readings(exercise: Exercise, answer: object) -> set[str]:
    """Return the ways a text answer can be read: as typed, without or only its bracketed
    part, and, for a lettered choice, the letter when the words after it fit that option.

    Example:
        >>> sorted(text_readings(get_exercise("1.2"), "African Union (AU)"))
        ['african union', 'african union au', 'au']
    """
    raw = str(answer).strip()
    readings = {normalise_text(raw)}
    bracket = re.fullmatch(r"(.*?)\s*\((.+)\)\s*", raw)
    if bracket and bracket[1]:
        readings |= {normalise_text(bracket[1]), normalise_text(bracket[2])}
    options = choice_options(exercise.prompt)
    labelled = re.fullmatch(r"\(?([a-e])\s*[).:]\s*(.*)", raw, re.I | re.S)
    if options and labelled:
        letter, words = labelled[1].lower(), normalise_text(labelled[2])
        if not words or options.get(letter, "").startswith(words):
            readings.add(letter)
    words = normalise_text(raw)
    if options and len(words.split()) >= 3:
        readings |= {letter for letter, text in options.items() if text.startswith(words)}
    return {reading for reading in readings if reading}


def choice_options(prompt: str) -> dict[str, str]:
    """Read the lettered options ("a) ...; b) ...") out of an exercise prompt.

    Example:
        >>> choice_options("Which? a) the UN b) France")
        {'a': 'the un', 'b': 'france'}
    """
    parts = re.split(r"(?:^|\s)\(?([a-e])\)\s", prompt)
    letters = parts[1::2]
    if letters != [chr(ord("a") + i) for i in range(len(letters))] or len(letters) < 2:
        return {}
    return {letter: normalise_text(text) for letter, text in zip(letters, parts[2::2], strict=True)}


# Foreseeable slips: the right figure in the wrong unit, half a list, a misspelt word.

UNIT_SLIPS = {
    "km": [(1 / 1.609344, "That looks like miles: the question asks for kilometres.")],
    "million dollars": [(1e6, "That looks like a figure in dollars: give it in millions of "
                              "dollars (1,000,000 dollars is 1).")],
    "percent": [(0.01, "That looks like a fraction: give a percentage (a half is 50, "
                       "not 0.5).")],
    "ratio": [(-1, "That is the ratio the other way round: divide the later figure by the "
                   "earlier one.")],
}


def _slip_message(exercise: Exercise, answer: object) -> str | None:
    if exercise.kind == "number":
        return _unit_slip(exercise, read_number(answer))
    if exercise.kind == "items":
        return _items_slip(read_items(answer), read_items(exercise.answer))
    given = normalise_text(answer)
    if any(_one_letter_apart(given, text) for text in accepted_texts(exercise)):
        return translate("Very close: one letter differs from an accepted answer. Check the "
                         "spelling.")
    return None


def _unit_slip(exercise: Exercise, number: float) -> str | None:
    target = float(exercise.answer)
    for factor, message in UNIT_SLIPS.get(exercise.unit, []):
        expected = 1 / target if factor == -1 and target else target * factor
        margin = max(exercise.tolerance * abs(factor) if factor != -1 else 0.05,
                     abs(expected) * 0.02)
        if abs(number - expected) <= margin:
            return translate(message)
    return None


def _items_slip(given: set[str], expected: set[str]) -> str | None:
    right, extra = given & expected, sorted(given - expected)
    if not right:
        return None
    parts = [translate("{right} of your {given} items are right", right=len(right),
                       given=len(given))]
    missing = len(expected) - len(right)
    if missing == 1:
        parts.append(translate("1 more belongs in the answer"))
    elif missing > 1:
        parts.append(translate("{missing} more belong in the answer", missing=missing))
    if extra:
        parts.append(translate("not part of the answer: {items}",
                               items=", ".join(repr(item) for item in extra)))
    return "; ".join(parts) + "."


def _one_letter_apart(given: str, text: str) -> bool:
    if len(text) < 4 or given == text or abs(len(given) - len(text)) > 1:
        return False
    if len(given) == len(text):
        return sum(a != b for a, b in zip(given, text, strict=True)) == 1
    short, long = sorted((given, text), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@dataclass(frozen=True)
class Hint:
    """A hint, shown as formatted text in a notebook and as plain text elsewhere."""

    key: str
    text: str

    def __repr__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return translate("**Hint ({key})**: {text}", key=self.key, text=self.text)


def hint(key: str, number: int = 1) -> Hint:
    """Return hint number ``number`` (1 is the gentlest) for an exercise.

    Example:
        >>> repr(hint("0.1")).startswith("Hint 1 of")
        True
    """
    exercise = get_exercise(key)
    if exercise.digests:
        return Hint(exercise.key, translate("Hints for {key} are not part of the graded "
                                            "edition.", key=key))
    if not exercise.hints:
        return Hint(exercise.key, translate("Exercise {key} has no hints; reveal({key!r}) "
                                            "shows the solution.", key=key))
    index = min(max(int(number), 1), len(exercise.hints))
    return Hint(exercise.key, translate("Hint {index} of {count}: {text}", index=index,
                                        count=len(exercise.hints),
                                        text=exercise.hints[index - 1]))


@dataclass(frozen=True)
class Solution:
    """A revealed solution: the answer, the code that produces it, and why."""

    key: str
    answer: object
    solution: str
    explanation: str

    def __repr__(self) -> str:
        return translate("Solution {key}: {answer}\nIn code: answer = {solution}\nWhy: "
                         "{explanation}", key=self.key, answer=self.answer,
                         solution=self.solution, explanation=self.explanation)


def reveal(key: str) -> Solution:
    """Show an exercise's solution: call it on purpose, after trying.

    Example:
        >>> reveal("0.1").answer
        '2013-01-11'
    """
    exercise = get_exercise(key)
    log_event({"event": "reveal", "key": exercise.key})
    if exercise.digests:
        return Solution(exercise.key, translate("(not in the graded edition)"), "...",
                        translate("solutions are shown after the deadline, by your "
                                  "instructor."))
    return Solution(exercise.key, exercise.answer, exercise.solution, exercise.explanation)


# Recording what check and reveal saw, for the class report (off unless the variable is set).

LOG_VARIABLE = "HELPERS_EXERCISE_LOG"


def log_event(event: dict) -> None:
    """Append one event as a JSON line to the file named by ``$HELPERS_EXERCISE_LOG``.

    Does nothing when the variable is unset (the default); ``scripts/class_report.py`` sets
    it for each submission it re-executes.

    Example:
        >>> log_event({"event": "reveal", "key": "0.1"}) is None
        True
    """
    target = os.environ.get(LOG_VARIABLE)
    if not target:
        return
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(event, ensure_ascii=False) + "\n")


def _given_text(exercise: Exercise, answer: object) -> str:
    try:
        return (_compare_graded if exercise.digests else _compare)(exercise, answer)[1]
    except (AnswerFormatError, TypeError, ValueError):
        return repr(answer)[:200]


# The graded edition's key: salted hashes of the normalised accepted answers, no solutions.

GRADED_KEY = "graded-key.json"


def answer_digest(salt: str, key: str, normalised: str) -> str:
    """Return the salted SHA-256 of one normalised answer to one exercise.

    Example:
        >>> len(answer_digest("salt", "0.1", "2013-01-11"))
        64
    """
    return hashlib.sha256(f"{salt}|{key}|{normalised}".encode()).hexdigest()


def number_step(tolerance: float) -> float:
    """Return the grid a graded number answer is rounded to: a tenth of the tolerance's scale.

    Example:
        >>> number_step(10), number_step(0.05), number_step(0)
        (1.0, 0.001, 1e-06)
    """
    if tolerance <= 0:
        return 1e-06
    return 10.0 ** (math.floor(math.log10(tolerance)) - 1)


def number_text(number: float, step: float) -> str:
    """Write a number rounded to ``step`` in one canonical way.

    Example:
        >>> number_text(513.4, 1.0), number_text(5.3, 0.001)
        ('513', '5.300')
    """
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    return f"{round(number / step) * step:.{decimals}f}"


def load_graded_key(folder: Path) -> dict[str, Exercise]:
    """Read the graded edition's key (``graded-key.json``), if the folder has one."""
    path = folder / GRADED_KEY
    if not path.exists():
        return {}
    table = json.loads(path.read_text(encoding="utf-8"))
    return {key: Exercise(key=key, prompt=entry["prompt"], kind=entry["kind"], answer=None,
                          solution="", explanation=translate("that is right."),
                          digests=tuple(entry["digests"]), salt=table["salt"],
                          step=float(entry.get("step", 0)))
            for key, entry in table["exercise"].items()}


def _compare_graded(exercise: Exercise, answer: object) -> tuple[bool, str]:
    if exercise.kind == "date":
        given = read_date(answer).isoformat()
    elif exercise.kind == "number":
        given = number_text(read_number(answer), exercise.step)
    elif exercise.kind == "items":
        given = ", ".join(sorted(read_items(answer)))
    else:
        answer = one_text_answer(answer)
        readings = text_readings(exercise, answer)
        return any(answer_digest(exercise.salt, exercise.key, reading) in exercise.digests
                   for reading in readings), normalise_text(answer)
    return answer_digest(exercise.salt, exercise.key, given) in exercise.digests, given


# A student's progress summary: which exercises are done, and what to do next.

CHECK_CALL = re.compile(r"""check\(\s*(?P<q>["'])(?P<key>[^"']+)(?P=q)""")
REVEAL_CALL = re.compile(r"""reveal\(\s*(?P<q>["'])(?P<key>[^"']+)(?P=q)""")
RANK = ("unanswered", "not run", "invalid", "incorrect", "correct")
WORK_FOLDERS = ("notebooks", "my-work")


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
        labels = {"correct": translate("done"), "incorrect": translate("tried, not yet right"),
                  "invalid": translate("answer unreadable"), "unanswered": translate("not started"),
                  "not run": translate("answered, not run since last save")}
        if self.revealed:
            return translate("{status} (after reveal)", status=labels[self.status])
        return labels[self.status]


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
    for status in SYMBOLS:
        if any(shown.startswith(status_symbol(status, language=code)) for code in LANGUAGES):
            return status
    answers = [m["value"].strip() for m in ANSWER_LINE.finditer(_text(cell))]
    return "unanswered" if not answers or answers == ["..."] * len(answers) else "not run"


@dataclass(frozen=True)
class Progress:
    """A progress summary; shows as a table in a notebook and as text elsewhere."""

    exercises: tuple[ExerciseStatus, ...]
    unreadable: tuple[str, ...] = ()

    @property
    def done(self) -> int:
        """How many exercises are correct."""
        return sum(e.status == "correct" for e in self.exercises)

    def next_step(self) -> str:
        """Say what to do next: the first exercise not yet correct, in notebook order."""
        todo = next((e for e in self.exercises if e.status != "correct"), None)
        if not self.exercises:
            return translate("No exercises found: is the path a lesson notebook or the "
                             "notebooks folder?")
        if todo is None:
            return translate("Every exercise is done. Go on to the discussion prompts and the "
                             "next lesson.")
        return translate("Next: exercise {key} in {notebook} ({status}).", key=todo.key,
                         notebook=todo.notebook, status=todo.describe())

    def summary(self) -> str:
        """One sentence: how many are done, how many revealed, what next."""
        revealed = sum(e.revealed for e in self.exercises)
        done = translate("{done} of {total} exercises done", done=self.done,
                         total=len(self.exercises))
        if revealed:
            done = translate("{done}, {revealed} with a solution revealed", done=done,
                             revealed=revealed)
        text = translate("{done}. {next}", done=done, next=self.next_step())
        if self.unreadable:
            text = translate("{text} Skipped: {files}.", text=text,
                             files="; ".join(self.unreadable))
        return text

    def __repr__(self) -> str:
        rows = [f"{e.notebook:<32} {e.key:<6} {e.describe()}" for e in self.exercises]
        return "\n".join([self.summary(), *rows])

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><td>{html.escape(e.notebook)}</td><td>{html.escape(e.key)}</td>"
                       f"<td>{html.escape(e.describe())}</td></tr>" for e in self.exercises)
        return (f'<div class="progress-summary"><p role="status">{html.escape(self.summary())}'
                f"</p><table><thead><tr><th>{html.escape(translate('notebook'))}</th>"
                f"<th>{html.escape(translate('exercise'))}</th>"
                f"<th>{html.escape(translate('status'))}</th></tr>"
                f"</thead><tbody>{rows}</tbody></table></div>")


def read_notebook(path: Path) -> dict:
    """Read a saved notebook, or say which file could not be read and why."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(translate("could not read {name} as a notebook: {error}",
                                   name=path.name, error=err)) from None
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise ValueError(translate("{name} is not a Jupyter notebook (it has no list of cells)",
                                   name=path.name))
    return notebook


def progress(path: str | Path = ".") -> Progress:
    """Summarise the exercises of one saved notebook, or of every notebook in a folder.

    Each exercise is listed once, at its best status across the notebooks read, so a copy
    (``01-the-coup-Copy1.ipynb``) is not counted twice. From ``notebooks/`` or ``my-work/``
    both folders are read: work saved in ``my-work/`` counts from any lesson.

    Args:
        path: A notebook file, or a folder (``"."`` is the folder of the notebook you are
            in). Save your notebook first: only saved outputs count.

    Example:
        >>> from helpers.data import repo_root
        >>> progress(repo_root() / "notebooks" / "00-start-here.ipynb").exercises[0].key
        '0.1'
    """
    where = Path(path)
    if where.suffix == ".ipynb" and where.is_file():
        return Progress(tuple(exercise_statuses(read_notebook(where), name=where.name)))
    if not where.is_dir():
        raise ValueError(translate("{path!r} is neither a notebook (.ipynb) nor a folder; try "
                                   'progress(".") for every notebook in this folder',
                                   path=str(path)))
    statuses, unreadable = [], []
    folders = work_folders(where)
    for file in sorted(f for folder in folders for f in folder.glob("*.ipynb")):
        name = f"{file.parent.name}/{file.name}" if len(folders) > 1 else file.name
        try:
            statuses += exercise_statuses(read_notebook(file), name=name)
        except (ValueError, KeyError, TypeError) as err:
            unreadable.append(str(err))
    return Progress(best_statuses(statuses), tuple(unreadable))


def work_folders(folder: Path) -> list[Path]:
    """Return the folders whose notebooks count: ``notebooks/`` and ``my-work/`` together
    when ``folder`` is one of them, otherwise ``folder`` alone.

    Example:
        >>> from helpers.data import repo_root
        >>> [f.name for f in work_folders(repo_root() / "notebooks")]
        ['notebooks', 'my-work']
    """
    folder = folder.resolve()
    siblings = [folder.parent / name for name in WORK_FOLDERS]
    if folder.name in WORK_FOLDERS and all(sibling.is_dir() for sibling in siblings):
        return siblings
    return [folder]


def best_statuses(statuses: list[ExerciseStatus]) -> tuple[ExerciseStatus, ...]:
    """Keep one status per exercise, the furthest along, in exercise order.

    Example:
        >>> rows = [ExerciseStatus("a", "0.1", "correct"), ExerciseStatus("b", "0.1", "unanswered")]
        >>> [row.notebook for row in best_statuses(rows)]
        ['a']
    """
    best: dict[str, ExerciseStatus] = {}
    for status in statuses:
        known = best.get(status.key)
        if known is None or RANK.index(status.status) > RANK.index(known.status):
            revealed = status.revealed or (known is not None and known.revealed)
            best[status.key] = ExerciseStatus(status.notebook, status.key, status.status,
                                              revealed)
    return tuple(sorted(best.values(), key=lambda s: _key_order(s.key)))


def _key_order(key: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in key.split("."))
