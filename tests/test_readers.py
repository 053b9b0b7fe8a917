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


# French forms: read in the French edition, and in English wherever they mean one thing.

@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("given", "expected"), [
    ("11 janvier 2013", date(2013, 1, 11)), ("1er février 2013", date(2013, 2, 1)),
    ("le 11 janvier 2013", date(2013, 1, 11)), ("vendredi 11 janvier 2013", date(2013, 1, 11)),
    ("Le vendredi 11 janvier 2013", date(2013, 1, 11)), ("8 févr. 2013", date(2013, 2, 8)),
    ("1er juil. 2013", date(2013, 7, 1)), ("25/01/2013", date(2013, 1, 25)),
    ("13 décembre 2012", date(2012, 12, 13)), ("2013-01-11", date(2013, 1, 11)),
])
def test_french_dates_are_read_in_both_languages(given, expected, language) -> None:
    assert read_date(given, language=language) == expected


@pytest.mark.parametrize(("given", "french", "english"), [
    ("11/01/2013", date(2013, 1, 11), "ambiguous"),
    ("01/02/2013", date(2013, 2, 1), "ambiguous"),
    ("01/21/2013", date(2013, 1, 21), date(2013, 1, 21)),
])
def test_digit_dates_are_day_first_in_french_and_must_be_unambiguous_in_english(
        given, french, english) -> None:
    assert read_date(given, language="fr") == french
    if isinstance(english, date):
        assert read_date(given, language="en") == english
    else:
        with pytest.raises(AnswerFormatError, match=english):
            read_date(given, language="en")


@pytest.mark.parametrize("given", ["31 février 2013", "bientôt", "le 11 janvier", 20130111])
def test_french_date_refusals_advise_the_format_in_french_without_a_date(given) -> None:
    with pytest.raises(AnswerFormatError) as err:
        read_date(given, language="fr")
    message = str(err.value)
    assert "« J mois AAAA »" in message and "« AAAA-MM-JJ »" in message
    advice = message.replace(str(given), "")
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{1,2} [a-zé]+ \d{4}", advice)


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("given", "expected"), [
    ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5),
    ("1 234", 1234.0), ("1\u202f234", 1234.0), ("12 345 678", 12345678.0), ("5,3", 5.3),
    ("\u2212513", -513.0), ("\u22121\u202f234,5", -1234.5), ("environ 513 km", 513.0),
    ("1,234.5", 1234.5), ("1,200,000", 1200000.0), ("513,0", 513.0),
])
def test_french_numbers_are_read_in_both_languages(given, expected, language) -> None:
    assert read_number(given, language=language) == pytest.approx(expected)


def test_a_decimal_comma_is_a_decimal_in_french_and_ambiguous_in_english() -> None:
    assert read_number("5,13", language="fr") == pytest.approx(5.13)
    with pytest.raises(AnswerFormatError, match="could mean 5.13 or 513"):
        read_number("5,13", language="en")
    assert read_number("1,200", language="en") == 1200.0
    with pytest.raises(AnswerFormatError, match="peut vouloir dire 1,200 ou 1 200"):
        read_number("1,200", language="fr")


@pytest.mark.parametrize(("given", "message"), [
    ("51 3", "impossible de lire '51 3' comme un seul nombre"),
    ("entre 400 et 500", "2 trouvé"), (True, "True ou False"), ({"km": 3}, "un dictionnaire"),
    ("9" * 500, "500 caractères"),
])
def test_french_number_refusals_are_in_french(given, message) -> None:
    import os
    os.environ["MALI_LANGUAGE"] = "fr"
    try:
        with pytest.raises(AnswerFormatError, match=re.escape(message)):
            read_number(given)
    finally:
        del os.environ["MALI_LANGUAGE"]


def test_french_items_are_split_on_et_only_in_french() -> None:
    assert read_items("Gao, Kidal et Tombouctou", language="fr") == {"gao", "kidal", "tombouctou"}
    assert read_items("Gao; Kidal et Tombouctou", language="en") == {"gao", "kidal et tombouctou"}
    with pytest.raises(AnswerFormatError, match="plusieurs éléments sont attendus"):
        read_items(3, language="fr")
