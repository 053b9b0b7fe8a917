"""Self-check exercises, answer keys and a learner's progress."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import exercises
from helpers.exercises import (
    Progress,
    check,
    exercise_statuses,
    get_exercise,
    hint,
    load_exercises,
    progress,
    reveal,
)

# The self-check interface: check, hint, reveal, and the keys behind them.

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
KEYS = load_exercises()


def notebook_check_calls() -> dict[str, str]:
    """Map each exercise key used in a notebook's check("…", …) call to the notebook."""
    used = {}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            for key in re.findall(r"""check\(["']([^"']+)["']""", "".join(cell["source"])):
                used[key] = path.name
    return used


def solution_namespace() -> dict:
    """What a solution expression may use: the names the notebooks import."""
    from helpers.data import load_events, load_places
    from helpers.maps import distance_between
    from helpers.synthesis import select_aftermath, years_between
    events = load_events()
    return {"distance_between": distance_between, "places": load_places(), "events": events,
            "aftermath": select_aftermath(events), "years_between": years_between}


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


def test_hints_are_numbered_clamped_and_shown_as_formatted_text() -> None:
    assert repr(hint("0.1", 2)).startswith("Hint 2 of 2")
    assert repr(hint("0.1", 9)).startswith("Hint 2 of 2")
    assert hint("0.1")._repr_markdown_().startswith("**Hint (0.1)**: Hint 1 of 2")
    assert not repr(hint("0.1")).startswith(("'", '"'))


def test_reveal_shows_answer_code_and_reason() -> None:
    text = repr(reveal("0.2"))
    assert "Solution 0.2: 61" in text and "distance_between" in text and "Why:" in text


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
    assert check("9.1", ["MNLA"]) and check("9.1", ["MNLA", "AQIM"]).status == "invalid"
    assert check("9.2", "timbuktu, GAO and Kidal")
    assert not check("9.2", ["Gao", "Kidal"])


@pytest.mark.parametrize("field", ["prompt", "answer", "solution", "explanation"])
def test_a_key_missing_a_field_names_the_file_the_exercise_and_the_field(
        tmp_path: Path, field: str) -> None:
    lines = ['[exercise."9.2"]', 'kind = "number"', 'prompt = "How far?"', 'answer = "400"',
             'solution = "400"', 'explanation = "About 400 km."']
    folder = write_keys(tmp_path / "keys", "\n".join(
        line for line in lines if not line.startswith(field + " ")) + "\n")
    with pytest.raises(ValueError, match=rf"^lesson99.toml: exercise '9.2' has no {field};"):
        load_exercises(folder=folder)


def test_malformed_keys_are_refused(tmp_path: Path) -> None:
    folder = write_keys(tmp_path / "keys", '[exercise."9.1"]\nkind = "essay"\n')
    with pytest.raises(ValueError, match="needs kind"):
        load_exercises(folder=folder)


# The progress summary reads saved notebooks only and says what to do next.

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
    done = exercise_cell("0.2", "61", check("0.2", 61))
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
        ("00-a.ipynb", "0.1"), ("01-b.ipynb", "0.2")]
    assert result.summary() == ("1 of 2 exercises done. Next: exercise 0.2 in 01-b.ipynb "
                                "(tried, not yet right).")
    assert "<td>01-b.ipynb</td><td>0.2</td><td>tried, not yet right</td>" in result._repr_html_()


def test_all_done_and_nothing_found_say_so() -> None:
    done = exercise_statuses({"cells": [exercise_cell("0.2", "61", check("0.2", 61))]},
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


def test_a_copy_is_not_counted_twice_and_single_quotes_are_read(tmp_path: Path) -> None:
    cell = exercise_cell("0.2", "61", check("0.2", 61))
    cell["source"] = cell["source"].replace('"0.2"', "'0.2'")
    saved(tmp_path, "00-start-here.ipynb", [exercise_cell("0.2", "...")])
    saved(tmp_path, "00-start-here-Copy1.ipynb", [cell])
    result = progress(tmp_path)
    assert [(e.notebook, e.key, e.status) for e in result.exercises] == [
        ("00-start-here-Copy1.ipynb", "0.2", "correct")]


def test_work_in_my_work_counts_from_the_lessons_folder(tmp_path: Path) -> None:
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "my-work").mkdir()
    saved(tmp_path / "notebooks", "00-start-here.ipynb",
          [exercise_cell("0.1", "..."), exercise_cell("0.2", "...")])
    saved(tmp_path / "my-work", "00-start-here-anna.ipynb",
          [exercise_cell("0.1", '"2013-01-11"', check("0.1", "2013-01-11"))])
    for folder in ("notebooks", "my-work"):
        result = progress(tmp_path / folder)
        assert result.done == 1 and len(result.exercises) == 2
        assert result.exercises[0].notebook == "my-work/00-start-here-anna.ipynb"


def test_one_unreadable_notebook_does_not_hide_the_folder(tmp_path: Path) -> None:
    saved(tmp_path, "01-b.ipynb", [exercise_cell("0.2", "61", check("0.2", 61))])
    (tmp_path / "02-broken.ipynb").write_text("{not json", encoding="utf-8")
    result = progress(tmp_path)
    assert result.done == 1
    assert "could not read 02-broken.ipynb" in result.summary()


# Answers judged right: pandas and numpy values, bracketed names, lettered options.

def test_values_from_numpy_and_pandas_are_read() -> None:
    import numpy as np
    import pandas as pd
    towns = int(get_exercise("2.3").answer)
    assert check("2.3", np.int64(towns))
    assert check("2.3", pd.DataFrame({"jihadist": [towns]}))
    assert check("6.3", pd.Series(["ev-20200818-coup", "ev-20210524-coup"]))
    assert check("2.1", ["mujao"])


@pytest.mark.parametrize(("key", "answer"), [
    ("1.2", "African Union (AU)"), ("1.2", "AU"), ("1.5", "b) a formal finding"),
    ("1.5", "(b)"), ("1.5", "B"), ("4.3", "Policy."),
    ("6.4", "b) France and its partners announced"),
])
def test_right_answers_written_naturally_are_accepted(key: str, answer: object) -> None:
    assert check(key, answer), check(key, answer)


@pytest.mark.parametrize(("key", "answer"), [
    ("1.5", "b\u0431"), ("1.5", "b) the soldiers had not yet taken power"),
    ("1.2", "\u0410U"), ("2.1", "muja\u043e"),
])
def test_look_alikes_and_mismatched_options_are_not_accepted(key: str, answer: str) -> None:
    assert not check(key, answer)


@pytest.mark.parametrize(("key", "answer", "words"), [
    ("0.2", 37.9, "miles"), ("2.4", "194 km", "miles"), ("4.6", 50_000_000, "millions"),
    ("3.5", 0.54, "fraction"), ("3.1", 0.19, "other way round"),
    ("1.4", ["ev-20120330-kidal", "ev-20120331-gao"], "2 of your 2 items are right"),
    ("2.1", "mujaq", "one letter"), ("5.4", "civilians-fleing", "one letter"),
])
def test_foreseeable_slips_get_their_own_message(key: str, answer: object, words: str) -> None:
    result = check(key, answer)
    assert result.status == "incorrect" and words in result.message, result


def test_a_text_exercise_given_a_list_does_not_print_the_answer() -> None:
    result = check("1.3", ["a", "b"])
    assert result.status == "invalid" and "ev-20120429" not in result.message


# The French edition: keys/fr/lessonNN.toml translates each English key file.

KEY_FILES = sorted(exercises.keys_dir().glob("lesson*.toml"))


def read_toml(path: Path) -> dict:
    import tomllib
    return tomllib.loads(path.read_text(encoding="utf-8")).get("exercise", {})


@pytest.mark.parametrize("english", KEY_FILES, ids=[path.stem for path in KEY_FILES])
def test_every_english_key_file_has_a_complete_french_one(english: Path) -> None:
    french_path = english.parent / "fr" / english.name
    assert french_path.is_file(), (f"helpers/keys/fr/{english.name} does not exist yet: the "
                                   f"French edition needs a translation of {english.name}")
    english_keys, french_keys = read_toml(english), read_toml(french_path)
    assert set(french_keys) == set(english_keys), (
        f"fr/{english.name}: missing {sorted(set(english_keys) - set(french_keys))}, "
        f"unknown {sorted(set(french_keys) - set(english_keys))}")
    for key, entry in english_keys.items():
        french = french_keys[key]
        assert french.get("prompt") and french.get("explanation"), f"{key}: prompt, explanation"
        assert len(french.get("hints", [])) == len(entry.get("hints", [])), f"{key}: hints"
        lacking = set(entry.get("feedback", {})) - set(french.get("feedback", {}))
        assert not lacking, f"fr/{english.name} {key}: no French feedback for {sorted(lacking)}"


def test_french_keys_hold_no_answers(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "lesson00.toml").write_text(
        (exercises.keys_dir() / "lesson00.toml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "fr" / "lesson00.toml").write_text(
        '[exercise."0.1"]\nprompt = "Quand ?"\nanswer = "2013-01-12"\n', encoding="utf-8")
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    with pytest.raises(ValueError, match="fr/lesson00.toml: exercise '0.1' translates answer"):
        load_exercises(folder=tmp_path)


def test_in_french_check_hint_and_reveal_speak_french(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    right = check("0.1", "vendredi 11 janvier 2013")
    assert right and repr(right).startswith("✔ Correct (0.1): La France a commencé")
    foreseen = check("0.1", "22/03/2012")
    assert foreseen.message.startswith("C'est la date du coup d'État")
    assert repr(check("0.1", "2013-02-02")).startswith("✘ Pas encore (0.1): ce n'est pas cela.")
    assert check("0.1", ...).message.startswith("remplacez ... par votre réponse")
    assert "« J mois AAAA »" in check("0.1", "bientôt").message
    assert "miles" in check("0.2", round(61 / 1.609344)).message
    assert repr(hint("0.1")).startswith("Indice 1 sur 2 : Cherchez la ligne")
    assert "Pourquoi : " in repr(reveal("0.1")) and reveal("0.1").answer == "2013-01-11"


def test_french_accept_forms_are_right_in_french_and_english_forms_still_are(
        tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "fr").mkdir()
    (tmp_path / "lesson01.toml").write_text(
        '[exercise."9.1"]\nprompt = "Which body?"\nkind = "text"\nanswer = "African Union"\n'
        'solution = "\\"African Union\\""\nexplanation = "Yes."\naccept = ["AU"]\n',
        encoding="utf-8")
    (tmp_path / "fr" / "lesson01.toml").write_text(
        '[exercise."9.1"]\nprompt = "Quelle organisation ?"\nexplanation = "Oui."\n'
        'accept = ["Union africaine", "UA"]\n', encoding="utf-8")
    monkeypatch.setattr(exercises, "keys_dir", lambda: tmp_path)
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    assert all(check("9.1", form) for form in ("Union africaine", "UA", "AU", "african union"))
    assert check("9.1", "Union africain").message.startswith("Presque : une lettre")
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    assert check("9.1", "AU") and not check("9.1", "Union africaine")


def test_french_progress_is_read_from_french_feedback(monkeypatch) -> None:
    monkeypatch.setenv("MALI_LANGUAGE", "fr")
    cell = {"cell_type": "code", "source": 'answer_0_1 = "x"\ncheck("0.1", answer_0_1)',
            "outputs": [{"output_type": "execute_result",
                         "data": {"text/plain": repr(check("0.1", "2013-02-02"))}}]}
    statuses = exercise_statuses({"cells": [cell]}, name="00.ipynb")
    assert statuses[0].status == "incorrect"
    summary = Progress(tuple(statuses)).summary()
    assert summary.startswith("0 exercice(s) sur 1 fait(s). Ensuite : l'exercice 0.1")
    monkeypatch.setenv("MALI_LANGUAGE", "en")
    assert exercise_statuses({"cells": [cell]}, name="00.ipynb")[0].status == "incorrect"


def test_every_unit_slip_has_its_french() -> None:
    from helpers.language import read_catalogue
    french = read_catalogue("fr")["exercises"]
    assert all(message in french for slips in exercises.UNIT_SLIPS.values()
               for _, message in slips)
