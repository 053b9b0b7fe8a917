"""No output above an exercise states its answer (checked on executed notebooks).

``scripts/build_instructor.py`` runs ``early_answers`` on every executed lesson in
``make test``; these tests check the detector itself on small notebooks, and the pinned
outputs (stored in the committed lessons) directly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from answer_leaks import ALLOWED, early_answers

from helpers.exercises import load_exercises

ROOT = Path(__file__).resolve().parents[1]
KEYS = load_exercises()


def printed(text: str) -> dict:
    return {"cell_type": "code", "source": "print(...)",
            "outputs": [{"output_type": "stream", "name": "stdout", "text": text}]}


def shown(markdown: str) -> dict:
    return {"cell_type": "code", "source": "table(...)",
            "outputs": [{"output_type": "display_data", "data": {"text/markdown": markdown}}]}


def exercise(key: str) -> dict:
    return {"cell_type": "code", "source": f'answer = ...\ncheck("{key}", answer)', "outputs": []}


@pytest.mark.parametrize(("output", "key"), [
    (printed("Diabaly is 313 km from Bamako in a straight line."), "2.4"),
    (printed("Diabaly is 316.2 km away"), "2.4"),
    (shown("| Diabaly | 350 km | 313 |"), "2.4"),
    (printed("ratio 6 Feb / 15 Jan: 5.3"), "3.1"),
    (printed("Serval began on 11 January 2013."), "0.1"),
    (printed("Serval began on 2013-01-11."), "0.1"),
    (printed("Gao was held by MUJAO on 1 August"), "2.1"),
    (printed("The source is news-afribone-20120131-kati"), "1.6"),
])
def test_an_answer_shown_before_its_exercise_is_found(output: dict, key: str) -> None:
    found = early_answers({"cells": [output, exercise(key)]}, KEYS)
    assert len(found) == 1 and f"exercise {key}" in found[0], found


@pytest.mark.parametrize(("cells", "key"), [
    ([exercise("2.4"), printed("Diabaly is 313 km away")], "2.4"),       # after: fine
    ([printed("Diabaly is 250 km away"), exercise("2.4")], "2.4"),       # outside tolerance
    ([shown("| 10 Jan 2013 | Konna falls |"), exercise("2.2")], "2.2"),  # evidence to look up
    ([printed("Gao is 947 km away"), exercise("2.4")], "2.4"),           # another number
])
def test_evidence_and_later_outputs_are_not_findings(cells: list, key: str) -> None:
    assert early_answers({"cells": cells}, KEYS) == []


def test_every_allowance_names_an_exercise_and_a_reason() -> None:
    for (key, words), reason in ALLOWED.items():
        assert key in KEYS and len(words) > 10 and len(reason) > 30


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")),
                         ids=lambda p: p.name)
def test_pinned_outputs_do_not_give_an_answer_away(path: Path) -> None:
    assert early_answers(json.loads(path.read_text(encoding="utf-8")), KEYS) == []


def test_examples_run() -> None:
    import doctest

    import answer_leaks
    import set_repository
    for module in (answer_leaks, set_repository):
        assert doctest.testmod(module).failed == 0, module.__name__
