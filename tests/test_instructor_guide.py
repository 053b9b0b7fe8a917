"""The instructor guide's session plans add up: minutes, time ranges and stated totals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "instructor-guide.md"
TOTAL = re.compile(r"total (\d+) min")
RANGE = re.compile(r"^(\d+)–(\d+)$")


def sections(text: str) -> list[tuple[int, str, list[str]]]:
    """Split Markdown into (heading level, heading, body lines) in order."""
    found: list[tuple[int, str, list[str]]] = []
    for line in text.splitlines():
        heading = re.match(r"^(#+) (.*)$", line)
        if heading:
            found.append((len(heading[1]), heading[2], []))
        elif found:
            found[-1][2].append(line)
    return found


def plan_rows(body: list[str]) -> list[tuple[int, int, int]]:
    """Return (start, end, minutes) for each row of the first table in a section body."""
    rows = []
    for line in body:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and RANGE.match(cells[0]):
            start, end = map(int, RANGE.match(cells[0]).groups())
            rows.append((start, end, int(cells[1])))
    return rows


SECTIONS = sections(GUIDE.read_text(encoding="utf-8"))
PLANS = [(title, body) for _, title, body in SECTIONS if TOTAL.search(title) and plan_rows(body)]


def test_the_guide_has_the_plans_the_issue_asks_for() -> None:
    titles = " / ".join(title for _, title, _ in SECTIONS)
    for needed in ("Quick start", "Lesson 04, 50 minutes (total 50 min)",
                   "Lesson 04, 75 minutes (total 75 min)", "Lessons 03 and 04 together",
                   "Two-session variant", "role cards", "Sensitive content"):
        assert needed in titles, needed
    assert titles.startswith("Instructor guide / Quick start")
    assert len(PLANS) == 17


@pytest.mark.parametrize(("title", "body"), PLANS, ids=[title for title, _ in PLANS])
def test_each_plan_adds_up_to_its_stated_total(title: str, body: list[str]) -> None:
    rows = plan_rows(body)
    total = int(TOTAL.search(title)[1])
    assert sum(minutes for _, _, minutes in rows) == total
    assert rows[0][0] == 0 and rows[-1][1] == total
    for (start, end, minutes), following in zip(rows, rows[1:] + [(total, 0, 0)], strict=True):
        assert end - start == minutes, f"{title}: {start}–{end} is not {minutes} min"
        assert following[0] == end, f"{title}: a gap or overlap after minute {end}"


def test_a_multi_session_total_is_the_sum_of_its_sessions() -> None:
    for index, (level, title, body) in enumerate(SECTIONS):
        if not TOTAL.search(title) or plan_rows(body):
            continue
        children = []
        for child_level, child_title, _ in SECTIONS[index + 1:]:
            if child_level <= level:
                break
            if TOTAL.search(child_title):
                children.append(int(TOTAL.search(child_title)[1]))
        assert children and sum(children) == int(TOTAL.search(title)[1]), title


def test_the_plan_parser_catches_a_wrong_sum() -> None:
    rows = plan_rows(["| 0–5 | 5 | a | b | c |", "| 5–12 | 6 | a | b | c |"])
    assert rows == [(0, 5, 5), (5, 12, 6)] and rows[1][1] - rows[1][0] != rows[1][2]
