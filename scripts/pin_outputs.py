"""Refresh the stored outputs of pinned cells, and strip every other output.

A pinned cell is tagged ``keep_output`` and starts with ``# NBVAL_CHECK_OUTPUT``: nbval
compares its stored output with a fresh run, so the numbers a lesson's prose relies on
cannot drift silently. Run after changing data or a pinned cell:

    .venv/bin/python scripts/pin_outputs.py notebooks/00-start-here.ipynb

It executes the notebook in a fresh kernel (in a temporary copy) and writes back only
the pinned cells' outputs (with the execution count nbval needs to compare them); all
other cells are left without outputs, as committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from kernels import kernel_config
from nbclient import NotebookClient


def pin_outputs(path: Path) -> int:
    """Execute ``path`` and store outputs of pinned cells only; return how many."""
    notebook = nbformat.read(path, as_version=4)
    executed = nbformat.read(path, as_version=4)
    NotebookClient(executed, timeout=300, kernel_name="python3", config=kernel_config(),
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    pinned = 0
    for cell, done in zip(notebook.cells, executed.cells, strict=True):
        if cell.cell_type != "code":
            continue
        if "keep_output" in cell.metadata.get("tags", []):
            cell.outputs, cell.execution_count = done.outputs, done.execution_count
            pinned += 1
        else:
            cell.outputs, cell.execution_count = [], None
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    return pinned


def main(paths: list[str]) -> None:
    """Pin the outputs of every notebook given on the command line."""
    for name in paths:
        print(f"{name}: {pin_outputs(Path(name))} pinned cell(s)")


if __name__ == "__main__":
    main(sys.argv[1:])
