"""The pure parts of the class-on-a-hub test: edits, kernel messages, merge checks, report."""

from __future__ import annotations

import doctest
from pathlib import Path

import hub_scenario
import nbformat
import pytest
from hub_scenario import (
    ADDED,
    COLLIDING,
    DELETED,
    INSTRUCTOR_LINE,
    LESSON,
    ONLY_INSTRUCTOR,
    answer_exercises,
    check_merge,
    instructor_update,
)

REPO = Path(__file__).resolve().parents[1]
ANSWERS = {"1.1": "10", "1.2": '"African Union"'}


def test_doctests() -> None:
    assert doctest.testmod(hub_scenario).failed == 0


@pytest.fixture
def lesson() -> nbformat.NotebookNode:
    return nbformat.read(REPO / LESSON, as_version=4)


def test_the_instructor_changes_lines_apart_from_the_students(lesson) -> None:
    updated = instructor_update(lesson)
    changed = [i for i, (a, b) in enumerate(zip(lesson.cells, updated.cells, strict=True))
               if a.source != b.source]
    assert len(changed) == 2 and INSTRUCTOR_LINE in updated.cells[changed[-1]].source
    with pytest.raises(ValueError, match="Key points"):
        instructor_update(nbformat.v4.new_notebook())


def test_answering_a_missing_exercise_is_an_error(lesson) -> None:
    with pytest.raises(ValueError, match="exercise 9.9"):
        answer_exercises(lesson, {"9.9": "1"})


def _after_update(lesson) -> dict:
    origin = {ADDED: b"new", COLLIDING: b"theirs", DELETED: b"nb", ONLY_INSTRUCTOR: b"v2",
              LESSON: b""}
    files = dict(origin, **{"my-work/a.ipynb": b"x"})
    return {"files": files, "saved_copy": b"x", "copy_path": "my-work/a.ipynb",
            "origin": origin, "answers": ANSWERS,
            "renamed": {"handouts/week-2-questions__20261130093000.md": b"My questions"}}


def _merged(lesson) -> bytes:
    """What a good merge gives: the instructor's update, the student's line where both
    changed it."""
    text = nbformat.writes(instructor_update(lesson))
    both = "answer_1_1 = ..." + hub_scenario.INSTRUCTOR_HINT
    assert both in text
    return text.replace(both, "answer_1_1 = 10").encode()


def test_merge_cases_pass_on_a_good_update(lesson) -> None:
    kwargs = _after_update(lesson)
    kwargs["files"][LESSON] = _merged(lesson)
    assert all(r.ok for r in check_merge(**kwargs))


def test_a_lost_instructor_change_is_reported(lesson) -> None:
    kwargs = _after_update(lesson)
    kwargs["files"][hub_scenario.LESSON] = nbformat.writes(
        answer_exercises(lesson, {"1.1": "10"})).encode()
    results = check_merge(**kwargs)
    # The lesson without the instructor's key point fails that case and only that one.
    assert [r.case for r in results if not r.ok] == [
        "student's edit kept where the instructor changed other lines"]


@pytest.mark.parametrize("damage, failing", [
    (lambda k: k["files"].update({"my-work/a.ipynb": b"y"}), "my-work copy untouched"),
    (lambda k: k["files"].update({DELETED: None}), "deleted file restored"),
    (lambda k: k["files"].update({ADDED: None}), "instructor's new file present"),
    (lambda k: k["files"].update({ONLY_INSTRUCTOR: b"v1"}),
     "file only the instructor changed is updated"),
    (lambda k: k.update(renamed={}), "student's file of that name renamed, not overwritten"),
    (lambda k: k["files"].update({LESSON: nbformat.writes(instructor_update(
        nbformat.read(REPO / LESSON, as_version=4))).encode()}),
     "same line changed by both: the student's version wins"),
    (lambda k: k["files"].update({LESSON: b'{"cells": [<<<<<<<'}),
     "lesson edited in place still opens"),
])
def test_each_broken_case_is_reported(lesson, damage, failing) -> None:
    kwargs = _after_update(lesson)
    kwargs["files"][LESSON] = _merged(lesson)
    damage(kwargs)
    results = check_merge(**kwargs)
    assert failing in [r.case for r in results if not r.ok]
