"""Grade a folder of submitted notebooks: report/grades.csv and report/index.html.

Every submission is re-executed (saved outputs are never trusted) in a fresh kernel, in its
own process, in a temporary folder outside the module, with outbound network blocked, a time
limit and a memory limit. ``check`` and ``reveal`` write what they saw to a log file named by
``$HELPERS_EXERCISE_LOG`` (see ``helpers.exercises.log_event``); the report is made from
those logs. A submission that hangs, crashes its kernel or is not a notebook is reported as
such and the run goes on. Running submitted code is running a stranger's code: see the
README, "Collecting and grading".

    python scripts/class_report.py SUBMISSIONS [--out report] [--timeout 60]
        [--cell-timeout 30] [--memory-mb 3072] [--student-pattern REGEX]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import re
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kernels import kernel_config

from helpers.data import repo_root
from helpers.exercises import LOG_VARIABLE

METADATA_KEY = "mali_module"
CHECK_KEY = re.compile(r'check\(\s*"(?P<key>\d+\.\d+)"')
REVEAL_KEY = re.compile(r'reveal\(\s*"(?P<key>\d+\.\d+)"')
NAME_CELL = re.compile(
    r"^\s*(?:#\s*)?(?:student(?:_name)?|name)\s*[:=]\s*[\"']?(?P<name>[^\"'\n]+)", re.I | re.M)
# An LMS renames files to lastname_firstname_12345_original-name.ipynb (Canvas) or similar.
DEFAULT_PATTERN = r"^(?P<student>[^_\s]+_[^_\s]+)_\d+_"
ATTEMPTED = ("correct", "incorrect", "invalid")


# What the lessons are: number, title and exercise keys, read from notebooks/.

@dataclass(frozen=True)
class Lesson:
    """A lesson notebook: two-digit number, title (its H1) and exercise keys in order."""

    number: str
    title: str
    keys: tuple[str, ...]


def load_lessons(folder: Path | None = None) -> dict[str, Lesson]:
    """Read every lesson notebook's number, title and exercise keys.

    Example:
        >>> load_lessons()["00"].keys
        ('0.1', '0.2')
    """
    lessons = {}
    for path in sorted((folder or repo_root() / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        lessons[path.name[:2]] = Lesson(path.name[:2], notebook_title(notebook),
                                        tuple(dict.fromkeys(check_keys(notebook))))
    return lessons


def notebook_title(notebook: dict) -> str:
    """Return the text of a notebook's first H1 heading ('' when there is none)."""
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown":
            match = re.search(r"^# (.+)$", _source(cell), re.M)
            if match:
                return match[1].strip()
    return ""


def check_keys(notebook: dict) -> list[str]:
    """List the exercise keys of every ``check("N.k", ...)`` call in a notebook's code."""
    return [m["key"] for cell in notebook.get("cells", []) if cell.get("cell_type") == "code"
            for m in CHECK_KEY.finditer(_source(cell))]


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def identify_lesson(notebook: dict, lessons: dict[str, Lesson]) -> str | None:
    """Say which lesson a notebook is: from its metadata, its exercises, or its title.

    Example:
        >>> cell = {"cell_type": "code", "source": 'check("0.1", answer_0_1)'}
        >>> identify_lesson({"metadata": {}, "cells": [cell]}, load_lessons())
        '00'
    """
    marked = notebook.get("metadata", {}).get(METADATA_KEY, {})
    if isinstance(marked, dict) and marked.get("lesson") in lessons:
        return marked["lesson"]
    by_key = {key: number for number, lesson in lessons.items() for key in lesson.keys}
    votes = Counter(by_key[key] for key in check_keys(notebook) if key in by_key)
    if votes:
        return votes.most_common(1)[0][0]
    title = notebook_title(notebook)
    return next((n for n, lesson in lessons.items() if title and lesson.title == title), None)


def identify_student(path: Path, notebook: dict | None, *, folder: Path, pattern: str) -> str:
    """Name a submission's student: file-name pattern, else a name cell, else its folder.

    ``pattern`` is a regular expression searched in the file name; its ``student`` group
    (or else the whole match) names the student.

    Example:
        >>> identify_student(Path("s/doe_jane_12345_01-the-coup.ipynb"), None,
        ...                  folder=Path("s"), pattern=DEFAULT_PATTERN)
        'doe_jane'
    """
    match = re.search(pattern, path.name)
    if match:
        return (match.groupdict().get("student") or match[0]).strip()
    for cell in (notebook or {}).get("cells", [])[:8]:
        named = NAME_CELL.search(_source(cell))
        if named:
            return named["name"].strip()
    relative = path.relative_to(folder)
    return relative.parts[0] if len(relative.parts) > 1 else path.stem


# Running one submission: a child process, a fresh kernel, limits, an event log.

@dataclass
class Run:
    """What happened when one submission was executed."""

    outcome: str                      # ran, timed out, kernel died, not a notebook, ...
    detail: str = ""
    events: list[dict] = field(default_factory=list)
    seconds: float = 0.0


def _limit_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_submission(path: Path, *, timeout: float, cell_timeout: float, memory_mb: int) -> Run:
    """Execute one notebook in a child process with time and memory limits; never raises."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="class-report-") as tmp:
        work = Path(tmp)
        notebook = work / "submission.ipynb"
        notebook.write_bytes(path.read_bytes())
        log, result = work / "events.jsonl", work / "result.json"
        env = {**os.environ, LOG_VARIABLE: str(log), "HOME": str(work),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(repo_root() / "tests" / "offline"),
                                                   os.environ.get("PYTHONPATH")])),
               "JUPYTER_RUNTIME_DIR": str(work / "runtime"), "OPENBLAS_NUM_THREADS": "1",
               "MPLCONFIGDIR": str(work / "mpl")}
        command = [sys.executable, str(Path(__file__).resolve()), "--execute-one",
                   str(notebook), "--result", str(result), "--timeout", str(timeout),
                   "--cell-timeout", str(cell_timeout)]
        child = subprocess.Popen(command, cwd=work, env=env, start_new_session=True,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                 preexec_fn=lambda: _limit_memory(memory_mb))
        try:
            _, stderr = child.communicate(timeout=timeout + 5)
            ran = (json.loads(result.read_text()) if result.exists()
                   else {"outcome": "crashed", "detail": _last_line(stderr)})
        except subprocess.TimeoutExpired:
            _stop(child)
            ran = {"outcome": "timed out", "detail": f"still running after {timeout:g} s"}
        events = _read_events(log)
    if ran["outcome"] == "kernel died":
        ran["detail"] = (f"the kernel stopped: a crash, an exit, or more than {memory_mb} MiB "
                         "of memory")
    return Run(ran["outcome"], ran.get("detail", ""), events, time.monotonic() - started)


def _stop(child: subprocess.Popen) -> None:
    """Ask the child to shut its kernel down (SIGTERM), then kill its process group."""
    os.killpg(child.pid, signal.SIGTERM)
    try:
        child.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()


def _last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1][:300] if lines else "the process ended without a result"


def _read_events(log: Path) -> list[dict]:
    if not log.exists():
        return []
    events = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(event, dict):
            events.append(event)
    return events


def execute_one(notebook_path: Path, result: Path, *, timeout: float,
                cell_timeout: float) -> None:
    """(Child process.) Run every cell, marking in the log which cell each event came from."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    log = Path(os.environ[LOG_VARIABLE])
    deadline = time.monotonic() + timeout
    outcome = {"outcome": "ran", "detail": ""}

    def mark(cell, cell_index, execute_reply):
        with log.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"event": "cell", "index": cell_index}) + "\n")
        if time.monotonic() > deadline:
            raise CellTimeoutError(f"the notebook took longer than {timeout:g} s")

    def stop(signum, frame):
        raise TimeoutError(f"the notebook took longer than {timeout:g} s")

    signal.signal(signal.SIGTERM, stop)     # the parent's time limit: shut the kernel down
    notebook = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(notebook, timeout=min(timeout, cell_timeout), kernel_name="python3",
                            allow_errors=True, on_cell_executed=mark, config=kernel_config(),
                            resources={"metadata": {"path": str(notebook_path.parent)}})
    try:
        client.execute()
        errors = sum(o.get("output_type") == "error" for c in notebook.cells
                     for o in c.get("outputs", []))
        outcome["detail"] = f"{errors} cell(s) raised an error" if errors else ""
    except DeadKernelError as error:
        outcome = {"outcome": "kernel died", "detail": str(error)[:300]}
    except (CellTimeoutError, TimeoutError) as error:
        outcome = {"outcome": "timed out", "detail": str(error)[:300]}
    except Exception as error:  # the run must report, whatever the notebook did
        outcome = {"outcome": "failed to run", "detail": f"{type(error).__name__}: {error}"[:300]}
    result.write_text(json.dumps(outcome), encoding="utf-8")


# From events to one result per exercise.

@dataclass(frozen=True)
class Result:
    """One exercise in one submission."""

    key: str
    status: str                       # correct, wrong, not attempted
    answer: str = ""
    feedback: str = ""
    revealed_first: bool = False


def exercise_results(events: list[dict], keys: tuple[str, ...], saved: dict) -> list[Result]:
    """Turn the logged events of one run into one result per exercise of its lesson.

    The last ``check`` of an exercise decides its status; "revealed first" means a
    ``reveal`` of it ran before that check, in the re-run or, by the saved execution
    counts, in the student's own session.

    Example:
        >>> events = [{"event": "reveal", "key": "0.1"},
        ...           {"event": "check", "key": "0.1", "status": "correct", "answer": "x"}]
        >>> exercise_results(events, ("0.1", "0.2"), {"cells": []})[0].revealed_first
        True
    """
    last_check, first_reveal = {}, {}
    for order, event in enumerate(events):
        key = str(event.get("key", ""))
        if event.get("event") == "check":
            last_check[key] = (order, event)
        elif event.get("event") == "reveal":
            first_reveal.setdefault(key, order)
    saved_first = revealed_in_session(saved)
    results = []
    for key in keys:
        order, event = last_check.get(key, (None, {}))
        status = event.get("status")
        revealed = (key in first_reveal and (order is None or first_reveal[key] < order)
                    ) or key in saved_first
        if status in ATTEMPTED:
            results.append(Result(key, "correct" if status == "correct" else "wrong",
                                  str(event.get("answer", "")), str(event.get("message", "")),
                                  revealed))
        else:
            results.append(Result(key, "not attempted", revealed_first=revealed))
    return results


def revealed_in_session(saved: dict) -> set[str]:
    """Keys whose ``reveal`` cell was run before their ``check`` cell, by saved counts."""
    reveal_at, check_at = {}, {}
    for cell in saved.get("cells", []):
        count = cell.get("execution_count")
        if cell.get("cell_type") != "code" or not isinstance(count, int):
            continue
        for match in REVEAL_KEY.finditer(_source(cell)):
            reveal_at[match["key"]] = min(count, reveal_at.get(match["key"], count))
        for match in CHECK_KEY.finditer(_source(cell)):
            check_at[match["key"]] = max(count, check_at.get(match["key"], count))
    return {key for key, count in reveal_at.items() if count < check_at.get(key, 0)}


# The whole class.

@dataclass
class Submission:
    """One file of the submissions folder and what came of it."""

    path: str
    student: str
    lesson: str | None
    outcome: str
    detail: str = ""
    results: list[Result] = field(default_factory=list)


def find_files(folder: Path) -> list[Path]:
    """Every file under the folder, at any depth, except hidden ones and checkpoints."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(folder).parts))


def grade_folder(folder: Path, *, timeout: float, cell_timeout: float, memory_mb: int,
                 pattern: str = DEFAULT_PATTERN, echo=print) -> list[Submission]:
    """Identify, re-execute and grade every submission under ``folder``."""
    lessons, submissions = load_lessons(), []
    for path in find_files(folder):
        relative = path.relative_to(folder).as_posix()
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
                raise ValueError("no list of cells")
        except (UnicodeDecodeError, ValueError) as error:
            student = identify_student(path, None, folder=folder, pattern=pattern)
            submissions.append(Submission(relative, student, None, "not a notebook",
                                          str(error)[:200]))
            echo(f"not a notebook  {relative}")
            continue
        student = identify_student(path, notebook, folder=folder, pattern=pattern)
        lesson = identify_lesson(notebook, lessons)
        if lesson is None:
            submissions.append(Submission(relative, student, None, "unknown lesson",
                                          "no exercise of this module and no lesson title"))
            echo(f"unknown lesson  {relative}")
            continue
        run = run_submission(path, timeout=timeout, cell_timeout=cell_timeout,
                             memory_mb=memory_mb)
        results = exercise_results(run.events, lessons[lesson].keys, notebook)
        submissions.append(Submission(relative, student, lesson, run.outcome, run.detail,
                                      results))
        echo(f"{run.outcome:15} {relative} ({student}, lesson {lesson}, {run.seconds:.1f} s)")
    return submissions


def grade_rows(submissions: list[Submission], lessons: dict[str, Lesson]) -> list[dict]:
    """One row per student, one column per exercise: 1 correct, 0 not, blank not submitted.

    Example:
        >>> sub = Submission("a.ipynb", "ann", "00", "ran", results=[
        ...     Result("0.1", "correct"), Result("0.2", "wrong", "7")])
        >>> grade_rows([sub], load_lessons())[0]["0.2"]
        0
    """
    rows: dict[str, dict] = {}
    for sub in submissions:
        row = rows.setdefault(sub.student, {"student": sub.student})
        for result in sub.results:
            row[result.key] = max(int(result.status == "correct"), row.get(result.key, 0))
    keys = [key for lesson in lessons.values() for key in lesson.keys]
    table = []
    for student in sorted(rows):
        row = {"student": student, **{key: rows[student].get(key, "") for key in keys}}
        row["total"] = sum(value for value in row.values() if isinstance(value, int))
        table.append(row)
    return table


def write_csv(rows: list[dict], lessons: dict[str, Lesson], target: Path) -> None:
    """Write the gradebook CSV (columns: student, every exercise, total)."""
    keys = [key for lesson in lessons.values() for key in lesson.keys]
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["student", *keys, "total"])
        writer.writeheader()
        writer.writerows(rows)


def _table(headers: list[str], rows: list[list[object]], caption: str) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    return (f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def report_html(submissions: list[Submission], lessons: dict[str, Lesson]) -> str:
    """Write the class report page: submissions, completion, success, wrong answers, reveals."""
    graded = [s for s in submissions if s.lesson]
    sections = [_table(["file", "student", "lesson", "outcome", "detail"],
                       [[s.path, s.student, s.lesson or "", s.outcome, s.detail]
                        for s in submissions], "Every file in the submissions folder")]
    completion = []
    for number, lesson in lessons.items():
        subs = [s for s in graded if s.lesson == number]
        if subs:
            done = sum(all(r.status == "correct" for r in s.results) for s in subs)
            completion.append([f"{number} {lesson.title}", len(subs), done,
                               f"{100 * done / len(subs):.0f}%"])
    sections.append(_table(["lesson", "submissions", "all exercises correct", "completion"],
                           completion, "Completion per lesson"))
    by_key = defaultdict(list)
    for sub in graded:
        for result in sub.results:
            by_key[result.key].append((sub.student, result))
    success, wrong, reveals = [], [], []
    for key, pairs in by_key.items():
        counts = Counter(r.status for _, r in pairs)
        success.append([key, len(pairs), counts["correct"], counts["wrong"],
                        counts["not attempted"], f"{100 * counts['correct'] / len(pairs):.0f}%"])
        answers = Counter((r.answer, r.feedback) for _, r in pairs if r.status == "wrong")
        wrong += [[key, answer, n, feedback] for (answer, feedback), n in answers.most_common(5)]
        revealed = sorted({student for student, r in pairs if r.revealed_first})
        if revealed:
            reveals.append([key, ", ".join(revealed)])
    sections += [
        _table(["exercise", "submissions", "correct", "wrong", "not attempted", "success rate"],
               success, "Success rate per exercise"),
        _table(["exercise", "wrong answer (as check read it)", "how many", "feedback given"],
               wrong, "Most common wrong answers: the misconceptions to address next class"),
        _table(["exercise", "students"], reveals,
               "Solution revealed before the answer that was graded")]
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Class report</title><style>table{border-collapse:collapse;margin:1em 0}"
            "td,th{border:1px solid #999;padding:2px 6px;text-align:left}"
            "caption{font-weight:bold;text-align:left}</style></head><body><main>"
            "<h1>Class report</h1><p>Every submission was re-executed in a fresh kernel; "
            "saved outputs were not used for grades.</p>" + "".join(sections)
            + "</main></body></html>\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", type=Path, nargs="?")
    parser.add_argument("--out", type=Path, default=Path("report"))
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds allowed per notebook (default 120)")
    parser.add_argument("--cell-timeout", type=float, default=30.0,
                        help="seconds allowed per cell (default 30)")
    parser.add_argument("--memory-mb", type=int, default=3072,
                        help="address-space limit of each run, MiB (default 3072)")
    parser.add_argument("--student-pattern", default=DEFAULT_PATTERN,
                        help="regex on the file name; its 'student' group names the student")
    parser.add_argument("--execute-one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute_one:
        execute_one(args.execute_one, args.result, timeout=args.timeout,
                    cell_timeout=args.cell_timeout)
        return 0
    if args.submissions is None or not args.submissions.is_dir():
        parser.error("give the folder of submitted notebooks, e.g. SUBMISSIONS=collected/")
    submissions = grade_folder(args.submissions.resolve(), timeout=args.timeout,
                               cell_timeout=args.cell_timeout, memory_mb=args.memory_mb,
                               pattern=args.student_pattern)
    lessons = load_lessons()
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(grade_rows(submissions, lessons), lessons, args.out / "grades.csv")
    (args.out / "index.html").write_text(report_html(submissions, lessons), encoding="utf-8")
    (args.out / "results.json").write_text(json.dumps(
        [{**vars(s), "results": [vars(r) for r in s.results]} for s in submissions], indent=1),
        encoding="utf-8")
    print(f"wrote {args.out / 'grades.csv'} and {args.out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
