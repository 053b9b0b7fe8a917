"""The instructor edition: solutions filled in, notes and banner added, the build executes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from edition_fixtures import discussions_of, exercise, student
from editions import (
    BANNER_MARKER,
    NOTES_MARKER,
    fill_solutions,
    load_discussions,
    make_instructor_edition,
    notes_markdown,
    solution_failures,
)

REPO = Path(__file__).resolve().parents[1]


def test_fill_solutions_replaces_only_placeholders_and_keeps_indentation() -> None:
    keys = {"9.1": exercise("9.1", '"Gao"'), "9.2": exercise("9.2", "round(3.2)")}
    text = 'answer_9_1 = ...\nif True:\n    answer_9_2 = ...\nanswer_9_3 = "mine"'
    assert fill_solutions(text, keys) == (
        'answer_9_1 = "Gao"\nif True:\n    answer_9_2 = round(3.2)\nanswer_9_3 = "mine"')


def test_a_placeholder_without_a_key_is_named() -> None:
    with pytest.raises(ValueError, match=r'answer_9_4 has no key: add \[exercise."9.4"\]'):
        fill_solutions("answer_9_4 = ...", {})


def test_edition_has_banner_solutions_and_notes_and_leaves_the_student_copy_alone() -> None:
    nb = student(("markdown", "# T"), ("code", 'answer_9_1 = ...\ncheck("9.1", answer_9_1)'),
                 ("markdown", "## For discussion\n\n1. Why?"), ("markdown", "## Key points"))
    notes = {"1": {"prompt": "Why?", "surface": "Because the north was far."}}
    edition = make_instructor_edition(nb, {"9.1": exercise("9.1", '"Gao"')}, notes,
                                      name="09-x.ipynb", key_file="lesson09.toml")
    tags = [c["metadata"].get("tags", []) for c in edition["cells"]]
    assert tags[0] == [BANNER_MARKER] and tags[4] == [NOTES_MARKER]
    assert edition["cells"][2]["source"].startswith('answer_9_1 = "Gao"')
    assert "Because the north was far." in edition["cells"][4]["source"]
    assert nb["cells"][1]["source"].startswith("answer_9_1 = ...") and len(nb["cells"]) == 4


def test_notes_without_a_discussion_section_are_an_error() -> None:
    with pytest.raises(ValueError, match="no '## For discussion' section"):
        make_instructor_edition(student(("markdown", "# T")), {},
                                {"1": {"prompt": "p", "surface": "s"}},
                                name="09-x.ipynb", key_file="lesson09.toml")


def test_missing_notes_are_said_not_hidden() -> None:
    assert "add `[discussion.\"N\"]` tables to lesson09.toml" in notes_markdown(
        {}, key_file="lesson09.toml")


def test_a_discussion_table_without_surface_is_named(tmp_path: Path) -> None:
    key_file = tmp_path / "lesson09.toml"
    key_file.write_text('[discussion."1"]\nprompt = "Why?"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="lesson09.toml: discussion '1' needs surface"):
        load_discussions(key_file)


def test_build_writes_an_executed_edition_whose_solutions_pass(tmp_path: Path) -> None:
    source = REPO / "notebooks" / "00-start-here.ipynb"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_instructor.py"), "--out", str(tmp_path),
         str(source)], capture_output=True, text=True, cwd=REPO, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO / "tests" / "offline")})
    assert result.returncode == 0, result.stderr
    edition = nbformat.read(tmp_path / source.name, as_version=4)
    assert solution_failures(edition) == []
    assert all(c["execution_count"] for c in edition.cells if c.cell_type == "code")
    texts = ["".join(c.source) for c in edition.cells]
    assert "INSTRUCTOR EDITION" in texts[0]
    for note in discussions_of(source).values():
        assert any(note["surface"] in text for text in texts)

