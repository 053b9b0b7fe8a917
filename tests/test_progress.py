"""The progress summary reads saved notebooks only and says what to do next."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.exercises import check, reveal
from helpers.progress import Progress, exercise_statuses, progress

REPO = Path(__file__).resolve().parents[1]


def exercise_cell(key: str, value: str, output: object | None = None) -> dict:
    name = "answer_" + key.replace(".", "_")
    outputs = [] if output is None else [
        {"output_type": "execute_result", "data": {"text/plain": repr(output)}}]
    return {"cell_type": "code", "source": f'{name} = {value}\ncheck("{key}", {name})',
            "outputs": outputs}


def reveal_cell(key: str, *, run: bool) -> dict:
    outputs = [{"output_type": "execute_result",
                "data": {"text/plain": repr(reveal(key))}}] if run else []
    return {"cell_type": "code", "source": f'reveal("{key}")', "outputs": outputs}


def saved(tmp_path: Path, name: str, cells: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"cells": cells, "metadata": {}}), encoding="utf-8")
    return path


def test_each_saved_state_gets_its_own_status() -> None:
    cells = [exercise_cell("0.1", "..."), exercise_cell("0.1", '"2013-01-11"'),
             exercise_cell("0.1", '"2012-03-22"', check("0.1", "2012-03-22")),
             exercise_cell("0.1", "[1]", check("0.1", [1])),
             exercise_cell("0.1", '"11 Jan 2013"', check("0.1", "11 Jan 2013")),
             exercise_cell("0.1", "...", check("0.1", ...))]
    statuses = [s.status for s in exercise_statuses({"cells": cells}, name="x.ipynb")]
    assert statuses == ["unanswered", "not run", "incorrect", "invalid", "correct",
                        "unanswered"]


def test_a_reveal_counts_only_when_it_was_run() -> None:
    done = exercise_cell("0.2", "513", check("0.2", 513))
    ran = exercise_statuses({"cells": [done, reveal_cell("0.2", run=True)]}, name="x")
    not_ran = exercise_statuses({"cells": [done, reveal_cell("0.2", run=False)]}, name="x")
    assert ran[0].describe() == "done (after reveal)" and not_ran[0].describe() == "done"


def test_folder_summary_points_to_the_first_exercise_not_done(tmp_path: Path) -> None:
    right = check("0.1", "2013-01-11")
    saved(tmp_path, "00-a.ipynb", [exercise_cell("0.1", '"2013-01-11"', right)])
    saved(tmp_path, "01-b.ipynb", [exercise_cell("0.2", "400", check("0.2", 400)),
                                   exercise_cell("0.1", "...")])
    saved(tmp_path, "scratch.ipynb", [exercise_cell("0.2", "...")])
    result = progress(tmp_path)
    assert [(e.notebook, e.key) for e in result.exercises] == [
        ("00-a.ipynb", "0.1"), ("01-b.ipynb", "0.2"), ("01-b.ipynb", "0.1")]
    assert result.summary() == ("1 of 3 exercises done. Next: exercise 0.2 in 01-b.ipynb "
                                "(tried, not yet right).")
    assert "<td>01-b.ipynb</td><td>0.1</td><td>not started</td>" in result._repr_html_()


def test_all_done_and_nothing_found_say_so() -> None:
    done = exercise_statuses({"cells": [exercise_cell("0.2", "513", check("0.2", 513))]},
                             name="x")
    assert Progress(tuple(done)).next_step().startswith("Every exercise is done")
    assert Progress(()).next_step().startswith("No exercises found")


def test_the_committed_start_notebook_reads_as_not_started() -> None:
    result = progress(REPO / "notebooks" / "00-start-here.ipynb")
    assert [e.status for e in result.exercises] == ["unanswered", "unanswered"]


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "could not read bad.ipynb as a notebook"),
    ('{"cells": 3}', "bad.ipynb is not a Jupyter notebook"),
])
def test_a_broken_notebook_is_named(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.ipynb").write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        progress(tmp_path / "bad.ipynb")


def test_a_wrong_path_gets_advice(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"neither a notebook \(.ipynb\) nor a folder"):
        progress(tmp_path / "missing.ipynb")
