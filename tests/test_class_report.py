"""The class report: identifying lessons and students, grading re-executed submissions."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import psutil
import pytest
from build_graded import mark_lesson
from class_report import (
    DEFAULT_PATTERN,
    Result,
    Submission,
    exercise_results,
    grade_rows,
    identify_lesson,
    identify_student,
    load_lessons,
    report_html,
)
from editions import make_instructor_edition

from helpers.exercises import load_exercises

REPO = Path(__file__).resolve().parents[1]
LESSON_00 = json.loads((REPO / "notebooks" / "00-start-here.ipynb").read_text(encoding="utf-8"))
LESSONS = load_lessons()


def code(source: str) -> dict:
    return {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
            "source": source}


def answered(notebook: dict, first: str, second: str) -> dict:
    """A copy of lesson 00 with both placeholders replaced by the given Python literals."""
    copy = json.loads(json.dumps(notebook))
    for cell in copy["cells"]:
        text = "".join(cell["source"]).replace("answer_0_1 = ...", f"answer_0_1 = {first}")
        cell["source"] = text.replace("answer_0_2 = ...", f"answer_0_2 = {second}")
    return copy


def insert_before_check(notebook: dict, key: str, cell: dict) -> dict:
    index = next(i for i, c in enumerate(notebook["cells"])
                 if f'check("{key}"' in "".join(c["source"]))
    notebook["cells"].insert(index, cell)
    return notebook


# Identifying lessons and students.

def test_lesson_comes_from_metadata_then_exercises_then_title():
    assert identify_lesson(mark_lesson({"metadata": {}, "cells": []}, "03", "graded"),
                           LESSONS) == "03"
    assert identify_lesson(LESSON_00, LESSONS) == "00"
    titled = {"metadata": {}, "cells": [{"cell_type": "markdown",
                                         "source": f"# {LESSONS['04'].title}\n"}]}
    assert identify_lesson(titled, LESSONS) == "04"
    assert identify_lesson({"metadata": {}, "cells": [code("print(1)")]}, LESSONS) is None


def test_student_from_pattern_name_cell_or_folder(tmp_path):
    lms = tmp_path / "doe_jane_12345_01-the-coup.ipynb"
    assert identify_student(lms, None, folder=tmp_path, pattern=DEFAULT_PATTERN) == "doe_jane"
    named = {"cells": [{"cell_type": "markdown", "source": "Name: Ana Traoré\n"}]}
    assert identify_student(tmp_path / "x.ipynb", named, folder=tmp_path,
                            pattern=DEFAULT_PATTERN) == "Ana Traoré"
    nested = tmp_path / "omar" / "00-start-here.ipynb"
    assert identify_student(nested, LESSON_00, folder=tmp_path,
                            pattern=DEFAULT_PATTERN) == "omar"
    mine = tmp_path / "01-the-coup-anna.ipynb"
    assert identify_student(mine, None, folder=tmp_path,
                            pattern=r"\d{2}-[a-z-]+-(?P<student>[a-z]+)\.ipynb") == "anna"


# From logged events to results.

def test_last_check_decides_and_reveal_before_it_is_flagged():
    events = [{"event": "check", "key": "0.1", "status": "incorrect", "answer": "2012-03-22",
               "message": "coup"},
              {"event": "check", "key": "0.1", "status": "correct", "answer": "2013-01-11"},
              {"event": "check", "key": "0.2", "status": "incorrect", "answer": "461",
               "message": "Mopti"},
              {"event": "reveal", "key": "0.2"}]
    first, second = exercise_results(events, ("0.1", "0.2"), {"cells": []})
    assert (first.status, first.revealed_first) == ("correct", False)
    assert (second.status, second.answer, second.feedback) == ("wrong", "461", "Mopti")
    assert not second.revealed_first


def test_saved_execution_counts_show_a_reveal_before_the_final_check():
    saved = {"cells": [{**code('answer_0_1 = "x"\ncheck("0.1", answer_0_1)'),
                        "execution_count": 7},
                       {**code('reveal("0.1")'), "execution_count": 5}]}
    result, = exercise_results([], ("0.1",), saved)
    assert result.status == "not attempted" and result.revealed_first


def test_grades_one_row_per_student_and_html_escapes_answers():
    subs = [Submission("a.ipynb", "ann", "00", "ran", results=[
                Result("0.1", "correct"), Result("0.2", "wrong", "<script>x</script>", "no")]),
            Submission("b.ipynb", "ann", "01", "ran", results=[Result("1.1", "correct")])]
    row, = grade_rows(subs, LESSONS)
    assert (row["0.1"], row["0.2"], row["1.1"], row["2.1"], row["total"]) == (1, 0, 1, "", 2)
    page = report_html(subs, LESSONS)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


# The whole pipeline on sample submissions of lesson 00 (each re-executed: about 3 s each).
# A hang is only found by waiting out the cell time limit, so that limit is as short as
# still leaves every cell of lesson 00 a wide margin.
CELL_TIMEOUT_S = 10

@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    out = tmp_path_factory.mktemp("report")

    def put(relative: str, notebook: dict) -> None:
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(json.dumps(notebook), encoding="utf-8")

    put("ann/00-start-here.ipynb", make_instructor_edition(
        LESSON_00, load_exercises(), {}, name="00-start-here.ipynb", key_file="-"))
    put("bob/00-start-here.ipynb", LESSON_00)
    put("cy/00-start-here.ipynb", answered(LESSON_00, '"10 January 2013"', "461"))
    lms = insert_before_check(answered(mark_lesson(LESSON_00, "00", "graded"),
                                       '"11 Jan 2013"', '"<script>"'), "0.1", code('reveal("0.1")'))
    put("doe_jane_12345_01-the-coup.ipynb", lms)
    put("eve/00-start-here.ipynb", insert_before_check(
        answered(LESSON_00, '"2013-01-11"', "61"), "0.2", code("while True:\n    pass")))
    (folder / "fay").mkdir()
    (folder / "fay" / "00-start-here.ipynb").write_text("not JSON {", encoding="utf-8")
    put("gil/00-start-here.ipynb", insert_before_check(
        answered(LESSON_00, '"2013-01-11"', "61"), "0.2", code("import os\nos._exit(1)")))
    run = subprocess.run([sys.executable, "scripts/class_report.py", str(folder), "--out",
                          str(out), "--timeout", "300",
                          "--cell-timeout", str(CELL_TIMEOUT_S)], cwd=REPO, capture_output=True,
                         text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    with (out / "grades.csv").open(encoding="utf-8") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    results = {s["student"]: s for s in json.loads((out / "results.json").read_text())}
    return rows, results, (out / "index.html").read_text(encoding="utf-8")


def statuses(results: dict, student: str) -> list[str]:
    return [r["status"] for r in results[student]["results"]]


def test_instructor_edition_gets_every_exercise(report):
    rows, results, _ = report
    assert (rows["ann"]["0.1"], rows["ann"]["0.2"], rows["ann"]["total"]) == ("1", "1", "2")
    assert statuses(results, "ann") == ["correct", "correct"]


def test_student_edition_is_not_attempted(report):
    rows, results, _ = report
    assert (rows["bob"]["0.1"], rows["bob"]["0.2"]) == ("0", "0")
    assert statuses(results, "bob") == ["not attempted", "not attempted"]
    assert "<td>bob/00-start-here.ipynb</td><td>bob</td><td>00</td><td>ran</td>" in report[2]


def test_wrong_answers_are_kept_with_their_feedback(report):
    _, results, page = report
    assert statuses(results, "cy") == ["wrong", "wrong"]
    assert [r["answer"] for r in results["cy"]["results"]] == ["2013-01-10", "461"]
    assert "distance from Bamako. The question asks how far Konna was from Mopti." in page
    assert "Close: 10 January" in page


def test_lms_name_graded_edition_and_reveal_first(report):
    rows, results, page = report
    assert results["doe_jane"]["lesson"] == "00"       # its name says 01, its content 00
    assert rows["doe_jane"]["0.1"] == "1" and rows["doe_jane"]["1.1"] == ""
    first, second = results["doe_jane"]["results"]
    assert first["revealed_first"] and second["status"] == "wrong"
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "<td>0.1</td><td>doe_jane</td>" in page


def test_a_hang_a_crash_and_a_non_notebook_are_reported(report):
    rows, results, page = report
    assert results["eve"]["outcome"] == "timed out"
    assert "<td>eve/00-start-here.ipynb</td><td>eve</td><td>00</td><td>timed out</td>" in page
    assert "<td>gil/00-start-here.ipynb</td><td>gil</td><td>00</td><td>kernel died</td>" in page
    assert statuses(results, "eve") == ["correct", "not attempted"]
    assert results["gil"]["outcome"] == "kernel died"
    assert statuses(results, "gil") == ["correct", "not attempted"]
    assert results["fay"]["outcome"] == "not a notebook" and rows["fay"]["0.1"] == ""
    assert "<td>fay/00-start-here.ipynb</td><td>fay</td><td></td><td>not a notebook</td>" in page


def test_completion_and_success_rate_in_the_page(report):
    _, _, page = report
    assert f"<td>00 {LESSONS['00'].title}</td><td>6</td><td>1</td><td>17%</td>" in page
    assert "<td>0.1</td><td>6</td><td>4</td><td>1</td><td>1</td><td>67%</td>" in page


def test_no_kernel_outlives_the_run(report):
    left = [p.pid for p in psutil.process_iter(["cmdline"])
            if any("class-report-" in part for part in p.info["cmdline"] or [])]
    assert left == []
