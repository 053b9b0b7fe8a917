"""Tolerant reading of learners' answers, and clear messages when an answer can't be read."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from helpers.readers import (
    AnswerFormatError,
    normalise_text,
    read_date,
    read_items,
    read_number,
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
