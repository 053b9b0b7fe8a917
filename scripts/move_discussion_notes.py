"""Move ``<details>`` instructor notes from student notebooks into their key files.

    python scripts/move_discussion_notes.py notebooks/04-us-law.ipynb [...]

For each notebook: takes the ``<details>`` block out of its ``## For discussion`` cell,
appends the notes as ``[discussion."N"]`` tables to ``helpers/keys/lessonNN.toml`` (with the
prompts as the notebook states them), and writes the notebook back. Refuses a lesson whose
key file already has discussion tables. Review the diff before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

from helpers.discussion_notes import discussion_toml, extract_notes
from helpers.editions import lesson_number, load_discussions
from helpers.exercises import keys_dir

HEADER = ("\n# Instructor-only notes for the \"For discussion\" prompts, in the notebook's order\n"
          "# (moved from the notebook by scripts/move_discussion_notes.py).")


def move_notes(path: Path) -> str:
    """Move one notebook's notes; return what was done, in a sentence."""
    key_file = keys_dir() / f"lesson{lesson_number(path.name)}.toml"
    if load_discussions(key_file):
        return f"{path.name}: skipped, {key_file.name} already has discussion notes"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("## For discussion"):
            cell.source, notes = extract_notes(cell.source)
            break
    else:
        return f"{path.name}: skipped, no '## For discussion' cell"
    if not notes:
        return f"{path.name}: nothing to move"
    with key_file.open("a", encoding="utf-8") as handle:
        handle.write(HEADER + "\n" + discussion_toml(notes).lstrip("\n"))
    load_discussions(key_file)  # fails loudly if the TOML written is not readable
    nbformat.write(notebook, path)
    return f"{path.name}: moved {len(notes)} notes to {key_file.name}"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(move_notes(Path(name)))
