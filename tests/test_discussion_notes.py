"""Moving instructor notes out of a student notebook keeps prompts and notes paired."""

from __future__ import annotations

import pytest
import tomllib

from helpers.discussion_notes import discussion_toml, extract_notes, numbered_items

CELL = """## For discussion

1. Was the coup a cause of the loss of the north,
   or a consequence?
2. Which word would each side use?

<details><summary>For instructors: what a good discussion surfaces</summary>

1. Both: defeats came first, but the capitals fell "after" the coup.
2. Labels are evidence about the speaker.
</details>"""


def test_notes_leave_the_cell_and_pair_with_their_prompts() -> None:
    student, notes = extract_notes(CELL)
    assert "<details" not in student and "Labels are evidence" not in student
    assert student.endswith("2. Which word would each side use?")
    assert notes["1"] == {"prompt": "Was the coup a cause of the loss of the north, or a "
                                    "consequence?",
                          "surface": 'Both: defeats came first, but the capitals fell "after" '
                                     "the coup."}


def test_the_toml_written_reads_back_the_same() -> None:
    _, notes = extract_notes(CELL)
    assert tomllib.loads(discussion_toml(notes))["discussion"] == notes


def test_a_cell_without_notes_is_left_alone() -> None:
    assert extract_notes("## For discussion\n\n1. Why?") == ("## For discussion\n\n1. Why?", {})


def test_prompts_and_notes_numbered_differently_are_refused() -> None:
    with pytest.raises(ValueError, match=r"prompts numbered \['1', '2'\] but notes numbered"):
        extract_notes(CELL.replace("2. Labels are", "Labels are"))


def test_numbered_items_joins_wrapped_lines() -> None:
    assert numbered_items("1. a\n   b\n2. c") == {"1": "a b", "2": "c"}
