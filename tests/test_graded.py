"""The graded edition: a key without readable solutions, and an nbgrader course run for real."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from build_graded import accepted_texts, build, graded_key

from helpers import exercises
from helpers.exercises import GRADED_KEY, LOG_VARIABLE, check, hint, load_exercises, reveal

REPO = Path(__file__).resolve().parents[1]
KEYS = load_exercises()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    out = tmp_path_factory.mktemp("graded") / "graded"
    build(out, salt="test-salt")
    return out


@pytest.fixture
def graded_keys(graded, monkeypatch):
    """check/hint/reveal reading the graded key instead of helpers/keys/*.toml."""
    monkeypatch.setattr(exercises, "keys_dir", lambda: graded / "helpers" / "keys")


def test_graded_copy_has_no_readable_key(graded):
    keys = graded / "helpers" / "keys"
    assert sorted(p.name for p in keys.iterdir()) == [GRADED_KEY]
    text = (keys / GRADED_KEY).read_text(encoding="utf-8")
    for exercise in KEYS.values():
        for secret in (exercise.solution, exercise.explanation, *exercise.hints,
                       *exercise.feedback.values()):
            assert len(secret) < 6 or secret not in text, (exercise.key, secret)
        if exercise.kind in ("date", "items", "text"):
            assert all(len(answer) < 3 or answer not in text
                       for answer in accepted_texts(exercise)), exercise.key


def test_graded_check_accepts_every_solution_and_rejects_a_wrong_one(graded_keys):
    for key, exercise in KEYS.items():
        wrong = {"date": "1900-01-01", "number": -12345, "items": ["nothing"]}
        assert check(key, exercise.answer).status == "correct", key
        assert check(key, wrong.get(exercise.kind, "nothing at all")).status == "incorrect", key


def test_graded_number_tolerance_is_kept_on_its_grid(graded_keys):
    assert check("0.2", 61).status == check("0.2", 64).status == "correct"   # 61 ± 3
    assert check("0.2", 58.2).status == "correct"
    assert check("0.2", 65).status == check("0.2", 57).status == "incorrect"
    assert len(graded_key(KEYS, salt="s")["exercise"]["0.2"]["digests"]) == 61


def test_graded_hint_and_reveal_give_nothing_away(graded_keys):
    assert "not part of the graded edition" in str(hint("0.1"))
    assert "2013-01-11" not in repr(reveal("0.1"))
    assert check("0.1", "2013-01-10").message.startswith("that is not it")


def test_events_are_logged_only_when_asked(tmp_path, monkeypatch):
    log = tmp_path / "events.jsonl"
    monkeypatch.delenv(LOG_VARIABLE, raising=False)
    check("0.1", "2013-01-11")
    assert not log.exists()
    monkeypatch.setenv(LOG_VARIABLE, str(log))
    check("0.1", "22 March 2012")
    reveal("0.1")
    first, second = (json.loads(line) for line in log.read_text().splitlines())
    assert (first["event"], first["status"], first["answer"]) == ("check", "incorrect",
                                                                  "2012-03-22")
    assert first["message"].startswith("That is the date of the coup")
    assert second == {"event": "reveal", "key": "0.1"}


def test_graded_notebooks_name_their_lesson(graded):
    notebook = json.loads((graded / "notebooks" / "04-us-law.ipynb").read_text())
    assert notebook["metadata"]["mali_module"] == {"lesson": "04", "edition": "graded"}


# nbgrader, for real: release the nbgrader course's lesson 00, autograde two submissions.

def nbgrader(course: Path, *args: str) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO / "tests" / "offline")}
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


def submit(release: dict, course: Path, student: str, answers: dict[str, str]) -> None:
    notebook = json.loads(json.dumps(release))
    for cell in notebook["cells"]:
        text = "".join(cell["source"])
        for name, value in answers.items():
            text = text.replace(f"{name} = (\n    ...\n)", f"{name} = {value}")
        cell["source"] = text
    target = course / "submitted" / student / "lesson00" / "00-start-here.ipynb"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps(notebook), encoding="utf-8")


def test_nbgrader_releases_and_autogrades_the_graded_edition(graded, tmp_path):
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    (course / "nbgrader_config.py").write_text(
        (graded / "nbgrader" / "nbgrader_config.py").read_text())
    os.symlink(graded / "nbgrader" / "source" / "lesson00", course / "source" / "lesson00")
    nbgrader(course, "generate_assignment", "lesson00", "--create")
    released = course / "release" / "lesson00" / "00-start-here.ipynb"
    release = json.loads(released.read_text(encoding="utf-8"))
    assert '"2013-01-11"' not in released.read_text() and "check(" in released.read_text()
    submit(release, course, "ann", {"answer_0_1": '"11 January 2013"', "answer_0_2": "61"})
    submit(release, course, "bob", {"answer_0_1": '"2013-01-10"'})
    nbgrader(course, "autograde", "lesson00", "--create")
    nbgrader(course, "export", "--to", "grades.csv")
    with (course / "grades.csv").open() as handle:
        scores = {row["student_id"]: (row["score"], row["max_score"])
                  for row in csv.DictReader(handle)}
    assert scores == {"ann": ("2.0", "2.0"), "bob": ("0.0", "2.0")}


def test_script_examples_run():
    import doctest

    import build_graded
    import class_report
    for module in (build_graded, class_report):
        assert doctest.testmod(module).failed == 0, module.__name__


# The graded edition reads answers with the same readers as the normal one, then hashes them.

def lenient_answers() -> list[tuple[str, object]]:
    import numpy as np
    import pandas as pd
    return [
        ("1.2", "African Union (AU)"), ("1.2", "AU"), ("1.2", ["the African Union"]),
        ("1.5", "b) a formal finding"), ("1.5", "(b)"), ("1.5", "B"),
        ("6.4", "b) France and its partners announced"), ("4.3", "Policies."),
        ("2.1", ["mujao"]), ("2.3", np.int64(10)), ("2.3", pd.DataFrame({"jihadist": [10]})),
        ("3.1", np.float64(5.3)), ("3.1", "5,3"), ("0.2", "61,0 km"), ("0.2", "about 61 km"),
        ("6.3", pd.Series(["ev-20200818-coup", "ev-20210524-coup"])),
        ("2.2", "10th January 2013"), ("2.2", "Thursday 10 January 2013"),
        ("4.1", "January 21st, 2013"), ("4.1", "21.01.2013"), ("4.1", pd.Timestamp("2013-01-21")),
    ]


@pytest.mark.parametrize("case", range(len(lenient_answers())))
def test_every_leniency_of_check_holds_in_the_graded_edition(case, graded, monkeypatch):
    key, answer = lenient_answers()[case]
    assert check(key, answer).status == "correct", (key, answer)
    monkeypatch.setattr(exercises, "keys_dir", lambda: graded / "helpers" / "keys")
    assert check(key, answer).status == "correct", (key, answer, check(key, answer))


@pytest.mark.parametrize(("key", "answer"), [
    ("1.5", "b\u0431"), ("1.5", "b) the soldiers had not yet taken power"), ("1.2", "\u0410U"),
    ("2.1", "muja\u043e"), ("3.1", "51 3"), ("0.2", "\u221261"),
    ("2.2", "Thursday 11 January 2013"),
])
def test_graded_edition_refuses_what_check_refuses(key, answer, graded_keys):
    assert check(key, answer).status != "correct", (key, answer)
