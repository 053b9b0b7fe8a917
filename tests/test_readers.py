"""Tolerant reading of learners' answers, and clear messages when an answer can't be read."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from helpers.readers import (
    AnswerFormatError,
    normalise_text,
    read_date,
    read_items,
    read_number,
    unwrap_value,
)


@pytest.mark.parametrize("given", [
    "2013-01-11", "2013-1-11", "11 January 2013", "11 Jan 2013", "January 11, 2013",
    "jan. 11 2013", "11 janvier 2013", " 2013/01/11 ", date(2013, 1, 11),
    datetime(2013, 1, 11, 15), pd.Timestamp("2013-01-11"),
])
def test_many_ways_of_writing_a_date_are_read(given) -> None:
    assert read_date(given) == date(2013, 1, 11)


@pytest.mark.parametrize(("given", "message"), [
    ("11/01/2013", "ambiguous"),
    ("soon", "could not read 'soon'"),
    ("31 February 2013", "could not read"),
    (20130111, "you gave a whole number"),
    (["2013-01-11"], "you gave a list"),
])
def test_unreadable_dates_say_what_to_write(given, message) -> None:
    with pytest.raises(AnswerFormatError, match=message):
        read_date(given)


@pytest.mark.parametrize(("given", "expected"), [
    (400, 400.0), (12.5, 12.5), ("1,200", 1200.0), ("1 200", 1200.0), ("about 400 km", 400.0),
    ("-3", -3.0),
])
def test_numbers_are_read_from_numbers_and_text(given, expected) -> None:
    assert read_number(given) == expected


@pytest.mark.parametrize(("given", "message"), [
    (True, "True or False"), ("between 400 and 500", "found 2"), ("many", "found 0"),
    ({"km": 3}, "a dictionary"),
])
def test_unreadable_numbers_say_why(given, message) -> None:
    with pytest.raises(AnswerFormatError, match=message):
        read_number(given)


def test_text_is_compared_without_case_accents_or_punctuation() -> None:
    assert normalise_text("Ségou!") == normalise_text("  segou ")


def test_items_come_from_lists_or_text() -> None:
    assert read_items(["Gao", "KIDAL"]) == {"gao", "kidal"}
    assert read_items("Gao; Kidal and Tombouctou") == {"gao", "kidal", "tombouctou"}
    with pytest.raises(AnswerFormatError, match="several items"):
        read_items(3)


# Answers as a student really gives them: from numpy and pandas, in many date styles.

@pytest.mark.parametrize("given", [
    "10th January 2013", "Thursday 10 January 2013", "January 10th, 2013", "Thu, 10 Jan 2013",
])
def test_ordinals_and_weekdays_are_read(given) -> None:
    assert read_date(given) == date(2013, 1, 10)


@pytest.mark.parametrize(("given", "expected"), [
    ("21.01.2013", date(2013, 1, 21)), ("01/21/2013", date(2013, 1, 21)),
    ("January 21st, 2013", date(2013, 1, 21)), ("5/5/2013", date(2013, 5, 5)),
])
def test_a_day_above_twelve_settles_the_order(given, expected) -> None:
    assert read_date(given) == expected


@pytest.mark.parametrize("given", ["10/01/2013", "soon", "31 February 2013", 20130111])
def test_date_advice_gives_no_real_date(given) -> None:
    with pytest.raises(AnswerFormatError) as err:
        read_date(given)
    advice = str(err.value).replace(str(given), "")
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}", advice)


@pytest.mark.parametrize(("given", "expected"), [
    (np.int64(9), 9.0), (np.float64(5.3), 5.3), (pd.Series([313.2]), 313.2),
    (pd.DataFrame({"km": [513]}), 513.0), (Decimal("5.3"), 5.3), ("5,3", 5.3),
    ("513,0", 513.0), ("\u2212513", -513.0), ("1,200,000", 1200000.0), ("1 200", 1200.0),
])
def test_numbers_from_numpy_pandas_decimal_and_decimal_commas(given, expected) -> None:
    assert read_number(given) == pytest.approx(expected)


@pytest.mark.parametrize(("given", "message"), [
    ("51 3", "unusual place"), ("5,13", "could mean 5.13 or 513"), (10 ** 400, "far too large"),
    ("9" * 500, "characters long"), (float("nan"), "not a number"),
    (pd.Series([1, 2]), "you gave a list"),
])
def test_doubtful_numbers_get_a_clear_message(given, message) -> None:
    with pytest.raises(AnswerFormatError, match=message):
        read_number(given)


def test_look_alike_letters_of_other_scripts_are_kept_apart() -> None:
    assert normalise_text("b\u0431") != "b"
    assert normalise_text("\u0410U") != "au"
    assert normalise_text("Sévaré") == "sevare"


def test_series_and_arrays_are_read_as_lists() -> None:
    assert read_items(pd.Series(["Gao", "Kidal"])) == {"gao", "kidal"}
    assert read_items(np.array(["Gao", "Kidal"])) == {"gao", "kidal"}
    assert unwrap_value(pd.DataFrame({"n": [np.int64(4)]})) == 4
