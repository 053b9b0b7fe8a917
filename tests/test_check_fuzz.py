"""Property-based tests of ``check``: whatever a student types, every exercise answers with
one of its intended messages, never a traceback, never the solution, and no foreseeable slip
(wrong unit, half a list, a one-letter typo, a look-alike letter) is accepted."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.exercises import SYMBOLS, UNIT_SLIPS, Feedback, accepted_texts, check, load_exercises
from helpers.readers import normalise_text, read_date, read_items

KEYS = load_exercises()
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ANSWERS = st.one_of(
    st.text(max_size=60), st.text(alphabet="0123456789 ,.-\u2212/", max_size=20),
    st.integers(), st.integers(min_value=10 ** 300, max_value=10 ** 320),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True),
    st.booleans(), st.none(), st.just(...), st.dates(), st.datetimes(),
    st.lists(st.text(max_size=12), max_size=5), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                 max_size=2),
    st.integers(-10 ** 6, 10 ** 6).map(np.int64), st.floats(-1e6, 1e6).map(np.float64),
    st.lists(st.integers(-100, 100), min_size=1, max_size=3).map(pd.Series),
    st.text(min_size=301, max_size=400),
)


def solution_shown(key: str, answer: object, message: str) -> bool:
    """True when a message shows the exercise's answer that the student did not type."""
    typed = normalise_text(answer if isinstance(answer, str) else repr(answer))
    solution = normalise_text(KEYS[key].answer)
    if len(solution) < 4 or solution in typed:
        return False
    return re.search(rf"\b{re.escape(solution)}\b", normalise_text(message)) is not None


@pytest.mark.parametrize("key", sorted(KEYS))
@FUZZ
@given(answer=ANSWERS)
def test_any_answer_gets_an_intended_message(key: str, answer: object) -> None:
    result = check(key, answer)
    assert isinstance(result, Feedback) and result.status in SYMBOLS
    assert result.message and "Traceback" not in result.message
    if result.status != "correct":
        assert not solution_shown(key, answer, result.message), result


def one_letter_changes(text: str) -> st.SearchStrategy[str]:
    letters = st.sampled_from("abcdefghijklmnopqrstuvwxyz\u0430\u043e\u0435")
    position = st.integers(0, len(text) - 1)
    return st.tuples(position, letters).map(lambda p: text[:p[0]] + p[1] + text[p[0] + 1:])


TEXT_KEYS = sorted(k for k, e in KEYS.items() if e.kind in ("text", "choice")
                   and len(normalise_text(e.answer)) >= 4)


@pytest.mark.parametrize("key", TEXT_KEYS)
@FUZZ
@given(data=st.data())
def test_a_one_letter_slip_is_not_accepted(key: str, data) -> None:
    answer = normalise_text(KEYS[key].answer)
    slip = data.draw(one_letter_changes(answer))
    if normalise_text(slip) in accepted_texts(KEYS[key]):
        return
    result = check(key, slip)
    assert result.status == "incorrect", result
    if slip.isascii():
        assert "one letter" in result.message or result.message in KEYS[key].feedback.values()


ITEM_KEYS = sorted(k for k, e in KEYS.items() if e.kind == "items"
                   and len(read_items(e.answer)) >= 2)


@pytest.mark.parametrize("key", ITEM_KEYS)
@FUZZ
@given(data=st.data())
def test_part_of_a_list_is_not_accepted(key: str, data) -> None:
    expected = sorted(read_items(KEYS[key].answer))
    part = data.draw(st.lists(st.sampled_from(expected), min_size=1, max_size=len(expected) - 1,
                              unique=True))
    result = check(key, part)
    assert result.status == "incorrect"
    assert "are right" in result.message or result.message in KEYS[key].feedback.values()


UNIT_KEYS = sorted(k for k, e in KEYS.items() if e.unit)


@pytest.mark.parametrize("key", UNIT_KEYS)
def test_the_right_figure_in_the_wrong_unit_is_not_accepted(key: str) -> None:
    exercise = KEYS[key]
    target = float(exercise.answer)
    for factor, message in UNIT_SLIPS[exercise.unit]:
        slip = 1 / target if factor == -1 else target * factor
        for given_as in (slip, np.float64(slip), f"{slip:,.2f}", Decimal(str(round(slip, 3)))):
            result = check(key, given_as)
            assert result.status == "incorrect" and result.message == message, (given_as, result)


DATE_KEYS = sorted(k for k, e in KEYS.items() if e.kind == "date")
DATE_STYLES = ["%Y-%m-%d", "%d %B %Y", "%A %d %B %Y", "%B %d, %Y", "%d.%m.%Y", "%d %b %Y",
               "%Y/%m/%d"]


@pytest.mark.parametrize("key", DATE_KEYS)
def test_the_right_date_in_any_common_style_is_accepted(key: str) -> None:
    day = read_date(KEYS[key].answer)
    written = [day.strftime(style) for style in DATE_STYLES]
    written += [f"{day.day}{'th' if day.day > 3 else ['st', 'nd', 'rd'][day.day - 1]} "
                f"{day:%B %Y}", pd.Timestamp(day), datetime(day.year, day.month, day.day),
                np.datetime64(day.isoformat())]
    ambiguous = day.day <= 12 and day.month != day.day
    for text in written:
        if ambiguous and isinstance(text, str) and re.fullmatch(r"\d+\.\d+\.\d+", text):
            continue
        assert check(key, text), (text, check(key, text))
