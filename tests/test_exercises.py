"""The self-check interface: check, hint, reveal, and the keys behind them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import exercises
from helpers.exercises import check, hint, load_exercises, reveal

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KEYS = load_exercises()


def notebook_check_calls() -> dict[str, str]:
    """Map each exercise key used in a notebook's check("…", …) call to the notebook."""
    used = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for key in re.findall(r'check\("([^"]+)"', "".join(cell["source"])):
                used[key] = path.name
    return used


def solution_namespace() -> dict:
    """What a solution expression may use: the names the notebooks import."""
    from helpers.geo import distance_between
    from helpers.loaders import load_places
    return {"distance_between": distance_between, "places": load_places()}


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_solution_passes_its_own_check(key: str) -> None:
    answer = eval(KEYS[key].solution, solution_namespace())  # noqa: S307 - our own key files
    assert check(key, answer), check(key, answer)


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_foreseen_wrong_answer_gets_its_own_message(key: str) -> None:
    exercise = KEYS[key]
    assert exercise.hints and exercise.explanation
    for wrong, message in exercise.feedback.items():
        result = check(key, wrong)
        assert result.status == "incorrect" and result.message == message


def test_every_key_is_used_by_a_notebook_and_every_check_has_a_key() -> None:
    used = notebook_check_calls()
    assert set(used) <= set(KEYS), f"checks without a key: {set(used) - set(KEYS)}"
    assert set(KEYS) <= set(used), f"keys no notebook uses: {set(KEYS) - set(used)}"


def test_placeholder_and_empty_answers_are_unanswered_not_wrong() -> None:
    for answer in (..., None, "", "   "):
        assert check("0.1", answer).status == "unanswered"


def test_wrong_type_gets_a_message_not_a_traceback() -> None:
    result = check("0.1", {"date": "2013-01-11"})
    assert result.status == "invalid" and "you gave a dictionary" in result.message


def test_unforeseen_wrong_answer_points_to_hint() -> None:
    result = check("0.1", "1 May 2013")
    assert not result and "hint('0.1')" in result.message


def test_feedback_displays_as_text_and_accessible_html() -> None:
    result = check("0.1", "2013-01-11")
    assert repr(result).startswith("✔ Correct (0.1):")
    assert 'role="status"' in result._repr_html_() and "Correct" in result._repr_html_()


def test_hints_are_numbered_and_clamped() -> None:
    assert hint("0.1", 2).startswith("Hint 2 of 2")
    assert hint("0.1", 9).startswith("Hint 2 of 2")


def test_reveal_shows_answer_code_and_reason() -> None:
    text = repr(reveal("0.2"))
    assert "Solution 0.2: 513" in text and "distance_between" in text and "Why:" in text


def test_unknown_exercise_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="there is no exercise '9.9'; exercises: 0.1"):
        check("9.9", 1)


def write_keys(folder: Path, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "lesson99.toml").write_text(text, encoding="utf-8")
    return folder


def test_large_and_decimal_numbers_match_their_feedback_keys(tmp_path: Path, monkeypatch) -> None:
    folder = write_keys(tmp_path / "keys", '''
[exercise."9.3"]
prompt = "How many?"
kind = "number"
answer = 2500000
solution = "2500000"
explanation = "Yes."
[exercise."9.3".feedback]
"1000000" = "That is the first pledge."
"2.5" = "Millions, not units."
''')
    monkeypatch.setattr(exercises, "keys_dir", lambda: folder)
    assert check("9.3", "1,000,000").message == "That is the first pledge."
    assert check("9.3", 2.5).message == "Millions, not units."
    assert check("9.3", "2 500 000")


def test_choice_and_items_kinds(tmp_path: Path, monkeypatch) -> None:
    folder = write_keys(tmp_path / "keys", '''
[exercise."9.1"]
prompt = "Which group?"
kind = "choice"
answer = "MNLA"
accept = ["National Movement for the Liberation of Azawad"]
solution = '"MNLA"'
explanation = "Yes."
[exercise."9.2"]
prompt = "Which towns?"
kind = "items"
answer = ["Gao", "Kidal", "Timbuktu"]
solution = '["Gao", "Kidal", "Timbuktu"]'
explanation = "Yes."
''')
    monkeypatch.setattr(exercises, "keys_dir", lambda: folder)
    assert check("9.1", "national movement for the liberation of Azawad")
    assert check("9.1", ["MNLA"]).status == "invalid"
    assert check("9.2", "timbuktu, GAO and Kidal")
    assert not check("9.2", ["Gao", "Kidal"])


def test_malformed_keys_are_refused(tmp_path: Path) -> None:
    folder = write_keys(tmp_path / "keys", '[exercise."9.1"]\nkind = "essay"\n')
    with pytest.raises(ValueError, match="needs kind"):
        load_exercises(folder=folder)
