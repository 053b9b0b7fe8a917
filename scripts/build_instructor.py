"""Build the instructor edition: instructor/<name>.ipynb for every notebook in notebooks/.

Each edition has every exercise's solution filled in and executed, the instructor notes
under the discussion prompts and a banner (see ``scripts/editions.py``). The build stops
with a non-zero exit when a notebook fails to run or a solution does not pass its own
self-check, or when an output above an exercise states its answer (``answer_leaks.py``),
naming the notebook and the exercise.

    python scripts/build_instructor.py                      # every notebook
    python scripts/build_instructor.py --out /tmp/ed notebooks/00-start-here.ipynb
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from answer_leaks import early_answers
from editions import (
    lesson_number,
    load_discussions,
    make_instructor_edition,
    notes_file,
    solution_failures,
)
from kernels import kernel_config
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.data import repo_root
from helpers.exercises import load_exercises

CELL_TIMEOUT_S = 300


def build_one(path: Path, out_dir: Path) -> list[str]:
    """Write and execute the instructor edition of one notebook; return its problems."""
    student = nbformat.read(path, as_version=4)
    edition = nbformat.from_dict(make_instructor_edition(
        student, load_exercises(), load_discussions(notes_file(path.name)), name=path.name,
        key_file=f"docs/discussion/lesson{lesson_number(path.name)}.toml"))
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
    return [f"{path.name}: {failure}" for failure in failures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help="student notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=repo_root() / "instructor",
                        help="output folder (default: instructor/)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((repo_root() / "notebooks").glob("*.ipynb"))
    args.out.mkdir(parents=True, exist_ok=True)
    problems = []
    for path in paths:
        found = build_one(path, args.out.resolve())
        print(f"{'FAILED' if found else 'ok':6} {args.out / path.name}")
        problems += found
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
