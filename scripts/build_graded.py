"""Build the graded edition: graded/, a student copy of the module without readable keys.

``graded/`` holds the module as a student receives it (notebooks, helpers, data, the pins)
with ``helpers/keys/*.toml`` replaced by ``helpers/keys/graded-key.json``: salted hashes of
every accepted answer, normalised the way ``check`` normalises them, and no solutions,
explanations, hints or feedback. ``check`` still says right or wrong; ``hint`` and ``reveal``
say they are not part of this edition. ``graded/nbgrader/`` holds the same lessons as an
nbgrader course (``source/lessonNN/``): each exercise's answer cell is a solution cell and a
hidden autograder test asserts ``check(...)``.

    python scripts/build_graded.py                  # writes graded/
    python scripts/build_graded.py --out /tmp/g --salt fixed-for-a-test
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from editions import PLACEHOLDER, placeholder_key

from helpers.data import repo_root
from helpers.exercises import (
    GRADED_KEY,
    Exercise,
    answer_digest,
    load_exercises,
    number_step,
    number_text,
)
from helpers.exercises import accepted_texts as text_forms
from helpers.readers import read_date, read_items

COPIED = ("helpers", "data", "notebooks", "my-work/README.md", "pyproject.toml",
          "requirements.txt", "constraints.txt", "LICENSE", "LICENSE-CONTENT.md")
METADATA_KEY = "mali_module"
NBGRADER_CONFIG = '''c = get_config()  # noqa: F821 (nbgrader's config loader defines it)
c.CourseDirectory.root = "."
c.ClearSolutions.code_stub = {"python": "..."}
'''


def accepted_texts(exercise: Exercise) -> list[str]:
    """List every normalised answer ``check`` accepts for an exercise (numbers on a grid).

    Example:
        >>> from helpers.exercises import load_exercises
        >>> accepted_texts(load_exercises()["0.1"])
        ['2013-01-11']
    """
    if exercise.kind == "date":
        return [read_date(exercise.answer).isoformat()]
    if exercise.kind == "number":
        step = number_step(exercise.tolerance)
        reach = round(exercise.tolerance / step)
        centre = round(float(exercise.answer) / step)
        return [number_text((centre + i) * step, step) for i in range(-reach, reach + 1)]
    if exercise.kind == "items":
        return [", ".join(sorted(read_items(exercise.answer)))]
    return sorted(text_forms(exercise))


def graded_key(exercises: dict[str, Exercise], *, salt: str) -> dict:
    """Return the graded key: per exercise its prompt, kind, grid step and salted digests.

    Example:
        >>> from helpers.exercises import load_exercises
        >>> key = graded_key(load_exercises(), salt="s")
        >>> "2013-01-11" in json.dumps(key), len(key["exercise"]["0.2"]["digests"])
        (False, 61)
    """
    table = {}
    for key, exercise in exercises.items():
        entry = {"prompt": exercise.prompt, "kind": exercise.kind,
                 "digests": sorted(answer_digest(salt, key, text)
                                   for text in accepted_texts(exercise))}
        if exercise.kind == "number":
            entry["step"] = number_step(exercise.tolerance)
        table[key] = entry
    return {"salt": salt, "exercise": table}


def lesson_of(path: Path) -> str:
    """Return a lesson notebook's two-digit number."""
    return re.match(r"(\d{2})-", path.name)[1]


def mark_lesson(notebook: dict, lesson: str, edition: str) -> dict:
    """Return a copy of a notebook whose metadata names its lesson and edition."""
    marked = copy.deepcopy(notebook)
    marked["metadata"][METADATA_KEY] = {"lesson": lesson, "edition": edition}
    return marked


def nbgrader_source(notebook: dict, exercises: dict[str, Exercise]) -> dict:
    """Return an nbgrader source notebook: solution cells and hidden ``check`` tests.

    Each cell with ``answer_N_k = ...`` becomes a solution cell whose solution region holds
    the instructor's solution (nbgrader's release puts ``...`` back); a hidden test cell
    after it asserts ``check("N.k", answer_N_k)``, worth one point.
    """
    source = copy.deepcopy(notebook)
    cells = []
    for cell in source["cells"]:
        cells.append(cell)
        text = "".join(cell["source"])
        found = list(PLACEHOLDER.finditer(text)) if cell["cell_type"] == "code" else []
        if not found:
            continue
        for match in reversed(found):
            key = placeholder_key(match["n"], match["k"])
            name = f"answer_{match['n']}_{match['k']}"
            text = (text[:match.start()] + f"{name} = (\n    ### BEGIN SOLUTION\n    "
                    f"{exercises[key].solution}\n    ### END SOLUTION\n)" + text[match.end():])
        cell["source"] = text
        cell["metadata"]["nbgrader"] = _nbgrader_meta(f"answer_{found[0]['n']}_"
                                                      f"{found[0]['k']}", solution=True)
        for match in found:
            key = placeholder_key(match["n"], match["k"])
            cells.append({
                "cell_type": "code", "execution_count": None, "outputs": [],
                "id": f"check-{match['n']}-{match['k']}",
                "metadata": {"nbgrader": _nbgrader_meta(
                    f"check_{match['n']}_{match['k']}", solution=False, points=1)},
                "source": ("# Graded when the notebook is collected: leave this cell as it is.\n"
                           "### BEGIN HIDDEN TESTS\n"
                           f'assert check("{key}", answer_{match["n"]}_{match["k"]}), '
                           f'"exercise {key} is not right"\n### END HIDDEN TESTS')})
    source["cells"] = cells
    return source


def _nbgrader_meta(grade_id: str, *, solution: bool, points: int = 0) -> dict:
    meta = {"grade": not solution, "grade_id": grade_id, "locked": not solution,
            "schema_version": 3, "solution": solution, "task": False}
    if not solution:
        meta["points"] = points
    return meta


def tracked_files(root: Path) -> list[Path]:
    """List the files git tracks under the copied paths (the module a student receives)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--", *COPIED], cwd=root, check=True,
                            capture_output=True, text=True).stdout.split("\0")
    return [Path(name) for name in listed if name]


def build(out: Path, *, salt: str) -> list[Path]:
    """Write the graded edition to ``out`` and return the lesson notebooks written."""
    root, exercises = repo_root(), load_exercises()
    if out.exists():
        shutil.rmtree(out)
    for name in tracked_files(root):
        if name.parts[:2] == ("helpers", "keys") and name.suffix == ".toml":
            continue
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, out / name)
    (out / "helpers" / "keys").mkdir(parents=True, exist_ok=True)
    (out / "helpers" / "keys" / GRADED_KEY).write_text(
        json.dumps(graded_key(exercises, salt=salt), indent=1) + "\n", encoding="utf-8")
    written = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        student = json.loads(path.read_text(encoding="utf-8"))
        lesson = lesson_of(path)
        target = out / "notebooks" / path.name
        target.write_text(json.dumps(mark_lesson(student, lesson, "graded"), indent=1,
                                     ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
        course = out / "nbgrader" / "source" / f"lesson{lesson}" / path.name
        course.parent.mkdir(parents=True, exist_ok=True)
        course.write_text(json.dumps(nbgrader_source(mark_lesson(student, lesson, "nbgrader"),
                                                     exercises), indent=1, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    (out / "nbgrader" / "nbgrader_config.py").write_text(NBGRADER_CONFIG, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=repo_root() / "graded")
    parser.add_argument("--salt", default=None,
                        help="salt for the answer hashes (default: a new random one)")
    args = parser.parse_args(argv)
    written = build(args.out, salt=args.salt or secrets.token_hex(16))
    print(f"wrote {len(written)} notebooks, {args.out / 'helpers' / 'keys' / GRADED_KEY} "
          f"and the nbgrader course {args.out / 'nbgrader'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
