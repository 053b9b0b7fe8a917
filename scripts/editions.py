"""Build the instructor edition and check editions for leaks (maintainer tooling).

The instructor notes for the discussion prompts live in ``docs/discussion/lessonNN.toml``,
beside the guide, not in the student package; the French edition's in
``docs/discussion/fr/lessonNN.toml`` (same structure).
"""

from __future__ import annotations

import ast
import copy
import re
import tomllib
from pathlib import Path

from helpers.data import repo_root
from helpers.exercises import ANSWER_LINE, SYMBOLS, Exercise, output_text

# Make the instructor edition of a lesson notebook from the student notebook and its key.

PLACEHOLDER = re.compile(
    r"^(?P<indent>[ \t]*)answer_(?P<n>\d+)_(?P<k>\d+)[ \t]*=[ \t]*\.\.\.[ \t]*$", re.M)
# The discussion section's heading in each edition ("## For discussion"; in French any level-2
# heading about discussion or debate, e.g. "## Pour la discussion", "## À débattre").
DISCUSSION_HEADINGS = {
    "en": re.compile(r"^## For discussion", re.M),
    "fr": re.compile(r"^## [^\n]*(discussion|discuter|débat)", re.M | re.IGNORECASE),
}
DISCUSSION_HEADING = DISCUSSION_HEADINGS["en"]
DISCUSSION_NAMES = {"en": "'## For discussion'",
                    "fr": "'## Pour la discussion' (or another heading about discussion)"}
NOTES_MARKER = "instructor-notes"
BANNER_MARKER = "instructor-banner"


def placeholder_key(n: str, k: str) -> str:
    """Turn the digits of ``answer_N_k`` into the exercise key ``"N.k"``.

    Example:
        >>> placeholder_key("06", "2")
        '6.2'
    """
    return f"{int(n)}.{int(k)}"


def lesson_number(notebook_name: str) -> str:
    """Return the two-digit lesson number a notebook's file name starts with.

    Example:
        >>> lesson_number("04-us-law.ipynb")
        '04'
    """
    match = re.match(r"(\d{2})-", Path(notebook_name).name)
    if not match:
        raise ValueError(f"{notebook_name}: a lesson notebook's name starts with two digits "
                         "and a hyphen, e.g. 04-us-law.ipynb")
    return match[1]


def edition_notebooks(language: str = "en") -> list[Path]:
    """Return one edition's lesson notebooks: ``notebooks/`` in English, else
    ``notebooks/<language>/``.

    Example:
        >>> [p.relative_to(repo_root()).as_posix() for p in edition_notebooks("fr")][0]
        'notebooks/fr/00-start-here.ipynb'
    """
    folder = repo_root() / "notebooks"
    return sorted((folder if language == "en" else folder / language).glob("*.ipynb"))


def notes_file(notebook_name: str, *, language: str = "en") -> Path:
    """Return the file of instructor notes for a lesson notebook in one edition's language.

    Example:
        >>> notes_file("04-us-law.ipynb").relative_to(repo_root()).as_posix()
        'docs/discussion/lesson04.toml'
        >>> notes_file("04-us-law.ipynb", language="fr").relative_to(repo_root()).as_posix()
        'docs/discussion/fr/lesson04.toml'
    """
    folder = repo_root() / "docs" / "discussion"
    if language != "en":
        folder = folder / language
    return folder / f"lesson{lesson_number(notebook_name)}.toml"


def load_discussions(path: Path) -> dict[str, dict[str, str]]:
    """Read the ``[discussion."N"]`` tables of one notes file, in prompt order.

    Example:
        >>> sorted(load_discussions(notes_file("00-start-here.ipynb")))
        ['1', '2']
    """
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        tables = tomllib.load(handle).get("discussion", {})
    for number, table in tables.items():
        missing = [field for field in ("prompt", "surface") if not table.get(field)]
        if missing:
            raise ValueError(f"{path.name}: discussion {number!r} needs {' and '.join(missing)}")
    return dict(sorted(tables.items(), key=lambda item: int(item[0])))


def fill_solutions(source: str, exercises: dict[str, Exercise]) -> str:
    """Replace every ``answer_N_k = ...`` line of a cell with exercise ``N.k``'s solution.

    Example:
        >>> from helpers.exercises import load_exercises
        >>> fill_solutions('answer_0_1 = ...\\ncheck("0.1", answer_0_1)', load_exercises())
        'answer_0_1 = "2013-01-11"\\ncheck("0.1", answer_0_1)'
    """
    def replace(match: re.Match[str]) -> str:
        key = placeholder_key(match["n"], match["k"])
        if key not in exercises:
            raise ValueError(f"answer_{match['n']}_{match['k']} has no key: add "
                             f'[exercise."{key}"] with a solution to helpers/keys/')
        return f"{match['indent']}answer_{match['n']}_{match['k']} = {exercises[key].solution}"

    return PLACEHOLDER.sub(replace, source)


NOTES_TEXT = {
    "en": ("> **Instructor notes — not in the student notebook.** "
           "What a good discussion surfaces:",
           "> *No notes yet: add `[discussion.\"N\"]` tables to {key_file}.*"),
    "fr": ("> **Notes pour l'enseignant — absentes du carnet de l'élève.** "
           "Ce qu'une bonne discussion fait ressortir :",
           "> *Pas encore de notes : ajoutez des tables `[discussion.\"N\"]` à {key_file}.*"),
}
BANNER_TEXT = {
    "en": ("> **INSTRUCTOR EDITION of `{name}`** — generated by `make instructor`; "
           "do not edit by hand and do not hand it to students. Every exercise is filled in "
           "with its solution and executed; instructor notes follow the discussion prompts. "
           "Session plans and timings: `docs/instructor-guide.md`; this lesson's own timings "
           "are in its *Time* section below."),
    "fr": ("> **ÉDITION DE L'ENSEIGNANT de `{name}`** — produite par `make instructor` ; "
           "ne pas la modifier à la main ni la donner aux élèves. Chaque exercice y est rempli "
           "avec sa solution et exécuté ; les notes pour l'enseignant suivent les questions "
           "de discussion. Plans de séance et durées : `docs/instructor-guide.md` (en "
           "anglais) ; les durées de cette leçon sont dans sa section *Durée* ci-dessous."),
}


def notes_markdown(discussions: dict[str, dict[str, str]], *, key_file: str,
                   language: str = "en") -> str:
    """Write the instructor-notes cell for a notebook's discussion prompts.

    Example:
        >>> print(notes_markdown({"1": {"prompt": "Why?", "surface": "Because."}},
        ...                      key_file="lesson09.toml").splitlines()[0])
        > **Instructor notes — not in the student notebook.** What a good discussion surfaces:
    """
    heading, empty = NOTES_TEXT[language]
    lines = [heading, ">"]
    if not discussions:
        lines.append(empty.format(key_file=key_file))
    for number, table in discussions.items():
        lines += [f"> **{number}. {table['prompt']}**", ">", f"> {table['surface']}", ">"]
    return "\n".join(lines).rstrip("> \n")


def banner_markdown(notebook_name: str, *, language: str = "en") -> str:
    """Write the banner that opens an instructor edition.

    Example:
        >>> "INSTRUCTOR EDITION" in banner_markdown("00-start-here.ipynb")
        True
        >>> "ÉDITION DE L'ENSEIGNANT" in banner_markdown("00-start-here.ipynb", language="fr")
        True
    """
    return BANNER_TEXT[language].format(name=notebook_name)


def _markdown_cell(text: str, marker: str) -> dict:
    return {"cell_type": "markdown", "id": marker, "metadata": {"tags": [marker]},
            "source": text}


def make_instructor_edition(notebook: dict, exercises: dict[str, Exercise],
                            discussions: dict[str, dict[str, str]], *, name: str,
                            key_file: str, language: str = "en") -> dict:
    """Return the instructor edition of a student notebook (the input is left unchanged).

    Args:
        notebook: The student notebook as nbformat JSON (a dict or ``NotebookNode``).
        exercises: Every exercise key (``load_exercises()``).
        discussions: This lesson's discussion notes (``load_discussions(...)``).
        name: The notebook's file name, shown in the banner.
        key_file: The key file's name, shown when notes are missing.
        language: The edition's language ("en" or "fr"): the banner's and notes' wording and
            the discussion heading to look for. Solutions are the same in every language.

    Raises:
        ValueError: A placeholder has no key, or there are notes but no discussion section.
    """
    edition = copy.deepcopy(notebook)
    cells = []
    for cell in edition["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "code":
            cell["source"] = fill_solutions(text, exercises)
        cells.append(cell)
        if cell["cell_type"] == "markdown" and DISCUSSION_HEADINGS[language].search(text):
            cells.append(_markdown_cell(
                notes_markdown(discussions, key_file=key_file, language=language), NOTES_MARKER))
    if discussions and not any(NOTES_MARKER in c["metadata"].get("tags", []) for c in cells):
        raise ValueError(f"{name}: {key_file} has discussion notes but the notebook has no "
                         f"{DISCUSSION_NAMES[language]} section to put them under")
    edition["cells"] = [_markdown_cell(banner_markdown(name, language=language), BANNER_MARKER),
                        *cells]
    return edition


# Checks on the two editions: solutions that pass, and student notebooks without answers.

MIN_DISTINCTIVE = 6


# Feedback starts with a mark that is the same in every language ("✔ Correct", "✔ Juste").
MARKS = {name: symbol.split()[0] for name, symbol in SYMBOLS.items()}
WRONG = ("incorrect", "invalid")


def solution_failures(edition: dict) -> list[str]:
    """List every executed solution cell whose check did not say correct (empty: all pass).

    Reads the feedback's opening mark (✔, ✘, …, ⚠), so it works in every edition's language.

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
            if not text.startswith(MARKS["correct"]) or any(
                    mark in text for name, mark in MARKS.items() if name in WRONG):
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
