"""Pure parts of the class-on-a-hub test: what students and the instructor change, the merge
cases checked after the update, the kernel messages and the figures' report.

Nothing here starts a process or opens a socket; ``scripts/hub_test.py`` does, and hands
notebooks, files and messages to these functions.
"""

from __future__ import annotations

import copy
import re
import statistics
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

import nbformat

LESSON = "notebooks/01-the-coup.ipynb"
START = "notebooks/00-start-here.ipynb"
ANSWERED = ("1.1", "1.2")
IN_PLACE = "1.1"  # the exercise a student answers inside the lesson notebook itself
DELETED = "notebooks/06-synthesis.ipynb"
ONLY_INSTRUCTOR = "data/README.md"
ADDED = "handouts/reading-week-2.md"
COLLIDING = "handouts/week-2-questions.md"  # a student creates it before the instructor does
KEY_POINTS = "## Key points"
INSTRUCTOR_LINE = "- (Update for week 2) The reading list for next week is in `handouts/`.\n"
INSTRUCTOR_HINT = "  # a whole number of days"


@dataclass(frozen=True)
class CaseResult:
    """One merge case for one student: passed or not, and what was seen."""

    case: str
    ok: bool
    detail: str = ""


def answer_line(key: str, answer: str) -> str:
    """Return the line that answers exercise ``key`` with the Python literal ``answer``.

    Example:
        >>> answer_line("1.2", '"African Union"')
        'answer_1_2 = "African Union"'
    """
    return f"answer_{key.replace('.', '_')} = {answer}"


def answer_exercises(notebook: nbformat.NotebookNode,
                     answers: Mapping[str, str]) -> nbformat.NotebookNode:
    """Return a copy of ``notebook`` with ``answer_K = ...`` replaced for each key answered.

    Raises:
        ValueError: An exercise's answer cell is missing from the notebook.

    Example:
        >>> nb = nbformat.v4.new_notebook(cells=[
        ...     nbformat.v4.new_code_cell('answer_1_1 = ...\\ncheck("1.1", answer_1_1)')])
        >>> answer_exercises(nb, {"1.1": "10"}).cells[0].source.splitlines()[0]
        'answer_1_1 = 10'
    """
    answered = copy.deepcopy(notebook)
    for key, answer in answers.items():
        blank = answer_line(key, "...")
        cells = [c for c in answered.cells if c.cell_type == "code" and blank in c.source]
        if not cells:
            raise ValueError(f"no cell holds {blank!r} (exercise {key})")
        cells[0].source = cells[0].source.replace(blank, answer_line(key, answer), 1)
    return answered


def instructor_update(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The instructor's week-2 change to the lesson: one line added to the key points (lines
    no student touches) and a comment on exercise 1.1's answer line (the line a student who
    answers in place changes too).

    Example:
        >>> nb = nbformat.v4.new_notebook(cells=[
        ...     nbformat.v4.new_markdown_cell("## Key points\\n\\n- a\\n- b\\n- c"),
        ...     nbformat.v4.new_code_cell('answer_1_1 = ...\\ncheck("1.1", answer_1_1)')])
        >>> new = instructor_update(nb)
        >>> INSTRUCTOR_LINE in new.cells[0].source, new.cells[1].source.splitlines()[0]
        (True, 'answer_1_1 = ...  # a whole number of days')
    """
    updated = copy.deepcopy(notebook)
    points = [c for c in updated.cells if c.source.startswith(KEY_POINTS)]
    if not points:
        raise ValueError(f"the lesson has no cell starting {KEY_POINTS!r}")
    lines = points[0].source.splitlines(keepends=True)
    middle = len(lines) // 2
    if not lines[middle - 1].endswith("\n"):
        lines[middle - 1] += "\n"
    points[0].source = "".join(lines[:middle] + [INSTRUCTOR_LINE] + lines[middle:])
    blank = answer_line(IN_PLACE, "...")
    cells = [c for c in updated.cells if c.cell_type == "code" and blank in c.source]
    if not cells:
        raise ValueError(f"no cell holds {blank!r}")
    cells[0].source = cells[0].source.replace(blank, blank + INSTRUCTOR_HINT, 1)
    return updated


def execute_request(code: str, *, session: str, username: str) -> dict:
    """Return an ``execute_request`` message for the server's kernel websocket (JSON form).

    Example:
        >>> msg = execute_request("1 + 1", session="s", username="u")
        >>> msg["channel"], msg["header"]["msg_type"], msg["content"]["code"]
        ('shell', 'execute_request', '1 + 1')
    """
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request",
                       "session": session, "username": username, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}


@dataclass
class CellRun:
    """The messages of one ``execute_request``, gathered until the kernel is idle and the
    reply has come: the cell's outputs, its execution count and its status."""

    msg_id: str
    outputs: list = field(default_factory=list)
    execution_count: int | None = None
    status: str | None = None
    idle: bool = False

    @property
    def done(self) -> bool:
        """True once the reply came and the kernel went idle for this request."""
        return self.idle and self.status is not None

    def take(self, msg: Mapping) -> None:
        """Record one message from the websocket; messages for other requests are ignored.

        Example:
            >>> run = CellRun("m")
            >>> run.take({"channel": "iopub", "parent_header": {"msg_id": "m"},
            ...           "header": {"msg_type": "stream"},
            ...           "content": {"name": "stdout", "text": "hi"}})
            >>> run.take({"channel": "shell", "parent_header": {"msg_id": "m"},
            ...           "header": {"msg_type": "execute_reply"},
            ...           "content": {"status": "ok", "execution_count": 1}})
            >>> run.take({"channel": "iopub", "parent_header": {"msg_id": "m"},
            ...           "header": {"msg_type": "status"},
            ...           "content": {"execution_state": "idle"}})
            >>> run.done, run.outputs[0]["text"]
            (True, 'hi')
        """
        if msg.get("parent_header", {}).get("msg_id") != self.msg_id:
            return
        kind = msg["header"]["msg_type"]
        if msg["channel"] == "shell" and kind == "execute_reply":
            self.status = msg["content"]["status"]
            self.execution_count = msg["content"].get("execution_count")
        elif kind == "status":
            self.idle = msg["content"]["execution_state"] == "idle"
        elif kind in ("stream", "display_data", "execute_result", "error"):
            self.outputs.append(nbformat.v4.output_from_msg(dict(msg, msg_type=kind)))

    def error(self) -> str | None:
        """The error's name and value, when the cell raised one."""
        for out in self.outputs:
            if out["output_type"] == "error":
                return f"{out['ename']}: {out['evalue']}"
        return None


def output_text(outputs: list) -> str:
    """Return the plain text of a cell's outputs (streams and ``text/plain``).

    Example:
        >>> output_text([{"output_type": "stream", "name": "stdout", "text": "a"},
        ...              {"output_type": "execute_result", "data": {"text/plain": "b"}}])
        'a\\nb'
    """
    parts = []
    for out in outputs:
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif "data" in out:
            parts.append(out["data"].get("text/plain", ""))
    return "\n".join(parts)


def check_merge(*, files: Mapping[str, bytes | None], saved_copy: bytes, copy_path: str,
                origin: Mapping[str, bytes], answers: Mapping[str, str],
                renamed: Mapping[str, bytes]) -> list[CaseResult]:
    """Check every documented nbgitpuller merge case for one student after the second click.

    ``files`` maps paths in the student's clone to their bytes after the update (``None``:
    missing); ``origin`` holds the instructor's versions; ``renamed`` holds the untracked files
    whose name now carries a timestamp, with their bytes.
    """
    results = []
    mine = files.get(copy_path)
    results.append(CaseResult("my-work copy untouched", mine == saved_copy,
                              "identical bytes" if mine == saved_copy else "changed or gone"))
    lesson = files.get(LESSON)
    try:
        notebook = nbformat.reads(lesson.decode("utf-8"), as_version=4)
        nbformat.validate(notebook)
    except Exception as err:  # any failure to parse means the notebook no longer opens
        return results + [CaseResult("lesson edited in place still opens", False, str(err))]
    results.append(CaseResult("lesson edited in place still opens", True, "valid nbformat 4"))
    sources = "\n".join(c.source for c in notebook.cells)
    kept = answer_line(IN_PLACE, answers[IN_PLACE]) in sources
    results.append(CaseResult("student's edit kept where the instructor changed other lines",
                              kept and INSTRUCTOR_LINE.strip() in sources,
                              f"answer kept: {kept}; instructor's key point present: "
                              f"{INSTRUCTOR_LINE.strip() in sources}"))
    results.append(CaseResult("same line changed by both: the student's version wins",
                              kept and INSTRUCTOR_HINT.strip() not in sources))
    for case, path in (("instructor's new file present", ADDED),
                       ("deleted file restored", DELETED),
                       ("file only the instructor changed is updated", ONLY_INSTRUCTOR),
                       ("instructor's file takes a name a student used", COLLIDING)):
        results.append(CaseResult(case, files.get(path) == origin[path], path))
    ours = [name for name, data in renamed.items() if data.startswith(b"My questions")]
    results.append(CaseResult("student's file of that name renamed, not overwritten",
                              len(ours) == 1, ", ".join(ours) or "no renamed copy"))
    return results


def renamed_copies(names: list[str], path: str) -> list[str]:
    """Return the names nbgitpuller gave an untracked file that was in the way of ``path``
    (``stem__TIMESTAMP.suffix``, nbgitpuller 1.3).

    Example:
        >>> renamed_copies(["a/q.md", "a/q__20261130093000.md", "a/r.md"], "a/q.md")
        ['a/q__20261130093000.md']
    """
    stem, dot, suffix = path.rpartition(".")
    pattern = re.compile(re.escape(stem) + r"__\d{14}" + re.escape(dot + suffix) + "$")
    return [name for name in names if pattern.match(name)]


@dataclass(frozen=True)
class ClassFigures:
    """What ``make hub-test`` measured, ready to report."""

    students: int
    concurrency: int
    per_student_mib: list[float]  # server + one kernel, each student
    server_mib: list[float]  # the server alone, after its kernel was shut down
    hub_mib: float  # the hub and its proxy
    total_mib: float  # the hub, the proxy and every student's server, all running
    first_click_s: list[float]  # link to notebook 00 open, first click (clone)
    second_click_s: list[float]  # link again after the update (pull and merge)
    lesson_s: list[float]  # kernel start to the lesson's last cell
    cases_passed: int
    cases: int
    wall_s: float
    load: str


def spread(values: list[float], unit: str, *, digits: int = 1) -> str:
    """Return ``median (min–max)`` of ``values`` with ``unit``.

    Example:
        >>> spread([1.0, 3.0, 2.0], "s")
        '2.0 s (1.0–3.0)'
    """
    return (f"{statistics.median(values):.{digits}f} {unit} "
            f"({min(values):.{digits}f}–{max(values):.{digits}f})")


def class_size_gib(figures: ClassFigures, size: int) -> float:
    """Memory for ``size`` students, each with one kernel open, on top of the hub (GiB).

    Example:
        >>> f = ClassFigures(1, 1, [300.0], [100.0], 200.0, 300.0, [1.0], [1.0], [1.0],
        ...                  1, 1, 1.0, "0")
        >>> round(class_size_gib(f, 10), 2)
        3.12
    """
    return (figures.hub_mib + size * max(figures.per_student_mib)) / 1024


def render_hub_section(figures: ClassFigures, *, when: str, commit: str) -> str:
    """Return the results section of ``make hub-test`` (a heading, a table, notes).

    Example:
        >>> f = ClassFigures(2, 2, [300.0, 310.0], [120.0, 121.0], 190.0, 500.0, [2.0, 3.0],
        ...                  [1.0, 1.5], [5.0, 6.0], 18, 18, 60.0, "1.00, 1.00, 1.00")
        >>> text = render_hub_section(f, when="d", commit="c")
        >>> "| memory per student: server + one kernel | 305 MiB (300–310) |" in text
        True
    """
    rows = [
        ("memory per student: server + one kernel", spread(figures.per_student_mib, "MiB",
                                                           digits=0)),
        ("memory per student: server alone (kernel shut down)",
         spread(figures.server_mib, "MiB", digits=0)),
        ("hub + proxy", f"{figures.hub_mib:.0f} MiB"),
        (f"hub, proxy and all {figures.students} servers running",
         f"{figures.total_mib / 1024:.2f} GiB"),
        ("link to notebook 00 open, first click (clone)", spread(figures.first_click_s, "s")),
        ("link to notebook 00 open, after the update (pull and merge)",
         spread(figures.second_click_s, "s")),
        ("lesson 01 run over the kernel websocket (kernel start to last cell)",
         spread(figures.lesson_s, "s")),
        ("merge cases passed", f"{figures.cases_passed} of {figures.cases}"),
    ]
    lines = [f"## A class on JupyterHub ({figures.students} students)", "",
             "Written by `make hub-test` (scripts/hub_test.py); `make bench` keeps this section.",
             "", f"Measured {when}, commit {commit}, {figures.students} students, "
             f"{figures.concurrency} at a time, {figures.wall_s:.0f} s in all; load average "
             f"(1, 5, 15 min) at the start: {figures.load}.", "",
             "| what | measured: median (min–max) |", "|---|---|"]
    lines += [f"| {what} | {value} |" for what, value in rows]
    lines += ["", "- Memory is resident memory (RSS, from /proc) of each student's single-user "
              "server and its kernel, read right after the lesson's last cell; the kernel is "
              "then shut down, as a student closing the notebook would.",
              f"- Sizing: with one notebook open each, 30 students need about "
              f"{class_size_gib(figures, 30):.1f} GiB and 100 about "
              f"{class_size_gib(figures, 100):.0f} GiB (the largest student measured, plus the "
              "hub and proxy).",
              "- Times are wall times on this shared machine, with the students running "
              "concurrently: they include waiting for the CPU."]
    return "\n".join(lines)
