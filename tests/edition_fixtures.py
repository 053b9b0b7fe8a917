"""Small notebooks and exercise keys for the edition tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from editions import load_discussions, notes_file

from helpers.exercises import Exercise


def exercise(key: str, solution: str) -> Exercise:
    return Exercise(key=key, prompt="?", kind="text", answer="x", solution=solution,
                    explanation="because")


def student(*cells: tuple[str, str]) -> dict:
    return {"cells": [{"cell_type": kind, "metadata": {}, "source": text, "outputs": []}
                      if kind == "code" else {"cell_type": kind, "metadata": {}, "source": text}
                      for kind, text in cells], "metadata": {}}


def discussions_of(path: Path) -> dict:
    return load_discussions(notes_file(path.name))
