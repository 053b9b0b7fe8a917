"""The session plans fit their notebooks and their clocks (docs/session-plans.toml)."""

from __future__ import annotations

import copy
import doctest

import lesson_timing
import pytest
from lesson_timing import (
    GUIDE,
    find_section,
    guide_with_plans,
    load_lessons,
    load_plans,
    plan_problems,
    read_sections,
)

PLANS = load_plans()
LESSONS = load_lessons(PLANS)


def test_doctests() -> None:
    assert doctest.testmod(lesson_timing).failed == 0


def test_every_lesson_has_a_50_and_a_75_minute_plan_and_the_combined_ones() -> None:
    names = [plan["name"] for plan in PLANS]
    for lesson in ("00", "01", "02", "03", "04", "05", "06"):
        for minutes in (50, 75):
            assert f"Lesson {lesson}, {minutes} minutes" in names
    assert any("03 and 04" in name and "50 minutes" in name for name in names)
    assert sum(name.startswith("Two-session variant") for name in names) == 2


@pytest.mark.parametrize("plan", PLANS, ids=[plan["name"] for plan in PLANS])
def test_each_plan_fits_its_notebooks_and_its_clock(plan: dict) -> None:
    assert plan_problems(plan, LESSONS) == []


def test_a_plan_naming_a_missing_section_or_exercise_fails() -> None:
    plan = copy.deepcopy(PLANS[0])
    plan["row"][0]["sections"] = ["A section nobody wrote"]
    plan["row"][0]["exercises"] = ["0.9"]
    problems = " ".join(plan_problems(plan, LESSONS))
    assert "no section 'A section nobody wrote'" in problems and "no exercise 0.9" in problems


def test_minutes_that_do_not_add_up_or_leave_no_buffer_fail() -> None:
    plan = copy.deepcopy(PLANS[0])
    plan["row"][-1]["minutes"] += 3
    assert any("is not the total" in p for p in plan_problems(plan, LESSONS))
    plan["buffer"] -= 3
    assert any("buffer 2 min is under 5" in p for p in plan_problems(plan, LESSONS))


def test_a_row_shorter_than_its_content_fails() -> None:
    plan = copy.deepcopy(next(p for p in PLANS if p["name"] == "Lesson 04, 50 minutes"))
    row = next(r for r in plan["row"] if "Decision point" in r.get("sections", []))
    row["minutes"] = 10
    assert any("the content needs 18" in p for p in plan_problems(plan, LESSONS))


def test_a_plan_with_nothing_to_cut_fails() -> None:
    plan = copy.deepcopy(PLANS[0])
    for row in plan["row"]:
        row.pop("cut", None)
    assert any("what to cut" in p for p in plan_problems(plan, LESSONS))


def test_sections_are_read_from_headings_and_exercises_from_checks(tmp_path) -> None:
    import nbformat

    cells = [nbformat.v4.new_markdown_cell("# T\n\nintro words here"),
             nbformat.v4.new_markdown_cell("## 1. A section\n\n" + "word " * 200),
             nbformat.v4.new_code_cell("some_chart(table)"),
             nbformat.v4.new_markdown_cell("## Exercises"),
             nbformat.v4.new_code_cell('answer_9_1 = ...\ncheck("9.1", answer_9_1)')]
    path = tmp_path / "09-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    sections = read_sections(path)
    section = find_section(sections, "A section")
    assert section.words == 200 and section.displays == 1 and section.minutes() == 2.5
    assert find_section(sections, "Exercises").exercises == ["9.1"]


def test_lesson_04_plans_put_the_explorer_after_the_vote() -> None:
    for plan in PLANS:
        names = [name for row in plan["row"] if row["lesson"] == "04"
                 for name in row.get("sections", [])]
        if "Evidence you can explore" in names and "Decision point" in names:
            assert names.index("Evidence you can explore") > names.index("Decision point")


def test_the_guide_shows_the_plans_as_they_are_in_the_plan_file() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    assert guide_with_plans(text, PLANS) == text, (
        "run: .venv/bin/python scripts/lesson_timing.py --write-guide")
