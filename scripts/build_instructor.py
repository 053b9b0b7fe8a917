"""Build the instructor edition: instructor/<name>.ipynb for every notebook in notebooks/.

Each edition has every exercise's solution filled in and executed, the instructor notes
under the discussion prompts and a banner (see ``scripts/editions.py``). The build stops
with a non-zero exit when a notebook fails to run or a solution does not pass its own
self-check, or when an output above an exercise states its answer (``answer_leaks.py``),
naming the notebook and the exercise.

    python scripts/build_instructor.py                      # every notebook
    python scripts/build_instructor.py --out /tmp/ed notebooks/00-start-here.ipynb
    python scripts/build_instructor.py --language fr        # notebooks/fr/ -> instructor/fr/

The French edition takes its notes from ``docs/discussion/fr/lessonNN.toml`` and its solution
cells are the English edition's. After running, its outputs and widgets are scanned for
English left untranslated (``scripts/english_leaks.py``); any found is a problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from answer_leaks import early_answers
from editions import (
    edition_notebooks,
    load_discussions,
    make_instructor_edition,
    notes_file,
    solution_failures,
)
from english_leaks import notebook_leaks
from kernels import kernel_config
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.data import repo_root
from helpers.exercises import load_exercises

CELL_TIMEOUT_S = 300


def build_one(path: Path, out_dir: Path, *, language: str = "en") -> list[str]:
    """Write and execute the instructor edition of one notebook; return its problems."""
    student = nbformat.read(path, as_version=4)
    notes = notes_file(path.name, language=language)
    edition = nbformat.from_dict(make_instructor_edition(
        student, load_exercises(), load_discussions(notes), name=path.name,
        key_file=notes.relative_to(repo_root()).as_posix(), language=language))
    nbformat.validate(edition)
    target = out_dir / path.name
    client = NotebookClient(edition, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(out_dir)}}, config=kernel_config())
    try:
        client.execute()
    except CellExecutionError as error:
        nbformat.write(edition, target)
        return [f"{path.name}: a cell failed to run:\n{error}"]
    nbformat.write(edition, target)
    failures = solution_failures(edition) + early_answers(edition, load_exercises())
    problems = [f"{path.name}: {failure}" for failure in failures]
    if language != "en":
        problems += notebook_leaks(edition, name=f"{language}/{path.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="student notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--language", default="en", choices=("en", "fr"),
                        help="edition: en (notebooks/) or fr (notebooks/fr/)")
    parser.add_argument("--out", type=Path, help="output folder (default: instructor/, "
                        "or instructor/fr/ for --language fr)")
    args = parser.parse_args(argv)
    edition = "" if args.language == "en" else args.language
    args.out = args.out or repo_root() / "instructor" / edition
    paths = args.notebooks or edition_notebooks(args.language)
    if not paths:
        print(f"no notebooks in notebooks/{edition}: run scripts/build_translation.py "
              f"{args.language}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    problems = []
    for path in paths:
        found = build_one(path, args.out.resolve(), language=args.language)
        print(f"{'FAILED' if found else 'ok':6} {args.out / path.name}")
        problems += found
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
