"""Small notebooks and exercise keys for the edition tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from helpers.editions import lesson_number, load_discussions
from helpers.exercises import Exercise, keys_dir


def exercise(key: str, solution: str) -> Exercise:
    return Exercise(key=key, prompt="?", kind="text", answer="x", solution=solution,
                    explanation="because")


def student(*cells: tuple[str, str]) -> dict:
    return {"cells": [{"cell_type": kind, "metadata": {}, "source": text, "outputs": []}
                      if kind == "code" else {"cell_type": kind, "metadata": {}, "source": text}
                      for kind, text in cells], "metadata": {}}


def discussions_of(path: Path) -> dict:
    return load_discussions(keys_dir() / f"lesson{lesson_number(path.name)}.toml")
