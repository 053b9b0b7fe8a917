"""The instructor packet's pure parts: backgrounds, wrong answers, role cards, sheets."""

from __future__ import annotations

import doctest

import build_packet
from build_packet import build, section_texts, wrong_answers

from helpers.exercises import load_exercises


def test_doctests() -> None:
    assert doctest.testmod(build_packet).failed == 0


def test_sections_skip_tables_and_keep_prose(tmp_path) -> None:
    import nbformat

    text = "# T\n\nIntro.\n\n## Part\n\nProse here.\n\n| a |\n|---|"
    cells = [nbformat.v4.new_markdown_cell(text)]
    path = tmp_path / "09-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    assert section_texts(path) == [("Title", "Intro."), ("Part", "Prose here.")]


def test_every_foreseen_wrong_answer_is_in_the_packet(tmp_path) -> None:
    build(tmp_path)
    packet = (tmp_path / "packet.html").read_text(encoding="utf-8")
    exercises = load_exercises()
    assert sum(len(e.feedback) for e in exercises.values()) > 100
    for exercise in exercises.values():
        assert f"<h3>Exercise {exercise.key}</h3>" in packet
        for wrong in wrong_answers(exercise)["a student answers"]:
            assert f"<td>{wrong.replace('&', '&amp;')}</td>" in packet, (exercise.key, wrong)
    cards = (tmp_path / "role-cards.html").read_text(encoding="utf-8")
    assert "Answer" not in cards and cards.count('class="card"') == 6
