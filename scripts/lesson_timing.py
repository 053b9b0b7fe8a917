"""Measure a lesson notebook section by section, and check session plans against it.

A notebook is split at its Markdown headings (levels 2 and 3). For each section we count the
words of its Markdown (read aloud or silently at about 200 words a minute), the evidence it
shows (every code cell that displays a chart, table, map or widget: about 1.5 minutes each)
and the exercises it holds (every ``check("N.k", ...)``: about 2 minutes each). A plan row in
``docs/session-plans.toml`` names the sections and exercises it covers, plus any class
activity (role-play, memo, discussion) in minutes; its estimate is the sum of those, plus one
minute of transition. A plan is sound when every name it uses exists in the notebook, every
row has at least its estimated minutes, the rows and the buffer add up to the total, and the
buffer is at least five minutes.

    .venv/bin/python scripts/lesson_timing.py            # every notebook's sections, timed
    .venv/bin/python scripts/lesson_timing.py --check    # check every plan; exit 1 on a problem
    .venv/bin/python scripts/lesson_timing.py --write-guide   # render the plans into the guide
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLANS_FILE = REPO / "docs" / "session-plans.toml"
GUIDE = REPO / "docs" / "instructor-guide.md"
GUIDE_START = "<!-- plans start: generated from docs/session-plans.toml -->"
GUIDE_END = "<!-- plans end -->"
WORDS_PER_MINUTE = 200
MINUTES_PER_DISPLAY = 1.5
MINUTES_PER_EXERCISE = 2.0
MINUTES_PER_TRANSITION = 1.0
MIN_BUFFER = 5

EXERCISE = re.compile(r"""check\(\s*["'](\d+\.\d+)["']""")
HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*$", re.MULTILINE)
ASSIGNMENT = re.compile(r"^[A-Za-z_][\w, ]*=(?!=)")


@dataclass
class Section:
    """One heading of a notebook and what lies under it, up to the next heading."""

    title: str
    words: int = 0
    displays: int = 0
    exercises: list[str] = field(default_factory=list)

    def minutes(self) -> float:
        """Minutes to read the section and look at its evidence (exercises counted apart).

        Example:
            >>> Section("x", words=400, displays=2).minutes()
            5.0
        """
        return self.words / WORDS_PER_MINUTE + MINUTES_PER_DISPLAY * self.displays


def normalise(title: str) -> str:
    """Return a heading reduced to lower-case words, without numbering or markup.

    Example:
        >>> normalise("### 3. Decision point: a *National* Security Council meeting")
        'decision point a national security council meeting'
    """
    text = re.sub(r"^[#\s]*(\d+\.\s*)?", "", title.lower())
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _displays(source: str) -> bool:
    lines = [line for line in source.splitlines() if line.strip() and not line.startswith("#")]
    if not lines or "check(" in source or "hint(" in source:
        return False
    last = lines[-1].strip()
    return not (last.startswith(("from ", "import ", ")")) or ASSIGNMENT.match(last))


def read_sections(path: Path) -> list[Section]:
    """Split a notebook into its level-2 and level-3 sections, measured.

    Text before the first such heading (the title) becomes a section named "Title".
    """
    notebook = json.loads(path.read_text(encoding="utf-8"))
    sections = [Section("Title")]
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            pieces = HEADING.split(source)
            sections[-1].words += len(pieces[0].split())
            for level_index in range(1, len(pieces), 3):
                sections.append(Section(pieces[level_index + 1]))
                sections[-1].words += len(pieces[level_index + 2].split())
        elif cell["cell_type"] == "code":
            sections[-1].exercises += EXERCISE.findall(source)
            sections[-1].displays += _displays(source)
    return sections


def notebook_path(lesson: str, *, folder: Path = REPO / "notebooks") -> Path:
    """Return the notebook whose name starts with the two-digit ``lesson``."""
    found = sorted(folder.glob(f"{lesson}-*.ipynb"))
    if not found:
        raise ValueError(f"no notebook notebooks/{lesson}-*.ipynb")
    return found[0]


def find_section(sections: list[Section], name: str) -> Section | None:
    """Return the first section whose normalised title starts with the normalised ``name``."""
    wanted = normalise(name)
    return next((s for s in sections if normalise(s.title).startswith(wanted)), None)


def load_plans(path: Path = PLANS_FILE) -> list[dict]:
    """Return the plans of ``docs/session-plans.toml`` in file order."""
    with path.open("rb") as handle:
        return tomllib.load(handle)["plan"]


def row_estimate(row: dict, lessons: dict[str, list[Section]]) -> float:
    """Return the minutes a plan row needs: sections, exercises, activity and a transition."""
    sections = lessons[row["lesson"]]
    minutes = MINUTES_PER_TRANSITION + row.get("activity", 0)
    for name in row.get("sections", []):
        found = find_section(sections, name)
        minutes += found.minutes() if found else 0
    return minutes + MINUTES_PER_EXERCISE * len(row.get("exercises", []))


def plan_problems(plan: dict, lessons: dict[str, list[Section]]) -> list[str]:
    """Return every way ``plan`` disagrees with its notebooks or with its own clock."""
    problems, name = [], plan["name"]
    rows = plan["row"]
    for number, row in enumerate(rows, start=1):
        where = f"{name}, row {number}"
        if row["lesson"] not in lessons:
            problems.append(f"{where}: no notebook for lesson {row['lesson']}")
            continue
        sections = lessons[row["lesson"]]
        exercises = {key for section in sections for key in section.exercises}
        for section in row.get("sections", []):
            if find_section(sections, section) is None:
                problems.append(f"{where}: lesson {row['lesson']} has no section {section!r}")
        for key in row.get("exercises", []):
            if key not in exercises:
                problems.append(f"{where}: lesson {row['lesson']} has no exercise {key}")
        needed = math.ceil(row_estimate(row, lessons) - 1e-9)
        if row["minutes"] < needed:
            problems.append(f"{where}: {row['minutes']} min planned, the content needs {needed}")
    used = sum(row["minutes"] for row in rows)
    if used + plan["buffer"] != plan["total"]:
        problems.append(f"{name}: rows ({used}) + buffer ({plan['buffer']}) "
                        f"is not the total ({plan['total']})")
    if plan["buffer"] < MIN_BUFFER:
        problems.append(f"{name}: buffer {plan['buffer']} min is under {MIN_BUFFER}")
    if not any(row.get("cut") for row in rows):
        problems.append(f"{name}: no row says what to cut if behind")
    return problems


def load_lessons(plans: list[dict]) -> dict[str, list[Section]]:
    """Measure every notebook the plans name, keyed by two-digit lesson number."""
    numbers = {row["lesson"] for plan in plans for row in plan["row"]}
    found = {}
    for number in sorted(numbers):
        try:
            found[number] = read_sections(notebook_path(number))
        except ValueError:
            continue
    return found


def row_content(row: dict) -> str:
    """Return what a row covers, e.g. ``04: Decision point; exercises 4.2, 4.3``.

    Example:
        >>> row_content({"lesson": "04", "sections": ["The bar"], "exercises": ["4.2"]})
        '04: The bar; exercises 4.2'
    """
    parts = list(row.get("sections", []))
    if row.get("exercises"):
        parts.append("exercises " + ", ".join(row["exercises"]))
    return f"{row['lesson']}: " + ("; ".join(parts) or "class activity")


def plan_table(plan: dict) -> list[list[str]]:
    """Return a plan's rows as table cells: time, minutes, content, activity, cut if behind."""
    cells, start = [], 0
    for row in plan["row"]:
        end = start + row["minutes"]
        cells.append([f"{start}–{end}", str(row["minutes"]), row_content(row), row["do"],
                      row.get("cut", "")])
        start = end
    cells.append([f"{start}–{plan['total']}", str(plan["buffer"]), "buffer",
                  "questions, a late start, a slow self-check", ""])
    return cells


def render_markdown(plans: list[dict]) -> str:
    """Return every plan as a Markdown section with its timed table."""
    out = []
    for plan in plans:
        out += [f"### {plan['name']} (total {plan['total']} min)", ""]
        if plan.get("note"):
            out += [plan["note"], ""]
        out += ["| time | min | notebook: sections and exercises | in class | if behind, cut |",
                "|---|---|---|---|---|"]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
                for cells in plan_table(plan)]
        out.append("")
    return "\n".join(out)


def guide_with_plans(guide: str, plans: list[dict]) -> str:
    """Return the guide's text with the block between the plan markers re-rendered."""
    head, _, rest = guide.partition(GUIDE_START)
    _, _, tail = rest.partition(GUIDE_END)
    if not rest:
        raise ValueError(f"{GUIDE.name} has no line {GUIDE_START!r}")
    return f"{head}{GUIDE_START}\n\n{render_markdown(plans)}\n{GUIDE_END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check every plan")
    parser.add_argument("--write-guide", action="store_true",
                        help="render the plans into docs/instructor-guide.md")
    args = parser.parse_args(argv)
    plans = load_plans()
    if args.write_guide:
        GUIDE.write_text(guide_with_plans(GUIDE.read_text(encoding="utf-8"), plans),
                         encoding="utf-8")
        return 0
    lessons = load_lessons(plans)
    if args.check:
        problems = [p for plan in plans for p in plan_problems(plan, lessons)]
        print("\n".join(problems) or f"{len(plans)} plans fit their notebooks and clocks")
        return 1 if problems else 0
    for path in sorted((REPO / "notebooks").glob("*.ipynb")):
        print(path.name)
        for section in read_sections(path):
            extra = f"  exercises {', '.join(section.exercises)}" if section.exercises else ""
            print(f"  {section.minutes():5.1f} min  {section.words:4d} words  "
                  f"{section.displays} shown  {section.title}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
