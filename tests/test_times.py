"""The times a student is told agree: each lesson's Time section, the table of notebook 00
and the instructor guide state the same minutes for a student alone and for a class."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def time_section(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return next("".join(c["source"]) for c in cells if "".join(c["source"]).startswith("## Time"))


def stated_totals(path: Path) -> tuple[set[int], int]:
    """Return (class totals, alone total) from a lesson's Time table: the last column."""
    rows = [row for row in time_section(path).splitlines() if row.startswith("| ")]
    totals = {row.split("|")[1].strip(): int(re.search(r"(\d+) min", row.split("|")[-2])[1])
              for row in rows[1:] if re.search(r"\d+ min", row.split("|")[-2])}
    alone = next(value for who, value in totals.items() if who.startswith("A student alone"))
    return {value for who, value in totals.items() if not who.startswith("A student")}, alone


def route_table(text: str) -> dict[str, tuple[int, int]]:
    """Read '| [NN ...](file) | ... | class min | alone min |' rows of a table."""
    found = {}
    for row in text.splitlines():
        match = re.match(r"\| \[?(\d\d)[^|]*\|.*\| (\d+) min \| (\d+) min \|$", row)
        if match:
            found[match[1]] = (int(match[2]), int(match[3]))
    return found


def test_notebook_00_and_each_lesson_agree() -> None:
    cells = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))["cells"]
    route = route_table("".join(next("".join(c["source"]) for c in cells
                                     if "".join(c["source"]).startswith("## Two paths"))))
    assert sorted(route) == [p.name[:2] for p in NOTEBOOKS]
    for path in NOTEBOOKS:
        in_class, alone = stated_totals(path)
        assert route[path.name[:2]] == (route[path.name[:2]][0], alone), path.name
        assert route[path.name[:2]][0] in in_class, path.name


def test_the_instructor_guide_agrees_and_the_total_is_realistic() -> None:
    guide = route_table((ROOT / "docs" / "instructor-guide.md").read_text(encoding="utf-8"))
    lessons = {p.name[:2]: stated_totals(p) for p in NOTEBOOKS}
    assert {key: alone for key, (_, alone) in guide.items()} == {
        key: alone for key, (_, alone) in lessons.items()}
    total = sum(alone for _, alone in lessons.values())
    assert 7 * 60 <= total <= 9 * 60, f"{total} min for a student alone"
